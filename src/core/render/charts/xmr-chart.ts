// The XmR chart of a dated series: points and line, the mean and dashed process limits of each segment, special
// cause points marked by shape (and solid or hollow for improvement or concern), and the intervention's dated
// events (statistics.md, "XmR charts"; NHS Making Data Count).

import type { MeasureReport, SeriesReport, SignalType } from '../../analysis/report-types.js';
import { decimalsFor, formatNumber } from '../../words.js';
import { xmrSignalLines } from '../../analysis/signal-words.js';
import { controlChartName, limitsPhrase } from '../../analysis/series-report.js';
import type { ChartEvent } from './annotations.js';
import { shownEvents } from './run-chart.js';
import {
  baselineLayers,
  eventLayers,
  levelLayers,
  lineLayers,
  markerLayer,
  pointMarkers,
  seriesChart,
  xEncoding,
  yEncoding,
  xOf,
  type LevelRow,
} from './series-layers.js';
import type { ChartSpec } from './types.js';

/** NHS Making Data Count precedence: a point is labelled by the first rule that flags it (xmr.ts does the same). */
const PRECEDENCE: readonly SignalType[] = ['outside-limits', 'trend', 'two-of-three', 'shift'];

export function xmrChartSpec(
  measure: MeasureReport,
  series: SeriesReport,
  index: number,
  events: readonly ChartEvent[],
): ChartSpec | null {
  const xmr = series.xmr;
  if (xmr === null || series.points.length === 0) return null;
  const decimals = decimalsFor(series.points.map((p) => p.value));
  const x = xEncoding(series);
  const y = yEncoding(measure);
  const { rows, keys } = pointMarkers(series, xmr.signals, PRECEDENCE);
  const withLimits = series.segments
    .map((s, i) => ({ s, last: i === series.segments.length - 1 }))
    .filter(({ s }) => s.mean !== null);
  const level = (pick: (s: (typeof withLimits)[number]['s']) => number | null, label: string): LevelRow[] =>
    withLimits.flatMap(({ s, last }) => {
      const y = pick(s);
      return y === null ? [] : [{ x: xOf(series, s.fromIndex), x2: xOf(series, s.toIndex), y, label, labelled: last }];
    });
  // A P′ chart's limits differ from point to point: a step from each point to the next.
  const steps = (side: 'upper' | 'lower', label: string): LevelRow[] =>
    withLimits.flatMap(({ s, last }) =>
      (s.pointLimits ?? []).flatMap((l, k) => {
        const y = l[side];
        const at = s.fromIndex + k;
        const end = Math.min(at + 1, s.toIndex);
        return y === null ? [] : [{ x: xOf(series, at), x2: xOf(series, end), y, label, labelled: last && at === s.toIndex }];
      }),
    );
  const limitRows =
    xmr.chart === 'p-prime'
      ? [...steps('upper', 'Upper limit'), ...steps('lower', 'Lower limit')]
      : [...level((s) => s.upperLimit, 'Upper limit'), ...level((s) => s.lowerLimit, 'Lower limit')];
  const shown = shownEvents(series, events);
  const fixed = xmr.baselinePoints < xmr.n;
  const note = fixed
    ? `Limits fixed on the first ${xmr.baselinePoints} points (the baseline period)${xmr.trial ? ': trial limits, from fewer than 12 points' : ''}`
    : xmr.trial
      ? `Trial limits: only ${xmr.n} points (fewer than 12)`
      : null;
  const subtitle = [
    `${controlChartName(xmr)}${series.group ? ` of ${series.group}` : ''}: mean ${figure(xmr.mean, decimals)}, ${limitsPhrase(xmr, figure(xmr.lowerLimit, decimals), figure(xmr.upperLimit, decimals))}`,
    ...(note === null ? [] : [note]),
  ];
  const alt = xmrAlt(measure, series, decimals);
  const spec = seriesChart(measure.name, subtitle, alt, [
    ...baselineLayers(series, x),
    ...eventLayers(shown, x),
    ...levelLayers(
      level((s) => s.mean, 'Mean'),
      x,
      false,
      decimals,
    ),
    ...levelLayers(limitRows, x, true, decimals),
    ...lineLayers(rows, x, y),
    ...markerLayer(rows, keys, x, y),
  ]);
  return {
    id: `${measure.id}-xmr${index === 0 ? '' : `-${index + 1}`}`,
    kind: 'xmr',
    measure: measure.id,
    series: index,
    title: `${measure.name}: ${controlChartName(xmr)}${series.group ? ` (${series.group})` : ''}`,
    alt,
    notes: shown.map((e) => e.detail),
    spec,
  };
}

function figure(value: number | null, decimals: number): string {
  return value === null ? '[x]' : formatNumber(value, decimals, false);
}

/** What the chart shows in two sentences: its limits, then its signals by kind with their dates. */
function xmrAlt(measure: MeasureReport, series: SeriesReport, decimals: number): string {
  const xmr = series.xmr;
  if (xmr === null) return '';
  const name = /^[A-Z][a-z]/.test(measure.name) ? measure.name[0]?.toLowerCase() + measure.name.slice(1) : measure.name;
  const what = `${controlChartName(xmr)} of ${name}${series.group ? ` for ${series.group}` : ''}: ${series.points.length} points, mean ${figure(xmr.mean, decimals)}, ${limitsPhrase(xmr, figure(xmr.lowerLimit, decimals), figure(xmr.upperLimit, decimals))}${xmr.trial ? ' (trial limits)' : ''}.`;
  if (xmr.signals.length === 0)
    return `${what} No special cause variation: every point is within the limits, with no run or trend.`;
  return `${what} Signals: ${xmrSignalLines(xmr.signals).map(lowerFirst).join('; ')}.`;
}

function lowerFirst(text: string): string {
  return text.length > 0 ? (text[0] as string).toLowerCase() + text.slice(1) : text;
}
