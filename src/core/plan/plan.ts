// `sipp plan` as a pure function: the learners a team plans to compare in, what the briefings will hide as [c] and
// the smallest effect the design can detect out (issue 12, section 4). The breakdowns and their hiding are those of
// `sipp data import` exactly: the plan runs the import's own aggregation and disclosure control on stand-in learners
// (one per planned learner, with the planned SIMD quintile or free school meal answer), so a plan cannot promise
// what an import would then hide.
import { groupDisclosure, type DisclosureReason } from '../analysis/group-disclosure.js';
import { minimumDetectableEffect } from '../analysis/mdes.js';
import { monthsOfProgress } from '../analysis/months-of-progress.js';
import { aggregateScores, type EquityKey, type RoleKey } from '../data/aggregate.js';
import type { LearnerValues } from '../data/cells.js';
import type { PlannedGroup } from './split.js';
import type { CycleSettings } from '../records/settings.js';

export type { PlannedGroup };

export interface PlanInput {
  intervention: PlannedGroup | null;
  comparison: PlannedGroup | null;
  /** The expected before/after correlation (a pre-test), or null. */
  correlation: number | null;
  settings: Pick<CycleSettings, 'equity' | 'equityQuintiles' | 'suppressionThreshold'>;
}

export interface PlannedBreakdown {
  name: string;
  role: RoleKey;
  equity: EquityKey;
  n: number;
  /** contract: why briefings will show it as [c] (as `sipp data import` would write it), or null when shown. */
  hidden: DisclosureReason | null;
}

export interface PlanReport {
  threshold: number;
  groups: PlannedBreakdown[];
  /** contract: the minimum detectable effect size of intervention against comparison; null without both. */
  mdes: number | null;
  /** Degrees of freedom and Bloom's multiplier behind `mdes`. */
  df: number | null;
  multiplier: number | null;
  correlation: number | null;
  /** EEF months of additional progress of an effect the size of `mdes`. */
  mdesMonths: number | null;
  /** Whether the equity breakdowns could be planned: false when the split for the project's equity marker is missing. */
  equitySplit: boolean;
}

export function planReport(input: PlanInput): PlanReport {
  const { settings } = input;
  const roles: [RoleKey, PlannedGroup][] = input.comparison
    ? [
        ['intervention', input.intervention ?? { learners: 0 }],
        ['comparison', input.comparison],
      ]
    : input.intervention
      ? [['all', input.intervention]]
      : [];
  const planned = roles.map(([, group]) => group);
  const simd = planned.length > 0 && planned.every((g) => Array.isArray(g.simd));
  const fsm = planned.length > 0 && planned.every((g) => typeof g.fsm === 'number');
  const learners = roles.flatMap(([role, group]) => standIns(role, group, simd, fsm));
  const groups = aggregateScores(learners, 'score', settings.equity, {
    group: input.comparison !== null,
    simd,
    fsm,
    before: true,
    after: false,
  });
  const reasons = groupDisclosure(groups, {
    threshold: settings.suppressionThreshold,
    equityQuintiles: settings.equityQuintiles,
    yesNo: false,
  });
  const n1 = input.intervention?.learners ?? 0;
  const n2 = input.comparison?.learners ?? 0;
  const effect = input.comparison ? minimumDetectableEffect(n1, n2, input.correlation ?? 0) : null;
  return {
    threshold: settings.suppressionThreshold,
    groups: groups.map((g, i) => ({
      name: g.name,
      role: g.role,
      equity: g.equity,
      n: g.before?.n ?? 0,
      hidden: reasons.get(i) ?? null,
    })),
    mdes: effect?.mdes ?? null,
    df: effect?.df ?? null,
    multiplier: effect?.multiplier ?? null,
    correlation: effect ? effect.correlation : null,
    mdesMonths: effect ? monthsOfProgress(effect.mdes) : null,
    equitySplit:
      settings.equity.marker === 'simd-quintile' ? simd : settings.equity.marker === 'free-school-meals' ? fsm : false,
  };
}

/** One stand-in per planned learner: the first ones in SIMD quintile 1, then 2, ...; the first `fsm` registered. */
function standIns(role: RoleKey, group: PlannedGroup, simd: boolean, fsm: boolean): LearnerValues[] {
  const quintiles = simd ? (group.simd ?? []).flatMap((count, q) => Array<number>(count).fill(q + 1)) : [];
  return Array.from({ length: group.learners }, (_, i) => ({
    row: i,
    group: role === 'all' ? null : role,
    simd: quintiles[i] ?? null,
    fsm: fsm ? i < (group.fsm ?? 0) : null,
    before: 0,
    after: null,
  }));
}
