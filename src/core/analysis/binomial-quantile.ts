// Binomial quantile exactly as R's qbinom defines it (lower tail), for the Anhøj crossings rule.

import { assertCount, assertFinite } from './validate-input.js';

const DBL_EPSILON = Number.EPSILON;

/**
 * Cumulative probabilities P(X <= k), k = 0..size, of Binomial(size, prob), 0 < prob < 1.
 * The probabilities are built from the mode outwards with the ratio
 * P(k + 1) / P(k) = (size - k) / (k + 1) × prob / (1 - prob) and normalised at the end, so
 * nothing overflows or underflows at the mode for any size, and dyadic cases such as
 * Binomial(2, 0.5) come out exact.
 */
function cumulativeProbabilities(size: number, prob: number): number[] {
  const odds = prob / (1 - prob);
  const mode = Math.min(size, Math.floor((size + 1) * prob));
  const weights = new Array<number>(size + 1).fill(0);
  weights[mode] = 1;
  for (let k = mode; k < size; k++) {
    weights[k + 1] = ((weights[k] as number) * (size - k) * odds) / (k + 1);
  }
  for (let k = mode; k > 0; k--) {
    weights[k - 1] = ((weights[k] as number) * k) / ((size - k + 1) * odds);
  }
  let total = 0;
  for (const weight of weights) total += weight;
  const cumulative: number[] = [];
  let running = 0;
  for (const weight of weights) {
    running += weight;
    cumulative.push(running / total);
  }
  return cumulative;
}

/**
 * R's `qbinom(p, size, prob)` (lower tail, not log): the smallest x with P(X <= x) >= p, where
 * p is first multiplied by 1 - 64 × DBL_EPSILON, R's "fuzz to ensure left continuity" (R
 * nmath/qbinom.c). Without the fuzz a cumulative probability that equals p mathematically but
 * falls an ulp short in floating point would give x + 1. R's other boundary rules are kept:
 * p = 0 or prob = 0 or size = 0 → 0; p = 1, prob = 1 or p + 1.01 DBL_EPSILON >= 1 → size.
 * Throws a RangeError for p or prob outside 0..1 or a size that is not a whole number.
 */
export function binomialQuantile(p: number, size: number, prob: number): number {
  assertFinite(p, 'binomialQuantile: p');
  assertFinite(prob, 'binomialQuantile: prob');
  assertCount(size, 'binomialQuantile: size');
  if (p < 0 || p > 1) throw new RangeError(`binomialQuantile: p must be between 0 and 1 (got ${p})`);
  if (prob < 0 || prob > 1) throw new RangeError(`binomialQuantile: prob must be between 0 and 1 (got ${prob})`);
  if (p === 0 || prob === 0 || size === 0) return 0;
  if (p === 1 || prob === 1 || p + 1.01 * DBL_EPSILON >= 1) return size;
  const target = p * (1 - 64 * DBL_EPSILON);
  const cumulative = cumulativeProbabilities(size, prob);
  const index = cumulative.findIndex((probability) => probability >= target);
  return index === -1 ? size : index;
}
