// The shape of `sipp analyse --json`: a stable contract for other tools (issue 4, "Analysis"). Fields may be
// added; the contract's own fields (marked "contract") are never renamed or removed. Every number is rounded to
// REPORT_DECIMALS; a figure a reader may not see (disclosure control) is null, never the real value.
// test/fixtures/analyse-output.schema.json describes every field for other tools, and test/e2e/analyse.test.ts
// checks the output against it (no field it does not list): a new field goes into both.

import type { SignalDirection } from './types.js';

/** Decimal places of every number in the report (effect sizes, means, limits, changes). */
export const REPORT_DECIMALS = 4;

export interface AnalysisReport {
  /** contract */
  cycles: CycleReport[];
}

export interface CycleReport {
  /** contract: the cycle's folder name, e.g. `01-paired-reading`. */
  id: string;
  number: number | null;
  /** contract */
  measures: MeasureReport[];
}

export type MeasureKind = 'score' | 'yes-no';

export interface MeasureReport {
  /** contract */
  id: string;
  name: string;
  type: 'outcome' | 'process' | 'balancing' | 'qualitative' | null;
  kind: MeasureKind;
  unit: string | null;
  higherIsBetter: boolean | null;
  /** contract */
  groups: GroupReport[];
  /** contract */
  gap: GapReport | null;
  /** contract */
  effectSize: EffectSizeReport | null;
  /** contract: the run chart of the measure's first series. */
  runChart: RunChartReport | null;
  /** contract: the XmR chart of the measure's first series. */
  xmr: XmrReport | null;
  /** Every dated series of the measure, with its points, segments and charts. */
  series: SeriesReport[];
  /** contract */
  warnings: ReportWarning[];
}

/** Figures of one group at one time. For a yes/no measure `mean` is the percentage answering yes (0-100). */
export interface FiguresReport {
  /** contract */
  n: number | null;
  /** contract */
  mean: number | null;
  /** contract: null for a yes/no measure. */
  sd: number | null;
  /** Yes/no measures only: how many answered yes. */
  count?: number | null;
  date: string | null;
}

export interface GroupReport {
  /** contract */
  name: string;
  role: 'intervention' | 'comparison' | 'all' | null;
  equity: string | null;
  /** contract */
  before: FiguresReport;
  /** contract */
  after: FiguresReport;
  /** contract: after - before (percentage points for a yes/no measure); null when either is unknown or hidden. */
  change: number | null;
  /** contract: true when the group's figures are hidden ([c]). */
  suppressed: boolean;
}

export interface GapDenominators {
  equityN: number;
  othersN: number;
}

export interface GapReport {
  /** contract: others - equity group (reversed when lower is better): positive means the equity group is behind. */
  baseline: number | null;
  /** contract */
  followUp: number | null;
  /** contract: followUp - baseline: negative means the change favoured the equity group. */
  change: number | null;
  /** True when the gap is closer to zero at follow-up than at baseline (null without both). */
  narrowed: boolean | null;
  unit: 'points' | 'percentage points';
  /** Which groups: the equity group against the others, or SIMD quintile 1 against quintile 5. */
  basis: 'equity-group' | 'simd';
  equityGroup: string;
  othersGroup: string;
  denominators: { baseline: GapDenominators | null; followUp: GapDenominators | null };
}

export interface EffectSizeReport {
  /** contract: Hedges' g (basis comparison); null for a pre-post change, which is not Hedges' g. */
  hedgesG: number | null;
  /**
   * contract (since issue 12): the pre-post standardised change with the small-sample correction J(n - 1), as
   * metafor's SMCR (basis pre-post); null for basis comparison.
   */
  standardisedChange: number | null;
  /**
   * contract: the 95% interval; for a pre-post change only when the record holds the before/after correlation
   * (`paired`, written by sipp data import from the raw table), else null.
   */
  ci95: [number, number] | null;
  /**
   * contract: EEF months of additional progress, for a comparison-group effect with at least SMALL_GROUP_N
   * learners in each arm; null otherwise (a pre-post change or small groups give no months).
   */
  monthsProgress: number | null;
  /**
   * True when months are given but are a guide, not a measurement: the 95% interval spans 0 or a group has fewer
   * than MONTHS_CAUTION_N learners (issue 12). False when there are no months.
   */
  monthsCaution: boolean;
  /** contract */
  basis: 'comparison' | 'pre-post';
  statistic: 'hedges-g' | 'standardised-change';
  /** Cohen's d (basis comparison) before the small-sample correction. */
  d: number | null;
  se: number | null;
  interventionGroup: string;
  comparisonGroup: string | null;
}

export type SignalType =
  | 'shift'
  | 'trend'
  | 'too-few-runs'
  | 'too-many-runs'
  | 'long-run'
  | 'few-crossings'
  | 'outside-limits'
  // Beyond the names issue 4 lists: the NHS "two of three points near a limit" rule of statistics.md (XmR only).
  | 'two-of-three';

/** A signal in a dated series: a stretch of points (or the whole segment) and what it means for the measure. */
export interface SignalReport {
  type: SignalType;
  /** Date of the first and last point of the signal (null when a point has no date). */
  from: string | null;
  to: string | null;
  /** How many points the signal covers. */
  points: number;
  /** above/below the centre line, up/down for a trend, null for a whole-chart signal. */
  side: 'above' | 'below' | 'up' | 'down' | null;
  direction: SignalDirection;
  /** Index of the segment (0 unless the chart was rebased). */
  segment: number;
  /** Index of the first and last point in the series. */
  fromIndex: number;
  toIndex: number;
}

export interface RunChartReport {
  /** contract: of the latest segment. */
  median: number | null;
  /** contract */
  longestRun: number;
  /** contract */
  crossings: number;
  /** contract: of every segment. */
  signals: SignalReport[];
  group: string | null;
  /** Points in the latest segment and how many are off the median. */
  n: number;
  useful: number;
  runs: number;
  longestRunMax: number | null;
  crossingsMin: number | null;
  runsLimits: { fewest: number; most: number } | null;
  /** Points the median was taken from (a fixed baseline period), in the latest segment. */
  baselinePoints: number;
  /** Why the runs and Anhøj rules were not applied, or null. */
  note: string | null;
}

export interface XmrReport {
  /**
   * Which control chart: an XmR chart, or for a yes/no series whose every point records its n, a P′ chart
   * (Laney; statistics.md), whose limits differ from point to point. Its `mean` is p̄ (in %) and its
   * `upperLimit`/`lowerLimit` are those of the latest point; `limits` holds every point's.
   */
  chart: 'xmr' | 'p-prime';
  /** P′ chart only: each point's limits, in % (null for an XmR chart). */
  limits: { date: string | null; upper: number | null; lower: number | null }[] | null;
  /** contract: of the latest segment. */
  mean: number | null;
  /** contract */
  upperLimit: number | null;
  /** contract */
  lowerLimit: number | null;
  /** contract: of every segment, consecutive points with the same signal joined. */
  signals: SignalReport[];
  group: string | null;
  n: number;
  movingRangeMean: number | null;
  upperTwoSigma: number | null;
  lowerTwoSigma: number | null;
  baselinePoints: number;
  /** Limits from fewer than 12 points: "trial limits". */
  trial: boolean;
}

export interface SeriesPointReport {
  date: string | null;
  value: number;
  note: string | null;
}

/** One part of a series between rebases: its own centre line and limits. */
export interface SegmentReport {
  /** Dates of its first and last point. */
  from: string | null;
  to: string | null;
  /** The rebase that starts it (null for the first segment). */
  rebase: { date: string; reason: string } | null;
  fromIndex: number;
  toIndex: number;
  /** How many of its first points the centre line and limits are fixed on (all of them unless the measure says). */
  baselinePoints: number;
  median: number | null;
  mean: number | null;
  upperLimit: number | null;
  lowerLimit: number | null;
  /** P′ chart only: each of its points' limits, in % (null for an XmR chart). */
  pointLimits: { upper: number | null; lower: number | null }[] | null;
}

export interface SeriesReport {
  group: string | null;
  /** The points analysed, in order (points based on too few learners are left out). */
  points: SeriesPointReport[];
  /** How many points were left out because they rest on fewer learners than the threshold. */
  omittedPoints: number;
  segments: SegmentReport[];
  runChart: RunChartReport | null;
  xmr: XmrReport | null;
}

export type WarningCode =
  | 'suppressed'
  | 'small-groups'
  | 'no-comparison'
  | 'no-direction'
  | 'few-points'
  | 'trial-limits'
  | 'screened-ranges'
  | 'no-xmr'
  | 'points-omitted'
  | 'rebase-ignored'
  | 'no-figures';

export interface ReportWarning {
  code: WarningCode;
  message: string;
}
