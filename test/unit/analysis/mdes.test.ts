// The minimum detectable effect size of a planned comparison (statistics.md, "Planning"; Bloom 1995), and the t
// quantile under it, against published values.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minimumDetectableEffect, tQuantile } from '../../../src/core/analysis/mdes.js';

describe('tQuantile', () => {
  it('matches the published table of critical values of t (NIST/SEMATECH e-Handbook, 1.3.6.7.2) to 3 decimals', () => {
    const table: [number, number][] = [
      [10, 2.228],
      [20, 2.086],
      [30, 2.042],
      [60, 2.0],
      [100, 1.984],
    ];
    for (const [df, t] of table) expect(tQuantile(0.975, df)).toBeCloseTo(t, 3);
  });

  it("matches R's qt to 6 decimals (qt(0.975, 20) = 2.085963, qt(0.8, 20) = 0.859964, qt(0.8, 98) = 0.845304)", () => {
    expect(tQuantile(0.975, 20)).toBeCloseTo(2.085963, 6);
    expect(tQuantile(0.8, 20)).toBeCloseTo(0.859964, 6);
    expect(tQuantile(0.8, 10)).toBeCloseTo(0.879058, 6);
    expect(tQuantile(0.8, 98)).toBeCloseTo(0.845304, 6);
  });

  it('refuses a probability outside (0, 1) or degrees of freedom of 0', () => {
    expect(() => tQuantile(1, 10)).toThrow(RangeError);
    expect(() => tQuantile(0.5, 0)).toThrow(RangeError);
  });
});

describe('minimumDetectableEffect', () => {
  it("gives Bloom's multiplier of 2.80 for large groups (1.96 + 0.84, two-sided 5%, power 80%)", () => {
    const big = minimumDetectableEffect(500_000, 500_000);
    expect(big?.multiplier).toBeCloseTo(2.8016, 4);
  });

  it('works the example by hand: 50 learners in each group, df 98, MDES = 2.829771 × √(2/50) = 0.5660', () => {
    // qt(0.975, 98) + qt(0.8, 98) = 1.984467 + 0.845304 = 2.829771.
    const plan = minimumDetectableEffect(50, 50);
    expect(plan?.df).toBe(98);
    expect(plan?.multiplier).toBeCloseTo(2.829771, 5);
    expect(plan?.mdes).toBeCloseTo(0.565954, 5);
    // A pre-test correlated 0.7 with the outcome: × √(1 - 0.49) = 0.404172.
    expect(minimumDetectableEffect(50, 50, 0.7)?.mdes).toBeCloseTo(0.404172, 5);
  });

  it('works a small design by hand: 11 and 11 learners, df 20: (2.085963 + 0.859964) × √(2/11) = 1.2562', () => {
    expect(minimumDetectableEffect(11, 11)?.mdes).toBeCloseTo(1.256147, 5);
  });

  it('is null without two learners in each group or with a correlation of ±1', () => {
    expect(minimumDetectableEffect(1, 30)).toBeNull();
    expect(minimumDetectableEffect(30, 0)).toBeNull();
    expect(minimumDetectableEffect(30, 30, 1)).toBeNull();
  });

  it('shrinks as either group grows, and is the same whichever group is which', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 400 }), fc.integer({ min: 2, max: 400 }), (n1, n2) => {
        const m = minimumDetectableEffect(n1, n2)?.mdes as number;
        expect(minimumDetectableEffect(n2, n1)?.mdes).toBeCloseTo(m, 10);
        expect(minimumDetectableEffect(n1 + 1, n2)?.mdes as number).toBeLessThan(m);
      }),
    );
  });
});
