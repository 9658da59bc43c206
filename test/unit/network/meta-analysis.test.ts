// Random-effects meta-analysis (statistics.md, "Meta-analysis across cycles and partnerships") against metafor's
// published results for dat.bcg (Colditz et al. 1994: 13 BCG vaccine trials, log risk ratios), and its properties.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { metaAnalyse, type StudyEffect } from '../../../src/core/network/meta-analysis.js';

/** The 2x2 counts of dat.bcg (tpos, tneg, cpos, cneg), as statistics.md lists them. */
const BCG: [number, number, number, number][] = [
  [4, 119, 11, 128],
  [6, 300, 29, 274],
  [3, 228, 11, 209],
  [62, 13536, 248, 12619],
  [33, 5036, 47, 5761],
  [180, 1361, 372, 1079],
  [8, 2537, 10, 619],
  [505, 87886, 499, 87892],
  [29, 7470, 45, 7232],
  [17, 1699, 65, 1600],
  [186, 50448, 141, 27197],
  [5, 2493, 3, 2338],
  [27, 16886, 29, 17825],
];
/** y = ln((a/(a+b)) / (c/(c+d))), v = 1/a - 1/(a+b) + 1/c - 1/(c+d) (metafor's escalc, measure "RR"). */
const STUDIES: StudyEffect[] = BCG.map(([a, b, c, d]) => ({
  y: Math.log(a / (a + b) / (c / (c + d))),
  v: 1 / a - 1 / (a + b) + 1 / c - 1 / (c + d),
}));

describe('metaAnalyse on dat.bcg', () => {
  it("reproduces metafor's DerSimonian-Laird fit: μ -0.7141, SE 0.1787, τ² 0.3088, Q 152.233 (df 12), I² 92.12%", () => {
    const dl = metaAnalyse(STUDIES, 'dl');
    expect(dl?.estimate).toBeCloseTo(-0.7141, 4);
    expect(dl?.se).toBeCloseTo(0.1787, 4);
    expect(dl?.tau2).toBeCloseTo(0.3088, 4);
    expect(dl?.q).toBeCloseTo(152.233, 3);
    expect(dl?.df).toBe(12);
    expect(dl?.i2).toBeCloseTo(0.9212, 4);
  });

  it("reproduces metafor's REML fit (its default): μ -0.7145, SE 0.1798, τ² 0.3132, 95% CI -1.0669 to -0.3622", () => {
    const reml = metaAnalyse(STUDIES);
    expect(reml?.estimator).toBe('reml');
    expect(reml?.estimate).toBeCloseTo(-0.7145, 4);
    expect(reml?.se).toBeCloseTo(0.1798, 4);
    expect(reml?.tau2).toBeCloseTo(0.3132, 4);
    expect(reml?.ci95[0]).toBeCloseTo(-1.0669, 4);
    expect(reml?.ci95[1]).toBeCloseTo(-0.3622, 4);
  });

  it('gives the prediction interval with t(0.975, k - 2) = 2.200985 (worked by hand: -2.0084 to 0.5793)', () => {
    // μ ± t · √(τ² + SE²) = -0.71453 ± 2.200985 × √(0.313243 + 0.179782²).
    const pi = metaAnalyse(STUDIES)?.predictionInterval;
    expect(pi?.[0]).toBeCloseTo(-2.0084, 4);
    expect(pi?.[1]).toBeCloseTo(0.5793, 4);
  });
});

describe('metaAnalyse, for any studies', () => {
  const study = fc.record({
    y: fc.double({ min: -3, max: 3, noNaN: true }),
    v: fc.double({ min: 0.001, max: 2, noNaN: true }),
  });
  const estimator = fc.constantFrom('reml' as const, 'dl' as const);

  it('puts the pooled estimate within the range of the inputs', () => {
    fc.assert(
      fc.property(fc.array(study, { minLength: 2, maxLength: 30 }), estimator, (list, e) => {
        const pooled = metaAnalyse(list, e);
        const ys = list.map((s) => s.y);
        expect(pooled?.estimate).toBeGreaterThanOrEqual(Math.min(...ys) - 1e-9);
        expect(pooled?.estimate).toBeLessThanOrEqual(Math.max(...ys) + 1e-9);
        expect(pooled?.tau2).toBeGreaterThanOrEqual(0);
        expect(pooled?.i2).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('finds no heterogeneity (τ² = 0, I² = 0) when every study has the same effect', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.array(fc.double({ min: 0.01, max: 2, noNaN: true }), { minLength: 2, maxLength: 20 }),
        estimator,
        (y, vs, e) => {
          const pooled = metaAnalyse(
            vs.map((v) => ({ y, v })),
            e,
          );
          expect(pooled?.tau2).toBe(0);
          expect(pooled?.i2).toBe(0);
          expect(pooled?.estimate).toBeCloseTo(y, 9);
        },
      ),
    );
  });

  it('does not change when the members are listed in another order', () => {
    fc.assert(
      fc.property(fc.array(study, { minLength: 2, maxLength: 15 }), estimator, (list, e) => {
        const forward = metaAnalyse(list, e);
        const backward = metaAnalyse([...list].reverse(), e);
        expect(backward?.estimate).toBeCloseTo(forward?.estimate as number, 9);
        expect(backward?.tau2).toBeCloseTo(forward?.tau2 as number, 9);
      }),
    );
  });

  it('pools nothing from one study, gives no prediction interval under 3, and refuses a variance of 0', () => {
    expect(metaAnalyse([{ y: 0.4, v: 0.05 }])).toBeNull();
    expect(
      metaAnalyse([
        { y: 0.4, v: 0.05 },
        { y: 0.2, v: 0.04 },
      ])?.predictionInterval,
    ).toBeNull();
    expect(
      metaAnalyse([
        { y: 0.4, v: 0 },
        { y: 0.2, v: 0.04 },
      ]),
    ).toBeNull();
  });
});
