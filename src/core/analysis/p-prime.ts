// P′ chart (Laney 2002) for yes/no series with varying denominators, as qicharts2's chart = 'pp'.

import { specialCauses, type XmrSignal } from './xmr.js';
import type { HigherIsBetter } from './types.js';
import { assertCount, assertFinite } from './validate-input.js';

/** d2 for moving ranges of two: σ_z = mean moving range of z / 1.128 (qicharts2 `qic.pprime`). */
export const D2_MOVING_RANGE = 1.128;

/** Fewer points than this: "trial limits", as for the XmR chart. */
export const P_PRIME_TRIAL_BELOW_POINTS = 12;

/** One point of a yes/no series: how many said yes out of how many. */
export interface ProportionPoint {
  yes: number;
  n: number;
}

export interface PPrimeOptions {
  /** Compute p̄ and σ_z from the first `baselinePoints` points only (default: all). */
  baselinePoints?: number;
  /** Direction of improvement: true higher, false lower, null none (neutral). Default null. */
  higherIsBetter?: HigherIsBetter;
}

export interface PPrimeResult {
  n: number;
  baselinePoints: number;
  /** p_i = yes_i / n_i. */
  proportions: number[];
  /** p̄ = Σ yes / Σ n over the baseline; null without a baseline denominator. */
  centre: number | null;
  /** σ_i = sqrt(p̄ (1 - p̄) / n_i). */
  sigma: (number | null)[];
  /** z_i = (p_i - p̄) / σ_i (null where σ_i is 0). */
  z: (number | null)[];
  /** σ_z = mean moving range of z over the baseline / 1.128 (Laney's between-point variation). */
  sigmaZ: number | null;
  /** p̄ ± 3 σ_i σ_z, clipped to 0 and 1, per point. */
  upperLimits: (number | null)[];
  lowerLimits: (number | null)[];
  /** Two-sigma lines p̄ ± 2 σ_i σ_z, clipped likewise. */
  upperTwoSigma: (number | null)[];
  lowerTwoSigma: (number | null)[];
  trial: boolean;
  /** The same signal rules as the XmR chart, against the point's own limits. */
  signals: XmrSignal[];
}

const clip = (value: number): number => Math.min(1, Math.max(0, value));

/**
 * P′ chart (statistics.md, "P′ chart"; Laney 2002; qicharts2 `chart = 'pp'`): p̄ = Σy/Σn, σ_i = sqrt(p̄(1 - p̄)/n_i),
 * z_i = (p_i - p̄)/σ_i, σ_z = mean |z_i - z_(i-1)| / 1.128 over the baseline (no moving-range screening, as
 * qicharts2), limits p̄ ± 3 σ_i σ_z clipped to [0, 1]. Signals as the XmR chart's (outside limits, trend, two of
 * three beyond the two-sigma line, shift), each point against its own limits. Throws a RangeError for a point with
 * n < 1, yes < 0 or yes > n, or non-finite input.
 */
export function pPrimeChart(points: readonly ProportionPoint[], options: PPrimeOptions = {}): PPrimeResult {
  for (const point of points) {
    assertFinite(point.yes, 'pPrimeChart: yes');
    assertCount(point.n, 'pPrimeChart: n', 1);
    if (point.yes < 0 || point.yes > point.n) throw new RangeError('pPrimeChart: yes is outside 0..n');
  }
  if (options.baselinePoints !== undefined) assertCount(options.baselinePoints, 'pPrimeChart: baselinePoints', 1);
  const n = points.length;
  const baselinePoints = Math.min(options.baselinePoints ?? n, n);
  const baseline = points.slice(0, baselinePoints);
  const proportions = points.map((p) => p.yes / p.n);
  const totalN = baseline.reduce((sum, p) => sum + p.n, 0);
  const centre = totalN === 0 ? null : baseline.reduce((sum, p) => sum + p.yes, 0) / totalN;
  const sigma = points.map((p) => (centre === null ? null : Math.sqrt((centre * (1 - centre)) / p.n)));
  const z = proportions.map((p, i) => {
    const s = sigma[i];
    return centre === null || s === null || s === undefined || s === 0 ? null : (p - centre) / s;
  });
  const ranges: number[] = [];
  for (let i = 1; i < baselinePoints; i++) {
    const a = z[i - 1];
    const b = z[i];
    if (a !== null && a !== undefined && b !== null && b !== undefined) ranges.push(Math.abs(b - a));
  }
  const sigmaZ = ranges.length === 0 ? null : ranges.reduce((x, y) => x + y, 0) / ranges.length / D2_MOVING_RANGE;
  const line = (sign: 1 | -1, multiple: number): (number | null)[] =>
    sigma.map((s) => (centre === null || s === null || sigmaZ === null ? null : clip(centre + sign * multiple * s * sigmaZ)));
  const upperLimits = line(1, 3);
  const lowerLimits = line(-1, 3);
  const upperTwoSigma = line(1, 2);
  const lowerTwoSigma = line(-1, 2);

  let signals: XmrSignal[] = [];
  if (centre !== null) {
    const outside = proportions.map((p, i) => {
      const hi = upperLimits[i];
      const lo = lowerLimits[i];
      return hi !== null && hi !== undefined && lo !== null && lo !== undefined && (p > hi || p < lo);
    });
    const close = proportions.map((p, i) => {
      const hi = upperTwoSigma[i];
      const lo = lowerTwoSigma[i];
      return !outside[i] && hi !== null && hi !== undefined && lo !== null && lo !== undefined && (p > hi || p < lo);
    });
    signals = specialCauses(proportions, centre, outside, close, options.higherIsBetter ?? null);
  }
  return {
    n,
    baselinePoints,
    proportions,
    centre,
    sigma,
    z,
    sigmaZ,
    upperLimits,
    lowerLimits,
    upperTwoSigma,
    lowerTwoSigma,
    trial: baselinePoints < P_PRIME_TRIAL_BELOW_POINTS,
    signals,
  };
}
