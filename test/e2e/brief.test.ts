// `sipp brief` end to end: the built CLI on a copy of the fixture project in a temporary folder.
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, REPO_ROOT, sipp, snapshotTree, tempDir } from './helpers.js';

const FIXTURE = path.join(REPO_ROOT, 'test', 'fixtures', 'brief-project');
const GOLDEN = path.join(REPO_ROOT, 'test', 'golden', 'brief-project');
const ALL = [
  '01-paired-reading.html',
  '01-paired-reading.md',
  '02-book-bags.html',
  '02-book-bags.md',
  'overview.html',
  'overview.md',
];

/** A copy of the fixture project in a temporary folder. */
function project(): string {
  const dir = path.join(tempDir('sipp-brief-'), 'project');
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

/** The briefings in the output folder (the folders of their charts left out). */
function briefings(dir: string, out = 'briefings'): string[] {
  const folder = path.join(dir, out);
  return existsSync(folder)
    ? readdirSync(folder)
        .filter((f) => !f.endsWith('.charts'))
        .sort()
    : [];
}

/** The chart files in the output folder, as `<briefing>.charts/<chart>.svg`. */
function chartFiles(dir: string, out = 'briefings'): string[] {
  const folder = path.join(dir, out);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((f) => f.endsWith('.charts'))
    .flatMap((f) => readdirSync(path.join(folder, f)).map((svg) => `${f}/${svg}`))
    .sort();
}

/** The Markdown charts of the fixture project, as the golden files have them. */
const CHARTS = [
  '01-paired-reading.charts/reading-enjoyment-before-after.svg',
  '01-paired-reading.charts/reads-for-pleasure-before-after.svg',
  '01-paired-reading.charts/sessions-delivered-run-chart.svg',
  'overview.charts/overview-reading-enjoyment.svg',
  'overview.charts/overview-reads-for-pleasure.svg',
];

describe('sipp brief', () => {
  it('writes a Markdown and an HTML briefing per cycle and the overview to briefings/, prints their paths, exit 0', () => {
    const dir = project();
    const r = sipp(['brief'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(briefings(dir)).toEqual(ALL);
    for (const file of ALL) expect(r.stdout).toContain(path.join('briefings', file));
    expect(r.stderr).toBe('');
  });

  it('writes exactly the golden files, the charts of the Markdown briefings included', () => {
    const dir = project();
    expect(sipp(['brief'], { cwd: dir }).code).toBe(0);
    expect(chartFiles(dir)).toEqual(CHARTS);
    for (const file of [...ALL, ...CHARTS]) {
      expect(readFileSync(path.join(dir, 'briefings', file), 'utf8'), file).toBe(
        readFileSync(path.join(GOLDEN, file), 'utf8'),
      );
    }
  });

  it('gives the same bytes in any time zone', () => {
    for (const tz of ['Pacific/Auckland', 'America/Los_Angeles']) {
      const dir = project();
      expect(sipp(['brief'], { cwd: dir, env: { TZ: tz } }).code).toBe(0);
      expect(snapshotTree(path.join(dir, 'briefings')), tz).toEqual(snapshotTree(GOLDEN));
    }
  });

  it('draws the charts inline in the HTML briefings, each a figure with a text alternative and a caption', () => {
    const dir = project();
    expect(sipp(['brief', '--format', 'html'], { cwd: dir }).code).toBe(0);
    const html = readFileSync(path.join(dir, 'briefings', '01-paired-reading.html'), 'utf8');
    const figures = [...html.matchAll(/<figure class="chart"[^>]*>([\s\S]*?)<\/figure>/g)].map((m) => m[1] as string);
    expect(figures).toHaveLength(3);
    for (const figure of figures) {
      expect(figure).toMatch(
        /<svg [^>]*role="img" aria-label="[^"]{40,}"><title>[^<]+<\/title><desc>[^<]{40,}<\/desc>/,
      );
      expect(figure).toMatch(/<figcaption>\s*<p class="chart-summary"><strong>[^<]+<\/strong> [^<]{40,}<\/p>/);
    }
    // The run chart's caption says what it shows in words, its dated events among them.
    expect(html).toContain('Run chart of sessions delivered for Glenbrae, all classes: 6 points from 31 Oct 2025');
    expect(html).toContain(
      '<li>Adaptation 2, 17 Nov 2025: Added five minutes of &quot;book talk&quot; with prompt cards.',
    );
    // Self-contained: nothing fetched, no script; kept whole on a printed page.
    expect(html).not.toMatch(/<script|<img|<link|@import|url\((?!#)/);
    expect(html).toMatch(/figure\.chart svg \{[^}]*break-inside: avoid/);
    const overview = readFileSync(path.join(dir, 'briefings', 'overview.html'), 'utf8');
    expect(overview).toContain('<h2 id="trends">Outcome measures across the cycles</h2>');
    expect(overview.match(/<figure class="chart"/g)).toHaveLength(2);
  });

  it('writes the charts of a Markdown briefing as SVG files beside it, linked with their text alternative', () => {
    const dir = project();
    const r = sipp(['brief', '--format', 'md'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(chartFiles(dir)).toEqual(CHARTS);
    expect(r.stdout).toContain(`${path.join('briefings', '01-paired-reading.charts')}${path.sep} (3)`);
    const md = readFileSync(path.join(dir, 'briefings', '01-paired-reading.md'), 'utf8');
    expect(md).toMatch(
      /^!\[Run chart of sessions delivered for Glenbrae, all classes: [^\]]+\]\(01-paired-reading\.charts\/sessions-delivered-run-chart\.svg\)$/m,
    );
    expect(md).not.toContain('<svg');
    const overview = readFileSync(path.join(dir, 'briefings', 'overview.md'), 'utf8');
    expect(overview).toContain('](overview.charts/overview-reading-enjoyment.svg)');
    for (const file of CHARTS) {
      const svg = readFileSync(path.join(dir, 'briefings', file), 'utf8');
      expect(svg.split('\n')[0], file).toMatch(/^<!-- Generated by sipp brief .* -->$/);
      expect(svg.split('\n')[1], file).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" /);
    }
  });

  it('with --format html writes no SVG file', () => {
    const dir = project();
    expect(sipp(['brief', '--format', 'html'], { cwd: dir }).code).toBe(0);
    expect(briefings(dir)).toEqual(['01-paired-reading.html', '02-book-bags.html', 'overview.html']);
    expect(chartFiles(dir)).toEqual([]);
  });

  it('never overwrites a hand-made SVG where a chart would go, and then writes nothing', () => {
    const dir = project();
    const folder = path.join(dir, 'briefings', '01-paired-reading.charts');
    mkdirSync(folder, { recursive: true });
    const mine = '<svg xmlns="http://www.w3.org/2000/svg"><text>my own drawing</text></svg>\n';
    writeFileSync(path.join(folder, 'sessions-delivered-run-chart.svg'), mine);
    const r = sipp(['brief'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `${path.join('briefings', '01-paired-reading.charts', 'sessions-delivered-run-chart.svg')} was not written by sipp`,
    );
    expect(readFileSync(path.join(folder, 'sessions-delivered-run-chart.svg'), 'utf8')).toBe(mine);
    expect(briefings(dir)).toEqual([]);
    expect(chartFiles(dir)).toEqual(['01-paired-reading.charts/sessions-delivered-run-chart.svg']);
  });

  it('removes a chart it drew before for a measure that has gone, and keeps a file it did not draw', () => {
    const dir = project();
    expect(sipp(['brief'], { cwd: dir }).code).toBe(0);
    const folder = path.join(dir, 'briefings', '01-paired-reading.charts');
    const drawn = readdirSync(folder).sort();
    expect(drawn.length).toBeGreaterThan(0);
    const old = path.join(folder, 'a-measure-since-deleted-run-chart.svg');
    writeFileSync(old, readFileSync(path.join(folder, drawn[0]!), 'utf8'));
    const notes = path.join(folder, 'notes.txt');
    writeFileSync(notes, 'our notes\n');
    expect(sipp(['brief'], { cwd: dir }).code).toBe(0);
    expect(existsSync(old)).toBe(false);
    expect(readFileSync(notes, 'utf8')).toBe('our notes\n');
    expect(readdirSync(folder).sort()).toEqual([...drawn, 'notes.txt'].sort());
  });

  it('gives byte-identical files when run twice, replacing its own briefings', () => {
    const dir = project();
    expect(sipp(['brief'], { cwd: dir }).code).toBe(0);
    const first = snapshotTree(path.join(dir, 'briefings'));
    const again = sipp(['brief'], { cwd: dir });
    expect(again.code, again.stderr).toBe(0);
    expect(snapshotTree(path.join(dir, 'briefings'))).toEqual(first);
  });

  it('refuses a project whose sipp.yaml has a problem: exit 1, the problems as path:line:col, and nothing written', () => {
    const dir = project();
    const file = path.join(dir, 'sipp.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^method: .*$/m, 'method: lessons'));
    const r = sipp(['brief'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^sipp\.yaml:\d+:\d+: /m);
    expect(r.stderr).toContain('no briefing was made');
    expect(existsSync(path.join(dir, 'briefings'))).toBe(false);
  });

  it('renders the cycles without problems, names the one left out in the overview and on the terminal, exit 1', () => {
    const dir = project();
    const file = path.join(dir, 'cycles', '01-paired-reading', 'measures.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('n: 46, mean: 24.1', 'n: forty-six, mean: 24.1'));
    const r = sipp(['brief', '2'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(briefings(dir)).toEqual(['02-book-bags.html', '02-book-bags.md', 'overview.html', 'overview.md']);
    expect(r.stderr).toContain('Not rendered: 01-paired-reading, which has a problem:');
    expect(r.stderr).toMatch(/^ {2}cycles\/01-paired-reading\/measures\.yaml:\d+:\d+: /m);
    const overview = readFileSync(path.join(dir, 'briefings', 'overview.md'), 'utf8');
    expect(overview).toContain('- **Cycle 1 (01-paired-reading):** not rendered: 1 problem (run sipp validate)');
    expect(readFileSync(path.join(dir, 'briefings', 'overview.html'), 'utf8')).toContain(
      '<li><strong>Cycle 1 (01-paired-reading):</strong> not rendered: 1 problem (run sipp validate)</li>',
    );
  });

  it('with --format md writes only Markdown', () => {
    const dir = project();
    expect(sipp(['brief', '--format', 'md'], { cwd: dir }).code).toBe(0);
    expect(briefings(dir)).toEqual(['01-paired-reading.md', '02-book-bags.md', 'overview.md']);
  });

  it('renders only the cycles named, by number or folder, with the overview', () => {
    const dir = project();
    expect(sipp(['brief', '2', '--format', 'html'], { cwd: dir }).code).toBe(0);
    expect(briefings(dir)).toEqual(['02-book-bags.html', 'overview.html']);
    expect(sipp(['brief', '01', 'cycles/01-paired-reading/', '--format', 'md'], { cwd: dir }).code).toBe(0);
    expect(briefings(dir)).toEqual(['01-paired-reading.md', '02-book-bags.html', 'overview.html', 'overview.md']);
  });

  it('exits 2 for an unknown cycle, naming it and listing the cycles, and writes nothing', () => {
    const dir = project();
    const r = sipp(['brief', '7'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('There is no cycle "7"');
    expect(r.stderr).toContain('01-paired-reading, 02-book-bags');
    expect(existsSync(path.join(dir, 'briefings'))).toBe(false);
  });

  it('writes to --out, relative to the current folder', () => {
    const dir = project();
    const sub = path.join(dir, 'data');
    mkdirSync(sub, { recursive: true });
    const r = sipp(['brief', '--out', 'printed', '--format', 'md'], { cwd: sub });
    expect(r.code, r.stderr).toBe(0);
    expect(briefings(sub, 'printed')).toEqual(['01-paired-reading.md', '02-book-bags.md', 'overview.md']);
    expect(r.stdout).toContain(path.join('printed', 'overview.md'));
  });

  it('without --out writes to briefings/ in the project root, from any folder inside it', () => {
    const dir = project();
    const r = sipp(['brief', '--format', 'md'], { cwd: path.join(dir, 'cycles', '02-book-bags') });
    expect(r.code, r.stderr).toBe(0);
    expect(briefings(dir)).toEqual(['01-paired-reading.md', '02-book-bags.md', 'overview.md']);
    expect(existsSync(path.join(dir, 'cycles', '02-book-bags', 'briefings'))).toBe(false);
  });

  it("uses the project's own template and partials in place of the built-in ones", () => {
    const dir = project();
    mkdirSync(path.join(dir, 'templates', 'partials'), { recursive: true });
    writeFileSync(
      path.join(dir, 'templates', 'car.cycle.md.hbs'),
      '# Our own: {{heading}}\n\n{{> inline.md enquiry.aim}}\n',
    );
    writeFileSync(path.join(dir, 'templates', 'partials', 'inline.md.hbs'), 'AIM={{text}}');
    writeFileSync(
      path.join(dir, 'templates', 'partials', 'results-table.html.hbs'),
      '<p>Results in our own layout: {{name}}</p>\n',
    );
    expect(sipp(['brief'], { cwd: dir }).code).toBe(0);
    const md = readFileSync(path.join(dir, 'briefings', '02-book-bags.md'), 'utf8');
    expect(md.split('\n').slice(1)).toEqual([
      '# Our own: Cycle 2: Book bags for home reading',
      '',
      'AIM=Not yet recorded',
      '',
    ]);
    const html = readFileSync(path.join(dir, 'briefings', '01-paired-reading.html'), 'utf8');
    expect(html).toContain('<p>Results in our own layout: Reading enjoyment survey score</p>');
    expect(html).not.toContain('<table class="results">');
  });

  it('refuses a broken project template, naming it, and writes nothing', () => {
    const dir = project();
    mkdirSync(path.join(dir, 'templates'));
    writeFileSync(path.join(dir, 'templates', 'overview.md.hbs'), '{{#each cycles}}never closed\n');
    const r = sipp(['brief'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('templates/overview.md.hbs');
    expect(existsSync(path.join(dir, 'briefings'))).toBe(false);
  });

  it('never overwrites a file in the output folder that sipp did not write, and then writes nothing', () => {
    const dir = project();
    mkdirSync(path.join(dir, 'briefings'));
    const mine = '# My own notes for the meeting\n';
    writeFileSync(path.join(dir, 'briefings', 'overview.md'), mine);
    const r = sipp(['brief'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${path.join('briefings', 'overview.md')} was not written by sipp`);
    expect(briefings(dir)).toEqual(['overview.md']);
    expect(readFileSync(path.join(dir, 'briefings', 'overview.md'), 'utf8')).toBe(mine);
  });

  it('leaves the records untouched', () => {
    const dir = project();
    const before = snapshotTree(dir);
    expect(sipp(['brief'], { cwd: dir }).code).toBe(0);
    const after = snapshotTree(dir);
    for (const file of Object.keys(before)) expect(after[file], file).toBe(before[file]);
  });

  it('loads Vega to draw its charts, and no other command loads it', () => {
    // A module hook that notes every Vega module Node loads (Vega and Vega-Lite take about 300 ms to load).
    const hooks = tempDir('sipp-vega-');
    const log = path.join(hooks, 'loaded.txt');
    writeFileSync(
      path.join(hooks, 'hooks.mjs'),
      [
        "import { appendFileSync } from 'node:fs';",
        'let log;',
        'export function initialize(data) { log = data.log; }',
        'export async function resolve(specifier, context, next) {',
        '  const result = await next(specifier, context);',
        "  if (/[\\\\/]node_modules[\\\\/]vega(-lite)?[\\\\/]/.test(decodeURI(result.url))) appendFileSync(log, result.url + '\\n');",
        '  return result;',
        '}',
      ].join('\n'),
    );
    writeFileSync(
      path.join(hooks, 'register.mjs'),
      `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(path.join(hooks, 'hooks.mjs')).href)}, { data: { log: ${JSON.stringify(log)} } });\n`,
    );
    const env = { NODE_OPTIONS: `--import=${pathToFileURL(path.join(hooks, 'register.mjs')).href}` };
    const loaded = (): string => (existsSync(log) ? readFileSync(log, 'utf8') : '');
    const dir = project();
    for (const args of [['--version'], ['--help'], ['validate'], ['status']]) {
      const r = sipp(args, { cwd: dir, env });
      expect(r.code, `sipp ${args.join(' ')}: ${r.stderr}`).toBe(0);
      expect(loaded(), `sipp ${args.join(' ')}`).toBe('');
    }
    expect(sipp(['brief', '--format', 'html'], { cwd: dir, env }).code).toBe(0);
    expect(loaded()).toMatch(/node_modules\/vega\//);
    expect(loaded()).toMatch(/node_modules\/vega-lite\//);
  });
});

describe('sipp brief --pdf', () => {
  it('is refused with --format md (exit 2), which makes no HTML to print', () => {
    const r = sipp(['brief', '--pdf', '--format', 'md'], { cwd: project() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--pdf prints the HTML briefings, and --format md makes none.');
  });

  it('without a browser writes the briefings and says how to print them from any browser (exit 0)', () => {
    const dir = project();
    const r = sipp(['brief', '--pdf'], { cwd: dir, env: { SIPP_CHROME: path.join(dir, 'no-such-browser') } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      `No PDF was made: SIPP_CHROME names ${path.join(dir, 'no-such-browser')}, which is not there.`,
    );
    expect(r.stdout).toContain('open one, choose Print, then A4 and "Save as PDF"');
    expect(briefings(dir)).toContain('overview.html');
    expect(briefings(dir).some((f) => f.endsWith('.pdf'))).toBe(false);
  });
});

describe('sipp brief --handout', () => {
  it('writes a handout per cycle and one for the overview beside the briefings, with the briefing figures', () => {
    const dir = tempDir();
    cpSync(path.join(EXAMPLES, 'northfield-reading'), dir, { recursive: true });
    const r = sipp(['brief', '--handout'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const files = readdirSync(path.join(dir, 'briefings'));
    for (const stem of ['01-paired-reading', '02-reading-buddies-at-home', 'overview'])
      for (const format of ['html', 'md']) expect(files).toContain(`${stem}.handout.${format}`);
    const md = readFileSync(path.join(dir, 'briefings', '01-paired-reading.handout.md'), 'utf8');
    expect(md).toContain('# Cycle 1: Cross-stage paired reading');
    expect(md).toContain('**Handout** · Northfield Reading Partnership · Collaborative Action Research · Complete');
    expect(md).toContain(
      '- **Reading enjoyment survey score (points out of 40):** Intervention classes 24.1 → 27.2 (+3.1)',
    );
    expect(md).toContain('(01-paired-reading.charts/reading-enjoyment-before-after.svg)');
    expect(md).toContain('## For the meeting');
    expect(
      existsSync(path.join(dir, 'briefings', '01-paired-reading.charts', 'reading-enjoyment-before-after.svg')),
    ).toBe(true);
    // Without --handout there is none.
    const plain = tempDir();
    cpSync(path.join(EXAMPLES, 'northfield-reading'), plain, { recursive: true });
    expect(sipp(['brief'], { cwd: plain }).code).toBe(0);
    expect(readdirSync(path.join(plain, 'briefings')).some((f) => f.includes('.handout.'))).toBe(false);
  });
});

/** The example with 20 cycles (the cache is for projects of 20 or more): its two, copied in turn. */
function bigProject(): string {
  const dir = tempDir();
  cpSync(path.join(EXAMPLES, 'northfield-reading'), dir, { recursive: true });
  for (let n = 3; n <= 20; n += 1) {
    const from = n % 2 === 1 ? '01-paired-reading' : '02-reading-buddies-at-home';
    const to = path.join(dir, 'cycles', `${String(n).padStart(2, '0')}-${from.slice(3)}`);
    cpSync(path.join(dir, 'cycles', from), to, { recursive: true });
    // Figures that differ from cycle to cycle, so that every chart is drawn, not remembered.
    const measures = path.join(to, 'measures.yaml');
    writeFileSync(measures, readFileSync(measures, 'utf8').replace(/\bmean: (\d+)\.\d/g, `mean: $1.${n % 10}`));
  }
  return dir;
}

describe('sipp brief on a big project renders again only what changed', () => {
  it('skips unchanged cycles, renders a changed one, and gives the same files as a full render', () => {
    const dir = bigProject();
    const env = { SIPP_CACHE_DIR: path.join(tempDir(), 'cache') };
    expect(sipp(['brief'], { cwd: dir, env }).code).toBe(0);
    const again = sipp(['brief'], { cwd: dir, env });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(
      '20 cycles are unchanged since the last `sipp brief`: their briefings were not rendered again.',
    );
    const measures = path.join(dir, 'cycles', '05-paired-reading', 'measures.yaml');
    writeFileSync(measures, readFileSync(measures, 'utf8').replace(/mean: 27\.\d, sd: 5\.9/, 'mean: 27.9, sd: 5.9'));
    const changed = sipp(['brief'], { cwd: dir, env });
    expect(changed.stdout).toContain('briefings/05-paired-reading.md');
    expect(changed.stdout).not.toContain('briefings/07-paired-reading.md');
    expect(changed.stdout).toContain('19 cycles are unchanged');
    // What the cache kept and what it rendered again is what a full render gives, byte for byte.
    const full = tempDir();
    cpSync(dir, full, { recursive: true });
    expect(sipp(['brief', '--out', 'fresh'], { cwd: full, env: { SIPP_NO_CACHE: '1' } }).code).toBe(0);
    const tree = (folder: string) => snapshotTree(folder);
    expect(tree(path.join(dir, 'briefings'))).toEqual(tree(path.join(full, 'fresh')));
  }, 120_000);
});

describe("sipp brief draws a big project's charts on every core", () => {
  it('gives, with a pool of workers, the files drawn in its own process, byte for byte', () => {
    const dir = bigProject();
    const env = { SIPP_NO_CACHE: '1' };
    expect(sipp(['brief', '--out', 'alone'], { cwd: dir, env: { ...env, SIPP_CHART_WORKERS: '0' } }).code).toBe(0);
    const pooled = sipp(['brief', '--out', 'pooled'], { cwd: dir, env: { ...env, SIPP_CHART_WORKERS: '2' } });
    expect(pooled.code).toBe(0);
    expect(pooled.stderr).toBe('');
    const alone = snapshotTree(path.join(dir, 'alone'));
    expect(Object.keys(alone).filter((f) => f.endsWith('.svg')).length).toBeGreaterThan(40);
    expect(snapshotTree(path.join(dir, 'pooled'))).toEqual(alone);
  }, 120_000);
});
