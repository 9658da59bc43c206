// Issue 12 through the built CLI: the pre-post interval from the raw table, means and SDs with enough digits, and
// dated series imported already aggregated (date,value; date,yes,n; date,count,n).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { newProject, sipp } from './helpers.js';

const MEASURES = 'cycles/01-paired-reading/measures.yaml';

interface JsonEffect {
  standardisedChange: number | null;
  hedgesG: number | null;
  ci95: [number, number] | null;
  se: number | null;
  basis: string;
  monthsProgress: number | null;
}

function projectWithCycle(): string {
  const dir = newProject();
  const r = sipp(['cycle', '--yes', 'Paired reading'], { cwd: dir });
  if (r.code !== 0) throw new Error(`sipp cycle failed: ${r.stderr}`);
  return dir;
}

const measuresOf = (dir: string): Record<string, unknown> =>
  parse(readFileSync(path.join(dir, MEASURES), 'utf8')) as Record<string, unknown>;

function effectOf(dir: string, measure: string): JsonEffect | null {
  const r = sipp(['analyse', '--json'], { cwd: dir });
  const report = JSON.parse(r.stdout) as { cycles: { measures: { id: string; effectSize: JsonEffect | null }[] }[] };
  return report.cycles[0]?.measures.find((m) => m.id === measure)?.effectSize ?? null;
}

describe('pre-post change with the raw table (issue 12, section 3)', () => {
  // Twelve learners, no comparison group. Worked by hand (Python's statistics module and math.lgamma):
  // mean before 14.5, SD before 3.605551, mean after 17.25 (SD 3.695821), r = 0.951698; d = 2.75 / 3.605551 = 0.762715,
  // J(11) = 0.929955, corrected change 0.709292; v = 2(1 - r)/12 + d²/24 with r stored as 0.952:
  // 95% CI 0.3757 to 1.0428 (0.3754 to 1.0431 with the unrounded r).
  const TABLE = [
    'learner,before,after',
    ...[
      [12, 15],
      [15, 17],
      [9, 12],
      [20, 22],
      [17, 21],
      [11, 12],
      [14, 18],
      [18, 20],
      [10, 14],
      [16, 17],
      [13, 16],
      [19, 23],
    ].map(([b, a], i) => `L${String(i + 1).padStart(2, '0')},${b},${a}`),
    '',
  ].join('\n');
  let dir: string;
  beforeAll(() => {
    dir = projectWithCycle();
    writeFileSync(path.join(dir, 'class.csv'), TABLE);
    const r = sipp(['data', 'import', 'class.csv', '--cycle', '1', '--measure', 'reading-score'], { cwd: dir });
    if (r.code !== 0) throw new Error(r.stderr);
  });

  it('stores the learners with both scores and their correlation, and SDs to 5 significant figures', () => {
    const results = measuresOf(dir).results as { groups: Record<string, unknown>[] }[];
    expect(results[0]?.groups[0]).toEqual({
      name: 'All learners',
      role: 'all',
      equity: 'all',
      before: { n: 12, mean: 14.5, sd: 3.6056 },
      after: { n: 12, mean: 17.25, sd: 3.6958 },
      paired: { n: 12, r: 0.952 },
    });
    expect(readFileSync(path.join(dir, MEASURES), 'utf8')).toContain('paired: { n: 12, r: 0.952 }');
  });

  it('gives the pre-post change its 95% interval, and the change agrees with the raw table to 3 decimals', () => {
    const effect = effectOf(dir, 'reading-score');
    expect(effect?.basis).toBe('pre-post');
    expect(effect?.hedgesG).toBeNull();
    expect(effect?.monthsProgress).toBeNull();
    expect(effect?.standardisedChange).toBeCloseTo(0.709292, 3);
    expect(effect?.ci95?.[0]).toBeCloseTo(0.3757, 4);
    expect(effect?.ci95?.[1]).toBeCloseTo(1.0428, 4);
    const text = sipp(['analyse'], { cwd: dir }).stdout;
    expect(text).toContain(
      '0.71 (95% confidence interval 0.38 to 1.04, from the before and after scores of the same learners)',
    );
  });

  it('gives no interval for a pre-post change typed by hand without the correlation', () => {
    const file = path.join(dir, MEASURES);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/\n\s+paired: \{ n: 12, r: 0\.952 \}/, ''));
    try {
      const effect = effectOf(dir, 'reading-score');
      expect(effect?.standardisedChange).toBeCloseTo(0.7093, 4);
      expect(effect?.ci95).toBeNull();
    } finally {
      writeFileSync(file, text);
    }
  });
});
