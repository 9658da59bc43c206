// Specification of the equity gap and its change between baseline and follow-up.

import { describe, expect, it } from 'vitest';
import { equityGap, gapChange, type EquityGap } from '../../../src/core/analysis/index.js';

function must<T>(value: T | null): T {
  if (value === null) throw new Error('expected a value, got null');
  return value;
}

describe('equityGap', () => {
  it('is others minus the equity group, positive when the equity group is behind and higher is better', () => {
    const gap = must(equityGap({ equity: { mean: 41, n: 18 }, others: { mean: 47.5, n: 60 }, higherIsBetter: true }));
    expect(gap.gap).toBe(6.5);
    expect(gap.unit).toBe('points');
    expect(gap.equityN).toBe(18);
    expect(gap.othersN).toBe(60);
  });

  it('reverses the sign when lower is better, so positive still means the equity group is behind', () => {
    // Days absent: the equity group has more, so it is behind.
    const gap = must(equityGap({ equity: { mean: 12, n: 30 }, others: { mean: 7, n: 90 }, higherIsBetter: false }));
    expect(gap.gap).toBe(5);
  });

  it('is in percentage points for a yes/no measure (SIMD quintile 5 minus quintile 1)', () => {
    const gap = must(
      equityGap({ equity: { proportion: 0.55, n: 40 }, others: { proportion: 0.8, n: 35 }, higherIsBetter: true }),
    );
    expect(gap.unit).toBe('percentage points');
    expect(gap.gap).toBeCloseTo(25, 10);
    expect(gap.equityValue).toBeCloseTo(55, 10);
  });

  it('is negative when the equity group is ahead', () => {
    expect(
      must(equityGap({ equity: { mean: 50, n: 10 }, others: { mean: 48, n: 10 }, higherIsBetter: true })).gap,
    ).toBe(-2);
  });

  it('is null when a group has no learners or no value', () => {
    expect(equityGap({ equity: { mean: null, n: 0 }, others: { mean: 48, n: 10 }, higherIsBetter: true })).toBeNull();
    expect(
      equityGap({ equity: { proportion: 0.5, n: 10 }, others: { proportion: null, n: 0 }, higherIsBetter: true }),
    ).toBeNull();
  });

  it('rejects a percentage passed as a proportion, and a mean compared with a proportion', () => {
    expect(() =>
      equityGap({ equity: { proportion: 55, n: 40 }, others: { proportion: 0.8, n: 35 }, higherIsBetter: true }),
    ).toThrow(RangeError);
    expect(() =>
      equityGap({ equity: { mean: 5, n: 40 }, others: { proportion: 0.8, n: 35 }, higherIsBetter: true }),
    ).toThrow(RangeError);
  });
});

describe('gapChange', () => {
  const at = (equity: number, others: number, nEquity: number, nOthers: number): EquityGap =>
    must(
      equityGap({
        equity: { proportion: equity, n: nEquity },
        others: { proportion: others, n: nOthers },
        higherIsBetter: true,
      }),
    );

  it('reports both gaps with their denominators, the change, and whether the gap narrowed', () => {
    const change = must(gapChange(at(0.5, 0.8, 40, 35), at(0.62, 0.82, 38, 36)));
    expect(change.baseline.gap).toBeCloseTo(30, 10);
    expect(change.followUp.gap).toBeCloseTo(20, 10);
    expect(change.change).toBeCloseTo(-10, 10);
    expect(change.narrowed).toBe(true);
    expect(change.favoursEquityGroup).toBe(true);
    expect([
      change.baseline.equityN,
      change.baseline.othersN,
      change.followUp.equityN,
      change.followUp.othersN,
    ]).toEqual([40, 35, 38, 36]);
  });

  it('does not call a gap that flipped to a larger gap the other way "narrowed"', () => {
    const change = must(gapChange(at(0.7, 0.75, 20, 20), at(0.9, 0.75, 20, 20)));
    expect(change.change).toBeCloseTo(-20, 10);
    expect(change.favoursEquityGroup).toBe(true);
    expect(change.narrowed).toBe(false);
  });

  it('is null when either gap is missing', () => {
    expect(gapChange(null, at(0.5, 0.6, 10, 10))).toBeNull();
  });

  it('refuses to compare gaps in different units', () => {
    const points = must(equityGap({ equity: { mean: 40, n: 10 }, others: { mean: 45, n: 10 }, higherIsBetter: true }));
    expect(() => gapChange(points, at(0.5, 0.6, 10, 10))).toThrow(RangeError);
  });
});
