// What the chart module hands to briefings: a chart's id (a file name stem), title, text alternative and picture.

import type { VegaLiteSpec } from './theme.js';

export type ChartKind = 'before-after' | 'run-chart' | 'xmr' | 'overview' | 'forest' | 'gaps';

/** A chart before drawing: its Vega-Lite specification and words. Pure data, for tests and for `renderSvg`. */
export interface ChartSpec {
  /** Unique within a briefing and safe as a file name: `reading-enjoyment-run-chart`. */
  id: string;
  kind: ChartKind;
  /** The measure the chart is of (its id in measures.yaml). */
  measure: string;
  /** Which of the measure's dated series (0 for the first) a run or XmR chart draws; null for other charts. */
  series: number | null;
  /** A heading for the figure. */
  title: string;
  /** One or two sentences: what the chart shows and its signals (for `aria-label` and `<figcaption>`). */
  alt: string;
  /** Longer notes for the caption, e.g. what each adaptation on the chart was. */
  notes: string[];
  spec: VegaLiteSpec;
}

/** A drawn chart: SVG markup, self-contained (no external assets, no scripts), ready to inline or save. */
export interface Chart {
  id: string;
  kind: ChartKind;
  measure: string;
  series: number | null;
  title: string;
  alt: string;
  notes: string[];
  svg: string;
}
