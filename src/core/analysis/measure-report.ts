// The before/after part of a measure's report: each group's figures with small groups hidden, the equity gap
// and the effect size (statistics.md, "Change and equity gap", "Effect sizes"; domain.md, disclosure control).

import { hedgesG, prePostInterval, standardisedChange } from './effect-size.js';
import { equityGap, gapChange, type EquityGap, type GroupValue } from './gap.js';
import { hiddenGroups } from './group-disclosure.js';
import { monthsOfProgress } from './months-of-progress.js';
import {
  REPORT_DECIMALS,
  type EffectSizeReport,
  type FiguresReport,
  type GapReport,
  type GroupReport,
  type MeasureKind,
  type ReportWarning,
} from './report-types.js';
import { listInWords, roundTo } from '../words.js';
import type { GroupSummary } from './types.js';
import type { MeasuresRecord } from '../records/model.js';

export type MeasureDefinition = NonNullable<MeasuresRecord['measures']>[number];
export type ResultGroup = NonNullable<NonNullable<MeasuresRecord['results']>[number]['groups']>[number];
type Figures = NonNullable<ResultGroup['before']>;
type Time = 'before' | 'after';

/** Fewer learners than this in a group an effect size or gap rests on earns a warning: its CI is wide. */
export const SMALL_GROUP_N = 10;

/** Under this many learners in a group, months of progress come with the caution that they are a guide. */
export const MONTHS_CAUTION_N = 30;

/** The sentence that goes with months of progress when `monthsCaution` is set. */
export const MONTHS_CAUTION = 'The interval is wide: the months figure is a guide, not a measurement.';

export interface GroupAnalysisOptions {
  threshold: number;
  equityQuintiles: readonly number[];
}

export interface GroupAnalysis {
  groups: GroupReport[];
  gap: GapReport | null;
  effectSize: EffectSizeReport | null;
  warnings: ReportWarning[];
}

const round = (value: number): number => roundTo(value, REPORT_DECIMALS);
const roundOrNull = (value: number | null | undefined): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? round(value) : null;

/** The before/after figures of a measure's groups, the equity gap and the effect size, with small groups hidden. */
export function analyseGroups(
  measure: MeasureDefinition,
  groups: readonly ResultGroup[],
  options: GroupAnalysisOptions,
): GroupAnalysis {
  const kind: MeasureKind = measure.kind === 'yes-no' ? 'yes-no' : 'score';
  const hidden = hiddenGroups(groups, {
    threshold: options.threshold,
    equityQuintiles: options.equityQuintiles,
    yesNo: kind === 'yes-no',
  });
  // A group the record marks as suppressed (sipp data import writes it so) is named, with no figures to show.
  groups.forEach((group, i) => {
    if (group.suppressed === true) hidden.add(i);
  });
  const table = new GroupTable(groups, hidden, kind);
  const warnings: ReportWarning[] = [];
  if (hidden.size > 0) {
    const names = [...hidden].sort((a, b) => a - b).map((i) => (groups[i] as ResultGroup).name);
    warnings.push({
      code: 'suppressed',
      message: `${listInWords(names)} ${names.length === 1 ? 'is' : 'are'} shown as [c]: fewer than ${options.threshold} learners, or figures that would let a small group be worked out from the others.`,
    });
  }
  const gap = gapOf(table, measure, warnings);
  const effectSize = effectSizeOf(table, warnings);
  return { groups: groups.map((_, i) => table.report(i)), gap, effectSize, warnings };
}

/** A measure's groups with what may be shown of each. */
class GroupTable {
  constructor(
    readonly groups: readonly ResultGroup[],
    readonly hidden: ReadonlySet<number>,
    readonly kind: MeasureKind,
  ) {}

  name(index: number): string {
    return (this.groups[index] as ResultGroup).name;
  }

  /** The group's mean, or its percentage answering yes (0-100); null when hidden or not recorded. */
  value(index: number, time: Time): number | null {
    const figures = this.groups[index]?.[time];
    if (!figures || this.hidden.has(index)) return null;
    if (this.kind === 'score') return typeof figures.mean === 'number' ? figures.mean : null;
    return typeof figures.count === 'number' && figures.n > 0 ? (100 * figures.count) / figures.n : null;
  }

  n(index: number, time: Time): number | null {
    const figures = this.groups[index]?.[time];
    return figures && !this.hidden.has(index) ? figures.n : null;
  }

  /** The figures an equity gap takes: a mean, or a proportion for a yes/no measure. */
  gapValue(index: number, time: Time): GroupValue | null {
    const n = this.n(index, time);
    const value = this.value(index, time);
    if (n === null || value === null) return null;
    return this.kind === 'score' ? { mean: value, n } : { proportion: value / 100, n };
  }

  /** The learners with both scores and their before/after correlation, when recorded and the group is shown. */
  paired(index: number): { n: number; r: number } | null {
    const paired = this.groups[index]?.paired;
    return paired && !this.hidden.has(index) && this.kind === 'score' ? paired : null;
  }

  summary(index: number, time: Time): GroupSummary | null {
    const figures = this.groups[index]?.[time];
    if (!figures || this.hidden.has(index) || this.kind !== 'score') return null;
    return { n: figures.n, mean: figures.mean ?? null, sd: figures.sd ?? null };
  }

  /** The one group with this role and an equity label among `equities` (null label = all learners), if unique. */
  find(role: ResultGroup['role'], equities: readonly (string | null)[]): number | undefined {
    const matches = this.groups.flatMap((g, i) =>
      (g.role ?? null) === role && equities.includes(g.equity ?? null) ? [i] : [],
    );
    return matches.length === 1 ? matches[0] : undefined;
  }

  report(index: number): GroupReport {
    const group = this.groups[index] as ResultGroup;
    const before = this.value(index, 'before');
    const after = this.value(index, 'after');
    return {
      name: group.name,
      role: group.role ?? null,
      equity: group.equity ?? null,
      before: this.figures(index, 'before'),
      after: this.figures(index, 'after'),
      change: before === null || after === null ? null : round(after - before),
      suppressed: this.hidden.has(index),
    };
  }

  private figures(index: number, time: Time): FiguresReport {
    const figures: Figures | undefined = this.groups[index]?.[time];
    const shown = figures !== undefined && !this.hidden.has(index);
    const base = {
      n: shown ? figures.n : null,
      mean: roundOrNull(this.value(index, time)),
      sd: shown && this.kind === 'score' ? roundOrNull(figures.sd) : null,
    };
    const date = figures?.date ?? null;
    if (this.kind === 'score') return { ...base, date };
    return { ...base, count: shown && typeof figures.count === 'number' ? figures.count : null, date };
  }
}

const ALL: readonly (string | null)[] = ['all', null];
/** The learners whose gap is reported: the intervention groups first, else everyone, else groups without a role. */
const GAP_ROLES: readonly ResultGroup['role'][] = ['intervention', 'all', null];
const GAP_BASES = [
  { basis: 'equity-group', equity: 'equity-group', others: 'others' },
  { basis: 'simd', equity: 'simd-1', others: 'simd-5' },
] as const;

/**
 * The equity gap at baseline and follow-up (statistics.md): the equity group against the others, or SIMD
 * quintile 1 against quintile 5 when there is no such pair, among the intervention learners if they are split.
 * Null when the measure has no such pair of groups, when either is hidden, or without a direction of better.
 */
function gapOf(table: GroupTable, measure: MeasureDefinition, warnings: ReportWarning[]): GapReport | null {
  const pair = pairForGap(table);
  if (pair === undefined) return null;
  if (table.hidden.has(pair.equity) || table.hidden.has(pair.others)) {
    warnings.push({ code: 'suppressed', message: `The equity gap is not shown: it would use a group shown as [c].` });
    return null;
  }
  if (typeof measure.higherIsBetter !== 'boolean') {
    warnings.push({
      code: 'no-direction',
      message:
        'The equity gap is not shown: the measure does not say whether a higher value is better (set higherIsBetter in measures.yaml).',
    });
    return null;
  }
  const higherIsBetter = measure.higherIsBetter;
  const at = (time: Time): EquityGap | null => {
    const equity = table.gapValue(pair.equity, time);
    const others = table.gapValue(pair.others, time);
    return equity === null || others === null ? null : equityGap({ equity, others, higherIsBetter });
  };
  const baseline = at('before');
  const followUp = at('after');
  if (baseline === null && followUp === null) return null;
  const change = gapChange(baseline, followUp);
  const small = [baseline, followUp].some((g) => g !== null && Math.min(g.equityN, g.othersN) < SMALL_GROUP_N);
  if (small) {
    warnings.push({
      code: 'small-groups',
      message: `The equity gap compares groups of fewer than ${SMALL_GROUP_N} learners: a few learners can move it a long way.`,
    });
  }
  const denominators = (g: EquityGap | null) => (g === null ? null : { equityN: g.equityN, othersN: g.othersN });
  return {
    baseline: baseline === null ? null : round(baseline.gap),
    followUp: followUp === null ? null : round(followUp.gap),
    change: change === null ? null : round(change.change),
    narrowed: change === null ? null : change.narrowed,
    unit: table.kind === 'score' ? 'points' : 'percentage points',
    basis: pair.basis,
    equityGroup: table.name(pair.equity),
    othersGroup: table.name(pair.others),
    denominators: { baseline: denominators(baseline), followUp: denominators(followUp) },
  };
}

function pairForGap(table: GroupTable): { basis: GapReport['basis']; equity: number; others: number } | undefined {
  for (const { basis, equity, others } of GAP_BASES) {
    for (const role of GAP_ROLES) {
      const e = table.find(role, [equity]);
      const o = table.find(role, [others]);
      if (e !== undefined && o !== undefined) return { basis, equity: e, others: o };
    }
  }
  return undefined;
}

/** The group a pre-post change is taken from: the intervention learners, else everyone, else the only group. */
function mainGroup(table: GroupTable): number | undefined {
  return (
    table.find('intervention', ALL) ??
    table.find('all', ALL) ??
    table.find(null, ALL) ??
    (table.groups.length === 1 ? 0 : undefined)
  );
}

/**
 * Hedges' g of the intervention against the comparison group on the post-test when both are there (basis
 * `comparison`); otherwise the pre-post standardised change of the intervention group, with the caveat that it
 * is no evidence of impact on its own. Scores only: a yes/no measure reports its change in percentage points.
 */
function effectSizeOf(table: GroupTable, warnings: ReportWarning[]): EffectSizeReport | null {
  if (table.kind !== 'score') return null;
  const intervention = mainGroup(table);
  if (intervention === undefined) return null;
  const comparison = table.find('comparison', ALL);
  const used = comparison === undefined ? [intervention] : [intervention, comparison];
  if (used.some((i) => table.hidden.has(i))) {
    warnings.push({ code: 'suppressed', message: 'The effect size is not shown: it would use a group shown as [c].' });
    return null;
  }
  const report =
    comparison === undefined
      ? prePost(table, intervention, warnings)
      : versusComparison(table, intervention, comparison, warnings);
  if (report === null) return null;
  const times: Time[] = comparison === undefined ? ['before', 'after'] : ['after'];
  const sizes = used.flatMap((i) => times.map((t) => table.n(i, t) ?? 0));
  if (Math.min(...sizes) < SMALL_GROUP_N) {
    warnings.push({
      code: 'small-groups',
      message: `The effect size rests on a group of fewer than ${SMALL_GROUP_N} learners: its true value could be far from the one shown${report.basis === 'comparison' ? ', so it is not turned into months of progress' : ''}.`,
    });
    // Below the floor of SMALL_GROUP_N per arm, no months at all (two groups of 2 once read as "12 months").
    return { ...report, monthsProgress: null, monthsCaution: false };
  }
  return report;
}

function versusComparison(
  table: GroupTable,
  intervention: number,
  comparison: number,
  warnings: ReportWarning[],
): EffectSizeReport | null {
  const a = table.summary(intervention, 'after');
  const b = table.summary(comparison, 'after');
  const g = a && b ? hedgesG(a, b) : null;
  if (g === null) {
    if (a && b && a.sd === 0 && b.sd === 0) {
      warnings.push({
        code: 'no-figures',
        message:
          'No effect size: every learner in both groups has the same score after the change (standard deviation 0), so there is no spread to measure the difference against. The change in the means is in the table.',
      });
    } else if (a || b) {
      warnings.push({
        code: 'no-figures',
        message:
          'No effect size: it needs the after mean and standard deviation of both the intervention and the comparison group.',
      });
    }
    return null;
  }
  return {
    hedgesG: round(g.g),
    standardisedChange: null,
    ci95: [round(g.ci95[0]), round(g.ci95[1])],
    monthsProgress: monthsOfProgress(g.g),
    monthsCaution: (g.ci95[0] < 0 && g.ci95[1] > 0) || Math.min(a?.n ?? 0, b?.n ?? 0) < MONTHS_CAUTION_N,
    basis: 'comparison',
    statistic: 'hedges-g',
    d: round(g.d),
    se: round(g.se),
    interventionGroup: table.name(intervention),
    comparisonGroup: table.name(comparison),
  };
}

function prePost(table: GroupTable, intervention: number, warnings: ReportWarning[]): EffectSizeReport | null {
  const before = table.summary(intervention, 'before');
  const after = table.summary(intervention, 'after');
  const change = before && after ? standardisedChange(before, after) : null;
  if (change === null) {
    if (before && after && before.sd === 0 && before.mean !== null && after.mean !== null) {
      warnings.push({
        code: 'no-figures',
        message:
          'No effect size: every learner had the same score before (standard deviation 0), so the change cannot be standardised. The change in the mean is in the table.',
      });
    }
    return null;
  }
  warnings.push({
    code: 'no-comparison',
    message:
      'There is no comparison group, so the effect size is a pre-post standardised change: it is not evidence of impact on its own, because learners would have made some progress without the change.',
  });
  // With the small-sample correction J(n - 1), as metafor's SMCR; uncorrected only where J is not defined (n < 3).
  const value = change.corrected ?? change.value;
  // The interval needs the before/after correlation of the same learners, which only the raw table gives.
  const paired = table.paired(intervention);
  const interval = paired ? prePostInterval(value, paired.n, paired.r) : null;
  return {
    hedgesG: null,
    standardisedChange: round(value),
    ci95: interval ? [round(interval.ci95[0]), round(interval.ci95[1])] : null,
    // Months of progress belong to a comparison-group effect only (EEF): never for a pre-post change.
    monthsProgress: null,
    monthsCaution: false,
    basis: 'pre-post',
    statistic: 'standardised-change',
    d: null,
    se: interval ? round(interval.se) : null,
    interventionGroup: table.name(intervention),
    comparisonGroup: null,
  };
}
