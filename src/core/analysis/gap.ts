// Equity gap between the equity group and the other learners, and how it changed.

import { assertCount, assertFinite } from './validate-input.js';

/** A group's result on a scored measure: its mean (null when no learner has a value). */
export interface MeanGroupValue {
  mean: number | null;
  n: number;
}

/** A group's result on a yes/no measure: a proportion from 0 to 1 (not a percentage). */
export interface ProportionGroupValue {
  proportion: number | null;
  n: number;
}

export type GroupValue = MeanGroupValue | ProportionGroupValue;

export interface EquityGapInput {
  /** The learners the enquiry is about (e.g. SIMD quintile 1). */
  equity: GroupValue;
  /** The learners they are compared with (e.g. SIMD quintile 5). */
  others: GroupValue;
  higherIsBetter: boolean;
}

export interface EquityGap {
  /**
   * others - equity when higher is better, equity - others when lower is better: positive means
   * the equity group is behind (statistics.md, "Change and equity gap").
   */
  gap: number;
  /** 'points' for a mean, 'percentage points' for a proportion (gap = difference × 100). */
  unit: 'points' | 'percentage points';
  /** The equity group's mean, or its percentage (0-100) for a yes/no measure. */
  equityValue: number;
  othersValue: number;
  equityN: number;
  othersN: number;
  higherIsBetter: boolean;
}

export interface GapChange {
  baseline: EquityGap;
  followUp: EquityGap;
  /** followUp.gap - baseline.gap: negative means the change favoured the equity group. */
  change: number;
  /** True when the gap is closer to zero at follow-up than at baseline. */
  narrowed: boolean;
  /** True when the change moved in the equity group's favour (change < 0). */
  favoursEquityGroup: boolean;
}

function valueOf(group: GroupValue, role: string): { value: number | null; kind: 'mean' | 'proportion' } {
  assertCount(group.n, `equityGap: ${role} n`);
  if ('proportion' in group) {
    if (group.proportion !== null) {
      assertFinite(group.proportion, `equityGap: ${role} proportion`);
      if (group.proportion < 0 || group.proportion > 1) {
        throw new RangeError(
          `equityGap: ${role} proportion must be between 0 and 1 (got ${group.proportion}); pass a fraction, not a percentage`,
        );
      }
    }
    return { value: group.proportion === null ? null : group.proportion * 100, kind: 'proportion' };
  }
  if (group.mean !== null) assertFinite(group.mean, `equityGap: ${role} mean`);
  return { value: group.mean, kind: 'mean' };
}

/**
 * The equity gap at one time point, signed so that a positive gap means the equity group is
 * behind (reversed when lower is better); percentage points for proportions. Null when either
 * group has no value or n = 0. Throws a RangeError when one group is a mean and the other a
 * proportion, or a proportion lies outside 0..1.
 */
export function equityGap(input: EquityGapInput): EquityGap | null {
  const equity = valueOf(input.equity, 'equity');
  const others = valueOf(input.others, 'others');
  if (equity.kind !== others.kind) {
    throw new RangeError('equityGap: both groups must be means or both proportions');
  }
  if (equity.value === null || others.value === null || input.equity.n === 0 || input.others.n === 0) {
    return null;
  }
  const difference = others.value - equity.value;
  return {
    gap: input.higherIsBetter ? difference : -difference,
    unit: equity.kind === 'mean' ? 'points' : 'percentage points',
    equityValue: equity.value,
    othersValue: others.value,
    equityN: input.equity.n,
    othersN: input.others.n,
    higherIsBetter: input.higherIsBetter,
  };
}

/**
 * Change in the equity gap from baseline to follow-up, keeping both gaps (and so all four
 * denominators). Null when either gap is null. Throws a RangeError when the two gaps are in
 * different units or directions and so cannot be compared.
 */
export function gapChange(baseline: EquityGap | null, followUp: EquityGap | null): GapChange | null {
  if (baseline === null || followUp === null) return null;
  if (baseline.unit !== followUp.unit || baseline.higherIsBetter !== followUp.higherIsBetter) {
    throw new RangeError('gapChange: baseline and follow-up gaps must use the same unit and direction');
  }
  const change = followUp.gap - baseline.gap;
  return {
    baseline,
    followUp,
    change,
    narrowed: Math.abs(followUp.gap) < Math.abs(baseline.gap),
    favoursEquityGroup: change < 0,
  };
}
