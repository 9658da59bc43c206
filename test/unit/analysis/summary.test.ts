// Specification of group summaries: n, mean, sample SD, median and proportion.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { correlation, median, proportion, summarise } from '../../../src/core/analysis/index.js';
import { vector } from './vectors.js';

describe('summarise', () => {
  it('gives n, mean and the sample SD with denominator n - 1', () => {
    // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, sum of squares 32, sample variance 32/7.
    const result = summarise([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(result.n).toBe(8);
    expect(result.mean).toBe(5);
    expect(result.sd).toBeCloseTo(Math.sqrt(32 / 7), 14);
  });

  it("reproduces effsize's one-sample d for the moon data: mean/sd 4.294 and (mean - 1)/sd 1.359", () => {
    // effsize cohen.d(~ moon) and cohen.d(~ moon, mu = 1) divide by the sample SD (n - 1),
    // so they test summarise's SD convention.
    const misc = vector('effect_size', 'effsize-misc').expected as Record<string, unknown>[];
    const moon = misc.find((entry) => Array.isArray(entry.moon)) as { moon: number[]; d_mu0: number; d_mu1: number };
    const { mean, sd } = summarise(moon.moon);
    expect((mean as number) / (sd as number)).toBeCloseTo(moon.d_mu0, 3);
    expect(((mean as number) - 1) / (sd as number)).toBeCloseTo(moon.d_mu1, 3);
  });

  it('has no SD for one value and no mean for none', () => {
    expect(summarise([7])).toEqual({ n: 1, mean: 7, sd: null });
    expect(summarise([])).toEqual({ n: 0, mean: null, sd: null });
  });

  it('gives a constant series its constant as mean and an SD of exactly 0', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 2, max: 50 }), (value, n) => {
        const result = summarise(new Array<number>(n).fill(value));
        expect(result.mean === value).toBe(true); // === so that 0 and -0 count as equal
        expect(result.sd).toBe(0);
      }),
    );
  });

  it('rejects values that are not finite numbers', () => {
    expect(() => summarise([1, Number.NaN])).toThrow(RangeError);
    expect(() => summarise([Number.POSITIVE_INFINITY])).toThrow(RangeError);
  });
});

describe('median', () => {
  it('is the middle value, or the mean of the two middle values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe('proportion', () => {
  it('is count / n as a fraction, and null for n = 0', () => {
    expect(proportion(3, 12)).toBe(0.25);
    expect(proportion(0, 0)).toBeNull();
  });

  it('rejects a count larger than n or a count that is not whole', () => {
    expect(() => proportion(5, 4)).toThrow(RangeError);
    expect(() => proportion(1.5, 4)).toThrow(RangeError);
  });
});

describe('correlation', () => {
  // Anscombe (1973), "Graphs in statistical analysis": the quartet's x with y1, y2 and y3; R's
  // cor(anscombe$x1, anscombe$y1) etc. give 0.8164205, 0.8162365 and 0.8162867.
  const x = [10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5];
  it("reproduces R's cor() on Anscombe's quartet", () => {
    expect(correlation(x, [8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68])).toBeCloseTo(
      0.8164205,
      7,
    );
    expect(correlation(x, [9.14, 8.14, 8.74, 8.77, 9.26, 8.1, 6.13, 3.1, 9.13, 7.26, 4.74])).toBeCloseTo(0.8162365, 7);
    expect(correlation(x, [7.46, 6.77, 12.74, 7.11, 7.81, 8.84, 6.08, 5.39, 8.15, 6.42, 5.73])).toBeCloseTo(
      0.8162867,
      7,
    );
  });

  it('is null without spread or with fewer than two pairs, and refuses unequal lengths', () => {
    expect(correlation([1, 2, 3], [4, 4, 4])).toBeNull();
    expect(correlation([1], [2])).toBeNull();
    expect(() => correlation([1, 2], [1])).toThrow(RangeError);
  });

  it('lies in [-1, 1], is symmetric and does not change when either side is shifted or scaled up', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: -1000, max: 1000 })), {
          minLength: 2,
          maxLength: 40,
        }),
        fc.integer({ min: 1, max: 9 }),
        (pairs, k) => {
          const a = pairs.map((p) => p[0]);
          const b = pairs.map((p) => p[1]);
          const r = correlation(a, b);
          if (r === null) return;
          expect(Math.abs(r)).toBeLessThanOrEqual(1);
          expect(correlation(b, a)).toBeCloseTo(r, 12);
          expect(
            correlation(
              a.map((v) => v * k + 7),
              b,
            ),
          ).toBeCloseTo(r, 9);
        },
      ),
    );
  });
});
