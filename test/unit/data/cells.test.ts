import { describe, expect, it } from 'vitest';
import { checkScoreTable, checkSeriesTable, checkTotalsTable, kindOfCells } from '../../../src/core/data/cells.js';
import { resolveColumns } from '../../../src/core/data/columns.js';
import { tableFromRows } from '../../../src/core/data/table.js';

function scores(rows: string[][]) {
  const table = tableFromRows([['learner', 'group', 'simd', 'fsm', 'before', 'after'], ...rows]);
  return checkScoreTable(table, resolveColumns(table.headings).columns);
}

describe('checkScoreTable', () => {
  it("reads each learner's values without their code", () => {
    const checked = scores([
      ['L01', 'intervention', '1', 'yes', '20', '25'],
      ['L02', 'Comparison', '5', 'no', '22.5', ''],
    ]);
    expect(checked.problems).toEqual([]);
    expect(checked.kind).toBe('score');
    expect(checked.rows).toEqual([
      { row: 2, group: 'intervention', simd: 1, fsm: true, before: 20, after: 25 },
      { row: 3, group: 'comparison', simd: 5, fsm: false, before: 22.5, after: null },
    ]);
    expect(JSON.stringify(checked.rows)).not.toContain('L0');
  });

  it('skips blank rows but keeps the row numbers of the file', () => {
    const checked = scores([
      ['L01', 'intervention', '1', 'yes', '20', '25'],
      ['', '', '', '', '', ''],
      ['L02', 'intervention', '2', 'no', '21', '24'],
    ]);
    expect(checked.rows.map((r) => r.row)).toEqual([2, 4]);
  });

  it('refuses a score like 1,234 that a thousands separator and a decimal comma would read differently', () => {
    const checked = scores([['L01', 'intervention', '1', 'yes', '1,234', '25']]);
    expect(checked.problems.map((p) => [p.row, p.column, p.rule, p.message])).toEqual([
      [
        2,
        4,
        'not-a-number',
        '"1,234" could be read two ways (a thousands separator or a decimal comma): write the score without the comma (1234) or with a decimal point (1.234).',
      ],
    ]);
  });

  it('reports every bad cell at its row and column', () => {
    const checked = scores([
      ['L01', 'intervention', '7', 'maybe', 'twelve', '25'],
      ['L02', 'treatment', '2', 'no', '21', '24'],
      ['L01', 'comparison', '3', 'yes', '20', '25'],
      ['', 'comparison', '3', 'yes', '20', ''],
      ['L05', '', '3', 'yes', '20', ''],
    ]);
    expect(checked.problems.map((p) => [p.row, p.column, p.rule])).toEqual([
      [2, 2, 'quintile'],
      [2, 3, 'fsm'],
      [2, 4, 'not-a-number'],
      [3, 1, 'group'],
      [4, 0, 'duplicate-learner'],
      [5, 0, 'empty-learner'],
      [6, 1, 'group'],
    ]);
    const messages = checked.problems.map((p) => p.message);
    expect(messages).toContain(
      '"7" is not a SIMD quintile: write a whole number from 1 (most deprived) to 5, or leave the cell empty if it is not known.',
    );
    expect(messages).toContain(
      '"twelve" is not a number: write the score as a number, or leave the cell empty if the learner has no score.',
    );
    expect(messages).toContain('Learner code "L01" is already on row 2: each learner needs a row of their own.');
    expect(messages).toContain('"treatment" is not a group sipp knows: write intervention or comparison.');
  });

  it('treats a score column of yes/no answers as a yes/no measure (1 and 0)', () => {
    const checked = scores([
      ['L01', 'intervention', '1', 'yes', 'no', 'yes'],
      ['L02', 'intervention', '1', 'yes', 'N', 'TRUE'],
      ['L03', 'intervention', '1', 'yes', '0', ''],
    ]);
    expect(checked.kind).toBe('yes-no');
    expect(checked.rows.map((r) => [r.before, r.after])).toEqual([
      [0, 1],
      [0, 1],
      [0, null],
    ]);
  });

  it('keeps the kind measures.yaml declares: a yes in a score measure is a bad cell', () => {
    const table = tableFromRows([
      ['learner', 'before'],
      ['L01', 'yes'],
      ['L02', 'no'],
    ]);
    const checked = checkScoreTable(table, { learner: 0, before: 1 }, 'score');
    expect(checked.problems.map((p) => p.rule)).toEqual(['not-a-number', 'not-a-number']);
    const yesNo = checkScoreTable(
      tableFromRows([
        ['learner', 'before'],
        ['L01', '14'],
      ]),
      { learner: 0, before: 1 },
      'yes-no',
    );
    expect(yesNo.problems[0]?.message).toBe(
      '"14" is not yes or no: this measure counts yes/no answers, so write yes or no, or leave the cell empty if there is no answer.',
    );
  });
});

describe('checkSeriesTable', () => {
  const series = (rows: string[][]) => {
    const table = tableFromRows([['learner', 'date', 'value'], ...rows]);
    return checkSeriesTable(table, { learner: 0, date: 1, value: 2 });
  };

  it('reads a row per learner per date', () => {
    const checked = series([
      ['L01', '15/09/2025', '80'],
      ['L01', '2025-09-22', '90'],
      ['L02', '15/09/2025', ''],
    ]);
    expect(checked.problems).toEqual([]);
    expect(checked.rows).toEqual([
      { row: 2, group: null, date: '2025-09-15', value: 80 },
      { row: 3, group: null, date: '2025-09-22', value: 90 },
      { row: 4, group: null, date: '2025-09-15', value: null },
    ]);
  });

  it('reports bad and empty dates, and a learner twice on one date', () => {
    const checked = series([
      ['L01', '31/02/2025', '80'],
      ['L01', '', '80'],
      ['L02', '2025-09-15', '70'],
      ['L02', '15/09/2025', '75'],
    ]);
    expect(checked.problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [2, 1, '"31/02/2025" is not a date: write dates as 2025-09-15 or 15/09/2025.'],
      [3, 1, 'The date is empty: every row of a series needs the date the value was collected.'],
      [5, 0, 'Learner "L02" already has a value for 2025-09-15 on row 4: give each learner one row per date.'],
    ]);
  });
});

describe('kindOfCells', () => {
  it('is yes-no only when every filled cell is a yes/no answer', () => {
    expect(kindOfCells(['yes', '', 'no', '1'], undefined)).toBe('yes-no');
    expect(kindOfCells(['yes', '12'], undefined)).toBe('score');
    expect(kindOfCells(['', ''], undefined)).toBe('score');
    expect(kindOfCells(['yes'], 'score')).toBe('score');
  });
});

describe('checkTotalsTable (a figure per date, issue 12)', () => {
  const totals = (headings: string[], rows: string[][], declared?: 'score' | 'yes-no') => {
    const table = tableFromRows([headings, ...rows]);
    return checkTotalsTable(table, resolveColumns(table.headings).columns, declared);
  };

  it('reads date and value as they are, with n when the table gives it', () => {
    const checked = totals(
      ['date', 'value', 'n'],
      [
        ['15/09/2025', '91.5', '28'],
        ['2025-09-22', '90', ''],
      ],
    );
    expect(checked.problems).toEqual([]);
    expect(checked.kind).toBe('score');
    expect(checked.rows).toEqual([
      { row: 2, group: null, date: '2025-09-15', value: 91.5, n: 28 },
      { row: 3, group: null, date: '2025-09-22', value: 90, n: null },
    ]);
  });

  it('turns yes out of n into a percentage of a yes/no series', () => {
    const checked = totals(['date', 'count', 'n'], [['2025-09-15', '7', '28']]);
    expect(checked.kind).toBe('yes-no');
    expect(checked.rows[0]?.value).toBeCloseTo(25, 12);
  });

  it('reports a date twice, yes over n, n of 0, a part learner and a percentage over 100 at their cells', () => {
    const counts = totals(
      ['date', 'yes', 'n'],
      [
        ['2025-09-15', '7', '28'],
        ['2025-09-15', '30', '28'],
        ['2025-09-22', '2', '0'],
        ['2025-09-29', '2.5', '20'],
      ],
    );
    expect(counts.problems.map((p) => [p.row, p.column, p.rule])).toEqual([
      [3, 1, 'count'],
      [3, 0, 'duplicate-date'],
      [4, 2, 'count'],
      [5, 1, 'count'],
    ]);
    expect(counts.problems[1]?.message).toContain('2025-09-15 is already on row 2');
    const percent = totals(['date', 'value'], [['2025-09-15', '140']], 'yes-no');
    expect(percent.problems[0]?.message).toBe(
      '140 is not a percentage: this measure counts yes answers, so each value is the percentage answering yes, from 0 to 100.',
    );
  });

  it('refuses counts of yes for a measure measures.yaml calls a score', () => {
    const checked = totals(['date', 'yes', 'n'], [['2025-09-15', '7', '28']], 'score');
    expect(checked.problems[0]).toMatchObject({ row: 1, column: 1, rule: 'kind' });
  });

  it('allows the same date once per group', () => {
    const checked = totals(
      ['date', 'group', 'value'],
      [
        ['2025-09-15', 'intervention', '91'],
        ['2025-09-15', 'comparison', '89'],
      ],
    );
    expect(checked.problems).toEqual([]);
  });
});
