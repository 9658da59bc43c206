// The equity gaps of the network briefing as a chart: a row per member, cycle and measure, the gap at baseline (an
// open circle) joined to the gap at follow-up (a filled circle), with a line at no gap. Positive means the equity
// group is behind (statistics.md, "Change and equity gap"), so a row moving towards the line is a gap narrowing.
import type { GapChange } from '../../network/analyse.js';
import { FOREST_ROWS } from './forest.js';
import { rowAxis, rowChart, valueAxis, zeroRule } from './row-chart.js';
import { IMPROVEMENT, INK, WIDTH, type VegaLiteSpec } from './theme.js';
import type { ChartSpec } from './types.js';

const ROW_HEIGHT = 20;

export const GAPS_CHART_ID = 'equity-gaps';

export function gapsSpec(gaps: readonly GapChange[]): ChartSpec | null {
  if (gaps.length === 0) return null;
  // More gaps than a page can list one per row: baselines on one row and follow-ups on the next, a dot each.
  const many = gaps.length > FOREST_ROWS;
  const x = valueAxis('Gap (the equity group behind when above 0)');
  const narrowed = gaps.filter((g) => g.change === 'narrowed').length;
  const widened = gaps.filter((g) => g.change === 'widened').length;
  return {
    id: GAPS_CHART_ID,
    kind: 'gaps',
    measure: '',
    series: null,
    title: 'Equity gaps at baseline and follow-up',
    alt: many
      ? `The ${gaps.length} equity gaps at baseline and at follow-up, a dot each: ${narrowed} narrowed and ${widened} widened. The dotted line is no gap.`
      : `Each cycle's equity gap at baseline (open circle) and at follow-up (filled circle): ${narrowed} of ${gaps.length} narrowed and ${widened} widened. The dotted line is no gap.`,
    notes: [],
    spec: many ? dotsSpec(gaps, x) : rowsSpec(gaps, x),
  };
}

/** A row per gap: the baseline (open circle) joined to the follow-up (filled circle). */
function rowsSpec(gaps: readonly GapChange[], x: VegaLiteSpec): VegaLiteSpec {
  const rows = gaps.map((g) => ({
    label: `${g.member} · ${g.cycle} · ${g.measure}`,
    baseline: g.baseline,
    followUp: g.followUp,
  }));
  const y = rowAxis(
    rows.map((r) => r.label),
    260,
  );
  return rowChart(WIDTH - 280, rows.length, ROW_HEIGHT, [
    zeroRule(x),
    {
      data: { values: rows },
      mark: { type: 'rule', color: INK },
      encoding: { y, x: { field: 'baseline', ...x }, x2: { field: 'followUp' } },
    },
    {
      data: { values: rows },
      mark: { type: 'point', filled: false, color: INK, size: 50 },
      encoding: { y, x: { field: 'baseline', ...x } },
    },
    {
      data: { values: rows },
      mark: { type: 'point', filled: true, color: IMPROVEMENT, size: 50 },
      encoding: { y, x: { field: 'followUp', ...x } },
    },
  ]);
}

/** Two rows of dots: every baseline, then every follow-up. */
function dotsSpec(gaps: readonly GapChange[], x: VegaLiteSpec): VegaLiteSpec {
  const before = `Baseline (${gaps.length} gaps)`;
  const after = `Follow-up (${gaps.length} gaps)`;
  const dots = gaps.flatMap((g) => [
    { label: before, value: g.baseline },
    { label: after, value: g.followUp },
  ]);
  return rowChart(WIDTH - 280, 3, 30, [
    zeroRule(x),
    {
      data: { values: dots },
      mark: { type: 'point', filled: true, color: INK, size: 20, opacity: 0.5 },
      encoding: { y: rowAxis([before, after], 260), x: { field: 'value', ...x } },
    },
  ]);
}
