// `sipp brief` end to end: the built CLI on a copy of the fixture project in a temporary folder.
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, sipp, snapshotTree, tempDir } from './helpers.js';

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

function briefings(dir: string, out = 'briefings'): string[] {
  const folder = path.join(dir, out);
  return existsSync(folder) ? readdirSync(folder).sort() : [];
}

describe('sipp brief', () => {
  it('writes a Markdown and an HTML briefing per cycle and the overview to briefings/, prints their paths, exit 0', () => {
    const dir = project();
    const r = sipp(['brief'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(briefings(dir)).toEqual(ALL);
    for (const file of ALL) expect(r.stdout).toContain(path.join('briefings', file));
    expect(r.stderr).toBe('');
  });

  it('writes exactly the golden files', () => {
    const dir = project();
    expect(sipp(['brief'], { cwd: dir }).code).toBe(0);
    for (const file of ALL) {
      expect(readFileSync(path.join(dir, 'briefings', file), 'utf8'), file).toBe(
        readFileSync(path.join(GOLDEN, file), 'utf8'),
      );
    }
  });

  it('gives byte-identical files when run twice, replacing its own briefings', () => {
    const dir = project();
    expect(sipp(['brief'], { cwd: dir }).code).toBe(0);
    const first = snapshotTree(path.join(dir, 'briefings'));
    const again = sipp(['brief'], { cwd: dir });
    expect(again.code, again.stderr).toBe(0);
    expect(snapshotTree(path.join(dir, 'briefings'))).toEqual(first);
  });

  it('refuses an invalid project: exit 1, the problems as path:line:col, and nothing written', () => {
    const dir = project();
    const file = path.join(dir, 'cycles', '01-paired-reading', 'measures.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('n: 46, mean: 24.1', 'n: forty-six, mean: 24.1'));
    const r = sipp(['brief'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^cycles\/01-paired-reading\/measures\.yaml:\d+:\d+: /m);
    expect(r.stderr).toContain('no briefing was made');
    expect(existsSync(path.join(dir, 'briefings'))).toBe(false);
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
    const sub = path.join(dir, 'cycles');
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
});
