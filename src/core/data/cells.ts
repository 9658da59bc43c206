// Checking every cell a table's mapped columns hold, and turning the rows into learners' values (without
// their codes: a code is needed only to find duplicates, and goes no further than this file).
import { seriesFormOf, type ColumnIndexes, type ColumnRole } from './columns.js';
import { isBlankRow, rowNumber, type Table } from './table.js';
import {
  INVALID,
  isYesNoToken,
  parseDateCell,
  parseGroupCell,
  hasAmbiguousComma,
  isOutOfRange,
  parseNumberCell,
  parseQuintileCell,
  parseYesNoCell,
  type GroupRole,
  type Parsed,
} from './values.js';

export type MeasureKind = 'score' | 'yes-no';

/** One cell that needs fixing, at its spreadsheet place. */
export interface CellProblem {
  /** Spreadsheet row (the heading row is 1). */
  row: number;
  /** 0-based column. */
  column: number;
  message: string;
  rule:
    | 'not-a-number'
    | 'not-yes-no'
    | 'quintile'
    | 'fsm'
    | 'group'
    | 'empty-learner'
    | 'duplicate-learner'
    | 'date'
    | 'duplicate-date'
    | 'count'
    | 'percentage'
    | 'kind';
}

/** One learner's values in a table of scores; yes/no answers are 1 (yes) and 0 (no). */
export interface LearnerValues {
  row: number;
  group: GroupRole | null;
  simd: number | null;
  fsm: boolean | null;
  before: number | null;
  after: number | null;
}

/** One learner's value on one date in a dated series; yes/no answers are 1 and 0. */
export interface SeriesObservation {
  row: number;
  group: GroupRole | null;
  date: string;
  value: number | null;
}

/** One date's figure in a series already worked out per date: a value (with n if given), or yes out of n. */
export interface SeriesTotal {
  row: number;
  group: GroupRole | null;
  date: string;
  /** The value as written, or the percentage answering yes (0-100, unrounded) for yes out of n; null when empty. */
  value: number | null;
  n: number | null;
}

export interface Checked<T> {
  kind: MeasureKind;
  /** The rows that hold something (blank rows are skipped). */
  rows: T[];
  problems: CellProblem[];
}

/**
 * The kind of a measure: the one measures.yaml declares, or yes/no when every filled score cell is yes/no,
 * y/n, true/false or 1/0, otherwise score.
 */
export function kindOfCells(cells: readonly string[], declared: MeasureKind | undefined): MeasureKind {
  if (declared) return declared;
  const filled = cells.filter((c) => c.trim() !== '');
  return filled.length > 0 && filled.every(isYesNoToken) ? 'yes-no' : 'score';
}

/** Checks a table of scores: one row per learner, with before and/or after. */
export function checkScoreTable(table: Table, columns: ColumnIndexes, declared?: MeasureKind): Checked<LearnerValues> {
  const kind = kindOfCells(cellsOf(table, columns, ['before', 'after']), declared);
  const reader = new RowReader(table, columns);
  const rows: LearnerValues[] = [];
  const seen = new Map<string, number>();
  table.rows.forEach((cells, index) => {
    if (isBlankRow(cells)) return;
    const row = rowNumber(index);
    const learner = reader.learner(index);
    if (learner !== null) {
      const first = seen.get(learner);
      if (first === undefined) seen.set(learner, row);
      else
        reader.report(
          index,
          'learner',
          `Learner code "${shorten(learner)}" is already on row ${first}: each learner needs a row of their own.`,
          'duplicate-learner',
        );
    }
    rows.push({
      row,
      group: reader.group(index),
      simd: reader.simd(index),
      fsm: reader.fsm(index),
      before: reader.score(index, 'before', kind),
      after: reader.score(index, 'after', kind),
    });
  });
  return { kind, rows, problems: reader.problems };
}

/** Checks a dated series: a row per learner per date. */
export function checkSeriesTable(
  table: Table,
  columns: ColumnIndexes,
  declared?: MeasureKind,
): Checked<SeriesObservation> {
  const kind = kindOfCells(cellsOf(table, columns, ['value']), declared);
  const reader = new RowReader(table, columns);
  const rows: SeriesObservation[] = [];
  const seen = new Map<string, number>();
  table.rows.forEach((cells, index) => {
    if (isBlankRow(cells)) return;
    const row = rowNumber(index);
    const learner = reader.learner(index);
    const date = reader.date(index);
    const value = reader.score(index, 'value', kind);
    if (learner === null || date === null) return;
    const key = `${learner}\u0000${date}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, row);
    else
      reader.report(
        index,
        'learner',
        `Learner "${shorten(learner)}" already has a value for ${date} on row ${first}: give each learner one row per date.`,
        'duplicate-learner',
      );
    rows.push({ row, group: reader.group(index), date, value });
  });
  return { kind, rows, problems: reader.problems };
}

/**
 * Checks a series already worked out per date (no learner column): `date,value` (with an optional `n`) or
 * `date,yes,n`. One row per date (per group when there is a group column); a count of yes is a yes/no series.
 */
export function checkTotalsTable(table: Table, columns: ColumnIndexes, declared?: MeasureKind): Checked<SeriesTotal> {
  const counts = seriesFormOf(columns) === 'counts';
  const kind: MeasureKind = counts ? 'yes-no' : (declared ?? 'score');
  const reader = new RowReader(table, columns);
  if (counts && declared === 'score')
    reader.problems.push({
      row: 1,
      column: columns.yes ?? 0,
      message:
        'This table counts learners answering yes out of n, but measures.yaml says the measure is a score: import it into a yes/no measure (kind: yes-no), or give a value per date instead.',
      rule: 'kind',
    });
  const rows: SeriesTotal[] = [];
  const seen = new Map<string, number>();
  table.rows.forEach((cells, index) => {
    if (isBlankRow(cells)) return;
    const row = rowNumber(index);
    const date = reader.date(index);
    const group = reader.group(index);
    const n = reader.whole(index, 'n');
    let value: number | null;
    if (counts) {
      const yes = reader.whole(index, 'yes');
      value = reader.share(index, yes, n);
    } else {
      value = reader.score(index, 'value', 'score');
      if (value !== null && kind === 'yes-no' && (value < 0 || value > 100)) {
        reader.report(
          index,
          'value',
          `${value} is not a percentage: this measure counts yes answers, so each value is the percentage answering yes, from 0 to 100.`,
          'percentage',
        );
        value = null;
      }
    }
    if (date === null) return;
    const key = `${group ?? ''}\u0000${date}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, row);
    else
      reader.report(
        index,
        'date',
        `${date} is already on row ${first}: a table of figures per date has one row per date${columns.group === undefined ? '' : ' and group'}. If each row is a learner, add a column of learner codes (or name it with --columns learner="<heading>").`,
        'duplicate-date',
      );
    rows.push({ row, group, date, value, n });
  });
  return { kind, rows, problems: reader.problems };
}

function cellsOf(table: Table, columns: ColumnIndexes, roles: readonly ColumnRole[]): string[] {
  return roles.flatMap((role) => {
    const column = columns[role];
    return column === undefined ? [] : table.rows.map((r) => r[column] ?? '');
  });
}

/** Long cell texts are cut in messages: the place matters more than the whole text. */
function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** Reads the mapped cells of one row at a time, collecting a problem for each cell it cannot read. */
class RowReader {
  readonly problems: CellProblem[] = [];

  constructor(
    private readonly table: Table,
    private readonly columns: ColumnIndexes,
  ) {}

  report(index: number, role: ColumnRole, message: string, rule: CellProblem['rule']): void {
    this.problems.push({ row: rowNumber(index), column: this.columns[role] ?? 0, message, rule });
  }

  private cell(index: number, role: ColumnRole): string | undefined {
    const column = this.columns[role];
    return column === undefined ? undefined : (this.table.rows[index]?.[column] ?? '').trim();
  }

  private read<T>(
    index: number,
    role: ColumnRole,
    parse: (cell: string) => Parsed<T>,
    bad: (cell: string) => string,
    rule: CellProblem['rule'],
  ): T | null {
    const cell = this.cell(index, role);
    if (cell === undefined) return null;
    const value = parse(cell);
    if (value === INVALID) {
      this.report(index, role, bad(shorten(cell)), rule);
      return null;
    }
    return value;
  }

  learner(index: number): string | null {
    const cell = this.cell(index, 'learner');
    if (cell === undefined) return null;
    if (cell === '') {
      this.report(
        index,
        'learner',
        'The learner code is empty: give every learner a code, such as L01.',
        'empty-learner',
      );
      return null;
    }
    return cell;
  }

  group(index: number): GroupRole | null {
    const cell = this.cell(index, 'group');
    if (cell === '') this.report(index, 'group', 'The group is empty: write intervention or comparison.', 'group');
    return this.read(
      index,
      'group',
      parseGroupCell,
      (c) => `"${c}" is not a group sipp knows: write intervention or comparison.`,
      'group',
    );
  }

  simd(index: number): number | null {
    return this.read(
      index,
      'simd',
      parseQuintileCell,
      (c) =>
        `"${c}" is not a SIMD quintile: write a whole number from 1 (most deprived) to 5, or leave the cell empty if it is not known.`,
      'quintile',
    );
  }

  fsm(index: number): boolean | null {
    return this.read(
      index,
      'fsm',
      parseYesNoCell,
      (c) =>
        `"${c}" is not yes or no: write yes or no for free school meal registration, or leave the cell empty if it is not known.`,
      'fsm',
    );
  }

  score(index: number, role: 'before' | 'after' | 'value', kind: MeasureKind): number | null {
    if (kind === 'yes-no') {
      const answer = this.read(
        index,
        role,
        parseYesNoCell,
        (c) =>
          `"${c}" is not yes or no: this measure counts yes/no answers, so write yes or no, or leave the cell empty if there is no answer.`,
        'not-yes-no',
      );
      return answer === null ? null : answer ? 1 : 0;
    }
    return this.read(
      index,
      role,
      parseNumberCell,
      (c) =>
        isOutOfRange(c)
          ? `"${c}" is too large a number for a score (sipp takes scores up to a billion): check the cell for a typing slip.`
          : hasAmbiguousComma(c)
            ? `"${c}" could be read two ways (a thousands separator or a decimal comma): write the score without the comma (1234) or with a decimal point (1.234).`
            : `"${c}" is not a number: write the score as a number, or leave the cell empty if the learner has no score.`,
      'not-a-number',
    );
  }

  /** A count (yes or n): a whole number of 0 or more, or null when empty. */
  whole(index: number, role: 'yes' | 'n'): number | null {
    const value = this.read(
      index,
      role,
      parseNumberCell,
      (c) => `"${c}" is not a number: write how many learners as a whole number.`,
      'not-a-number',
    );
    if (value === null || (Number.isInteger(value) && value >= 0)) return value;
    this.report(
      index,
      role,
      `${value} is not a whole number of learners: write how many learners ${role === 'yes' ? 'answered yes' : 'there were'} (0 or more).`,
      'count',
    );
    return null;
  }

  /** yes out of n as a percentage; null (with a problem) when yes is more than n or n is 0. */
  share(index: number, yes: number | null, n: number | null): number | null {
    if (yes === null || n === null) return null;
    if (n === 0) {
      this.report(index, 'n', 'n is 0: a date with no learners has no percentage. Leave the row out.', 'count');
      return null;
    }
    if (yes > n) {
      this.report(index, 'yes', `${yes} answered yes, but n is ${n}: yes cannot be more than n.`, 'count');
      return null;
    }
    return (100 * yes) / n;
  }

  date(index: number): string | null {
    const cell = this.cell(index, 'date');
    if (cell === '') {
      this.report(
        index,
        'date',
        'The date is empty: every row of a series needs the date the value was collected.',
        'date',
      );
      return null;
    }
    return this.read(
      index,
      'date',
      parseDateCell,
      (c) => `"${c}" is not a date: write dates as 2025-09-15 or 15/09/2025.`,
      'date',
    );
  }
}
