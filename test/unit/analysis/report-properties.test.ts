// Invariants of the analysis report, checked on random data: no hidden group can be worked out from what is
// shown, chart signals do not change when a constant is added to a series or it is scaled, and effect sizes
// change sign when the groups swap.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hiddenGroups, type DisclosureGroupInput } from '../../../src/core/analysis/group-disclosure.js';
import { roundTo } from '../../../src/core/words.js';
import { measureReports } from '../../../src/core/analysis/report.js';
import { runChart } from '../../../src/core/analysis/run-chart.js';
import { xmrChart } from '../../../src/core/analysis/xmr.js';
import { measures, scored, weekly, yesNo as yesNoGroup } from './report-fixtures.js';

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

describe('effect sizes (property)', () => {
  const summary = fc.record({
    // At least the suppression threshold (5), so neither group is hidden.
    n: fc.integer({ min: 5, max: 400 }),
    mean: fc.double({ min: -100, max: 100, noNaN: true }),
    sd: fc.double({ min: 0.01, max: 50, noNaN: true }),
  });

  it("change sign, and only sign, when the intervention and comparison groups swap: Hedges' g, its CI and months", () => {
    fc.assert(
      fc.property(summary, summary, (a, b) => {
        const group = (name: string, role: 'intervention' | 'comparison', s: typeof a) =>
          scored(name, role, 'all', [s.n, s.mean, s.sd], [s.n, s.mean, s.sd]);
        const effectOf = (first: typeof a, second: typeof a) =>
          measureReports(
            measures({ id: 'm' }, [group('A', 'intervention', first), group('B', 'comparison', second)]),
          )[0]?.effectSize;
        const forward = effectOf(a, b);
        const backward = effectOf(b, a);
        expect(forward?.basis).toBe('comparison');
        expect(backward?.hedgesG).toBe(0 - (forward?.hedgesG ?? NaN));
        expect(backward?.d).toBe(0 - (forward?.d ?? NaN));
        expect(backward?.se).toBe(forward?.se);
        expect(backward?.ci95).toEqual([0 - (forward?.ci95?.[1] ?? NaN), 0 - (forward?.ci95?.[0] ?? NaN)]);
        // Months only with at least 10 learners in each arm; then they change sign too.
        if (forward?.monthsProgress === null) expect(backward?.monthsProgress).toBeNull();
        else expect(backward?.monthsProgress).toBe(0 - (forward?.monthsProgress ?? NaN));
      }),
      { numRuns: 300 },
    );
  });

  it('are rounded symmetrically: -x is reported as minus what x is', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 6 }), (x, decimals) => {
        expect(roundTo(-x, decimals)).toBe(0 - roundTo(x, decimals));
      }),
    );
    expect([roundTo(0.5, 0), roundTo(-0.5, 0), roundTo(-2.5, 0)]).toEqual([1, -1, -3]);
  });
});

describe('chart signals under a change of scale (property)', () => {
  // Integer values, integer shifts and positive scales that are whole numbers or powers of two: every sum,
  // median and comparison is then exact in floating point, so the signals of the two series must be equal.
  const series = fc.record({
    values: fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 30 }),
    scale: fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.constantFrom(0.5, 0.25, 0.125, 1024)),
    shift: fc.integer({ min: -1000, max: 1000 }),
    higherIsBetter: fc.constantFrom(true, false, null),
    baselinePoints: fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }),
  });

  it('are the same when every point is multiplied by a positive number, with or without a constant added', () => {
    fc.assert(
      fc.property(series, ({ values, scale, shift, higherIsBetter, baselinePoints }) => {
        const chart = baselinePoints === undefined ? {} : { baselinePoints };
        const reportFor = (vs: readonly number[]) =>
          measureReports(measures({ id: 'm', higherIsBetter, chart }, [], [weekly(vs)]))[0];
        const a = reportFor(values);
        for (const transformed of [values.map((v) => v * scale), values.map((v) => v * scale + shift)]) {
          const b = reportFor(transformed);
          expect(b?.runChart?.signals).toEqual(a?.runChart?.signals);
          expect(b?.xmr?.signals).toEqual(a?.xmr?.signals);
          expect([b?.runChart?.longestRun, b?.runChart?.crossings]).toEqual([
            a?.runChart?.longestRun,
            a?.runChart?.crossings,
          ]);
        }
        expect(reportFor(values.map((v) => v * scale))?.runChart?.median).toBeCloseTo(
          (a?.runChart?.median ?? 0) * scale,
          6,
        );
      }),
      { numRuns: 300 },
    );
  });

  it('are the same from runChart and xmrChart themselves, which take no rounding', () => {
    fc.assert(
      fc.property(series, ({ values, scale, shift, higherIsBetter, baselinePoints }) => {
        const options = baselinePoints === undefined ? {} : { baselinePoints };
        const transformed = values.map((v) => v * scale + shift);
        expect(runChart(transformed, options).signals).toEqual(runChart(values, options).signals);
        const xmr = (vs: readonly number[]) => xmrChart(vs, { ...options, higherIsBetter }).signals;
        expect(xmr(transformed)).toEqual(xmr(values));
      }),
      { numRuns: 500 },
    );
  });
});

describe('disclosure control in the report (property)', () => {
  // A two-way table a team might record: intervention and comparison (rows) by equity group and others
  // (columns), with the row totals (all of a role), the column totals (role all) and the grand total.
  const twoWay = fc.record({
    n: fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 30 })), {
      minLength: 4,
      maxLength: 4,
    }),
    yesShare: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 4, maxLength: 4 }),
    threshold: fc.integer({ min: 2, max: 10 }),
    yesNo: fc.boolean(),
    listed: fc.array(fc.boolean(), { minLength: 9, maxLength: 9 }),
  });
  const ROWS = ['intervention', 'comparison', 'all'] as const;
  const COLUMNS = ['equity-group', 'others', 'all'] as const;

  it('never lets a hidden count be worked out from the counts shown, along rows or columns', () => {
    fc.assert(
      fc.property(twoWay, ({ n, yesShare, threshold, yesNo: isYesNo, listed }) => {
        const yes = n.map((v, i) => Math.floor(v * (yesShare[i] as number)));
        const at = (counts: readonly number[], r: number, c: number): number => {
          const rows = r === 2 ? [0, 1] : [r];
          const columns = c === 2 ? [0, 1] : [c];
          return rows.reduce((s, ri) => s + columns.reduce((t, ci) => t + (counts[ri * 2 + ci] as number), 0), 0);
        };
        const cells = ROWS.flatMap((role, r) =>
          COLUMNS.map((equity, c) => ({ role, equity, n: at(n, r, c), yes: at(yes, r, c) })),
        ).filter((_, i) => listed[i] === true);
        if (cells.length === 0) return;
        const groups = cells.map((cell) => {
          const name = `${cell.role} ${cell.equity}`;
          return isYesNo
            ? yesNoGroup(name, cell.role, cell.equity, [cell.n, cell.yes], [cell.n, cell.yes])
            : scored(name, cell.role, cell.equity, [cell.n, 20, 4], [cell.n, 22, 4]);
        });
        const [report] = measureReports(measures({ id: 'm', kind: isYesNo ? 'yes-no' : 'score' }, groups), {
          suppressionThreshold: threshold,
        });
        const shown = report?.groups ?? [];
        // Hidden means hidden everywhere; small groups are always hidden.
        shown.forEach((g, i) => {
          const cell = cells[i] as (typeof cells)[number];
          if (g.suppressed) {
            expect([g.before.n, g.before.mean, g.before.sd, g.after.n, g.change]).toEqual([
              null,
              null,
              null,
              null,
              null,
            ]);
          }
          const small = (v: number) => v > 0 && v < threshold;
          if (small(cell.n) || (isYesNo && (small(cell.yes) || small(cell.n - cell.yes))))
            expect(g.suppressed).toBe(true);
        });
        // A reader knows the cells shown. Hidden cells and cells not listed are unknowns; the sums along each
        // row and each column are the relations. No hidden non-zero cell may follow from them.
        const families = isYesNo
          ? [
              (c: (typeof cells)[number]) => c.n,
              (c: (typeof cells)[number]) => c.yes,
              (c: (typeof cells)[number]) => c.n - c.yes,
            ]
          : [(c: (typeof cells)[number]) => c.n];
        const allCells = ROWS.flatMap((role) => COLUMNS.map((equity) => cell(role, equity)));
        const known = new Set(
          cells.flatMap((c, i) => (shown[i]?.suppressed === false ? [cell(c.role, c.equity)] : [])),
        );
        const unknown = allCells.filter((c) => !known.has(c));
        const rels: Cell[][] = [
          ...ROWS.map((role) => [cell(role, 'all'), cell(role, 'equity-group'), cell(role, 'others')]),
          ...COLUMNS.map((equity) => [cell('all', equity), cell('intervention', equity), cell('comparison', equity)]),
        ];
        for (const value of families) {
          for (const c of workedOut(unknown, rels)) {
            const i = cells.findIndex((x) => cell(x.role, x.equity) === c);
            if (i >= 0 && shown[i]?.suppressed)
              expect({ cell: c, value: value(cells[i] as (typeof cells)[number]) }).toEqual({ cell: c, value: 0 });
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
