// The whole check of a table once its columns are known: personal data, every cell, then the aggregates.
// Pure: the table comes in as strings, and either problems or privacy-safe figures go out.
import {
  aggregateScores,
  aggregateSeries,
  seriesFromTotals,
  type AggregatedGroup,
  type AggregatedSeries,
  type EquityDefinition,
} from './aggregate.js';
import { checkScoreTable, checkSeriesTable, checkTotalsTable, type CellProblem, type MeasureKind } from './cells.js';
import {
  normaliseHeading,
  seriesFormOf,
  shapeOf,
  type ColumnIndexes,
  type SeriesForm,
  type TableShape,
} from './columns.js';
import { findPersonalData, type PersonalDataFinding } from './personal-data.js';
import type { Table } from './table.js';

export interface InspectOptions {
  columns: ColumnIndexes;
  /** The kind measures.yaml declares for the measure, if it declares one. */
  declaredKind?: MeasureKind | undefined;
  equity: EquityDefinition;
  /** Today, `YYYY-MM-DD` (for spotting dates of birth). */
  asOf: string;
  /** Headings the teacher allowed with `--allow-column`. */
  allowColumns?: readonly string[];
}

export interface Refused {
  ok: false;
  /** Columns that look like personal data and were not allowed. */
  personal: PersonalDataFinding[];
  /** Cells that need fixing, sorted by row and column. */
  cells: CellProblem[];
  allowed: PersonalDataFinding[];
}

export interface Imported {
  ok: true;
  shape: TableShape;
  /** For a series: a row per learner, or a figure per date (a value, or yes out of n). */
  seriesForm: SeriesForm | null;
  kind: MeasureKind;
  /** Rows that hold something (blank rows are not counted). */
  rowsRead: number;
  /** For scores: the groups; for a series: the series. */
  groups: AggregatedGroup[];
  series: AggregatedSeries[];
  /** Learners with no before (or after) score, left out of those figures. */
  missing: { before: number; after: number; value: number };
  /** Learners without the equity marker a breakdown uses (SIMD; FSM when it defines the equity group), counted in "all" only. */
  unknownMarker: { simd: number; fsm: number };
  allowed: PersonalDataFinding[];
}

export type Inspection = Refused | Imported;

/** Headings given with `--allow-column` that are not in the table. */
export function unknownAllowedHeadings(table: Table, allow: readonly string[]): string[] {
  const present = new Set(table.headings.map(normaliseHeading));
  return allow.filter((h) => !present.has(normaliseHeading(h)));
}

export function inspectTable(table: Table, options: InspectOptions): Inspection {
  const { columns } = options;
  const shape = shapeOf(columns);
  const allow = new Set((options.allowColumns ?? []).map(normaliseHeading));
  const findings = findPersonalData(table, {
    asOf: options.asOf,
    dateColumn: shape === 'series' ? columns.date : undefined,
  });
  const allowed = findings.filter((f) => f.heading !== '' && allow.has(normaliseHeading(f.heading)));
  const personal = findings.filter((f) => !allowed.includes(f));

  if (shape === 'series' && seriesFormOf(columns) !== 'learners') {
    const checked = checkTotalsTable(table, columns, options.declaredKind);
    if (personal.length > 0 || checked.problems.length > 0) return refused(personal, checked.problems, allowed);
    return {
      ok: true,
      shape,
      seriesForm: seriesFormOf(columns),
      kind: checked.kind,
      rowsRead: checked.rows.length,
      groups: [],
      series: seriesFromTotals(checked.rows, checked.kind, columns.group !== undefined),
      missing: { before: 0, after: 0, value: checked.rows.filter((r) => r.value === null).length },
      unknownMarker: { simd: 0, fsm: 0 },
      allowed,
    };
  }
  if (shape === 'series') {
    const checked = checkSeriesTable(table, columns, options.declaredKind);
    if (personal.length > 0 || checked.problems.length > 0) return refused(personal, checked.problems, allowed);
    return {
      ok: true,
      shape,
      seriesForm: 'learners',
      kind: checked.kind,
      rowsRead: checked.rows.length,
      groups: [],
      series: aggregateSeries(checked.rows, checked.kind, columns.group !== undefined),
      missing: { before: 0, after: 0, value: checked.rows.filter((r) => r.value === null).length },
      unknownMarker: { simd: 0, fsm: 0 },
      allowed,
    };
  }
  const checked = checkScoreTable(table, columns, options.declaredKind);
  if (personal.length > 0 || checked.problems.length > 0) return refused(personal, checked.problems, allowed);
  const has = (role: keyof ColumnIndexes): boolean => columns[role] !== undefined;
  const learners = checked.rows;
  return {
    ok: true,
    shape,
    seriesForm: null,
    kind: checked.kind,
    rowsRead: learners.length,
    groups: aggregateScores(learners, checked.kind, options.equity, {
      group: has('group'),
      simd: has('simd'),
      fsm: has('fsm'),
      before: has('before'),
      after: has('after'),
    }),
    series: [],
    missing: {
      before: has('before') ? learners.filter((l) => l.before === null).length : 0,
      after: has('after') ? learners.filter((l) => l.after === null).length : 0,
      value: 0,
    },
    unknownMarker: {
      simd: has('simd') ? learners.filter((l) => l.simd === null).length : 0,
      fsm:
        has('fsm') && options.equity.marker === 'free-school-meals' ? learners.filter((l) => l.fsm === null).length : 0,
    },
    allowed,
  };
}

function refused(personal: PersonalDataFinding[], cells: CellProblem[], allowed: PersonalDataFinding[]): Refused {
  return { ok: false, personal, cells: [...cells].sort((a, b) => a.row - b.row || a.column - b.column), allowed };
}
