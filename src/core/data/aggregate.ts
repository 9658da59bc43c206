// Turning learners' values into the only figures sipp keeps: per group and equity group, before and after,
// n with mean and SD (or n and a count of yes), and per date for a series. No learner's value leaves here alone.
import { correlation, proportion, summarise } from '../analysis/index.js';
import type { DisclosureReason } from '../analysis/group-disclosure.js';
import type { LearnerValues, MeasureKind, SeriesObservation, SeriesTotal } from './cells.js';
import type { GroupRole } from './values.js';

/** How the project defines its equity group, as far as a table can show it. */
export type EquityDefinition =
  { marker: 'simd-quintile'; quintiles: readonly number[] } | { marker: 'free-school-meals' } | { marker: 'none' };

export type RoleKey = GroupRole | 'all';
export type EquityKey = 'all' | 'equity-group' | 'others' | 'simd-1' | 'simd-5';

/** Figures of one group at one time: n with mean and SD for scores, n with the count of yes for yes/no. */
export interface Figures {
  n: number;
  mean?: number;
  sd?: number;
  count?: number;
}

export interface AggregatedGroup {
  name: string;
  role: RoleKey;
  equity: EquityKey;
  before?: Figures;
  after?: Figures;
  /** The learners with both a before and an after score: how many, and the correlation of their scores. */
  paired?: Paired;
  /** Why the group's figures are left out of the record: it is written with its name only (import-plan.ts). */
  suppressed?: DisclosureReason;
}

export interface Paired {
  n: number;
  /** Pearson's r of the before and after scores, to CORRELATION_DECIMALS (statistics.md: pre-post change). */
  r: number;
}

export interface SeriesPoint {
  date: string;
  value: number;
  /** How many learners; null for a figure per date given without n. */
  n: number | null;
  /** Why the point is left out of the record (only its date is written): too few learners, or answering yes or no. */
  suppressed?: DisclosureReason;
}

export interface AggregatedSeries {
  group: string;
  points: SeriesPoint[];
}

/** Decimals kept: means and SDs at least 2 (figureDecimals gives more for a small SD), percentages 1. */
export const MEAN_DECIMALS = 2;
export const PERCENT_DECIMALS = 1;
/** The before/after correlation is stored to 3 decimals (statistics.md, "Pre-post change with the raw table"). */
export const CORRELATION_DECIMALS = 3;

export interface ScoreColumns {
  group: boolean;
  simd: boolean;
  fsm: boolean;
  before: boolean;
  after: boolean;
}

/**
 * Per role (intervention and comparison, or all learners when the table has no group column) and per equity
 * breakdown (all; the equity group and the others, by the project's definition; SIMD 1 and SIMD 5 when
 * the table has SIMD): the before and after figures. A learner with an empty score is left out of that
 * time's figures only, so n can differ between before and after. Breakdowns without learners are left out.
 */
export function aggregateScores(
  learners: readonly LearnerValues[],
  kind: MeasureKind,
  equity: EquityDefinition,
  columns: ScoreColumns,
): AggregatedGroup[] {
  const groups: AggregatedGroup[] = [];
  for (const role of rolesOf(columns.group)) {
    const inRole = learners.filter((l) => role === 'all' || l.group === role);
    for (const breakdown of breakdownsOf(equity, columns)) {
      const members = inRole.filter(breakdown.includes);
      if (members.length === 0) continue;
      const group: AggregatedGroup = { name: groupName(role, breakdown.label), role, equity: breakdown.key };
      if (columns.before)
        group.before = figuresOf(
          members.map((m) => m.before),
          kind,
        );
      if (columns.after)
        group.after = figuresOf(
          members.map((m) => m.after),
          kind,
        );
      if (kind === 'score' && columns.before && columns.after) {
        const paired = pairedOf(members);
        if (paired) group.paired = paired;
      }
      groups.push(group);
    }
  }
  return groups;
}

/** The learners with both scores and the correlation of their before and after scores; undefined without spread. */
function pairedOf(members: readonly LearnerValues[]): Paired | undefined {
  const both = members.filter((m) => m.before !== null && m.after !== null);
  const r = correlation(
    both.map((m) => m.before as number),
    both.map((m) => m.after as number),
  );
  return r === null ? undefined : { n: both.length, r: roundTo(r, CORRELATION_DECIMALS) };
}

/** Per role, per date: the mean (or % yes) of the learners with a value that day, with their number. */
export function aggregateSeries(
  observations: readonly SeriesObservation[],
  kind: MeasureKind,
  hasGroup: boolean,
): AggregatedSeries[] {
  const series: AggregatedSeries[] = [];
  for (const role of rolesOf(hasGroup)) {
    // Grouped by date in one pass (filtering every row once per date grew as dates × rows: issue 10).
    const byDate = new Map<string, number[]>();
    for (const o of observations) {
      if (role !== 'all' && o.group !== role) continue;
      const values = byDate.get(o.date) ?? [];
      if (o.value !== null) values.push(o.value);
      byDate.set(o.date, values);
    }
    if (byDate.size === 0) continue;
    const points = [...byDate.keys()].sort().flatMap((date): SeriesPoint[] => {
      const values = byDate.get(date) ?? [];
      if (values.length === 0) return [];
      return [{ date, value: pointValue(values, kind), n: values.length }];
    });
    if (points.length > 0) series.push({ group: ROLE_LABELS[role], points });
  }
  return series;
}

/**
 * Per role, the figures of a series already worked out per date, in date order: the value as written (a yes/no
 * percentage to PERCENT_DECIMALS), with its n when the table gives one. Dates with no value are left out.
 */
export function seriesFromTotals(
  rows: readonly SeriesTotal[],
  kind: MeasureKind,
  hasGroup: boolean,
): AggregatedSeries[] {
  const series: AggregatedSeries[] = [];
  for (const role of rolesOf(hasGroup)) {
    const points = rows
      .filter((r) => (role === 'all' || r.group === role) && r.value !== null)
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
      .map((r): SeriesPoint => ({
        date: r.date,
        value: kind === 'yes-no' ? roundTo(r.value as number, PERCENT_DECIMALS) : (r.value as number),
        n: r.n,
      }));
    if (points.length > 0) series.push({ group: ROLE_LABELS[role], points });
  }
  return series;
}

function pointValue(values: readonly number[], kind: MeasureKind): number {
  if (kind === 'yes-no') {
    const share = proportion(values.filter((v) => v === 1).length, values.length) ?? 0;
    return roundTo(share * 100, PERCENT_DECIMALS);
  }
  return roundTo(summarise(values).mean ?? 0, MEAN_DECIMALS);
}

function rolesOf(hasGroup: boolean): RoleKey[] {
  return hasGroup ? ['intervention', 'comparison'] : ['all'];
}

interface Breakdown {
  key: EquityKey;
  label: string;
  includes: (learner: LearnerValues) => boolean;
}

function breakdownsOf(equity: EquityDefinition, columns: ScoreColumns): Breakdown[] {
  const list: Breakdown[] = [{ key: 'all', label: '', includes: () => true }];
  if (equity.marker === 'simd-quintile' && columns.simd) {
    const inGroup = [...new Set(equity.quintiles)].sort((a, b) => a - b);
    const rest = [1, 2, 3, 4, 5].filter((q) => !inGroup.includes(q));
    if (inGroup.length > 0 && rest.length > 0) {
      // One quintile alone would share its name with the SIMD 1 or SIMD 5 group below.
      const suffix = inGroup.length === 1 ? ' (equity group)' : '';
      list.push(
        {
          key: 'equity-group',
          label: `SIMD ${rangeLabel(inGroup)}${suffix}`,
          includes: (l) => l.simd !== null && inGroup.includes(l.simd),
        },
        { key: 'others', label: `SIMD ${rangeLabel(rest)}`, includes: (l) => l.simd !== null && rest.includes(l.simd) },
      );
    }
  }
  if (equity.marker === 'free-school-meals' && columns.fsm) {
    list.push(
      { key: 'equity-group', label: 'free school meals', includes: (l) => l.fsm === true },
      { key: 'others', label: 'no free school meals', includes: (l) => l.fsm === false },
    );
  }
  if (columns.simd) {
    list.push(
      { key: 'simd-1', label: 'SIMD 1', includes: (l) => l.simd === 1 },
      { key: 'simd-5', label: 'SIMD 5', includes: (l) => l.simd === 5 },
    );
  }
  return list;
}

const ROLE_LABELS: Record<RoleKey, string> = {
  intervention: 'Intervention',
  comparison: 'Comparison',
  all: 'All learners',
};

/** `Intervention`, `Intervention – SIMD 1-2`, `All learners – free school meals`. */
export function groupName(role: RoleKey, equityLabel: string): string {
  return equityLabel === '' ? ROLE_LABELS[role] : `${ROLE_LABELS[role]} \u2013 ${equityLabel}`;
}

/** Quintiles as runs: [1, 2] -> `1-2`, [1, 2, 4] -> `1-2, 4`. */
export function rangeLabel(sorted: readonly number[]): string {
  const runs: string[] = [];
  let start = sorted[0];
  for (let i = 1; i <= sorted.length; i += 1) {
    const previous = sorted[i - 1] as number;
    const current = sorted[i];
    if (current !== previous + 1) {
      runs.push(start === previous ? String(previous) : `${start}-${previous}`);
      start = current;
    }
  }
  return runs.join(', ');
}

function figuresOf(values: readonly (number | null)[], kind: MeasureKind): Figures {
  const present = values.filter((v): v is number => v !== null);
  if (kind === 'yes-no') return { n: present.length, count: present.filter((v) => v === 1).length };
  const { n, mean, sd } = summarise(present);
  const figures: Figures = { n };
  const decimals = figureDecimals(sd);
  if (mean !== null) figures.mean = roundTo(mean, decimals);
  if (sd !== null) figures.sd = roundTo(sd, decimals);
  return figures;
}

/**
 * Decimals for a stored mean and SD: at least MEAN_DECIMALS, and enough that both carry 5 significant figures of
 * the SD (an SD of 0.21 keeps 5 decimals), so an effect size worked out from the record agrees with the raw
 * table to 3 decimals (issue 12).
 */
export function figureDecimals(sd: number | null): number {
  if (sd === null || !Number.isFinite(sd) || sd <= 0) return MEAN_DECIMALS;
  return Math.min(10, Math.max(MEAN_DECIMALS, 4 - Math.floor(Math.log10(sd))));
}

/** Rounds half away from zero to `decimals` places, in decimal (so 1.005 -> 1.01, not 1.00). */
export function roundTo(value: number, decimals: number): number {
  const sign = value < 0 ? -1 : 1;
  const text = String(Math.abs(value));
  // Very large or small numbers print with an exponent already; plain arithmetic is exact enough there.
  if (text.includes('e')) return sign * (Math.round(Math.abs(value) * 10 ** decimals) / 10 ** decimals);
  const shifted = Math.round(Number(`${text}e${decimals}`));
  const result = sign * Number(`${shifted}e-${decimals}`);
  return Object.is(result, -0) ? 0 : result;
}
