// Swed-Eisenhart limits for the number of runs about the median, from the exact run-count distribution.

import { logGamma } from './log-gamma.js';
import { assertCount } from './validate-input.js';

/** The range of run counts that is not a signal for a number of useful observations. */
export interface RunsLimits {
  /** Fewer runs than this is a "too few runs" signal. */
  fewest: number;
  /** More runs than this is a "too many runs" signal. */
  most: number;
}

/** Smallest number of useful observations the runs rule is applied to (IHI; statistics.md). */
export const RUNS_RULE_MIN_USEFUL = 10;

/** Exact binomial coefficient C(n, k) as a BigInt (0 outside 0 <= k <= n). */
function choose(n: number, k: number): bigint {
  if (k < 0 || n < 0 || k > n) return 0n;
  const smaller = Math.min(k, n - k);
  let result = 1n;
  for (let i = 1; i <= smaller; i++) {
    result = (result * BigInt(n - smaller + i)) / BigInt(i);
  }
  return result;
}

/**
 * Number of arrangements of n1 points above and n2 below the centre that give exactly r runs
 * (Swed & Eisenhart 1943): for r = 2k, 2 C(n1-1, k-1) C(n2-1, k-1); for r = 2k+1,
 * C(n1-1, k) C(n2-1, k-1) + C(n1-1, k-1) C(n2-1, k). All arrangements: C(n1 + n2, n1).
 */
function arrangementsWithRuns(n1: number, n2: number, r: number): bigint {
  if (r % 2 === 0) {
    const k = r / 2;
    return 2n * choose(n1 - 1, k - 1) * choose(n2 - 1, k - 1);
  }
  const k = (r - 1) / 2;
  return choose(n1 - 1, k) * choose(n2 - 1, k - 1) + choose(n1 - 1, k - 1) * choose(n2 - 1, k);
}

const cache = new Map<number, RunsLimits>();

/**
 * Up to this many useful observations the limits are worked out in exact integer arithmetic (a few milliseconds at
 * most); above it, in floating point from log-gamma, whose cost grows only linearly (exact BigInt binomials took 22 s
 * for 12,000 points). The two agree for every n up to this bound (test/unit/analysis/run-chart-limits.test.ts).
 */
export const EXACT_RUNS_LIMITS_UP_TO = 1000;

/**
 * Swed-Eisenhart limits for n useful observations (points not on the median), as the IHI runs
 * rule uses them (Perla, Provost & Murray 2011): n1 = floor(n/2) above and n2 = ceil(n/2) below,
 * a two-tailed test at alpha = 0.05 with at most 2.5% in each tail of the exact distribution of
 * the number of runs. Computed in exact integer arithmetic up to EXACT_RUNS_LIMITS_UP_TO, so no tail probability
 * that equals 2.5% is misjudged by rounding; in log space above it. Throws a RangeError for n < 2.
 */
export function runsLimits(nUseful: number): RunsLimits {
  assertCount(nUseful, 'runsLimits: number of useful observations', 2);
  const cached = cache.get(nUseful);
  if (cached !== undefined) return { ...cached };
  const limits = nUseful <= EXACT_RUNS_LIMITS_UP_TO ? exactRunsLimits(nUseful) : logSpaceRunsLimits(nUseful);
  cache.set(nUseful, limits);
  return { ...limits };
}

function exactRunsLimits(nUseful: number): RunsLimits {
  const n1 = Math.floor(nUseful / 2);
  const n2 = nUseful - n1;
  const total = choose(nUseful, n1);
  // A tail is a signal while 40 × (arrangements in the tail) <= all arrangements (2.5% = 1/40).
  let fewest = 2;
  let lowerTail = 0n;
  for (let r = 2; r <= nUseful; r++) {
    lowerTail += arrangementsWithRuns(n1, n2, r);
    if (40n * lowerTail > total) break;
    fewest = r + 1;
  }
  let most = nUseful;
  let upperTail = 0n;
  for (let r = nUseful; r >= 2; r--) {
    upperTail += arrangementsWithRuns(n1, n2, r);
    if (40n * upperTail > total) break;
    most = r - 1;
  }
  return { fewest, most };
}

/** ln C(n, k), or -Infinity outside 0 <= k <= n. */
function logChoose(n: number, k: number): number {
  if (k < 0 || n < 0 || k > n) return -Infinity;
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
}

/** ln(e^a + e^b), without overflow. */
function logAdd(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  const high = Math.max(a, b);
  return high + Math.log1p(Math.exp(Math.min(a, b) - high));
}

/** ln of `arrangementsWithRuns`. */
function logArrangementsWithRuns(n1: number, n2: number, r: number): number {
  if (r % 2 === 0) {
    const k = r / 2;
    return Math.LN2 + logChoose(n1 - 1, k - 1) + logChoose(n2 - 1, k - 1);
  }
  const k = (r - 1) / 2;
  return logAdd(logChoose(n1 - 1, k) + logChoose(n2 - 1, k - 1), logChoose(n1 - 1, k - 1) + logChoose(n2 - 1, k));
}

/** The same limits as `exactRunsLimits`, with probabilities in floating point (cost linear in n). */
export function logSpaceRunsLimits(nUseful: number): RunsLimits {
  const n1 = Math.floor(nUseful / 2);
  const n2 = nUseful - n1;
  const logTotal = logChoose(nUseful, n1);
  const probability = (r: number): number => Math.exp(logArrangementsWithRuns(n1, n2, r) - logTotal);
  let fewest = 2;
  let lowerTail = 0;
  for (let r = 2; r <= nUseful; r++) {
    lowerTail += probability(r);
    if (40 * lowerTail > 1) break;
    fewest = r + 1;
  }
  let most = nUseful;
  let upperTail = 0;
  for (let r = nUseful; r >= 2; r--) {
    upperTail += probability(r);
    if (40 * upperTail > 1) break;
    most = r - 1;
  }
  return { fewest, most };
}
