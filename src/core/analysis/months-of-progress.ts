// EEF months of additional progress from an effect size (EEF Teaching and Learning Toolkit table).

import { assertFinite } from './validate-input.js';

/** One band of the EEF Toolkit conversion table, effect sizes in hundredths. */
export interface EefMonthsBand {
  months: number;
  /** Smallest effect size of the band (2 decimals). */
  from: number;
  /** Largest effect size of the band (2 decimals); null for the open top band. */
  to: number | null;
  label: string;
}

/**
 * EEF Teaching and Learning Toolkit, "Months' progress" conversion (statistics.md, "Effect
 * sizes"): -0.01 to 0.01 → 0; 0.02-0.09 → 1; ... 0.96 and above → 12.
 */
export const EEF_MONTHS_BANDS: readonly EefMonthsBand[] = [
  { months: 0, from: -0.01, to: 0.01, label: 'Very low or no impact' },
  { months: 1, from: 0.02, to: 0.09, label: 'Low impact' },
  { months: 2, from: 0.1, to: 0.18, label: 'Low impact' },
  { months: 3, from: 0.19, to: 0.26, label: 'Moderate impact' },
  { months: 4, from: 0.27, to: 0.35, label: 'Moderate impact' },
  { months: 5, from: 0.36, to: 0.44, label: 'Moderate impact' },
  { months: 6, from: 0.45, to: 0.52, label: 'High impact' },
  { months: 7, from: 0.53, to: 0.61, label: 'High impact' },
  { months: 8, from: 0.62, to: 0.69, label: 'High impact' },
  { months: 9, from: 0.7, to: 0.78, label: 'Very high impact' },
  { months: 10, from: 0.79, to: 0.87, label: 'Very high impact' },
  { months: 11, from: 0.88, to: 0.95, label: 'Very high impact' },
  { months: 12, from: 0.96, to: null, label: 'Very high impact' },
];

// Upper bound of each band in whole hundredths (0.01 → 1, 0.09 → 9, ...): integers, so the band
// lookup compares integers and never depends on how 0.09 is stored in binary.
const UPPER_HUNDREDTHS: readonly { months: number; upTo: number }[] = EEF_MONTHS_BANDS.filter(
  (band): band is EefMonthsBand & { to: number } => band.to !== null,
).map((band) => ({ months: band.months, upTo: Math.round(band.to * 100) }));
const TOP_MONTHS = 12;

/**
 * The effect size rounded to 2 decimals, in whole hundredths of its absolute value. Rounds the
 * number as stored (Number#toFixed), which is how a briefing prints it, so the months always
 * agree with the printed effect size.
 */
function absoluteHundredths(es: number): number {
  return Math.round(Number(Math.abs(es).toFixed(2)) * 100);
}

/**
 * EEF months of additional progress for an effect size: round to 2 decimals first, look the
 * absolute value up in the Toolkit table, and mirror negative effect sizes to negative months
 * (statistics.md). Throws a RangeError for a non-finite effect size.
 */
export function monthsOfProgress(es: number): number {
  assertFinite(es, 'monthsOfProgress: effect size');
  const hundredths = absoluteHundredths(es);
  const band = UPPER_HUNDREDTHS.find((candidate) => hundredths <= candidate.upTo);
  const months = band === undefined ? TOP_MONTHS : band.months;
  return es < 0 && months !== 0 ? -months : months;
}
