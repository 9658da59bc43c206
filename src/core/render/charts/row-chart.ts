// What the network briefing's two row charts share (the forest plot and the equity gaps): a row per cycle by its
// label in the given order, a dotted line at zero, and the same plain frame.
import { CONTEXT, FONT, GRID, INK, type VegaLiteSpec } from './theme.js';

/** The y encoding: one row per label, in `order`. */
export function rowAxis(order: readonly string[], labelLimit: number): VegaLiteSpec {
  return {
    field: 'label',
    type: 'nominal',
    sort: order,
    title: null,
    axis: { labelLimit, ticks: false, domain: false },
  };
}

/** A quantitative x encoding with its title. */
export function valueAxis(title: string): VegaLiteSpec {
  return { type: 'quantitative', title, axis: { gridColor: GRID } };
}

/** The dotted line at zero: no effect, or no gap. */
export function zeroRule(x: VegaLiteSpec): VegaLiteSpec {
  return {
    data: { values: [{ zero: 0 }] },
    mark: { type: 'rule', color: CONTEXT, strokeDash: [2, 2] },
    encoding: { x: { field: 'zero', ...x } },
  };
}

/** The whole spec: layers on a plain frame, `rows` high. */
export function rowChart(width: number, rows: number, rowHeight: number, layers: VegaLiteSpec[]): VegaLiteSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width,
    height: rowHeight * rows,
    config: {
      font: FONT,
      view: { stroke: null },
      axis: { labelFont: FONT, titleFont: FONT, labelColor: INK, titleColor: INK },
    },
    layer: layers,
  };
}
