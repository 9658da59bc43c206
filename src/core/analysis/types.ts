// Shared types of the statistics core: group summaries and the vocabulary of direction.

/**
 * n, mean and sample standard deviation (denominator n - 1) of one group at one time point.
 * `mean` is null when n = 0 and `sd` is null when n < 2 (statistics.md, "Group summaries").
 */
export interface GroupSummary {
  n: number;
  mean: number | null;
  sd: number | null;
}

/**
 * Which way is better for a measure: true when higher values are better, false when lower values
 * are better, null when the measure has no better direction (signals are then "neutral").
 */
export type HigherIsBetter = boolean | null;

/** Which way a signal points, by the measure's direction (NHS Making Data Count colours). */
export type SignalDirection = 'improvement' | 'concern' | 'neutral';

/** The side of the centre line a point or signal lies on. */
export type Side = 'high' | 'low';
