// Log-gamma and the half-step log-gamma ratio, accurate for large arguments without overflow.

// Stirling's series for ln Γ(z) (Abramowitz & Stegun 6.1.40):
//   ln Γ(z) = (z - 1/2) ln z - z + ln(2π)/2 + Σ B_2k / (2k (2k - 1) z^(2k-1)).
// The coefficients are B_2k / (2k (2k - 1)) for k = 1..7. With z >= SHIFT_TO the first omitted
// term is below 1e-17 of the result, so the series is accurate to double precision.
const STIRLING_COEFFICIENTS = [1 / 12, -1 / 360, 1 / 1260, -1 / 1680, 1 / 1188, -691 / 360360, 1 / 156] as const;

const SHIFT_TO = 15;
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** The correction sum Σ B_2k / (2k (2k - 1) z^(2k-1)) of Stirling's series. */
function stirlingCorrection(z: number): number {
  const zSquared = z * z;
  let power = z;
  let sum = 0;
  for (const coefficient of STIRLING_COEFFICIENTS) {
    sum += coefficient / power;
    power *= zSquared;
  }
  return sum;
}

/**
 * ln Γ(x) for x > 0: Stirling's series after shifting the argument up with Γ(x + 1) = x Γ(x).
 * Throws a RangeError for x <= 0 or a non-finite x.
 */
export function logGamma(x: number): number {
  if (!Number.isFinite(x) || x <= 0) throw new RangeError(`logGamma needs a finite x > 0 (got ${x})`);
  let z = x;
  let logProduct = 0;
  while (z < SHIFT_TO) {
    logProduct += Math.log(z);
    z += 1;
  }
  return (z - 0.5) * Math.log(z) - z + HALF_LOG_TWO_PI + stirlingCorrection(z) - logProduct;
}

/**
 * ln J for J(x) = Γ(x + 1/2) / (sqrt(x + 1/2) Γ(x)), x > 0, computed as a difference of Stirling
 * series so that nothing cancels or overflows however large x is:
 *   ln J(x) = (x - 1/2) log1p(1 / (2x)) - 1/2 + S(x + 1/2) - S(x)        (x >= SHIFT_TO)
 * and, for smaller x, from J(x + m) with Γ(z + 1) = z Γ(z):
 *   ln J(x) = ln J(x + m) + (1/2) ln((x + m + 1/2) / (x + 1/2)) - Σ_{i<m} log1p(1 / (2 (x + i))).
 * This is the exact small-sample correction of Hedges' g with x = (df - 1) / 2.
 */
export function logHalfStepGammaRatio(x: number): number {
  if (!Number.isFinite(x) || x <= 0) {
    throw new RangeError(`logHalfStepGammaRatio needs a finite x > 0 (got ${x})`);
  }
  let z = x;
  let correction = 0;
  while (z < SHIFT_TO) {
    correction -= Math.log1p(1 / (2 * z));
    z += 1;
  }
  if (z !== x) correction += 0.5 * Math.log((z + 0.5) / (x + 0.5));
  const asymptotic = (z - 0.5) * Math.log1p(1 / (2 * z)) - 0.5 + stirlingCorrection(z + 0.5) - stirlingCorrection(z);
  return asymptotic + correction;
}
