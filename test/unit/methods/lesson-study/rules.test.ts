// Lesson Study's rules on in-memory cycles: each rule's message, place and severity.
import { describe, expect, it } from 'vitest';
import { lessonStudyRules } from '../../../../src/methods/lesson-study/rules.js';
import { looksLikeName } from '../../../../src/methods/lesson-study/records.js';
import { DIR, GROUP, cycleOf, lesson } from './fixtures.js';

const at = (p: { file: string; line: number; column: number; severity: string; rule: string; message: string }) =>
  `${p.file}:${p.line}:${p.column}: ${p.severity} ${p.rule}: ${p.message}`;

function problems(group: string, lessons: string): string[] {
  return lessonStudyRules(cycleOf({ 'lesson-study': group, 'research-lessons': lessons })).map(at);
}

describe('Lesson Study rules', () => {
  it('find nothing wrong in a planned, taught and discussed research lesson', () => {
    expect(problems(GROUP, `lessons:\n${lesson()}`)).toEqual([]);
  });

  it('find nothing wrong in a fresh cycle: three case pupils and no research lessons yet', () => {
    expect(problems(GROUP, 'lessons: []\n')).toEqual([]);
  });

  it('ask for three case pupils, or a multiple of three, at the casePupils key', () => {
    const four = `${GROUP}  - code: D\n`;
    expect(problems(four, 'lessons: []\n')).toEqual([
      `${DIR}/lesson-study.yaml:4:1: error lesson-study-case-pupils: There are 4 case pupils (A, B, C and D). Lesson Study watches three case pupils, or six, nine …, each typifying a group of learners: add or remove case pupils to make a multiple of three.`,
    ]);
    expect(problems('casePupils:\n  - code: A\n', 'lessons: []\n')[0]).toContain('There is 1 case pupil (A).');
    expect(problems(`${GROUP}  - code: D\n  - code: E\n  - code: F\n`, 'lessons: []\n')).toEqual([]);
  });

  it('refuse the same code for two case pupils', () => {
    const twice = GROUP.replace('code: C', 'code: A');
    expect(problems(twice, 'lessons: []\n')).toEqual([
      `${DIR}/lesson-study.yaml:9:11: error lesson-study-case-pupil-code: The code "A" is given to two case pupils. Give each case pupil a code of their own (A, B, C …).`,
    ]);
  });

  it('warn, without failing, about a case pupil entry that looks like a name', () => {
    const named = GROUP.replace('code: B', 'code: Ellie');
    expect(problems(named, 'lessons: []\n')).toEqual([
      `${DIR}/lesson-study.yaml:7:11: warning lesson-study-case-pupil-name: Case pupil "Ellie" looks like a name. Use a code such as A, B or C instead: records and briefings must never name a pupil.`,
    ]);
  });

  it('report a code in a research lesson that names no case pupil, at the code, saying where it is', () => {
    const lessons = `lessons:\n${lesson().replace('          C: Wrote nothing.', '          D: Wrote nothing.')}`;
    expect(problems(GROUP, lessons)).toEqual([
      `${DIR}/research-lessons.yaml:20:11: error lesson-study-case-pupil-unknown: Research lesson 1 names case pupil "D" in the observations of stage 1, but the case pupils in lesson-study.yaml are A, B and C. Correct the code, or add the case pupil to lesson-study.yaml.`,
    ]);
  });

  it('check codes under observers, success criteria, interviews and the discussion too', () => {
    const lessons = `lessons:\n${lesson()
      .replace('      A: Explains why', '      X: Explains why')
      .replace('      A: Liked folding.', '      Y: Liked folding.')
      .replace('        A:\n          progress', '        Z:\n          progress')}`;
    const found = problems(GROUP, lessons);
    expect(found.map((p) => /names case pupil "(\w)" ([^,]+),/.exec(p)?.slice(1).join(' '))).toEqual([
      'X under successCriteria',
      'Y under interviews',
      "Z in the discussion's case pupils",
    ]);
  });

  it('take case pupils coded by number, as 1: in a research lesson', () => {
    const numbered = GROUP.replace('code: A', 'code: 1').replace('code: B', 'code: 2').replace('code: C', 'code: 3');
    const lessons = `lessons:\n${lesson()}`.replace(
      /^( +)([ABC]):/gm,
      (_, indent: string, code: string) => `${indent}${' ABC'.indexOf(code)}:`,
    );
    expect(problems(numbered, lessons)).toEqual([]);
  });

  it('say when lesson-study.yaml has no case pupils yet', () => {
    const found = problems('casePupils: []\n', `lessons:\n${lesson()}`);
    expect(found[0]).toContain('but lesson-study.yaml has no case pupils yet.');
  });

  it('ask for an observer for every case pupil once the lesson is planned, at the case pupil', () => {
    const lessons = `lessons:\n${lesson().replace('      C: Priya S\n', '      C:\n')}`;
    expect(problems(GROUP, lessons)).toEqual([
      `${DIR}/research-lessons.yaml:10:7: error lesson-study-observer: Case pupil C has no observer in research lesson 1. Name who will watch C under observers (for example \`C: Mr Boyle\`), so that no case pupil is missed.`,
    ]);
    const absent = `lessons:\n${lesson().replace('      C: Priya S\n', '')}`;
    expect(problems(GROUP, absent)[0]).toMatch(
      /^cycles\/01-fractions\/research-lessons.yaml:7:5: error lesson-study-observer: Case pupil C/,
    );
  });

  it('leave a blank lesson that sipp lesson add has just added alone', () => {
    const blank = `lessons:
  - date:
    observers: { A: , B: , C: }
    stages:
      - stage:
        predicted: { A: , B: , C: }
        observed: { A: , B: , C: }
  - date:
    changedSinceLast: []
    observers: { A: , B: , C: }
`;
    expect(problems(GROUP, blank)).toEqual([]);
  });

  it('ask research lesson 2 and later, once planned, to say what changed since the discussion before', () => {
    const empty = `lessons:\n${lesson()}${lesson('    changedSinceLast: []\n')}`;
    expect(problems(GROUP, empty)).toEqual([
      `${DIR}/research-lessons.yaml:35:5: error lesson-study-changes: Research lesson 2 does not say what changed since the discussion of research lesson 1. List the changes under changedSinceLast: each research lesson builds on the discussion before it.`,
    ]);
    const absent = `lessons:\n${lesson()}${lesson()}`;
    expect(problems(GROUP, absent)[0]).toMatch(
      /^cycles\/01-fractions\/research-lessons.yaml:32:5: error lesson-study-changes:/,
    );
    const stated = `lessons:\n${lesson()}${lesson('    changedSinceLast:\n      - Started with a 0-1 line.\n')}`;
    expect(problems(GROUP, stated)).toEqual([]);
  });

  it('warn when the predictions are dated after the lesson they predict, naming both dates', () => {
    const late = `lessons:\n${lesson().replace('plannedOn: 2025-10-01', 'plannedOn: 2025-10-09')}`;
    expect(problems(GROUP, late)).toEqual([
      `${DIR}/research-lessons.yaml:3:16: warning prediction-first: Research lesson 1 was planned, with its predictions, on 9 October 2025, after it was taught and observed on 8 October 2025. Write the predictions before the lesson, so that the observations can test them.`,
    ]);
    const sameDay = `lessons:\n${lesson().replace('plannedOn: 2025-10-01', 'plannedOn: 2025-10-08')}`;
    expect(problems(GROUP, sameDay)).toEqual([]);
  });

  it('check the group only when research-lessons.yaml cannot be used, and the lessons only against readable case pupils', () => {
    const group = cycleOf({ 'lesson-study': `${GROUP}  - code: D\n` });
    expect(lessonStudyRules(group).map((p) => p.rule)).toEqual(['lesson-study-case-pupils']);
    const lessons = cycleOf({ 'research-lessons': `lessons:\n${lesson().replace('  A: Iain D', '  Q: Iain D')}` });
    expect(lessonStudyRules(lessons)).toEqual([]);
  });
});

describe('looksLikeName', () => {
  it('takes letters, letters with digits and short codes for codes', () => {
    for (const code of ['A', 'B2', 'P5-C', 'LS1', 'AB', 'Pupil A', 'Boy 1', 'Jo'])
      expect(looksLikeName(code), code).toBe(false);
  });

  it('takes a word of three or more letters with lower case in it for a name', () => {
    for (const code of ['Ellie', 'sam', 'Ellie M', 'McKenzie', 'Zoë']) expect(looksLikeName(code), code).toBe(true);
  });
});
