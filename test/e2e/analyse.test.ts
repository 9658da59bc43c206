// End-to-end specification of `sipp analyse`: the built CLI on projects in temporary folders.
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, newProject, sipp, snapshotTree, tempDir } from './helpers.js';

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
        before: { date: 2025-08-28, n: 3, mean: 50.0, sd: 7.0 }
        after: { date: 2026-03-25, n: 3, mean: 51.0, sd: 7.0 }
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

const figures = (n: number | null, mean: number | null, sd: number | null, date: string) => ({ n, mean, sd, date });

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
        before: figures(null, null, null, '2025-08-28'),
        after: figures(null, null, null, '2026-03-25'),
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
      ci95: [-0.0551, 1.1562],
      monthsProgress: 7,
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

  it('analyses the example project, with its equity gap narrowing and its small groups hidden', () => {
    const source = path.join(EXAMPLES, 'northfield-reading');
    if (!existsSync(source)) return;
    const dir = tempDir();
    cpSync(source, dir, { recursive: true });
    const r = sipp(['analyse', '--json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    const measures = report.cycles.flatMap((c: { measures: unknown[] }) => c.measures);
    const gaps = measures.map((m: { gap: { narrowed: boolean | null } | null }) => m.gap).filter(Boolean);
    expect(gaps.some((g: { narrowed: boolean | null }) => g.narrowed === true)).toBe(true);
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
