// Statistical disclosure control: which counts and percentages a briefing must hide, and the markers.

import { assertCount } from './validate-input.js';

/**
 * UK government shorthand for cells that are not shown (GSS guidance on symbols in tables;
 * domain.md, "Statistical disclosure control").
 */
export const SUPPRESSION_MARKERS = {
  /** Confidential: suppressed to protect individuals. */
  confidential: '[c]',
  /** Not available. */
  notAvailable: '[x]',
  /** Not applicable (e.g. a percentage of nobody). */
  notApplicable: '[z]',
  /** Not zero, but rounds to zero at the precision shown. */
  low: '[low]',
} as const;

export type SuppressionMarker = (typeof SUPPRESSION_MARKERS)[keyof typeof SUPPRESSION_MARKERS];

/** Scottish Government practice: numbers under five are suppressed (domain.md). */
export { DEFAULT_SUPPRESSION_THRESHOLD } from '../records/settings.js';

export interface CountCell {
  key: string;
  n: number;
}

export interface SuppressionOptions {
  /** Counts from 1 to threshold - 1 are suppressed. */
  threshold: number;
  /**
   * The total shown with the parts, or null/undefined when no total is shown. When given it must
   * equal the sum of the parts: list every part (add a "not known" cell if needed), otherwise a
   * part left out could itself be worked out by subtraction.
   */
  total?: number | null;
  /**
   * Treat a count of 0 like any other small count. Default false: a true zero identifies no
   * learner, and Scottish Government tables show zeros (see `isPrimarySuppressed`).
   */
  suppressZeros?: boolean;
}

export type SuppressionReason = 'primary' | 'secondary';

export interface SuppressedCell {
  key: string;
  reason: SuppressionReason;
}

export interface SuppressionResult {
  /** Suppressed parts, in input order, with why. */
  suppressed: SuppressedCell[];
  /** Parts that may be shown, in input order. */
  shown: CountCell[];
  /**
   * Why the total must be hidden, or null when it may be shown (or none was given): 'primary'
   * when the total is itself a small count, 'secondary' when hiding it is the only way to
   * protect a suppressed part (every other part is zero).
   */
  totalSuppressed: SuppressionReason | null;
}

/**
 * Primary suppression rule: 0 < n < threshold (Scottish Government: numbers under five).
 * n = 0 is not suppressed unless `suppressZeros`: a zero identifies no individual, and hiding
 * zeros would mark every hidden cell as "1 to 4". Small non-zero cells are what give learners
 * away ("1 of 3"), and the complement of a small cell is protected by the secondary rule.
 */
export function isPrimarySuppressed(n: number, options: { threshold: number; suppressZeros?: boolean }): boolean {
  return (n > 0 || options.suppressZeros === true) && n < options.threshold;
}

/**
 * Primary and secondary suppression of the parts of one total (domain.md; statistics.md, "Group
 * summaries"). Primary: every part with 0 < n < threshold. Secondary, only when a total is shown:
 * while fewer than two hidden parts are non-zero, also hide the smallest shown non-zero part
 * (the first in input order among equals), so that total minus the shown parts is always a sum
 * of at least two unknown non-zero parts and never gives a hidden count away. If no non-zero
 * part is left to hide, the total is hidden instead. A total that is itself a small count is
 * hidden (primary). Two-way tables need this applied along each row and column by the caller.
 * Throws a RangeError for counts that are not whole numbers >= 0, a threshold below 1,
 * repeated keys, or a total that is not the sum of the parts.
 */
export function suppressCells(cells: readonly CountCell[], options: SuppressionOptions): SuppressionResult {
  assertCount(options.threshold, 'suppressCells: threshold', 1);
  const keys = new Set<string>();
  for (const cell of cells) {
    assertCount(cell.n, `suppressCells: count for "${cell.key}"`);
    if (keys.has(cell.key)) throw new RangeError(`suppressCells: key "${cell.key}" appears twice`);
    keys.add(cell.key);
  }
  const total = options.total ?? null;
  if (total !== null) {
    assertCount(total, 'suppressCells: total');
    const sum = cells.reduce((acc, cell) => acc + cell.n, 0);
    if (sum !== total) {
      throw new RangeError(`suppressCells: total ${total} is not the sum of the parts (${sum}); list every part`);
    }
  }

  const reasons = new Map<string, SuppressionReason>();
  for (const cell of cells) if (isPrimarySuppressed(cell.n, options)) reasons.set(cell.key, 'primary');

  let totalSuppressed: SuppressionReason | null = null;
  if (total !== null && isPrimarySuppressed(total, options)) {
    totalSuppressed = 'primary';
  } else if (total !== null && reasons.size > 0) {
    const hiddenNonZero = (): number => cells.filter((cell) => reasons.has(cell.key) && cell.n > 0).length;
    while (hiddenNonZero() < 2) {
      const candidates = cells.filter((cell) => !reasons.has(cell.key) && cell.n > 0);
      const smallest = candidates.reduce<CountCell | null>(
        (best, cell) => (best === null || cell.n < best.n ? cell : best),
        null,
      );
      if (smallest === null) {
        totalSuppressed = 'secondary';
        break;
      }
      reasons.set(smallest.key, 'secondary');
    }
  }

  const suppressed: SuppressedCell[] = [];
  const shown: CountCell[] = [];
  for (const cell of cells) {
    const reason = reasons.get(cell.key);
    if (reason === undefined) shown.push({ key: cell.key, n: cell.n });
    else suppressed.push({ key: cell.key, reason });
  }
  return { suppressed, shown, totalSuppressed };
}

export interface PercentageOptions {
  threshold: number;
  /** Decimals the percentage is printed with: a non-zero percentage that rounds to 0 is '[low]'. */
  decimals?: number;
  suppressZeros?: boolean;
}

/**
 * count / denominator as a percentage (0-100, unrounded), or the marker to print instead:
 * '[z]' for a denominator of 0; '[c]' when the denominator is a small count, or when the count
 * or its complement (denominator - count) is: the percentage and the denominator together
 * would give the count away ("1 of 3 = 33%"; domain.md). This is `suppressCells` applied to the
 * two parts (count, denominator - count) with the denominator as their total. '[low]' when
 * `decimals` is given and a non-zero percentage would print as 0.
 * Throws a RangeError unless count and denominator are whole numbers with count <= denominator.
 */
export function percentageOrMarker(
  count: number,
  denominator: number,
  options: PercentageOptions,
): number | SuppressionMarker {
  assertCount(count, 'percentageOrMarker: count');
  assertCount(denominator, 'percentageOrMarker: denominator');
  if (count > denominator) {
    throw new RangeError(`percentageOrMarker: count ${count} is larger than the denominator ${denominator}`);
  }
  if (denominator === 0) return SUPPRESSION_MARKERS.notApplicable;
  const parts = [
    { key: 'count', n: count },
    { key: 'rest', n: denominator - count },
  ];
  const result = suppressCells(parts, { ...options, total: denominator });
  if (result.suppressed.length > 0 || result.totalSuppressed !== null) return SUPPRESSION_MARKERS.confidential;
  const percentage = (100 * count) / denominator;
  if (options.decimals !== undefined && count > 0 && Number(percentage.toFixed(options.decimals)) === 0) {
    return SUPPRESSION_MARKERS.low;
  }
  return percentage;
}
