// Instructional (Learning) Rounds end to end: the built CLI starts a Rounds project and cycles, validates each of
// the method's rules at its file, line and column, and reports, guides and briefs the method's own way.
import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sipp, tempDir } from '../helpers.js';

const CYCLE = 'cycles/01-kirkton-round';

/** A Rounds project as `sipp init` and `sipp cycle` make it, made once and copied for each test. */
let base: string | undefined;
function baseProject(): string {
  if (base) return base;
  const dir = tempDir();
  const init = sipp(
    [
      'init',
      '--yes',
      '--no-git',
      '--method',
      'instructional-rounds',
      '--title',
      'Explaining reasoning',
      '--partnership',
      'Test network',
      '--school',
      'Kirkton High School',
      '--school',
      'Braeview Academy',
    ],
    { cwd: dir },
  );
  expect(init.code, init.stderr).toBe(0);
  const cycle = sipp(['cycle', 'new', 'Kirkton round'], { cwd: dir });
  expect(cycle.code, cycle.stderr).toBe(0);
  base = dir;
  return dir;
}

/** A copy of the Rounds project with its three Rounds records replaced by `records` (valid by default). */
function roundsProject(records: Partial<Record<'rounds' | 'visits' | 'debrief', string>> = {}): string {
  const dir = tempDir();
  cpSync(baseProject(), dir, { recursive: true });
  for (const [name, text] of Object.entries({ ...VALID, ...records })) {
    writeFileSync(path.join(dir, CYCLE, `${name}.yaml`), text);
  }
  return dir;
}

const ROUNDS = `network:
  name: Test network
  schools: [Kirkton High School, Braeview Academy]
  members:
    - name: Aisha K.
    - name: Sana R.
hostSchool: Kirkton High School
problemOfPractice:
  statement: Learners rarely explain how they know.
  checks:
    instructionalCore: { answer: yes, why: It is about the task. }
    observable: { answer: yes, why: We can hear it. }
    actionable: { answer: yes, why: It is in our hands. }
    linkedToStrategy: { answer: yes, why: Improvement plan priority 2. }
    highLeverage: { answer: yes, why: Reasoning underpins numeracy. }
theoryOfAction: 'If teachers ask "How do you know?", then learners will explain their reasoning.'
`;

const VISITS = `visits:
  - date: 2025-11-12
    school: Kirkton High School
    observers: [Aisha K., Sana R.]
    focusQuestions: [What do teachers ask after an answer?]
    classrooms:
      - code: K1
        stage: S1
      - code: K2
    observations:
      - classroom: K1
        notes:
          - 'T asks "How do you know?" 6 times.'
      - classroom: K2
        notes:
          - 14 of 24 learners talk with a partner.
`;

const DEBRIEF = `date: 2025-11-12
describe:
  - K1 and K2 teachers asked how learners knew.
analyse:
  - Talk came before explanation (K2).
predict:
  - You would explain your answer aloud.
nextLevelOfWork:
  nextWeek: [Share the notes with the department.]
  nextMonth: []
  endOfYear: []
`;

const VALID = { rounds: ROUNDS, visits: VISITS, debrief: DEBRIEF };

/** `text` with its line `n` (1-based) replaced. */
function withLine(text: string, n: number, line: string): string {
  const lines = text.split('\n');
  lines[n - 1] = line;
  return lines.join('\n');
}

function validate(dir: string, args: string[] = []): { code: number; lines: string[] } {
  const r = sipp(['validate', ...args], { cwd: dir });
  expect(r.stderr).toBe('');
  return { code: r.code, lines: r.stdout.trimEnd().split('\n') };
}

const at = (record: string, line: number, column: number): string => `${CYCLE}/${record}.yaml:${line}:${column}: `;

describe('sipp init and sipp cycle with --method instructional-rounds', () => {
  it('start a cycle with rounds.yaml, visits.yaml and debrief.yaml, the network taken from sipp.yaml', () => {
    const dir = tempDir();
    sipp(
      [
        'init',
        '--yes',
        '--no-git',
        '--method',
        'instructional-rounds',
        '--title',
        'T',
        '--partnership',
        'Lochbrae network',
        '--school',
        'Kirkton High School',
      ],
      { cwd: dir },
    );
    const r = sipp(['cycle', 'new', 'First round'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      'question.yaml  baseline.yaml  intervention.yaml  measures.yaml  reflections.yaml  rounds.yaml  visits.yaml  debrief.yaml',
    );
    const folder = path.join(dir, 'cycles', '01-first-round');
    const rounds = readFileSync(path.join(folder, 'rounds.yaml'), 'utf8');
    expect(rounds.split('\n')[0]).toBe('# yaml-language-server: $schema=../../.sipp/schemas/rounds.schema.json');
    expect(rounds).toContain('network:\n  name: Lochbrae network\n  schools:\n    - Kirkton High School\n');
    expect(readFileSync(path.join(folder, 'visits.yaml'), 'utf8')).toContain('\nvisits: []\n');
    // Each empty list shows one line of the bundled example as a comment (issue 9: new records show their shape).
    expect(readFileSync(path.join(folder, 'debrief.yaml'), 'utf8')).toMatch(
      /\ndescribe: \[\]\n# Replace \[\] with one line per item, for example:\n# {3}- In all four classrooms[^\n]*\n# Analyse: patterns across classrooms/,
    );
    expect(readFileSync(path.join(folder, 'question.yaml'), 'utf8')).toContain('\nmethod: instructional-rounds\n');
    expect(validate(dir)).toEqual({ code: 0, lines: ['✔ sipp.yaml and 1 cycle (8 records) are valid.'] });
  });

  it('take the problem of practice, the theory of action and the host school as flags', () => {
    const dir = tempDir();
    sipp(['init', '--yes', '--no-git', '--title', 'T', '--school', 'Kirkton High School'], { cwd: dir });
    const r = sipp(
      [
        'cycle',
        'new',
        'Round',
        '--method',
        'instructional-rounds',
        '--problem-of-practice',
        'Learners rarely explain how they know.',
        '--theory-of-action',
        'If teachers ask "How do you know?", then learners will explain.',
        '--host-school',
        'Kirkton High School',
      ],
      { cwd: dir },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('(Instructional (Learning) Rounds)');
    const rounds = readFileSync(path.join(dir, 'cycles', '01-round', 'rounds.yaml'), 'utf8');
    expect(rounds).toContain('\nhostSchool: Kirkton High School\n');
    expect(rounds).toContain('\n  statement: Learners rarely explain how they know.\n');
    expect(rounds).toContain('\ntheoryOfAction: If teachers ask "How do you know?", then learners will explain.\n');
    // Written problem of practice, unanswered checks: the one rule that applies at once, with what to do.
    expect(validate(dir)).toEqual({
      code: 1,
      lines: [
        'cycles/01-round/rounds.yaml:15:3: The problem of practice is written, but none of its five checks is answered yet (instructional core, observable, actionable, linked to strategy and high-leverage). Under `checks`, write `answer: yes` or `answer: no` for each, with a short reason under `why`: `sipp guide instructional-rounds` explains them.',
        '✖ 1 problem in 1 file.',
      ],
    });
  });

  it('refuse a Rounds flag on a cycle of another method, writing nothing', () => {
    const dir = tempDir();
    sipp(['init', '--yes', '--no-git', '--title', 'T', '--school', 'Hillside Primary'], { cwd: dir });
    const r = sipp(['cycle', 'new', 'Round', '--problem-of-practice', 'X'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      '--problem-of-practice is for Instructional (Learning) Rounds cycles, and this cycle is Collaborative Action Research. Nothing was written.',
    );
    expect(readdirSync(path.join(dir, 'cycles'))).toEqual(['.gitkeep']);
  });
});

describe('sipp validate on a Rounds cycle', () => {
  it('finds nothing wrong in a complete, low-inference round', () => {
    expect(validate(roundsProject())).toEqual({ code: 0, lines: ['✔ sipp.yaml and 1 cycle (8 records) are valid.'] });
  });

  describe('every reference resolves', () => {
    it('an observation names a classroom of its visit', () => {
      const dir = roundsProject({ visits: withLine(VISITS, 14, '      - classroom: K4') });
      expect(validate(dir)).toEqual({
        code: 1,
        lines: [
          `${at('visits', 14, 20)}Classroom K4 is not one of this visit's classrooms (K1 and K2). Add it under \`classrooms\` of this visit, or correct the code.`,
          '✖ 1 problem in 1 file.',
        ],
      });
    });

    it('a classroom code is used once in a visit', () => {
      const visits = withLine(withLine(VISITS, 9, '      - code: K1'), 14, '      - classroom: K1');
      expect(validate(roundsProject({ visits }))).toEqual({
        code: 1,
        lines: [
          `${at('visits', 9, 15)}The classroom code K1 is used twice in this visit. Give each classroom its own code, so that every note belongs to one classroom.`,
          '✖ 1 problem in 1 file.',
        ],
      });
    });

    it("a visit's school is one of the network's schools", () => {
      const dir = roundsProject({ visits: withLine(VISITS, 3, '    school: Kirkton High') });
      expect(validate(dir)).toEqual({
        code: 1,
        lines: [
          `${at('visits', 3, 13)}Kirkton High is not one of the network's schools in rounds.yaml (Kirkton High School and Braeview Academy). Did you mean Kirkton High School?`,
          '✖ 1 problem in 1 file.',
        ],
      });
    });

    it("a visit's observers are members of the network", () => {
      const dir = roundsProject({ visits: withLine(VISITS, 4, '    observers: [Aisha K., Sana R., Colin W.]') });
      expect(validate(dir)).toEqual({
        code: 1,
        lines: [
          `${at('visits', 4, 36)}Colin W. is not one of the network's members in rounds.yaml. Use the name as it is written there, or add them under \`network.members\`.`,
          '✖ 1 problem in 1 file.',
        ],
      });
    });

    it("the host school is one of the network's schools", () => {
      const dir = roundsProject({ rounds: withLine(ROUNDS, 7, 'hostSchool: Linnmill High School') });
      expect(validate(dir)).toEqual({
        code: 1,
        lines: [
          `${at('rounds', 7, 13)}Linnmill High School is not one of the network's schools in rounds.yaml (Kirkton High School and Braeview Academy). Use the name as it is written there, or add the school to the network.`,
          '✖ 1 problem in 1 file.',
        ],
      });
    });
  });

  describe('the five checks of the problem of practice', () => {
    it('each needs an answer once the problem of practice is written', () => {
      const dir = roundsProject({ rounds: withLine(ROUNDS, 12, '    observable: { answer: null, why: null }') });
      expect(validate(dir)).toEqual({
        code: 1,
        lines: [
          `${at('rounds', 12, 19)}The problem of practice has no answer yet to the check "observable": can it be seen and heard directly in classrooms? Write \`answer: yes\` or \`answer: no\`, and a short reason under \`why\`.`,
          '✖ 1 problem in 1 file.',
        ],
      });
    });

    it('each answer needs a reason', () => {
      const dir = roundsProject({ rounds: withLine(ROUNDS, 13, '    actionable: { answer: yes }') });
      expect(validate(dir)).toEqual({
        code: 1,
        lines: [
          `${at('rounds', 13, 5)}The check "actionable" is answered yes without a reason. Add a short reason under \`why\`, so that the network can come back to it.`,
          '✖ 1 problem in 1 file.',
        ],
      });
    });

    it('are not asked before the problem of practice is written', () => {
      const rounds = withLine(withLine(ROUNDS, 9, '  statement:'), 12, '    observable: { answer: null, why: null }');
      expect(validate(roundsProject({ rounds })).code).toBe(0);
    });

    it('answered no is a warning: exit 0, or 1 with --strict', () => {
      const dir = roundsProject({
        rounds: withLine(ROUNDS, 14, "    linkedToStrategy: { answer: no, why: Not in this year's plan. }"),
      });
      const message = `${at('rounds', 14, 33)}warning: The network answered no to the check "linked to strategy" (is it connected to the school's wider improvement plan?). A problem of practice should pass all five checks: rework it until it does, or the visits may not give the school the evidence it needs.`;
      expect(validate(dir)).toEqual({
        code: 0,
        lines: [message, '✔ sipp.yaml and 1 cycle (8 records) are valid, with 1 warning.'],
      });
      expect(validate(dir, ['--strict'])).toEqual({
        code: 1,
        lines: [message, '✖ 1 warning in 1 file (--strict counts warnings as problems).'],
      });
    });
  });

  it('warns when the theory of action does not read "if ... then ..."', () => {
    const dir = roundsProject({
      rounds: withLine(ROUNDS, 16, 'theoryOfAction: Teachers will ask more questions about reasoning.'),
    });
    expect(validate(dir)).toEqual({
      code: 0,
      lines: [
        `${at('rounds', 16, 17)}warning: The theory of action does not read "if ... then ...". Write it as: If we (what the adults will do), then (what learners will do and learn). The visits test it.`,
        '✔ sipp.yaml and 1 cycle (8 records) are valid, with 1 warning.',
      ],
    });
  });

  describe('the debrief runs describe -> analyse -> predict, then the next level of work', () => {
    it('keeps its phases in order in the file', () => {
      const debrief = `date: 2025-11-12
analyse:
  - Talk came before explanation (K2).
describe:
  - K1 and K2 teachers asked how learners knew.
predict: []
`;
      expect(validate(roundsProject({ debrief }))).toEqual({
        code: 1,
        lines: [
          `${at('debrief', 4, 1)}\`describe\` comes after \`analyse\` in the debrief. The debrief runs in order: describe, then analyse, then predict. Move \`describe\` above \`analyse\`.`,
          '✖ 1 problem in 1 file.',
        ],
      });
    });

    it('does not analyse before it describes', () => {
      const dir = roundsProject({ debrief: withLine(DEBRIEF, 3, '  - ""') });
      expect(validate(dir)).toEqual({
        code: 1,
        lines: [
          `${at('debrief', 4, 1)}The debrief has an \`analyse\` phase but no \`describe\` phase yet. Describe first: what observers saw and heard, without judgements.`,
          '✖ 1 problem in 1 file.',
        ],
      });
    });

    it('does not agree a next level of work before it predicts', () => {
      const debrief = withLine(DEBRIEF, 7, '  - ""');
      expect(validate(roundsProject({ debrief }))).toEqual({
        code: 1,
        lines: [
          `${at('debrief', 8, 1)}The debrief has a next level of work but no \`predict\` phase yet. Predict first: if you were a learner in these classrooms and did everything you were asked, what would you know and be able to do?`,
          '✖ 1 problem in 1 file.',
        ],
      });
    });

    it('may stop part-way: an empty predict phase is only missing, as sipp status says', () => {
      const debrief = withLine(withLine(DEBRIEF, 7, '  - ""'), 9, '  nextWeek: []');
      const dir = roundsProject({ debrief });
      expect(validate(dir).code).toBe(0);
      expect(sipp(['status'], { cwd: dir }).stdout).toContain('debrief.yaml: the predict phase of the debrief');
    });

    it('comes after the first visit', () => {
      const dir = roundsProject({ debrief: withLine(DEBRIEF, 1, 'date: 2025-11-10') });
      expect(validate(dir)).toEqual({
        code: 1,
        lines: [
          `${at('debrief', 1, 7)}The debrief is dated 2025-11-10, before the first visit (2025-11-12 in visits.yaml). The network debriefs after it visits: check both dates.`,
          '✖ 1 problem in 1 file.',
        ],
      });
    });
  });

  describe('notes are low-inference and name nobody (warnings)', () => {
    it('warns about an evaluative word in an observation note, at the word', () => {
      const note = '          - 14 of 24 learners talk with a partner; a good discussion.';
      const dir = roundsProject({ visits: withLine(VISITS, 16, note) });
      expect(validate(dir)).toEqual({
        code: 0,
        lines: [
          `${at('visits', 16, note.indexOf('good') + 1)}warning: This note uses "good", a judgement. Rounds notes are low-inference: they record what teachers and learners said and did, so that the debrief starts from evidence everyone can check. Write what you saw or heard instead, for example the words used or how many learners did it.`,
          '✔ sipp.yaml and 1 cycle (8 records) are valid, with 1 warning.',
        ],
      });
      expect(note.indexOf('good') + 1).toBe(54);
    });

    it('names every judgement in a note once, and leaves quoted speech alone', () => {
      const note = `          - 'T says "Good work". Excellent pace, but a weak plenary and POOR transitions.'`;
      const dir = roundsProject({ visits: withLine(VISITS, 13, note) });
      expect(validate(dir).lines[0]).toBe(
        `${at('visits', 13, note.indexOf('Excellent') + 1)}warning: This note uses "Excellent", "weak" and "POOR", which are judgements. Rounds notes are low-inference: they record what teachers and learners said and did, so that the debrief starts from evidence everyone can check. Write what you saw or heard instead, for example the words used or how many learners did it.`,
      );
    });

    it('warns about judgements in the describe phase of the debrief too', () => {
      const dir = roundsProject({ debrief: withLine(DEBRIEF, 3, '  - Questioning was excellent in K2.') });
      expect(validate(dir).lines[0]).toBe(
        `${at('debrief', 3, 21)}warning: This note uses "excellent", a judgement. Rounds notes are low-inference: they record what teachers and learners said and did, so that the debrief starts from evidence everyone can check. Write what you saw or heard instead, for example the words used or how many learners did it.`,
      );
    });

    it("warns about a person's name in a note, at the name", () => {
      const dir = roundsProject({
        visits: withLine(VISITS, 16, '          - Mrs Smith asks 14 of 24 learners to talk with a partner.'),
      });
      expect(validate(dir)).toEqual({
        code: 0,
        lines: [
          `${at('visits', 16, 13)}warning: This note seems to name a person ("Mrs Smith"). Rounds notes are about the school's practice, never about individual teachers or learners: write "the teacher", "a learner" or the classroom code instead.`,
          '✔ sipp.yaml and 1 cycle (8 records) are valid, with 1 warning.',
        ],
      });
    });

    it('warns about a first name and surname in the middle of a sentence, in a folded note', () => {
      const visits = withLine(VISITS, 16, '          - >-\n            T asks Jack\n            Smith to explain.');
      expect(validate(roundsProject({ visits })).lines[0]).toBe(
        `${at('visits', 17, 20)}warning: This note seems to name a person ("Jack Smith"). Rounds notes are about the school's practice, never about individual teachers or learners: write "the teacher", "a learner" or the classroom code instead.`,
      );
    });

    it('does not take the schools, subjects or a sentence start for a name', () => {
      const note = '          - Show Me boards in S1 Mathematics, as in Braeview Academy and Kirkton High School.';
      expect(validate(roundsProject({ visits: withLine(VISITS, 16, note) })).code).toBe(0);
      expect(validate(roundsProject({ visits: withLine(VISITS, 16, note) })).lines).toHaveLength(1);
    });
  });
});

describe('sipp status, guide and brief for a Rounds cycle', () => {
  it('status lists what the round still needs, in Rounds words', () => {
    const dir = tempDir();
    sipp(
      [
        'init',
        '--yes',
        '--no-git',
        '--method',
        'instructional-rounds',
        '--title',
        'T',
        '--school',
        'Kirkton High School',
      ],
      { cwd: dir },
    );
    sipp(['cycle', 'new', 'Round'], { cwd: dir });
    const r = sipp(['status'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      "Missing   rounds.yaml: the network's members, the problem of practice, the answer to the check",
    );
    expect(r.stdout).toContain('visits.yaml: at least one visit, the observation notes of the first visit');
    expect(r.stdout).toContain(
      'Next      In rounds.yaml, list the network, write the problem of practice, answer its five checks',
    );
  });

  it('guide explains the records and the debrief protocol, offline', () => {
    const r = sipp(['guide', 'instructional-rounds'], { cwd: tempDir() });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('Instructional (Learning) Rounds (instructional-rounds)');
    for (const text of [
      'rounds.yaml',
      'visits.yaml',
      'debrief.yaml',
      'low-inference',
      'high-leverage',
      'Describe: ',
      'Analyse: ',
      'Predict: ',
      'Next level of work: ',
    ]) {
      expect(r.stdout).toContain(text);
    }
  });

  it('brief renders the Rounds briefing in Markdown and HTML, with the notes by classroom code', () => {
    const dir = roundsProject();
    const r = sipp(['brief'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const md = readFileSync(path.join(dir, 'briefings', '01-kirkton-round.md'), 'utf8');
    for (const heading of [
      '## 1. The problem of practice',
      '## 3. Visits',
      '### 1. Describe',
      '### 2. Analyse',
      '### 3. Predict',
      '## 5. Next level of work',
      '## 8. For the next meeting',
    ]) {
      expect(md).toContain(`\n${heading}\n`);
    }
    expect(md).toContain('#### Classroom K1 (S1)\n');
    expect(md).toContain('- K1: "How do you know?"\n');
    expect(md).toContain(
      '| **Observable:** Can it be seen and heard directly in classrooms? | Yes | We can hear it. |\n',
    );
    const html = readFileSync(path.join(dir, 'briefings', '01-kirkton-round.html'), 'utf8');
    expect(html).toContain('<h2 id="debrief">4. Debrief</h2>');
    expect(html).toContain('<li>14 of 24 learners talk with a partner.</li>');
  });
});
