// Random-effects meta-analysis of effect sizes across cycles and partnerships (statistics.md, "Meta-analysis across
// cycles and partnerships"): DerSimonian-Laird and REML (metafor's default) for τ², the pooled estimate with its 95%
// CI, Q, I² and the 95% prediction interval (Higgins, Thompson & Spiegelhalter 2009) for k ≥ 3. Pure.
import { tQuantile } from '../analysis/mdes.js';
import { Z_95 } from '../analysis/effect-size.js';

export type Estimator = 'reml' | 'dl';

/** One effect size y with its sampling variance v (SE²). */
export interface StudyEffect {
  y: number;
  v: number;
}

export interface PooledEffect {
  estimator: Estimator;
  k: number;
  estimate: number;
  se: number;
  ci95: [number, number];
  tau2: number;
  /** I² as a fraction (0-1), Q-based: max(0, (Q - df) / Q). */
  i2: number;
  q: number;
  df: number;
  /** Null for fewer than 3 studies. */
  predictionInterval: [number, number] | null;
}

/** REML stops when τ² changes by less than this (statistics.md). */
const REML_TOLERANCE = 1e-10;
const REML_MAX_ITERATIONS = 1000;

/**
 * The random-effects pooled effect of two or more studies; null for fewer (one study is not pooled) or when a
 * variance is not positive and finite.
 */
export function metaAnalyse(studies: readonly StudyEffect[], estimator: Estimator = 'reml'): PooledEffect | null {
  const k = studies.length;
  if (k < 2 || studies.some((s) => !Number.isFinite(s.y) || !(s.v > 0) || !Number.isFinite(s.v))) return null;
  const df = k - 1;
  const w = studies.map((s) => 1 / s.v);
  const sumW = sum(w);
  const fixed = sum(studies.map((s, i) => (w[i] as number) * s.y)) / sumW;
  const q = sum(studies.map((s, i) => (w[i] as number) * (s.y - fixed) ** 2));
  const c = sumW - sum(w.map((x) => x * x)) / sumW;
  const dl = c > 0 ? Math.max(0, (q - df) / c) : 0;
  const tau2 = estimator === 'dl' ? dl : reml(studies, dl);
  const weights = studies.map((s) => 1 / (s.v + tau2));
  const sumStar = sum(weights);
  const estimate = sum(studies.map((s, i) => (weights[i] as number) * s.y)) / sumStar;
  const se = 1 / Math.sqrt(sumStar);
  const spread = k >= 3 ? tQuantile(0.975, k - 2) * Math.sqrt(tau2 + se * se) : null;
  return {
    estimator,
    k,
    estimate,
    se,
    ci95: [estimate - Z_95 * se, estimate + Z_95 * se],
    tau2,
    i2: q > 0 ? Math.max(0, (q - df) / q) : 0,
    q,
    df,
    predictionInterval: spread === null ? null : [estimate - spread, estimate + spread],
  };
}

/** REML's fixed-point iteration (statistics.md), from the DerSimonian-Laird value. */
function reml(studies: readonly StudyEffect[], start: number): number {
  let tau2 = start;
  for (let i = 0; i < REML_MAX_ITERATIONS; i += 1) {
    const w = studies.map((s) => 1 / (s.v + tau2));
    const sumW = sum(w);
    const mu = sum(studies.map((s, j) => (w[j] as number) * s.y)) / sumW;
    const sumW2 = sum(w.map((x) => x * x));
    const next = Math.max(
      0,
      (sum(studies.map((s, j) => (w[j] as number) ** 2 * ((s.y - mu) ** 2 - s.v))) + sumW2 / sumW) / sumW2,
    );
    if (Math.abs(next - tau2) < REML_TOLERANCE) return next;
    tau2 = next;
  }
  return tau2;
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
