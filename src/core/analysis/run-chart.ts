// Run chart analysis: median, runs, crossings and the IHI, Swed-Eisenhart and Anhøj signals.

import { anhoejLimits } from './anhoej-limits.js';
import { RUNS_RULE_MIN_USEFUL, runsLimits, type RunsLimits } from './runs-limits.js';
import { median } from './summary.js';
import { assertCount, assertFinite, assertFiniteValues } from './validate-input.js';

/** IHI shift: 6 or more consecutive points on one side of the median (Perla et al. 2011). */
export const SHIFT_MIN_POINTS = 6;
/** IHI trend: 5 or more consecutive points all going up or all going down (Perla et al. 2011). */
export const TREND_MIN_POINTS = 5;
/** Fewer points than this: no runs or Anhøj signals, and a note (statistics.md). */
export const RUN_CHART_MIN_POINTS = 10;

export type RunChartSignalType = 'shift' | 'trend' | 'too-few-runs' | 'too-many-runs' | 'long-run' | 'few-crossings';

/** A signal over input indices from..to (inclusive); whole-chart signals span every point. */
export interface RunChartSignal {
  type: RunChartSignalType;
  from: number;
  to: number;
}

export interface RunChartOptions {
  /**
   * Take the median of the first `baselinePoints` points only (a fixed baseline period, as
   * qicharts2's `freeze`). A baseline longer than the series uses every point.
   */
  baselinePoints?: number;
  /**
   * Analyse runs about this fixed centre line instead of the median, as qicharts2 does for a
   * control chart (centre = its mean, or a u-chart's weighted rate). Default: the median.
   */
  centre?: number;
}

export interface RunChartResult {
  /** Number of points. */
  n: number;
  /** Median of all points, or of the baseline period (null for an empty series). */
  median: number | null;
  /** The centre line runs are counted about: `options.centre` if given, else `median`. */
  centre: number | null;
  /** Number of points the median was taken from. */
  baselinePoints: number;
  /** Useful observations: points not on the centre line. */
  useful: number;
  /** Length of the longest run of useful points on one side of the centre (0 if none). */
  longestRun: number;
  /** Anhøj limit round(log2(useful) + 3), or null when the rules are not applied. */
  longestRunMax: number | null;
  /** Number of times the series crosses the centre line (runs - 1). */
  crossings: number;
  /** Anhøj limit qbinom(0.05, useful - 1, 0.5), or null when the rules are not applied. */
  crossingsMin: number | null;
  /** Number of runs. */
  runs: number;
  /** Swed-Eisenhart limits for `useful`, or null when the runs rule is not applied. */
  runsLimits: RunsLimits | null;
  /** qicharts2's `runs.signal`: longest run too long or too few crossings (Anhøj rules). */
  anhoejSignal: boolean;
  /** Signals sorted by first index, then in the order of RunChartSignalType. */
  signals: RunChartSignal[];
  /** Why some rules were not applied, or null when all were. */
  note: string | null;
}

interface Run {
  side: 1 | -1;
  from: number;
  to: number;
  length: number;
}

/** Consecutive equal points, collapsed into one step of a trend. */
interface Step {
  value: number;
  first: number;
  last: number;
}

const SIGNAL_ORDER: readonly RunChartSignalType[] = [
  'shift',
  'trend',
  'too-few-runs',
  'too-many-runs',
  'long-run',
  'few-crossings',
];

/**
 * Runs of useful points: points on the centre line are skipped, neither extending nor breaking
 * a run (IHI; qicharts2 drops them before `rle`).
 */
function runsAbout(values: readonly number[], centre: number): Run[] {
  const runs: Run[] = [];
  values.forEach((value, index) => {
    if (value === centre) return;
    const side = value > centre ? 1 : -1;
    const last = runs[runs.length - 1];
    if (last !== undefined && last.side === side) {
      last.to = index;
      last.length += 1;
    } else {
      runs.push({ side, from: index, to: index, length: 1 });
    }
  });
  return runs;
}

/**
 * IHI trends: 5 or more consecutive points all going up or all going down, where a point equal
 * to the one before it neither adds to nor breaks the trend (statistics.md). Equal neighbours
 * are collapsed into one step; a trend runs from the last of its first equal points to the
 * first of its last equal points, so ties at either end are not part of it.
 */
function trendSignals(values: readonly number[]): RunChartSignal[] {
  const steps: Step[] = [];
  values.forEach((value, index) => {
    const previous = steps[steps.length - 1];
    if (previous !== undefined && previous.value === value) previous.last = index;
    else steps.push({ value, first: index, last: index });
  });
  const step = (i: number): Step => steps[i] as Step;
  const direction = (i: number): number => Math.sign(step(i + 1).value - step(i).value);
  const signals: RunChartSignal[] = [];
  let start = 0;
  while (start < steps.length - 1) {
    let end = start + 1;
    while (end + 1 < steps.length && direction(end) === direction(start)) end += 1;
    if (end - start + 1 >= TREND_MIN_POINTS) {
      signals.push({ type: 'trend', from: step(start).last, to: step(end).first });
    }
    start = end;
  }
  return signals;
}

function whyRulesNotApplied(n: number, useful: number): string | null {
  if (n < RUN_CHART_MIN_POINTS) {
    return `Only ${n} point${n === 1 ? '' : 's'}: the runs rule and the Anhøj rules need at least ${RUN_CHART_MIN_POINTS}, so they are not applied.`;
  }
  if (useful < RUNS_RULE_MIN_USEFUL) {
    return `Only ${useful} point${useful === 1 ? '' : 's'} off the centre line: the runs rule and the Anhøj rules need at least ${RUNS_RULE_MIN_USEFUL}, so they are not applied.`;
  }
  return null;
}

/**
 * Run chart analysis of a series in time order (statistics.md, "Run charts"):
 * - centre line: the median of all points, or of the first `baselinePoints` (or `centre`);
 * - IHI shift (6+ points on one side, points on the centre ignored) and IHI trend (5+ points up
 *   or down, ties ignored), reported for any number of points;
 * - IHI runs rule against the Swed-Eisenhart limits, and the Anhøj rules (qicharts2: longest run
 *   > round(log2(n) + 3), crossings < qbinom(0.05, n - 1, 0.5)), applied only with at least 10
 *   points and 10 useful observations (the Swed-Eisenhart table starts at 10; below that the
 *   result carries a note instead). qicharts2 would apply the Anhøj rules to fewer useful
 *   observations; sipp does not.
 * Throws a RangeError for a non-finite value, a baseline that is not a whole number >= 1, or a
 * non-finite centre.
 */
export function runChart(values: readonly number[], options: RunChartOptions = {}): RunChartResult {
  assertFiniteValues(values, 'runChart');
  if (options.baselinePoints !== undefined) assertCount(options.baselinePoints, 'runChart: baselinePoints', 1);
  if (options.centre !== undefined) assertFinite(options.centre, 'runChart: centre');
  const n = values.length;
  const baselinePoints = Math.min(options.baselinePoints ?? n, n);
  const centreLine = median(values.slice(0, baselinePoints));
  const centre = options.centre ?? centreLine;
  const runs = centre === null ? [] : runsAbout(values, centre);
  const useful = runs.reduce((sum, run) => sum + run.length, 0);
  const longestRun = runs.reduce((longest, run) => Math.max(longest, run.length), 0);
  const crossings = Math.max(runs.length - 1, 0);
  const whole = { from: 0, to: Math.max(n - 1, 0) };

  const signals: RunChartSignal[] = [
    ...runs
      .filter((run) => run.length >= SHIFT_MIN_POINTS)
      .map((run): RunChartSignal => ({ type: 'shift', from: run.from, to: run.to })),
    ...trendSignals(values),
  ];

  const note = whyRulesNotApplied(n, useful);
  let longestRunMax: number | null = null;
  let crossingsMin: number | null = null;
  let limits: RunsLimits | null = null;
  let anhoejSignal = false;
  if (note === null) {
    const anhoej = anhoejLimits(useful);
    longestRunMax = anhoej.longestRunMax;
    crossingsMin = anhoej.crossingsMin;
    limits = runsLimits(useful);
    for (const run of runs) {
      if (run.length > anhoej.longestRunMax) signals.push({ type: 'long-run', from: run.from, to: run.to });
    }
    if (crossings < anhoej.crossingsMin) signals.push({ type: 'few-crossings', ...whole });
    if (runs.length < limits.fewest) signals.push({ type: 'too-few-runs', ...whole });
    if (runs.length > limits.most) signals.push({ type: 'too-many-runs', ...whole });
    anhoejSignal = longestRun > anhoej.longestRunMax || crossings < anhoej.crossingsMin;
  }

  signals.sort((a, b) => a.from - b.from || SIGNAL_ORDER.indexOf(a.type) - SIGNAL_ORDER.indexOf(b.type) || a.to - b.to);
  return {
    n,
    median: centreLine,
    centre,
    baselinePoints,
    useful,
    longestRun,
    longestRunMax,
    crossings,
    crossingsMin,
    runs: runs.length,
    runsLimits: limits,
    anhoejSignal,
    signals,
    note,
  };
}
