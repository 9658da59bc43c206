// Specification of XmR charts: limits, moving-range screening and the NHS Making Data Count signals.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { xmrChart, type XmrOptions, type XmrResult, type XmrSignal } from '../../../src/core/analysis/index.js';
import { vector } from './vectors.js';

function must<T>(value: T | null): T {
  if (value === null) throw new Error('expected a value, got null');
  return value;
}

interface Limits {
  mean: number;
  amr: number;
  lpl: number;
  upl: number;
  nlpl: number;
  nupl: number;
}

/** Checks a result against NHSRplotthedots' full-precision mean, MR̄, limits and two-sigma lines. */
function expectLimits(result: XmrResult, expected: Partial<Limits>, digits = 12): void {
  const actual: Limits = {
    mean: must(result.mean),
    amr: must(result.mrBar),
    lpl: must(result.lowerLimit),
    upl: must(result.upperLimit),
    nlpl: must(result.lowerTwoSigma),
    nupl: must(result.upperTwoSigma),
  };
  for (const [key, value] of Object.entries(expected) as [keyof Limits, number][]) {
    expect(actual[key], key).toBeCloseTo(value, digits);
  }
}

/** Alternating ±3 around 0: a baseline with mean 0 and MR̄ 6 (limits ±15.96, two-sigma ±10.64). */
const QUIET_BASELINE = [-3, 3, -3, 3, -3, 3, -3, 3, -3, 3, -3, 3];
const afterBaseline = (pattern: number[]): number[] => [...QUIET_BASELINE, ...pattern];
const baselineOptions: XmrOptions = { baselinePoints: QUIET_BASELINE.length };
const typesFrom = (result: XmrResult, start: number): (string | null)[] =>
  Array.from({ length: result.n - start }, (_, k) => result.signals.find((s) => s.index === start + k)?.type ?? null);

describe('xmrChart defaults', () => {
  it('uses the NHS constant 2.66 and no moving-range screening unless asked', () => {
    const result = xmrChart([1, 2, 10, 2, 1, 2, 1, 2, 1, 2, 1, 2]);
    expect(result.constant).toBe(2.66);
    expect(result.screened).toBe(false);
    expect(result.screenedOut).toEqual([]);
    // mean 27/12 = 2.25; moving ranges 1, 8, 8 and eight 1s, MR̄ = 25/11 (the two 8s stay in).
    expect(result.upperLimit).toBeCloseTo(2.25 + (2.66 * 25) / 11, 12);
  });

  it('leaves out moving ranges of 3.267 MR̄ or more when screening is switched on', () => {
    // MR̄ = 25/11 = 2.27 before screening; 3.267 × 2.27 = 7.42, so both 8s go; MR̄ = 9/9 = 1.
    const result = xmrChart([1, 2, 10, 2, 1, 2, 1, 2, 1, 2, 1, 2], { screenMovingRanges: true });
    expect(result.screenedOut).toEqual([2, 3]);
    expect(result.mrBar).toBe(1);
  });

  it('calls limits from fewer than 12 points trial limits', () => {
    expect(xmrChart([1, 2, 3, 2, 1, 2, 3, 2, 1, 2, 3]).trial).toBe(true);
    expect(xmrChart([1, 2, 3, 2, 1, 2, 3, 2, 1, 2, 3, 2]).trial).toBe(false);
    expect(xmrChart([1, 2, 3, 2, 1, 2, 3, 2, 1, 2, 3, 2, 1, 2], { baselinePoints: 8 }).trial).toBe(true);
  });

  it('keeps the limits inside the floor and ceiling of the measure', () => {
    const percentages = [2, 40, 5, 60, 3, 45, 1, 70, 4, 50, 2, 99];
    const result = xmrChart(percentages, { floor: 0, ceiling: 100 });
    expect(result.lowerLimit).toBe(0);
    expect(result.upperLimit).toBe(100);
  });
});

describe('xmrChart on the published NHSRplotthedots examples', () => {
  it('reproduces the rnorm(20) snapshot: limits and all points common cause (screen_outliers = TRUE)', () => {
    const v = vector('xmr', 'ptd-snapshot-rnorm20');
    const y = (v.input as { y: number[] }).y;
    const expected = v.expected as {
      mean: number;
      lpl: number;
      upl: number;
      relative_to_mean_first15: number[];
      all_common_cause: boolean;
    };
    const screened = xmrChart(y, { screenMovingRanges: true });
    expect(screened.mean).toBeCloseTo(expected.mean, 7);
    expect(screened.lowerLimit).toBeCloseTo(expected.lpl, 5);
    expect(screened.upperLimit).toBeCloseTo(expected.upl, 6);
    expectLimits(screened, v.full_precision_derived as Partial<Limits>);
    expect(y.slice(0, 15).map((value) => Math.sign(value - must(screened.mean)))).toEqual(
      expected.relative_to_mean_first15,
    );
    expect(screened.signals.length === 0).toBe(expected.all_common_cause);
    // No moving range reaches 3.267 MR̄ here, so sipp's default (no screening) agrees.
    expect(screened.screenedOut).toEqual([]);
    expectLimits(xmrChart(y), v.full_precision_derived as Partial<Limits>);
  });

  it('reproduces the facet snapshot: two groups of 10, limits to 3 significant figures', () => {
    const v = vector('xmr', 'ptd-snapshot-facets');
    const input = v.input as Record<'facet0' | 'facet1', number[]>;
    const expected = v.expected as Record<
      'facet0' | 'facet1',
      { mean: number; lpl: number; upl: number; common_cause: number }
    >;
    const threeFigures = (x: number): number => Number(x.toPrecision(3));
    for (const facet of ['facet0', 'facet1'] as const) {
      for (const screenMovingRanges of [true, false]) {
        const result = xmrChart(input[facet], { screenMovingRanges });
        expect(threeFigures(must(result.mean))).toBe(expected[facet].mean);
        expect(threeFigures(must(result.lowerLimit))).toBe(expected[facet].lpl);
        expect(threeFigures(must(result.upperLimit))).toBe(expected[facet].upl);
        expect(result.n - result.signals.length).toBe(expected[facet].common_cause);
        expect(result.trial).toBe(true);
      }
    }
  });

  it('reproduces the deviations vignette with and without moving-range screening', () => {
    const v = vector('xmr', 'ptd-deviations-vignette');
    const y = (v.input as { y: number[] }).y;
    const expected = v.expected as Record<
      'screened' | 'unscreened_as_MDC_excel',
      { upl: number; mean: number; lpl: number }
    >;
    const full = v.full_precision_derived as Record<'screened' | 'unscreened', Partial<Limits>>;
    const screened = xmrChart(y, { screenMovingRanges: true, higherIsBetter: true });
    const unscreened = xmrChart(y, { higherIsBetter: true }); // sipp's default, as the MDC spreadsheet
    expectLimits(screened, full.screened);
    expectLimits(unscreened, full.unscreened);
    expect(must(screened.upperLimit)).toBeCloseTo(expected.screened.upl, 2);
    expect(must(screened.lowerLimit)).toBeCloseTo(expected.screened.lpl, 2);
    expect(must(unscreened.upperLimit)).toBeCloseTo(expected.unscreened_as_MDC_excel.upl, 2);
    expect(must(unscreened.lowerLimit)).toBeCloseTo(expected.unscreened_as_MDC_excel.lpl, 2);
    expect(must(unscreened.mean)).toBeCloseTo(expected.unscreened_as_MDC_excel.mean, 2);
    // The two moving ranges either side of the 10 (8 and 9) are screened out.
    expect(screened.screenedOut).toEqual([4, 5]);
    // Point 5 (index 4) is special cause improvement, all others common cause, in both settings.
    const improvement: XmrSignal[] = [{ index: 4, type: 'outside-limits', direction: 'improvement', side: 'high' }];
    expect(screened.signals).toEqual(improvement);
    expect(unscreened.signals).toEqual(improvement);
  });

  describe('variation and assurance icons (ptd-icons)', () => {
    const v = vector('xmr', 'ptd-icons');
    const input = v.input as Record<'base' | 'shifted_up' | 'shifted_down', number[]>;
    const lastPoint = (
      values: number[],
      higherIsBetter: boolean | null,
      screenMovingRanges: boolean,
    ): XmrSignal | undefined =>
      xmrChart(values, { higherIsBetter, screenMovingRanges }).signals.find((s) => s.index === values.length - 1);

    // The variation icon is the point type of the last point (ptd default screen_outliers = TRUE;
    // sipp's default, no screening, gives the same icons for these series).
    for (const screenMovingRanges of [true, false]) {
      it(`gives the published variation icons (screening ${screenMovingRanges ? 'on' : 'off'})`, () => {
        expect(lastPoint(input.base, true, screenMovingRanges)).toBeUndefined();
        expect(lastPoint(input.shifted_up, true, screenMovingRanges)).toMatchObject({
          direction: 'improvement',
          side: 'high',
        });
        expect(lastPoint(input.shifted_up, false, screenMovingRanges)).toMatchObject({
          direction: 'concern',
          side: 'high',
        });
        expect(lastPoint(input.shifted_down, true, screenMovingRanges)).toMatchObject({
          direction: 'concern',
          side: 'low',
        });
        expect(lastPoint(input.shifted_down, false, screenMovingRanges)).toMatchObject({
          direction: 'improvement',
          side: 'low',
        });
        expect(lastPoint(input.shifted_down, null, screenMovingRanges)).toMatchObject({
          direction: 'neutral',
          side: 'low',
        });
      });

      // sipp has no target or assurance icon; the verdict depends only on where the target lies
      // against the process limits (ptd_calculate_assurance_type: above the upper limit, below
      // the lower limit, or between), so the published verdicts test sipp's limits.
      it(`puts each target where the published assurance verdict needs it (screening ${screenMovingRanges ? 'on' : 'off'})`, () => {
        const assurance = (values: number[], target: number, increase: boolean): string => {
          const result = xmrChart(values, { screenMovingRanges });
          if (target > must(result.upperLimit)) return increase ? 'fail' : 'pass';
          if (target < must(result.lowerLimit)) return increase ? 'pass' : 'fail';
          return 'inconsistent';
        };
        const expected = (v.expected as { assurance: Record<string, string> }).assurance;
        expect(assurance(input.base, 0.5, true)).toBe(expected.base_target_0_5);
        expect(assurance(input.shifted_up, -3, true)).toBe(expected.up_target_minus3_increase);
        expect(assurance(input.shifted_up, -3, false)).toBe(expected.up_target_minus3_decrease);
        expect(assurance(input.shifted_down, 3, true)).toBe(expected.down_target_3_increase);
        expect(assurance(input.shifted_down, 3, false)).toBe(expected.down_target_3_decrease);
      });
    }
  });
});

describe('xmrChart rules (NHSRplotthedots unit tests, through the whole chart)', () => {
  // ptd-rule-unit-tests exercises ptd's internal helpers on flags; here each case is built as a
  // series whose flags are those inputs, and the chart's signals are checked.
  it('needs 7 points on one side of the mean for a shift (seven_point_one_side_mean)', () => {
    // relative to mean 0: 1 1 1 1 1 1 1 1 -1 → all eight points above are part of the shift.
    const eight = xmrChart([1, 1, 1, 1, 1, 1, 1, 1, -8]);
    expect(eight.signals.filter((s) => s.type === 'shift').map((s) => s.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    // 1 1 1 1 1 1 -1: six is not enough.
    const six = xmrChart([1, 1, 1, 1, 1, 1, -6]);
    expect(six.signals.filter((s) => s.type === 'shift')).toEqual([]);
  });

  it('breaks a shift at a point exactly on the mean', () => {
    const values = afterBaseline([1, 1, 1, 0, 1, 1, 1, 1]);
    expect(xmrChart(values, baselineOptions).signals.filter((s) => s.type === 'shift')).toEqual([]);
  });

  it('needs 7 points all increasing for a trend, and a tie breaks it (seven_point_trend)', () => {
    const rising = afterBaseline([-3, -2, -1, 0, 1, 2, 3]);
    const result = xmrChart(rising, baselineOptions);
    expect(typesFrom(result, QUIET_BASELINE.length)).toEqual(new Array(7).fill('trend'));
    expect(result.signals.every((s) => s.side === 'high' && s.direction === 'neutral')).toBe(true);

    const tie = afterBaseline([1, 2, 3, 3, 4, 5, 6]);
    expect(xmrChart(tie, baselineOptions).signals.filter((s) => s.type === 'trend')).toEqual([]);
  });

  it('finds the trend inside 2 1 2 3 4 5 6 7 3 and a falling trend 7..1', () => {
    // Moved down by 4 so that the points sit either side of the mean and no shift interferes.
    const inside = xmrChart(afterBaseline([-2, -3, -2, -1, 0, 1, 2, 3, -1]), baselineOptions);
    expect(typesFrom(inside, QUIET_BASELINE.length)).toEqual([
      null,
      'trend',
      'trend',
      'trend',
      'trend',
      'trend',
      'trend',
      'trend',
      null,
    ]);
    const falling = xmrChart(afterBaseline([7, 6, 5, 4, 3, 2, 1]), { ...baselineOptions, higherIsBetter: true });
    const trend = falling.signals.filter((s) => s.type === 'trend');
    expect(trend).toHaveLength(7);
    expect(trend.every((s) => s.side === 'low' && s.direction === 'concern')).toBe(true);
  });

  it('flags the close points of two-of-three windows, all three on one side (two_in_three)', () => {
    // Two-sigma line 10.64, limit 15.96. Seven points above the mean are also a shift: the
    // close points are labelled two-of-three, which comes first, and the rest shift.
    const start = QUIET_BASELINE.length;
    const a = xmrChart(afterBaseline([1, 1, 12, 1, 12, 1, 1]), baselineOptions);
    expect(typesFrom(a, start)).toEqual(['shift', 'shift', 'two-of-three', 'shift', 'two-of-three', 'shift', 'shift']);
    const b = xmrChart(afterBaseline([1, 1, 12, 12, 1, 1, 1]), baselineOptions);
    expect(typesFrom(b, start)).toEqual(['shift', 'shift', 'two-of-three', 'two-of-three', 'shift', 'shift', 'shift']);
  });

  it('does not flag two close points when the point between them is on the other side of the mean', () => {
    // close 1 0 1, relative to mean 1 -1 1.
    const result = xmrChart(afterBaseline([12, -1, 12]), baselineOptions);
    expect(typesFrom(result, QUIET_BASELINE.length)).toEqual([null, null, null]);
  });

  it('flags only the close points of the window (part_of_two_in_three)', () => {
    // close 1 0 0 1 1: only the window 3-5 has two close points, and only its close points count.
    const result = xmrChart(afterBaseline([12, 1, 1, 12, 12]), baselineOptions);
    expect(typesFrom(result, QUIET_BASELINE.length)).toEqual([null, null, null, 'two-of-three', 'two-of-three']);
  });

  it('labels a point outside the limits before any other rule', () => {
    const result = xmrChart(afterBaseline([1, 2, 3, 4, 5, 6, 20]), baselineOptions);
    expect(typesFrom(result, QUIET_BASELINE.length)).toEqual([
      'trend',
      'trend',
      'trend',
      'trend',
      'trend',
      'trend',
      'outside-limits',
    ]);
  });

  it('has no limits, and checks only trend and shift, with a single baseline point', () => {
    const result = xmrChart([5, 6, 7, 8, 9, 10, 11], { baselinePoints: 1 });
    expect(result.mrBar).toBeNull();
    expect(result.upperLimit).toBeNull();
    expect(result.signals.map((s) => s.type)).toEqual(new Array(7).fill('trend'));
  });

  it('handles an empty series', () => {
    const result = xmrChart([]);
    expect(result.mean).toBeNull();
    expect(result.signals).toEqual([]);
  });

  it('rejects a floor above the ceiling', () => {
    expect(() => xmrChart([1, 2], { floor: 5, ceiling: 1 })).toThrow(RangeError);
  });
});

describe('xmrChart invariance', () => {
  const series = fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 2, maxLength: 40 });
  const options = fc.record({
    screenMovingRanges: fc.boolean(),
    higherIsBetter: fc.constantFrom(true, false, null),
    baselinePoints: fc.option(fc.integer({ min: 2, max: 30 }), { nil: undefined }),
  });

  /**
   * True when no point lies within a hair of the mean, a limit or a two-sigma line without being
   * exactly on it: where the answer is decided by the last bit of floating-point rounding, a
   * shifted or scaled series may round the other way, which is not a property of the rules.
   */
  function clearOfTies(values: number[], result: XmrResult): boolean {
    const lines = [result.mean, result.upperLimit, result.lowerLimit, result.upperTwoSigma, result.lowerTwoSigma];
    return values.every((value) =>
      lines.every((line) => line === null || value === line || Math.abs(value - line) > 1e-9 * (1 + Math.abs(line))),
    );
  }

  it('gives the same signals when a constant is added to every point', () => {
    fc.assert(
      fc.property(series, options, fc.integer({ min: -1000, max: 1000 }), (values, opts, constant) => {
        const before = xmrChart(values, opts);
        const shifted = values.map((v) => v + constant);
        const after = xmrChart(shifted, opts);
        fc.pre(clearOfTies(values, before) && clearOfTies(shifted, after));
        expect(after.signals).toEqual(before.signals);
      }),
    );
  });

  it('gives the same signals when every point is multiplied by a positive factor', () => {
    fc.assert(
      fc.property(series, options, fc.integer({ min: 1, max: 1000 }), (values, opts, factor) => {
        const before = xmrChart(values, opts);
        const scaled = values.map((v) => v * factor);
        const after = xmrChart(scaled, opts);
        fc.pre(clearOfTies(values, before) && clearOfTies(scaled, after));
        expect(after.signals).toEqual(before.signals);
      }),
    );
  });
});
