// The dated-series part of a measure's report: run chart and XmR chart of each series, split at the rebase
// dates the measure records (each with its reason), with signals named and dated (statistics.md, "Run charts",
// "XmR charts").

import type { MeasureDefinition } from './measure-report.js';
import {
  REPORT_DECIMALS,
  type ReportWarning,
  type RunChartReport,
  type SegmentReport,
  type SeriesPointReport,
  type SeriesReport,
  type SignalReport,
  type XmrReport,
} from './report-types.js';
import { roundTo, shortDate } from '../words.js';
import { runChart, type RunChartResult } from './run-chart.js';
import { isPrimarySuppressed } from './suppression.js';
import type { HigherIsBetter, SignalDirection } from './types.js';
import { XMR_TRIAL_BELOW_POINTS, xmrChart, type XmrResult } from './xmr.js';
import { pPrimeChart } from './p-prime.js';
import type { MeasuresRecord } from '../records/model.js';

export type SeriesRecord = NonNullable<MeasuresRecord['series']>[number];

/**
 * Fewest points for an XmR chart. Below 12 the limits are "trial limits" (statistics.md); below 8 the mean
 * moving range rests on 6 or fewer ranges and the limits would mislead more than they help, so only the run
 * chart is reported.
 */
export const XMR_MIN_POINTS = 8;

/** The control chart's name in a briefing: "XmR chart" or "P′ chart". */
export function controlChartName(xmr: Pick<XmrReport, 'chart'>): string {
  return xmr.chart === 'p-prime' ? 'P′ chart' : 'XmR chart';
}

/** The one sentence a briefing gives for a P′ chart: which chart and why. */
export const P_PRIME_REASON =
  'This is a P′ chart (Laney), not an XmR chart: each point is a percentage of a different number of learners, so each point has its own limits, wider where fewer learners answered.';

/** "process limits a to b", or for a P′ chart the limits at the latest point. */
export function limitsPhrase(xmr: Pick<XmrReport, 'chart'>, lower: string, upper: string): string {
  return xmr.chart === 'p-prime'
    ? `process limits at the latest point ${lower} to ${upper}`
    : `process limits ${lower} to ${upper}`;
}

export interface SeriesAnalysisOptions {
  threshold: number;
}

export interface SeriesAnalysis {
  series: SeriesReport[];
  warnings: ReportWarning[];
}

interface Segment {
  from: number;
  to: number;
  rebase: { date: string; reason: string } | null;
  run: RunChartResult;
  xmr: XmrResult | null;
  /** P′ chart only: each point's limits (in %), for a yes/no series with every n recorded. */
  pointLimits: { upper: number | null; lower: number | null }[] | null;
}

const round = (value: number): number => roundTo(value, REPORT_DECIMALS);
const roundOrNull = (value: number | null): number | null => (value === null ? null : round(value));

/** Run and XmR charts of every series of a measure, in file order. */
export function analyseSeries(
  measure: MeasureDefinition,
  series: readonly SeriesRecord[],
  options: SeriesAnalysisOptions,
): SeriesAnalysis {
  const warnings: ReportWarning[] = [];
  const reports = series.map((s) => seriesReport(measure, s, options, warnings));
  return { series: reports, warnings };
}

/**
 * A point resting on fewer learners than the threshold could identify them: leave it out, like a [c] cell. For a
 * yes/no measure the percentage and n give the counts away too ("2 of 30 said yes"), so a small count of yes
 * or of no leaves the point out as well (domain.md, disclosure control).
 */
export function isDisclosivePoint(
  point: { value: number; n?: number | null },
  yesNo: boolean,
  threshold: number,
): boolean {
  if (typeof point.n !== 'number') return false;
  if (isPrimarySuppressed(point.n, { threshold })) return true;
  if (!yesNo) return false;
  const yes = Math.round((point.value / 100) * point.n);
  return isPrimarySuppressed(yes, { threshold }) || isPrimarySuppressed(point.n - yes, { threshold });
}

function seriesReport(
  measure: MeasureDefinition,
  series: SeriesRecord,
  options: SeriesAnalysisOptions,
  warnings: ReportWarning[],
): SeriesReport {
  const group = series.group ?? null;
  const label = group === null ? 'The series' : `The series "${group}"`;
  const all = series.points ?? [];
  // A point the record marks as suppressed (sipp data import writes it so) has no figures to show.
  const kept = all.filter(
    (p): p is typeof p & { value: number } =>
      p.suppressed !== true &&
      typeof p.value === 'number' &&
      !isDisclosivePoint({ value: p.value, n: p.n }, measure.kind === 'yes-no', options.threshold),
  );
  const omittedPoints = all.length - kept.length;
  if (omittedPoints > 0) {
    const why =
      measure.kind === 'yes-no'
        ? `rest${omittedPoints === 1 ? 's' : ''} on fewer than ${options.threshold} learners, or on fewer than ${options.threshold} answering yes or no,`
        : `rest${omittedPoints === 1 ? 's' : ''} on fewer than ${options.threshold} learners`;
    warnings.push({
      code: 'points-omitted',
      message: `${label}: ${omittedPoints} point${omittedPoints === 1 ? '' : 's'} ${why} and ${omittedPoints === 1 ? 'is' : 'are'} left out of the charts.`,
    });
  }
  const points: SeriesPointReport[] = kept.map((p) => ({ date: p.date ?? null, value: p.value, note: p.note ?? null }));
  if (points.length === 0) return { group, points, omittedPoints, segments: [], runChart: null, xmr: null };

  const values = points.map((p) => p.value);
  const higherIsBetter: HigherIsBetter = measure.higherIsBetter ?? null;
  // A yes/no series whose every point records how many learners it rests on gets a P′ chart (statistics.md).
  const ns = kept.map((p) => (typeof p.n === 'number' && p.n >= 1 ? p.n : null));
  const denominators = measure.kind === 'yes-no' && ns.every((n) => n !== null) ? (ns as number[]) : null;
  const segments = splitAtRebases(points, measure, label, warnings).map((s) =>
    analyseSegment(values, s, measure, denominators),
  );
  const chartName = denominators === null ? 'XmR' : 'P′';
  const last = segments[segments.length - 1] as Segment;

  for (const segment of segments) {
    const where = segments.length > 1 ? ` (from ${dateOr(points, segment.from)})` : '';
    const count = segment.to - segment.from + 1;
    if (segment.run.note !== null) {
      warnings.push({
        code: 'few-points',
        message: `${label}${where}: ${segment.run.note} Only shifts and trends are looked for.`,
      });
    }
    if (segment.xmr === null) {
      warnings.push({
        code: 'no-xmr',
        message: `${label}${where}: ${count} point${count === 1 ? '' : 's'}, so no ${chartName} chart (it needs at least ${XMR_MIN_POINTS}).`,
      });
    } else if (segment.xmr.trial) {
      warnings.push({
        code: 'trial-limits',
        message: `${label}${where}: the ${chartName} limits come from ${segment.xmr.baselinePoints} points (fewer than ${XMR_TRIAL_BELOW_POINTS}): treat them as trial limits.`,
      });
    }
    const screened = segment.xmr?.screenedOut.length ?? 0;
    if (screened > 0) {
      warnings.push({
        code: 'screened-ranges',
        message: `${label}${where}: ${screened} unusually large jump${screened === 1 ? '' : 's'} between points ${screened === 1 ? 'was' : 'were'} left out of the XmR limits (moving-range screening is on for this measure).`,
      });
    }
  }

  const runSignals = segments.flatMap((s, i) => runChartSignals(values, points, s, i, higherIsBetter));
  const xmrSignals = segments.flatMap((s, i) => xmrSignalsOf(points, s, i));
  const runReport: RunChartReport = {
    median: roundOrNull(last.run.median),
    longestRun: last.run.longestRun,
    crossings: last.run.crossings,
    signals: runSignals,
    group,
    n: last.run.n,
    useful: last.run.useful,
    runs: last.run.runs,
    longestRunMax: last.run.longestRunMax,
    crossingsMin: last.run.crossingsMin,
    runsLimits: last.run.runsLimits,
    baselinePoints: last.run.baselinePoints,
    note: last.run.note,
  };
  const anyXmr = segments.some((s) => s.xmr !== null);
  const xmrReport: XmrReport | null = anyXmr
    ? {
        chart: denominators === null ? 'xmr' : 'p-prime',
        limits:
          denominators === null
            ? null
            : segments.flatMap((s) =>
                (s.pointLimits ?? []).map((l, k) => ({ date: points[s.from + k]?.date ?? null, ...l })),
              ),
        mean: roundOrNull(last.xmr?.mean ?? null),
        upperLimit: roundOrNull(last.xmr?.upperLimit ?? null),
        lowerLimit: roundOrNull(last.xmr?.lowerLimit ?? null),
        signals: xmrSignals,
        group,
        n: last.to - last.from + 1,
        movingRangeMean: roundOrNull(last.xmr?.mrBar ?? null),
        upperTwoSigma: roundOrNull(last.xmr?.upperTwoSigma ?? null),
        lowerTwoSigma: roundOrNull(last.xmr?.lowerTwoSigma ?? null),
        baselinePoints: last.xmr?.baselinePoints ?? 0,
        trial: last.xmr?.trial ?? true,
      }
    : null;
  return {
    group,
    points,
    omittedPoints,
    segments: segments.map((s) => segmentReport(points, s)),
    runChart: runReport,
    xmr: xmrReport,
  };
}

function dateOr(points: readonly SeriesPointReport[], index: number): string {
  const date = points[index]?.date ?? null;
  return date === null ? `point ${index + 1}` : shortDate(date);
}

/**
 * Where the series starts again: at the first point on or after each rebase date the measure records. A
 * rebase before the first point, after the last, or at the same point as another is not used (with a warning).
 */
function splitAtRebases(
  points: readonly SeriesPointReport[],
  measure: MeasureDefinition,
  label: string,
  warnings: ReportWarning[],
): { from: number; to: number; rebase: Segment['rebase'] }[] {
  const rebases = (measure.chart?.rebase ?? [])
    .filter((r): r is { date: string; reason: string } => typeof r.date === 'string')
    .sort((a, b) => a.date.localeCompare(b.date));
  const starts: { index: number; rebase: Segment['rebase'] }[] = [{ index: 0, rebase: null }];
  for (const rebase of rebases) {
    const index = points.findIndex((p) => p.date !== null && p.date >= rebase.date);
    const previous = starts[starts.length - 1] as { index: number };
    if (index <= 0 || index <= previous.index) {
      warnings.push({
        code: 'rebase-ignored',
        message: `${label}: the rebase on ${shortDate(rebase.date)} is not used: it needs points both before and after it.`,
      });
      continue;
    }
    starts.push({ index, rebase: { date: rebase.date, reason: rebase.reason } });
  }
  return starts.map((start, i) => ({
    from: start.index,
    to: (starts[i + 1]?.index ?? points.length) - 1,
    rebase: start.rebase,
  }));
}

function analyseSegment(
  values: readonly number[],
  segment: { from: number; to: number; rebase: Segment['rebase'] },
  measure: MeasureDefinition,
  denominators: readonly number[] | null,
): Segment {
  const slice = values.slice(segment.from, segment.to + 1);
  const chart = measure.chart ?? {};
  const baselinePoints = typeof chart.baselinePoints === 'number' ? chart.baselinePoints : undefined;
  const yesNo = measure.kind === 'yes-no';
  // A yes/no series is a percentage: its limits stay within 0-100 unless the measure says otherwise.
  const floor = typeof chart.floor === 'number' ? chart.floor : yesNo ? 0 : undefined;
  const ceiling = typeof chart.ceiling === 'number' ? chart.ceiling : yesNo ? 100 : undefined;
  const run = runChart(slice, baselinePoints === undefined ? {} : { baselinePoints });
  if (denominators !== null) {
    const ns = denominators.slice(segment.from, segment.to + 1);
    if (slice.length < XMR_MIN_POINTS) return { ...segment, run, xmr: null, pointLimits: null };
    const p = pPrimeChart(
      slice.map((value, i) => {
        const n = ns[i] as number;
        // The record holds the percentage; the count it was worked from is the nearest whole number.
        return { yes: Math.min(n, Math.max(0, Math.round((value / 100) * n))), n };
      }),
      { ...(baselinePoints === undefined ? {} : { baselinePoints }), higherIsBetter: measure.higherIsBetter ?? null },
    );
    const pct = (x: number | null | undefined): number | null => (x === null || x === undefined ? null : 100 * x);
    const lastAt = slice.length - 1;
    const xmr: XmrResult = {
      n: p.n,
      baselinePoints: p.baselinePoints,
      mean: pct(p.centre),
      movingRanges: p.z.map(() => null),
      mrBar: null,
      screenedOut: [],
      movingRangeUpperLimit: null,
      upperLimit: pct(p.upperLimits[lastAt]),
      lowerLimit: pct(p.lowerLimits[lastAt]),
      upperTwoSigma: pct(p.upperTwoSigma[lastAt]),
      lowerTwoSigma: pct(p.lowerTwoSigma[lastAt]),
      constant: 3,
      screened: false,
      trial: p.trial,
      signals: p.signals,
    };
    const pointLimits = p.upperLimits.map((u, i) => ({
      upper: roundOrNull(pct(u)),
      lower: roundOrNull(pct(p.lowerLimits[i])),
    }));
    return { ...segment, run, xmr, pointLimits };
  }
  const xmr =
    slice.length < XMR_MIN_POINTS
      ? null
      : xmrChart(slice, {
          ...(baselinePoints === undefined ? {} : { baselinePoints }),
          ...(floor === undefined ? {} : { floor }),
          ...(ceiling === undefined ? {} : { ceiling }),
          // Off unless the measure switches it on (statistics.md: "off by default … and can be switched on").
          screenMovingRanges: chart.screenMovingRanges === true,
          higherIsBetter: measure.higherIsBetter ?? null,
        });
  return { ...segment, run, xmr, pointLimits: null };
}

function directionOf(up: boolean, higherIsBetter: HigherIsBetter): SignalDirection {
  if (higherIsBetter === null) return 'neutral';
  return up === higherIsBetter ? 'improvement' : 'concern';
}

function signal(
  points: readonly SeriesPointReport[],
  type: SignalReport['type'],
  from: number,
  to: number,
  side: SignalReport['side'],
  direction: SignalDirection,
  segment: number,
): SignalReport {
  return {
    type,
    from: points[from]?.date ?? null,
    to: points[to]?.date ?? null,
    points: to - from + 1,
    side,
    direction,
    segment,
    fromIndex: from,
    toIndex: to,
  };
}

/** Run-chart signals of a segment, at their places in the whole series. */
function runChartSignals(
  values: readonly number[],
  points: readonly SeriesPointReport[],
  segment: Segment,
  index: number,
  higherIsBetter: HigherIsBetter,
): SignalReport[] {
  const centre = segment.run.centre ?? 0;
  return segment.run.signals.map((s) => {
    const from = segment.from + s.from;
    const to = segment.from + s.to;
    if (s.type === 'shift' || s.type === 'long-run') {
      const above = (values[from] as number) > centre;
      return signal(points, s.type, from, to, above ? 'above' : 'below', directionOf(above, higherIsBetter), index);
    }
    if (s.type === 'trend') {
      const up = (values[to] as number) > (values[from] as number);
      return signal(points, s.type, from, to, up ? 'up' : 'down', directionOf(up, higherIsBetter), index);
    }
    return signal(points, s.type, from, to, null, 'neutral', index);
  });
}

/** XmR signals of a segment: consecutive points with the same signal and side joined into one. */
function xmrSignalsOf(points: readonly SeriesPointReport[], segment: Segment, index: number): SignalReport[] {
  const joined: SignalReport[] = [];
  for (const s of segment.xmr?.signals ?? []) {
    const at = segment.from + s.index;
    const side: SignalReport['side'] =
      s.type === 'trend' ? (s.side === 'high' ? 'up' : 'down') : s.side === 'high' ? 'above' : 'below';
    const last = joined[joined.length - 1];
    if (last !== undefined && last.type === s.type && last.side === side && last.toIndex === at - 1) {
      last.toIndex = at;
      last.to = points[at]?.date ?? null;
      last.points += 1;
      continue;
    }
    joined.push(signal(points, s.type, at, at, side, s.direction, index));
  }
  return joined;
}

function segmentReport(points: readonly SeriesPointReport[], segment: Segment): SegmentReport {
  return {
    from: points[segment.from]?.date ?? null,
    to: points[segment.to]?.date ?? null,
    rebase: segment.rebase,
    fromIndex: segment.from,
    toIndex: segment.to,
    baselinePoints: segment.run.baselinePoints,
    median: roundOrNull(segment.run.median),
    mean: roundOrNull(segment.xmr?.mean ?? null),
    upperLimit: roundOrNull(segment.xmr?.upperLimit ?? null),
    lowerLimit: roundOrNull(segment.xmr?.lowerLimit ?? null),
    pointLimits: segment.pointLimits,
  };
}
