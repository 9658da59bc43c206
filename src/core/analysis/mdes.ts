// The minimum detectable effect size of a planned comparison (statistics.md, "Planning: minimum detectable effect
// size"; Bloom 1995): the smallest true effect a design of n1 and n2 learners finds, with 80% power, to be
// different from zero at the 5% level (two-sided). Loaded only by `sipp plan` (jstat is not needed elsewhere).
import jStat from 'jstat';

export const MDES_ALPHA = 0.05;
export const MDES_POWER = 0.8;

/** Student's t quantile (R's `qt(p, df)`), from jstat. */
export function tQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1) || !(df > 0)) throw new RangeError(`tQuantile: p ${p} and df ${df} are out of range`);
  return jStat.studentt.inv(p, df);
}

export interface MinimumDetectableEffect {
  /** The MDES in standard deviations (an effect size like Hedges' g). */
  mdes: number;
  df: number;
  /** t(0.975, df) + t(0.8, df): Bloom's multiplier (2.80 for large groups). */
  multiplier: number;
  /** The before/after correlation it assumes (0 without a pre-test). */
  correlation: number;
}

/**
 * MDES = (t(1 - α/2, df) + t(power, df)) · sqrt(1/n1 + 1/n2) · sqrt(1 - r²), df = n1 + n2 - 2, α = 0.05 two-sided,
 * power 0.8; r is the correlation of a pre-test with the outcome (0 when there is none). Null when either group
 * has fewer than 2 learners or r is not in (-1, 1).
 */
export function minimumDetectableEffect(n1: number, n2: number, correlation = 0): MinimumDetectableEffect | null {
  if (!Number.isInteger(n1) || !Number.isInteger(n2) || n1 < 2 || n2 < 2) return null;
  if (!Number.isFinite(correlation) || correlation <= -1 || correlation >= 1) return null;
  const df = n1 + n2 - 2;
  const multiplier = tQuantile(1 - MDES_ALPHA / 2, df) + tQuantile(MDES_POWER, df);
  const mdes = multiplier * Math.sqrt(1 / n1 + 1 / n2) * Math.sqrt(1 - correlation ** 2);
  return { mdes, df, multiplier, correlation };
}
