// The analysis report of a project (`sipp analyse`, and the figures and charts of briefings): per cycle and
// measure, the groups with small ones hidden, the equity gap, the effect size and the run and XmR charts of
// each dated series. Pure: typed records in, the JSON contract of report-types.ts out.

import { analyseGroups, type MeasureDefinition } from './measure-report.js';
import type { AnalysisReport, CycleReport, MeasureReport } from './report-types.js';
import { analyseSeries } from './series-report.js';
import { DEFAULT_SUPPRESSION_THRESHOLD } from './suppression.js';
import type { MeasuresRecord } from '../records/model.js';
import { cycleSettings, type CycleSettings, type ProjectSettings } from '../records/settings.js';
import type { CycleData } from '../method/contract.js';
import { recordOf } from '../records/cycle-data.js';

export interface ReportOptions {
  /** Groups with fewer learners than this are hidden (sipp.yaml `suppressionThreshold`, default 5). */
  suppressionThreshold?: number;
  /** SIMD quintiles that make up the equity group (sipp.yaml `equityGroup.quintiles`). */
  equityQuintiles?: readonly number[];
}

/** What the report needs of one cycle. */
export interface CycleInput {
  /** The cycle folder name. */
  id: string;
  number: number | null;
  /** measures.yaml, or undefined when it is missing or has errors. */
  measures: MeasuresRecord | undefined;
  /** The cycle's own threshold and equity group (settings.ts); without them, the report's options. */
  options?: ReportOptions;
}

/** The report options of a cycle's settings (its threshold and equity group). */
export function reportOptions(
  settings: Pick<CycleSettings, 'suppressionThreshold' | 'equityQuintiles'>,
): ReportOptions {
  return { suppressionThreshold: settings.suppressionThreshold, equityQuintiles: settings.equityQuintiles };
}

/** The report's view of loaded cycles, each with its own settings (question.yaml may narrow the equity group). */
export function cycleInputs(cycles: readonly CycleData[], project: ProjectSettings): CycleInput[] {
  return cycles.map((cycle) => {
    const question = cycle.records.get('question') as Parameters<typeof cycleSettings>[1];
    return {
      id: cycle.source.folder,
      number: cycle.source.number,
      measures: recordOf(cycle, 'measures'),
      options: reportOptions(cycleSettings(project, question)),
    };
  });
}

/** One loaded cycle's measure reports, with its own settings: what its briefing, status and the network show. */
export function cycleMeasureReports(cycle: CycleData, project: ProjectSettings): MeasureReport[] {
  return cycleReport(cycleInputs([cycle], project)[0] as CycleInput).measures;
}

export function analysisReport(cycles: readonly CycleInput[], options: ReportOptions = {}): AnalysisReport {
  return { cycles: cycles.map((cycle) => cycleReport(cycle, options)) };
}

export function cycleReport(cycle: CycleInput, options: ReportOptions = {}): CycleReport {
  return { id: cycle.id, number: cycle.number, measures: measureReports(cycle.measures, cycle.options ?? options) };
}

/**
 * One report per measure: the measures measures.yaml defines, in order, then any measure its results or series
 * name without defining it (validation reports those; the figures are still analysed, as scores).
 */
export function measureReports(record: MeasuresRecord | undefined, options: ReportOptions = {}): MeasureReport[] {
  const threshold = options.suppressionThreshold ?? DEFAULT_SUPPRESSION_THRESHOLD;
  const equityQuintiles = options.equityQuintiles ?? [];
  const defined = record?.measures ?? [];
  const results = record?.results ?? [];
  const series = record?.series ?? [];
  const known = new Set(defined.map((m) => m.id));
  const undefinedIds = [...results.map((r) => r.measure), ...series.map((s) => s.measure)].filter(
    (id) => !known.has(id),
  );
  const measures: MeasureDefinition[] = [...defined, ...[...new Set(undefinedIds)].map((id) => ({ id, name: id }))];

  return measures.map((measure): MeasureReport => {
    const groups = results.filter((r) => r.measure === measure.id).flatMap((r) => r.groups ?? []);
    const before = analyseGroups(measure, groups, { threshold, equityQuintiles });
    const dated = analyseSeries(
      measure,
      series.filter((s) => s.measure === measure.id),
      { threshold },
    );
    const first = dated.series[0];
    return {
      id: measure.id,
      name: measure.name,
      type: measure.type ?? null,
      kind: measure.kind === 'yes-no' ? 'yes-no' : 'score',
      unit: measure.unit ?? null,
      higherIsBetter: measure.higherIsBetter ?? null,
      groups: before.groups,
      gap: before.gap,
      effectSize: before.effectSize,
      runChart: first?.runChart ?? null,
      xmr: first?.xmr ?? null,
      series: dated.series,
      warnings: [...before.warnings, ...dated.warnings],
    };
  });
}
