// Specification of disclosure control: primary and secondary suppression, markers, percentages.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SUPPRESSION_THRESHOLD,
  percentageOrMarker,
  suppressCells,
  type CountCell,
} from '../../../src/core/analysis/index.js';

const cells = (counts: Record<string, number>): CountCell[] => Object.entries(counts).map(([key, n]) => ({ key, n }));
const threshold = DEFAULT_SUPPRESSION_THRESHOLD;

describe('suppressCells', () => {
  it('suppresses counts from 1 to 4 by default (Scottish Government: numbers under five)', () => {
    const result = suppressCells(cells({ a: 1, b: 4, c: 5, d: 12 }), { threshold });
    expect(result.suppressed).toEqual([
      { key: 'a', reason: 'primary' },
      { key: 'b', reason: 'primary' },
    ]);
    expect(result.shown.map((cell) => cell.key)).toEqual(['c', 'd']);
    expect(result.totalSuppressed).toBeNull();
  });

  it('shows a true zero unless told to suppress zeros', () => {
    expect(suppressCells(cells({ a: 0, b: 9 }), { threshold }).suppressed).toEqual([]);
    expect(suppressCells(cells({ a: 0, b: 9 }), { threshold, suppressZeros: true }).suppressed).toEqual([
      { key: 'a', reason: 'primary' },
    ]);
  });

  it('also suppresses the next-smallest part when a total is shown and only one part is hidden', () => {
    const result = suppressCells(cells({ q1: 3, q2: 12, q3: 7, q4: 20 }), { threshold, total: 42 });
    expect(result.suppressed).toEqual([
      { key: 'q1', reason: 'primary' },
      { key: 'q3', reason: 'secondary' },
    ]);
  });

  it('never picks a zero as the second hidden part, since hiding it would protect nothing', () => {
    // Hiding 3 and 0 would leave 32 - 9 - 20 = 3: the hidden count.
    const result = suppressCells(cells({ a: 3, z: 0, b: 9, c: 20 }), { threshold, total: 32 });
    expect(result.suppressed).toEqual([
      { key: 'a', reason: 'primary' },
      { key: 'b', reason: 'secondary' },
    ]);
  });

  it('picks the first of equally small parts', () => {
    const result = suppressCells(cells({ a: 2, b: 6, c: 6 }), { threshold, total: 14 });
    expect(result.suppressed).toEqual([
      { key: 'a', reason: 'primary' },
      { key: 'b', reason: 'secondary' },
    ]);
  });

  it('needs no secondary suppression when two parts are already hidden', () => {
    const result = suppressCells(cells({ a: 2, b: 3, c: 40 }), { threshold, total: 45 });
    expect(result.suppressed.map((cell) => cell.reason)).toEqual(['primary', 'primary']);
  });

  it('needs no secondary suppression when no total is shown', () => {
    const result = suppressCells(cells({ a: 2, b: 30, c: 40 }), { threshold });
    expect(result.suppressed).toEqual([{ key: 'a', reason: 'primary' }]);
  });

  it('hides a total that is itself a small count', () => {
    const result = suppressCells(cells({ yes: 1, no: 2 }), { threshold, total: 3 });
    expect(result.totalSuppressed).toBe('primary');
  });

  it('hides the total when no non-zero part is left to hide with a suppressed one', () => {
    // Zeros suppressed: the 0s are hidden, then 7 is hidden with them, and that would leave
    // total - shown = 7; only hiding the total protects the 7.
    const result = suppressCells(cells({ a: 0, b: 0, c: 7 }), { threshold, total: 7, suppressZeros: true });
    expect(result.totalSuppressed).toBe('secondary');
    expect(result.shown).toEqual([]);
  });

  it('rejects a total that is not the sum of the parts, repeated keys and counts that are not whole', () => {
    expect(() => suppressCells(cells({ a: 3, b: 9 }), { threshold, total: 14 })).toThrow(RangeError);
    expect(() =>
      suppressCells(
        [
          { key: 'a', n: 3 },
          { key: 'a', n: 9 },
        ],
        { threshold },
      ),
    ).toThrow(RangeError);
    expect(() => suppressCells([{ key: 'a', n: 2.5 }], { threshold })).toThrow(RangeError);
    expect(() => suppressCells([{ key: 'a', n: 2 }], { threshold: 0 })).toThrow(RangeError);
  });

  const tables = fc.record({
    counts: fc.array(fc.nat({ max: 30 }), { minLength: 1, maxLength: 8 }),
    threshold: fc.integer({ min: 1, max: 10 }),
    suppressZeros: fc.boolean(),
  });
  const asCells = (counts: number[]): CountCell[] => counts.map((n, i) => ({ key: `part${i}`, n }));

  it('never lets total minus the shown parts reveal a suppressed count', () => {
    fc.assert(
      fc.property(tables, ({ counts, threshold: t, suppressZeros }) => {
        const parts = asCells(counts);
        const total = counts.reduce((a, b) => a + b, 0);
        const result = suppressCells(parts, { threshold: t, total, suppressZeros });
        if (result.totalSuppressed !== null || result.suppressed.length === 0) return;
        const hiddenSum = total - result.shown.reduce((sum, cell) => sum + cell.n, 0);
        const hidden = parts.filter((part) => result.suppressed.some((cell) => cell.key === part.key));
        expect(hidden.length).toBeGreaterThanOrEqual(2);
        for (const part of hidden) expect(hiddenSum).not.toBe(part.n);
      }),
    );
  });

  it('never shows a count from 1 to threshold - 1, with or without a total', () => {
    fc.assert(
      fc.property(tables, fc.boolean(), ({ counts, threshold: t, suppressZeros }, withTotal) => {
        const total = withTotal ? counts.reduce((a, b) => a + b, 0) : null;
        const result = suppressCells(asCells(counts), { threshold: t, total, suppressZeros });
        for (const cell of result.shown) expect(cell.n === 0 || cell.n >= t).toBe(true);
        if (suppressZeros) for (const cell of result.shown) expect(cell.n).toBeGreaterThanOrEqual(t);
      }),
    );
  });
});

describe('percentageOrMarker', () => {
  it('suppresses a percentage on a small denominator ("1 of 3 = 33%")', () => {
    expect(percentageOrMarker(1, 3, { threshold })).toBe('[c]');
  });

  it('suppresses a percentage whose count, or whose complement, is small', () => {
    expect(percentageOrMarker(2, 40, { threshold })).toBe('[c]');
    expect(percentageOrMarker(38, 40, { threshold })).toBe('[c]');
  });

  it('gives the percentage when nothing can be worked out from it', () => {
    expect(percentageOrMarker(20, 40, { threshold })).toBe(50);
    expect(percentageOrMarker(0, 12, { threshold })).toBe(0);
    expect(percentageOrMarker(12, 12, { threshold })).toBe(100);
  });

  it('marks a percentage of nobody not applicable', () => {
    expect(percentageOrMarker(0, 0, { threshold })).toBe('[z]');
  });

  it('marks a non-zero percentage that would print as 0 low', () => {
    expect(percentageOrMarker(5, 5000, { threshold, decimals: 0 })).toBe('[low]');
    expect(percentageOrMarker(5, 5000, { threshold, decimals: 1 })).toBeCloseTo(0.1, 12);
  });

  it('rejects a count larger than its denominator', () => {
    expect(() => percentageOrMarker(5, 4, { threshold })).toThrow(RangeError);
  });
});
