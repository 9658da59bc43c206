// Specification of run-chart analysis: centre line, runs, crossings, IHI and Anhøj signals.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  QICHARTS2_XMR_CONSTANT,
  runChart,
  summarise,
  xmrChart,
  type RunChartResult,
  type RunChartSignal,
} from '../../../src/core/analysis/index.js';
import { vector } from './vectors.js';

interface RunsStatistics {
  n_useful: number;
  longest_run: number;
  longest_run_max: number;
  n_crossings: number;
  n_crossings_min: number;
}

/** The qicharts2 runs statistics of a result, named as the vectors name them. */
function runsStatisticsOf(result: RunChartResult): RunsStatistics {
  return {
    n_useful: result.useful,
    longest_run: result.longestRun,
    longest_run_max: result.longestRunMax as number,
    n_crossings: result.crossings,
    n_crossings_min: result.crossingsMin as number,
  };
}

function pick(source: Record<string, unknown>, keys: readonly (keyof RunsStatistics)[]): Partial<RunsStatistics> {
  return Object.fromEntries(keys.map((key) => [key, source[key]]));
}

const RUNS_KEYS = ['n_useful', 'longest_run', 'longest_run_max', 'n_crossings', 'n_crossings_min'] as const;

describe('runChart on the published qicharts2 examples', () => {
  it('finds the CDI long run of 15 below a baseline median of 19 (cdi, freeze = 24)', () => {
    const v = vector('run_chart', 'qicharts2-cdi-freeze24');
    const input = v.input as { y: number[]; baseline_points: number };
    const expected = v.expected as { centre: number; longest_run: number; runs_signal: boolean };
    const result = runChart(input.y, { baselinePoints: input.baseline_points });
    expect(result.median).toBe(expected.centre);
    expect(result.longestRun).toBe(expected.longest_run);
    expect(result.anhoejSignal).toBe(expected.runs_signal);
    expect(runsStatisticsOf(result)).toEqual({
      longest_run: expected.longest_run,
      ...pick(v.derived_also as Record<string, unknown>, [
        'n_useful',
        'longest_run_max',
        'n_crossings',
        'n_crossings_min',
      ]),
    });
    // By hand: points 21-35 (0-based) are the 15 below 19, so they are both an IHI shift and an
    // Anhøj long run; 9 runs among 31 useful observations are fewer than the 11 Swed-Eisenhart
    // allows, and 8 crossings fewer than 11. No 5 points in the series rise or fall in a row.
    expect(result.signals).toEqual<RunChartSignal[]>([
      { type: 'too-few-runs', from: 0, to: 35 },
      { type: 'few-crossings', from: 0, to: 35 },
      { type: 'shift', from: 21, to: 35 },
      { type: 'long-run', from: 21, to: 35 },
    ]);
  });

  it('shows only random variation in each CDI period analysed on its own (cdi, part = 24)', () => {
    const v = vector('run_chart', 'qicharts2-cdi-split24');
    const input = v.input as { part1: number[]; part2: number[] };
    const expected = v.expected as { part1_runs_signal: boolean; part2_runs_signal: boolean };
    const derived = v.derived_also as Record<'part1' | 'part2', Record<string, unknown>>;
    for (const part of ['part1', 'part2'] as const) {
      const result = runChart(input[part]);
      expect(result.anhoejSignal).toBe(expected[`${part}_runs_signal`]);
      expect(result.median).toBe(derived[part].median);
      expect(runsStatisticsOf(result)).toEqual(pick(derived[part], RUNS_KEYS));
    }
  });

  it('has the c-chart centre lines 19 and 7 as the mean counts of the two CDI periods (cdi, c chart, part = 24)', () => {
    // Only the centre lines are testable: the c-chart limits CL ± 3√CL (and so the expected
    // range 0 to 15) belong to a chart for counts, which sipp does not implement.
    const v = vector('run_chart', 'qicharts2-cdi-c-chart-split24');
    const input = v.input as { part1: number[]; part2: number[] };
    const expected = v.expected as { part1_CL_rounded: number; part2_CL_rounded: number };
    const derived = v.derived_also as Record<string, number>;
    expect(Math.round(summarise(input.part1).mean as number)).toBe(expected.part1_CL_rounded);
    expect(Math.round(summarise(input.part2).mean as number)).toBe(expected.part2_CL_rounded);
    expect(summarise(input.part1).mean).toBeCloseTo(derived.part1_CL as number, 12);
    expect(summarise(input.part2).mean).toBeCloseTo(derived.part2_CL as number, 12);
  });

  it('reproduces the moving ranges, MR chart limit and its runs analysis (Montgomery ex 6.5, mr chart, freeze = 20)', () => {
    const v = vector('run_chart', 'qicharts2-montgomery-ex6.5-mrchart');
    const input = v.input as { y: number[]; baseline_points: number };
    const expected = v.expected as RunsStatistics & {
      moving_ranges: (number | null)[];
      CL: number;
      UCL: number;
      runs_signal_reported: boolean;
      sigma_signal_points: number[];
    };
    const xmr = xmrChart(input.y, { baselinePoints: input.baseline_points });
    expect(xmr.movingRanges).toEqual(expected.moving_ranges);
    expect(xmr.mrBar).toBeCloseTo(expected.CL, 12);
    expect(xmr.movingRangeUpperLimit).toBeCloseTo(expected.UCL, 10);
    // qicharts2 numbers points from 1; point 39 is the moving range 28 above 25.45. (The MR
    // chart's lower limit, 0, is not part of sipp's result.)
    const aboveLimit = xmr.movingRanges.flatMap((range, i) =>
      range !== null && range > (xmr.movingRangeUpperLimit as number) ? [i + 1] : [],
    );
    expect(aboveLimit).toEqual(expected.sigma_signal_points);
    // qicharts2 counts runs of the moving ranges about the MR chart's centre line (its mean).
    const ranges = xmr.movingRanges.filter((range): range is number => range !== null);
    const runs = runChart(ranges, { centre: expected.CL });
    expect(runsStatisticsOf(runs)).toEqual(pick(expected as unknown as Record<string, unknown>, RUNS_KEYS));
    // qicharts2 then forces runs.signal to FALSE for MR charts; here the rules find none anyway.
    expect(runs.anhoejSignal).toBe(expected.runs_signal_reported);
  });

  it('finds too few crossings about the c-chart mean once points 6 and 20 are excluded (Montgomery ex 7.3)', () => {
    // Testable: the centre line (the mean of the first 26 points without the excluded ones) and
    // the runs analysis about it. Not testable: the c-chart limits (LCL, UCL) and the points
    // beyond them (sigma_signal_points 6 and 20), which need the c chart sipp does not have.
    const v = vector('run_chart', 'qicharts2-montgomery-ex7.3-cchart-exclude');
    const input = v.input as { y: number[]; exclude_points: number[]; baseline_points: number };
    const expected = v.expected as RunsStatistics & { CL: number; n_obs: number; runs_signal: boolean };
    const kept = input.y.filter((_, i) => !input.exclude_points.includes(i + 1));
    const baseline = input.y.slice(0, input.baseline_points).filter((_, i) => !input.exclude_points.includes(i + 1));
    expect(summarise(baseline).mean).toBeCloseTo(expected.CL, 12);
    const result = runChart(kept, { centre: expected.CL });
    expect(result.n).toBe(expected.n_obs);
    expect(runsStatisticsOf(result)).toEqual(pick(expected as unknown as Record<string, unknown>, RUNS_KEYS));
    expect(result.anhoejSignal).toBe(expected.runs_signal);
    expect(result.signals.map((signal) => signal.type)).toContain('few-crossings');
  });

  it('reproduces the t chart as an I chart of y^(1/3.6) with the qicharts2 constant (Montgomery ex 7.6)', () => {
    const v = vector('run_chart', 'qicharts2-montgomery-ex7.6-tchart');
    const input = v.input as { y: number[] };
    const expected = v.expected as RunsStatistics & { CL: number; LCL: number; UCL: number; runs_signal: boolean };
    const transformed = input.y.map((y) => y ** (1 / 3.6));
    // qicharts2 uses 3/1.128; its limits are reproduced with that constant (and a floor of 0
    // for the back-transformed lower limit, which qicharts2 sets to 0).
    const qic = xmrChart(transformed, { constant: QICHARTS2_XMR_CONSTANT, floor: 0 });
    expect((qic.mean as number) ** 3.6).toBeCloseTo(expected.CL, 9);
    expect((qic.upperLimit as number) ** 3.6).toBeCloseTo(expected.UCL, 7);
    expect((qic.lowerLimit as number) ** 3.6).toBe(expected.LCL);
    // sipp's own default constant 2.66 gives a slightly wider limit (6940.08).
    const sipp = xmrChart(transformed, { floor: 0 });
    expect((sipp.upperLimit as number) ** 3.6).toBeCloseTo(6940.084, 2);
    const result = runChart(transformed, { centre: qic.mean as number });
    expect(runsStatisticsOf(result)).toEqual(pick(expected as unknown as Record<string, unknown>, RUNS_KEYS));
    expect(result.anhoejSignal).toBe(expected.runs_signal);
  });

  for (const id of ['qicharts2-hai-1-uchart', 'qicharts2-hai-2-uchart-CDI']) {
    it(`reproduces the runs analysis of the u chart ${id}`, () => {
      // The u chart's centre line is a weighted rate, sum(counts) / sum(days), and its limits
      // depend on each month's exposure: neither is implemented in sipp. The runs analysis about
      // that centre line is, so the published CL is passed as the fixed centre. Not tested:
      // aLCL, aUCL, sigma_signal.
      const v = vector('run_chart', id);
      const input = v.input as { counts: number[]; days: number[] };
      const expected = v.expected as RunsStatistics & { CL: number; runs_signal: boolean; n_obs?: number };
      const rates = input.counts.map((count, i) => count / (input.days[i] as number));
      const result = runChart(rates, { centre: expected.CL });
      expect(runsStatisticsOf(result)).toEqual(pick(expected as unknown as Record<string, unknown>, RUNS_KEYS));
      expect(result.anhoejSignal).toBe(expected.runs_signal);
      if (expected.n_obs !== undefined) expect(result.n).toBe(expected.n_obs);
    });
  }
});

describe('runChart IHI rules', () => {
  it('signals a shift of 6 points on one side of the median, ignoring points on the median', () => {
    // Median 5. Points 4-10: 7, 8, 5 (on the median), 9, 6, 8, 7 → six above, one ignored.
    const values = [2, 3, 1, 7, 8, 5, 9, 6, 8, 7, 3, 5, 4, 2, 5];
    const result = runChart(values);
    expect(result.median).toBe(5);
    expect(result.signals.filter((s) => s.type === 'shift')).toEqual([{ type: 'shift', from: 3, to: 9 }]);
  });

  it('does not signal a shift of 5 points', () => {
    const values = [1, 9, 8, 7, 6, 9, 1, 2, 3, 9, 1, 2];
    expect(runChart(values).signals.filter((s) => s.type === 'shift')).toEqual([]);
  });

  it('signals a trend of 5 points going up, where a repeated value neither adds nor breaks', () => {
    // 3, 4, 4, 6, 7, 9: five distinct steps up with one tie inside.
    const values = [5, 3, 4, 4, 6, 7, 9, 2, 8, 1, 6];
    expect(runChart(values).signals.filter((s) => s.type === 'trend')).toEqual([{ type: 'trend', from: 1, to: 6 }]);
  });

  it('does not count a repeated value as a point of the trend', () => {
    // 3, 4, 4, 6, 7 is only four distinct steps: no trend.
    const values = [5, 3, 4, 4, 6, 7, 2, 8, 1, 6];
    expect(runChart(values).signals.filter((s) => s.type === 'trend')).toEqual([]);
  });

  it('starts a trend at the last of equal first points and ends it at the first of equal last points', () => {
    const values = [9, 9, 8, 7, 6, 5, 5];
    expect(runChart(values).signals).toEqual([{ type: 'trend', from: 1, to: 5 }]);
  });

  it('signals too many runs and too few runs against the Swed-Eisenhart limits', () => {
    const zigzag = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 1 : 9));
    const result = runChart(zigzag);
    expect(result.runs).toBe(20);
    expect(result.runsLimits).toEqual({ fewest: 7, most: 15 });
    expect(result.signals).toContainEqual({ type: 'too-many-runs', from: 0, to: 19 });

    const steps = [
      ...new Array<number>(5).fill(1),
      ...new Array<number>(5).fill(9),
      ...new Array<number>(5).fill(1),
      ...new Array<number>(5).fill(9),
    ];
    const few = runChart(steps);
    expect(few.runs).toBe(4);
    expect(few.signals).toContainEqual({ type: 'too-few-runs', from: 0, to: 19 });
  });

  it('reports no runs or Anhøj signals with fewer than 10 points, and says why', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9];
    const result = runChart(values);
    expect(result.note).toMatch(/Only 9 points/);
    expect(result.longestRunMax).toBeNull();
    expect(result.crossingsMin).toBeNull();
    expect(result.runsLimits).toBeNull();
    expect(result.anhoejSignal).toBe(false);
    // The IHI trend is still shown.
    expect(result.signals).toEqual([{ type: 'trend', from: 0, to: 8 }]);
  });

  it('reports no runs or Anhøj signals with fewer than 10 points off the median', () => {
    const values = [5, 5, 5, 5, 1, 9, 5, 5, 1, 9, 5, 5];
    const result = runChart(values);
    expect(result.useful).toBe(4);
    expect(result.note).toMatch(/Only 4 points off the centre line/);
    expect(result.runsLimits).toBeNull();
  });

  it('takes the median of every point when the baseline is longer than the series', () => {
    expect(runChart([1, 2, 3, 4], { baselinePoints: 24 }).median).toBe(2.5);
  });

  it('handles an empty series', () => {
    const result = runChart([]);
    expect(result.median).toBeNull();
    expect(result.signals).toEqual([]);
    expect(result.useful).toBe(0);
  });

  it('rejects a baseline that is not a whole number of points', () => {
    expect(() => runChart([1, 2, 3], { baselinePoints: 0 })).toThrow(RangeError);
    expect(() => runChart([1, 2, 3], { baselinePoints: 2.5 })).toThrow(RangeError);
  });
});

describe('runChart invariance', () => {
  // Whole numbers keep the arithmetic exact, so equality of results is a fair test: medians of
  // whole numbers are halves, and shifting or scaling them is exact in floating point.
  const series = fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 0, maxLength: 60 });
  const baseline = fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined });
  const signalsOf = (values: number[], baselinePoints: number | undefined): RunChartSignal[] =>
    runChart(values, baselinePoints === undefined ? {} : { baselinePoints }).signals;

  it('gives the same signals when a constant is added to every point', () => {
    fc.assert(
      fc.property(series, baseline, fc.integer({ min: -1000, max: 1000 }), (values, baselinePoints, constant) => {
        expect(
          signalsOf(
            values.map((v) => v + constant),
            baselinePoints,
          ),
        ).toEqual(signalsOf(values, baselinePoints));
      }),
    );
  });

  it('gives the same signals when every point is multiplied by a positive factor', () => {
    fc.assert(
      fc.property(series, baseline, fc.integer({ min: 1, max: 1000 }), (values, baselinePoints, factor) => {
        expect(
          signalsOf(
            values.map((v) => v * factor),
            baselinePoints,
          ),
        ).toEqual(signalsOf(values, baselinePoints));
      }),
    );
  });
});
