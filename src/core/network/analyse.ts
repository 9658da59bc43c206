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

/** contract (`sipp network status --json`): a member's row, the status part of its facts. */
export type MemberRow = Pick<MemberFacts, (typeof ROW_KEYS)[number]>;

const ROW_KEYS = [
  'name',
  'source',
  'ref',
  'partnership',
  'schools',
  'localAuthorities',
  'methods',
  'cycles',
  'latestStage',
  'lastCommit',
  'committers',
  'problems',
  'leftOut',
  'pulledAt',
] as const;

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

/**
 * What the network needs of one member, worked out once per pulled commit (the costly part: every record read,
 * validated and analysed) and then only combined: its status row's facts, each cycle's effect sizes by measure
 * key, its gaps, decisions, prediction counts and latest learning. Plain data, so it can be remembered on disk.
 */
export interface MemberFacts {
  name: string;
  source: string;
  ref: string | null;
  pulledAt: string | null;
  lastCommit: string | null;
  committers: number;
  pulled: boolean;
  /** contract: the partnership's name (sipp.yaml), or the project's title; null when not pulled. */
  partnership: string | null;
  schools: string[];
  localAuthorities: string[];
  methods: string[];
  cycles: number;
  latestStage: string | null;
  /** contract: errors in its records (sipp validate); its cycles with errors are left out of the analysis. */
  problems: number;
  /** Cycles left out of the analysis because their records have errors. */
  leftOut: string[];
  studies: (StudyEffect & { key: string; basis: 'comparison' | 'pre-post' })[];
  gaps: GapChange[];
  decisions: { method: string; theme: string; decision: string }[];
  predictions: NetworkAnalysis['predictions'];
  learning: { cycle: string; learning: string; nextSteps: string } | null;
  /** The member's suppression threshold (sipp.yaml), for the briefing's note. */
  threshold: number | null;
}

export function memberFacts(member: MemberInput): MemberFacts {
  const project = member.project;
  const file = project?.file;
  const partnership = file?.partnership;
  const latest = project?.statuses.at(-1);
  const facts: MemberFacts = {
    name: member.name,
    source: member.source,
    ref: member.ref,
    pulledAt: member.pulledAt,
    lastCommit: member.lastCommit,
    committers: member.committers,
    pulled: project !== null,
    partnership: project ? (textOf(partnership?.name) ?? textOf(file?.title) ?? null) : null,
    schools: (partnership?.schools ?? []).map((s) => s.name),
    localAuthorities: (partnership?.localAuthorities ?? []).filter((a): a is string => typeof a === 'string'),
    methods: [...new Set((project?.cycles ?? []).map((c) => c.method))],
    cycles: project?.statuses.length ?? 0,
    latestStage: latest ? (latest.complete ? 'complete' : latest.stage) : null,
    problems: project ? project.problems.filter((p) => p.severity === 'error').length : 0,
    leftOut: (project?.statuses ?? []).filter((s) => s.problems.length > 0).map((s) => s.folder),
    studies: [],
    gaps: [],
    decisions: [],
    predictions: {
      ...(project?.trackRecord.counts ?? { 'as-predicted': 0, partly: 0, 'not-as-predicted': 0, waiting: 0 }),
    },
    learning: null,
    threshold: typeof file?.suppressionThreshold === 'number' ? file.suppressionThreshold : null,
  };
  if (!project) return facts;
  for (const cycle of project.cycles) {
    const reports = project.reports.get(cycle.source.folder) ?? [];
    const definitions = recordOf(cycle, 'measures')?.measures ?? [];
    for (const report of reports) {
      const key = definitions.find((d) => d.id === report.id)?.shared ?? report.id;
      const effect = report.effectSize;
      const g = effect ? (effect.basis === 'comparison' ? effect.hedgesG : effect.standardisedChange) : null;
      if (effect && g !== null) {
        const after = (role: string) =>
          report.groups.find((gr) => gr.role === role && (gr.equity ?? 'all') === 'all')?.after.n ?? null;
        facts.studies.push({
          key,
          basis: effect.basis,
          member: member.name,
          cycle: cycle.source.folder,
          measure: report.id,
          g,
          ci95: effect.ci95,
          n:
            effect.basis === 'comparison'
              ? [after('intervention'), after('comparison')]
              : [after('intervention') ?? after('all'), null],
          se: effect.se,
        });
      }
      const gap = report.gap;
      if (gap && gap.baseline !== null && gap.followUp !== null)
        facts.gaps.push({
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
    const reflections = recordOf(cycle, 'reflections');
    const decision = reflections?.decision;
    if (typeof decision === 'string')
      facts.decisions.push({
        method: cycle.method,
        theme: textOf(recordOf(cycle, 'question')?.theme) ?? '(no theme)',
        decision,
      });
    const learning = answerText(reflections?.learning);
    const nextSteps = answerText(reflections?.nextSteps);
    if (learning !== '' || nextSteps !== '') facts.learning = { cycle: cycle.source.folder, learning, nextSteps };
  }
  return facts;
}

export function memberRow(facts: MemberFacts): MemberRow {
  return Object.fromEntries(ROW_KEYS.map((key) => [key, facts[key]])) as MemberRow;
}

export interface AnalyseOptions {
  estimator: Estimator;
  /** Only this measure (a shared key or an id). */
  measure?: string;
}

export function analyseNetwork(members: readonly MemberFacts[], options: AnalyseOptions): NetworkAnalysis {
  const wanted = (key: string, id: string): boolean =>
    options.measure === undefined || key === options.measure || id === options.measure;
  const studies = new Map<string, { key: string; basis: 'comparison' | 'pre-post'; list: StudyEffect[] }>();
  for (const { key, basis, ...study } of members.flatMap((m) => m.studies)) {
    if (!wanted(key, study.measure)) continue;
    const slot = studies.get(`${key}\u0000${basis}`) ?? { key, basis, list: [] };
    slot.list.push(study);
    studies.set(`${key}\u0000${basis}`, slot);
  }
  const gapCycles = members
    .flatMap((m) => m.gaps)
    .filter((g) => options.measure === undefined || g.measure === options.measure);
  const decisions = new Map<string, { method: string; theme: string; decision: string; count: number }>();
  for (const d of members.flatMap((m) => m.decisions)) {
    const slotKey = `${d.method}\u0000${d.theme}\u0000${d.decision}`;
    const slot = decisions.get(slotKey) ?? { ...d, count: 0 };
    slot.count += 1;
    decisions.set(slotKey, slot);
  }
  const predictions = { 'as-predicted': 0, partly: 0, 'not-as-predicted': 0, waiting: 0 };
  for (const m of members)
    for (const [k, v] of Object.entries(m.predictions)) predictions[k as keyof typeof predictions] += v;
  const measures = [...studies.values()]
    .map((slot) => pooling(slot.key, slot.basis, slot.list, options.estimator))
    .sort((a, b) => a.id.localeCompare(b.id, 'en') || a.basis.localeCompare(b.basis, 'en'));
  return {
    members: members.map(memberRow),
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
        ? `${usable.length === 0 ? 'No cycle' : 'Only one cycle'} can enter, so there is nothing to pool: a pooled figure needs two or more.`
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

/** A reflection's text: a string, or the lines of a list; empty when not answered. */
function answerText(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string').join(' ');
  return '';
}

function textOf(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}
