// Invariants of the analysis report, checked on random data: no hidden group can be worked out from what is
// shown, and chart signals do not change when a constant is added to a series.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hiddenGroups, type DisclosureGroupInput } from '../../../src/core/analysis/group-disclosure.js';
import { measureReports } from '../../../src/core/analysis/report.js';
import { measures, weekly } from './report-fixtures.js';

const ROLES = ['intervention', 'comparison', 'all'] as const;
const EQUITIES = ['all', 'equity-group', 'others', 'simd-1', 'simd-2', 'simd-3', 'simd-4', 'simd-5'] as const;
type Cell = `${(typeof ROLES)[number]}/${(typeof EQUITIES)[number]}`;
const cell = (role: string, equity: string): Cell => `${role}/${equity}` as Cell;
const CELLS: Cell[] = ROLES.flatMap((r) => EQUITIES.map((e) => cell(r, e)));

/** Every linear relation a reader who knows how the table is built can use: total - parts = 0. */
function relations(quintiles: readonly number[]): Cell[][] {
  const simd = (inside: (q: number) => boolean) => [1, 2, 3, 4, 5].filter(inside).map((q) => `simd-${q}`);
  const out: Cell[][] = [];
  for (const r of ROLES) {
    out.push([cell(r, 'all'), cell(r, 'equity-group'), cell(r, 'others')]);
    out.push([cell(r, 'all'), ...simd(() => true).map((e) => cell(r, e))]);
    out.push([cell(r, 'equity-group'), ...simd((q) => quintiles.includes(q)).map((e) => cell(r, e))]);
    out.push([cell(r, 'others'), ...simd((q) => !quintiles.includes(q)).map((e) => cell(r, e))]);
  }
  for (const e of EQUITIES) out.push([cell('all', e), cell('intervention', e), cell('comparison', e)]);
  return out;
}

/** Counts of every cell, built up from the SIMD cells of intervention and comparison so that all relations hold. */
function fullTable(base: readonly number[], quintiles: readonly number[]): Map<Cell, number> {
  const table = new Map<Cell, number>();
  ['intervention', 'comparison'].forEach((r, ri) => {
    for (let q = 1; q <= 5; q++) table.set(cell(r, `simd-${q}`), base[ri * 5 + q - 1] as number);
  });
  for (let q = 1; q <= 5; q++) {
    table.set(
      cell('all', `simd-${q}`),
      (table.get(cell('intervention', `simd-${q}`)) ?? 0) + (table.get(cell('comparison', `simd-${q}`)) ?? 0),
    );
  }
  for (const r of ROLES) {
    const sum = (inside: (q: number) => boolean) =>
      [1, 2, 3, 4, 5].filter(inside).reduce((s, q) => s + (table.get(cell(r, `simd-${q}`)) ?? 0), 0);
    table.set(
      cell(r, 'equity-group'),
      sum((q) => quintiles.includes(q)),
    );
    table.set(
      cell(r, 'others'),
      sum((q) => !quintiles.includes(q)),
    );
    table.set(
      cell(r, 'all'),
      sum(() => true),
    );
  }
  return table;
}

/** Rank of a set of rows (Gaussian elimination; the coefficients are small integers). */
function rank(rows: readonly number[][]): number {
  const m = rows.map((r) => [...r]);
  let rankFound = 0;
  const columns = m[0]?.length ?? 0;
  for (let c = 0; c < columns && rankFound < m.length; c++) {
    const pivot = m.findIndex((row, i) => i >= rankFound && Math.abs(row[c] as number) > 1e-9);
    if (pivot < 0) continue;
    [m[rankFound], m[pivot]] = [m[pivot] as number[], m[rankFound] as number[]];
    const p = m[rankFound] as number[];
    for (let i = 0; i < m.length; i++) {
      if (i === rankFound) continue;
      const row = m[i] as number[];
      const f = (row[c] as number) / (p[c] as number);
      if (f !== 0) for (let k = 0; k < columns; k++) row[k] = (row[k] as number) - f * (p[k] as number);
    }
    rankFound += 1;
  }
  return rankFound;
}

/** The unknown cells whose value follows from the known ones through the relations (linear algebra). */
function workedOut(unknown: readonly Cell[], rels: readonly Cell[][]): Cell[] {
  const index = new Map(unknown.map((c, i) => [c, i]));
  const rows = rels
    .map((rel) => {
      const row = unknown.map(() => 0);
      rel.forEach((c, i) => {
        const at = index.get(c);
        if (at !== undefined) row[at] = (row[at] as number) + (i === 0 ? 1 : -1);
      });
      return row;
    })
    .filter((row) => row.some((x) => x !== 0));
  const base = rank(rows);
  return unknown.filter((c, i) => rank([...rows, unknown.map((_, k) => (k === i ? 1 : 0))]) === base);
}

const count = fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 40 }));
const tableInput = fc.record({
  before: fc.array(count, { minLength: 10, maxLength: 10 }),
  after: fc.array(count, { minLength: 10, maxLength: 10 }),
  yesShare: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 10, maxLength: 10 }),
  present: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: CELLS.length, maxLength: CELLS.length }),
  threshold: fc.integer({ min: 2, max: 10 }),
  quintiles: fc.subarray([1, 2, 3, 4, 5], { minLength: 1, maxLength: 4 }),
  yesNo: fc.boolean(),
});

describe('disclosure control (property)', () => {
  it('never lets a hidden group be worked out from the groups shown, by subtraction or any sum of them', () => {
    fc.assert(
      fc.property(tableInput, (input) => {
        const present = CELLS.filter((_, i) => (input.present[i] as number) > 1);
        const tables = {
          before: fullTable(input.before, input.quintiles),
          after: fullTable(input.after, input.quintiles),
        };
        const yesOf = (base: readonly number[]) => base.map((n, i) => Math.floor(n * (input.yesShare[i] as number)));
        const yesTables = {
          before: fullTable(yesOf(input.before), input.quintiles),
          after: fullTable(yesOf(input.after), input.quintiles),
        };
        const groups: DisclosureGroupInput[] = present.map((c) => {
          const [role, equity] = c.split('/') as [string, string];
          const figures = (t: 'before' | 'after') => ({
            n: tables[t].get(c) as number,
            count: yesTables[t].get(c) as number,
          });
          return { role, equity, before: figures('before'), after: figures('after') };
        });
        const hidden = hiddenGroups(groups, {
          threshold: input.threshold,
          equityQuintiles: input.quintiles,
          yesNo: input.yesNo,
        });
        const hiddenCells = new Set([...hidden].map((i) => present[i] as Cell));
        const rels = relations(input.quintiles);
        const families: Map<Cell, number>[] = [tables.before, tables.after];
        if (input.yesNo) {
          for (const t of ['before', 'after'] as const) {
            families.push(yesTables[t]);
            families.push(
              new Map(CELLS.map((c) => [c, (tables[t].get(c) as number) - (yesTables[t].get(c) as number)])),
            );
          }
        }
        for (const values of families) {
          // Every small non-zero group is hidden.
          for (const c of present) {
            const v = values.get(c) as number;
            if (v > 0 && v < input.threshold) expect(hiddenCells.has(c)).toBe(true);
          }
          // A reader knows the shown cells; hidden ones and ones not in the table are unknown.
          const unknown = CELLS.filter((c) => !present.includes(c) || hiddenCells.has(c));
          for (const c of workedOut(unknown, rels)) {
            if (hiddenCells.has(c)) expect({ cell: c, value: values.get(c) }).toEqual({ cell: c, value: 0 });
          }
          // Nor by bounds: hidden groups are never 0, so hidden parts adding up to their number would each be 1.
          for (const rel of rels) {
            const [total, ...parts] = rel as [Cell, ...Cell[]];
            if (unknown.includes(total)) continue;
            const unknownParts = parts.filter((p) => unknown.includes(p));
            const hiddenParts = unknownParts.filter((p) => hiddenCells.has(p) && (values.get(p) as number) > 0);
            if (hiddenParts.length === 0) continue;
            const residual = unknownParts.reduce((s, p) => s + (values.get(p) as number), 0);
            expect(residual).toBeGreaterThan(hiddenParts.length);
          }
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('chart signals (property)', () => {
  const seriesInput = fc.record({
    values: fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 30 }),
    shift: fc.integer({ min: -1000, max: 1000 }),
    higherIsBetter: fc.constantFrom(true, false, null),
    baselinePoints: fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }),
  });

  it('are the same when a constant is added to every point', () => {
    fc.assert(
      fc.property(seriesInput, ({ values, shift, higherIsBetter, baselinePoints }) => {
        const reportFor = (vs: readonly number[]) =>
          measureReports(
            measures(
              { id: 'm', higherIsBetter, chart: baselinePoints === undefined ? {} : { baselinePoints } },
              [],
              [weekly(vs)],
            ),
          )[0];
        const a = reportFor(values);
        const b = reportFor(values.map((v) => v + shift));
        expect(b?.runChart?.signals).toEqual(a?.runChart?.signals);
        expect(b?.xmr?.signals).toEqual(a?.xmr?.signals);
        expect(b?.runChart?.longestRun).toBe(a?.runChart?.longestRun);
        expect(b?.runChart?.crossings).toBe(a?.runChart?.crossings);
        expect(b?.runChart?.median).toBeCloseTo((a?.runChart?.median ?? 0) + shift, 6);
      }),
      { numRuns: 300 },
    );
  });
});
