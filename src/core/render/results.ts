// The results of one measure as a briefing shows them, worded from the analysis report (src/core/analysis), so
// that `sipp brief` and `sipp analyse` always agree: a before/after/change table per group with [c] for groups
// the report hides, the equity gap and effect size in sentences, the dated series and a one-line headline.
import { signalSentence } from '../analysis/signal-words.js';
import { MONTHS_CAUTION } from '../analysis/measure-report.js';
import { P_PRIME_REASON, controlChartName, limitsPhrase } from '../analysis/series-report.js';
import type { PlacedCharts } from './chart-views.js';
import type { FiguresReport, GroupReport, MeasureReport, SeriesReport } from '../analysis/report-types.js';
import type {
  Answer,
  ChartReadingView,
  ChartView,
  FiguresView,
  KeyFigureView,
  MeasureResultsView,
  ResultRowView,
  SeriesView,
} from './types.js';
import {
  MARKER,
  answer,
  dateInWords,
  decimalsFor,
  formatChange,
  formatCount,
  formatNumber,
  formatPercent,
  groupRoleLabel,
  isGiven,
  listInWords,
  measureTypeLabel,
} from '../words.js';

const ARROW = '\u2192';
const EFFECT_DECIMALS = 2;

const NO_CHARTS: PlacedCharts = { measure: [], series: [] };

/** `charts`: the measure's drawn charts (chart-views.ts), when the briefing has them. */
export function measureResults(
  report: MeasureReport,
  finding: Answer,
  charts: PlacedCharts = NO_CHARTS,
): MeasureResultsView {
  const yesNo = report.kind === 'yes-no';
  const decimals = yesNo
    ? 1
    : decimalsFor(report.groups.flatMap((g) => [g.before.mean, g.before.sd, g.after.mean, g.after.sd]));
  const table = new ResultTable(report.groups, yesNo, decimals);
  const rows = report.groups.map((g) => table.row(g));
  const hasSeries = report.series.length > 0;
  return {
    id: report.id,
    name: report.name,
    unit: isGiven(report.unit) ? (report.unit as string).trim() : '',
    type: measureTypeLabel(report.type),
    isScore: !yesNo,
    valueHeading: yesNo ? '% yes' : 'Mean',
    changeHeading: yesNo ? 'Change (percentage points)' : 'Change',
    beforeDate: datesOf(report.groups.map((g) => g.before.date)),
    afterDate: datesOf(report.groups.map((g) => g.after.date)),
    rows,
    hasRows: rows.length > 0,
    note:
      rows.length > 0 || hasSeries
        ? ''
        : report.type === 'qualitative'
          ? 'A qualitative measure: see what the team found.'
          : 'No figures recorded yet.',
    keyFigures: [...gapFigures(report, decimals), ...effectFigures(report)],
    cautions: report.warnings.map((w) => w.message),
    series: report.series.map((s, i) => seriesView(s, report, charts.series[i] ?? [])),
    charts: charts.measure,
    finding,
    headline: table.headline(),
  };
}

/** Distinct collection dates in words: `28 August 2025`, or `28 August 2025 and 4 September 2025`. */
function datesOf(dates: readonly (string | null | undefined)[]): string {
  const distinct = [...new Set(dates.filter((d): d is string => isGiven(d)))].sort();
  return listInWords(distinct.map(dateInWords));
}

/** The groups of one measure, printed: [c] for a hidden group, [x] for a figure not recorded. */
class ResultTable {
  constructor(
    readonly groups: readonly GroupReport[],
    readonly yesNo: boolean,
    readonly decimals: number,
  ) {}

  private figures(group: GroupReport, figures: FiguresReport, recorded: boolean): FiguresView {
    const sd = (text: string): string => (this.yesNo ? '' : text);
    if (group.suppressed) return { n: MARKER.confidential, value: MARKER.confidential, sd: sd(MARKER.confidential) };
    if (!recorded) return { n: MARKER.notAvailable, value: MARKER.notAvailable, sd: sd(MARKER.notAvailable) };
    return {
      n: figures.n === null ? MARKER.notAvailable : formatCount(figures.n),
      value: this.value(figures.mean),
      sd: sd(figures.sd === null ? MARKER.notAvailable : formatNumber(figures.sd, this.decimals)),
    };
  }

  private value(mean: number | null): string {
    if (mean === null) return MARKER.notAvailable;
    return this.yesNo ? formatPercent(mean) : formatNumber(mean, this.decimals);
  }

  private change(group: GroupReport): string {
    if (group.suppressed) return MARKER.confidential;
    return group.change === null ? MARKER.notAvailable : formatChange(group.change, this.decimals);
  }

  row(group: GroupReport): ResultRowView {
    return {
      group: group.name,
      role: groupRoleLabel(group.role),
      before: this.figures(group, group.before, group.before.n !== null),
      after: this.figures(group, group.after, group.after.n !== null),
      change: this.change(group),
      suppressed: group.suppressed,
    };
  }

  private find(role: string, equities: readonly (string | null)[]): GroupReport | undefined {
    const matches = this.groups.filter((g) => g.role === role && equities.includes(g.equity));
    return matches.length === 1 ? matches[0] : undefined;
  }

  /** `Intervention classes 24.1 → 27.2 (+3.1)` for the groups an overview reader looks at first. */
  headline(): string {
    if (this.groups.length === 0) return 'No results yet';
    const picks = [
      this.find('intervention', ['all', null]),
      this.find('intervention', ['equity-group']),
      this.find('comparison', ['all', null]),
    ];
    let chosen = [...new Set(picks.filter((g): g is GroupReport => g !== undefined))];
    if (chosen.length === 0) chosen = [this.groups[0] as GroupReport];
    return chosen.map((g) => this.groupHeadline(g)).join('; ');
  }

  private groupHeadline(group: GroupReport): string {
    if (group.suppressed) return `${group.name} ${MARKER.confidential}`;
    const change = this.change(group);
    const unit = this.yesNo && change !== MARKER.notAvailable ? ' percentage points' : '';
    return `${group.name} ${this.value(group.before.mean)} ${ARROW} ${this.value(group.after.mean)} (${change}${unit})`;
  }
}

/** The equity gap before and after, with both denominators (statistics.md, "Change and equity gap"). */
function gapFigures(report: MeasureReport, decimals: number): KeyFigureView[] {
  const gap = report.gap;
  if (gap === null) return [];
  const unit = gap.unit;
  const size = (value: number): string => formatNumber(Math.abs(value), decimals);
  const position = (value: number): string =>
    Number(size(value)) === 0 ? 'level with' : `${size(value)} ${unit} ${value < 0 ? 'ahead of' : 'behind'}`;
  const times = [
    { value: gap.baseline, d: gap.denominators.baseline, when: 'before' },
    { value: gap.followUp, d: gap.denominators.followUp, when: 'after' },
  ].filter(
    (t): t is { value: number; d: { equityN: number; othersN: number }; when: string } =>
      t.value !== null && t.d !== null,
  );
  if (times.length === 0) return [];
  // The first time names the other group; the second reads on from it: "… behind "B" before (…) and 1.3 points behind after (…)".
  const parts = times.map(
    (t, i) =>
      `${position(t.value)}${i === 0 ? ` "${gap.othersGroup}"` : ''} ${t.when} (n = ${formatCount(t.d.equityN)} and ${formatCount(t.d.othersN)})`,
  );
  let text = `"${gap.equityGroup}" were ${parts.join(' and ')}.`;
  if (gap.change !== null) {
    const trend = gap.narrowed ? 'narrowed' : gap.change === 0 ? 'stayed the same' : 'widened';
    text += ` The gap ${trend} (change in the gap ${formatChange(gap.change, decimals)} ${unit}).`;
  }
  return [{ label: 'Equity gap', text }];
}

/** Hedges' g of intervention against comparison after the change or, without a comparison, the pre-post change. */
function effectFigures(report: MeasureReport): KeyFigureView[] {
  const effect = report.effectSize;
  if (effect === null) return [];
  const f = (x: number | null): string => (x === null ? '[x]' : formatNumber(x, EFFECT_DECIMALS));
  if (effect.basis === 'comparison') {
    const months =
      effect.monthsProgress === null
        ? 'With fewer than 10 learners in a group it is not read as months of progress.'
        : `The EEF Toolkit would read it as ${monthsInWords(effect.monthsProgress)} of additional progress (a conversion meant for attainment).${effect.monthsCaution ? ` ${MONTHS_CAUTION}` : ''}`;
    const ci = effect.ci95 ? ` (95% confidence interval ${f(effect.ci95[0])} to ${f(effect.ci95[1])})` : '';
    return [
      {
        label: 'Effect size',
        text:
          `Hedges' g = ${f(effect.hedgesG)}${ci}, "${effect.interventionGroup}" against "${effect.comparisonGroup ?? ''}" after the change. ` +
          months,
      },
    ];
  }
  return [
    {
      label: 'Standardised change (pre-post)',
      text: `${f(effect.standardisedChange)}${effect.ci95 ? ` (95% confidence interval ${f(effect.ci95[0])} to ${f(effect.ci95[1])})` : ''} for "${effect.interventionGroup}": the change in the mean divided by the standard deviation before, with the small-sample correction. Without a comparison group this is not evidence of impact on its own.`,
    },
  ];
}

function monthsInWords(months: number): string {
  const size = Math.abs(months);
  const text = `${size} month${size === 1 ? '' : 's'}`;
  return months < 0 ? `${text} less` : text;
}

function seriesView(series: SeriesReport, report: MeasureReport, charts: ChartView[]): SeriesView {
  const decimals = decimalsFor(
    series.points.map((p) => p.value),
    0,
  );
  return {
    group: answer(series.group),
    points: series.points.map((p) => ({
      date: p.date ? dateInWords(p.date) : MARKER.notAvailable,
      value: formatNumber(p.value, decimals),
      note: isGiven(p.note) ? answer(p.note).text : '',
    })),
    readings: chartReadings(series, decimals),
    charts,
    omitted:
      series.omittedPoints === 0
        ? ''
        : `${series.omittedPoints} point${series.omittedPoints === 1 ? ' is' : 's are'} left out: ${series.omittedPoints === 1 ? 'it rests' : 'they rest'} on too few learners to show.`,
    unit: isGiven(report.unit) ? (report.unit as string).trim() : '',
  };
}

/** What the run chart and the XmR chart of a series show (statistics.md, "Run charts", "XmR charts"). */
function chartReadings(series: SeriesReport, decimals: number): ChartReadingView[] {
  const run = series.runChart;
  if (run === null || series.points.length === 0) return [];
  const figure = (x: number | null): string =>
    x === null ? MARKER.notAvailable : formatNumber(x, decimalsFor([x], decimals));
  const sentence = (text: string): string => `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  const readings: ChartReadingView[] = [
    {
      chart: 'Run chart',
      text: `median ${figure(run.median)} over ${run.n} point${run.n === 1 ? '' : 's'}${run.signals.length === 0 ? (run.note === null ? '; no signal of change' : '; no shift or trend') : ''}.`,
      signals: run.signals.map((s) => sentence(signalSentence(s, 'run'))),
    },
  ];
  const xmr = series.xmr;
  if (xmr !== null) {
    readings.push({
      chart: controlChartName(xmr),
      text: `mean ${figure(xmr.mean)}, ${limitsPhrase(xmr, figure(xmr.lowerLimit), figure(xmr.upperLimit))}${xmr.trial ? ' (trial limits: fewer than 12 points)' : ''}${xmr.signals.length === 0 ? '; no signal' : ''}.${xmr.chart === 'p-prime' ? ` ${P_PRIME_REASON}` : ''}`,
      signals: xmr.signals.map((s) => sentence(signalSentence(s, 'xmr'))),
    });
  }
  return readings;
}
