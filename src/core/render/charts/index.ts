// Charts for briefings, drawn from the analysis report: before/after by group, run and XmR charts of each
// dated series (with the intervention's dated events), and the overview's trend of each outcome measure.
// The specs are pure data; drawing them (`renderSvg`) loads Vega, so only `sipp brief` should call the async API.

import type { AnalysisReport, CycleReport } from '../../analysis/report-types.js';
import type { InterventionRecord } from '../../records/model.js';
import { interventionEvents } from './annotations.js';
import { beforeAfterSpec } from './before-after.js';
import { forestSpec } from './forest.js';
import type { GapChange, MeasurePooling } from '../../network/analyse.js';
import { gapsSpec } from './gaps.js';
import { overviewChartSpecs } from './overview.js';
import { runChartSpec } from './run-chart.js';
import { drawSvg, tidySvg } from './svg.js';
import type { Chart, ChartSpec } from './types.js';
import { xmrChartSpec } from './xmr-chart.js';

export type { Chart, ChartKind, ChartSpec } from './types.js';
export { overviewChartSpecs } from './overview.js';
export { drawSvg, renderSvg, tidySvg } from './svg.js';
export type { VegaLiteSpec } from './theme.js';

/**
 * Draws a specification as Vega's own SVG (before `tidySvg`). By default sipp draws in its own process, one chart
 * after another; a pool of workers (src/project/chart-pool.ts) draws several at once, on every core.
 */
export type ChartDrawer = (spec: ChartSpec['spec']) => Promise<string>;

export interface CycleChartContext {
  /** intervention.yaml of the cycle: its start, adaptations and end are drawn on series charts. */
  intervention?: InterventionRecord | undefined;
}

/**
 * The charts of one cycle, measure by measure: before/after by group (when a group has figures to show), then
 * for each dated series its run chart and, with enough points, its XmR chart.
 */
export function cycleChartSpecs(cycle: CycleReport, context: CycleChartContext = {}): ChartSpec[] {
  const events = interventionEvents(context.intervention);
  return cycle.measures.flatMap((measure) => {
    const specs: (ChartSpec | null)[] = [beforeAfterSpec(measure)];
    measure.series.forEach((series, i) => {
      specs.push(runChartSpec(measure, series, i, events), xmrChartSpec(measure, series, i, events));
    });
    return specs.filter((s): s is ChartSpec => s !== null);
  });
}

/** The cycle's charts drawn as SVG, in the order of `cycleChartSpecs`. Ids are unique within the cycle. */
export async function chartsForCycle(cycle: CycleReport, context: CycleChartContext = {}): Promise<Chart[]> {
  return drawSpecs(cycleChartSpecs(cycle, context), cycle.id);
}

/** The network briefing's forest plots: one per measure pooled across the members. */
export async function networkCharts(
  measures: readonly MeasurePooling[],
  gaps: readonly GapChange[] = [],
): Promise<Chart[]> {
  return drawSpecs(
    [...measures.map(forestSpec), gapsSpec(gaps)].filter((s): s is ChartSpec => s !== null),
    'network',
  );
}

/** The project overview's charts: one per outcome measure with figures in any cycle. */
export async function overviewCharts(report: AnalysisReport): Promise<Chart[]> {
  return drawSpecs(overviewChartSpecs(report), 'overview');
}

/**
 * Vega's drawings by specification, for the charts drawn again in one run (the same measure in several cycles, or
 * briefings rendered twice). Kept small: a drawing is 10-20 kB, and a project's charts rarely repeat further apart.
 */
const drawn = new Map<string, string>();
const REMEMBERED = 64;

async function drawOnce(spec: ChartSpec['spec']): Promise<string> {
  const key = JSON.stringify(spec);
  const known = drawn.get(key);
  if (known !== undefined) return known;
  const svg = await drawSvg(spec);
  drawn.set(key, svg);
  if (drawn.size > REMEMBERED) drawn.delete(drawn.keys().next().value as string);
  return svg;
}

/**
 * Draws specs as charts, each with ids under `scope` (a cycle's folder, `overview`) and its own: in this process one
 * after another (Vega is not re-entrant-safe for ids), or all handed to a drawer at once, which queues them.
 */
export async function drawSpecs(specs: readonly ChartSpec[], scope: string, drawer?: ChartDrawer): Promise<Chart[]> {
  const drawings = drawer ? await Promise.all(specs.map(({ spec }) => drawer(spec))) : [];
  if (!drawer) for (const { spec } of specs) drawings.push(await drawOnce(spec));
  return specs.map(({ spec: _spec, ...words }, i) => ({
    ...words,
    svg: tidySvg(drawings[i] as string, { idPrefix: `sipp-${scope}-${words.id}`, title: words.title, alt: words.alt }),
  }));
}
