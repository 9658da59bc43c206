import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { validateProject } from '../../src/core/validate/index.js';
import { readSchemas, schemaFilesFor } from '../../src/project/assets.js';
import { loadProject } from '../../src/project/load.js';
import { sipp, snapshotTree, tempDir } from './helpers.js';

const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: cwd, GIT_CONFIG_NOSYSTEM: '1' },
  }).trim();

const FLAGS = [
  '--title',
  'Reading for pleasure',
  '--partnership',
  'Northfield',
  '--school',
  'Hillside Primary',
  '--school',
  'Bell Academy',
  '--authority',
  'Fife',
  '--focus',
  'reading engagement',
];

describe('sipp init', () => {
  it('makes a project from flags, with a Git repository and one commit', () => {
    const dir = tempDir();
    const r = sipp(['init', '--yes', ...FLAGS], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Started the enquiry project "Reading for pleasure" in this folder');
    expect(r.stdout).toContain('Made a Git repository');
    expect(r.stdout).toContain('sipp cycle "A short title for the cycle"');
    // The shared schemas and the project method's own (CAR has none); `sipp cycle` adds another method's.
    expect(Object.keys(snapshotTree(dir))).toEqual([
      '.gitignore',
      ...[...schemaFilesFor('car').keys()].map((file) => `.sipp/schemas/${file}`),
      'README.md',
      'cycles/.gitkeep',
      'data/private/.gitignore',
      'data/private/README.md',
      'sipp.yaml',
      'templates/README.md',
    ]);
    expect(git(dir, 'rev-list', '--count', 'HEAD')).toBe('1');
    expect(git(dir, 'status', '--porcelain')).toBe('');
    expect(git(dir, 'log', '-1', '--format=%an')).toBe('Test Teacher');
  });

  it('writes sipp.yaml with the schema line, the answers and the defaults', () => {
    const dir = tempDir();
    expect(sipp(['init', '--no-git', ...FLAGS], { cwd: dir }).code).toBe(0);
    const text = readFileSync(path.join(dir, 'sipp.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=.sipp/schemas/sipp.schema.json');
    expect(parse(text)).toMatchObject({
      schemaVersion: 1,
      title: 'Reading for pleasure',
      partnership: {
        name: 'Northfield',
        programme: 'School Improvement Partnership Programme',
        localAuthorities: ['Fife'],
        schools: [
          { name: 'Hillside Primary', sector: 'primary', authority: 'Fife' },
          { name: 'Bell Academy', sector: 'secondary', authority: 'Fife' },
        ],
      },
      method: 'car',
      focus: 'reading engagement',
      equityGroup: { marker: 'simd-quintile', simdEdition: 'SIMD 2020v2', quintiles: [1, 2] },
      suppressionThreshold: 5,
    });
    expect(validateProject(loadProject(dir), readSchemas())).toEqual([]);
  });

  it("keeps pupil data and briefings out of Git, but keeps the private folder's README in it", () => {
    const dir = tempDir();
    expect(sipp(['init', '--yes', '--title', 'T'], { cwd: dir }).code).toBe(0);
    writeFileSync(path.join(dir, 'data/private/pupils.csv'), 'name,score\n');
    mkdirSync(path.join(dir, 'briefings'));
    writeFileSync(path.join(dir, 'briefings/overview.md'), '# x\n');
    expect(git(dir, 'status', '--porcelain')).toBe('');
    expect(git(dir, 'ls-files', 'data')).toBe('data/private/.gitignore\ndata/private/README.md');
    expect(readFileSync(path.join(dir, 'data/private/README.md'), 'utf8')).toMatch(/pupil-level data/);
  });

  it('makes the folder it is given, and says to go into it', () => {
    const dir = tempDir();
    const r = sipp(['init', 'my enquiry', '--yes', '--no-git', '--title', 'T'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(existsSync(path.join(dir, 'my enquiry', 'sipp.yaml'))).toBe(true);
    expect(r.stdout).toContain('in my enquiry:');
    expect(r.stdout).toContain('cd "my enquiry"');
  });

  it('runs in the folder given with -C', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'p'));
    expect(sipp(['-C', 'p', 'init', '--yes', '--no-git', '--title', 'T'], { cwd: dir }).code).toBe(0);
    expect(existsSync(path.join(dir, 'p', 'sipp.yaml'))).toBe(true);
  });

  it('makes no repository with --no-git', () => {
    const dir = tempDir();
    const r = sipp(['init', '--yes', '--no-git', '--title', 'T'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(existsSync(path.join(dir, '.git'))).toBe(false);
    expect(r.stdout).toContain('No Git repository was made (--no-git)');
  });

  it('does not run git init inside an existing repository', () => {
    const dir = tempDir();
    git(dir, 'init', '--quiet');
    mkdirSync(path.join(dir, 'enquiry'));
    const r = sipp(['init', 'enquiry', '--yes', '--title', 'T'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(existsSync(path.join(dir, 'enquiry', '.git'))).toBe(false);
    expect(r.stdout).toContain('already in a Git repository');
    expect(() => git(dir, 'rev-parse', 'HEAD')).toThrow();
  });

  it('still makes the project when Git is not installed, and says so', () => {
    const dir = tempDir();
    const noGit = path.join(dir, 'empty-path');
    mkdirSync(noGit);
    const r = sipp(['init', 'p', '--yes', '--title', 'T'], { cwd: dir, env: { PATH: noGit } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Git is not installed');
    expect(existsSync(path.join(dir, 'p', 'sipp.yaml'))).toBe(true);
    expect(existsSync(path.join(dir, 'p', '.git'))).toBe(false);
  });

  it('keeps a README.md and a .gitignore that were already there, adding only the missing ignore lines', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'README.md'), 'Our notes\n');
    writeFileSync(path.join(dir, '.gitignore'), 'node_modules/');
    writeFileSync(path.join(dir, 'class-list.xlsx'), 'private');
    const r = sipp(['init', '--yes', '--title', 'T'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(dir, 'README.md'), 'utf8')).toBe('Our notes\n');
    const ignore = readFileSync(path.join(dir, '.gitignore'), 'utf8');
    expect(ignore.startsWith('node_modules/\n')).toBe(true);
    expect(ignore).toContain('/data/private/*');
    expect(r.stdout).toContain('Kept what was already there: README.md.');
    // Only sipp's own files go into the first commit: anything else in the folder may be private.
    expect(git(dir, 'ls-files')).not.toContain('class-list.xlsx');
    expect(git(dir, 'ls-files')).not.toMatch(/^README\.md$/m);
  });

  describe('refuses', () => {
    it('where a sipp.yaml exists, changing nothing (exit 1)', () => {
      const dir = tempDir();
      writeFileSync(path.join(dir, 'sipp.yaml'), 'title: mine\n');
      const before = snapshotTree(dir);
      const r = sipp(['init', '--yes', '--title', 'T'], { cwd: dir });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('There is already a sipp project');
      expect(r.stderr).toContain('Nothing was changed');
      expect(snapshotTree(dir)).toEqual(before);
      expect(existsSync(path.join(dir, '.git'))).toBe(false);
    });

    it('inside another project, changing nothing (exit 1)', () => {
      const dir = tempDir();
      expect(sipp(['init', '--yes', '--no-git', '--title', 'Outer'], { cwd: dir }).code).toBe(0);
      mkdirSync(path.join(dir, 'cycles', 'inner'));
      const before = snapshotTree(dir);
      const r = sipp(['init', '--yes', '--title', 'Inner'], { cwd: path.join(dir, 'cycles', 'inner') });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('is inside the sipp project');
      expect(snapshotTree(dir)).toEqual(before);
    });

    it('to overwrite schema copies left from an earlier project, writing nothing (exit 1)', () => {
      const dir = tempDir();
      mkdirSync(path.join(dir, '.sipp', 'schemas'), { recursive: true });
      writeFileSync(path.join(dir, '.sipp/schemas/sipp.schema.json'), '{}');
      const before = snapshotTree(dir);
      const r = sipp(['init', '--yes', '--title', 'T'], { cwd: dir });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('.sipp/schemas/sipp.schema.json already exists');
      expect(snapshotTree(dir)).toEqual(before);
    });
  });

  describe('usage errors (exit 2)', () => {
    it('names --title when there is no terminal to ask on, instead of waiting', () => {
      const dir = tempDir();
      const r = sipp(['init'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--title');
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(snapshotTree(dir)).toEqual({});
    });

    it('names --title with --yes and a blank title', () => {
      const r = sipp(['init', '--yes', '--title', '  '], { cwd: tempDir() });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--title');
    });

    it('refuses a method sipp does not know', () => {
      const r = sipp(['init', '--yes', '--title', 'T', '--method', 'pdsa'], { cwd: tempDir() });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('pdsa');
    });

    it('refuses a file as the project folder', () => {
      const dir = tempDir();
      writeFileSync(path.join(dir, 'notes.txt'), 'x');
      const r = sipp(['init', 'notes.txt', '--yes', '--title', 'T'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('is a file, not a folder');
    });
  });

  it('sets any method as the default for new cycles, and points to its guide', () => {
    const dir = tempDir();
    const r = sipp(['init', '--yes', '--no-git', '--title', 'T', '--method', 'practitioner-enquiry'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(parse(readFileSync(path.join(dir, 'sipp.yaml'), 'utf8')).method).toBe('practitioner-enquiry');
    expect(r.stdout).toContain('Read how Practitioner enquiry works: sipp guide');
    expect(r.stdout).not.toContain('--method car');
  });
});
