// XmR (individuals) chart: mean, moving ranges, process limits and NHS Making Data Count signals.

import { mean } from './summary.js';
import type { HigherIsBetter, Side, SignalDirection } from './types.js';
import { assertCount, assertFinite, assertFiniteValues } from './validate-input.js';

/** NHS Making Data Count / NHSRplotthedots constant: limits at mean ± 2.66 MR̄. sipp's default. */
export const NHS_XMR_CONSTANT = 2.66;
/** qicharts2's constant 3 / d2 = 3 / 1.128 = 2.6596 (3 sigma with sigma = MR̄ / 1.128). */
export const QICHARTS2_XMR_CONSTANT = 3 / 1.128;
/** D4 for ranges of two points: moving ranges above 3.267 MR̄ are screened out (Nelson 1982). */
export const MOVING_RANGE_SCREEN_FACTOR = 3.267;
/** NHS shift: 7 or more points in a row on one side of the mean. */
export const XMR_SHIFT_POINTS = 7;
/** NHS trend: 7 or more points in a row all increasing or all decreasing. */
export const XMR_TREND_POINTS = 7;
/** Limits computed from fewer points than this are "trial limits" (statistics.md). */
export const XMR_TRIAL_BELOW_POINTS = 12;

export type XmrSignalType = 'outside-limits' | 'trend' | 'two-of-three' | 'shift';

/** One point showing special cause variation, labelled by the first rule that flags it. */
export interface XmrSignal {
  index: number;
  type: XmrSignalType;
  /** Improvement or concern by the measure's direction; neutral when it has none. */
  direction: SignalDirection;
  /** Above or below the mean; for a trend, 'high' when increasing and 'low' when decreasing. */
  side: Side;
}

export interface XmrOptions {
  /** Compute the mean and MR̄ from the first `baselinePoints` points only (default: all). */
  baselinePoints?: number;
  /** The measure's lowest possible value (e.g. 0 for a percentage): limits are not set below it. */
  floor?: number;
  /** The measure's highest possible value (e.g. 100 for a percentage). */
  ceiling?: number;
  /** Leave out moving ranges of 3.267 MR̄ or more before the limits. Default false (MDC spreadsheet). */
  screenMovingRanges?: boolean;
  /** Direction of improvement: true higher, false lower, null none (neutral). Default null. */
  higherIsBetter?: HigherIsBetter;
  /** Limit constant: NHS_XMR_CONSTANT (2.66, the default) or QICHARTS2_XMR_CONSTANT (2.6596). */
  constant?: number;
}

export interface XmrResult {
  n: number;
  /** Number of points the mean and MR̄ were computed from. */
  baselinePoints: number;
  /** Mean of the baseline points (null for an empty series). */
  mean: number | null;
  /** |x_i - x_(i-1)| for every point, null for the first. */
  movingRanges: (number | null)[];
  /** Mean moving range over the baseline, after screening if on (null with under 2 baseline points). */
  mrBar: number | null;
  /** Indices i of the moving ranges |x_i - x_(i-1)| that screening left out of MR̄. */
  screenedOut: number[];
  /** Upper limit of the moving-range chart, 3.267 MR̄. */
  movingRangeUpperLimit: number | null;
  /** mean + constant MR̄, not above the ceiling. */
  upperLimit: number | null;
  /** mean - constant MR̄, not below the floor. */
  lowerLimit: number | null;
  /** Two-sigma lines: two thirds of the way from the mean to each limit (clamped likewise). */
  upperTwoSigma: number | null;
  lowerTwoSigma: number | null;
  constant: number;
  screened: boolean;
  /** True when the limits come from fewer than 12 points ("trial limits"). */
  trial: boolean;
  /** Special cause points in index order. */
  signals: XmrSignal[];
}

type Sign = -1 | 0 | 1;

function signOf(value: number): Sign {
  return value > 0 ? 1 : value < 0 ? -1 : 0;
}

function clamp(value: number, floor: number | undefined, ceiling: number | undefined): number {
  const aboveFloor = floor === undefined ? value : Math.max(value, floor);
  return ceiling === undefined ? aboveFloor : Math.min(aboveFloor, ceiling);
}

/**
 * Points in a run of 7 or more on the same side of the mean. A point exactly on the mean breaks
 * the run (NHSRplotthedots `ptd_seven_point_one_side_mean` + `ptd_part_of_seven_trend`).
 */
function shiftSides(relativeToMean: readonly Sign[]): Sign[] {
  const sides: Sign[] = relativeToMean.map(() => 0);
  let start = 0;
  while (start < relativeToMean.length) {
    const side = relativeToMean[start] as Sign;
    let end = start;
    while (end + 1 < relativeToMean.length && relativeToMean[end + 1] === side) end += 1;
    if (side !== 0 && end - start + 1 >= XMR_SHIFT_POINTS) sides.fill(side, start, end + 1);
    start = end + 1;
  }
  return sides;
}

/**
 * Points in a run of 7 or more all increasing (1) or all decreasing (-1); a tie breaks the run
 * (NHSRplotthedots `ptd_seven_point_trend`). A point ending one trend and starting the next is
 * labelled by the later one, as ptd_special_cause_type does ("use right side").
 */
function trendSides(values: readonly number[]): Sign[] {
  const sides: Sign[] = values.map(() => 0);
  const step = (i: number): Sign => signOf((values[i] as number) - (values[i - 1] as number));
  let start = 1;
  while (start < values.length) {
    const direction = step(start);
    let end = start;
    while (end + 1 < values.length && step(end + 1) === direction) end += 1;
    // Steps start..end join points start-1..end.
    if (direction !== 0 && end - start + 2 >= XMR_TREND_POINTS) sides.fill(direction, start - 1, end + 1);
    start = end + 1;
  }
  return sides;
}

/**
 * Points close to a limit (between the two-sigma line and the limit) that fall in a window of
 * three consecutive points, all three on the same side of the mean, with at least two of them
 * close (NHSRplotthedots `ptd_two_in_three` + `ptd_part_of_two_in_three`).
 */
function twoOfThree(close: readonly boolean[], relativeToMean: readonly Sign[]): boolean[] {
  const inWindow = close.map(() => false);
  for (let i = 0; i + 2 < close.length; i++) {
    const side = relativeToMean[i] as Sign;
    const sameSide = side !== 0 && relativeToMean[i + 1] === side && relativeToMean[i + 2] === side;
    const closeCount = [i, i + 1, i + 2].filter((j) => close[j] === true).length;
    if (sameSide && closeCount >= 2) inWindow.fill(true, i, i + 3);
  }
  return inWindow.map((flag, j) => flag && close[j] === true);
}

function directionOf(side: 1 | -1, higherIsBetter: HigherIsBetter): SignalDirection {
  if (higherIsBetter === null) return 'neutral';
  return (side === 1) === higherIsBetter ? 'improvement' : 'concern';
}

/**
 * The special cause points of a series against its centre line, given which points are outside their limits and
 * which are close to them (beyond a two-sigma line): outside the limits, a trend of 7+, two of three close on one
 * side, a shift of 7+, each point labelled by the first rule that flags it (NHSRplotthedots precedence). Shared by
 * the XmR and the P′ chart, whose limits differ from point to point.
 */
export function specialCauses(
  values: readonly number[],
  centre: number,
  outside: readonly boolean[],
  close: readonly boolean[],
  higherIsBetter: HigherIsBetter,
): XmrSignal[] {
  const signals: XmrSignal[] = [];
  const relativeToMean = values.map((value) => signOf(value - centre));
  const trends = trendSides(values);
  const twos = twoOfThree(close, relativeToMean);
  const shifts = shiftSides(relativeToMean);
  values.forEach((_, index) => {
    const rtm = relativeToMean[index] as Sign;
    const trend = trends[index] as Sign;
    const shift = shifts[index] as Sign;
    let type: XmrSignalType | null = null;
    let side: Sign = 0;
    if (outside[index]) [type, side] = ['outside-limits', rtm];
    else if (trend !== 0) [type, side] = ['trend', trend];
    else if (twos[index]) [type, side] = ['two-of-three', rtm];
    else if (shift !== 0) [type, side] = ['shift', shift];
    if (type === null || side === 0) return;
    signals.push({ index, type, direction: directionOf(side, higherIsBetter), side: side === 1 ? 'high' : 'low' });
  });
  return signals;
}

/**
 * XmR chart of a series in time order (statistics.md, "XmR charts"; NHS Making Data Count as
 * NHSRplotthedots implements it):
 * - mean and MR̄ of the baseline (default all points), limits mean ± 2.66 MR̄ clamped at the
 *   floor and ceiling; moving-range screening off by default (the MDC spreadsheet) and, when on,
 *   keeping only moving ranges below 3.267 MR̄ as NHSRplotthedots and qicharts2 do;
 * - signals: outside the limits (strictly beyond); a trend of 7+ points (a tie breaks it); two of
 *   three points beyond a two-sigma line, all three on the same side; a shift of 7+ points on one
 *   side of the mean (a point on the mean breaks it). A point is labelled by the first of these
 *   that flags it (NHSRplotthedots `ptd_special_cause_type` precedence).
 * With MR̄ unavailable (under 2 baseline points) there are no limits and only trend and shift
 * are checked. A baseline longer than the series uses every point. Throws a RangeError for
 * non-finite values or options, a baseline that is not a whole number >= 1, or floor > ceiling.
 */
export function xmrChart(values: readonly number[], options: XmrOptions = {}): XmrResult {
  assertFiniteValues(values, 'xmrChart');
  if (options.baselinePoints !== undefined) assertCount(options.baselinePoints, 'xmrChart: baselinePoints', 1);
  if (options.floor !== undefined) assertFinite(options.floor, 'xmrChart: floor');
  if (options.ceiling !== undefined) assertFinite(options.ceiling, 'xmrChart: ceiling');
  if (options.floor !== undefined && options.ceiling !== undefined && options.floor > options.ceiling) {
    throw new RangeError('xmrChart: floor is above ceiling');
  }
  const constant = options.constant ?? NHS_XMR_CONSTANT;
  assertFinite(constant, 'xmrChart: constant');
  const screened = options.screenMovingRanges ?? false;
  const higherIsBetter = options.higherIsBetter ?? null;

  const n = values.length;
  const baselinePoints = Math.min(options.baselinePoints ?? n, n);
  const baseline = values.slice(0, baselinePoints);
  const centre = mean(baseline);
  const movingRanges = values.map((value, i) => (i === 0 ? null : Math.abs(value - (values[i - 1] as number))));

  // Moving ranges inside the baseline: indices 1..baselinePoints-1.
  const baselineRanges = movingRanges
    .slice(1, baselinePoints)
    .map((range, k) => ({ index: k + 1, range: range as number }));
  let mrBar = mean(baselineRanges.map((entry) => entry.range));
  const screenedOut: number[] = [];
  if (screened && mrBar !== null && mrBar > 0) {
    const cutOff = MOVING_RANGE_SCREEN_FACTOR * mrBar;
    const kept = baselineRanges.filter((entry) => entry.range < cutOff);
    for (const entry of baselineRanges) if (entry.range >= cutOff) screenedOut.push(entry.index);
    mrBar = mean(kept.map((entry) => entry.range));
  }

  const limit = (sign: 1 | -1, multiple: number): number | null =>
    centre === null || mrBar === null ? null : clamp(centre + sign * multiple * mrBar, options.floor, options.ceiling);
  const upperLimit = limit(1, constant);
  const lowerLimit = limit(-1, constant);
  const upperTwoSigma = limit(1, (2 * constant) / 3);
  const lowerTwoSigma = limit(-1, (2 * constant) / 3);

  const signals: XmrSignal[] = [];
  if (centre !== null) {
    const outside = values.map(
      (value) => upperLimit !== null && lowerLimit !== null && (value > upperLimit || value < lowerLimit),
    );
    const close = values.map(
      (value, i) =>
        upperTwoSigma !== null &&
        lowerTwoSigma !== null &&
        !outside[i] &&
        (value > upperTwoSigma || value < lowerTwoSigma),
    );
    signals.push(...specialCauses(values, centre, outside, close, higherIsBetter));
  }

  return {
    n,
    baselinePoints,
    mean: centre,
    movingRanges,
    mrBar,
    screenedOut,
    movingRangeUpperLimit: mrBar === null ? null : MOVING_RANGE_SCREEN_FACTOR * mrBar,
    upperLimit,
    lowerLimit,
    upperTwoSigma,
    lowerTwoSigma,
    constant,
    screened,
    trial: baselinePoints < XMR_TRIAL_BELOW_POINTS,
    signals,
  };
}
