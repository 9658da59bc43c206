// Practitioner enquiry end to end: the built CLI starts a one-teacher project and cycles from flags, answers the
// GTCS questions in the cycle's records, checks the method's rule at its file, line and column, and reports,
// guides and briefs the method's own way.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sipp, tempDir } from '../helpers.js';

const CYCLE = 'cycles/01-planning-frames';

const FLAGS = [
  '--question',
  'Does talk before writing improve how my S3 learners organise their essays?',
  '--school-priority',
  'Raising attainment in writing (school improvement plan, priority 1).',
  '--already-known',
  'Oral rehearsal helps learners organise their ideas.',
  '--approach',
  'Ten minutes of paired talk with a planning frame before each essay.',
  '--prediction',
  'Organisation scores will rise by 3 points out of 20.',
  '--how-will-you-know',
  'Two essays marked blind against the department rubric.',
];

/** A practitioner enquiry project with one cycle started by flags (no terminal, so nothing is asked). */
function enquiryProject(flags: readonly string[] = FLAGS): string {
  const dir = tempDir();
  const init = sipp(
    [
      'init',
      '--yes',
      '--no-git',
      '--method',
      'practitioner-enquiry',
      '--title',
      'Extended writing',
      '--school',
      'Kelvinbrae Academy',
    ],
    { cwd: dir },
  );
  expect(init.code, init.stderr).toBe(0);
  const cycle = sipp(['cycle', 'Planning frames', ...flags], { cwd: dir });
  expect(cycle.code, cycle.stderr).toBe(0);
  return dir;
}

function write(dir: string, record: string, text: string): void {
  writeFileSync(path.join(dir, CYCLE, `${record}.yaml`), text);
}

function read(dir: string, record: string): string {
  return readFileSync(path.join(dir, CYCLE, `${record}.yaml`), 'utf8');
}

const RESULTS = `measures:
  - id: organisation
    name: Organisation of extended writing
results:
  - measure: organisation
    groups:
      - name: All learners
        before: { date: 2025-09-12, n: 52, mean: 9.1 }
        after: { date: 2026-02-20, n: 50, mean: 12.4 }
`;

/** Today in this machine's time zone, as sipp dates a prediction written when a cycle starts. */
function today(): string {
  const now = new Date();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

describe('a practitioner enquiry', () => {
  it('starts with its own record, and puts each flag in the record that answers its question', () => {
    const dir = enquiryProject();
    expect(readdirSync(path.join(dir, CYCLE)).sort()).toEqual([
      'baseline.yaml',
      'intervention.yaml',
      'measures.yaml',
      'practitioner-enquiry.yaml',
      'question.yaml',
      'reflections.yaml',
    ]);
    expect(read(dir, 'question')).toContain('\nmethod: practitioner-enquiry\n');
    expect(read(dir, 'question')).toContain('\nrationale: Oral rehearsal helps learners organise their ideas.\n');
    expect(read(dir, 'question')).toContain('\nprediction: Organisation scores will rise by 3 points out of 20.\n');
    // A prediction given when the cycle starts is dated that day.
    expect(read(dir, 'question')).toContain(`\npredictionDate: ${today()}\n`);
    expect(read(dir, 'question')).toContain(
      '\nhowWillWeKnow: Two essays marked blind against the department rubric.\n',
    );
    expect(read(dir, 'intervention')).toContain(
      '\nwhat: Ten minutes of paired talk with a planning frame before each essay.\n',
    );
    expect(read(dir, 'practitioner-enquiry')).toContain(
      '\nfit:\n  schoolPriority: Raising attainment in writing (school improvement plan, priority 1).\n  professionalStandards:\n',
    );
    const validate = sipp(['validate'], { cwd: dir });
    expect(validate.stdout).toBe('✔ sipp.yaml and 1 cycle (6 records) are valid.\n');
    expect(validate.code).toBe(0);
  });

  it('can be a cycle of a project whose default is another method', () => {
    const dir = tempDir();
    expect(
      sipp(['init', '--yes', '--no-git', '--title', 'Reading', '--school', 'Hillside Primary'], { cwd: dir }).code,
    ).toBe(0);
    const r = sipp(['cycle', 'My own class', '--method', 'practitioner-enquiry', '--prediction', 'It will rise.'], {
      cwd: dir,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('(Practitioner enquiry)');
    const question = readFileSync(path.join(dir, 'cycles/01-my-own-class/question.yaml'), 'utf8');
    expect(question).toContain('\nmethod: practitioner-enquiry\n');
    expect(question).toContain('\nprediction: It will rise.\n');
    expect(sipp(['validate'], { cwd: dir }).code).toBe(0);
  });

  it("refuses its flags on another method's cycle (exit 2)", () => {
    const dir = enquiryProject();
    const r = sipp(['cycle', 'Another', '--method', 'car', '--school-priority', 'Writing'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      '--school-priority is for Practitioner enquiry cycles, and this cycle is Collaborative Action Research. Nothing was written.',
    );
  });

  it('says which questions are still to answer, in the order of the GTCS questions', () => {
    const dir = enquiryProject();
    const r = sipp(['status', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    const [cycle] = (
      JSON.parse(r.stdout) as { cycles: { stage: string; missing: { label: string; file: string }[] }[] }
    ).cycles;
    expect(cycle?.stage).toBe('question');
    expect(cycle?.missing.map((m) => m.label)).toEqual([
      'how you keep the enquiry ethical',
      'the date you took stock (the baseline date)',
      'the situation now: the evidence of need',
      'the plan: what, when and with which learners',
      'the start date',
      'what you did, and how it went',
      'at least one measure',
      'what happened, compared with what you expected',
      'what you have learnt',
      'the difference it made to learners',
      'who you shared it with, how and when',
    ]);
  });

  it('warns when evidence from learners is recorded with nothing said about ethics (exit 0, 1 with --strict)', () => {
    const dir = enquiryProject();
    write(dir, 'measures', RESULTS);
    // A prediction written before these results were collected, as a teacher who predicts first would have it.
    write(dir, 'question', read(dir, 'question').replace(/^predictionDate:.*$/m, 'predictionDate: 2026-01-10'));
    const r = sipp(['validate'], { cwd: dir });
    expect(r.stdout).toBe(
      [
        `${CYCLE}/practitioner-enquiry.yaml:11:1: warning: Evidence from learners is recorded (results in measures.yaml), but the enquiry does not say how it is kept ethical. Write under \`ethics\` how learners (and parents and carers, where needed) were told about the enquiry and could choose not to take part, and that their work is kept under codes, never names.`,
        '✔ sipp.yaml and 1 cycle (6 records) are valid, with 1 warning.',
        '',
      ].join('\n'),
    );
    expect(r.code).toBe(0);
    const strict = sipp(['validate', '--strict', '--json'], { cwd: dir });
    expect(strict.code).toBe(1);
    expect(JSON.parse(strict.stdout)).toEqual([
      expect.objectContaining({
        file: `${CYCLE}/practitioner-enquiry.yaml`,
        line: 11,
        column: 1,
        rule: 'practitioner-enquiry-ethics',
        severity: 'warning',
      }),
    ]);

    const ethics = read(dir, 'practitioner-enquiry').replace(
      /^ethics:$/m,
      'ethics: Learners were told and could opt out.',
    );
    write(dir, 'practitioner-enquiry', ethics);
    expect(sipp(['validate', '--strict'], { cwd: dir }).code).toBe(0);
  });

  it('names what learners said when that is the only evidence from them', () => {
    const dir = enquiryProject();
    write(dir, 'practitioner-enquiry', 'fit:\n  schoolPriority: Writing\n');
    write(dir, 'reflections', 'learnerVoice: Talking first helps.\n');
    const r = sipp(['validate', '--json'], { cwd: dir });
    expect(JSON.parse(r.stdout)).toEqual([
      {
        file: `${CYCLE}/practitioner-enquiry.yaml`,
        line: 1,
        column: 1,
        message:
          'Evidence from learners is recorded (what learners said, in reflections.yaml), but the enquiry does not say how it is kept ethical. Write under `ethics` how learners (and parents and carers, where needed) were told about the enquiry and could choose not to take part, and that their work is kept under codes, never names.',
        rule: 'practitioner-enquiry-ethics',
        severity: 'warning',
      },
    ]);
    expect(r.code).toBe(0);
  });

  it('warns when the prediction is dated after the results it predicts', () => {
    const dir = enquiryProject();
    write(dir, 'measures', RESULTS);
    write(dir, 'practitioner-enquiry', 'ethics: Learners were told and could opt out.\n');
    write(dir, 'question', read(dir, 'question').replace(/^predictionDate:.*$/m, 'predictionDate: 2026-03-01'));
    const r = sipp(['validate'], { cwd: dir });
    const line = read(dir, 'question')
      .split('\n')
      .findIndex((l) => l.startsWith('prediction:'));
    expect(r.stdout.split('\n')[0]).toBe(
      `${CYCLE}/question.yaml:${line + 1}:13: warning: The prediction was written on 1 March 2026, after the results it predicts (recorded on 20 February 2026 in measures.yaml). Write predictions before you collect the data, so that they can be tested.`,
    );
    expect(r.code).toBe(0);
    expect(sipp(['validate', '--strict'], { cwd: dir }).code).toBe(1);
  });

  it('has a guide that maps the GTCS questions onto the records', () => {
    const r = sipp(['guide', 'practitioner-enquiry'], { cwd: tempDir() });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('Practitioner enquiry (practitioner-enquiry)');
    expect(r.stdout).toContain("   1. What's the problem?               question.yaml: question\n");
    expect(r.stdout).toContain(
      '   2. How does it fit in?               practitioner-enquiry.yaml: fit.schoolPriority\n',
    );
    expect(r.stdout).toContain('  11. How will you share?               reflections.yaml: sharedWith\n');
    expect(r.stdout).toContain('  - The prediction: was it written before the evidence was collected');
  });

  it('briefs the critical friend with the questions answered and still to answer', () => {
    const dir = enquiryProject();
    const out = path.join(dir, 'out');
    const r = sipp(['brief', '--out', out], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const md = readFileSync(path.join(out, '01-planning-frames.md'), 'utf8');
    expect(md).toContain('- **Method:** Practitioner enquiry (the GTCS professional enquiry questions)\n');
    expect(md).toContain('- **Questions:** 4 of 11 questions answered\n');
    expect(md).toContain("| 1 | What's the problem? | Answered |  |\n");
    expect(md).toContain('| 4 | How will you tackle it? | Answered |  |\n');
    expect(md).toContain(
      "| 6 | What's the plan? | Not yet answered | The plan: what, when and with which learners; The start date; How you keep the enquiry ethical |\n",
    );
    expect(md).toContain('## 11. How will you share?');
    expect(md).toContain('## For the next conversation with the critical friend');
    const html = readFileSync(path.join(out, '01-planning-frames.html'), 'utf8');
    expect(html).toContain('<h2 id="questions">The enquiry questions</h2>');
    expect(html).toContain('<th scope="row">What&#x27;s already known?</th><td class="nowrap">&#10003; Answered</td>');
    expect(html).toContain('<dt>Critical friend</dt><dd><span class="not-recorded">Not yet recorded</span></dd>');
  });
});
