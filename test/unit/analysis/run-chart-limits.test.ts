// Specification of the run-chart limit tables: Anhøj limits, R's qbinom, Swed-Eisenhart runs limits.

import { describe, expect, it } from 'vitest';
import { anhoejLimits, binomialQuantile, runsLimits } from '../../../src/core/analysis/index.js';
import { EXACT_RUNS_LIMITS_UP_TO, logSpaceRunsLimits } from '../../../src/core/analysis/runs-limits.js';
import { vector } from './vectors.js';

describe('anhoejLimits', () => {
  it('reproduces the qicharts2 Appendix 2 table for 10 to 100 useful observations', () => {
    const table = vector('run_chart', 'anhoej-critical-values-10-100').expected as {
      n: number;
      longest_run_max: number;
      n_crossings_min: number;
    }[];
    expect(table).toHaveLength(91);
    for (const row of table) {
      expect({ n: row.n, ...anhoejLimits(row.n) }).toEqual({
        n: row.n,
        longestRunMax: row.longest_run_max,
        crossingsMin: row.n_crossings_min,
      });
    }
  });

  it('matches the limits stated in statistics.md for n = 10, 20 and 24', () => {
    expect(anhoejLimits(10)).toEqual({ longestRunMax: 6, crossingsMin: 2 });
    expect(anhoejLimits(20)).toEqual({ longestRunMax: 7, crossingsMin: 6 });
    expect(anhoejLimits(24)).toEqual({ longestRunMax: 8, crossingsMin: 8 });
  });

  it('rejects fewer than one useful observation', () => {
    expect(() => anhoejLimits(0)).toThrow(RangeError);
  });
});

describe('binomialQuantile', () => {
  it('is the smallest x with P(X <= x) >= p', () => {
    // Binomial(9, 0.5): P(X <= 1) = 10/512 = 0.0195, P(X <= 2) = 46/512 = 0.0898.
    expect(binomialQuantile(0.05, 9, 0.5)).toBe(2);
    // Binomial(4, 0.5): P(X <= 1) = 5/16 = 0.3125, P(X <= 2) = 11/16.
    expect(binomialQuantile(0.5, 4, 0.5)).toBe(2);
  });

  it("keeps R's left continuity where P(X <= x) equals p exactly", () => {
    // R: qbinom(0.25, 2, 0.5) = 0, qbinom(0.75, 2, 0.5) = 1, qbinom(0.5, 1, 0.5) = 0.
    expect(binomialQuantile(0.25, 2, 0.5)).toBe(0);
    expect(binomialQuantile(0.75, 2, 0.5)).toBe(1);
    expect(binomialQuantile(0.5, 1, 0.5)).toBe(0);
    // 1/32 is exact in binary; P(X <= 0) for Binomial(5, 0.5) is 1/32.
    expect(binomialQuantile(1 / 32, 5, 0.5)).toBe(0);
    // 0.1 is not exact, and R's fuzz of 64 DBL_EPSILON absorbs the rounding of 1 - 0.9:
    // R: qbinom(0.1, 1, 0.1) = 0 since P(X <= 0) = 0.9 >= 0.1.
    expect(binomialQuantile(0.1, 1, 0.1)).toBe(0);
    // P(X <= 0) = 0.9 for Binomial(1, 0.1): R gives qbinom(0.9, 1, 0.1) = 0.
    expect(binomialQuantile(0.9, 1, 0.1)).toBe(0);
  });

  it("keeps R's boundary rules", () => {
    expect(binomialQuantile(0, 10, 0.5)).toBe(0);
    expect(binomialQuantile(1, 10, 0.5)).toBe(10);
    expect(binomialQuantile(0.5, 0, 0.5)).toBe(0);
    expect(binomialQuantile(0.5, 10, 0)).toBe(0);
    expect(binomialQuantile(0.5, 10, 1)).toBe(10);
  });

  it('stays exact for very long series', () => {
    // scipy.stats.binom.ppf(0.05, 5000, 0.5) = 2442.
    expect(binomialQuantile(0.05, 5000, 0.5)).toBe(2442);
  });

  it('rejects probabilities outside 0..1 and sizes that are not whole numbers', () => {
    expect(() => binomialQuantile(1.5, 10, 0.5)).toThrow(RangeError);
    expect(() => binomialQuantile(0.5, 10.5, 0.5)).toThrow(RangeError);
  });
});

describe('runsLimits', () => {
  it('reproduces the derived Swed-Eisenhart table for 10 to 100 useful observations', () => {
    // The vector is "derived: exact runs distribution, n1 = floor(n/2), n2 = ceil(n/2), 2.5% each
    // tail" and not verified against Perla et al. 2011 Table 1. sipp computes the same exact
    // distribution independently (BigInt arithmetic) rather than embedding the table.
    const table = vector('run_chart', 'swed-eisenhart-runs-limits-10-100').expected as {
      n: number;
      fewest_runs_not_signal: number;
      most_runs_not_signal: number;
    }[];
    expect(table).toHaveLength(91);
    for (const row of table) {
      expect({ n: row.n, ...runsLimits(row.n) }).toEqual({
        n: row.n,
        fewest: row.fewest_runs_not_signal,
        most: row.most_runs_not_signal,
      });
    }
  });

  it('puts no more than 2.5% of random arrangements in each signal tail (n = 10, by hand)', () => {
    // n1 = n2 = 5, C(10, 5) = 252 arrangements. Runs = 2: 2 arrangements (0.8%); runs = 3: 8 more
    // (cumulative 4.0% > 2.5%), so fewer than 3 runs is the lower signal. By symmetry of the
    // distribution about 6 runs, more than 9 runs (10 runs: 2 arrangements) is the upper signal.
    expect(runsLimits(10)).toEqual({ fewest: 3, most: 9 });
  });

  it('extends beyond the published range without overflow', () => {
    // Exact distribution for n1 = n2 = 250, computed independently with Python integers.
    expect(runsLimits(500)).toEqual({ fewest: 229, most: 273 });
  });

  it('rejects fewer than 2 useful observations', () => {
    expect(() => runsLimits(1)).toThrow(RangeError);
  });
});

describe('runsLimits for long series (issue 8: its cost must stay small)', () => {
  it('gives, in log space, exactly the limits of the exact integer computation, wherever both are used', () => {
    const sizes = [...Array.from({ length: 399 }, (_, i) => i + 2), 500, 640, 777, 901, EXACT_RUNS_LIMITS_UP_TO];
    const differ = sizes.filter((n) => {
      const exact = runsLimits(n);
      const logSpace = logSpaceRunsLimits(n);
      return exact.fewest !== logSpace.fewest || exact.most !== logSpace.most;
    });
    expect(differ).toEqual([]);
  });

  it('works out the limits of 40,000 points at once, symmetric about the expected number of runs', () => {
    // (The cost is measured by `npm run bench`; with exact integers this took minutes.)
    const limits = runsLimits(40_000);
    // Expected runs 1 + n/2 = 20,001, SD about sqrt(n)/2 = 100: the 2.5% tails lie near ±1.96 SD.
    expect(limits.fewest).toBeGreaterThan(20_001 - 2.1 * 100);
    expect(limits.fewest).toBeLessThan(20_001 - 1.8 * 100);
    expect(limits.most).toBeGreaterThan(20_001 + 1.8 * 100);
    expect(limits.most).toBeLessThan(20_001 + 2.1 * 100);
  });
});
