import { describe, expect, it } from 'vitest';
import { pPrimeChart } from '../../../src/core/analysis/p-prime.js';
import { xmrChart } from '../../../src/core/analysis/xmr.js';

// Published example: PowerBI-SPC (AUS-DOH-Safety-and-Quality), test/fixtures/golden/pp/basic.qicharts2.json,
// generated in R 4.5.1 with the Laney P′ method that qicharts2's `qic.pprime` (chart = 'pp') implements:
// 20 months of emergency attendances seen within 4 hours (numerators) out of all attendances (denominators).
// Expected centre 0.9529 and the 3-sigma limits ul99 / ll99, printed to 6 decimals.
const published = {
  yes: [
    266501, 264225, 276532, 281461, 269071, 261215, 270409, 279778, 270483, 270320, 267923, 271478, 255353, 256820,
    261835, 259144, 255910, 260863, 264465, 260989,
  ],
  n: [
    280443, 276823, 291681, 296155, 282343, 275888, 283867, 295251, 284468, 282529, 279618, 283932, 266629, 268091,
    276803, 271578, 266005, 273520, 278574, 273772,
  ],
  centre: 0.9529,
  values: [
    0.950286, 0.954491, 0.948063, 0.950384, 0.952993, 0.946815, 0.95259, 0.947594, 0.950838, 0.956787, 0.958175,
    0.956137, 0.957709, 0.957958, 0.945925, 0.954216, 0.96205, 0.953726, 0.949353, 0.953308,
  ],
  ul99: [
    0.96567, 0.965753, 0.965421, 0.965326, 0.965627, 0.965775, 0.965593, 0.965345, 0.965579, 0.965623, 0.965689,
    0.965591, 0.965996, 0.965961, 0.965753, 0.965877, 0.966012, 0.96583, 0.965713, 0.965824,
  ],
  ll99: [
    0.94013, 0.940046, 0.940378, 0.940473, 0.940173, 0.940025, 0.940207, 0.940454, 0.94022, 0.940177, 0.940111,
    0.940208, 0.939803, 0.939839, 0.940046, 0.939923, 0.939788, 0.939969, 0.940087, 0.939975,
  ],
  ul95: [
    0.961413, 0.961469, 0.961247, 0.961184, 0.961384, 0.961483, 0.961362, 0.961197, 0.961353, 0.961382, 0.961426,
    0.961361, 0.961631, 0.961607, 0.961469, 0.961551, 0.961641, 0.96152, 0.961442, 0.961516,
  ],
};

const points = published.yes.map((yes, i) => ({ yes, n: published.n[i] as number }));

describe('pPrimeChart', () => {
  it("reproduces the published Laney P′ limits (qicharts2 chart = 'pp') of 20 months of 4-hour attendances", () => {
    const chart = pPrimeChart(points);
    expect(chart.centre).toBeCloseTo(published.centre, 4);
    chart.proportions.forEach((p, i) => expect(p).toBeCloseTo(published.values[i] as number, 6));
    chart.upperLimits.forEach((u, i) => expect(u).toBeCloseTo(published.ul99[i] as number, 6));
    chart.lowerLimits.forEach((l, i) => expect(l).toBeCloseTo(published.ll99[i] as number, 6));
    // Two-sigma lines: p̄ + 2 σ_i σ_z, the published 95% line.
    chart.upperTwoSigma.forEach((u, i) => expect(u).toBeCloseTo(published.ul95[i] as number, 6));
    // The between-month variation is ten times the binomial one: a plain P chart would flag almost every month.
    expect(chart.sigmaZ).toBeGreaterThan(10);
    expect(chart.signals.filter((s) => s.type === 'outside-limits')).toEqual([]);
    expect(chart.trial).toBe(false);
  });

  it('gives the limits of an XmR chart of z when every denominator is the same (σ_i is then one constant)', () => {
    const same = [12, 15, 11, 14, 18, 13, 12, 16, 17, 10, 14, 15].map((yes) => ({ yes, n: 25 }));
    const chart = pPrimeChart(same);
    const p = chart.proportions;
    const xmr = xmrChart(p, { constant: 3 / 1.128 });
    expect(chart.centre).toBeCloseTo(xmr.mean ?? NaN, 12);
    expect(chart.upperLimits[0]).toBeCloseTo(xmr.upperLimit ?? NaN, 12);
    expect(chart.lowerLimits[5]).toBeCloseTo(xmr.lowerLimit ?? NaN, 12);
  });

  it('marks a point beyond its own limit by the measure direction, with the XmR rules', () => {
    const series = [20, 21, 19, 20, 22, 21, 20, 19, 21, 20, 29, 20].map((yes, i) => ({ yes, n: i === 10 ? 30 : 25 }));
    const up = pPrimeChart(series, { higherIsBetter: true, baselinePoints: 10 });
    expect(up.signals).toContainEqual({ index: 10, type: 'outside-limits', direction: 'improvement', side: 'high' });
    const down = pPrimeChart(series, { higherIsBetter: false, baselinePoints: 10 });
    expect(down.signals.find((s) => s.index === 10)?.direction).toBe('concern');
  });

  it('keeps limits inside 0 and 1, uses only the baseline for p̄ and σ_z, and refuses impossible points', () => {
    const series = [1, 0, 2, 1, 0, 1, 25, 24, 25, 23].map((yes) => ({ yes, n: 25 }));
    const chart = pPrimeChart(series, { baselinePoints: 6 });
    expect(chart.centre).toBeCloseTo(5 / 150, 12);
    for (const l of chart.lowerLimits) expect(l).toBeGreaterThanOrEqual(0);
    for (const u of chart.upperLimits) expect(u).toBeLessThanOrEqual(1);
    expect(chart.signals.filter((s) => s.index >= 6).every((s) => s.type === 'outside-limits')).toBe(true);
    expect(() => pPrimeChart([{ yes: 5, n: 4 }])).toThrow(RangeError);
    expect(() => pPrimeChart([{ yes: 1, n: 0 }])).toThrow(RangeError);
  });
});
