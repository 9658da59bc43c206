import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aggregateScores,
  aggregateSeries,
  figureDecimals,
  rangeLabel,
  roundTo,
  type EquityDefinition,
} from '../../../src/core/data/aggregate.js';
import type { LearnerValues } from '../../../src/core/data/cells.js';

const ALL_COLUMNS = { group: true, simd: true, fsm: true, before: true, after: true };
const SIMD_12: EquityDefinition = { marker: 'simd-quintile', quintiles: [1, 2] };

function learner(
  group: LearnerValues['group'],
  simd: number | null,
  before: number | null,
  after: number | null,
  fsm: boolean | null = null,
): LearnerValues {
  return { row: 0, group, simd, fsm, before, after };
}

describe('aggregateScores', () => {
  const learners = [
    learner('intervention', 1, 10, 14),
    learner('intervention', 1, 12, null),
    learner('intervention', 2, 14, 18),
    learner('intervention', 4, 20, 22),
    learner('intervention', 5, 22, 23),
    learner('comparison', 1, 11, 12),
    learner('comparison', 3, 19, 20),
  ];

  it('writes per group and equity group, with readable names, leaving empty breakdowns out', () => {
    const groups = aggregateScores(learners, 'score', SIMD_12, ALL_COLUMNS);
    expect(groups.map((g) => [g.name, g.role, g.equity])).toEqual([
      ['Intervention', 'intervention', 'all'],
      ['Intervention \u2013 SIMD 1-2', 'intervention', 'equity-group'],
      ['Intervention \u2013 SIMD 3-5', 'intervention', 'others'],
      ['Intervention \u2013 SIMD 1', 'intervention', 'simd-1'],
      ['Intervention \u2013 SIMD 5', 'intervention', 'simd-5'],
      ['Comparison', 'comparison', 'all'],
      ['Comparison \u2013 SIMD 1-2', 'comparison', 'equity-group'],
      ['Comparison \u2013 SIMD 3-5', 'comparison', 'others'],
      ['Comparison \u2013 SIMD 1', 'comparison', 'simd-1'],
    ]);
  });

  it('leaves a learner with an empty score out of that time only; means and SDs to 5 significant figures of the SD', () => {
    const [all] = aggregateScores(learners, 'score', SIMD_12, ALL_COLUMNS);
    // Worked by hand (Python's statistics module): before 10, 12, 14, 20, 22; after 14, 18, 22, 23.
    expect(all?.before).toEqual({ n: 5, mean: 15.6, sd: 5.1769 });
    expect(all?.after).toEqual({ n: 4, mean: 19.25, sd: 4.113 });
  });

  it('keeps the learners with both scores and the correlation of their scores, to 3 decimals', () => {
    const [all] = aggregateScores(learners, 'score', SIMD_12, ALL_COLUMNS);
    // (10, 14), (14, 18), (20, 22), (22, 23): r = 0.99326 (Python's statistics.correlation).
    expect(all?.paired).toEqual({ n: 4, r: 0.993 });
    const onlyAfter = aggregateScores(learners, 'score', SIMD_12, { ...ALL_COLUMNS, before: false });
    expect(onlyAfter.some((g) => g.paired !== undefined)).toBe(false);
  });

  it('keeps enough decimals that an SD of 0.21 loses nothing an effect size needs', () => {
    expect(figureDecimals(0.21)).toBe(5);
    expect(figureDecimals(8.1)).toBe(4);
    expect(figureDecimals(250)).toBe(2);
    expect(figureDecimals(null)).toBe(2);
    expect(figureDecimals(0)).toBe(2);
  });

  it('writes n only for a group with no scores, and no SD for one score', () => {
    const groups = aggregateScores(
      [learner(null, null, null, 12)],
      'score',
      { marker: 'none' },
      { ...ALL_COLUMNS, group: false, simd: false },
    );
    expect(groups).toEqual([
      { name: 'All learners', role: 'all', equity: 'all', before: { n: 0 }, after: { n: 1, mean: 12 } },
    ]);
  });

  it('counts yes answers for a yes/no measure', () => {
    const groups = aggregateScores(
      [learner(null, null, 1, 1), learner(null, null, 0, 1), learner(null, null, null, 0)],
      'yes-no',
      { marker: 'none' },
      {
        ...ALL_COLUMNS,
        group: false,
        simd: false,
      },
    );
    expect(groups).toEqual([
      { name: 'All learners', role: 'all', equity: 'all', before: { n: 2, count: 1 }, after: { n: 3, count: 2 } },
    ]);
  });

  it('splits by free school meals when they define the equity group', () => {
    const groups = aggregateScores(
      [learner(null, null, 10, 12, true), learner(null, null, 14, 15, false), learner(null, null, 16, 17, null)],
      'score',
      { marker: 'free-school-meals' },
      { ...ALL_COLUMNS, group: false, simd: false },
    );
    expect(groups.map((g) => [g.name, g.equity, g.before?.n])).toEqual([
      ['All learners', 'all', 3],
      ['All learners \u2013 free school meals', 'equity-group', 1],
      ['All learners \u2013 no free school meals', 'others', 1],
    ]);
  });

  it('writes only the times the table has', () => {
    const [group] = aggregateScores(
      [learner(null, null, null, 12)],
      'score',
      { marker: 'none' },
      { group: false, simd: false, fsm: false, before: false, after: true },
    );
    expect(group).toEqual({ name: 'All learners', role: 'all', equity: 'all', after: { n: 1, mean: 12 } });
  });

  it('names a one-quintile equity group apart from the SIMD 1 group', () => {
    const groups = aggregateScores(
      [learner(null, 1, 10, 11)],
      'score',
      { marker: 'simd-quintile', quintiles: [1] },
      { ...ALL_COLUMNS, group: false },
    );
    expect(groups.map((g) => g.name)).toEqual([
      'All learners',
      'All learners \u2013 SIMD 1 (equity group)',
      'All learners \u2013 SIMD 1',
    ]);
  });
});

describe('aggregateScores, for any learners', () => {
  const score = fc.option(fc.double({ min: -100, max: 1000, noNaN: true }), { nil: null });
  const learners = fc.array(
    fc.record({
      row: fc.constant(0),
      group: fc.constantFrom<LearnerValues['group']>('intervention', 'comparison'),
      simd: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
      fsm: fc.option(fc.boolean(), { nil: null }),
      before: score,
      after: score,
    }),
    { maxLength: 60 },
  );

  it('gives each group an n equal to the number of its learners with a value', () => {
    fc.assert(
      fc.property(learners, (list) => {
        for (const group of aggregateScores(list, 'score', SIMD_12, ALL_COLUMNS).filter((g) => g.equity === 'all')) {
          const members = list.filter((l) => l.group === group.role);
          expect(group.before?.n).toBe(members.filter((l) => l.before !== null).length);
          expect(group.after?.n).toBe(members.filter((l) => l.after !== null).length);
        }
      }),
    );
  });

  it('puts every mean between the smallest and largest value (to the rounding)', () => {
    fc.assert(
      fc.property(learners, (list) => {
        for (const group of aggregateScores(list, 'score', SIMD_12, ALL_COLUMNS)) {
          if (group.equity !== 'all' || group.after?.mean === undefined) continue;
          const values = list.filter((l) => l.group === group.role && l.after !== null).map((l) => l.after as number);
          // Rounded to at least 2 decimals, a mean moves by at most half a hundredth.
          expect(group.after.mean).toBeGreaterThanOrEqual(Math.min(...values) - 0.005 - 1e-9);
          expect(group.after.mean).toBeLessThanOrEqual(Math.max(...values) + 0.005 + 1e-9);
        }
      }),
    );
  });

  it('makes equity-group and others add up to the learners with a quintile', () => {
    fc.assert(
      fc.property(learners, (list) => {
        const groups = aggregateScores(list, 'score', SIMD_12, ALL_COLUMNS);
        for (const role of ['intervention', 'comparison'] as const) {
          const n = (equity: string) => groups.find((g) => g.role === role && g.equity === equity)?.before?.n ?? 0;
          const withQuintile = list.filter((l) => l.group === role && l.simd !== null && l.before !== null).length;
          expect(n('equity-group') + n('others')).toBe(withQuintile);
        }
      }),
    );
  });
});

describe('aggregateSeries', () => {
  it('gives the mean per date, with n, in date order', () => {
    const series = aggregateSeries(
      [
        { row: 2, group: null, date: '2025-09-22', value: 90 },
        { row: 3, group: null, date: '2025-09-15', value: 80 },
        { row: 4, group: null, date: '2025-09-15', value: 71 },
        { row: 5, group: null, date: '2025-09-15', value: null },
        { row: 6, group: null, date: '2025-09-29', value: null },
      ],
      'score',
      false,
    );
    expect(series).toEqual([
      {
        group: 'All learners',
        points: [
          { date: '2025-09-15', value: 75.5, n: 2 },
          { date: '2025-09-22', value: 90, n: 1 },
        ],
      },
    ]);
  });

  it('gives the percentage of yes per date (1 decimal), per group', () => {
    const series = aggregateSeries(
      [
        { row: 2, group: 'intervention', date: '2025-09-15', value: 1 },
        { row: 3, group: 'intervention', date: '2025-09-15', value: 0 },
        { row: 4, group: 'intervention', date: '2025-09-15', value: 0 },
        { row: 5, group: 'comparison', date: '2025-09-15', value: 1 },
      ],
      'yes-no',
      true,
    );
    expect(series).toEqual([
      { group: 'Intervention', points: [{ date: '2025-09-15', value: 33.3, n: 3 }] },
      { group: 'Comparison', points: [{ date: '2025-09-15', value: 100, n: 1 }] },
    ]);
  });
  it('gives, for any rows, each date its rows and only its rows (grouped once, not filtered per date)', () => {
    const row = fc.record({
      group: fc.constantFrom<'intervention' | 'comparison'>('intervention', 'comparison'),
      date: fc.constantFrom('2025-09-01', '2025-09-08', '2025-09-15', '2025-09-22'),
      value: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), (rows) => {
        const observations = rows.map((r, i) => ({ row: i + 2, ...r }));
        for (const s of aggregateSeries(observations, 'score', true)) {
          const role = s.group === 'Intervention' ? 'intervention' : 'comparison';
          for (const point of s.points) {
            const mine = observations.filter((o) => o.group === role && o.date === point.date && o.value !== null);
            expect(point.n).toBe(mine.length);
            expect(point.value).toBeCloseTo(mine.reduce((a, o) => a + (o.value as number), 0) / mine.length, 1);
          }
          expect(s.points.map((p) => p.date)).toEqual([...s.points.map((p) => p.date)].sort());
        }
      }),
    );
  });
});

describe('roundTo and rangeLabel', () => {
  it('rounds half away from zero in decimal', () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(-1.005, 2)).toBe(-1.01);
    expect(roundTo(2.675, 2)).toBe(2.68);
    expect(roundTo(-0.001, 2)).toBe(0);
    expect(roundTo(1e-9, 2)).toBe(0);
  });

  it('writes quintiles as runs', () => {
    expect(rangeLabel([1, 2])).toBe('1-2');
    expect(rangeLabel([1, 2, 4])).toBe('1-2, 4');
    expect(rangeLabel([3])).toBe('3');
  });
});
