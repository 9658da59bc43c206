// Specification of the EEF months-of-progress conversion.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monthsOfProgress } from '../../../src/core/analysis/index.js';
import { vectors } from './vectors.js';

describe('monthsOfProgress', () => {
  for (const band of vectors.eef_months_toolkit) {
    it(`gives ${band.months} months from ${band.from_} to ${band.to} (${band.label})`, () => {
      expect(monthsOfProgress(band.from_)).toBe(band.months);
      expect(monthsOfProgress(band.to)).toBe(band.months);
      expect(monthsOfProgress((band.from_ + band.to) / 2)).toBe(band.months);
    });
  }

  it('gives 12 months for 0.96 and above, however large', () => {
    expect(monthsOfProgress(1.4)).toBe(12);
    expect(monthsOfProgress(3)).toBe(12);
  });

  it('rounds the effect size to 2 decimals before looking it up', () => {
    expect(monthsOfProgress(0.0149)).toBe(0); // 0.01
    expect(monthsOfProgress(0.0151)).toBe(1); // 0.02
    expect(monthsOfProgress(0.094)).toBe(1); // 0.09
    expect(monthsOfProgress(0.096)).toBe(2); // 0.10
  });

  it('rounds the number as stored, as toFixed(2) prints it, so months agree with the printed effect size', () => {
    // 0.955 is stored as 0.95499999999999996…, printed "0.95": 11 months, not 12.
    expect(monthsOfProgress(0.955)).toBe(11);
    // 0.125 is stored exactly; toFixed rounds the tie up to "0.13": 2 months.
    expect(monthsOfProgress(0.125)).toBe(2);
    expect(monthsOfProgress(-0.125)).toBe(-2);
  });

  it('mirrors negative effect sizes to negative months', () => {
    expect(monthsOfProgress(-0.3519)).toBe(-4);
    expect(monthsOfProgress(-0.01)).toBe(0);
    expect(Object.is(monthsOfProgress(-0.004), 0)).toBe(true);
  });

  const effectSize = fc.double({ min: -3, max: 3, noNaN: true });

  it('is odd-symmetric: months(-es) = -months(es)', () => {
    fc.assert(
      fc.property(effectSize, (es) => {
        expect(monthsOfProgress(-es) === -monthsOfProgress(es)).toBe(true);
      }),
    );
  });

  it('never decreases as the effect size grows', () => {
    fc.assert(
      fc.property(effectSize, effectSize, (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(monthsOfProgress(low)).toBeLessThanOrEqual(monthsOfProgress(high));
      }),
    );
  });

  it('rejects an effect size that is not a finite number', () => {
    expect(() => monthsOfProgress(Number.NaN)).toThrow(RangeError);
  });
});
