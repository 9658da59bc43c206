// The network view of many partnerships' enquiry, as figures: one row per member (status), and per measure shared
// by two or more cycles, every cycle's effect size and their random-effects pooled estimate (statistics.md,
// "Meta-analysis"), the equity gaps, the decisions and the track record of predictions. Pure: members come in
// already read and analysed (each cycle as its own briefing reports it, small groups hidden), figures go out.
import type { MeasureReport } from '../analysis/report-types.js';
import type { CycleData } from '../method/contract.js';
import type { TrackRecord } from '../predictions/track-record.js';
import type { Problem } from '../problems.js';
import { recordOf } from '../records/cycle-data.js';
import type { ProjectFile } from '../records/model.js';
import type { CycleStatus } from '../status/index.js';
import { metaAnalyse, type Estimator, type PooledEffect } from './meta-analysis.js';

/** A member as sipp read it from its cache; `project` is null when it has never been pulled. */
export interface MemberInput {
  name: string;
  source: string;
  ref: string | null;
  pulledAt: string | null;
  lastCommit: string | null;
  committers: number;
  project: {
    file: Partial<ProjectFile> | undefined;
    problems: readonly Problem[];
    cycles: readonly CycleData[];
    statuses: readonly CycleStatus[];
    /** Each valid cycle's measure reports, by folder. */
    reports: ReadonlyMap<string, readonly MeasureReport[]>;
    trackRecord: TrackRecord;
  } | null;
}

export interface MemberRow {
  /** contract */
  name: string;
  /** contract */
  source: string;
  ref: string | null;
  /** contract: the partnership's name (sipp.yaml), or the project's title; null when not pulled. */
  partnership: string | null;
  schools: string[];
  localAuthorities: string[];
  methods: string[];
  /** contract */
  cycles: number;
  latestStage: string | null;
  /** contract: the date of the last commit read (ISO 8601), null when not pulled. */
  lastCommit: string | null;
  committers: number;
  /** contract: errors in its records (sipp validate); its cycles with errors are left out of the analysis. */
  problems: number;
  /** Cycles left out of the analysis because their records have errors. */
  leftOut: string[];
  pulledAt: string | null;
}

export interface StudyEffect {
  member: string;
  cycle: string;
  /** The cycle's own measure id (the shared key may differ). */
  measure: string;
  g: number;
  ci95: [number, number] | null;
  n: [number | null, number | null];
  se: number | null;
}

export interface MeasurePooling {
  /** contract: the shared key, or the measure id. */
  id: string;
  basis: 'comparison' | 'pre-post';
  k: number;
  studies: StudyEffect[];
  pooled: (Omit<PooledEffect, 'k'> & { estimator: Estimator }) | null;
  /** Why nothing is pooled, or which studies could not enter, in words. */
  notes: string[];
}

export interface GapChange {
  member: string;
  cycle: string;
  measure: string;
  baseline: number;
  followUp: number;
  change: 'narrowed' | 'widened' | 'unchanged';
}

export interface NetworkAnalysis {
  members: MemberRow[];
  measures: MeasurePooling[];
  gaps: { cycles: GapChange[]; narrowed: number; widened: number; unchanged: number };
  decisions: { method: string; theme: string; decision: string; count: number }[];
  predictions: { 'as-predicted': number; partly: number; 'not-as-predicted': number; waiting: number };
}

export function memberRow(member: MemberInput): MemberRow {
  const project = member.project;
  const file = project?.file;
  const partnership = file?.partnership;
  const errors = project ? project.problems.filter((p) => p.severity === 'error') : [];
  const latest = project?.statuses.at(-1);
  return {
    name: member.name,
    source: member.source,
    ref: member.ref,
    partnership: project ? (textOf(partnership?.name) ?? textOf(file?.title) ?? null) : null,
    schools: (partnership?.schools ?? []).map((s) => s.name),
    localAuthorities: (partnership?.localAuthorities ?? []).filter((a): a is string => typeof a === 'string'),
    methods: [...new Set((project?.cycles ?? []).map((c) => c.method))],
    cycles: project?.statuses.length ?? 0,
    latestStage: latest ? (latest.complete ? 'complete' : latest.stage) : null,
    lastCommit: member.lastCommit,
    committers: member.committers,
    problems: errors.length,
    leftOut: (project?.statuses ?? []).filter((s) => s.problems.length > 0).map((s) => s.folder),
    pulledAt: member.pulledAt,
  };
}

export interface AnalyseOptions {
  estimator: Estimator;
  /** Only this measure (a shared key or an id). */
  measure?: string;
}

export function analyseNetwork(members: readonly MemberInput[], options: AnalyseOptions): NetworkAnalysis {
  const rows = members.map(memberRow);
  const studies = new Map<string, { basis: 'comparison' | 'pre-post'; list: StudyEffect[]; notes: string[] }>();
  const gapCycles: GapChange[] = [];
  const decisions = new Map<string, { method: string; theme: string; decision: string; count: number }>();
  const predictions = { 'as-predicted': 0, partly: 0, 'not-as-predicted': 0, waiting: 0 };
  for (const member of members) {
    const project = member.project;
    if (!project) continue;
    for (const [k, v] of Object.entries(project.trackRecord.counts)) predictions[k as keyof typeof predictions] += v;
    for (const cycle of project.cycles) {
      const reports = project.reports.get(cycle.source.folder);
      if (!reports) continue;
      const definitions = recordOf(cycle, 'measures')?.measures ?? [];
      for (const report of reports) {
        const key = definitions.find((d) => d.id === report.id)?.shared ?? report.id;
        if (options.measure !== undefined && key !== options.measure && report.id !== options.measure) continue;
        const effect = report.effectSize;
        if (effect) {
          const basis = effect.basis;
          const slot = studies.get(`${key}\u0000${basis}`) ?? { basis, list: [], notes: [] };
          const g = basis === 'comparison' ? effect.hedgesG : effect.standardisedChange;
          const after = (role: string) =>
            report.groups.find((gr) => gr.role === role && (gr.equity ?? 'all') === 'all')?.after.n ?? null;
          if (g !== null)
            slot.list.push({
              member: member.name,
              cycle: cycle.source.folder,
              measure: report.id,
              g,
              ci95: effect.ci95,
              n:
                basis === 'comparison'
                  ? [after('intervention'), after('comparison')]
                  : [after('intervention') ?? after('all'), null],
              se: effect.se,
            });
          studies.set(`${key}\u0000${basis}`, slot);
        }
        const gap = report.gap;
        if (gap && gap.baseline !== null && gap.followUp !== null)
          gapCycles.push({
            member: member.name,
            cycle: cycle.source.folder,
            measure: key,
            baseline: gap.baseline,
            followUp: gap.followUp,
            change:
              Math.abs(gap.followUp) < Math.abs(gap.baseline)
                ? 'narrowed'
                : Math.abs(gap.followUp) > Math.abs(gap.baseline)
                  ? 'widened'
                  : 'unchanged',
          });
      }
      const decision = recordOf(cycle, 'reflections')?.decision;
      if (typeof decision === 'string') {
        const theme = textOf(recordOf(cycle, 'question')?.theme) ?? '(no theme)';
        const slotKey = `${cycle.method}\u0000${theme}\u0000${decision}`;
        const slot = decisions.get(slotKey) ?? { method: cycle.method, theme, decision, count: 0 };
        slot.count += 1;
        decisions.set(slotKey, slot);
      }
    }
  }
  const measures = [...studies]
    .map(([key, slot]) => pooling(key.split('\u0000')[0] as string, slot.basis, slot.list, options.estimator))
    .filter((m) => m.studies.length > 0)
    .sort((a, b) => a.id.localeCompare(b.id, 'en') || a.basis.localeCompare(b.basis, 'en'));
  return {
    members: rows,
    measures,
    gaps: {
      cycles: gapCycles,
      narrowed: gapCycles.filter((g) => g.change === 'narrowed').length,
      widened: gapCycles.filter((g) => g.change === 'widened').length,
      unchanged: gapCycles.filter((g) => g.change === 'unchanged').length,
    },
    decisions: [...decisions.values()].sort(
      (a, b) =>
        a.method.localeCompare(b.method, 'en') ||
        a.theme.localeCompare(b.theme, 'en') ||
        a.decision.localeCompare(b.decision, 'en'),
    ),
    predictions,
  };
}

/**
 * One measure and basis across cycles: pre-post and comparison-group effects are never pooled together; a study
 * without a standard error (a pre-post change without the before/after correlation) cannot enter.
 */
function pooling(
  id: string,
  basis: 'comparison' | 'pre-post',
  list: StudyEffect[],
  estimator: Estimator,
): MeasurePooling {
  const sorted = [...list].sort(
    (a, b) => a.member.localeCompare(b.member, 'en') || a.cycle.localeCompare(b.cycle, 'en'),
  );
  const usable = sorted.filter((s) => s.se !== null && s.se > 0);
  const notes: string[] = [];
  const without = sorted.length - usable.length;
  if (without > 0)
    notes.push(
      `${without} cycle${without === 1 ? ' has' : 's have'} no standard error (a pre-post change recorded without the before/after correlation) and ${without === 1 ? 'is' : 'are'} not pooled.`,
    );
  const pooled = metaAnalyse(
    usable.map((s) => ({ y: s.g, v: (s.se as number) ** 2 })),
    estimator,
  );
  if (pooled === null)
    notes.push(
      usable.length < 2
        ? 'Only one cycle can enter, so there is nothing to pool: a pooled figure needs two or more.'
        : 'These cycles cannot be pooled.',
    );
  const { k: _k, ...rest } = pooled ?? { k: 0 };
  return {
    id,
    basis,
    k: usable.length,
    studies: sorted,
    pooled: pooled ? (rest as MeasurePooling['pooled']) : null,
    notes,
  };
}

function textOf(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}
