// The pure statistics core: every figure a briefing reports, defined in shared/reference/statistics.md.

export type { GroupSummary, HigherIsBetter, Side, SignalDirection } from './types.js';

export { correlation, mean, median, proportion, summarise } from './summary.js';

export { logGamma, logHalfStepGammaRatio } from './log-gamma.js';

export {
  Z_95,
  cohensD,
  hedgesCorrection,
  hedgesG,
  pooledSd,
  prePostInterval,
  standardisedChange,
  type PrePostInterval,
  type HedgesGResult,
  type StandardisedChange,
} from './effect-size.js';

export { EEF_MONTHS_BANDS, monthsOfProgress, type EefMonthsBand } from './months-of-progress.js';

export {
  equityGap,
  gapChange,
  type EquityGap,
  type EquityGapInput,
  type GapChange,
  type GroupValue,
  type MeanGroupValue,
  type ProportionGroupValue,
} from './gap.js';

export { binomialQuantile } from './binomial-quantile.js';

export { anhoejLimits, type AnhoejLimits } from './anhoej-limits.js';

export { RUNS_RULE_MIN_USEFUL, runsLimits, type RunsLimits } from './runs-limits.js';

export {
  RUN_CHART_MIN_POINTS,
  SHIFT_MIN_POINTS,
  TREND_MIN_POINTS,
  runChart,
  type RunChartOptions,
  type RunChartResult,
  type RunChartSignal,
  type RunChartSignalType,
} from './run-chart.js';

export {
  MOVING_RANGE_SCREEN_FACTOR,
  NHS_XMR_CONSTANT,
  QICHARTS2_XMR_CONSTANT,
  XMR_SHIFT_POINTS,
  XMR_TREND_POINTS,
  XMR_TRIAL_BELOW_POINTS,
  xmrChart,
  type XmrOptions,
  type XmrResult,
  type XmrSignal,
  type XmrSignalType,
} from './xmr.js';

export {
  D2_MOVING_RANGE,
  P_PRIME_TRIAL_BELOW_POINTS,
  pPrimeChart,
  type PPrimeOptions,
  type PPrimeResult,
  type ProportionPoint,
} from './p-prime.js';

export {
  DEFAULT_SUPPRESSION_THRESHOLD,
  SUPPRESSION_MARKERS,
  isPrimarySuppressed,
  percentageOrMarker,
  suppressCells,
  type CountCell,
  type PercentageOptions,
  type SuppressedCell,
  type SuppressionMarker,
  type SuppressionOptions,
  type SuppressionReason,
  type SuppressionResult,
} from './suppression.js';
