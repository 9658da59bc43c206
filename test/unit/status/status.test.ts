import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { Problem } from '../../../src/core/problems.js';
import { CORE_RECORDS, type CycleSource, type ProjectSource } from '../../../src/core/records/model.js';
import { initialCycleRecords, initialProjectData } from '../../../src/core/records/scaffold.js';
import { parseSource } from '../../../src/core/records/source.js';
import { COMPLETE_NEXT, isEmptyAnswer, projectStatus, valueAt } from '../../../src/core/status/index.js';
import { car } from '../../../src/methods/car/index.js';
import type { Method } from '../../../src/core/method/contract.js';

const project = initialProjectData({
  title: 'Reading for pleasure',
  method: 'car',
  schools: ['Hillside Primary'],
  authorities: [],
  stages: ['P5'],
  equityMarker: 'simd-quintile',
});

/** A complete CAR cycle: every required answer given. */
function completeRecords(): Record<string, Record<string, unknown>> {
  const records = initialCycleRecords(project, {
    title: 'Paired reading',
    method: 'car',
    answers: {},
  }) as unknown as Record<string, Record<string, unknown>>;
  Object.assign(records.question!, {
    question: 'Does paired reading help?',
    aim: 'More enjoyment',
    prediction: 'It will',
    howWillWeKnow: 'A survey',
  });
  Object.assign(records.baseline!, {
    date: '2025-09-01',
    evidenceOfNeed: 'Low scores',
    values: [{ measure: 'enjoyment', value: 20, n: 30 }],
  });
  Object.assign(records.intervention!, {
    what: 'Paired reading',
    who: 'P5 teachers',
    start: '2025-09-15',
    actual: 'Three sessions a week, as planned.',
  });
  Object.assign(records.measures!, {
    measures: [{ id: 'enjoyment', name: 'Enjoyment' }],
    results: [
      { measure: 'enjoyment', groups: [{ name: 'All', before: { n: 30, mean: 20 }, after: { n: 30, mean: 24 } }] },
    ],
  });
  Object.assign(records.reflections!, {
    outcomeVsPrediction: 'As predicted',
    learning: 'It works',
    impactOnLearners: 'More reading',
    decision: 'adopt',
    nextSteps: 'Spread it',
  });
  return records;
}

function cycle(folder: string, records: object): CycleSource {
  const dir = `cycles/${folder}`;
  const map = new Map(
    Object.entries(records).map(([name, data]) => [name, parseSource(`${dir}/${name}.yaml`, stringify(data))]),
  );
  return { folder, dir, number: Number(folder.slice(0, 2)), slug: folder.slice(3), records: map };
}

function source(...cycles: CycleSource[]): ProjectSource {
  return { project: parseSource('sipp.yaml', stringify(project)), cycles, problems: [] };
}

function problem(file: string): Problem {
  return { file, line: 1, column: 1, message: 'wrong', rule: 'type', severity: 'error' };
}

const lookup = (id: string): Method | undefined => (id === 'car' ? car : undefined);

describe('an empty answer', () => {
  it.each([null, undefined, '', '   \n', [], [''], [null, '  '], {}, { a: null, b: [] }])('%j is empty', (value) => {
    expect(isEmptyAnswer(value)).toBe(true);
  });
  it.each([0, false, 'x', ['P5'], [{ measure: 'x' }], { n: 0 }])('%j is an answer', (value) => {
    expect(isEmptyAnswer(value)).toBe(false);
  });
  it('is found by path, through lists and maps, and is undefined where the path does not exist', () => {
    const data = { a: { b: [{ c: 1 }] } };
    expect(valueAt(data, ['a', 'b', 0, 'c'])).toBe(1);
    expect(valueAt(data, ['a', 'x', 'c'])).toBeUndefined();
    expect(valueAt(data, ['a', 'b', 'c'])).toBeUndefined();
    expect(valueAt({}, ['__proto__'])).toBeUndefined();
  });
});

describe('sipp status of a cycle', () => {
  it('puts a new cycle at the question stage, with every required answer missing', () => {
    const records = initialCycleRecords(project, { title: 'Paired reading', method: 'car', answers: {} });
    const [status] = projectStatus(source(cycle('01-paired-reading', records)), [], lookup).cycles;
    expect(status).toMatchObject({
      folder: '01-paired-reading',
      number: 1,
      title: 'Paired reading',
      method: 'car',
      stage: 'question',
      complete: false,
      problems: [],
    });
    // The stages were copied from sipp.yaml: the next step names what is still to write, not what is there.
    expect(status?.next).toBe(
      'Finish question.yaml, before you collect any data: still to write the enquiry question, the aim, the prediction and "how will we know".',
    );
    // The stages were copied from sipp.yaml, so only the other 17 answers are missing.
    expect(status?.missing).toHaveLength(car.requirements.length - 1);
    expect(status?.missing[0]).toEqual({
      record: 'question',
      file: 'cycles/01-paired-reading/question.yaml',
      field: 'question',
      label: 'the enquiry question',
    });
    expect(status?.missing.map((m) => m.field)).not.toContain('targetLearners.stages');
  });

  it('moves to the first stage with a missing answer, and lists the missing answers of every stage in spine order', () => {
    const records = completeRecords();
    records.intervention!.who = '  ';
    records.reflections!.decision = null;
    const [status] = projectStatus(source(cycle('01-x', records)), [], lookup).cycles;
    expect(status?.stage).toBe('intervention');
    expect(status?.missing.map((m) => `${m.record}.${m.field}`)).toEqual(['intervention.who', 'reflections.decision']);
    expect(status?.next).toBe('Finish intervention.yaml: still to write who delivers it.');
  });

  it("uses the method's own words for a stage nothing of which is written yet", () => {
    const records = completeRecords();
    Object.assign(records.intervention!, { what: null, who: null, start: null, actual: null });
    const [status] = projectStatus(source(cycle('01-x', records)), [], lookup).cycles;
    expect(status?.stage).toBe('intervention');
    expect(status?.next).toBe(car.nextSteps.intervention);
  });

  it('calls a cycle with every answer given complete', () => {
    const [status] = projectStatus(source(cycle('01-x', completeRecords())), [], lookup).cycles;
    expect(status).toMatchObject({ stage: 'complete', complete: true, missing: [], next: COMPLETE_NEXT });
  });

  it('does not guess the stage past a record with problems, and says to run sipp validate', () => {
    const c = cycle('01-x', completeRecords());
    const [status] = projectStatus(source(c), [problem('cycles/01-x/baseline.yaml')], lookup).cycles;
    expect(status?.stage).toBeNull();
    expect(status?.complete).toBe(false);
    expect(status?.problems).toEqual(['cycles/01-x/baseline.yaml']);
    expect(status?.next).toContain('cycles/01-x/baseline.yaml');
    expect(status?.next).toContain('sipp validate');
  });

  it('keeps a stage it can be sure of when only a later record has problems', () => {
    const records = completeRecords();
    records.question!.aim = null;
    const [status] = projectStatus(
      source(cycle('01-x', records)),
      [problem('cycles/01-x/reflections.yaml')],
      lookup,
    ).cycles;
    expect(status?.stage).toBe('question');
    expect(status?.missing.map((m) => m.field)).toEqual(['aim']);
    expect(status?.problems).toEqual(['cycles/01-x/reflections.yaml']);
  });

  it('ignores warnings when deciding whether a record has problems', () => {
    const warning: Problem = { ...problem('cycles/01-x/baseline.yaml'), severity: 'warning' };
    const [status] = projectStatus(source(cycle('01-x', completeRecords())), [warning], lookup).cycles;
    expect(status?.stage).toBe('complete');
  });

  it('treats a missing record file as a problem', () => {
    const records = completeRecords();
    delete records.measures;
    const problems = [problem('cycles/01-x/measures.yaml')];
    const [status] = projectStatus(source(cycle('01-x', records)), problems, lookup).cycles;
    expect(status?.stage).toBeNull();
    expect(status?.problems).toEqual(['cycles/01-x/measures.yaml']);
  });

  it("says so when the cycle's method is unknown to this version", () => {
    const records = completeRecords();
    records.question!.method = 'lesson-study';
    const [status] = projectStatus(source(cycle('01-x', records)), [], lookup).cycles;
    expect(status).toMatchObject({ method: 'lesson-study', stage: null, complete: false, missing: [] });
    expect(status?.next).toContain('lesson-study');
  });

  it('says to fix the problems, not that the method is unknown, when question.yaml has problems', () => {
    const records = completeRecords();
    records.question!.method = 'cra';
    const [status] = projectStatus(
      source(cycle('01-x', records)),
      [problem('cycles/01-x/question.yaml')],
      lookup,
    ).cycles;
    expect(status?.stage).toBeNull();
    expect(status?.next).toBe('Fix the problems in cycles/01-x/question.yaml first: run `sipp validate` to see them.');
  });

  it("counts a method's own records at the stage they belong to", () => {
    const withLessons: Method = {
      ...car,
      extraRecords: [{ name: 'lessons', stage: 'intervention', title: 'Research lessons' }],
      requirements: [...car.requirements, { record: 'lessons', path: ['lessons'], label: 'the research lessons' }],
    };
    const records = { ...completeRecords(), lessons: { lessons: [] } };
    const [status] = projectStatus(source(cycle('01-x', records)), [], () => withLessons).cycles;
    expect(status?.stage).toBe('intervention');
    expect(status?.missing).toEqual([
      { record: 'lessons', file: 'cycles/01-x/lessons.yaml', field: 'lessons', label: 'the research lessons' },
    ]);
  });
});

describe('sipp status of a project', () => {
  it('lists files outside the cycles that have problems, and keeps the cycles in order', () => {
    const s = source(
      cycle('01-a', completeRecords()),
      cycle('02-b', initialCycleRecords(project, { title: 'B', method: 'car', answers: {} })),
    );
    const status = projectStatus(s, [problem('sipp.yaml'), problem('cycles/02-b/baseline.yaml')], lookup);
    expect(status.problems).toEqual(['sipp.yaml']);
    expect(status.cycles.map((c) => [c.folder, c.stage])).toEqual([
      ['01-a', 'complete'],
      ['02-b', 'question'],
    ]);
  });

  it('has a stable JSON shape', () => {
    const status = projectStatus(source(cycle('01-a', completeRecords())), [], lookup);
    expect(Object.keys(status)).toEqual(['problems', 'cycles']);
    expect(Object.keys(status.cycles[0] ?? {})).toEqual([
      'folder',
      'number',
      'title',
      'method',
      'stage',
      'complete',
      'missing',
      'next',
      'problems',
    ]);
  });

  it('covers every spine stage', () => {
    expect(CORE_RECORDS).toEqual(['question', 'baseline', 'intervention', 'measures', 'reflections']);
  });
});
