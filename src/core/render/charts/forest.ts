// The forest plot of a pooled measure in the network briefing: a row per cycle with its effect size and 95% CI,
// the pooled estimate as a diamond over its CI, its 95% prediction interval as a dashed line, and a line at zero.
import type { MeasurePooling } from '../../network/analyse.js';
import { rowAxis, rowChart, valueAxis, zeroRule } from './row-chart.js';
import { IMPROVEMENT, INK, WIDTH, type VegaLiteSpec } from './theme.js';
import type { ChartSpec } from './types.js';
import { formatNumber } from '../../words.js';

const ROW_HEIGHT = 22;
const f = (x: number): string => formatNumber(x, 2, false);

/** Cycles a forest plot draws one row each; beyond that they share one row of dots. */
export const FOREST_ROWS = 40;

/** Null when nothing is pooled (the briefing lists the single cycle in words instead). */
export function forestSpec(measure: MeasurePooling): ChartSpec | null {
  const pooled = measure.pooled;
  if (!pooled) return null;
  const pooledLabel = `Pooled (${pooled.estimator.toUpperCase()}, ${measure.k} cycles)`;
  const withCi = measure.studies.filter((s) => s.ci95 !== null);
  // More cycles than a page can list one per row: each is a dot on one row (the table beside lists every one).
  const many = withCi.length > FOREST_ROWS;
  const everyCycle = `Each cycle (${withCi.length})`;
  const rows = withCi.map((s) => ({
    label: many ? everyCycle : `${s.member} · ${s.cycle}`,
    g: s.g,
    lo: (s.ci95 as [number, number])[0],
    hi: (s.ci95 as [number, number])[1],
  }));
  const order = [...new Set([...rows.map((r) => r.label), pooledLabel])];
  const pooledRow = { label: pooledLabel, g: pooled.estimate, lo: pooled.ci95[0], hi: pooled.ci95[1] };
  const pi = pooled.predictionInterval;
  const y = rowAxis(order, 220);
  const x = valueAxis('Effect size (Hedges\u2019 g)');
  const layers: VegaLiteSpec[] = [
    zeroRule(x),
    ...(many
      ? []
      : [
          {
            data: { values: rows },
            mark: { type: 'rule', color: INK },
            encoding: { y, x: { field: 'lo', ...x }, x2: { field: 'hi' } },
          },
        ]),
    {
      data: { values: rows },
      mark: { type: 'point', shape: 'square', filled: true, color: INK, size: many ? 20 : 50, opacity: many ? 0.5 : 1 },
      encoding: { y, x: { field: 'g', ...x } },
    },
    ...(pi
      ? [
          {
            data: { values: [{ label: pooledLabel, lo: pi[0], hi: pi[1] }] },
            mark: { type: 'rule', color: IMPROVEMENT, strokeDash: [4, 3] },
            encoding: { y, x: { field: 'lo', ...x }, x2: { field: 'hi' } },
          },
        ]
      : []),
    {
      data: { values: [pooledRow] },
      mark: { type: 'rule', color: IMPROVEMENT, strokeWidth: 5 },
      encoding: { y, x: { field: 'lo', ...x }, x2: { field: 'hi' } },
    },
    {
      data: { values: [pooledRow] },
      mark: { type: 'point', shape: 'diamond', filled: true, color: IMPROVEMENT, size: 260 },
      encoding: { y, x: { field: 'g', ...x } },
    },
  ];
  const spec = rowChart(WIDTH - 240, order.length, ROW_HEIGHT, layers);
  const basis = measure.basis === 'comparison' ? 'against a comparison group' : 'pre-post';
  return {
    id: `${measure.id}-${measure.basis}-forest`,
    kind: 'forest',
    measure: measure.id,
    series: null,
    title: `${measure.id}: effect sizes of ${measure.k} cycles (${basis}) and the pooled estimate`,
    alt: `Each cycle's effect size${many ? ` (${rows.length} cycles, one dot each)` : ` with its 95% confidence interval, ${rows.map((r) => `${r.label} ${f(r.g)}`).join('; ')}`}. Pooled: ${f(pooled.estimate)} (95% CI ${f(pooled.ci95[0])} to ${f(pooled.ci95[1])})${pi ? `, and the 95% prediction interval ${f(pi[0])} to ${f(pi[1])} (dashed) for a new cycle like these` : ''}. The dotted line is no effect (0).`,
    notes: [],
    spec,
  };
}
