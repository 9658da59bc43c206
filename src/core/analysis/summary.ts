// Descriptive statistics of one group or series: n, mean, sample SD, median, proportion.

import type { GroupSummary } from './types.js';
import { assertCount, assertFiniteValues } from './validate-input.js';

/**
 * Arithmetic mean, or null for no values. Computed about the first value
 * (mean = x0 + sum(x - x0) / n) so that a constant series has exactly that constant as its mean.
 */
export function mean(values: readonly number[]): number | null {
  const first = values[0];
  if (first === undefined) return null;
  let shifted = 0;
  for (const value of values) shifted += value - first;
  return first + shifted / values.length;
}

/**
 * n, mean and sample standard deviation (denominator n - 1), as statistics.md "Group summaries"
 * defines them. `mean` is null when n = 0; `sd` is null when n < 2 (one value has no spread).
 * Throws a RangeError for a value that is not a finite number.
 */
export function summarise(values: readonly number[]): GroupSummary {
  assertFiniteValues(values, 'summarise');
  const n = values.length;
  const centre = mean(values);
  if (centre === null) return { n: 0, mean: null, sd: null };
  if (n < 2) return { n, mean: centre, sd: null };
  let squares = 0;
  for (const value of values) squares += (value - centre) ** 2;
  return { n, mean: centre, sd: Math.sqrt(squares / (n - 1)) };
}

/**
 * Median (R's `median`: the mean of the two middle values when n is even), or null for no values.
 */
export function median(values: readonly number[]): number | null {
  assertFiniteValues(values, 'median');
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return null;
  const upper = sorted[Math.floor(n / 2)] as number;
  if (n % 2 === 1) return upper;
  const lower = sorted[n / 2 - 1] as number;
  return (lower + upper) / 2;
}

/**
 * The proportion count / n as a fraction between 0 and 1 (multiply by 100 for a percentage),
 * or null when n = 0. Throws a RangeError unless count and n are whole numbers with count <= n.
 */
export function proportion(count: number, n: number): number | null {
  assertCount(count, 'proportion: count');
  assertCount(n, 'proportion: n');
  if (count > n) throw new RangeError(`proportion: count ${count} is larger than n ${n}`);
  if (n === 0) return null;
  return count / n;
}

/**
 * Pearson's correlation r of paired values (R's `cor(x, y)`), or null with fewer than 2 pairs or when either
 * side has no spread. Used for the before/after correlation of the same learners (statistics.md, "Pre-post change
 * with the raw table").
 */
export function correlation(x: readonly number[], y: readonly number[]): number | null {
  assertFiniteValues(x, 'correlation: x');
  assertFiniteValues(y, 'correlation: y');
  if (x.length !== y.length) throw new RangeError(`correlation: ${x.length} x values but ${y.length} y values`);
  const mx = mean(x);
  const my = mean(y);
  if (mx === null || my === null || x.length < 2) return null;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  x.forEach((xi, i) => {
    const dx = xi - mx;
    const dy = (y[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  });
  if (sxx === 0 || syy === 0) return null;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}
