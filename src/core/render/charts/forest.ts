// The forest plot of a pooled measure in the network briefing: a row per cycle with its effect size and 95% CI,
// the pooled estimate as a diamond over its CI, its 95% prediction interval as a dashed line, and a line at zero.
import type { MeasurePooling } from '../../network/analyse.js';
import { rowAxis, rowChart, valueAxis, zeroRule } from './row-chart.js';
import { IMPROVEMENT, INK, WIDTH, type VegaLiteSpec } from './theme.js';
import type { ChartSpec } from './types.js';

const ROW_HEIGHT = 22;
const f = (x: number): string => (x < 0 ? `−${(-x).toFixed(2)}` : x.toFixed(2));

/** Null when nothing is pooled (the briefing lists the single cycle in words instead). */
export function forestSpec(measure: MeasurePooling): ChartSpec | null {
  const pooled = measure.pooled;
  if (!pooled) return null;
  const pooledLabel = `Pooled (${pooled.estimator.toUpperCase()}, ${measure.k} cycles)`;
  const rows = measure.studies
    .filter((s) => s.ci95 !== null)
    .map((s) => ({
      label: `${s.member} · ${s.cycle}`,
      g: s.g,
      lo: (s.ci95 as [number, number])[0],
      hi: (s.ci95 as [number, number])[1],
    }));
  const order = [...rows.map((r) => r.label), pooledLabel];
  const pooledRow = { label: pooledLabel, g: pooled.estimate, lo: pooled.ci95[0], hi: pooled.ci95[1] };
  const pi = pooled.predictionInterval;
  const y = rowAxis(order, 220);
  const x = valueAxis('Effect size (Hedges\u2019 g)');
  const layers: VegaLiteSpec[] = [
    zeroRule(x),
    {
      data: { values: rows },
      mark: { type: 'rule', color: INK },
      encoding: { y, x: { field: 'lo', ...x }, x2: { field: 'hi' } },
    },
    {
      data: { values: rows },
      mark: { type: 'point', shape: 'square', filled: true, color: INK, size: 50 },
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
    alt: `Each cycle's effect size with its 95% confidence interval, ${rows.map((r) => `${r.label} ${f(r.g)}`).join('; ')}. Pooled: ${f(pooled.estimate)} (95% CI ${f(pooled.ci95[0])} to ${f(pooled.ci95[1])})${pi ? `, and the 95% prediction interval ${f(pi[0])} to ${f(pi[1])} (dashed) for a new cycle like these` : ''}. The dotted line is no effect (0).`,
    notes: [],
    spec,
  };
}
