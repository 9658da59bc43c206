// The run chart of a dated series: points and line, the median of each segment, signals marked by shape and
// label, and the intervention's start and adaptations as labelled rules (statistics.md, "Run charts").

import type { MeasureReport, SeriesReport, SignalType } from '../../analysis/report-types.js';
import { decimalsFor, formatNumber, shortDate } from '../../words.js';
import { signalSentence } from '../../analysis/signal-words.js';
import { eventsWithin, rebaseEvents, type ChartEvent } from './annotations.js';
import {
  baselineLayers,
  baselineNote,
  eventLayers,
  isDated,
  levelLayers,
  lineLayers,
  markerLayer,
  pointMarkers,
  seriesChart,
  signalLabelLayer,
  xEncoding,
  yEncoding,
  xOf,
  type LevelRow,
} from './series-layers.js';
import { SIGNAL_LABELS, type VegaLiteSpec } from './theme.js';
import type { ChartSpec } from './types.js';

/** Which signal marks a point covered by several: a shift first, then an unusually long run, then a trend. */
const PRECEDENCE: readonly SignalType[] = ['shift', 'long-run', 'trend'];

export function runChartSpec(
  measure: MeasureReport,
  series: SeriesReport,
  index: number,
  events: readonly ChartEvent[],
): ChartSpec | null {
  const run = series.runChart;
  if (run === null || series.points.length === 0) return null;
  const decimals = decimalsFor(series.points.map((p) => p.value));
  const x = xEncoding(series);
  const y = yEncoding(measure);
  const { rows, keys } = pointMarkers(series, run.signals, PRECEDENCE);
  const medians: LevelRow[] = series.segments.map((s, i) => ({
    x: xOf(series, s.fromIndex),
    x2: xOf(series, s.toIndex),
    y: s.median ?? 0,
    label: 'Median',
    labelled: i === series.segments.length - 1,
  }));
  const shown = shownEvents(series, events);
  const whole = run.signals.filter(
    (s) => s.type === 'too-few-runs' || s.type === 'too-many-runs' || s.type === 'few-crossings',
  );
  const subtitle = [
    `Run chart${series.group ? ` of ${series.group}` : ''}: ${series.points.length} points, median ${formatNumber(run.median ?? 0, decimals, false)}${series.segments.length > 1 ? ' (latest segment)' : ''}`,
    ...[baselineNote(series, 'Median')].filter((n): n is string => n !== null),
    ...(whole.length > 0
      ? [`Whole-chart signals: ${whole.map((s) => SIGNAL_LABELS[s.type].toLowerCase()).join(', ')}`]
      : []),
    ...(run.note !== null ? [`Fewer than 10 points: only shifts and trends are looked for`] : []),
  ];
  const alt = runChartAlt(measure, series, decimals);
  const spec: VegaLiteSpec = seriesChart(measure.name, subtitle, alt, [
    ...baselineLayers(series, x),
    ...eventLayers(shown, x),
    ...levelLayers(medians, x, false, decimals),
    ...lineLayers(rows, x, y),
    ...markerLayer(rows, keys, x, y),
    ...signalLabelLayer(
      series,
      run.signals.filter((s) => PRECEDENCE.includes(s.type)),
      x,
      y,
    ),
  ]);
  return {
    id: `${measure.id}-run-chart${index === 0 ? '' : `-${index + 1}`}`,
    kind: 'run-chart',
    measure: measure.id,
    series: index,
    title: `${measure.name}: run chart${series.group ? ` (${series.group})` : ''}`,
    alt,
    notes: shown.map((e) => e.detail),
    spec,
  };
}

/** Events a series chart can place: every event within its dates, and its rebases. */
export function shownEvents(series: SeriesReport, events: readonly ChartEvent[]): ChartEvent[] {
  if (!isDated(series)) return [];
  const first = series.points[0]?.date as string;
  const last = series.points[series.points.length - 1]?.date as string;
  return [...eventsWithin(events, first, last), ...rebaseEvents(series)].sort((a, b) => a.date.localeCompare(b.date));
}

function runChartAlt(measure: MeasureReport, series: SeriesReport, decimals: number): string {
  const run = series.runChart;
  if (run === null) return '';
  const first = series.points[0]?.date;
  const last = series.points[series.points.length - 1]?.date;
  const when = first && last ? ` from ${shortDate(first)} to ${shortDate(last)}` : '';
  const what = `Run chart of ${lower(measure.name)}${series.group ? ` for ${series.group}` : ''}: ${series.points.length} points${when}, median ${formatNumber(run.median ?? 0, decimals, false)}.`;
  const signals = run.signals.map((s) => lowerFirst(signalSentence(s, 'run')));
  return `${what} ${signals.length === 0 ? 'No signals of change.' : `Signals: ${signals.join('; ')}.`}`;
}

function lowerFirst(text: string): string {
  return text.length > 0 ? (text[0] as string).toLowerCase() + text.slice(1) : text;
}

function lower(name: string): string {
  return /^[A-Z][a-z]/.test(name) ? name[0]?.toLowerCase() + name.slice(1) : name;
}
