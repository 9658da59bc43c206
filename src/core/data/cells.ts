// Checking every cell a table's mapped columns hold, and turning the rows into learners' values (without
// their codes: a code is needed only to find duplicates, and goes no further than this file).
import type { ColumnIndexes, ColumnRole } from './columns.js';
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
  rule: 'not-a-number' | 'not-yes-no' | 'quintile' | 'fsm' | 'group' | 'empty-learner' | 'duplicate-learner' | 'date';
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
