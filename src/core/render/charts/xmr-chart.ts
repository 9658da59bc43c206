// The XmR chart of a dated series: points and line, the mean and dashed process limits of each segment, special
// cause points marked by shape (and solid or hollow for improvement or concern), and the intervention's dated
// events (statistics.md, "XmR charts"; NHS Making Data Count).

import type { MeasureReport, SeriesReport, SignalReport, SignalType } from '../../analysis/report-types.js';
import { decimalsFor, formatFigure, listOf, shortDate } from '../../analysis/report-words.js';
import type { ChartEvent } from './annotations.js';
import { shownEvents } from './run-chart.js';
import {
  eventLayers,
  levelLayers,
  lineLayers,
  markerLayer,
  pointMarkers,
  seriesChart,
  xEncoding,
  xOf,
  type LevelRow,
} from './series-layers.js';
import { SIGNAL_LABELS } from './theme.js';
import type { ChartSpec } from './types.js';

/** NHS Making Data Count precedence: a point is labelled by the first rule that flags it (xmr.ts does the same). */
const PRECEDENCE: readonly SignalType[] = ['outside-limits', 'trend', 'two-of-three', 'shift'];

export function xmrChartSpec(measure: MeasureReport, series: SeriesReport, index: number, events: readonly ChartEvent[]): ChartSpec | null {
  const xmr = series.xmr;
  if (xmr === null || series.points.length === 0) return null;
  const decimals = decimalsFor(series.points.map((p) => p.value));
  const x = xEncoding(series);
  const y = { field: 'value', type: 'quantitative', title: measure.unit ?? measure.name, scale: { zero: false, nice: true, padding: 10 } };
  const { rows, keys } = pointMarkers(series, xmr.signals, PRECEDENCE);
  const withLimits = series.segments
    .map((s, i) => ({ s, last: i === series.segments.length - 1 }))
    .filter(({ s }) => s.mean !== null);
  const level = (pick: (s: (typeof withLimits)[number]['s']) => number | null, label: string): LevelRow[] =>
    withLimits.flatMap(({ s, last }) => {
      const y = pick(s);
      return y === null ? [] : [{ x: xOf(series, s.fromIndex), x2: xOf(series, s.toIndex), y, label, labelled: last }];
    });
  const shown = shownEvents(series, events);
  const trial = xmr.trial ? ' (trial limits: fewer than 12 points)' : '';
  const subtitle = [
    `XmR chart${series.group ? ` of ${series.group}` : ''}: mean ${figure(xmr.mean, decimals)}, process limits ${figure(xmr.lowerLimit, decimals)} to ${figure(xmr.upperLimit, decimals)}${trial}`,
  ];
  const alt = xmrAlt(measure, series, decimals);
  const spec = seriesChart(measure.name, subtitle, alt, [
    ...eventLayers(shown, x),
    ...levelLayers(level((s) => s.mean, 'Mean'), x, false, decimals),
    ...levelLayers([...level((s) => s.upperLimit, 'Upper limit'), ...level((s) => s.lowerLimit, 'Lower limit')], x, true, decimals),
    ...lineLayers(rows, x, y),
    ...markerLayer(rows, keys, x, y),
  ]);
  return {
    id: `${measure.id}-xmr${index === 0 ? '' : `-${index + 1}`}`,
    kind: 'xmr',
    title: `${measure.name}: XmR chart${series.group ? ` (${series.group})` : ''}`,
    alt,
    notes: shown.map((e) => e.detail),
    spec,
  };
}

function figure(value: number | null, decimals: number): string {
  return value === null ? '[x]' : formatFigure(value, decimals);
}

/** What the chart shows in two sentences: its limits, then its signals by kind with their dates. */
function xmrAlt(measure: MeasureReport, series: SeriesReport, decimals: number): string {
  const xmr = series.xmr;
  if (xmr === null) return '';
  const name = /^[A-Z][a-z]/.test(measure.name) ? measure.name[0]?.toLowerCase() + measure.name.slice(1) : measure.name;
  const what = `XmR chart of ${name}${series.group ? ` for ${series.group}` : ''}: ${series.points.length} points, mean ${figure(xmr.mean, decimals)}, process limits ${figure(xmr.lowerLimit, decimals)} to ${figure(xmr.upperLimit, decimals)}${xmr.trial ? ' (trial limits)' : ''}.`;
  if (xmr.signals.length === 0) return `${what} No special cause variation: every point is within the limits, with no run or trend.`;
  const byType = PRECEDENCE.flatMap((type) => {
    const of = xmr.signals.filter((s) => s.type === type);
    return of.length === 0 ? [] : [`${SIGNAL_LABELS[type].toLowerCase()} ${datesOf(of)}`];
  });
  return `${what} Signals: ${byType.join('; ')}.`;
}

/** `on 8 Sep 2025 and 6 Oct 2025 (a concern), on 9 Mar 2026 (an improvement)` */
function datesOf(signals: readonly SignalReport[]): string {
  const directions = [...new Set(signals.map((s) => s.direction))];
  return directions
    .map((direction) => {
      const spans = signals
        .filter((s) => s.direction === direction)
        .map((s) => {
          const from = s.from === null ? `point ${s.fromIndex + 1}` : shortDate(s.from);
          const to = s.to === null ? `point ${s.toIndex + 1}` : shortDate(s.to);
          return s.fromIndex === s.toIndex ? `on ${from}` : `from ${from} to ${to}`;
        });
      const meaning = direction === 'neutral' ? '' : ` (${direction === 'improvement' ? 'an improvement' : 'a concern'})`;
      return `${listOf(spans)}${meaning}`;
    })
    .join(', ');
}
