// Lesson Study end to end: the built CLI starts Lesson Study cycles, adds research lessons, checks every rule of
// the method at its file, line and column, and prints status, guide and briefings for it.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { newProject, sipp, snapshotTree, tempDir } from '../helpers.js';
import { CTRL_C, ENTER, onTerminal, type } from '../terminal.js';

const FOCUS = 'We want to learn how to improve the way we teach equivalent fractions to P5 learners.';
const CYCLE = 'cycles/01-fractions';
const GROUP_FILE = `${CYCLE}/lesson-study.yaml`;
const LESSONS_FILE = `${CYCLE}/research-lessons.yaml`;

/** A Lesson Study project with cycle 1, "Fractions", started by the CLI without a terminal. */
function lessonStudyProject(extra: string[] = ['--case-pupils', 'A,B,C']): string {
  const dir = newProject(['--method', 'lesson-study']);
  const r = sipp(['cycle', 'Fractions', '--research-focus', FOCUS, ...extra], { cwd: dir });
  if (r.code !== 0) throw new Error(`sipp cycle failed (${r.code}): ${r.stderr}`);
  return dir;
}

const read = (dir: string, file: string): string => readFileSync(path.join(dir, file), 'utf8');
const write = (dir: string, file: string, text: string): void => writeFileSync(path.join(dir, file), text);

const GROUP = `# yaml-language-server: $schema=../../.sipp/schemas/lesson-study.schema.json
group:
  members: [Morag K, Iain D, Priya S]
  groundRules: [The research lesson belongs to all of us.]
casePupils:
  - code: A
    typifies: rush to an answer
  - code: B
    typifies: follow a rule without a reason
  - code: C
    typifies: need practical materials to start
`;

/** Two research lessons, planned, taught and discussed; line numbers matter to the tests below. */
const LESSONS = `# yaml-language-server: $schema=../../.sipp/schemas/research-lessons.schema.json
lessons:
  # Research lesson 1
  - date: 2025-10-08
    plannedOn: 2025-10-01
    observers:
      A: Iain D
      B: Priya S
      C: Priya S
    stages:
      - stage: Starter
        predicted:
          A: Says 1/6 is bigger than 1/3.
          B: Copies the others.
          C: Does not start.
        observed:
          A: Said 1/6 at once.
          B: Rubbed out 1/3.
          C: Wrote nothing.
    discussion:
      casePupils:
        A: { progress: Some., matchedPrediction: partly, change: Ask for proof on the line. }
      changesForNext:
        - Start with a 0-1 number line.
  # Research lesson 2
  - date: 2025-11-12
    plannedOn: 2025-11-05
    changedSinceLast:
      - We started with a 0-1 number line.
    observers:
      A: Morag K
      B: Priya S
      C: Priya S
    stages:
      - stage: Starter
        predicted:
          A: Marks 1/2 quickly.
          B: Marks 1/2 carefully.
          C: Joins in at once.
        observed:
          A: Marked 1/2.
          B: Marked 1/2 and 1/4.
          C: Started at once.
`;

/** A project whose cycle 1 holds GROUP and LESSONS, each with one replacement made. */
function projectWith(group: [string, string] | null, lessons: [string, string] | null): string {
  const dir = lessonStudyProject();
  write(dir, GROUP_FILE, group ? GROUP.replace(group[0], group[1]) : GROUP);
  write(dir, LESSONS_FILE, lessons ? LESSONS.replace(lessons[0], lessons[1]) : LESSONS);
  return dir;
}

/** `sipp validate`'s problem lines (without the summary) and exit code. */
function validate(dir: string, args: string[] = []): { code: number; lines: string[]; summary: string } {
  const r = sipp(['validate', ...args], { cwd: dir });
  const lines = r.stdout.trimEnd().split('\n');
  const summary = lines.pop() ?? '';
  return { code: r.code, lines, summary };
}

describe('sipp cycle --method lesson-study', () => {
  it('starts a cycle with the five records and the two Lesson Study records, taking the focus and the case pupils as flags', () => {
    const dir = lessonStudyProject();
    expect(read(dir, `${CYCLE}/question.yaml`)).toContain(`question: ${FOCUS}\n`);
    expect((parse(read(dir, GROUP_FILE)) as { casePupils: unknown }).casePupils).toEqual([
      { code: 'A', typifies: null },
      { code: 'B', typifies: null },
      { code: 'C', typifies: null },
    ]);
    // The empty list shows one research lesson of the bundled example as a comment (issue 9).
    expect(read(dir, LESSONS_FILE)).toMatch(
      /\nlessons: \[\]\n# Replace \[\] with one entry per item, each with these keys, for example:\n(# .*\n)+$/,
    );
    expect(read(dir, GROUP_FILE).split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../../.sipp/schemas/lesson-study.schema.json',
    );
    expect(validate(dir)).toEqual({ code: 0, lines: [], summary: '✔ sipp.yaml and 1 cycle (7 records) are valid.' });
  });

  it('prints the files it wrote and what to answer first', () => {
    const dir = newProject(['--method', 'lesson-study']);
    const r = sipp(['cycle', 'Fractions', '--case-pupils', 'A, B, C, D, E, F'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Started cycle 1, "Fractions" (Lesson Study), in cycles/01-fractions/:\n');
    expect(r.stdout).toContain(
      '  question.yaml  baseline.yaml  intervention.yaml  measures.yaml  reflections.yaml  lesson-study.yaml  research-lessons.yaml\n',
    );
    expect(r.stdout).toContain('Still to answer in question.yaml: the research focus');
    expect((parse(read(dir, GROUP_FILE)) as { casePupils: { code: string }[] }).casePupils.map((p) => p.code)).toEqual([
      'A',
      'B',
      'C',
      'D',
      'E',
      'F',
    ]);
  });

  it('gives a cycle A, B and C as case pupils when none are given', () => {
    const dir = lessonStudyProject([]);
    expect((parse(read(dir, GROUP_FILE)) as { casePupils: { code: string }[] }).casePupils.map((p) => p.code)).toEqual([
      'A',
      'B',
      'C',
    ]);
  });

  it('starts a Lesson Study cycle in a CAR project, and refuses --case-pupils for a CAR cycle (exit 2)', () => {
    const dir = newProject();
    expect(sipp(['cycle', 'Fractions', '--method', 'lesson-study', '--case-pupils', 'A,B,C'], { cwd: dir }).code).toBe(
      0,
    );
    const before = snapshotTree(dir);
    const r = sipp(['cycle', 'Reading', '--case-pupils', 'A,B,C'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      '--case-pupils is for Lesson Study cycles, and this cycle is Collaborative Action Research. Nothing was written.',
    );
    expect(snapshotTree(dir)).toEqual(before);
  });
});

describe('sipp lesson add', () => {
  it('adds research lesson 1 for the case pupils, and the fresh lesson validates', () => {
    const dir = lessonStudyProject();
    const r = sipp(['lesson', 'add', '--date', '2025-10-08'], { cwd: dir });
    expect(r).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'Added research lesson 1 to cycle 1, "Fractions", in cycles/01-fractions/research-lessons.yaml:',
        '  Date: 8 October 2025',
        '  Case pupils A, B and C: name an observer for each under observers.',
        '',
        'Next: plan research lesson 1 together in research-lessons.yaml. Write how you predict each case',
        '      pupil will respond at each stage, and the day you do it under plannedOn, before the lesson is',
        '      taught. Then run `sipp validate`.',
        '',
      ].join('\n'),
    });
    const text = read(dir, LESSONS_FILE);
    expect(text).toContain('\nlessons:\n  # Research lesson 1\n  - date: 2025-10-08\n    plannedOn:\n');
    expect(validate(dir).code).toBe(0);
  });

  it('carries forward the observers, the stages and the changes the discussion asked for, keeping every comment', () => {
    const dir = projectWith(null, null);
    const own = LESSONS.replace(
      '      C: Priya S\n    stages:',
      '      C: Priya S   # Priya watches both\n    stages:',
    );
    write(dir, LESSONS_FILE, own);
    const r = sipp(['lesson', 'add'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      [
        '  Date: not set yet (write it under date:)',
        '  Case pupils A, B and C, with their observers: A: Morag K, B: Priya S, C: Priya S',
        '  The stages of research lesson 2, to plan again:',
        '    - Starter',
        '',
      ].join('\n'),
    );
    expect(r.stdout.replace(/\s+/g, ' ')).toContain(
      'The discussion of research lesson 2 recorded no changes for the next lesson: write what you changed under changedSinceLast (sipp validate asks for it).',
    );
    const text = read(dir, LESSONS_FILE);
    expect(text.startsWith(own)).toBe(true);
    const added = (parse(text) as { lessons: Record<string, unknown>[] }).lessons[2];
    expect(Object.keys(added ?? {})).toEqual([
      'date',
      'plannedOn',
      'taughtBy',
      'class',
      'learningIntention',
      'changedSinceLast',
      'successCriteria',
      'observers',
      'stages',
      'interviews',
      'discussion',
    ]);
    expect(added?.observers).toEqual({ A: 'Morag K', B: 'Priya S', C: 'Priya S' });
    expect(validate(dir).code).toBe(0);
  });

  it('copies what the discussion asked to change into the new lesson, under a comment', () => {
    const dir = projectWith(null, null);
    write(dir, LESSONS_FILE, LESSONS.slice(0, LESSONS.indexOf('  # Research lesson 2')));
    const r = sipp(['lesson', 'add', '--cycle', '1', '--date', '2025-11-12'], { cwd: dir });
    expect(r.stdout).toContain(
      [
        '  Changed since last time, carried forward from the discussion of research lesson 1:',
        '    - Start with a 0-1 number line.',
        '    - For case pupil A, ask for proof on the line.',
      ].join('\n'),
    );
    expect(read(dir, LESSONS_FILE)).toContain(
      [
        '    # Carried forward from the discussion of research lesson 1: edit each line to say what you changed.',
        '    changedSinceLast:',
        '      - Start with a 0-1 number line.',
        '      - For case pupil A, ask for proof on the line.',
      ].join('\n'),
    );
  });

  it('refuses a cycle that is not Lesson Study (exit 1), writing nothing', () => {
    const dir = newProject();
    sipp(['cycle', 'Reading'], { cwd: dir });
    const before = snapshotTree(dir);
    const named = sipp(['lesson', 'add', '--cycle', '1'], { cwd: dir });
    expect(named.code).toBe(1);
    expect(named.stderr).toBe(
      [
        'sipp: Cycle 01-reading is a Collaborative Action Research cycle, not a Lesson Study cycle, so it has no research lessons. Nothing was written.',
        'Give --cycle a Lesson Study cycle, or start one with `sipp cycle --method lesson-study`.',
        '',
      ].join('\n'),
    );
    const latest = sipp(['lesson', 'add'], { cwd: dir });
    expect(latest.code).toBe(1);
    expect(latest.stderr).toContain(
      'sipp: This project has no Lesson Study cycle to add a research lesson to. Nothing was written.\n',
    );
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('takes a usage error (exit 2) for a cycle that does not exist or a date that is not one, writing nothing', () => {
    const dir = lessonStudyProject();
    const before = snapshotTree(dir);
    const cycle = sipp(['lesson', 'add', '--cycle', '7'], { cwd: dir });
    expect(cycle.code).toBe(2);
    expect(cycle.stderr).toBe(
      'sipp: There is no cycle 7. The cycles are: 01-fractions.\nGive --cycle the cycle number (1 or 01) or its folder name.\n',
    );
    const date = sipp(['lesson', 'add', '--date', '2025-02-30'], { cwd: dir });
    expect(date.code).toBe(2);
    expect(date.stderr).toBe(
      'sipp: --date "2025-02-30" is not a date. Write it as YYYY-MM-DD, for example 2026-02-03.\n',
    );
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('refuses (exit 1) while research-lessons.yaml has problems, and says which', () => {
    const dir = lessonStudyProject();
    write(dir, LESSONS_FILE, 'lessons: three\n');
    const before = snapshotTree(dir);
    const r = sipp(['lesson', 'add'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe(
      'sipp: research-lessons.yaml has problems, so sipp cannot add a research lesson. Nothing was written.',
    );
    expect(r.stderr).toContain(`${LESSONS_FILE}:1:10: `);
    expect(snapshotTree(dir)).toEqual(before);
  });
});

describe('sipp validate on a Lesson Study cycle', () => {
  it('finds nothing wrong in two planned, taught and discussed research lessons', () => {
    expect(validate(projectWith(null, null))).toEqual({
      code: 0,
      lines: [],
      summary: '✔ sipp.yaml and 1 cycle (7 records) are valid.',
    });
  });

  it('asks for three case pupils, or a multiple of three (exit 1)', () => {
    const dir = projectWith(
      [
        '    typifies: need practical materials to start\n',
        '    typifies: need practical materials to start\n  - code: D\n',
      ],
      null,
    );
    const r = validate(dir);
    expect(r.code).toBe(1);
    expect(r.lines).toContain(
      `${GROUP_FILE}:5:1: There are 4 case pupils (A, B, C and D). Lesson Study watches three case pupils, or six, nine …, each typifying a group of learners: add or remove case pupils to make a multiple of three.`,
    );
  });

  it('reports a code in a research lesson that names no case pupil (exit 1)', () => {
    const r = validate(projectWith(null, ['          C: Started at once.', '          D: Started at once.']));
    expect(r).toEqual({
      code: 1,
      lines: [
        `${LESSONS_FILE}:43:11: Research lesson 2 names case pupil "D" in the observations of stage 1, but the case pupils in lesson-study.yaml are A, B and C. Correct the code, or add the case pupil to lesson-study.yaml.`,
      ],
      summary: '✖ 1 problem in 1 file.',
    });
  });

  it('reports a case pupil without an observer in a planned research lesson (exit 1)', () => {
    const r = validate(
      projectWith(null, [
        '      B: Priya S\n      C: Priya S\n    stages:\n      - stage: Starter\n        predicted:\n          A: Marks',
        '      B:\n      C: Priya S\n    stages:\n      - stage: Starter\n        predicted:\n          A: Marks',
      ]),
    );
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([
      `${LESSONS_FILE}:32:7: Case pupil B has no observer in research lesson 2. Name who will watch B under observers (for example \`B: Mr Boyle\`), so that no case pupil is missed.`,
    ]);
  });

  it('reports research lesson 2 when it does not say what changed since the discussion of research lesson 1 (exit 1)', () => {
    const r = validate(
      projectWith(null, [
        '    changedSinceLast:\n      - We started with a 0-1 number line.\n',
        '    changedSinceLast: []\n',
      ]),
    );
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([
      `${LESSONS_FILE}:28:5: Research lesson 2 does not say what changed since the discussion of research lesson 1. List the changes under changedSinceLast: each research lesson builds on the discussion before it.`,
    ]);
  });

  it('reports a code given to two case pupils (exit 1)', () => {
    const r = validate(projectWith(['  - code: C', '  - code: B'], null));
    expect(r.code).toBe(1);
    expect(r.lines[0]).toBe(
      `${GROUP_FILE}:10:11: The code "B" is given to two case pupils. Give each case pupil a code of their own (A, B, C …).`,
    );
  });

  it('warns about a case pupil entry that looks like a name: exit 0, or 1 with --strict', () => {
    const dir = projectWith(['  - code: A\n', '  - code: Ellie\n'], ['      A: Iain D', '      Ellie: Iain D']);
    const expected = `${GROUP_FILE}:6:11: warning: Case pupil "Ellie" looks like a name. Use a code such as A, B or C instead: records and briefings must never name a pupil.`;
    const r = validate(dir);
    // Ellie is a case pupil here, so research lesson 1 is right to name her; A is then unknown there.
    expect(r.lines).toContain(expected);
    const clean = projectWith(['  - code: A\n', '  - code: Ellie\n'], null);
    write(clean, LESSONS_FILE, 'lessons: []\n');
    expect(validate(clean)).toEqual({
      code: 0,
      lines: [expected],
      summary: '✔ sipp.yaml and 1 cycle (7 records) are valid, with 1 warning.',
    });
    expect(validate(clean, ['--strict'])).toMatchObject({ code: 1, lines: [expected] });
  });

  it('warns when a research lesson was planned, with its predictions, after it was taught (naming both dates)', () => {
    const r = validate(projectWith(null, ['plannedOn: 2025-11-05', 'plannedOn: 2025-11-13']));
    expect(r).toEqual({
      code: 0,
      lines: [
        `${LESSONS_FILE}:27:16: warning: Research lesson 2 was planned, with its predictions, on 13 November 2025, after it was taught and observed on 12 November 2025. Write the predictions before the lesson, so that the observations can test them.`,
      ],
      summary: '✔ sipp.yaml and 1 cycle (7 records) are valid, with 1 warning.',
    });
  });

  it('warns when Git shows predictions first committed after the observations they predict', () => {
    const dir = projectWith(null, null);
    const withoutPredictions = LESSONS.replace(
      '        predicted:\n          A: Marks 1/2 quickly.\n          B: Marks 1/2 carefully.\n          C: Joins in at once.\n',
      '',
    );
    write(dir, LESSONS_FILE, withoutPredictions);
    const git = (args: string[], date: string): void => {
      const env = { ...process.env, GIT_AUTHOR_DATE: `${date}T16:00:00Z`, GIT_COMMITTER_DATE: `${date}T16:00:00Z` };
      const r = spawnSync('git', ['-c', 'user.name=Teacher', '-c', 'user.email=t@example.org', ...args], {
        cwd: dir,
        env,
        encoding: 'utf8',
      });
      if (r.status !== 0) throw new Error(r.stderr);
    };
    git(['init', '-q'], '2025-11-12');
    git(['add', '.'], '2025-11-12');
    git(['commit', '-q', '-m', 'Research lesson 2 observed'], '2025-11-12');
    write(dir, LESSONS_FILE, LESSONS);
    git(['commit', '-q', '-am', 'Predictions for research lesson 2'], '2025-11-14');
    const r = validate(dir);
    expect(r.code).toBe(0);
    expect(r.lines).toEqual([
      `${LESSONS_FILE}:37:11: warning: The prediction for stage 1 of research lesson 2 was first committed to Git on 14 November 2025, after the observations of stage 1 of research lesson 2 (first committed on 12 November 2025 in research-lessons.yaml). Write predictions, and commit them, before you collect the data, so that they can be tested.`,
    ]);
  });
});

describe('sipp status, guide and brief for Lesson Study', () => {
  it('status says what the cycle still needs and what to do next', () => {
    const dir = lessonStudyProject();
    const r = sipp(['status'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Lesson Study');
    expect(r.stdout).toContain("the target learners' stages");
    expect(r.stdout).toContain('the members of the group');
  });

  it('guide explains the stages and what each record is for, offline', () => {
    const r = sipp(['guide', 'lesson-study'], { cwd: tempDir() });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('Lesson Study (lesson-study)');
    for (const words of [
      'lesson-study.yaml',
      'research-lessons.yaml',
      'sipp lesson add',
      '6. Discuss',
      'never names',
    ]) {
      expect(r.stdout).toContain(words);
    }
    expect(sipp(['guide'], { cwd: lessonStudyProject() }).stdout).toContain(
      "This project's method\n\nLesson Study (lesson-study)\n",
    );
  });

  it('brief renders each research lesson with predictions against observations, case pupils first, by code only', () => {
    const dir = projectWith(null, null);
    const out = path.join(tempDir(), 'out');
    const r = sipp(['brief', '--out', out], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const md = readFileSync(path.join(out, '01-fractions.md'), 'utf8');
    expect(md).toContain(`## 1. Research focus\n\n${FOCUS}\n`);
    expect(md).toContain(
      '| Case pupil | Stage | Predicted | Observed |\n| --- | --- | --- | --- |\n| **A** | 1\\. Starter | Says 1/6 is bigger than 1/3. | Said 1/6 at once. |\n',
    );
    expect(md).toContain(
      '**Changed since the discussion of research lesson 1:**\n\n- We started with a 0-1 number line.\n',
    );
    expect(md).toContain('**Post-lesson discussion** (_Not yet recorded_): the case pupils first\n');
    expect(md).toContain('## 7. For the next meeting: the discussion of research lesson 2\n');
    expect(md).toMatch(/1\. Case pupils first: take case pupils A, B and C one at a time\./);
    const html = readFileSync(path.join(out, '01-fractions.html'), 'utf8');
    expect(html).toContain(
      '<th scope="rowgroup" rowspan="1" class="pupil">A</th><td>1. Starter</td><td>Says 1/6 is bigger than 1/3.</td><td>Said 1/6 at once.</td>',
    );
    expect(html).toContain('<h2 id="next-meeting">7. For the next meeting: the discussion of research lesson 2</h2>');
  });
});

describe('Lesson Study on a terminal', () => {
  it("sipp cycle asks for the research focus and the case pupils' codes, offering A, B, C", () => {
    const dir = newProject(['--method', 'lesson-study']);
    const r = onTerminal(['cycle'], dir, [
      { expect: 'A short title for this cycle', keys: type('Fractions') },
      { expect: 'Research focus ("We want to learn how to improve the way we teach X to Y")', keys: type(FOCUS) },
      { expect: "Case pupils' codes, separated by commas", keys: [ENTER] },
      { expect: 'Started cycle 1, "Fractions" (Lesson Study)', keys: [] },
    ]);
    expect(r.waitingFor).toBeUndefined();
    expect(r.code).toBe(0);
    expect(read(dir, `${CYCLE}/question.yaml`)).toContain(`question: ${FOCUS}\n`);
    expect((parse(read(dir, GROUP_FILE)) as { casePupils: { code: string }[] }).casePupils.map((p) => p.code)).toEqual([
      'A',
      'B',
      'C',
    ]);
  });

  it('sipp lesson add asks for the date until it is one, or writes nothing on Ctrl-C', () => {
    const dir = lessonStudyProject();
    const before = snapshotTree(dir);
    const cancelled = onTerminal(['lesson', 'add'], dir, [
      { expect: 'The day research lesson 1 is taught', keys: [CTRL_C] },
      { expect: 'Cancelled: nothing was written.', keys: [] },
    ]);
    expect(cancelled.code).toBe(1);
    expect(snapshotTree(dir)).toEqual(before);
    const r = onTerminal(['lesson', 'add'], dir, [
      { expect: 'The day research lesson 1 is taught (YYYY-MM-DD; leave blank if not fixed yet)', keys: type('8 Oct') },
      { expect: 'Write the date as YYYY-MM-DD', keys: [...'\b'.repeat(5).split(''), ...type('2025-10-08')] },
      { expect: 'Added research lesson 1', keys: [] },
    ]);
    expect(r.waitingFor).toBeUndefined();
    expect(r.code).toBe(0);
    expect(read(dir, LESSONS_FILE)).toContain('  - date: 2025-10-08\n');
  });
});
