// Issue 12 through the built CLI: the pre-post interval from the raw table, means and SDs with enough digits, and
// dated series imported already aggregated (date,value; date,yes,n; date,count,n).
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { EXAMPLES, newProject, sipp, tempDir } from './helpers.js';

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

describe('a dated series without learners (issue 12, section 1)', () => {
  const weeks = (n: number): string[] =>
    Array.from({ length: n }, (_, i) => new Date(Date.UTC(2025, 8, 1 + 7 * i)).toISOString().slice(0, 10));
  let template: string;
  beforeAll(() => {
    template = projectWithCycle();
  });
  const copy = (): string => {
    const dir = tempDir();
    cpSync(template, dir, { recursive: true });
    return dir;
  };
  const seriesOf = (dir: string) =>
    measuresOf(dir).series as { measure: string; group: string; points: Record<string, unknown>[] }[];

  it('imports `date,value` (a school figure per week) as the values written, and says which form it read', () => {
    const dir = copy();
    const values = [91.2, 90.5, 92, 89.8, 93.1, 90.4, 91.7, 92.3, 90.9, 91.1, 92.6, 93.4];
    writeFileSync(
      path.join(dir, 'weekly.csv'),
      ['date,value', ...weeks(12).map((d, i) => `${d},${values[i]}`), ''].join('\n'),
    );
    const r = sipp(['data', 'import', 'weekly.csv', '--cycle', '1', '--measure', 'attendance'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Read 12 rows of a dated series from weekly.csv for measure attendance (scores)');
    expect(r.stdout).toContain(
      'The table has a figure per date (date and value), already worked out: sipp wrote the values as they are.',
    );
    expect(r.stdout).toContain('All learners: 12 dates (2025-09-01 to 2025-11-17), no n per date');
    expect(r.stdout).toContain('The table gives no number of learners (n) for some dates');
    const [series] = seriesOf(dir);
    expect(series?.points).toEqual(weeks(12).map((date, i) => ({ date, value: values[i] })));
    // The commented example under the empty list is gone once the list has its entry.
    expect(readFileSync(path.join(dir, MEASURES), 'utf8')).not.toMatch(/^series: \[\]\n# Replace/m);
    expect(sipp(['validate'], { cwd: dir }).code).toBe(0);
    const analysed = sipp(['analyse'], { cwd: dir });
    expect(analysed.stdout).toContain('Run chart of All learners (12 points)');
    expect(analysed.stdout).toContain('XmR chart of All learners');
  });

  it('imports `date,yes,n` as percentages with their n, hides a small count, and charts it as a P′ chart', () => {
    const dir = copy();
    const rows = weeks(12).map((d, i) => {
      const n = 23 + (i % 4) * 2;
      const yes = i === 4 ? 3 : 10 + (i % 5);
      return `${d},${yes},${n}`;
    });
    writeFileSync(path.join(dir, 'home.csv'), ['Date,Yes,Total', ...rows, ''].join('\n'));
    const r = sipp(['data', 'import', 'home.csv', '--cycle', '1', '--measure', 'reads-at-home'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('(yes/no)');
    expect(r.stdout).toContain('Columns: date = A ("Date"), yes = B ("Yes"), n = C ("Total").');
    expect(r.stdout).toContain('The table has how many answered yes out of n per date (date, yes and n)');
    expect(r.stdout).toContain(
      '1 date with fewer than 5 learners (or answering yes or no) written as `suppressed: true`',
    );
    const [series] = seriesOf(dir);
    // 10 of 23 = 43.478...% -> 43.5; 3 of 31 is a small count: only its date is written.
    expect(series?.points[0]).toEqual({ date: '2025-09-01', value: 43.5, n: 23 });
    expect(series?.points[4]).toEqual({ date: '2025-09-29', suppressed: true });
    expect((measuresOf(dir).measures as { id: string; kind: string }[])[0]).toMatchObject({ kind: 'yes-no' });
    expect(sipp(['validate'], { cwd: dir }).code).toBe(0);
    const json = JSON.parse(sipp(['analyse', '--json'], { cwd: dir }).stdout) as {
      cycles: { measures: { series: { xmr: { chart: string } | null }[] }[] }[];
    };
    expect(json.cycles[0]?.measures[0]?.series[0]?.xmr?.chart).toBe('p-prime');
  });

  it('reads `date,count,n` the same way, and a group column gives a series per group', () => {
    const dir = copy();
    const rows = weeks(6).flatMap((d, i) => [`${d},intervention,${12 + i},25`, `${d},comparison,${11 + (i % 2)},24`]);
    writeFileSync(path.join(dir, 'checkins.csv'), ['date,group,count,n', ...rows, ''].join('\n'));
    const r = sipp(['data', 'import', 'checkins.csv', '--cycle', '1', '--measure', 'checked-in'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(seriesOf(dir).map((s) => [s.group, s.points.length])).toEqual([
      ['Intervention', 6],
      ['Comparison', 6],
    ]);
    expect(seriesOf(dir)[0]?.points[0]).toEqual({ date: '2025-09-01', value: 48, n: 25 });
  });

  it('refuses a date given twice, yes over n and counts for a score measure, at their cells, writing nothing', () => {
    const dir = copy();
    writeFileSync(
      path.join(dir, 'twice.csv'),
      ['date,value', '2025-09-01,91', '2025-09-08,90', '2025-09-08,89', ''].join('\n'),
    );
    const before = readFileSync(path.join(dir, MEASURES), 'utf8');
    const twice = sipp(['data', 'import', 'twice.csv', '--cycle', '1', '--measure', 'attendance'], { cwd: dir });
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain(
      'twice.csv:4:A: 2025-09-08 is already on row 3: a table of figures per date has one row per date. If each row is a learner, add a column of learner codes (or name it with --columns learner="<heading>").',
    );
    writeFileSync(path.join(dir, 'over.csv'), ['date,yes,n', '2025-09-01,27,26', ''].join('\n'));
    const over = sipp(['data', 'import', 'over.csv', '--cycle', '1', '--measure', 'reads-at-home'], { cwd: dir });
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('over.csv:2:B: 27 answered yes, but n is 26: yes cannot be more than n.');
    expect(readFileSync(path.join(dir, MEASURES), 'utf8')).toBe(before);
  });

  it('still refuses a table with neither a value nor a yes column, naming what a series needs', () => {
    const dir = copy();
    writeFileSync(path.join(dir, 'dates.csv'), ['date,notes', '2025-09-01,fine', ''].join('\n'));
    const r = sipp(['data', 'import', 'dates.csv', '--cycle', '1', '--measure', 'attendance'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('dates.csv has no `value` column.');
    expect(r.stderr).toContain('or date and value (a figure per date), or date, yes and n (how many of how many)');
  });
});

describe('the track record of predictions (issue 12, section 5)', () => {
  it('shows in sipp status how each prediction in figures and each PDSA prediction turned out', () => {
    const dir = tempDir();
    cpSync(path.join(EXAMPLES, 'northfield-reading'), dir, { recursive: true });
    const r = sipp(['status'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Track record of predictions');
    expect(r.stdout.replace(/\s+/g, ' ')).toContain(
      '2 of 2 predictions with a result turned out as predicted, 0 partly and 0 not as predicted. 1 is still waiting',
    );
    expect(r.stdout).toContain('Predicted: Reading enjoyment survey score, the equity group: up by 3');
    expect(r.stdout).toContain('Found: up by 4.30');
    const json = JSON.parse(sipp(['status', '--json'], { cwd: dir }).stdout) as {
      trackRecord: { counts: Record<string, number>; predictions: { cycle: string; outcome: string | null }[] };
    };
    expect(json.trackRecord.counts).toEqual({ 'as-predicted': 2, partly: 0, 'not-as-predicted': 0, waiting: 1 });
    expect(json.trackRecord.predictions.map((p) => [p.cycle, p.outcome])).toEqual([
      ['01-paired-reading', 'as-predicted'],
      ['01-paired-reading', 'as-predicted'],
      ['02-reading-buddies-at-home', null],
    ]);
  });

  it('gives an Improvement Science project an adherence line per PDSA chain, in status and the overview', () => {
    const dir = tempDir();
    cpSync(path.join(EXAMPLES, 'kilbrannan-attendance'), dir, { recursive: true });
    const status = sipp(['status'], { cwd: dir });
    expect(status.stdout).toContain('PDSA chains against the features of the method (Taylor et al. 2014)');
    expect(status.stdout.replace(/\s+/g, ' ')).toContain(
      'Change idea morning-check-in (1 PDSA cycle): 4 of 5: iterative cycles ✗ (one PDSA cycle so far: learning comes from a second cycle built on the first); a prediction before each test ✓',
    );
    expect(sipp(['brief', '--format', 'md'], { cwd: dir }).code).toBe(0);
    const overview = readFileSync(path.join(dir, 'briefings', 'overview.md'), 'utf8');
    expect(overview).toContain('## Track record of predictions');
    expect(overview).toContain(
      '3 of 8 predictions with a result turned out as predicted, 4 partly and 1 not as predicted.',
    );
    expect(overview).toContain('### PDSA chains against the features of the method');
  });
});

describe('predictions in figures are checked like every measure id', () => {
  it('reports a predicted measure that measures.yaml does not define, at its line, with the closest id', () => {
    const dir = tempDir();
    cpSync(path.join(EXAMPLES, 'northfield-reading'), dir, { recursive: true });
    const file = path.join(dir, 'cycles/01-paired-reading/question.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        'measure: reads-for-pleasure, direction',
        'measure: reads-for-plesure, direction',
      ),
    );
    const r = sipp(['validate'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toMatch(
      /cycles\/01-paired-reading\/question\.yaml:\d+:\d+: .*Measure `reads-for-plesure` is not defined in this cycle's measures\.yaml\. Did you mean `reads-for-pleasure`\?/,
    );
  });
});
