// Which groups of a results table to hide: primary suppression of small groups, then secondary suppression
// wherever a total and its parts would let a hidden group be worked out by subtraction (domain.md; statistics.md,
// "Group summaries"). A table links several totals at once (each role's equity split, each equity group's role
// split), so the secondary rule of `suppressCells` is repeated across all of them until nothing changes.

import { determinedUnknowns, type SumRelation } from './linear-span.js';
import { isPrimarySuppressed } from './suppression.js';

/** The counts of one group at one time that disclosure depends on. */
export interface DisclosureFigures {
  n: number;
  /** Yes/no measures: how many answered yes. */
  count?: number | null;
}

export interface DisclosureGroupInput {
  role?: string | null;
  equity?: string | null;
  before?: DisclosureFigures | undefined;
  after?: DisclosureFigures | undefined;
}

export interface GroupDisclosureOptions {
  threshold: number;
  /** SIMD quintiles that make up the equity group (sipp.yaml `equityGroup.quintiles`), if any. */
  equityQuintiles?: readonly number[];
  /** A yes/no measure: the counts of yes and of no are protected as well as the group sizes. */
  yesNo: boolean;
}

/** A total and the parts it may be the sum of, by group index. */
export interface TotalEquation {
  total: number;
  parts: number[];
}

const TIMES = ['before', 'after'] as const;

/** `all` when no equity label is given: a group named only by its role is all its learners. */
function equityOf(group: DisclosureGroupInput): string {
  return group.equity ?? 'all';
}

/**
 * The totals a table may hold, from its groups' roles and equity labels: within a role, all = equity group +
 * others, all = SIMD 1 + … + 5, and (with the equity quintiles) equity group = its quintiles, others = the
 * rest; across roles, all (or a group without a role) = intervention + comparison for each equity label.
 * Candidates only: an equation counts for a table when its parts add up exactly to its total there.
 */
export function totalEquations(
  groups: readonly DisclosureGroupInput[],
  equityQuintiles: readonly number[] = [],
): TotalEquation[] {
  const indexes = (test: (g: DisclosureGroupInput) => boolean): number[] =>
    groups.flatMap((group, i) => (test(group) ? [i] : []));
  const equations: TotalEquation[] = [];
  const add = (totals: number[], parts: number[]): void => {
    for (const total of totals)
      if (parts.length > 0) equations.push({ total, parts: parts.filter((p) => p !== total) });
  };
  const roles = [...new Set(groups.map((g) => g.role ?? null))];
  for (const role of roles) {
    const inRole = (equity: (e: string) => boolean) => indexes((g) => (g.role ?? null) === role && equity(equityOf(g)));
    const totals = inRole((e) => e === 'all');
    add(
      totals,
      inRole((e) => e === 'equity-group' || e === 'others'),
    );
    add(
      totals,
      inRole((e) => e.startsWith('simd-')),
    );
    if (equityQuintiles.length > 0) {
      const quintile = (e: string): number => Number(e.slice('simd-'.length));
      const simd = (inside: boolean) =>
        inRole((e) => e.startsWith('simd-') && equityQuintiles.includes(quintile(e)) === inside);
      add(
        inRole((e) => e === 'equity-group'),
        simd(true),
      );
      add(
        inRole((e) => e === 'others'),
        simd(false),
      );
    }
  }
  const labels = [...new Set(groups.map(equityOf))];
  for (const equity of labels) {
    const withRole = (test: (role: string | null) => boolean) =>
      indexes((g) => equityOf(g) === equity && test(g.role ?? null));
    add(
      withRole((role) => role === 'all' || role === null),
      withRole((role) => role === 'intervention' || role === 'comparison'),
    );
  }
  return equations;
}

/** One table of counts (a time point and a family: group sizes, yes counts or no counts), by group index. */
type CountTable = ReadonlyMap<number, number>;

function countTables(groups: readonly DisclosureGroupInput[], yesNo: boolean): CountTable[] {
  const families: ((f: DisclosureFigures) => number | null)[] = [(f) => f.n];
  if (yesNo) {
    families.push((f) => (typeof f.count === 'number' ? f.count : null));
    families.push((f) => (typeof f.count === 'number' ? f.n - f.count : null));
  }
  const tables: CountTable[] = [];
  for (const time of TIMES) {
    for (const family of families) {
      const table = new Map<number, number>();
      groups.forEach((group, index) => {
        const figures = group[time];
        const value = figures ? family(figures) : null;
        if (value !== null && Number.isInteger(value) && value >= 0) table.set(index, value);
      });
      tables.push(table);
    }
  }
  return tables;
}

/**
 * True when the equation holds in this table: its total is there and the parts that are there add up to it.
 * A part with no figures is unknown to a reader, so an equation whose present parts fall short of the total
 * gives nothing away; one whose present parts add up exactly does (the missing parts are then zero).
 */
function holds(equation: TotalEquation, table: CountTable): boolean {
  const total = table.get(equation.total);
  const present = equation.parts.filter((p) => table.has(p));
  if (total === undefined || present.length === 0) return false;
  return present.reduce((sum, p) => sum + (table.get(p) as number), 0) === total;
}

/** Why a group is hidden: too few learners, too few answering yes (or no), or to protect another group. */
export type DisclosureReason = 'small-group' | 'small-count' | 'secondary';

/**
 * Indexes of the groups whose figures must be hidden (at both time points). Primary: a group with
 * 0 < n < threshold at either time, or for a yes/no measure 0 < yes < threshold or 0 < no < threshold
 * ("1 of 3 = 33%" gives a learner away). Secondary: wherever an equation holds in a table and exactly one of
 * its non-zero members (total or part) is hidden, or its hidden parts add up to fewer than the threshold, also
 * hide one shown non-zero member, repeated over every equation and table until nothing changes. Every equation
 * then leaves at least two non-zero unknowns that together make at least the threshold, so no hidden figure can be
 * worked out by subtraction. (`suppressCells` applies the first half of this rule to a single total.)
 */
export function hiddenGroups(groups: readonly DisclosureGroupInput[], options: GroupDisclosureOptions): Set<number> {
  return new Set(groupDisclosure(groups, options).keys());
}

/**
 * The groups to hide, each with its reason. The member hidden to protect another is chosen so that the enquiry's
 * own comparison survives where it can (issue: "secondary suppression keeps the group the enquiry is about"):
 * SIMD quintiles outside the equity group first, then the whole class, the others, the intervention or comparison
 * totals, and the equity group last; the smallest among equals.
 */
export function groupDisclosure(
  groups: readonly DisclosureGroupInput[],
  options: GroupDisclosureOptions,
): Map<number, DisclosureReason> {
  const tables = countTables(groups, options.yesNo);
  const reasons = new Map<number, DisclosureReason>();
  tables.forEach((table, t) => {
    // Tables come in families per time point: group sizes first, then (yes/no) the counts of yes and of no.
    const counts = options.yesNo && t % 3 !== 0;
    for (const [index, value] of table) {
      if (!isPrimarySuppressed(value, { threshold: options.threshold })) continue;
      if (!reasons.has(index) || (!counts && reasons.get(index) === 'small-count'))
        reasons.set(index, counts ? 'small-count' : 'small-group');
    }
  });
  if (reasons.size === 0) return reasons;
  const hidden = new Set(reasons.keys());
  const hide = (index: number): void => {
    hidden.add(index);
    reasons.set(index, 'secondary');
  };
  const rank = (index: number): number =>
    hidingRank(groups[index] as DisclosureGroupInput, options.equityQuintiles ?? []);
  const equations = totalEquations(groups, options.equityQuintiles ?? []);
  const grid = tableGrid(groups, options.equityQuintiles ?? []);
  let changed = true;
  while (changed) {
    changed = false;
    for (const table of tables) {
      for (const equation of equations) {
        if (!holds(equation, table)) continue;
        if (!exposes(equation, table, hidden, options.threshold)) continue;
        const next = preferredShown([equation.total, ...equation.parts], table, hidden, rank);
        if (next === undefined || hidden.has(next)) continue;
        hide(next);
        changed = true;
      }
    }
    if (changed) continue;
    for (const table of tables) {
      const next = breakChain(grid, table, hidden);
      if (next !== undefined) {
        hide(next);
        changed = true;
        break;
      }
    }
  }
  return reasons;
}

/**
 * Lower is hidden first: a SIMD quintile outside the equity group, the whole class, the others, a quintile inside
 * the equity group, the intervention or comparison totals, and the equity group last.
 */
function hidingRank(group: DisclosureGroupInput, equityQuintiles: readonly number[]): number {
  const equity = equityOf(group);
  const role = group.role ?? 'all';
  if (equity.startsWith('simd-')) return equityQuintiles.includes(Number(equity.slice('simd-'.length))) ? 3 : 0;
  if (equity === 'all') return role === 'all' ? 1 : 4;
  if (equity === 'others') return 2;
  if (equity === 'equity-group') return 5;
  return 3;
}

/** The shown non-zero member to hide next: the lowest rank, then the smallest, then the first in table order. */
function preferredShown(
  members: readonly number[],
  table: CountTable,
  hidden: ReadonlySet<number>,
  rank: (index: number) => number,
): number | undefined {
  let best: number | undefined;
  for (const member of members) {
    const n = table.get(member);
    if (n === undefined || n === 0 || hidden.has(member)) continue;
    if (best === undefined) {
      best = member;
      continue;
    }
    const byRank = rank(member) - rank(best);
    const bySize = n - (table.get(best) as number);
    if (byRank < 0 || (byRank === 0 && (bySize < 0 || (bySize === 0 && member < best)))) best = member;
  }
  return best;
}

/**
 * The full table a reader can imagine behind the groups shown: every role (intervention, comparison, all) by
 * every equity label, whether or not the project lists that group, with the relations between them. A group not
 * listed is an unknown to the reader, but other relations may still give its value away, and through it a hidden
 * one (all SIMD 1 = equity group - all SIMD 4, and all SIMD 4 from the comparison classes' figures).
 */
interface TableGrid {
  relations: SumRelation[];
  /** Grid cell of each group that has one (groups without a role, or listed twice, have none). */
  cellOf: Map<number, number>;
  cells: number;
}

const GRID_ROLES = ['intervention', 'comparison', 'all'] as const;
const GRID_EQUITIES = ['all', 'equity-group', 'others', 'simd-1', 'simd-2', 'simd-3', 'simd-4', 'simd-5'] as const;

function tableGrid(groups: readonly DisclosureGroupInput[], equityQuintiles: readonly number[]): TableGrid {
  const at = (role: number, equity: string): number =>
    role * GRID_EQUITIES.length + GRID_EQUITIES.indexOf(equity as never);
  const relations: SumRelation[] = [];
  const simd = (inside: (q: number) => boolean): string[] => [1, 2, 3, 4, 5].filter(inside).map((q) => `simd-${q}`);
  GRID_ROLES.forEach((_, r) => {
    relations.push([at(r, 'all'), at(r, 'equity-group'), at(r, 'others')]);
    relations.push([at(r, 'all'), ...simd(() => true).map((e) => at(r, e))]);
    if (equityQuintiles.length > 0) {
      relations.push([at(r, 'equity-group'), ...simd((q) => equityQuintiles.includes(q)).map((e) => at(r, e))]);
      relations.push([at(r, 'others'), ...simd((q) => !equityQuintiles.includes(q)).map((e) => at(r, e))]);
    }
  });
  for (const equity of GRID_EQUITIES) relations.push([at(2, equity), at(0, equity), at(1, equity)]);

  const cellOf = new Map<number, number>();
  const taken = new Map<number, number>();
  groups.forEach((group, index) => {
    const role = GRID_ROLES.indexOf((group.role ?? '') as never);
    const equity = equityOf(group);
    if (role < 0 || !(GRID_EQUITIES as readonly string[]).includes(equity)) return;
    const cell = at(role, equity);
    taken.set(cell, (taken.get(cell) ?? 0) + 1);
    cellOf.set(index, cell);
  });
  for (const [index, cell] of cellOf) if ((taken.get(cell) ?? 0) > 1) cellOf.delete(index);
  return { relations, cellOf, cells: GRID_ROLES.length * GRID_EQUITIES.length };
}

/**
 * A shown group to hide because a chain of relations gives a hidden group's value away in this table, or
 * undefined when none does. Of the shown non-zero groups, the smallest whose hiding stops that chain is chosen
 * (failing that, the smallest, and the search runs again).
 */
function breakChain(grid: TableGrid, table: CountTable, hidden: ReadonlySet<number>): number | undefined {
  const known = new Map<number, number>();
  for (const [index, cell] of grid.cellOf) if (table.has(index) && !hidden.has(index)) known.set(cell, index);
  const determined = (knownCells: ReadonlySet<number>): Set<number> =>
    determinedUnknowns(
      grid.relations,
      Array.from({ length: grid.cells }, (_, c) => c).filter((c) => !knownCells.has(c)),
    );
  const knownCells = new Set(known.keys());
  const givenAway = determined(knownCells);
  for (const [index, cell] of grid.cellOf) {
    if (!hidden.has(index) || !table.has(index) || (table.get(index) as number) === 0 || !givenAway.has(cell)) continue;
    const candidates = [...known.entries()]
      .filter(([, i]) => (table.get(i) as number) > 0)
      .sort((a, b) => (table.get(a[1]) as number) - (table.get(b[1]) as number) || a[1] - b[1]);
    for (const [candidateCell, candidate] of candidates) {
      const without = new Set(knownCells);
      without.delete(candidateCell);
      if (!determined(without).has(cell)) return candidate;
    }
    return candidates[0]?.[1];
  }
  return undefined;
}

/**
 * True when a reader could learn too much from the equation: exactly one of its non-zero members is hidden (it
 * is the total minus the shown parts), or the total is shown and the hidden parts add up to fewer than the
 * threshold (they would then form a small group of their own) or to no more than their number (two hidden parts
 * making 2 are 1 and 1).
 */
function exposes(equation: TotalEquation, table: CountTable, hidden: ReadonlySet<number>, threshold: number): boolean {
  const hiddenMembers = [equation.total, ...equation.parts].filter((m) => hidden.has(m) && (table.get(m) ?? 0) > 0);
  if (hiddenMembers.length === 1) return true;
  if (hiddenMembers.length === 0 || hidden.has(equation.total)) return false;
  const residual = hiddenMembers.reduce((sum, m) => sum + (table.get(m) as number), 0);
  // Hidden groups are never empty, so k hidden parts making k are all 1: that too gives them away.
  return residual < threshold || residual <= hiddenMembers.length;
}
