// Issue 9, section 3: mistakes teachers make in the records that passed silently or were misdiagnosed, each
// answered at its line with what to write instead. The built CLI on projects in temporary folders.
import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, newProject, sipp, tempDir } from './helpers.js';

const CYCLE = 'cycles/01-paired-reading';

function example(): string {
  const dir = tempDir();
  cpSync(path.join(EXAMPLES, 'northfield-reading'), dir, { recursive: true });
  return dir;
}

/** Replaces the line starting with `key:` (the first at that indentation) in a record of the example. */
function setLine(dir: string, record: string, pattern: RegExp, line: string): void {
  const file = path.join(dir, CYCLE, `${record}.yaml`);
  const text = readFileSync(file, 'utf8');
  if (!pattern.test(text)) throw new Error(`${pattern} is not in ${record}.yaml`);
  writeFileSync(file, text.replace(pattern, line));
}

const output = (dir: string) => {
  const r = sipp(['validate'], { cwd: dir });
  return { code: r.code, text: r.stdout + r.stderr };
};

describe('sipp validate explains what a teacher meant', () => {
  it('warns where an answer goes on after ` #` and is cut short', () => {
    const dir = example();
    setLine(
      dir,
      'reflections',
      /^learning: .*(\n {2}.*)*/m,
      'learning: Learners loved choosing their own books #1 lesson, let them choose.',
    );
    const { code, text } = output(dir);
    expect(code).toBe(0);
    expect(text).toContain(`${CYCLE}/reflections.yaml:`);
    expect(text).toContain(
      'warning: The answer stops here: after a space, `#` starts a comment, so "#1 lesson, let them choose." is left out of the answer. If it is part of the answer, put the whole answer in double quotes: "Learners loved choosing their own books #1 lesson, let them choose.".',
    );
  });

  it('says to line a key up with the one above, where it is indented one space too many', () => {
    const dir = newProject();
    const file = path.join(dir, 'sipp.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(/^team: \[\]$/m, "team:\n  - name: Mr O'Neill\n     role: lead"),
    );
    const { code, text } = output(dir);
    expect(code).toBe(1);
    expect(text).toMatch(
      /sipp\.yaml:\d+:11: `role:` on the next line is not lined up with `name:` \(it has 5 spaces in front, `name:` is after 4 spaces\), so YAML reads it as more of the text of `name`\. Line `role:` up with `name:`: 4 spaces in front\./,
    );
    expect(text).not.toContain('colon followed by a space');
  });

  it.each([
    [
      'an equity group written as a SIMD range',
      'measures',
      /^( {8})equity: equity-group$/m,
      '$1equity: SIMD 1-2',
      '`equity` must be one of: all, equity-group, others, simd-1, simd-2, simd-3, simd-4, simd-5; got "SIMD 1-2". A range of SIMD quintiles is written by its role in the enquiry: equity-group if SIMD 1-2 is the equity group in sipp.yaml (or in this cycle\'s question.yaml), others if it is the rest of the learners; the group\'s `name` can still say "SIMD 1-2".',
    ],
    [
      'a percentage where a count is wanted',
      'measures',
      /count: 13 \}/,
      'count: 25% }',
      '`count` must be a whole number of 0 or more, got "25%". `count` is how many of the `n` learners answered yes, as a whole number, not a percentage: for 25% of n learners, write n × 25 / 100 (the briefing works out the percentage).',
    ],
    [
      'a date written the Scottish way',
      'baseline',
      /^date: .*$/m,
      'date: 3/10/2025',
      '`date` must be a date written as YYYY-MM-DD, got "3/10/2025". Write 2025-10-03 for 3 October 2025.',
    ],
    [
      'fidelity in words',
      'intervention',
      /^fidelity: .*$/m,
      'fidelity: mostly as planned',
      '`fidelity` must be one of: as-planned, adapted, partial; got "mostly as planned". Did you mean as-planned? (Say what differed in `adaptations`.)',
    ],
    [
      'yes for true',
      'measures',
      /higherIsBetter: true/,
      'higherIsBetter: yes',
      '`higherIsBetter` must be true or false, got "yes". Write true for yes.',
    ],
    [
      'a decision with a capital letter',
      'reflections',
      /^decision: .*$/m,
      'decision: Adapt',
      '`decision` must be one of: adopt, adapt, abandon, scale, continue; got "Adapt". Did you mean adapt?',
    ],
  ])('%s', (_, record, pattern, line, message) => {
    const dir = example();
    setLine(dir, record, pattern, line);
    const { code, text } = output(dir);
    expect(code).toBe(1);
    expect(text).toContain(message);
  });
});

describe('sipp status does not call a stage done too early', () => {
  it('keeps the intervention open while "what actually happened" is empty', () => {
    const dir = example();
    setLine(dir, 'intervention', /^actual: >-\n(( {2}.*)\n)+/m, 'actual:\n');
    const r = sipp(['status'], { cwd: dir });
    expect(r.stdout).toContain('what actually happened');
    const json = JSON.parse(sipp(['status', '--json'], { cwd: dir }).stdout) as {
      cycles: { folder: string; complete: boolean; stage: string }[];
    };
    expect(json.cycles[0]).toMatchObject({ folder: '01-paired-reading', complete: false, stage: 'intervention' });
  });

  it('warns about a figure dated in the future', () => {
    const dir = newProject();
    expect(sipp(['cycle', '--yes', 'Paired reading'], { cwd: dir }).code).toBe(0);
    const file = path.join(dir, CYCLE, 'baseline.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^date:.*$/m, 'date: 2062-09-01'));
    const { code, text } = output(dir);
    expect(code).toBe(0);
    expect(text).toMatch(
      /baseline\.yaml:\d+:7: warning: 2062-09-01 is after today \(\d{4}-\d{2}-\d{2}\): a figure can only be dated once it is collected\. Check the year and the month\./,
    );
  });

  it('after `sipp cycle` took the question and prediction, names what is still to write', () => {
    const dir = newProject();
    const r = sipp(['cycle', '--yes', '--question', 'Does paired reading help?', 'Paired reading'], { cwd: dir });
    expect(r.code).toBe(0);
    const words = r.stdout.replace(/\s+/g, ' ');
    expect(words).toContain(
      'Next: Finish question.yaml, before you collect any data: still to write the target learners\' stages, the aim, the prediction and "how will we know".',
    );
    expect(words).not.toContain('Write the enquiry question');
  });

  it('knows a Gaelic-medium primary school by its Gaelic name', () => {
    const dir = tempDir();
    const r = sipp(['init', '--yes', '--no-git', '--title', 'T', '--school', 'Bun-sgoil Ghàidhlig Ghlaschu'], {
      cwd: dir,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'sipp.yaml'), 'utf8')).toMatch(
      /name: Bun-sgoil Ghàidhlig Ghlaschu\n\s+sector: primary/,
    );
  });
});

describe('new records show their shape (issue 9, section 2)', () => {
  it.each(['car', 'lesson-study', 'instructional-rounds', 'improvement-science', 'practitioner-enquiry'])(
    'a new %s cycle shows an example item under every empty list, and still validates',
    (method) => {
      const dir = newProject();
      expect(sipp(['cycle', '--yes', '--method', method, 'First cycle'], { cwd: dir }).code).toBe(0);
      const folder = path.join(dir, 'cycles', '01-first-cycle');
      let examples = 0;
      for (const name of readdirSync(folder)) {
        const lines = readFileSync(path.join(folder, name), 'utf8').split('\n');
        lines.forEach((line, i) => {
          if (!/^[A-Za-z]+: \[\]$/.test(line)) return;
          expect(lines[i + 1], `${name}: ${line}`).toMatch(
            /^# Replace \[\] with one (entry per item, each with these keys|line per item), for example:$/,
          );
          expect(lines[i + 2], `${name}: ${line}`).toMatch(/^# {3}- \S/);
          examples += 1;
        });
      }
      expect(examples).toBeGreaterThan(2);
      expect(sipp(['validate'], { cwd: dir }).code).toBe(0);
    },
  );

  it('answers a list item of the wrong shape with the keys it takes and the answer in the right shape', () => {
    const dir = newProject();
    expect(sipp(['cycle', '--yes', 'Paired reading'], { cwd: dir }).code).toBe(0);
    const file = path.join(dir, CYCLE, 'reflections.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(/^sharedWith: \[\]$/m, 'sharedWith:\n  - Cluster meeting, June 2027'),
    );
    const { code, text } = output(dir);
    expect(code).toBe(1);
    expect(text).toContain(
      'Item 1 of `sharedWith` must be a group of "key: value" lines, got "Cluster meeting, June 2027". Each item has the keys `audience`, `how`, `date` (`audience` needed), for example:\n      - audience: …\n        how: Cluster meeting, June 2027',
    );
  });

  it('sipp guide <method> shows each record filled in, and sipp guide <method> <record> one of them', () => {
    const all = sipp(['guide', 'improvement-science'], { cwd: tempDir() });
    expect(all.code).toBe(0);
    expect(all.stdout).toContain('Each record, filled in');
    for (const name of ['question', 'baseline', 'intervention', 'measures', 'reflections', 'pdsa'])
      expect(all.stdout).toContain(`${name}.yaml, filled in (from the bundled example)`);
    const one = sipp(['guide', 'car', 'measures'], { cwd: tempDir() });
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/^measures\.yaml, filled in \(from the bundled example\)\n\n/);
    expect(one.stdout).toContain('results:');
    const wrong = sipp(['guide', 'car', 'pdsa'], { cwd: tempDir() });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('A Collaborative Action Research cycle has no record called "pdsa".');
  });
});

describe('help that reads like a teacher guide (issue 9, section 4)', () => {
  const help = (...args: string[]) => sipp([...args, '--help'], { cwd: tempDir() });

  it.each([
    [['init'], 'sipp init reading --yes --title'],
    [['cycle'], 'sipp cycle "Paired reading"'],
    [['cycle', 'list'], 'sipp cycle list'],
    [['validate'], 'sipp validate --strict'],
    [['brief'], 'sipp brief 2 --format html'],
    [['status'], 'sipp status'],
    [['data', 'import'], 'sipp data import class.csv --cycle 1 --measure reading-enjoyment'],
    [['analyse'], 'sipp analyse 2 --json'],
    [['guide'], 'sipp guide car measures'],
    [['lesson', 'add'], 'sipp lesson add --cycle 2 --date 2026-02-03'],
  ])('sipp %s --help shows an example, and never "(default: [])"', (args, example) => {
    const r = help(...args);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\nExamples?:\n/);
    expect(r.stdout).toContain(example);
    expect(r.stdout).not.toContain('(default: [])');
  });

  it('marks required options as required, and lists the headings data import recognises', () => {
    const r = help('data', 'import');
    expect(r.stdout).toMatch(/--cycle <cycle>\s+required: the cycle/);
    expect(r.stdout).toMatch(/--measure <id>\s+required: the measure id/);
    expect(r.stdout).toContain('Headings sipp finds by itself');
    expect(r.stdout).toMatch(/learner {2}learner, learner code, learner id, pupil code, pupil id, code/);
  });

  it.each([
    [['data', 'import', 'class.csv'], 'sipp: This command needs --cycle <cycle>, and it was not given.'],
    [['cycle', '--method', 'lessons'], 'sipp: --method cannot be "lessons": choose one of car, lesson-study,'],
    [['brief', '--colour'], 'sipp: There is no option --colour for this command.'],
    [['valdate'], 'sipp: There is no command "valdate" in sipp.\nDid you mean validate?'],
  ])('answers sipp %s in its own words (exit 2)', (args, message) => {
    const r = sipp(args, { cwd: newProject() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain('Run the command with --help to see its options and an example.');
    expect(r.stderr).not.toMatch(/^error:/m);
  });
});
