// The look every sipp chart shares: legible printed in black and white (shapes, fills and dashes carry the
// meaning; colour only repeats it), one plain font family, no external assets, fixed sizes.

import type { SignalDirection } from '../../analysis/types.js';
import type { SignalType } from '../../analysis/report-types.js';
import { textWidth } from './text-metrics.js';

/** A Vega-Lite specification as plain JSON (checked by Vega-Lite when rendered, and by the chart tests). */
export type VegaLiteSpec = Record<string, unknown>;

export const FONT = 'sans-serif';
export const WIDTH = 560;
export const HEIGHT = 240;

/** Ink: near-black for data, mid-grey for context, light grey for the grid. */
export const INK = '#111111';
export const CONTEXT = '#555555';
export const GRID = '#dddddd';
/** Improvement and concern, as NHS Making Data Count colours them; always with a shape or fill as well. */
export const IMPROVEMENT = '#1f4e9a';
export const CONCERN = '#c05a00';
export const NEUTRAL = '#666666';

export const SIGNAL_LABELS: Record<SignalType, string> = {
  shift: 'Shift',
  trend: 'Trend',
  'long-run': 'Long run',
  'too-few-runs': 'Too few runs',
  'too-many-runs': 'Too many runs',
  'few-crossings': 'Few crossings',
  'outside-limits': 'Outside limits',
  'two-of-three': 'Two of three near a limit',
};

/** Marker shape of each point signal: the type can be read without colour. */
export const SIGNAL_SHAPES: Partial<Record<SignalType, string>> = {
  shift: 'square',
  trend: 'triangle-up',
  'long-run': 'diamond',
  'outside-limits': 'cross',
  'two-of-three': 'diamond',
};

export const DIRECTION_LABELS: Record<SignalDirection, string> = {
  improvement: 'improvement',
  concern: 'concern',
  neutral: 'no better direction',
};

/** Fill of a signal marker by direction: solid for an improvement, white (hollow) for a concern. */
export const DIRECTION_FILLS: Record<SignalDirection, string> = {
  improvement: IMPROVEMENT,
  concern: '#ffffff',
  neutral: '#bbbbbb',
};
export const DIRECTION_STROKES: Record<SignalDirection, string> = {
  improvement: IMPROVEMENT,
  concern: CONCERN,
  neutral: INK,
};

/** Shared Vega-Lite configuration: the font, black text, a light grid, no ARIA noise on every mark. */
export function chartConfig(): VegaLiteSpec {
  return {
    font: FONT,
    background: '#ffffff',
    padding: 8,
    aria: false,
    view: { stroke: null },
    axis: {
      labelColor: INK,
      titleColor: INK,
      domainColor: INK,
      tickColor: INK,
      gridColor: GRID,
      labelFontSize: 11,
      titleFontSize: 11,
      titleFontWeight: 'normal',
    },
    legend: {
      labelColor: INK,
      titleColor: INK,
      labelFontSize: 11,
      titleFontSize: 11,
      titleFontWeight: 'normal',
      symbolStrokeWidth: 1.5,
    },
    title: {
      anchor: 'start',
      color: INK,
      fontSize: 14,
      fontWeight: 'bold',
      subtitleColor: '#333333',
      subtitleFontSize: 11,
      offset: 10,
    },
    text: { font: FONT, fontSize: 10, color: INK },
  };
}

/** A point's date as a Vega-Lite UTC date-time, so that charts never depend on the machine's time zone. */
export function utcDate(date: string): { year: number; month: number; date: number; utc: true } {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, month, date: day, utc: true };
}

/** Milliseconds since 1970 of a `YYYY-MM-DD` date at midnight UTC. */
export function utcTime(date: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day);
}

/** Layers that have something to draw: Vega warns about (and cannot scale) a layer with no data. */
export function nonEmpty(layers: readonly VegaLiteSpec[]): VegaLiteSpec[] {
  return layers.filter((layer) => {
    const values = (layer.data as { values?: unknown } | undefined)?.values;
    return !Array.isArray(values) || values.length > 0;
  });
}

/** Subtitle lines wrapped at spaces to `width` pixels, so that a long line never widens the chart. */
export function wrapLines(lines: readonly string[], width: number, fontSize = 11): string[] {
  return lines.flatMap((line) => {
    const out: string[] = [];
    let current = '';
    for (const word of line.split(' ')) {
      const next = current === '' ? word : `${current} ${word}`;
      if (current !== '' && textWidth({ fontSize }, next) > width) {
        out.push(current);
        current = word;
      } else {
        current = next;
      }
    }
    if (current !== '') out.push(current);
    return out;
  });
}
