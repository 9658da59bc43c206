// `sipp data import` as a plan (in the spirit of changesets' assembleReleasePlan): a class table, its columns, the
// cycle's settings and today's date in; the figures to write into measures.yaml, or why not, out. Pure: the command
// reads the files, asks about columns and replacing, writes the plan and prints it.
import { parse } from 'yaml';
import { groupDisclosure } from '../analysis/group-disclosure.js';
import { isDisclosivePoint } from '../analysis/series-report.js';
import { isPrimarySuppressed } from '../analysis/suppression.js';
import { refusal } from '../problems.js';
import type { AggregatedGroup } from './aggregate.js';
import type { CycleSettings } from '../records/settings.js';
import { parseSource } from '../records/source.js';
import type { ColumnIndexes } from './columns.js';
import { inspectTable, type Imported, type Refused } from './inspect.js';
import { editMeasuresText, measureDefinition, type MeasuresEdit } from './measures-file.js';
import type { Table } from './table.js';

export interface ImportInput {
  /** How the table is named in messages (the path as typed). */
  label: string;
  table: Table;
  columns: ColumnIndexes;
  measure: string;
  /** measures.yaml: its path relative to the project, and its text. */
  measuresFile: string;
  measuresText: string;
  settings: Pick<CycleSettings, 'equity' | 'equityQuintiles' | 'suppressionThreshold'>;
  /** Today, `YYYY-MM-DD`. */
  asOf: string;
  allowColumns: readonly string[];
  /** Whether data fits a schema (measures.schema.json): a check of sipp's own output before anything is written. */
  fitsSchema: (schemaFile: string, data: unknown) => boolean;
}

export type ImportPlan = { ok: false; inspection: Refused } | { ok: true; inspection: Imported; edit: MeasuresEdit };

export function planImport(input: ImportInput): ImportPlan {
  const definition = measureDefinition(input.measuresText, input.measure);
  const inspection = inspectTable(input.table, {
    columns: input.columns,
    declaredKind: definition.kind,
    equity: input.settings.equity,
    asOf: input.asOf,
    allowColumns: input.allowColumns,
  });
  if (!inspection.ok) return { ok: false, inspection };
  checkSomethingToWrite(input.label, inspection);
  const safe = withDisclosureControl(inspection, input.settings);
  const edit = editMeasuresText(input.measuresText, {
    measure: input.measure,
    kind: safe.kind,
    ...(safe.shape === 'series' ? { series: safe.series } : { groups: safe.groups }),
  });
  assertWritable(input, edit);
  return { ok: true, inspection: safe, edit };
}

/**
 * The figures marked with what must stay out of measures.yaml, a tracked file (domain.md, disclosure control):
 * groups under the threshold and any group that would let one be worked out (group-disclosure.ts, the same rule
 * briefings use), and dated points resting on too few learners. A marked group or point is written by name or date
 * only, so the record is safe to publish exactly as it stands.
 */
export function withDisclosureControl(
  inspection: Imported,
  settings: Pick<CycleSettings, 'equityQuintiles' | 'suppressionThreshold'>,
): Imported {
  const threshold = settings.suppressionThreshold;
  const yesNo = inspection.kind === 'yes-no';
  const reasons = groupDisclosure(inspection.groups, {
    threshold,
    equityQuintiles: settings.equityQuintiles,
    yesNo,
  });
  const groups = inspection.groups.map((group, i): AggregatedGroup => {
    const reason = reasons.get(i);
    if (reason) return { ...group, suppressed: reason };
    // The number of learners with both scores is a group figure too: under the threshold it stays out.
    if (group.paired && isPrimarySuppressed(group.paired.n, { threshold })) {
      const { paired: _left, ...rest } = group;
      return rest;
    }
    return group;
  });
  const series = inspection.series.map((s) => ({
    ...s,
    points: s.points.map((point) => {
      if (!isDisclosivePoint(point, yesNo, threshold)) return point;
      const reason = point.n !== null && isPrimarySuppressed(point.n, { threshold }) ? 'small-group' : 'small-count';
      return { ...point, suppressed: reason } as const;
    }),
  }));
  return { ...inspection, groups, series };
}

function checkSomethingToWrite(label: string, result: Imported): void {
  if (result.rowsRead === 0) throw refusal(`${label} has headings but no learners. Nothing was written.`);
  const empty =
    result.shape === 'series'
      ? result.series.length === 0
      : result.groups.every((g) => (g.before?.n ?? 0) === 0 && (g.after?.n ?? 0) === 0);
  if (empty)
    throw refusal(
      `${label} has no values in its ${result.shape === 'series' ? 'value' : 'score'} columns. Nothing was written.`,
    );
}

/**
 * A last check that what sipp is about to write reads back as YAML and that the entries it wrote fit the
 * schema: a failure here is a bug in sipp, reported before anything is written.
 */
function assertWritable(input: ImportInput, edit: MeasuresEdit): void {
  const { measuresFile: relative, measure } = input;
  const source = parseSource(relative, edit.text);
  if (source.problems.length > 0)
    throw new Error(`the new ${relative} would not read back: ${source.problems[0]?.message ?? ''}`);
  const data = parse(edit.text) as {
    measures?: { id: string }[];
    results?: { measure: string }[];
    series?: { measure: string }[];
  };
  const mine = {
    measures: edit.addedMeasure ? (data.measures ?? []).filter((m) => m.id === measure) : [],
    results: (data.results ?? []).filter((r) => r.measure === measure),
    series: (data.series ?? []).filter((s) => s.measure === measure),
  };
  if (!input.fitsSchema('measures.schema.json', mine))
    throw new Error(`the figures for ${relative} do not fit measures.schema.json`);
}
