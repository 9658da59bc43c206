// The network view through the built CLI (issue 11): bare Git repositories made on disk from the bundled examples
// and generated members, pulled, then status and analyse, with an unreachable member, an invalid member and a
// member whose measure is suppressed.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, sipp, snapshotTree, tempDir } from './helpers.js';

const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', ['-c', 'user.email=team@example.org', '-c', 'user.name=Team', ...args], {
    cwd,
    encoding: 'utf8',
  });

const ENJOYMENT = 'cycles/01-paired-reading/measures.yaml';

/** A repository (working tree) made from an example, with `edit` applied to one file first, committed. */
function repository(dir: string, example: string, edit?: { file: string; change: (text: string) => string }): string {
  const work = path.join(dir, `work-${path.basename(dir)}-${Math.random().toString(36).slice(2, 8)}`);
  cpSync(path.join(EXAMPLES, example), work, { recursive: true });
  if (edit) writeFileSync(path.join(work, edit.file), edit.change(readFileSync(path.join(work, edit.file), 'utf8')));
  git(work, 'init', '-q', '-b', 'main');
  git(work, 'add', '-A');
  git(work, 'commit', '-q', '-m', 'The enquiry so far');
  return work;
}

/** A bare repository cloned from a working one, as a partnership's Git hosting would hold it. */
function bare(dir: string, work: string, name: string): string {
  const target = path.join(dir, `${name}.git`);
  git(dir, 'clone', '-q', '--bare', work, target);
  return target;
}

/** Northfield with the intervention's after mean changed, so that each generated member has its own effect. */
const withAfterMean = (mean: number) => ({
  file: ENJOYMENT,
  change: (text: string) =>
    text.replace(
      'after: { date: 2026-03-25, n: 91, mean: 27.2, sd: 5.9 }',
      `after: { date: 2026-03-25, n: 91, mean: ${mean}, sd: 5.9 }`,
    ),
});

let outside: string;
let network: string;
let pull: ReturnType<typeof sipp>;
beforeAll(() => {
  outside = tempDir('sipp-network-');
  const sources = {
    northfield: bare(outside, repository(outside, 'northfield-reading'), 'northfield'),
    east: bare(outside, repository(outside, 'northfield-reading', withAfterMean(26.4)), 'east'),
    west: bare(outside, repository(outside, 'northfield-reading', withAfterMean(28.6)), 'west'),
    // Cycle 02's question.yaml has a key no schema knows: that cycle is left out, cycle 01 still counts.
    broken: bare(
      outside,
      repository(outside, 'northfield-reading', {
        file: 'cycles/02-reading-buddies-at-home/question.yaml',
        change: (text) => `${text}favouriteColour: blue\n`,
      }),
      'broken',
    ),
    // The comparison classes are hidden ([c]) here: no effect size can be shown, so nothing of it is pooled.
    hidden: bare(
      outside,
      repository(outside, 'northfield-reading', {
        file: ENJOYMENT,
        change: (text) =>
          text.replace(
            /( {6}- name: Comparison classes \(Lochanside\)\n {8}role: comparison\n {8}equity: all\n)( {8}before: .*\n {8}after: .*\n)/,
            '$1        suppressed: true\n        suppression: small-group\n',
          ),
      }),
      'hidden',
    ),
    kilbrannan: repository(outside, 'kilbrannan-attendance'),
  };
  network = path.join(outside, 'network');
  expect(sipp(['network', 'init', network, '--title', 'Clydemuir attainment network'], { cwd: outside }).code).toBe(0);
  for (const [name, source] of Object.entries(sources))
    expect(sipp(['network', 'add', source, '--name', name], { cwd: network }).code).toBe(0);
  expect(sipp(['network', 'add', path.join(outside, 'nowhere.git'), '--name', 'nowhere'], { cwd: network }).code).toBe(
    0,
  );
  pull = sipp(['network', 'pull'], { cwd: network });
}, 60_000);

describe('sipp network', () => {
  it('pulls every member it can reach, says why one failed, and exits 1', () => {
    expect(pull.code).toBe(1);
    expect(pull.stdout).toContain('Pulling 7 members');
    expect(pull.stdout).toMatch(/✖ nowhere: not pulled: .*nowhere\.git could not be reached/);
    for (const name of ['northfield', 'east', 'west', 'broken', 'hidden', 'kilbrannan'])
      expect(pull.stdout).toMatch(new RegExp(`✔ ${name}: at [0-9a-f]{7}`));
    expect(pull.stderr).toContain('1 of 7 members could not be pulled (nowhere)');
    expect(readFileSync(path.join(network, '.gitignore'), 'utf8')).toContain('.sipp-network/');
  });

  it('gives a row per member with --json (the contract), invalid members shown with their problems', () => {
    const r = sipp(['network', 'status', '--json'], { cwd: network });
    expect(r.code).toBe(0);
    const { members } = JSON.parse(r.stdout) as {
      members: {
        name: string;
        source: string;
        partnership: string | null;
        cycles: number;
        problems: number;
        lastCommit: string | null;
        leftOut: string[];
      }[];
    };
    expect(members.map((m) => m.name)).toEqual([
      'northfield',
      'east',
      'west',
      'broken',
      'hidden',
      'kilbrannan',
      'nowhere',
    ]);
    const northfield = members[0];
    expect(northfield).toMatchObject({ partnership: 'Northfield Reading Partnership', cycles: 2, problems: 0 });
    expect(northfield?.lastCommit).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(members.find((m) => m.name === 'broken')).toMatchObject({
      problems: 1,
      leftOut: ['02-reading-buddies-at-home'],
    });
    expect(members.find((m) => m.name === 'nowhere')).toMatchObject({ partnership: null, cycles: 0, lastCommit: null });
    const text = sipp(['network', 'status'], { cwd: network }).stdout;
    expect(text).toContain('Clydemuir attainment network: 7 members');
    expect(text).toContain('nowhere · ');
    expect(text).toContain('Not pulled yet: run sipp network pull.');
    expect(text).toContain('Records: 1 problem; left out of the analysis: 02-reading-buddies-at-home');
  });

  it('pools the comparison-group effects of the shared measure (REML), and never pools a hidden one', () => {
    const r = sipp(['network', 'analyse', '--json', '--measure', 'reading-enjoyment'], { cwd: network });
    expect(r.code).toBe(0);
    const analysis = JSON.parse(r.stdout) as {
      members: unknown[];
      measures: {
        id: string;
        basis: string;
        k: number;
        studies: {
          member: string;
          cycle: string;
          g: number;
          ci95: [number, number];
          n: [number, number];
          se: number;
        }[];
        pooled: {
          estimator: string;
          estimate: number;
          se: number;
          ci95: [number, number];
          tau2: number;
          i2: number;
          q: number;
          df: number;
          predictionInterval: [number, number] | null;
        };
      }[];
    };
    expect(analysis.members).toHaveLength(7);
    const [enjoyment] = analysis.measures;
    expect(analysis.measures).toHaveLength(1);
    expect(enjoyment?.id).toBe('reading-enjoyment');
    expect(enjoyment?.basis).toBe('comparison');
    // northfield, east, west and broken (its cycle 01 is valid); hidden's comparison group is [c], so no effect.
    expect(enjoyment?.studies.map((s) => s.member)).toEqual(['broken', 'east', 'northfield', 'west']);
    expect(enjoyment?.k).toBe(4);
    // 27.2 (5.9, n 91) against 25.4 (6.1, n 85): s_p = 5.9973, d = 0.30013, J(174) = 0.99568, g = 0.2988.
    expect(enjoyment?.studies.find((s) => s.member === 'northfield')).toMatchObject({ g: 0.2988, n: [91, 85] });
    const pooled = enjoyment?.pooled;
    expect(pooled?.estimator).toBe('reml');
    expect(pooled?.df).toBe(3);
    expect(pooled?.predictionInterval).not.toBeNull();
    // The DerSimonian-Laird figures worked again here from the studies' g and SE (statistics.md).
    const dl = JSON.parse(
      sipp(['network', 'analyse', '--json', '--estimator', 'dl'], { cwd: network }).stdout,
    ) as typeof analysis;
    const studies = dl.measures.find((m) => m.id === 'reading-enjoyment' && m.basis === 'comparison')?.studies ?? [];
    const w = studies.map((s) => 1 / s.se ** 2);
    const sw = w.reduce((a, b) => a + b, 0);
    const fixed = studies.reduce((a, s, i) => a + (w[i] as number) * s.g, 0) / sw;
    const q = studies.reduce((a, s, i) => a + (w[i] as number) * (s.g - fixed) ** 2, 0);
    const tau2 = Math.max(0, (q - 3) / (sw - w.reduce((a, b) => a + b * b, 0) / sw));
    const ws = studies.map((s) => 1 / (s.se ** 2 + tau2));
    const estimate = studies.reduce((a, s, i) => a + (ws[i] as number) * s.g, 0) / ws.reduce((a, b) => a + b, 0);
    const dlPooled = dl.measures.find((m) => m.id === 'reading-enjoyment' && m.basis === 'comparison')?.pooled;
    expect(dlPooled?.estimator).toBe('dl');
    expect(dlPooled?.q).toBeCloseTo(q, 10);
    expect(dlPooled?.tau2).toBeCloseTo(tau2, 10);
    expect(dlPooled?.estimate).toBeCloseTo(estimate, 10);
  });

  it('says it in words: the pooled figure, the heterogeneity, the gaps and decisions', () => {
    const r = sipp(['network', 'analyse'], { cwd: network });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('reading-enjoyment: 4 cycles, against a comparison group');
    expect(r.stdout).toMatch(/Pooled \(REML, 4 cycles\): [\d.−]+ \(95% CI /);
    expect(r.stdout).toMatch(/The cycles (agree|disagree)/);
    expect(r.stdout).toMatch(/Equity gaps: \d+ narrowed, \d+ widened, \d+ unchanged/);
    expect(r.stdout).toContain('improvement-science, attendance: scale × 1');
    expect(r.stdout).toContain('Note: broken: 02-reading-buddies-at-home left out');
  });

  it('reads a folder at its committed state without touching its working tree', () => {
    const listed = JSON.parse(sipp(['network', 'status', '--json'], { cwd: network }).stdout) as {
      members: { name: string; source: string }[];
    };
    const work = listed.members.find((m) => m.name === 'kilbrannan')?.source as string;
    expect(existsSync(work)).toBe(true);
    writeFileSync(path.join(work, 'NOTES.txt'), 'not committed yet\n');
    const before = snapshotTree(work);
    expect(sipp(['network', 'pull'], { cwd: network }).stdout).toMatch(/✔ kilbrannan: at/);
    expect(snapshotTree(work)).toEqual(before);
    expect(existsSync(path.join(network, '.sipp-network', 'kilbrannan', 'NOTES.txt'))).toBe(false);
    // A new commit is read afresh (what status remembers of a member holds for the commit it was worked out for).
    const sippYaml = path.join(work, 'sipp.yaml');
    writeFileSync(
      sippYaml,
      readFileSync(sippYaml, 'utf8').replace(
        'name: Kilbrannan Cluster Improvement Partnership',
        'name: Kilbrannan Cluster',
      ),
    );
    git(work, 'commit', '-q', '-a', '-m', 'Shorter name');
    const stale = JSON.parse(sipp(['network', 'status', '--json'], { cwd: network }).stdout) as {
      members: { name: string; partnership: string }[];
    };
    expect(stale.members.find((m) => m.name === 'kilbrannan')?.partnership).toBe(
      'Kilbrannan Cluster Improvement Partnership',
    );
    expect(sipp(['network', 'pull'], { cwd: network }).stdout).toMatch(/✔ kilbrannan: at/);
    const fresh = JSON.parse(sipp(['network', 'status', '--json'], { cwd: network }).stdout) as typeof stale;
    expect(fresh.members.find((m) => m.name === 'kilbrannan')?.partnership).toBe('Kilbrannan Cluster');
  });
});

describe('sipp network brief', () => {
  it('writes one deterministic briefing: members, a forest plot per pooled measure, gaps, decisions, learning', () => {
    const out = tempDir();
    const first = sipp(['network', 'brief', '--out', out], { cwd: network });
    expect(first.code, first.stderr).toBe(0);
    const md = readFileSync(path.join(out, 'network.md'), 'utf8');
    const html = readFileSync(path.join(out, 'network.html'), 'utf8');
    expect(md).toContain('# Clydemuir attainment network');
    expect(md).toContain('| northfield | Northfield Reading Partnership |');
    expect(md).toContain('| nowhere | not pulled (');
    expect(md).toContain('### reading-enjoyment: against a comparison group');
    expect(md).toMatch(/Pooled over 4 cycles \(REML\): [\d.−]+, 95% confidence interval/);
    expect(md).toContain('![');
    expect(md).toContain('network.charts/reading-enjoyment-comparison-forest.svg');
    expect(md).toContain('## Latest learning and next steps');
    expect(md).toContain('### kilbrannan · 01-attendance-at-transition-2025-26');
    expect(html).toContain('<figure class="chart"');
    expect(html).toContain('Pooled (REML, 4 cycles)');
    const svg = readFileSync(path.join(out, 'network.charts', 'reading-enjoyment-comparison-forest.svg'), 'utf8');
    expect(svg).toContain('<svg');
    // The same members give the same briefing, byte for byte.
    expect(sipp(['network', 'brief', '--out', out], { cwd: network }).code).toBe(0);
    expect(readFileSync(path.join(out, 'network.md'), 'utf8')).toBe(md);
    expect(readFileSync(path.join(out, 'network.html'), 'utf8')).toBe(html);
  });
});

describe('sipp network add, remove and init', () => {
  it('adds and removes members keeping the comments, and refuses a name taken or missing', () => {
    const dir = tempDir();
    expect(sipp(['network', 'init', '--title', 'T', '--yes'], { cwd: dir }).code).toBe(0);
    const file = path.join(dir, 'network.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: T', '# Agreed at the May meeting.\ntitle: T'));
    expect(sipp(['network', 'add', 'https://git.example.org/northfield.git'], { cwd: dir }).code).toBe(0);
    expect(sipp(['network', 'add', '../kilbrannan', '--name', 'kilbrannan', '--ref', 'v1'], { cwd: dir }).code).toBe(0);
    const taken = sipp(['network', 'add', '../other', '--name', 'northfield'], { cwd: dir });
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('The network already has a member called northfield. Nothing was changed.');
    expect(sipp(['network', 'add', '../x', '--name', 'Bad Name'], { cwd: dir }).code).toBe(2);
    expect(sipp(['network', 'remove', 'northfield'], { cwd: dir }).code).toBe(0);
    const missing = sipp(['network', 'remove', 'northfield'], { cwd: dir });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('The network has no member called northfield. Its members are: kilbrannan.');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('# Agreed at the May meeting.\ntitle: T');
    expect(text).toContain('  - name: kilbrannan\n    source: ../kilbrannan\n    ref: v1\n');
    expect(text).not.toContain('northfield');
  });

  it('refuses a second init (exit 1), a network without a title off a terminal (exit 2), and commands outside one (exit 2)', () => {
    const dir = tempDir();
    expect(sipp(['network', 'init', '--title', 'T'], { cwd: dir }).code).toBe(0);
    expect(sipp(['network', 'init', '--title', 'T'], { cwd: dir }).code).toBe(1);
    const untitled = sipp(['network', 'init', 'other'], { cwd: dir });
    expect(untitled.code).toBe(2);
    expect(untitled.stderr).toContain('A network needs a title: give it with --title');
    const outsideAny = sipp(['network', 'status'], { cwd: tempDir() });
    expect(outsideAny.code).toBe(2);
    expect(outsideAny.stderr).toContain('This folder is not inside a network folder');
  });

  it('refuses a network.yaml with a problem at its line, and an unknown estimator', () => {
    const dir = tempDir();
    sipp(['network', 'init', '--title', 'T'], { cwd: dir });
    writeFileSync(path.join(dir, 'network.yaml'), 'title: T\nmembers:\n  - name: a\n');
    const r = sipp(['network', 'status'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/network\.yaml:3:\d+: .*source/);
    expect(sipp(['network', 'analyse', '--estimator', 'ml'], { cwd: dir }).code).toBe(2);
  });
});
