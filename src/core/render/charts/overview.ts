// The project overview's charts: for each outcome measure, its figures before and after each cycle, for all the
// learners in the enquiry (solid line, round dots) and for the equity group (dashed line, triangles).

import type { AnalysisReport, GroupReport, MeasureReport } from '../../analysis/report-types.js';
import { decimalsFor, formatNumber, listInWords } from '../../words.js';
import { CONTEXT, INK, WIDTH, chartConfig, wrapLines, type VegaLiteSpec } from './theme.js';
import type { ChartSpec } from './types.js';

const ALL_LEARNERS = 'All learners';
/** Cycles one chart shows at most, the latest: beyond that the steps are too narrow to read (and to draw). */
export const OVERVIEW_CYCLES = 8;
const EQUITY_GROUP = 'Equity group';

interface OverviewPoint {
  step: string;
  order: number;
  series: typeof ALL_LEARNERS | typeof EQUITY_GROUP;
  /** The line a point belongs to: a new one starts where a cycle's group (its cohort) is not the one before. */
  line: string;
  value: number;
  label: string;
}

/** The group whose figures stand for the enquiry: the intervention learners, else everyone, else the only group. */
export function headlineGroup(groups: readonly GroupReport[]): GroupReport | undefined {
  const find = (role: GroupReport['role']): GroupReport | undefined => {
    const matches = groups.filter((g) => g.role === role && (g.equity === null || g.equity === 'all'));
    return matches.length === 1 ? matches[0] : undefined;
  };
  return find('intervention') ?? find('all') ?? find(null) ?? (groups.length === 1 ? groups[0] : undefined);
}

/** The equity group of the measure's gap, when there is one. */
function equityGroup(measure: MeasureReport): GroupReport | undefined {
  const name = measure.gap?.equityGroup;
  return name === undefined ? undefined : measure.groups.find((g) => g.name === name);
}

export function overviewChartSpecs(report: AnalysisReport): ChartSpec[] {
  const ids: string[] = [];
  const byId = new Map<string, { measure: MeasureReport; cycle: number; label: string }[]>();
  report.cycles.forEach((cycle, c) => {
    for (const measure of cycle.measures) {
      if (measure.type !== 'outcome') continue;
      if (!byId.has(measure.id)) {
        ids.push(measure.id);
        byId.set(measure.id, []);
      }
      byId
        .get(measure.id)
        ?.push({ measure, cycle: c, label: cycle.number === null ? cycle.id : `Cycle ${cycle.number}` });
    }
  });
  return ids.flatMap((id) => {
    const all = byId.get(id) ?? [];
    const spec = overviewSpec(id, all.slice(-OVERVIEW_CYCLES), all.length);
    return spec === null ? [] : [spec];
  });
}

function overviewSpec(
  id: string,
  entries: readonly { measure: MeasureReport; cycle: number; label: string }[],
  cyclesWithMeasure: number,
): ChartSpec | null {
  const points: OverviewPoint[] = [];
  const latest = entries[entries.length - 1]?.measure;
  if (latest === undefined) return null;
  const yesNo = latest.kind === 'yes-no';
  const text = (value: number): string =>
    yesNo ? `${formatNumber(value, 1, false)}%` : formatNumber(value, meanDecimals(entries), false);
  // Cycles of different cohorts (P4-P7 in one, P4-P5 in the next) are not one series: the line breaks between them.
  const cohorts = new Map<OverviewPoint['series'], { name: string; n: number }>();
  const lineOf = (series: OverviewPoint['series'], name: string): string => {
    const last = cohorts.get(series);
    const n = last === undefined ? 0 : last.name === name ? last.n : last.n + 1;
    cohorts.set(series, { name, n });
    return `${series} ${n}`;
  };
  entries.forEach(({ measure, label }, c) => {
    const add = (series: OverviewPoint['series'], group: GroupReport | undefined): void => {
      if (!group || group.suppressed) return;
      const line = lineOf(series, group.name);
      if (group.before.mean !== null)
        points.push({
          step: `${label}\nbefore`,
          order: 2 * c,
          series,
          line,
          value: group.before.mean,
          label: text(group.before.mean),
        });
      if (group.after.mean !== null)
        points.push({
          step: `${label}\nafter`,
          order: 2 * c + 1,
          series,
          line,
          value: group.after.mean,
          label: text(group.after.mean),
        });
    };
    // The only group falls back as the headline group; when it is the equity group it is drawn and named as that,
    // never as "all learners" (issue 10: the SIMD 1-2 group was labelled "All learners").
    const head = headlineGroup(measure.groups);
    const equity = equityGroup(measure) ?? (head?.equity === 'equity-group' ? head : undefined);
    add(ALL_LEARNERS, head === equity ? undefined : head);
    add(EQUITY_GROUP, equity);
  });
  if (points.length === 0) return null;
  const axisFrom = yesNo ? [0, 100] : scoreDomain(points.map((p) => p.value));
  const chartWidth = Math.min(WIDTH, Math.max(300, new Set(points.map((p) => p.order)).size * 100));
  const x = {
    field: 'step',
    type: 'ordinal',
    // By the points' order, not a list of labels: a list of words as a sort order breaks on names like toString.
    sort: { field: 'order', op: 'min' },
    title: null,
    axis: { labelAngle: 0, labelLimit: 0, labelExpr: "split(datum.label, '\\n')", grid: false },
  };
  const y = {
    field: 'value',
    type: 'quantitative',
    title: yesNo ? '% answering yes' : (latest.unit ?? 'Mean'),
    scale: { domain: yesNo ? [0, 100] : axisFrom, nice: false, zero: false },
  };
  const series = [ALL_LEARNERS, EQUITY_GROUP].filter((s) => points.some((p) => p.series === s));
  const legend = {
    title: null,
    orient: 'top',
    direction: 'horizontal',
    symbolFillColor: INK,
    symbolStrokeColor: INK,
    symbolSize: 70,
  };
  const alt = overviewAlt(latest.name, points, entries.length, cyclesWithMeasure);
  const spec: VegaLiteSpec = {
    description: alt,
    title: {
      text: latest.name,
      subtitle: wrapLines(
        [
          `Before and after each cycle: ${series.length > 1 ? 'all learners in the enquiry (solid line) and the equity group (dashed)' : series[0] === EQUITY_GROUP ? 'the equity group' : 'all learners in the enquiry'}`,
          ...(cyclesWithMeasure > entries.length
            ? [`The latest ${entries.length} of the ${cyclesWithMeasure} cycles with this measure`]
            : []),
          ...(!yesNo && (axisFrom[0] as number) > 0
            ? [
                `The vertical axis starts at ${formatNumber(axisFrom[0] as number, 0, false)}, not at 0, to show the changes`,
              ]
            : []),
          ...(new Set(points.map((p) => p.line)).size > series.length
            ? ['A line breaks where the cycles were with different groups of learners']
            : []),
        ],
        // Wrapped to the drawing's own width: a longer line would be cut off at the edge of the picture.
        chartWidth + 40,
      ),
      subtitlePadding: 6,
      offset: 12,
    },
    width: chartWidth,
    height: 220,
    config: chartConfig(),
    data: { values: points },
    encoding: { x, y },
    layer: [
      {
        mark: { type: 'line', color: CONTEXT, strokeWidth: 1.5 },
        encoding: {
          detail: { field: 'line' },
          strokeDash: {
            field: 'series',
            type: 'nominal',
            scale: {
              domain: [ALL_LEARNERS, EQUITY_GROUP],
              range: [
                [1, 0],
                [5, 3],
              ],
            },
            legend: null,
          },
        },
      },
      {
        mark: { type: 'point', filled: true, size: 70, color: INK, opacity: 1 },
        encoding: {
          shape: {
            field: 'series',
            type: 'nominal',
            // Only the lines drawn are in the legend (a measure may have figures for the equity group alone).
            scale: { domain: series, range: series.map((s) => (s === ALL_LEARNERS ? 'circle' : 'triangle-up')) },
            legend,
          },
        },
      },
      // Values above the dots of all learners and below the equity group's, so that close values do not collide.
      {
        transform: [{ filter: { field: 'series', equal: ALL_LEARNERS } }],
        mark: { type: 'text', dy: -12, fontSize: 10, color: INK },
        encoding: { text: { field: 'label', type: 'nominal' } },
      },
      {
        transform: [{ filter: { field: 'series', equal: EQUITY_GROUP } }],
        mark: { type: 'text', dy: 14, fontSize: 10, color: INK },
        encoding: { text: { field: 'label', type: 'nominal' } },
      },
    ],
  };
  return {
    id: `overview-${id}`,
    kind: 'overview',
    measure: id,
    series: null,
    title: `${latest.name} across cycles`,
    alt,
    notes: [],
    spec,
  };
}

/** A score axis from a whole number below the lowest value to one above the highest, with room for the labels. */
function scoreDomain(values: readonly number[]): [number, number] {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const span = hi - lo || Math.max(1, Math.abs(hi));
  const step = 10 ** Math.floor(Math.log10(span));
  const from = Math.max(0, Math.floor((lo - 0.25 * span) / step) * step);
  return [from, Math.ceil((hi + 0.25 * span) / step) * step];
}

/** Decimals of a measure's means across cycles: as written, 1 or 2. */
function meanDecimals(entries: readonly { measure: MeasureReport }[]): number {
  return decimalsFor(entries.flatMap(({ measure }) => measure.groups.flatMap((g) => [g.before.mean, g.after.mean])));
}

function overviewAlt(name: string, points: readonly OverviewPoint[], cycles: number, outOf: number): string {
  const describe = (series: OverviewPoint['series']): string | null => {
    const of = points.filter((p) => p.series === series);
    if (of.length === 0) return null;
    const values = of.map((p) => `${p.label} (${p.step.replace('\n', ' ').toLowerCase()})`);
    return `${series === ALL_LEARNERS ? 'all learners' : 'the equity group'} ${listInWords(values)}`;
  };
  const parts = [describe(ALL_LEARNERS), describe(EQUITY_GROUP)].filter((p): p is string => p !== null);
  const across =
    outOf > cycles ? `the latest ${cycles} of ${outOf} cycles` : `${cycles} cycle${cycles === 1 ? '' : 's'}`;
  return `${name} across ${across}: ${parts.join('; ')}.`;
}
