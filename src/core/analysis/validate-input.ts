// Guards shared by the statistics core: reject inputs that are programming errors, not data.

/**
 * Throws a RangeError unless every value is a finite number. The core never drops or coerces
 * a bad value silently: a NaN in a series is a bug upstream, not a data point.
 */
export function assertFiniteValues(values: readonly number[], what: string): void {
  values.forEach((value, index) => {
    if (!Number.isFinite(value)) {
      throw new RangeError(`${what}: value at index ${index} is not a finite number (${String(value)})`);
    }
  });
}

/** Throws a RangeError unless `value` is a finite number. */
export function assertFinite(value: number, what: string): void {
  if (!Number.isFinite(value)) {
    throw new RangeError(`${what} must be a finite number (got ${String(value)})`);
  }
}

/** Throws a RangeError unless `value` is a whole number of at least `min`. */
export function assertCount(value: number, what: string, min = 0): void {
  if (!Number.isInteger(value) || value < min) {
    throw new RangeError(`${what} must be a whole number of at least ${min} (got ${String(value)})`);
  }
}
