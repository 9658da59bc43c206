// The analysis report as a teacher reads it in a terminal: per cycle and measure, a short table of groups with
// [c] for hidden ones, the equity gap, the effect size and chart signals in plain words, then the notes.
import { styles } from './style.js';
import type {
  AnalysisReport,
  EffectSizeReport,
  GapReport,
  GroupReport,
  MeasureReport,
  SeriesReport,
} from '../core/analysis/report-types.js';
import { decimalsFor, formatNumber, formatChange, shortDate } from '../core/words.js';
import { signalSentence, xmrSignalLines } from '../core/analysis/signal-words.js';
import { MONTHS_CAUTION } from '../core/analysis/measure-report.js';
import { P_PRIME_REASON, controlChartName, limitsPhrase } from '../core/analysis/series-report.js';

const C = '[c]';
const NONE = '–';

export function formatAnalysis(report: AnalysisReport, color: boolean): string {
  const c = styles(color);
  const blocks: string[] = [];
  if (report.cycles.length === 0) return 'The project has no cycles yet: start one with `sipp cycle`.\n';
  for (const cycle of report.cycles) {
    const lines = [c.bold(`Cycle ${cycle.id}`)];
    if (cycle.measures.length === 0) lines.push('', '  No measures yet: add them to measures.yaml.');
    for (const measure of cycle.measures) lines.push('', ...measureLines(measure, color));
    blocks.push(lines.join('\n'));
  }
  if (!hasFigures(report)) blocks.push(NO_FIGURES);
  return `${blocks.join('\n\n')}\n`;
}

const NO_FIGURES =
  "No figures to analyse yet. Import a class table with `sipp data import <file> --cycle <n> --measure <id>`, or type the results into the cycle's measures.yaml.";

/** True when some measure has a group's figures or a dated point to analyse. */
function hasFigures(report: AnalysisReport): boolean {
  return report.cycles.some((cycle) =>
    cycle.measures.some((m) => m.groups.length > 0 || m.series.some((s) => s.points.length > 0)),
  );
}

function measureLines(measure: MeasureReport, color: boolean): string[] {
  const c = styles(color);
  const about = [measure.type, measure.unit, direction(measure.higherIsBetter)].filter((x): x is string => Boolean(x));
  const lines = [`  ${c.bold(measure.name)}${about.length > 0 ? ` (${about.join('; ')})` : ''}`];
  const body: string[] = [];
  if (measure.groups.length > 0) body.push(...groupTable(measure));
  if (measure.gap) body.push(gapSentence(measure.gap));
  if (measure.effectSize) body.push(effectSentence(measure.effectSize));
  for (const series of measure.series) body.push(...seriesLines(series));
  if (body.length === 0)
    body.push(
      measure.type === 'qualitative' ? 'A qualitative measure: no figures to analyse.' : 'No figures recorded yet.',
    );
  for (const warning of measure.warnings) body.push(`${c.yellow('Note:')} ${warning.message}`);
  return [...lines, ...body.map((line) => indent(line, 4))];
}

function direction(higherIsBetter: boolean | null): string | null {
  if (higherIsBetter === null) return null;
  return higherIsBetter ? 'higher is better' : 'lower is better';
}

function indent(text: string, spaces: number): string {
  const pad = ' '.repeat(spaces);
  return text
    .split('\n')
    .map((line) => (line === '' ? line : pad + line))
    .join('\n');
}

/** Group | n | Before | n | After | Change, right-aligned figures, [c] for hidden groups. */
function groupTable(measure: MeasureReport): string[] {
  const yesNo = measure.kind === 'yes-no';
  const decimals = yesNo ? 1 : decimalsFor(measure.groups.flatMap((g) => [g.before.mean, g.after.mean]));
  const value = (g: GroupReport, mean: number | null, n: number | null): string => {
    if (g.suppressed) return C;
    if (mean === null) return n === null ? NONE : NONE;
    return yesNo ? `${formatNumber(mean, decimals, false)}%` : formatNumber(mean, decimals, false);
  };
  const count = (g: GroupReport, n: number | null): string => (g.suppressed ? C : n === null ? NONE : String(n));
  const header = [
    'Group',
    'n',
    yesNo ? 'Before (% yes)' : 'Before',
    'n',
    yesNo ? 'After (% yes)' : 'After',
    yesNo ? 'Change (% points)' : 'Change',
  ];
  const rows = measure.groups.map((g) => [
    g.name,
    count(g, g.before.n),
    value(g, g.before.mean, g.before.n),
    count(g, g.after.n),
    value(g, g.after.mean, g.after.n),
    g.suppressed ? C : g.change === null ? NONE : formatChange(g.change, decimals, false),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] as number) : cell.padStart(widths[i] as number)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

function gapSentence(gap: GapReport): string {
  const decimals = gap.unit === 'points' ? 1 : 1;
  const unit = gap.unit;
  const at = (value: number | null, n: { equityN: number; othersN: number } | null, when: string): string | null => {
    if (value === null || n === null) return null;
    const size = `${formatNumber(Math.abs(value), decimals, false)} ${unit}`;
    const where = value > 0 ? `behind by ${size}` : value < 0 ? `ahead by ${size}` : 'level';
    return `${where} at ${when} (n = ${n.equityN} and ${n.othersN})`;
  };
  const parts = [
    at(gap.baseline, gap.denominators.baseline, 'baseline'),
    at(gap.followUp, gap.denominators.followUp, 'follow-up'),
  ].filter((p): p is string => p !== null);
  const basis = gap.basis === 'simd' ? ' (SIMD quintile 1 against quintile 5)' : '';
  let text = `Equity gap${basis}: ${gap.equityGroup} compared with ${gap.othersGroup}: ${parts.join(', ')}`;
  if (gap.baseline !== null && gap.followUp !== null) {
    const difference = Math.abs(gap.baseline) - Math.abs(gap.followUp);
    const size = `${formatNumber(Math.abs(difference), decimals, false)} ${unit}`;
    const rounded = Number(Math.abs(difference).toFixed(decimals));
    text +=
      rounded === 0 ? ': the gap is about the same' : gap.narrowed ? `: narrowed by ${size}` : `: widened by ${size}`;
  }
  return `${text}.`;
}

function effectSentence(effect: EffectSizeReport): string {
  const f = (x: number | null): string => (x === null ? '[x]' : formatNumber(x, 2, false));
  const m = effect.monthsProgress;
  const months =
    m === null
      ? 'too few learners in a group to read it as months of progress'
      : m === 0
        ? 'no additional months of progress (EEF Toolkit)'
        : m > 0
          ? `about ${m} month${m === 1 ? '' : 's'} of additional progress (EEF Toolkit)`
          : `about ${-m} month${m === -1 ? '' : 's'} less progress (EEF Toolkit)`;
  if (effect.basis === 'comparison') {
    const ci = effect.ci95 ? ` (95% confidence interval ${f(effect.ci95[0])} to ${f(effect.ci95[1])})` : '';
    const crossesZero =
      effect.ci95 !== null && effect.ci95[0] < 0 && effect.ci95[1] > 0
        ? ' The interval includes 0: no difference is also consistent with the figures.'
        : '';
    return `Effect size: Hedges' g = ${f(effect.hedgesG)}${ci}, ${effect.interventionGroup} against ${effect.comparisonGroup ?? 'the comparison group'} after the change: ${months}.${crossesZero}${effect.monthsCaution ? ` ${MONTHS_CAUTION}` : ''}`;
  }
  const interval = effect.ci95
    ? ` (95% confidence interval ${f(effect.ci95[0])} to ${f(effect.ci95[1])}, from the before and after scores of the same learners)`
    : '';
  return `Standardised change (pre-post, ${effect.interventionGroup}): ${f(effect.standardisedChange)}${interval}, with the small-sample correction; not read as months of progress, which need a comparison group. See the note below.`;
}

function seriesLines(series: SeriesReport): string[] {
  const run = series.runChart;
  if (run === null) return [`Series ${series.group ?? ''}: no points yet.`.replace('  ', ' ')];
  const decimals = decimalsFor(series.points.map((p) => p.value));
  const name = series.group === null ? '' : ` of ${series.group}`;
  const lines: string[] = [];
  const segments =
    series.segments.length > 1
      ? `, rebased ${series.segments.length - 1} time${series.segments.length === 2 ? '' : 's'}`
      : '';
  const median = run.median === null ? NONE : formatNumber(run.median, decimals, false);
  // A fixed baseline period (measures.yaml chart.baselinePoints) sets the centre line: say so.
  const fixed =
    run.median !== null && run.baselinePoints < run.n
      ? `, fixed on the first ${run.baselinePoints} points${segments === '' ? '' : ' since the last rebase'}`
      : '';
  lines.push(`Run chart${name} (${series.points.length} points${segments}): median ${median}${fixed}.`);
  const runSignals = run.signals.map((s) => `  • ${signalSentence(s, 'run')}.`);
  const quiet =
    run.note === null ? '  No signal: the points vary about the median as chance alone would.' : '  No shift or trend.';
  lines.push(...(runSignals.length > 0 ? runSignals : [quiet]));
  for (const segment of series.segments) {
    if (segment.rebase)
      lines.push(`  Rebased from ${shortDate(segment.from ?? segment.rebase.date)}: ${segment.rebase.reason}`);
  }
  const xmr = series.xmr;
  if (xmr !== null) {
    const figure = (x: number | null): string => (x === null ? NONE : formatNumber(x, decimals, false));
    const trial = xmr.trial ? ' (trial limits)' : '';
    lines.push(
      `${controlChartName(xmr)}${name}: mean ${figure(xmr.mean)}, ${limitsPhrase(xmr, figure(xmr.lowerLimit), figure(xmr.upperLimit))}${trial}.${xmr.chart === 'p-prime' ? ` ${P_PRIME_REASON}` : ''}`,
    );
    const xmrSignals = xmrSignalLines(xmr.signals).map((line) => `  • ${line}.`);
    lines.push(
      ...(xmrSignals.length > 0
        ? xmrSignals
        : ['  No signal: every point is within the limits, with no run or trend.']),
    );
  }
  return lines;
}
