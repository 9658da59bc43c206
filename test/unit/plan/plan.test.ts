// `sipp plan` as a pure function: the breakdowns an import would write and hide, and the MDES of the design.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateScores } from '../../../src/core/data/aggregate.js';
import { groupDisclosure } from '../../../src/core/analysis/group-disclosure.js';
import { planReport, type PlanInput } from '../../../src/core/plan/plan.js';
import { splitProblems } from '../../../src/core/plan/split.js';

const SIMD_12 = {
  equity: { marker: 'simd-quintile', quintiles: [1, 2] } as const,
  equityQuintiles: [1, 2],
  suppressionThreshold: 5,
};
const plan = (input: Partial<PlanInput>) =>
  planReport({ intervention: null, comparison: null, correlation: null, settings: SIMD_12, ...input });
const shown = (report: ReturnType<typeof planReport>) =>
  report.groups.map((g) => `${g.name} ${g.n} ${g.hidden ?? 'shown'}`);

describe('planReport', () => {
  it('hides a planned SIMD 5 of 3 learners, as the import would, and gives the MDES of 26 against 24', () => {
    const report = plan({
      intervention: { learners: 26, simd: [6, 5, 4, 8, 3] },
      comparison: { learners: 24, simd: [5, 6, 5, 5, 3] },
    });
    expect(shown(report)).toEqual([
      'Intervention 26 shown',
      'Intervention – SIMD 1-2 11 shown',
      'Intervention – SIMD 3-5 15 shown',
      'Intervention – SIMD 1 6 shown',
      'Intervention – SIMD 5 3 small-group',
      'Comparison 24 shown',
      'Comparison – SIMD 1-2 11 shown',
      'Comparison – SIMD 3-5 13 shown',
      'Comparison – SIMD 1 5 shown',
      'Comparison – SIMD 5 3 small-group',
    ]);
    // (qt(0.975, 48) + qt(0.8, 48)) × √(1/26 + 1/24) = (2.010635 + 0.849174) × 0.283084 = 0.809524 (scipy).
    expect(report.df).toBe(48);
    expect(report.mdes).toBeCloseTo(0.809524, 5);
    expect(report.mdesMonths).toBe(10);
    expect(report.equitySplit).toBe(true);
  });

  it('follows a small equity group with the secondary suppression that keeps it from being worked out', () => {
    const report = plan({ intervention: { learners: 26, simd: [2, 1, 8, 8, 7] } });
    // SIMD 1-2 has 3: hidden; the whole group (26) minus SIMD 3-5 (23) would give it away, so one of them goes too.
    expect(report.groups.find((g) => g.equity === 'equity-group')?.hidden).toBe('small-group');
    expect(report.groups.filter((g) => g.hidden === 'secondary')).toHaveLength(1);
    expect(report.mdes).toBeNull();
  });

  it('plans free school meal breakdowns for a project whose equity group is FSM', () => {
    const report = planReport({
      intervention: { learners: 20, fsm: 4 },
      comparison: { learners: 20, fsm: 9 },
      correlation: null,
      settings: { equity: { marker: 'free-school-meals' }, equityQuintiles: [], suppressionThreshold: 5 },
    });
    expect(shown(report)).toContain('Intervention – free school meals 4 small-group');
    expect(shown(report)).toContain('Comparison – free school meals 9 shown');
  });

  it('without a split, plans the whole groups only and says the equity breakdown could not be planned', () => {
    const report = plan({ intervention: { learners: 12 }, comparison: { learners: 14 } });
    expect(shown(report)).toEqual(['Intervention 12 shown', 'Comparison 14 shown']);
    expect(report.equitySplit).toBe(false);
  });

  it('hides exactly what the import hides, for any planned split', () => {
    const group = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 5, maxLength: 5 }).chain((simd) =>
      fc.integer({ min: 0, max: 6 }).map((unknown) => ({
        learners: simd.reduce((a, b) => a + b, 0) + unknown,
        simd: simd as [number, number, number, number, number],
      })),
    );
    fc.assert(
      fc.property(group, group, (intervention, comparison) => {
        const report = plan({ intervention, comparison });
        // The same learners, written out one by one as a class table would give them.
        const learners = (['intervention', 'comparison'] as const).flatMap((role) => {
          const g = role === 'intervention' ? intervention : comparison;
          const quintiles = g.simd.flatMap((n, q) => Array<number>(n).fill(q + 1));
          return Array.from({ length: g.learners }, (_, i) => ({
            row: i,
            group: role,
            simd: quintiles[i] ?? null,
            fsm: null,
            before: 10 + (i % 7),
            after: null,
          }));
        });
        const columns = { group: true, simd: true, fsm: false, before: true, after: false };
        const groups = aggregateScores(learners, 'score', SIMD_12.equity, columns);
        const reasons = groupDisclosure(groups, { threshold: 5, equityQuintiles: [1, 2], yesNo: false });
        expect(report.groups.map((g) => [g.name, g.n, g.hidden])).toEqual(
          groups.map((g, i) => [g.name, g.before?.n, reasons.get(i) ?? null]),
        );
      }),
      { numRuns: 60 },
    );
  });
});

describe('splitProblems', () => {
  it('reports a SIMD split or an FSM count larger than the group', () => {
    expect(splitProblems({ learners: 10, simd: [3, 3, 3, 3, 3], fsm: 11 }).map((p) => p.key)).toEqual(['simd', 'fsm']);
    expect(splitProblems({ learners: 15, simd: [3, 3, 3, 3, 3], fsm: 4 })).toEqual([]);
  });
});
