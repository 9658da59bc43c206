// Rules across the records of a cycle and across cycles: measure ids, dates in order, folder numbering, counts.
import { describe, expect, it } from 'vitest';
import { cycleFiles, lines, validate, type Files } from './project-from.js';

const MEASURES = `measures:
  - id: reading-enjoyment
    name: Reading enjoyment survey score
  - id: reads-for-pleasure
    name: Reads for pleasure
    kind: yes-no
`;

const cycle = (records: Parameters<typeof cycleFiles>[1], folder = '01-paired-reading'): Files =>
  cycleFiles(folder, { measures: MEASURES, ...records });

describe('measure ids', () => {
  it('accepts ids that measures.yaml defines, wherever they are used', () => {
    expect(
      validate(
        cycle({
          baseline: 'values:\n  - measure: reading-enjoyment\n',
          measures: `${MEASURES}results:\n  - measure: reads-for-pleasure\nseries:\n  - measure: reading-enjoyment\n`,
          reflections: 'findings:\n  - measure: reads-for-pleasure\n',
        }),
      ),
    ).toEqual([]);
  });

  it('points at an undefined id and suggests the defined one it is closest to', () => {
    expect(lines(cycle({ baseline: 'values:\n  - measure: reading-enjoymnt\n' }))).toEqual([
      "cycles/01-paired-reading/baseline.yaml:2:14: Measure `reading-enjoymnt` is not defined in this cycle's measures.yaml. Did you mean `reading-enjoyment`?",
    ]);
  });

  it('lists the defined ids when none is close', () => {
    expect(lines(cycle({ reflections: 'findings:\n  - measure: attendance\n' }))).toEqual([
      "cycles/01-paired-reading/reflections.yaml:2:14: Measure `attendance` is not defined in this cycle's measures.yaml (it defines `reading-enjoyment`, `reads-for-pleasure`). Add it there, or correct the id.",
    ]);
  });

  it('checks the ids used in results and series of measures.yaml itself', () => {
    expect(
      lines(cycle({ measures: `${MEASURES}results:\n  - measure: enjoyment\nseries:\n  - measure: attendance\n` })),
    ).toEqual([
      "cycles/01-paired-reading/measures.yaml:8:14: Measure `enjoyment` is not defined in this cycle's measures.yaml (it defines `reading-enjoyment`, `reads-for-pleasure`). Add it there, or correct the id.",
      "cycles/01-paired-reading/measures.yaml:10:14: Measure `attendance` is not defined in this cycle's measures.yaml (it defines `reading-enjoyment`, `reads-for-pleasure`). Add it there, or correct the id.",
    ]);
  });

  it('says so when measures.yaml defines no measures yet', () => {
    expect(lines(cycleFiles('01-a', { baseline: 'values:\n  - measure: attendance\n' }))).toEqual([
      "cycles/01-a/baseline.yaml:2:14: Measure `attendance` is not defined in this cycle's measures.yaml, which has no measures yet. Add it under `measures:` there.",
    ]);
  });

  it('looks only in the same cycle', () => {
    const files = { ...cycle({}), ...cycleFiles('02-next', { baseline: 'values:\n  - measure: reading-enjoyment\n' }) };
    expect(validate(files).map((p) => [p.file, p.rule])).toEqual([['cycles/02-next/baseline.yaml', 'measure-defined']]);
  });

  it('reports a measure id defined twice, at the second', () => {
    expect(lines(cycle({ measures: `${MEASURES}  - id: reading-enjoyment\n    name: Again\n` }))).toEqual([
      'cycles/01-paired-reading/measures.yaml:7:9: The measure id `reading-enjoyment` is used twice in measures.yaml (first on line 2). Give each measure its own id.',
    ]);
  });

  it('stays quiet about ids while measures.yaml has schema errors (one mistake, one message)', () => {
    const problems = validate(
      cycle({
        baseline: 'values:\n  - measure: x\n',
        measures: 'measures:\n  - id: x\n    name: X\n    kind: maybe\n',
      }),
    );
    expect(problems.map((p) => p.rule)).toEqual(['enum']);
  });

  it('does not check ids of a record that has schema errors', () => {
    const problems = validate(cycle({ baseline: 'date: soon\nvalues:\n  - measure: attendance\n' }));
    expect(problems.map((p) => p.rule)).toEqual(['format']);
  });
});

describe('date order', () => {
  const rule = (files: Files): string[] => lines(files);

  it('accepts dates in the order of the enquiry', () => {
    expect(
      validate(
        cycle({
          baseline: 'date: 2025-08-28\n',
          intervention:
            'start: 2025-09-01\nend: 2026-03-20\nadaptations:\n  - date: 2025-10-06\n    change: Moved to mornings\n',
          reflections: 'date: 2026-03-26\n',
          measures: `${MEASURES}results:\n  - measure: reading-enjoyment\n    groups:\n      - name: P5\n        before: {n: 20, date: 2025-08-28}\n        after: {n: 20, date: 2026-03-20}\n`,
        }),
      ),
    ).toEqual([]);
  });

  it('names both dates when the intervention starts before the baseline', () => {
    expect(rule(cycle({ baseline: 'date: 2025-10-01\n', intervention: 'start: 2025-09-15\n' }))).toEqual([
      'cycles/01-paired-reading/intervention.yaml:1:8: The intervention starts on 2025-09-15, before the baseline date (2025-10-01 in baseline.yaml). The baseline is taken before the change starts: check both dates.',
    ]);
  });

  it('compares the baseline with the end when there is no start yet', () => {
    expect(rule(cycle({ baseline: 'date: 2025-10-01\n', intervention: 'end: 2025-09-15\n' }))).toEqual([
      'cycles/01-paired-reading/intervention.yaml:1:6: The intervention ends on 2025-09-15, before the baseline date (2025-10-01 in baseline.yaml). Check both dates.',
    ]);
  });

  it('reports an end before the start', () => {
    expect(rule(cycle({ intervention: 'start: 2025-09-15\nend: 2025-09-01\n' }))).toEqual([
      'cycles/01-paired-reading/intervention.yaml:2:6: The intervention ends on 2025-09-01, before it starts (2025-09-15). Check both dates.',
    ]);
  });

  it('reports adaptations outside the start and end', () => {
    expect(
      rule(
        cycle({
          intervention:
            'start: 2025-09-15\nend: 2025-12-19\nadaptations:\n  - date: 2025-09-01\n    change: a\n  - date: 2026-01-05\n    change: b\n',
        }),
      ),
    ).toEqual([
      'cycles/01-paired-reading/intervention.yaml:4:11: This adaptation is dated 2025-09-01, before the intervention starts (2025-09-15). Adaptations are logged between the start and the end: check both dates.',
      'cycles/01-paired-reading/intervention.yaml:6:11: This adaptation is dated 2026-01-05, after the intervention ends (2025-12-19). Adaptations are logged between the start and the end: check both dates.',
    ]);
  });

  it('reports reflections dated before the intervention starts', () => {
    expect(rule(cycle({ intervention: 'start: 2025-09-15\n', reflections: 'date: 2025-09-01\n' }))).toEqual([
      'cycles/01-paired-reading/reflections.yaml:1:7: The reflections are dated 2025-09-01, before the intervention starts (2025-09-15 in intervention.yaml). Check both dates.',
    ]);
  });

  it('reports reflections dated before the baseline when the intervention has no start', () => {
    expect(rule(cycle({ baseline: 'date: 2025-09-15\n', reflections: 'date: 2025-09-01\n' }))).toEqual([
      'cycles/01-paired-reading/reflections.yaml:1:7: The reflections are dated 2025-09-01, before the baseline date (2025-09-15 in baseline.yaml). Check both dates.',
    ]);
  });

  it('reports "after" figures dated before the "before" figures', () => {
    const measures = `${MEASURES}results:\n  - measure: reading-enjoyment\n    groups:\n      - name: P5\n        before: {n: 20, date: 2026-03-20}\n        after: {n: 20, date: 2025-08-28}\n`;
    expect(rule(cycle({ measures }))).toEqual([
      'cycles/01-paired-reading/measures.yaml:12:30: The "after" figures of P5 are dated 2025-08-28, before its "before" figures (2026-03-20). Check both dates.',
    ]);
  });

  it('ignores dates that are not filled in yet', () => {
    expect(
      validate(cycle({ baseline: 'date:\n', intervention: 'start:\nend: 2025-01-01\n', reflections: 'date:\n' })),
    ).toEqual([]);
  });
});

describe('yes/no counts', () => {
  it('reports a count larger than n at the count', () => {
    const measures = `${MEASURES}results:\n  - measure: reads-for-pleasure\n    groups:\n      - name: P5\n        before: {n: 20, count: 25}\n        after: {n: 20, count: 12}\n`;
    expect(lines(cycle({ measures }))).toEqual([
      'cycles/01-paired-reading/measures.yaml:11:32: `count` is 25 but `n` is 20: the number of learners who answered yes cannot be more than the number of learners.',
    ]);
  });
});

describe('cycle folder numbering', () => {
  it('accepts 01, 02, 03', () => {
    expect(validate({ ...cycleFiles('01-a'), ...cycleFiles('02-b'), ...cycleFiles('03-c') })).toEqual([]);
  });

  it('accepts three-digit numbers after 99', () => {
    const files = Object.assign(
      {},
      ...Array.from({ length: 100 }, (_, i) => cycleFiles(`${String(i + 1).padStart(2, '0')}-c`)),
    ) as Files;
    expect(validate(files)).toEqual([]);
  });

  it('reports a gap at the folder after it', () => {
    expect(lines({ ...cycleFiles('01-a'), ...cycleFiles('03-c') })).toEqual([
      'cycles/03-c:1:1: There is no cycle 02 before this one (number 03): cycles are numbered 01, 02, 03, … with no gaps. Restore the missing cycle from Git, or renumber this folder and the ones after it.',
    ]);
  });

  it('reports a run of missing numbers once', () => {
    expect(lines({ ...cycleFiles('01-a'), ...cycleFiles('04-d') })).toEqual([
      'cycles/04-d:1:1: There are no cycles 02 and 03 before this one (number 04): cycles are numbered 01, 02, 03, … with no gaps. Restore the missing cycle from Git, or renumber this folder and the ones after it.',
    ]);
  });

  it('reports a project whose first cycle is not 01', () => {
    expect(validate(cycleFiles('02-b')).map((p) => `${p.file} ${p.rule}`)).toEqual(['cycles/02-b cycle-numbering']);
  });

  it('reports two folders with the same number', () => {
    expect(lines({ ...cycleFiles('01-a'), ...cycleFiles('01-b') })).toEqual([
      'cycles/01-b:1:1: The cycle folders `01-a` and `01-b` have the same number, 01. Each cycle needs its own number: renumber one of them.',
    ]);
  });

  it('suggests a name for a folder not named NN-slug, and numbers it by its leading digits', () => {
    expect(lines({ ...cycleFiles('1 Paired Reading'), ...cycleFiles('02-b') })).toEqual([
      'cycles/1 Paired Reading:1:1: Cycle folders are named with a two-digit number from 01, a hyphen, and lower-case words joined by hyphens. Rename `1 Paired Reading` to `01-paired-reading`.',
    ]);
    expect(lines({ ...cycleFiles('01-a'), ...cycleFiles('Reading') })).toEqual([
      'cycles/Reading:1:1: Cycle folders are named with a two-digit number from 01, a hyphen, and lower-case words joined by hyphens. Rename `Reading` to `02-reading`.',
    ]);
    expect(lines({ ...cycleFiles('001-a') })[0]).toContain('Rename `001-a` to `01-a`.');
  });

  it('takes a number past 999 (a year, a slip) for part of the name, and suggests the next free number', () => {
    expect(lines({ ...cycleFiles('01-a'), ...cycleFiles('2025-26-reading') })).toEqual([
      'cycles/2025-26-reading:1:1: Cycle folders are named with a two-digit number from 01, a hyphen, and lower-case words joined by hyphens (the number it starts with is not a cycle number: they run 01, 02, 03, … up to 999). Rename `2025-26-reading` to `02-2025-26-reading`.',
    ]);
  });

  it('suggests no name when cycle 999, the last number, is taken, and says where the next cycles go', () => {
    expect(
      lines({ ...cycleFiles('999-last'), ...cycleFiles('1000-one-more') }).filter((l) => l.includes('1000')),
    ).toEqual([
      'cycles/1000-one-more:1:1: Cycle folders are named with a two-digit number from 01, a hyphen, and lower-case words joined by hyphens (the number it starts with is not a cycle number: they run 01, 02, 03, … up to 999). This project already has a cycle 999, the most one project numbers. Start a new project for the next cycles (`sipp init`) and follow both in a network (`sipp network add`).',
    ]);
  });
});

describe('the dates of a series', () => {
  const series = (dates: string[]) =>
    `${MEASURES}series:\n  - measure: reading-enjoyment\n    points:\n${dates.map((d, i) => `      - { date: ${d}, value: ${20 + i} }`).join('\n')}\n`;

  it('accepts points in date order', () => {
    expect(lines(cycle({ measures: series(['2025-09-01', '2025-09-08', '2025-09-15']) }))).toEqual([]);
  });

  it('reports a point out of date order and a date given twice, at the date', () => {
    expect(lines(cycle({ measures: series(['2025-09-01', '2025-09-15', '2025-09-08', '2025-09-15']) }))).toEqual([
      'cycles/01-paired-reading/measures.yaml:12:17: 2025-09-08 comes after 2025-09-15 in this series, but it is earlier. Put the points in date order (the run chart reads them in the order they are written).',
      'cycles/01-paired-reading/measures.yaml:13:17: 2025-09-15 is in this series twice (point 2 and point 4). A run chart takes one value per date: keep one of them, or correct the date.',
    ]);
  });
});
