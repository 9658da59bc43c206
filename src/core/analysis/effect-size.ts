// Effect sizes: pooled SD, Cohen's d, Hedges' g with its exact correction and 95% CI, pre-post change.

import { logHalfStepGammaRatio } from './log-gamma.js';
import type { GroupSummary } from './types.js';

/** Two-sided 95% normal quantile used for the CI of g (statistics.md, "Effect sizes"). */
export const Z_95 = 1.959964;

/** Hedges' g with everything a briefing reports about it. */
export interface HedgesGResult {
  /** Cohen's d = (m1 - m2) / s_p, intervention minus comparison. */
  d: number;
  /** Exact small-sample correction J for df = n1 + n2 - 2. */
  j: number;
  /** Hedges' g = J d. */
  g: number;
  /** SE(g) = J sqrt(v_d), v_d = (n1 + n2) / (n1 n2) + d^2 / (2 (n1 + n2)). */
  se: number;
  /** g ± 1.959964 SE(g): a normal-approximation interval (not a t or noncentral-t interval). */
  ci95: [number, number];
  df: number;
  pooledSd: number;
}

/** A standardised change without a comparison group: never evidence of impact on its own. */
export interface StandardisedChange {
  basis: 'pre-post';
  /** (mean after - mean before) / sd before, as statistics.md defines it. */
  value: number;
  /**
   * value × J(n_before - 1): the bias-corrected standardised mean change with raw-score
   * standardisation (metafor's "SMCR", Becker 1988), or null when n_before < 3.
   */
  corrected: number | null;
}

function hasSpread(group: GroupSummary): group is { n: number; mean: number; sd: number } {
  return group.mean !== null && group.sd !== null && group.n >= 2;
}

/**
 * Pooled SD s_p = sqrt(((n1 - 1) s1^2 + (n2 - 1) s2^2) / (n1 + n2 - 2)) (statistics.md).
 * Null when either group has n < 2 or no SD.
 */
export function pooledSd(a: GroupSummary, b: GroupSummary): number | null {
  if (!hasSpread(a) || !hasSpread(b)) return null;
  const df = a.n + b.n - 2;
  return Math.sqrt(((a.n - 1) * a.sd ** 2 + (b.n - 1) * b.sd ** 2) / df);
}

/**
 * Cohen's d = (m1 - m2) / s_p, group 1 = intervention, group 2 = comparison (statistics.md).
 * Null when the pooled SD is unavailable or 0 (no spread: d is undefined, not infinite).
 */
export function cohensD(intervention: GroupSummary, comparison: GroupSummary): number | null {
  const sp = pooledSd(intervention, comparison);
  if (sp === null || sp === 0 || intervention.mean === null || comparison.mean === null) return null;
  return (intervention.mean - comparison.mean) / sp;
}

/**
 * Exact Hedges correction J = Γ(df/2) / (sqrt(df/2) Γ((df - 1)/2)) (Hedges 1981; statistics.md
 * requires the exact form, not 1 - 3/(4 df - 1)). Computed through log-gamma so that it neither
 * overflows nor loses precision for large df. Null when df < 2 (two groups of two need df = 2).
 */
export function hedgesCorrection(df: number): number | null {
  if (!Number.isFinite(df) || df < 2) return null;
  return Math.exp(logHalfStepGammaRatio((df - 1) / 2));
}

/**
 * Hedges' g of the intervention group against the comparison group on the post-test, with
 * SE(g) = J sqrt(v_d) and the 95% CI g ± 1.959964 SE(g) (statistics.md, "Effect sizes").
 * Null when d is unavailable (a group with n < 2, no SD, or a pooled SD of 0).
 */
export function hedgesG(intervention: GroupSummary, comparison: GroupSummary): HedgesGResult | null {
  const d = cohensD(intervention, comparison);
  const sp = pooledSd(intervention, comparison);
  if (d === null || sp === null) return null;
  const n1 = intervention.n;
  const n2 = comparison.n;
  const df = n1 + n2 - 2;
  const j = hedgesCorrection(df);
  if (j === null) return null;
  const g = j * d;
  const varianceOfD = (n1 + n2) / (n1 * n2) + d ** 2 / (2 * (n1 + n2));
  const se = j * Math.sqrt(varianceOfD);
  return { d, j, g, se, ci95: [g - Z_95 * se, g + Z_95 * se], df, pooledSd: sp };
}

/**
 * Standardised change without a comparison group: (mean after - mean before) / sd before,
 * labelled "pre-post" (statistics.md). Null when either mean is missing or the before SD is
 * missing or 0. `corrected` applies J(n_before - 1) as metafor's SMCR does (Morris 2008).
 */
export function standardisedChange(before: GroupSummary, after: GroupSummary): StandardisedChange | null {
  if (before.mean === null || after.mean === null || before.sd === null || before.sd === 0) return null;
  const value = (after.mean - before.mean) / before.sd;
  const j = hedgesCorrection(before.n - 1);
  return { basis: 'pre-post', value, corrected: j === null ? null : j * value };
}

/** The 95% interval of a pre-post standardised change, from the before/after correlation of the same learners. */
export interface PrePostInterval {
  /** v = 2(1 - r)/n + d²/(2n) (Becker 1988; Morris 2000; metafor's SMCR variance). */
  variance: number;
  se: number;
  ci95: [number, number];
}

/**
 * The 95% CI of a pre-post standardised change d of n learners whose before and after scores correlate r
 * (statistics.md, "Pre-post change with the raw table"): v = 2(1 - r)/n + d²/(2n), d ± 1.959964 sqrt(v). Pass the
 * J(n - 1)-corrected change, as metafor's SMCR does (its published variances use the corrected value). Null when
 * n < 2 or r is not in [-1, 1].
 */
export function prePostInterval(change: number, n: number, r: number): PrePostInterval | null {
  if (!Number.isFinite(change) || !Number.isFinite(n) || n < 2 || !Number.isFinite(r) || r < -1 || r > 1) return null;
  const variance = (2 * (1 - r)) / n + change ** 2 / (2 * n);
  const se = Math.sqrt(variance);
  return { variance, se, ci95: [change - Z_95 * se, change + Z_95 * se] };
}
