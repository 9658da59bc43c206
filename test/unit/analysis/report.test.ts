// Specification of the analysis report (`sipp analyse --json`): the JSON contract of issue 4, field by field.
import { describe, expect, it } from 'vitest';
import { analysisReport, cycleInputs, measureReports } from '../../../src/core/analysis/report.js';
import { projectSettings } from '../../../src/core/records/settings.js';
import type { MeasureReport } from '../../../src/core/analysis/report-types.js';
import type { CycleData } from '../../../src/core/method/contract.js';
import { measures, scored, weekly, yesNo, type Group } from './report-fixtures.js';
import { pPrimeChart } from '../../../src/core/analysis/p-prime.js';

/** The report of the only measure of a measures.yaml. */
function reportOf(...args: Parameters<typeof measures>): MeasureReport {
  const [report] = measureReports(measures(...args));
  if (!report) throw new Error('no measure report');
  return report;
}

const CONTRACT = {
  measure: ['id', 'groups', 'gap', 'effectSize', 'runChart', 'xmr', 'warnings'],
  group: ['name', 'before', 'after', 'change', 'suppressed'],
  figures: ['n', 'mean', 'sd'],
  gap: ['baseline', 'followUp', 'change'],
  effectSize: ['hedgesG', 'ci95', 'monthsProgress', 'basis'],
  runChart: ['median', 'longestRun', 'crossings', 'signals'],
  xmr: ['mean', 'upperLimit', 'lowerLimit', 'signals'],
};

const withComparison: Group[] = [
  scored('Intervention', 'intervention', 'all', [20, 48.0, 8.0], [20, 52.3, 8.1]),
  scored('Comparison', 'comparison', 'all', [22, 47.5, 7.8], [22, 47.9, 7.6]),
  scored('Intervention, SIMD 1-2', 'intervention', 'equity-group', [10, 45.0, 8.0], [10, 51.0, 8.0]),
  scored('Intervention, SIMD 3-5', 'intervention', 'others', [10, 51.0, 7.0], [10, 53.6, 8.0]),
];

describe('the analysis report', () => {
  it('has every field of the JSON contract, with the cycle folder as id', () => {
    const cycle: CycleData = {
      source: {
        folder: '01-paired-reading',
        dir: 'cycles/01-paired-reading',
        number: 1,
        slug: 'paired-reading',
        records: new Map(),
      },
      method: 'car',
      records: new Map<string, Record<string, unknown>>([
        [
          'measures',
          { ...measures({ id: 'reading' }, withComparison, [weekly([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])]) },
        ],
      ]),
    };
    const report = analysisReport(cycleInputs([cycle], projectSettings({})));
    expect(Object.keys(report)).toEqual(['cycles']);
    const [c] = report.cycles;
    expect(c?.id).toBe('01-paired-reading');
    expect(c).toHaveProperty('measures');
    const m = c?.measures[0] as MeasureReport;
    expect(Object.keys(m)).toEqual(expect.arrayContaining(CONTRACT.measure));
    for (const g of m.groups) {
      expect(Object.keys(g)).toEqual(expect.arrayContaining(CONTRACT.group));
      expect(Object.keys(g.before)).toEqual(expect.arrayContaining(CONTRACT.figures));
      expect(Object.keys(g.after)).toEqual(expect.arrayContaining(CONTRACT.figures));
    }
    expect(Object.keys(m.gap ?? {})).toEqual(expect.arrayContaining(CONTRACT.gap));
    expect(Object.keys(m.effectSize ?? {})).toEqual(expect.arrayContaining(CONTRACT.effectSize));
    expect(Object.keys(m.runChart ?? {})).toEqual(expect.arrayContaining(CONTRACT.runChart));
    expect(Object.keys(m.xmr ?? {})).toEqual(expect.arrayContaining(CONTRACT.xmr));
  });

  it("takes each cycle's threshold and equity quintiles from its settings, 5 and none by default", () => {
    const cycle = (question: Record<string, unknown>): CycleData => ({
      source: { folder: '01-a', dir: 'cycles/01-a', number: 1, slug: 'a', records: new Map() },
      method: 'car',
      records: new Map<string, Record<string, unknown>>([['question', question]]),
    });
    expect(cycleInputs([cycle({})], projectSettings({}))[0]?.options).toEqual({
      suppressionThreshold: 5,
      equityQuintiles: [],
    });
    const project = projectSettings({
      suppressionThreshold: 10,
      equityGroup: { marker: 'simd-quintile', quintiles: [1, 2] },
    });
    expect(cycleInputs([cycle({})], project)[0]?.options).toEqual({
      suppressionThreshold: 10,
      equityQuintiles: [1, 2],
    });
    const narrowed = cycle({ equityGroup: { marker: 'simd-quintile', quintiles: [1] } });
    expect(cycleInputs([narrowed], project)[0]?.options).toEqual({ suppressionThreshold: 10, equityQuintiles: [1] });
  });

  it('reports every defined measure in order, and measures the results name without defining them', () => {
    const record = measures({ id: 'a' }, [scored('All', 'all', 'all', [12, 3, 1], [12, 4, 1])]);
    record.measures?.push({ id: 'b', name: 'B', type: 'qualitative' });
    record.results?.push({ measure: 'c', groups: [scored('All', 'all', 'all', [12, 3, 1], null)] });
    const reports = measureReports(record);
    expect(reports.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(reports[1]).toMatchObject({
      groups: [],
      gap: null,
      effectSize: null,
      runChart: null,
      xmr: null,
      warnings: [],
    });
  });
});

describe('groups', () => {
  it('reports n, mean, sd and the change after - before for each group', () => {
    const m = reportOf({ id: 'reading' }, withComparison);
    expect(m.groups[0]).toEqual({
      name: 'Intervention',
      role: 'intervention',
      equity: 'all',
      before: { n: 20, mean: 48, sd: 8, date: '2025-08-28' },
      after: { n: 20, mean: 52.3, sd: 8.1, date: '2026-03-25' },
      change: 4.3,
      suppressed: false,
    });
  });

  it('rounds every figure to 4 decimals, so float noise never reaches the JSON', () => {
    const m = reportOf({ id: 'reading' }, [scored('All', 'all', 'all', [30, 24.1, 6.1], [30, 27.2, 5.9])]);
    expect(m.groups[0]?.change).toBe(3.1);
  });

  it('gives a yes/no measure as percentages, with the change in percentage points', () => {
    const m = reportOf({ id: 'reads', kind: 'yes-no' }, [yesNo('All', 'all', 'all', [40, 10], [40, 18])]);
    expect(m.groups[0]?.before).toEqual({ n: 40, mean: 25, sd: null, count: 10, date: '2025-08-28' });
    expect(m.groups[0]?.after.mean).toBe(45);
    expect(m.groups[0]?.change).toBe(20);
    expect(m.effectSize).toBeNull();
  });

  it('leaves a group without figures at one time as nulls, and its change null', () => {
    const m = reportOf({ id: 'reading' }, [scored('All', 'all', 'all', [30, 24, 6], null)]);
    expect(m.groups[0]?.after).toEqual({ n: null, mean: null, sd: null, date: null });
    expect(m.groups[0]?.change).toBeNull();
  });
});

describe('disclosure control', () => {
  const everyNumberOf = (value: unknown): number[] =>
    typeof value === 'number'
      ? [value]
      : Array.isArray(value)
        ? value.flatMap(everyNumberOf)
        : value !== null && typeof value === 'object'
          ? Object.values(value).flatMap(everyNumberOf)
          : [];

  it('hides every figure of a group below the threshold: nulls and suppressed true', () => {
    const m = reportOf({ id: 'reading' }, [
      scored('Class A', null, null, [4, 21.37, 5.11], [4, 23.91, 4.87]),
      scored('Class B', null, null, [25, 24, 6], [25, 26, 6]),
    ]);
    const a = m.groups[0];
    expect(a).toMatchObject({ suppressed: true, change: null });
    expect(a?.before).toEqual({ n: null, mean: null, sd: null, date: '2025-08-28' });
    expect(a?.after).toEqual({ n: null, mean: null, sd: null, date: '2026-03-25' });
    expect(everyNumberOf(m)).not.toEqual(expect.arrayContaining([21.37, 5.11, 23.91, 4.87]));
    expect(m.warnings.map((w) => w.code)).toContain('suppressed');
  });

  it('respects a project threshold other than 5', () => {
    const record = measures({ id: 'r' }, [scored('Class A', null, null, [8, 20, 5], [8, 22, 5])]);
    expect(measureReports(record, { suppressionThreshold: 10 })[0]?.groups[0]?.suppressed).toBe(true);
    expect(measureReports(record, { suppressionThreshold: 5 })[0]?.groups[0]?.suppressed).toBe(false);
  });

  it('hides the whole class, not the intervention group, where the total would give the small one away (all = intervention + comparison)', () => {
    const m = reportOf({ id: 'reading' }, [
      scored('Everyone', 'all', 'all', [33, 24, 6], [33, 26, 6]),
      scored('Intervention', 'intervention', 'all', [30, 24, 6], [30, 26.2, 6]),
      scored('Comparison', 'comparison', 'all', [3, 24, 6], [3, 24, 6]),
    ]);
    expect(m.groups.map((g) => g.suppressed)).toEqual([true, false, true]);
    expect(m.effectSize).toBeNull();
    expect(m.warnings.map((w) => w.message).join(' ')).toMatch(/effect size is not shown/);
  });

  it('hides a second group where equity group + others = all', () => {
    const m = reportOf({ id: 'reading' }, [
      scored('All', 'intervention', 'all', [40, 24, 6], [40, 26, 6]),
      scored('SIMD 1-2', 'intervention', 'equity-group', [2, 20, 6], [2, 22, 6]),
      scored('SIMD 3-5', 'intervention', 'others', [38, 24, 6], [38, 26, 6]),
    ]);
    // The smallest other part (SIMD 3-5) goes rather than the total: either way 40 - 38 is no longer shown.
    expect(m.groups.map((g) => g.suppressed)).toEqual([false, true, true]);
    expect(m.gap).toBeNull();
    expect(m.warnings.map((w) => w.message).join(' ')).toMatch(/equity gap is not shown/);
  });

  it('hides a yes/no group whose count of yes (or of no) is small, as "1 of 3 = 33%" would give it away', () => {
    const m = reportOf({ id: 'reads', kind: 'yes-no' }, [
      yesNo('Class A', null, null, [30, 2], [30, 12]),
      yesNo('Class B', null, null, [30, 29], [30, 20]),
      yesNo('Class C', null, null, [30, 12], [30, 12]),
    ]);
    expect(m.groups.map((g) => g.suppressed)).toEqual([true, true, false]);
    expect(m.groups[0]?.before).toEqual({ n: null, mean: null, sd: null, count: null, date: '2025-08-28' });
  });

  it('never says in a warning how many learners a hidden group has', () => {
    const m = reportOf({ id: 'reading' }, [
      scored('All', 'all', 'all', [33, 24, 6], [33, 26, 6]),
      scored('Intervention', 'intervention', 'all', [30, 24, 6], [30, 26, 6]),
      scored('Comparison', 'comparison', 'all', [3, 24, 6], [3, 24, 6]),
    ]);
    for (const warning of m.warnings) expect(warning.message).not.toMatch(/\b(3|30)\b/);
  });
});

describe('the equity gap', () => {
  it('is others - equity group when higher is better, with both denominators, and says whether it narrowed', () => {
    const m = reportOf({ id: 'reading' }, withComparison);
    expect(m.gap).toEqual({
      baseline: 6,
      followUp: 2.6,
      change: -3.4,
      narrowed: true,
      unit: 'points',
      basis: 'equity-group',
      equityGroup: 'Intervention, SIMD 1-2',
      othersGroup: 'Intervention, SIMD 3-5',
      denominators: { baseline: { equityN: 10, othersN: 10 }, followUp: { equityN: 10, othersN: 10 } },
    });
  });

  it('is equity group - others when lower is better, so that positive still means the equity group is behind', () => {
    const m = reportOf({ id: 'absence', higherIsBetter: false }, [
      scored('SIMD 1-2', 'all', 'equity-group', [20, 12, 3], [20, 10, 3]),
      scored('SIMD 3-5', 'all', 'others', [20, 8, 3], [20, 9, 3]),
    ]);
    expect(m.gap).toMatchObject({ baseline: 4, followUp: 1, change: -3, narrowed: true });
  });

  it('reports a widening gap as not narrowed', () => {
    const m = reportOf({ id: 'reading' }, [
      scored('SIMD 1-2', 'all', 'equity-group', [20, 20, 3], [20, 21, 3]),
      scored('SIMD 3-5', 'all', 'others', [20, 22, 3], [20, 25, 3]),
    ]);
    expect(m.gap).toMatchObject({ baseline: 2, followUp: 4, change: 2, narrowed: false });
  });

  it('uses SIMD quintile 1 against quintile 5 when there is no equity-group/others pair', () => {
    const m = reportOf({ id: 'reading' }, [
      scored('SIMD 1', 'all', 'simd-1', [20, 20, 3], [20, 23, 3]),
      scored('SIMD 5', 'all', 'simd-5', [20, 26, 3], [20, 27, 3]),
    ]);
    expect(m.gap).toMatchObject({
      basis: 'simd',
      baseline: 6,
      followUp: 4,
      equityGroup: 'SIMD 1',
      othersGroup: 'SIMD 5',
    });
  });

  it('is in percentage points for a yes/no measure', () => {
    const m = reportOf({ id: 'reads', kind: 'yes-no' }, [
      yesNo('SIMD 1-2', 'all', 'equity-group', [50, 10], [50, 20]),
      yesNo('SIMD 3-5', 'all', 'others', [50, 20], [50, 25]),
    ]);
    expect(m.gap).toMatchObject({ unit: 'percentage points', baseline: 20, followUp: 10, change: -10, narrowed: true });
  });

  it('gives the baseline alone before the follow-up is in', () => {
    const m = reportOf({ id: 'reading' }, [
      scored('SIMD 1-2', 'all', 'equity-group', [20, 20, 3], null),
      scored('SIMD 3-5', 'all', 'others', [20, 22, 3], null),
    ]);
    expect(m.gap).toMatchObject({ baseline: 2, followUp: null, change: null, narrowed: null });
    expect(m.gap?.denominators.followUp).toBeNull();
  });

  it('is null, with a warning, when the measure does not say which way is better', () => {
    const m = reportOf({ id: 'r', higherIsBetter: null }, [
      scored('SIMD 1-2', 'all', 'equity-group', [20, 20, 3], [20, 21, 3]),
      scored('SIMD 3-5', 'all', 'others', [20, 22, 3], [20, 25, 3]),
    ]);
    expect(m.gap).toBeNull();
    expect(m.warnings.map((w) => w.code)).toContain('no-direction');
  });

  it('warns when a gap rests on groups of fewer than 10', () => {
    const m = reportOf({ id: 'reading' }, [
      scored('SIMD 1-2', 'all', 'equity-group', [6, 20, 3], [6, 21, 3]),
      scored('SIMD 3-5', 'all', 'others', [20, 22, 3], [20, 25, 3]),
    ]);
    expect(m.warnings.map((w) => w.code)).toContain('small-groups');
  });
});

describe('the effect size', () => {
  it("is Hedges' g of intervention against comparison on the post-test, with its 95% CI and EEF months", () => {
    // statistics.md, first worked row: g 0.5505, CI -0.0551 to 1.1562.
    const m = reportOf({ id: 'reading' }, withComparison);
    expect(m.effectSize).toMatchObject({ basis: 'comparison', statistic: 'hedges-g', monthsProgress: 7 });
    expect(m.effectSize?.hedgesG).toBeCloseTo(0.5505, 4);
    expect(m.effectSize?.ci95?.[0]).toBeCloseTo(-0.0551, 4);
    expect(m.effectSize?.ci95?.[1]).toBeCloseTo(1.1562, 4);
    expect(m.warnings.map((w) => w.code)).not.toContain('no-comparison');
  });

  it('warns when a group has fewer than 10 learners', () => {
    // statistics.md, second worked row: g 0.7342.
    const m = reportOf({ id: 'r' }, [
      scored('Intervention', 'intervention', 'all', null, [6, 14.5, 3.2]),
      scored('Comparison', 'comparison', 'all', null, [7, 12.1, 2.9]),
    ]);
    expect(m.effectSize?.hedgesG).toBeCloseTo(0.7342, 4);
    expect(m.warnings.map((w) => w.code)).toContain('small-groups');
    // Below 10 learners in an arm the effect size is not turned into months (issue 12: two groups of 2 read "12").
    expect(m.effectSize?.monthsProgress).toBeNull();
  });

  it('gives no months for two groups of 2, and says why', () => {
    const [m] = measureReports(
      measures({ id: 'r' }, [
        scored('Intervention', 'intervention', 'all', null, [2, 14, 1]),
        scored('Comparison', 'comparison', 'all', null, [2, 12, 1]),
      ]),
      { suppressionThreshold: 1 },
    );
    if (!m) throw new Error('no measure report');
    expect(m.effectSize?.hedgesG).not.toBeNull();
    expect(m.effectSize?.monthsProgress).toBeNull();
    expect(m.warnings.find((w) => w.code === 'small-groups')?.message).toContain('not turned into months of progress');
  });

  it('says what is wrong when every learner has the same score (SD 0), with and without a comparison group', () => {
    const both = reportOf({ id: 'r' }, [
      scored('Intervention', 'intervention', 'all', null, [12, 14, 0]),
      scored('Comparison', 'comparison', 'all', null, [12, 12, 0]),
    ]);
    expect(both.effectSize).toBeNull();
    expect(both.warnings.map((w) => w.message)).toContain(
      'No effect size: every learner in both groups has the same score after the change (standard deviation 0), so there is no spread to measure the difference against. The change in the means is in the table.',
    );
    const alone = reportOf({ id: 'r' }, [scored('Tutors', 'intervention', 'all', [12, 20, 0], [12, 22, 3])]);
    expect(alone.effectSize).toBeNull();
    expect(alone.warnings.map((w) => w.message)).toContain(
      'No effect size: every learner had the same score before (standard deviation 0), so the change cannot be standardised. The change in the mean is in the table.',
    );
  });

  it('without a comparison group is the pre-post standardised change, with the caveat and no CI', () => {
    const m = reportOf({ id: 'r' }, [scored('Tutors', 'intervention', 'all', [30, 20, 5], [30, 22, 5])]);
    // (22 - 20) / 5 = 0.4, times J(29) = Γ(14.5) / (sqrt(14.5) Γ(14)) = 0.973871: 0.3895 (metafor's SMCR).
    expect(m.effectSize).toMatchObject({
      basis: 'pre-post',
      hedgesG: null,
      standardisedChange: 0.3895,
      ci95: null,
      monthsProgress: null,
      comparisonGroup: null,
    });
    const caveat = m.warnings.find((w) => w.code === 'no-comparison');
    expect(caveat?.message).toMatch(/not evidence of impact on its own/);
  });

  it('corrects a small pre-post change as metafor does: a group of 9 with d = 2.00 gives 1.81, not 2.00', () => {
    // J(8) = Γ(4) / (sqrt(4) Γ(3.5)) = 6 / (2 × 3.323351) = 0.902703; 2.00 × 0.902703 = 1.8054.
    const m = reportOf({ id: 'r' }, [scored('Tutors', 'intervention', 'all', [9, 10, 5], [9, 20, 5])]);
    expect(m.effectSize?.standardisedChange).toBe(1.8054);
  });

  it('is null with a warning when a group it needs is hidden', () => {
    const m = reportOf({ id: 'r' }, [
      scored('Intervention', 'intervention', 'all', [25, 20, 5], [25, 22, 5]),
      scored('Comparison', 'comparison', 'all', [4, 20, 5], [4, 21, 5]),
    ]);
    expect(m.effectSize).toBeNull();
    expect(m.warnings.map((w) => w.message).join(' ')).toMatch(
      /effect size is not shown: it would use a group shown as \[c\]/,
    );
  });
});

describe('dated series', () => {
  // 8 low points then 8 high: a shift below and above the median, each run longer than the Anhøj limit.
  const stepUp = [10, 11, 10, 12, 11, 10, 11, 12, 20, 21, 22, 20, 21, 22, 21, 20];

  it('reports the run chart: median, longest run, crossings and named, dated signals', () => {
    const m = reportOf({ id: 'r' }, [], [weekly(stepUp)]);
    expect(m.runChart).toMatchObject({ median: 16, longestRun: 8, crossings: 1, n: 16, useful: 16, note: null });
    const types = m.runChart?.signals.map((s) => s.type);
    expect(types).toEqual(expect.arrayContaining(['shift', 'long-run', 'few-crossings', 'too-few-runs']));
    const [low, high] = (m.runChart?.signals ?? []).filter((s) => s.type === 'shift');
    expect(low).toMatchObject({ from: '2025-09-01', to: '2025-10-20', points: 8, side: 'below', direction: 'concern' });
    expect(high).toMatchObject({ from: '2025-10-27', to: '2025-12-15', side: 'above', direction: 'improvement' });
  });

  it('reports the XmR chart: mean, limits and signals by the measure direction', () => {
    const m = reportOf({ id: 'r', higherIsBetter: false }, [], [weekly(stepUp)]);
    expect(m.xmr?.mean).toBeCloseTo(15.875, 4);
    expect(m.xmr?.trial).toBe(false);
    expect(m.xmr?.signals.length).toBeGreaterThan(0);
    for (const s of m.xmr?.signals ?? []) {
      expect(['outside-limits', 'trend', 'two-of-three', 'shift']).toContain(s.type);
      expect(s.direction).toBe(s.side === 'above' || s.side === 'up' ? 'concern' : 'improvement');
    }
  });

  it('fixes the centre line on the baseline period when the measure says so', () => {
    const m = reportOf({ id: 'r', chart: { baselinePoints: 8 } }, [], [weekly(stepUp)]);
    expect(m.runChart).toMatchObject({ median: 11, baselinePoints: 8 });
    expect(m.xmr?.mean).toBeCloseTo(10.875, 4);
    expect(m.xmr?.trial).toBe(true);
    expect(m.warnings.map((w) => w.code)).toContain('trial-limits');
  });

  it('draws no XmR chart below 8 points, and notes that a short run chart looks for shifts and trends only', () => {
    const m = reportOf({ id: 'r' }, [], [weekly([1, 2, 3, 4, 5, 6, 7])]);
    expect(m.xmr).toBeNull();
    expect(m.runChart?.note).toMatch(/Only 7 points/);
    expect(m.runChart?.signals.map((s) => s.type)).toEqual(['trend']);
    expect(m.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['few-points', 'no-xmr']));
  });

  it('keeps the XmR limits of a yes/no series within 0-100', () => {
    const m = reportOf({ id: 'r', kind: 'yes-no' }, [], [weekly([2, 30, 2, 30, 2, 30, 2, 30, 2, 30, 2, 30])]);
    expect(m.xmr?.lowerLimit).toBe(0);
  });

  it('rebases only at a recorded date, with its reason: each segment has its own centre line', () => {
    const rebase = [{ date: '2025-10-27', reason: 'New timetable from the October holiday' }];
    const m = reportOf({ id: 'r', chart: { rebase } }, [], [weekly(stepUp)]);
    const [series] = m.series;
    expect(series?.segments.map((s) => [s.fromIndex, s.toIndex, s.median, s.rebase?.reason ?? null])).toEqual([
      [0, 7, 11, null],
      [8, 15, 21, 'New timetable from the October holiday'],
    ]);
    expect(m.runChart?.median).toBe(21);
    expect(m.runChart?.signals.every((s) => s.type !== 'shift')).toBe(true);
    expect(new Set(m.xmr?.signals.map((s) => s.segment))).not.toContain(2);
  });

  it('ignores a rebase with no points before it, with a warning', () => {
    const m = reportOf(
      { id: 'r', chart: { rebase: [{ date: '2020-01-01', reason: 'Too early' }] } },
      [],
      [weekly(stepUp)],
    );
    expect(m.series[0]?.segments).toHaveLength(1);
    expect(m.warnings.map((w) => w.code)).toContain('rebase-ignored');
  });

  it('leaves out yes/no points whose count of yes or of no is below the threshold, which n and % would give away', () => {
    const points = weekly(stepUp).map((p, i) => ({
      ...p,
      n: 30,
      // 2 of 30 said yes (6.7%); 28 of 30 said yes (93.3%, so 2 said no); 15 of 30 is safe.
      value: i === 2 ? (2 / 30) * 100 : i === 5 ? (28 / 30) * 100 : 50,
    }));
    const m = reportOf({ id: 'r', kind: 'yes-no' }, [], [points]);
    expect(m.series[0]?.omittedPoints).toBe(2);
    expect(m.series[0]?.points.map((p) => p.value)).not.toContain((2 / 30) * 100);
    expect(JSON.stringify(m)).not.toContain('93.3');
    expect(m.warnings.find((w) => w.code === 'points-omitted')?.message).toBe(
      'The series "Series 1": 2 points rest on fewer than 5 learners, or on fewer than 5 answering yes or no, and are left out of the charts.',
    );
    // The same values of a score measure are averages, not counts: nothing to give away.
    expect(reportOf({ id: 'r' }, [], [points]).series[0]?.omittedPoints).toBe(0);
  });

  it('leaves out points resting on fewer learners than the threshold', () => {
    const points = weekly(stepUp).map((p, i) => (i === 3 ? { ...p, n: 3 } : { ...p, n: 25 }));
    const m = reportOf({ id: 'r' }, [], [points]);
    expect(m.series[0]?.points).toHaveLength(15);
    expect(m.series[0]?.omittedPoints).toBe(1);
    expect(m.warnings.map((w) => w.code)).toContain('points-omitted');
  });

  it('reports every series of a measure, the first one in runChart and xmr', () => {
    const m = reportOf({ id: 'r' }, [], [weekly(stepUp), weekly([5, 5, 6])]);
    expect(m.series.map((s) => s.group)).toEqual(['Series 1', 'Series 2']);
    expect(m.runChart?.group).toBe('Series 1');
  });
});

describe('moving-range screening, a setting of the measure (statistics.md: off by default, can be switched on)', () => {
  // One point 39 above its neighbours among ranges of 1: MR̄ = (10 × 1 + 39 + 39) / 12 = 7.3333; 3.267 × 7.3333 =
  // 23.96 < 39, so screening leaves out the two ranges of 39 and MR̄ = 10 / 10 = 1.
  const values = [10, 11, 10, 11, 10, 11, 50, 11, 10, 11, 10, 11, 10];
  it('is off unless the measure switches it on', () => {
    const off = reportOf({ id: 'r' }, [], [weekly(values)]);
    expect(off.xmr?.movingRangeMean).toBeCloseTo(7.3333, 4);
    expect(off.warnings.map((w) => w.code)).not.toContain('screened-ranges');
    const on = reportOf({ id: 'r', chart: { screenMovingRanges: true } }, [], [weekly(values)]);
    expect(on.xmr?.movingRangeMean).toBeCloseTo(1, 4);
    expect(on.warnings.find((w) => w.code === 'screened-ranges')?.message).toContain(
      '2 unusually large jumps between points were left out of the XmR limits (moving-range screening is on for this measure).',
    );
  });
});

describe('months of progress', () => {
  it('come with the caution when the interval spans 0 or a group has fewer than 30 learners, and not otherwise', () => {
    // statistics.md first worked row: 20 and 22 learners, CI -0.0551 to 1.1562: both reasons.
    expect(reportOf({ id: 'reading' }, withComparison).effectSize).toMatchObject({ monthsProgress: 7, monthsCaution: true });
    // 60 and 60 learners, d = 5/8 = 0.625: g 0.621, CI about 0.26 to 0.99, so no caution.
    const large = reportOf({ id: 'r' }, [
      scored('Intervention', 'intervention', 'all', null, [60, 55, 8]),
      scored('Comparison', 'comparison', 'all', null, [60, 50, 8]),
    ]);
    expect(large.effectSize).toMatchObject({ basis: 'comparison', monthsProgress: 8, monthsCaution: false });
    // 25 and 25 learners with an interval above 0: the caution for the group size alone.
    const medium = reportOf({ id: 'r' }, [
      scored('Intervention', 'intervention', 'all', null, [25, 60, 8]),
      scored('Comparison', 'comparison', 'all', null, [25, 50, 8]),
    ]);
    expect(medium.effectSize?.ci95?.[0]).toBeGreaterThan(0);
    expect(medium.effectSize?.monthsCaution).toBe(true);
  });
});

describe('the control chart of a yes/no series', () => {
  // Percentages of classes of 23 to 29 learners, each point with its n: a P′ chart (statistics.md).
  const ns = [23, 29, 25, 27, 24, 28, 26, 23, 29, 25, 27, 24];
  const yes = [14, 18, 15, 17, 15, 17, 16, 14, 24, 15, 17, 15];
  const withN = weekly(yes.map((y, i) => (100 * y) / (ns[i] as number))).map((p, i) => ({ ...p, n: ns[i] as number }));

  it('is a P′ chart when every point records its n, with the limits of pPrimeChart for each point', () => {
    const m = reportOf({ id: 'home-reading', kind: 'yes-no' }, [], [withN]);
    const expected = pPrimeChart(yes.map((y, i) => ({ yes: y, n: ns[i] as number })), { higherIsBetter: true });
    expect(m.xmr?.chart).toBe('p-prime');
    expect(m.xmr?.mean).toBeCloseTo(100 * (expected.centre ?? NaN), 4);
    expect(m.xmr?.limits?.map((l) => l.upper)).toEqual(
      expected.upperLimits.map((u) => (u === null ? null : Math.round(u * 100 * 1e4) / 1e4)),
    );
    expect(m.xmr?.upperLimit).toBeCloseTo(100 * (expected.upperLimits[11] ?? NaN), 4);
    // The week with 24 of 29 (82.8%) is above its own limit (77.1%): an improvement, as the XmR rules mark it.
    expect(m.xmr?.signals).toContainEqual(
      expect.objectContaining({ type: 'outside-limits', fromIndex: 8, direction: 'improvement' }),
    );
  });

  it('stays an XmR chart for a yes/no series without n, and for measurements', () => {
    const noN = weekly(yes.map((y, i) => (100 * y) / (ns[i] as number)));
    expect(reportOf({ id: 'a', kind: 'yes-no' }, [], [noN]).xmr?.chart).toBe('xmr');
    expect(reportOf({ id: 'b' }, [], [withN]).xmr?.chart).toBe('xmr');
  });
});
