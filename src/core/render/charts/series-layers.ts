// Layers shared by the run chart and the XmR chart: the points and line, signal markers (shape and fill carry
// the meaning, so they read in black and white), centre and limit lines per segment, and dated events.

import type { MeasureReport, SeriesReport, SignalReport, SignalType } from '../../analysis/report-types.js';
import { formatNumber } from '../../words.js';
import type { ChartEvent } from './annotations.js';
import {
  CONTEXT,
  DIRECTION_FILLS,
  DIRECTION_LABELS,
  DIRECTION_STROKES,
  HEIGHT,
  INK,
  SIGNAL_LABELS,
  SIGNAL_SHAPES,
  WIDTH,
  chartConfig,
  nonEmpty,
  utcTime,
  wrapLines,
  type VegaLiteSpec,
} from './theme.js';

export interface PointRow {
  x: number;
  value: number;
  /** The legend entry of the point's signal, e.g. "Shift, improvement", or null. */
  key: string | null;
}

/** A horizontal line over one segment: a median, mean or limit. */
export interface LevelRow {
  x: number;
  x2: number;
  y: number;
  label: string;
  /** Label only the last segment's lines, at the right edge. */
  labelled: boolean;
}

export interface MarkerKey {
  key: string;
  shape: string;
  fill: string;
  stroke: string;
}

/** True when every point has a date: the x axis is then time; otherwise it counts points. */
export function isDated(series: SeriesReport): boolean {
  return series.points.length > 0 && series.points.every((p) => p.date !== null);
}

/** x of the i-th point: its date (ms, UTC) or its number. */
export function xOf(series: SeriesReport, index: number): number {
  const date = series.points[index]?.date;
  return isDated(series) && date ? utcTime(date) : index + 1;
}

/** The value axis of a run or XmR chart: the measure's unit, not forced to start at zero. */
export function yEncoding(measure: Pick<MeasureReport, 'unit' | 'name'>): VegaLiteSpec {
  return {
    field: 'value',
    type: 'quantitative',
    title: measure.unit ?? measure.name,
    scale: { zero: false, nice: false, padding: 16 },
  };
}

export function xEncoding(series: SeriesReport): VegaLiteSpec {
  if (!isDated(series)) {
    return { field: 'x', type: 'quantitative', title: 'Point', axis: { tickMinStep: 1, format: 'd', grid: false } };
  }
  return {
    field: 'x',
    type: 'temporal',
    title: null,
    scale: { type: 'utc', padding: 14 },
    axis: { format: '%b %Y', grid: false, labelOverlap: 'greedy', tickCount: { interval: 'month', step: 1 } },
  };
}

function markerShape(signal: SignalReport): string {
  if (signal.type === 'trend') return signal.side === 'down' ? 'triangle-down' : 'triangle-up';
  return SIGNAL_SHAPES[signal.type] ?? 'circle';
}

function markerKey(signal: SignalReport): string {
  const name = signal.type === 'trend' ? `Trend ${signal.side === 'down' ? 'down' : 'up'}` : SIGNAL_LABELS[signal.type];
  return signal.direction === 'neutral' ? name : `${name}, ${DIRECTION_LABELS[signal.direction]}`;
}

/**
 * The marker of each point: the first signal (in `precedence` order) that covers it. Whole-chart signals
 * (runs, crossings) mark no point.
 */
export function pointMarkers(
  series: SeriesReport,
  signals: readonly SignalReport[],
  precedence: readonly SignalType[],
): { rows: PointRow[]; keys: MarkerKey[] } {
  const chosen: (SignalReport | null)[] = series.points.map(() => null);
  const ordered = [...signals]
    .filter((s) => SIGNAL_SHAPES[s.type] !== undefined && precedence.includes(s.type))
    .sort((a, b) => precedence.indexOf(a.type) - precedence.indexOf(b.type));
  for (const signal of ordered) {
    for (let i = signal.fromIndex; i <= signal.toIndex; i++) if (chosen[i] === null) chosen[i] = signal;
  }
  const keys = new Map<string, MarkerKey>();
  const rows = series.points.map((point, i): PointRow => {
    const signal = chosen[i] ?? null;
    if (signal === null) return { x: xOf(series, i), value: point.value, key: null };
    const key = markerKey(signal);
    keys.set(key, {
      key,
      shape: markerShape(signal),
      fill: DIRECTION_FILLS[signal.direction],
      stroke: DIRECTION_STROKES[signal.direction],
    });
    return { x: xOf(series, i), value: point.value, key };
  });
  return { rows, keys: [...keys.values()].sort((a, b) => a.key.localeCompare(b.key, 'en')) };
}

/** The line through the points and a small dot at each. */
export function lineLayers(rows: readonly PointRow[], x: VegaLiteSpec, y: VegaLiteSpec): VegaLiteSpec[] {
  return [
    {
      data: { values: rows },
      mark: { type: 'line', color: CONTEXT, strokeWidth: 1.5 },
      encoding: { x, y },
    },
    {
      data: { values: rows },
      mark: { type: 'point', filled: true, color: INK, size: 22, opacity: 1 },
      encoding: { x, y },
    },
  ];
}

/** A larger marker on each flagged point: shape for the signal, solid or hollow for improvement or concern. */
export function markerLayer(
  rows: readonly PointRow[],
  keys: readonly MarkerKey[],
  x: VegaLiteSpec,
  y: VegaLiteSpec,
): VegaLiteSpec[] {
  const flagged = rows.filter((r) => r.key !== null);
  if (flagged.length === 0) return [];
  const scale = (range: (k: MarkerKey) => string) => ({ domain: keys.map((k) => k.key), range: keys.map(range) });
  const legend = {
    title: 'Signals',
    orient: 'bottom',
    direction: 'horizontal',
    columns: 2,
    symbolSize: 110,
    labelLimit: 0,
    columnPadding: 18,
  };
  return [
    {
      data: { values: flagged },
      mark: { type: 'point', size: 130, strokeWidth: 2, opacity: 1, filled: false },
      encoding: {
        x,
        y,
        shape: { field: 'key', type: 'nominal', scale: scale((k) => k.shape), legend },
        fill: { field: 'key', type: 'nominal', scale: scale((k) => k.fill), legend },
        stroke: { field: 'key', type: 'nominal', scale: scale((k) => k.stroke), legend },
      },
    },
  ];
}

/** The point in the middle of a signal: where its label goes. */
function middle(signal: SignalReport): number {
  return Math.floor((signal.fromIndex + signal.toIndex) / 2);
}

/** Short text labels by the middle point of each signal ("Shift", "Trend"), above or below as the signal lies. */
export function signalLabelLayer(
  series: SeriesReport,
  signals: readonly SignalReport[],
  x: VegaLiteSpec,
  y: VegaLiteSpec,
): VegaLiteSpec[] {
  // Signals over the same points (a shift that is also a long run) share one label: "Shift, long run".
  const labels = new Map<string, { x: number; value: number; text: string; below: boolean }>();
  for (const s of signals) {
    if (SIGNAL_SHAPES[s.type] === undefined) continue;
    const below = s.side === 'below' || s.side === 'down';
    const at = middle(s);
    const key = `${at}|${below}`;
    const existing = labels.get(key);
    const name = SIGNAL_LABELS[s.type];
    // Clear of the data line: above the highest point of the signal's run (below the lowest, for a signal below), so
    // the line between its points does not run through the label (issue 10: labels overlapped the line).
    const run = series.points.slice(s.fromIndex, s.toIndex + 1).map((p) => p.value);
    const value = run.length === 0 ? (series.points[at]?.value ?? 0) : below ? Math.min(...run) : Math.max(...run);
    if (existing) existing.text = `${existing.text}, ${name.toLowerCase()}`;
    else labels.set(key, { x: xOf(series, at), value, text: name, below });
  }
  const rows = [...labels.values()];
  const layer = (below: boolean): VegaLiteSpec => ({
    data: { values: rows.filter((r) => r.below === below) },
    mark: { type: 'text', align: 'center', dy: below ? 16 : -13, fontSize: 10, fontWeight: 'bold', color: INK },
    encoding: { x, y, text: { field: 'text', type: 'nominal' } },
  });
  return [layer(false), layer(true)];
}

/** A light band over each segment's baseline period, when its centre line is fixed on its first points. */
export function baselineLayers(series: SeriesReport, x: VegaLiteSpec): VegaLiteSpec[] {
  const rows = series.segments
    .filter((s) => s.baselinePoints < s.toIndex - s.fromIndex + 1)
    .map((s) => ({
      x: xOf(series, s.fromIndex),
      x2: xOf(series, s.fromIndex + s.baselinePoints - 1),
      text: 'Baseline',
    }));
  return [
    {
      data: { values: rows },
      mark: { type: 'rect', color: '#000000', opacity: 0.07 },
      encoding: { x, x2: { field: 'x2' } },
    },
    {
      data: { values: rows },
      mark: { type: 'text', align: 'left', baseline: 'top', dx: 3, y: 4, fontSize: 10, color: '#333333' },
      encoding: { x, text: { field: 'text', type: 'nominal' } },
    },
  ];
}

/** "Median fixed on the first 4 points (the baseline period)" when a segment fixes its centre line, else null. */
export function baselineNote(series: SeriesReport, line: string): string | null {
  const fixed = series.segments.filter((s) => s.baselinePoints < s.toIndex - s.fromIndex + 1);
  if (fixed.length === 0) return null;
  const counts = [...new Set(fixed.map((s) => s.baselinePoints))];
  return `${line} fixed on the first ${counts.join(' or ')} points (the baseline period)`;
}

/** Horizontal lines per segment (centre line or limits), with the last segment's value at the right edge. */
export function levelLayers(
  rows: readonly LevelRow[],
  x: VegaLiteSpec,
  dashed: boolean,
  decimals: number,
): VegaLiteSpec[] {
  if (rows.length === 0) return [];
  const x2 = { field: 'x2' };
  const y = { field: 'y', type: 'quantitative' };
  const labels = rows
    .filter((r) => r.labelled)
    .map((r) => ({ ...r, text: `${r.label} ${formatNumber(r.y, decimals, false)}` }));
  return [
    {
      data: { values: rows },
      mark: { type: 'rule', color: INK, strokeWidth: dashed ? 1.2 : 1.5, ...(dashed ? { strokeDash: [6, 4] } : {}) },
      encoding: { x, x2, y },
    },
    {
      data: { values: labels },
      mark: { type: 'text', align: 'left', baseline: 'middle', dx: 11, fontSize: 10, color: INK },
      encoding: { x: { ...x, field: 'x2' }, y, text: { field: 'text', type: 'nominal' } },
    },
  ];
}

/** Dashed vertical rules at dated events, labelled above the plot (rotated, so close dates do not collide). */
export function eventLayers(events: readonly ChartEvent[], x: VegaLiteSpec): VegaLiteSpec[] {
  if (events.length === 0) return [];
  const rows = events.map((e) => ({ x: utcTime(e.date), label: e.label }));
  return [
    {
      data: { values: rows },
      mark: { type: 'rule', color: CONTEXT, strokeWidth: 1, strokeDash: [2, 3] },
      encoding: { x },
    },
    {
      data: { values: rows },
      mark: {
        type: 'text',
        angle: 315,
        align: 'left',
        baseline: 'middle',
        dx: 2,
        dy: -4,
        fontSize: 10,
        color: '#333333',
        y: -2,
      },
      encoding: { x, text: { field: 'label', type: 'nominal' } },
    },
  ];
}

/** A whole series chart: title, subtitle lines, layers and the shared configuration. */
export function seriesChart(
  title: string,
  subtitle: readonly string[],
  description: string,
  layers: readonly VegaLiteSpec[],
): VegaLiteSpec {
  return {
    description,
    title: { text: title, subtitle: wrapLines(subtitle, WIDTH + 40), subtitlePadding: 6, offset: 16 },
    width: WIDTH,
    height: HEIGHT,
    config: chartConfig(),
    layer: nonEmpty(layers),
  };
}
