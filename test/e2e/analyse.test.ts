// End-to-end specification of `sipp analyse`: the built CLI on projects in temporary folders.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as Ajv2020Module from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import type formatsPlugin from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, REPO_ROOT, newProject, sipp, snapshotTree, tempDir } from './helpers.js';

const MEASURES = `measures:
  - id: enjoyment
    name: Reading enjoyment score
    type: outcome
    kind: score
    unit: points out of 40
    higherIsBetter: true
  - id: reads-often
    name: Reads most days
    type: outcome
    kind: yes-no
    unit: '% of learners'
    higherIsBetter: true
results:
  - measure: enjoyment
    groups:
      - name: Intervention
        role: intervention
        equity: all
        before: { date: 2025-08-28, n: 20, mean: 48.0, sd: 8.0 }
        after: { date: 2026-03-25, n: 20, mean: 52.3, sd: 8.1 }
      - name: Comparison
        role: comparison
        equity: all
        before: { date: 2025-08-28, n: 22, mean: 47.5, sd: 7.8 }
        after: { date: 2026-03-25, n: 22, mean: 47.9, sd: 7.6 }
      - name: Intervention, SIMD 1-2
        role: intervention
        equity: equity-group
        before: { date: 2025-08-28, n: 10, mean: 45.0, sd: 8.0 }
        after: { date: 2026-03-25, n: 10, mean: 51.0, sd: 8.0 }
      - name: Intervention, SIMD 3-5
        role: intervention
        equity: others
        before: { date: 2025-08-28, n: 10, mean: 51.0, sd: 7.0 }
        after: { date: 2026-03-25, n: 10, mean: 53.6, sd: 8.0 }
      - name: Comparison, SIMD 5
        role: comparison
        equity: simd-5
        suppressed: true
        suppression: small-group
series:
  - measure: reads-often
    group: Intervention
    points:
      - { date: 2025-09-01, value: 30 }
      - { date: 2025-09-15, value: 31 }
      - { date: 2025-09-29, value: 29 }
      - { date: 2025-10-13, value: 32 }
      - { date: 2025-10-27, value: 30 }
      - { date: 2025-11-10, value: 31 }
      - { date: 2025-11-24, value: 43 }
      - { date: 2025-12-08, value: 42 }
      - { date: 2026-01-12, value: 46 }
      - { date: 2026-01-26, value: 48 }
      - { date: 2026-02-09, value: 45 }
      - { date: 2026-02-23, value: 50 }
`;

/** A new project with one cycle whose measures.yaml holds results and a series. */
function projectWithFigures(): string {
  const dir = newProject();
  const r = sipp(['cycle', 'new', '--yes', 'Paired reading'], { cwd: dir });
  if (r.code !== 0) throw new Error(`sipp cycle failed: ${r.stderr}`);
  writeFileSync(path.join(dir, 'cycles', '01-paired-reading', 'measures.yaml'), MEASURES);
  return dir;
}

const figures = (n: number | null, mean: number | null, sd: number | null, date: string | null) => ({ n, mean, sd, date });

describe('sipp analyse', () => {
  it('prints only the JSON contract with --json, and exits 0', () => {
    const dir = projectWithFigures();
    const r = sipp(['analyse', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual(['cycles']);
    expect(report.cycles).toHaveLength(1);
    const [cycle] = report.cycles;
    expect(cycle.id).toBe('01-paired-reading');
    const [enjoyment, reads] = cycle.measures;
    expect(enjoyment.groups).toEqual([
      {
        name: 'Intervention',
        role: 'intervention',
        equity: 'all',
        before: figures(20, 48, 8, '2025-08-28'),
        after: figures(20, 52.3, 8.1, '2026-03-25'),
        change: 4.3,
        suppressed: false,
      },
      {
        name: 'Comparison',
        role: 'comparison',
        equity: 'all',
        before: figures(22, 47.5, 7.8, '2025-08-28'),
        after: figures(22, 47.9, 7.6, '2026-03-25'),
        change: 0.4,
        suppressed: false,
      },
      {
        name: 'Intervention, SIMD 1-2',
        role: 'intervention',
        equity: 'equity-group',
        before: figures(10, 45, 8, '2025-08-28'),
        after: figures(10, 51, 8, '2026-03-25'),
        change: 6,
        suppressed: false,
      },
      {
        name: 'Intervention, SIMD 3-5',
        role: 'intervention',
        equity: 'others',
        before: figures(10, 51, 7, '2025-08-28'),
        after: figures(10, 53.6, 8, '2026-03-25'),
        change: 2.6,
        suppressed: false,
      },
      {
        name: 'Comparison, SIMD 5',
        role: 'comparison',
        equity: 'simd-5',
        // The record holds no figures of a suppressed group, not even its dates.
        before: figures(null, null, null, null),
        after: figures(null, null, null, null),
        change: null,
        suppressed: true,
      },
    ]);
    expect(enjoyment.gap).toEqual({
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
    expect(enjoyment.effectSize).toEqual({
      hedgesG: 0.5505,
      standardisedChange: null,
      ci95: [-0.0551, 1.1562],
      monthsProgress: 7,
      monthsCaution: true, // the interval spans 0 and the groups have 20 and 22 learners
      basis: 'comparison',
      statistic: 'hedges-g',
      d: 0.5611,
      se: 0.309,
      interventionGroup: 'Intervention',
      comparisonGroup: 'Comparison',
    });
    expect(enjoyment.runChart).toBeNull();
    expect(enjoyment.xmr).toBeNull();
    expect(enjoyment.warnings.map((w: { code: string }) => w.code)).toEqual(['suppressed']);

    expect(reads.groups).toEqual([]);
    expect(reads.gap).toBeNull();
    expect(reads.effectSize).toBeNull();
    expect(reads.runChart).toMatchObject({ median: 37, longestRun: 6, crossings: 1, group: 'Intervention' });
    expect(
      reads.runChart.signals.map((s: { type: string; from: string; to: string }) => [s.type, s.from, s.to]),
    ).toEqual([
      ['shift', '2025-09-01', '2025-11-10'],
      ['too-few-runs', '2025-09-01', '2026-02-23'],
      ['few-crossings', '2025-09-01', '2026-02-23'],
      ['shift', '2025-11-24', '2026-02-23'],
    ]);
    expect(Object.keys(reads.xmr)).toEqual(expect.arrayContaining(['mean', 'upperLimit', 'lowerLimit', 'signals']));
    expect(reads.xmr.trial).toBe(false);
  });

  it('prints a readable report: groups with [c], the gap with denominators, the effect size and signals in words', () => {
    const dir = projectWithFigures();
    const r = sipp(['analyse'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Cycle 01-paired-reading');
    expect(r.stdout).toMatch(/Group\s+n\s+Before\s+n\s+After\s+Change/);
    expect(r.stdout).toMatch(/Intervention\s+20\s+48\.0\s+20\s+52\.3\s+\+4\.3/);
    expect(r.stdout).toMatch(/Comparison, SIMD 5\s+\[c\]\s+\[c\]\s+\[c\]\s+\[c\]\s+\[c\]/);
    expect(r.stdout).toContain(
      'Equity gap: Intervention, SIMD 1-2 compared with Intervention, SIMD 3-5: behind by 6.0 points at baseline (n = 10 and 10), behind by 2.6 points at follow-up (n = 10 and 10): narrowed by 3.4 points.',
    );
    expect(r.stdout).toContain("Hedges' g = 0.55 (95% confidence interval −0.06 to 1.16)");
    expect(r.stdout).toContain('about 7 months of additional progress');
    expect(r.stdout).toContain(
      '6 points in a row above the median from 24 Nov 2025 to 23 Feb 2026: a shift (an improvement).',
    );
    expect(r.stdout).not.toMatch(/\b3\s+50\.0\b/);
  });

  it('analyses the cycles named by number or folder, and refuses an unknown one with exit 2', () => {
    const dir = projectWithFigures();
    for (const name of ['1', '01', '01-paired-reading', 'cycles/01-paired-reading/']) {
      const r = sipp(['analyse', name, '--json'], { cwd: dir });
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).cycles.map((c: { id: string }) => c.id)).toEqual(['01-paired-reading']);
    }
    const r = sipp(['analyse', '7'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('There is no cycle "7" in this project.');
    expect(r.stderr).toContain('Its cycles are: 01-paired-reading.');
  });

  it('refuses an invalid project with exit 1, each problem at its file, line and column, and changes nothing', () => {
    const dir = projectWithFigures();
    const file = path.join(dir, 'cycles', '01-paired-reading', 'measures.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('kind: yes-no', 'kind: sometimes'));
    const before = snapshotTree(dir);
    const r = sipp(['analyse', '--json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^cycles\/01-paired-reading\/measures\.yaml:\d+:\d+: .+/m);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('is also spelled analyze', () => {
    const dir = projectWithFigures();
    expect(sipp(['analyze', '--json'], { cwd: dir }).code).toBe(0);
  });

  it('analyses the example project, with its equity gap narrowing, a shift in its run chart and its small groups hidden', () => {
    const source = path.join(EXAMPLES, 'northfield-reading');
    const dir = tempDir();
    cpSync(source, dir, { recursive: true });
    const r = sipp(['analyse', '--json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    const measures = report.cycles.flatMap((c: { measures: unknown[] }) => c.measures);
    const gaps = measures.map((m: { gap: { narrowed: boolean | null } | null }) => m.gap).filter(Boolean);
    expect(gaps.some((g: { narrowed: boolean | null }) => g.narrowed === true)).toBe(true);
    const shifts = measures.flatMap((m: { runChart: { signals: { type: string; direction: string }[] } | null }) =>
      (m.runChart?.signals ?? []).filter((s) => s.type === 'shift'),
    );
    expect(shifts).toContainEqual(expect.objectContaining({ type: 'shift', side: 'above', direction: 'improvement' }));
    for (const m of measures) {
      for (const g of m.groups) {
        if (g.suppressed)
          expect([g.before.n, g.before.mean, g.after.n, g.after.mean, g.change]).toEqual([
            null,
            null,
            null,
            null,
            null,
          ]);
      }
    }
  });
});

// Every kind of measure the contract has to carry: scores with a comparison group and hidden equity groups
// (one small, one hidden only because it would give the small one away), yes/no counts, a pre-post score
// without a comparison group, a dated series (lower is better) and a qualitative measure with no figures.
const CONTRACT_MEASURES = `measures:
  - id: enjoyment
    name: Reading enjoyment score
    type: outcome
    kind: score
    unit: points out of 40
    higherIsBetter: true
  - id: reads-often
    name: Reads most days
    type: outcome
    kind: yes-no
    unit: '% of learners'
    higherIsBetter: true
  - id: fluency
    name: Words read correctly per minute
    type: outcome
    higherIsBetter: true
  - id: late-marks
    name: Late marks per week
    type: balancing
    higherIsBetter: false
  - id: voice
    name: What learners say
    type: qualitative
results:
  - measure: enjoyment
    groups:
      - name: Intervention
        role: intervention
        equity: all
        before: { n: 20, mean: 48.0, sd: 8.0 }
        after: { n: 20, mean: 52.3, sd: 8.1 }
      - name: Intervention, SIMD 1-2
        role: intervention
        equity: equity-group
        suppressed: true
        suppression: small-group
      - name: Intervention, SIMD 3-5
        role: intervention
        equity: others
        suppressed: true
        suppression: secondary
      - name: Comparison
        role: comparison
        equity: all
        before: { n: 22, mean: 47.5, sd: 7.8 }
        after: { n: 22, mean: 47.9, sd: 7.6 }
  - measure: reads-often
    groups:
      - name: Intervention
        role: intervention
        equity: all
        before: { n: 40, count: 18 }
        after: { n: 40, count: 26 }
      - name: Intervention, SIMD 1-2
        role: intervention
        equity: equity-group
        suppressed: true
        suppression: small-count
      - name: Intervention, SIMD 3-5
        role: intervention
        equity: others
        suppressed: true
        suppression: secondary
      - name: Comparison
        role: comparison
        equity: all
        before: { n: 38, count: 16 }
        after: { n: 38, count: 18 }
  - measure: fluency
    groups:
      - name: P5 class
        role: all
        before: { n: 24, mean: 71.5, sd: 14.2 }
        after: { n: 23, mean: 80.1, sd: 13.6 }
series:
  - measure: late-marks
    group: P5-P7
    points:
      - { date: 2025-09-01, value: 30 }
      - { date: 2025-09-08, value: 31 }
      - { date: 2025-09-15, value: 29 }
      - { date: 2025-09-22, value: 32 }
      - { date: 2025-09-29, value: 30 }
      - { date: 2025-10-06, value: 31 }
      - { date: 2025-10-27, value: 43 }
      - { date: 2025-11-03, value: 42 }
      - { date: 2025-11-10, value: 46 }
      - { date: 2025-11-17, value: 48 }
      - { date: 2025-11-24, value: 45 }
      - { date: 2025-12-01, value: 50 }
`;

/** A new project whose first cycle's measures.yaml is `text`. */
function projectWithMeasures(text: string): string {
  const dir = newProject();
  const r = sipp(['cycle', '--yes', 'Paired reading'], { cwd: dir });
  if (r.code !== 0) throw new Error(`sipp cycle failed: ${r.stderr}`);
  writeFileSync(path.join(dir, 'cycles', '01-paired-reading', 'measures.yaml'), text);
  return dir;
}

/** The JSON Schema of `sipp analyse --json` (test/fixtures/analyse-output.schema.json), compiled. */
function contractValidator(): ValidateFunction {
  const require = createRequire(import.meta.url);
  const { Ajv2020 } = require('ajv/dist/2020.js') as typeof Ajv2020Module;
  const addFormats = require('ajv-formats') as typeof formatsPlugin.default;
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv, ['date']);
  return ajv.compile(
    JSON.parse(readFileSync(path.join(REPO_ROOT, 'test/fixtures/analyse-output.schema.json'), 'utf8')),
  );
}

/** Every leaf of a JSON value with its path, such as `cycles.0.measures.1.groups.2.before.n`. */
function leaves(value: unknown, at = ''): [string, unknown][] {
  if (value === null || typeof value !== 'object') return [[at, value]];
  return Object.entries(value).flatMap(([key, child]) => leaves(child, at === '' ? key : `${at}.${key}`));
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed JSON, whose shape the schema checks
type JsonMeasure = Record<string, any>;
interface Json {
  cycles: { id: string; measures: JsonMeasure[] }[];
}

function analyseJson(dir: string, args: string[] = []): Json {
  const r = sipp(['analyse', ...args, '--json'], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Json;
}

describe('sipp analyse --json: the contract of issue 4', () => {
  const validate = contractValidator();

  it('fits the contract schema for every kind of measure, and for the example project', () => {
    const report = analyseJson(projectWithMeasures(CONTRACT_MEASURES));
    expect(validate(report), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(report.cycles[0]?.measures.map((m) => m.id)).toEqual([
      'enjoyment',
      'reads-often',
      'fluency',
      'late-marks',
      'voice',
    ]);
    const example = tempDir();
    cpSync(path.join(EXAMPLES, 'northfield-reading'), example, { recursive: true });
    const exampleReport = analyseJson(example);
    expect(validate(exampleReport), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(exampleReport.cycles.length).toBeGreaterThan(0);
  });

  it('has a schema that refuses a shown hidden figure, a missing contract field and an unknown signal name', () => {
    const report = analyseJson(projectWithMeasures(CONTRACT_MEASURES));
    const leaked = structuredClone(report);
    (leaked.cycles[0]?.measures[0] as JsonMeasure).groups[1].before.n = 3;
    expect(validate(leaked)).toBe(false);
    const missing = structuredClone(report);
    delete (missing.cycles[0]?.measures[0] as JsonMeasure).effectSize.monthsProgress;
    expect(validate(missing)).toBe(false);
    const renamed = structuredClone(report);
    (renamed.cycles[0]?.measures[3] as JsonMeasure).runChart.signals[0].type = 'astronomical-point';
    expect(validate(renamed)).toBe(false);
    const extra = structuredClone(report);
    (extra.cycles[0]?.measures[0] as JsonMeasure).undocumented = 1;
    expect(validate(extra)).toBe(false);
  });

  it('reports figures worked out by hand from statistics.md', () => {
    const [enjoyment, readsOften, fluency, lateMarks, voice] = analyseJson(projectWithMeasures(CONTRACT_MEASURES))
      .cycles[0]?.measures as JsonMeasure[];
    const shown = (g: { name: string; before: unknown; after: unknown; change: unknown; suppressed: boolean }) => [
      g.name,
      g.before,
      g.after,
      g.change,
      g.suppressed,
    ];
    const hidden = { n: null, mean: null, sd: null, date: null };

    // Scores: change = after - before; g of 20 (52.3, 8.1) against 22 (47.9, 7.6) is statistics.md's first row.
    expect(enjoyment?.groups.map(shown)).toEqual([
      ['Intervention', { n: 20, mean: 48, sd: 8, date: null }, { n: 20, mean: 52.3, sd: 8.1, date: null }, 4.3, false],
      ['Intervention, SIMD 1-2', hidden, hidden, null, true],
      ['Intervention, SIMD 3-5', hidden, hidden, null, true],
      [
        'Comparison',
        { n: 22, mean: 47.5, sd: 7.8, date: null },
        { n: 22, mean: 47.9, sd: 7.6, date: null },
        0.4,
        false,
      ],
    ]);
    expect(enjoyment?.effectSize).toMatchObject({
      hedgesG: 0.5505,
      ci95: [-0.0551, 1.1562],
      monthsProgress: 7,
      basis: 'comparison',
    });
    expect(enjoyment?.gap).toBeNull();
    expect(enjoyment?.warnings.map((w: { code: string }) => w.code)).toEqual(['suppressed', 'suppressed']);

    // Yes/no: the percentage answering yes as the mean, no SD, changes in percentage points, no effect size.
    expect(readsOften?.groups.map(shown)).toEqual([
      [
        'Intervention',
        { n: 40, mean: 45, sd: null, count: 18, date: null }, // 18 of 40
        { n: 40, mean: 65, sd: null, count: 26, date: null }, // 26 of 40
        20,
        false,
      ],
      ['Intervention, SIMD 1-2', { ...hidden, count: null }, { ...hidden, count: null }, null, true],
      ['Intervention, SIMD 3-5', { ...hidden, count: null }, { ...hidden, count: null }, null, true],
      [
        'Comparison',
        { n: 38, mean: 42.1053, sd: null, count: 16, date: null }, // 100 × 16 / 38
        { n: 38, mean: 47.3684, sd: null, count: 18, date: null }, // 100 × 18 / 38
        5.2632,
        false,
      ],
    ]);
    expect(readsOften?.effectSize).toBeNull();

    // No comparison group: (80.1 - 71.5) / 14.2 = 0.6056, times J(23) = 0.966972 (metafor's SMCR): 0.5856,
    // pre-post, not under hedgesG, no interval, no months (they need a comparison group), with the caveat.
    expect(fluency?.effectSize).toMatchObject({
      hedgesG: null,
      standardisedChange: 0.5856,
      ci95: null,
      monthsProgress: null,
      basis: 'pre-post',
    });
    expect(fluency?.warnings.map((w: { code: string }) => w.code)).toEqual(['no-comparison']);

    // Series, lower is better. Median of the 12 points: (32 + 42) / 2 = 37; 6 below then 6 above.
    expect(lateMarks?.runChart).toMatchObject({ median: 37, longestRun: 6, crossings: 1 });
    const signal = (s: { type: string; fromIndex: number; toIndex: number; side: string; direction: string }) => [
      s.type,
      s.fromIndex,
      s.toIndex,
      s.side,
      s.direction,
    ];
    expect(lateMarks?.runChart.signals.map(signal)).toEqual([
      ['shift', 0, 5, 'below', 'improvement'],
      ['too-few-runs', 0, 11, null, 'neutral'],
      ['few-crossings', 0, 11, null, 'neutral'],
      ['shift', 6, 11, 'above', 'concern'],
    ]);
    // Mean 457 / 12 = 38.0833; moving ranges add up to 36 over 11, MR̄ 3.2727; limits 38.0833 ± 2.66 × 3.2727;
    // two-sigma lines 38.0833 ± 5.8036 = 32.2797 and 43.8870.
    expect(lateMarks?.xmr).toMatchObject({
      mean: 38.0833,
      upperLimit: 46.7888,
      lowerLimit: 29.3779,
      movingRangeMean: 3.2727,
      trial: false,
    });
    expect(lateMarks?.xmr.signals.map(signal)).toEqual([
      ['two-of-three', 0, 1, 'below', 'improvement'], // 30, 31 beyond 32.28 with 29 (outside) in the same window
      ['outside-limits', 2, 2, 'below', 'improvement'], // 29 < 29.3779
      ['two-of-three', 3, 5, 'below', 'improvement'], // 32, 30, 31
      ['two-of-three', 8, 8, 'above', 'concern'], // 46 > 43.887, with 45 two points on
      ['outside-limits', 9, 9, 'above', 'concern'], // 48 > 46.7888
      ['two-of-three', 10, 10, 'above', 'concern'],
      ['outside-limits', 11, 11, 'above', 'concern'], // 50
    ]);

    expect(voice).toMatchObject({
      groups: [],
      gap: null,
      effectSize: null,
      runChart: null,
      xmr: null,
      warnings: [],
    });
  });

  it('never puts a hidden figure in the JSON, nor one that would give a hidden figure away', () => {
    const dir = projectWithMeasures(CONTRACT_MEASURES);
    const r = sipp(['analyse', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    // The small groups' own figures, the secondary ones' (SIMD 3-5 = Intervention - SIMD 1-2), and what follows
    // from them: changes, percentages and the gaps between the two.
    const hiddenDecimals = [
      '41.37', '44.71', '6.93', '5.29', '3.34', // enjoyment, SIMD 1-2 (n 3)
      '49.16', '53.57', '7.77', '7.61', '4.41', // enjoyment, SIMD 3-5 (n 17)
      '7.79', '8.86', '1.07', // its gaps at baseline and follow-up, and their change
      '25', '58.3333', '33.3333', // reads-often, SIMD 1-2: 3 of 12, 7 of 12
      '53.5714', '67.8571', '14.2857', // reads-often, SIMD 3-5: 15 of 28, 19 of 28
      '28.5714', '9.5238', // reads-often gaps
    ]; // prettier-ignore
    for (const figure of hiddenDecimals) {
      expect(r.stdout, figure).not.toMatch(new RegExp(`(?<![\\d.])${figure.replace('.', '\\.')}(?!\\d)`));
    }
    const hiddenCounts = new Set([3, 17, 12, 28, 7, 15, 19]);
    const counts = leaves(JSON.parse(r.stdout)).filter(([at]) =>
      /groups\.\d+\.(before|after)\.(n|count)$|denominators\.\w+\.\w+N$/.test(at),
    );
    expect(counts.length).toBeGreaterThan(0);
    for (const [at, value] of counts) expect(hiddenCounts.has(value as number), `${at} = ${String(value)}`).toBe(false);
  });
});

describe('sipp analyse: choosing cycles and refusing', () => {
  it('analyses the cycles named, in project order, each once; an unknown one among them is refused (exit 2)', () => {
    const dir = projectWithMeasures(CONTRACT_MEASURES);
    expect(sipp(['cycle', '--yes', 'Book bags'], { cwd: dir }).code).toBe(0);
    const ids = (args: string[]) => analyseJson(dir, args).cycles.map((c) => c.id);
    expect(ids([])).toEqual(['01-paired-reading', '02-book-bags']);
    expect(ids(['2'])).toEqual(['02-book-bags']);
    expect(ids(['02-book-bags', '01'])).toEqual(['01-paired-reading', '02-book-bags']);
    expect(ids(['1', '01', '01-paired-reading'])).toEqual(['01-paired-reading']);
    const r = sipp(['analyse', '1', 'book-bags', '9'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('There is no cycle "book-bags" or "9" in this project.');
    expect(r.stderr).toContain('Its cycles are: 01-paired-reading, 02-book-bags.');
  });

  it('refuses to run outside a project (exit 2)', () => {
    const r = sipp(['analyse', '--json'], { cwd: tempDir() });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('This folder is not inside a sipp project');
  });

  it('says when there are no figures yet, and exits 0', () => {
    const dir = newProject();
    expect(sipp(['cycle', '--yes', 'Paired reading'], { cwd: dir }).code).toBe(0);
    const r = sipp(['analyse'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Cycle 01-paired-reading');
    expect(r.stdout).toContain('No figures to analyse yet. Import a class table with `sipp data import');
    expect(analyseJson(dir)).toEqual({ cycles: [{ id: '01-paired-reading', number: 1, measures: [] }] });
  });

  it('says when the project has no cycles, and refuses to name one that does not exist', () => {
    const dir = newProject();
    const r = sipp(['analyse'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('The project has no cycles yet: start one with `sipp cycle`.');
    expect(analyseJson(dir)).toEqual({ cycles: [] });
    const named = sipp(['analyse', '1'], { cwd: dir });
    expect(named.code).toBe(2);
    expect(named.stderr).toContain('The project has no cycles yet: start one with `sipp cycle`.');
  });

  it('refuses an invalid project in text mode too, listing every problem (exit 1)', () => {
    const dir = projectWithMeasures(
      CONTRACT_MEASURES.replace('kind: yes-no', 'kind: sometimes').replace('n: 20, mean: 48.0', 'n: -2, mean: 48.0'),
    );
    const r = sipp(['analyse'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('sipp: The project has 2 problems, so nothing was analysed:');
    expect(r.stderr).toMatch(/^cycles\/01-paired-reading\/measures\.yaml:11:11: `kind` must be one of: score, yes-no/m);
    expect(r.stderr).toMatch(
      /^cycles\/01-paired-reading\/measures\.yaml:31:22: `n` must be a whole number of 0 or more, got -2$/m,
    );
  });
});

// Weekly points from 2025-09-01: 12 before a new timetable, 12 after. The measure fixes its centre line on the
// first 6 points of each period and rebases at the first point of the new timetable, with a reason.
const BEFORE_TIMETABLE = [10, 12, 11, 13, 12, 11, 12, 10, 11, 13, 12, 11];
const AFTER_TIMETABLE = [15, 16, 14, 17, 16, 15, 16, 17, 15, 16, 18, 17];
function weeklyPoints(values: readonly number[]): string {
  return values
    .map((value, i) => {
      const date = new Date(Date.UTC(2025, 8, 1 + 7 * i)).toISOString().slice(0, 10);
      return `      - { date: ${date}, value: ${value} }`;
    })
    .join('\n');
}
function rebasedMeasures(chart: string): string {
  return `measures:
  - id: minutes-read
    name: Minutes read in class per day
    type: process
    higherIsBetter: true
    chart:
${chart}
series:
  - measure: minutes-read
    group: P5
    points:
${weeklyPoints([...BEFORE_TIMETABLE, ...AFTER_TIMETABLE])}
`;
}

describe('sipp analyse: fixed baseline period and rebasing', () => {
  it('fixes the centre line on the baseline period and starts again only at the rebase date, with its reason', () => {
    const reason = 'New timetable: reading time moved to the morning';
    const dir = projectWithMeasures(
      rebasedMeasures(
        `      baselinePoints: 6\n      rebase:\n        - date: 2025-11-24\n          reason: '${reason}'`,
      ),
    );
    const [measure] = analyseJson(dir).cycles[0]?.measures ?? [];
    // Medians of the first 6 points of each period: (11 + 12) / 2 = 11.5 and (15 + 16) / 2 = 15.5. The second
    // period's mean is 93 / 6 = 15.5 and its MR̄ (1 + 2 + 3 + 1 + 1) / 5 = 1.6: limits 15.5 ± 4.256.
    expect(measure?.series[0].segments).toEqual([
      {
        from: '2025-09-01',
        to: '2025-11-17',
        rebase: null,
        fromIndex: 0,
        toIndex: 11,
        baselinePoints: 6,
        median: 11.5,
        mean: 11.5,
        upperLimit: 15.224, // 11.5 + 2.66 × (2 + 1 + 2 + 1 + 1) / 5
        lowerLimit: 7.776,
        pointLimits: null,
      },
      {
        from: '2025-11-24',
        to: '2026-02-09',
        rebase: { date: '2025-11-24', reason },
        fromIndex: 12,
        toIndex: 23,
        baselinePoints: 6,
        median: 15.5,
        mean: 15.5,
        upperLimit: 19.756,
        lowerLimit: 11.244,
        pointLimits: null,
      },
    ]);
    expect(measure?.runChart).toMatchObject({ median: 15.5, baselinePoints: 6 });
    expect(measure?.xmr).toMatchObject({ mean: 15.5, upperLimit: 19.756, lowerLimit: 11.244, trial: true });
    // Against one centre line of 11.5 the new timetable would be a shift; rebased, each period is judged on its own.
    const unrebased = analyseJson(projectWithMeasures(rebasedMeasures('      baselinePoints: 6'))).cycles[0]
      ?.measures[0];
    expect(unrebased?.runChart.signals).toContainEqual(
      expect.objectContaining({ type: 'shift', fromIndex: 12, toIndex: 23, side: 'above' }),
    );
    expect(measure?.runChart.signals.filter((s: { fromIndex: number }) => s.fromIndex >= 12)).not.toContainEqual(
      expect.objectContaining({ type: 'shift', fromIndex: 12, toIndex: 23 }),
    );

    const text = sipp(['analyse'], { cwd: dir });
    expect(text.stdout).toContain(
      'Run chart of P5 (24 points, rebased 1 time): median 15.5, fixed on the first 6 points since the last rebase.',
    );
    expect(text.stdout).toContain(`Rebased from 24 Nov 2025: ${reason}`);
  });

  it('refuses a rebase without a reason, or with a blank one, at its file, line and column (exit 1)', () => {
    const dir = projectWithMeasures(
      rebasedMeasures(`      rebase:\n        - date: 2025-11-24\n        - date: 2026-01-05\n          reason: '  '`),
    );
    const before = snapshotTree(dir);
    for (const command of ['validate', 'analyse']) {
      const r = sipp([command], { cwd: dir });
      expect(r.code, command).toBe(1);
      expect(r.stderr + r.stdout).toContain(
        'cycles/01-paired-reading/measures.yaml:8:11: `reason` is missing: every chart rebase needs a reason',
      );
      expect(r.stderr + r.stdout).toContain(
        'cycles/01-paired-reading/measures.yaml:10:19: `reason` must be some words, not only spaces, got "  "',
      );
    }
    expect(snapshotTree(dir)).toEqual(before);
  });
});
