// Anhøj run-chart limits: the longest run and fewest crossings a random series is expected to show.

import { binomialQuantile } from './binomial-quantile.js';
import { assertCount } from './validate-input.js';

export interface AnhoejLimits {
  /** A longest run longer than this is a `long-run` signal: round(log2(n) + 3). */
  longestRunMax: number;
  /** Fewer crossings than this is a `few-crossings` signal: qbinom(0.05, n - 1, 0.5). */
  crossingsMin: number;
}

/**
 * Anhøj limits for n useful observations (Anhøj rules, qicharts2 `runs.analysis`; Anhøj &
 * Olesen 2014; statistics.md): longest run limit round(log2(n) + 3) (Schilling 2012; qicharts2
 * writes round(log2(n)) + 3, the same number because log2(n) + 3 is never exactly half-way for a
 * whole n), and the crossings limit R's qbinom(0.05, n - 1, 0.5) (Chen 2010). Throws a
 * RangeError for n < 1.
 */
export function anhoejLimits(nUseful: number): AnhoejLimits {
  assertCount(nUseful, 'anhoejLimits: number of useful observations', 1);
  return {
    longestRunMax: Math.round(Math.log2(nUseful) + 3),
    crossingsMin: binomialQuantile(0.05, nUseful - 1, 0.5),
  };
}
