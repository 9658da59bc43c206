import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { validateProject } from '../../src/core/validate/index.js';
import { readSchemas, schemaFilesFor } from '../../src/project/assets.js';
import { loadProject } from '../../src/project/load.js';
import { newProject, sipp, snapshotTree, tempDir } from './helpers.js';

const RECORDS = ['baseline.yaml', 'intervention.yaml', 'measures.yaml', 'question.yaml', 'reflections.yaml'];

function cycles(dir: string): string[] {
  return readdirSync(path.join(dir, 'cycles'))
    .filter((f) => !f.startsWith('.'))
    .sort();
}

function question(dir: string, folder: string): Record<string, unknown> {
  return parse(readFileSync(path.join(dir, 'cycles', folder, 'question.yaml'), 'utf8')) as Record<string, unknown>;
}

describe('sipp cycle', () => {
  it('starts cycle 01 with five valid records, pre-filled from sipp.yaml, and prints its folder', () => {
    const dir = newProject();
    const r = sipp(['cycle', 'Paired reading', '--question', 'Does paired reading help P5 enjoy reading?'], {
      cwd: dir,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'Started cycle 1, "Paired reading" (Collaborative Action Research), in cycles/01-paired-reading/',
    );
    expect(cycles(dir)).toEqual(['01-paired-reading']);
    expect(readdirSync(path.join(dir, 'cycles/01-paired-reading')).sort()).toEqual(RECORDS);
    expect(question(dir, '01-paired-reading')).toMatchObject({
      title: 'Paired reading',
      method: 'car',
      question: 'Does paired reading help P5 enjoy reading?',
      equityGroup: { marker: 'simd-quintile', quintiles: [1, 2], simdEdition: 'SIMD 2020v2' },
    });
    for (const file of RECORDS) {
      const text = readFileSync(path.join(dir, 'cycles/01-paired-reading', file), 'utf8');
      expect(text.split('\n')[0]).toBe(
        `# yaml-language-server: $schema=../../.sipp/schemas/${file.replace('.yaml', '.schema.json')}`,
      );
    }
    expect(validateProject(loadProject(dir), readSchemas())).toEqual([]);
  });

  it('is also `sipp cycle new`, and numbers cycles one after the highest', () => {
    const dir = newProject();
    expect(sipp(['cycle', 'new', 'First'], { cwd: dir }).code).toBe(0);
    mkdirSync(path.join(dir, 'cycles', '07-imported'));
    const r = sipp(['cycle', 'new', 'Next one'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(cycles(dir)).toEqual(['01-first', '07-imported', '08-next-one']);
  });

  it('titles an untitled cycle "Cycle N" without a terminal, and never waits for an answer', () => {
    const dir = newProject();
    sipp(['cycle', '--yes'], { cwd: dir });
    const r = sipp(['cycle'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(cycles(dir)).toEqual(['01-cycle-1', '02-cycle-2']);
    expect(question(dir, '02-cycle-2').title).toBe('Cycle 2');
  });

  it('falls back to a plain folder name for a title with no usable letters', () => {
    const dir = newProject();
    expect(sipp(['cycle', '读书 !!'], { cwd: dir }).code).toBe(0);
    expect(cycles(dir)).toEqual(['01-cycle']);
    expect(question(dir, '01-cycle').title).toBe('读书 !!');
  });

  it('copies the target learners from sipp.yaml', () => {
    const dir = newProject();
    const file = path.join(dir, 'sipp.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('  stages: []', '  stages: [P4, P5]'));
    expect(sipp(['cycle', 'x'], { cwd: dir }).code).toBe(0);
    expect(question(dir, '01-x').targetLearners).toMatchObject({ stages: ['P4', 'P5'] });
  });

  it("adds another method's schema copies with its first cycle, and leaves the team's copies alone", () => {
    const dir = newProject();
    const copies = path.join(dir, '.sipp', 'schemas');
    writeFileSync(path.join(copies, 'question.schema.json'), '{"edited": "by the team"}\n');
    const before = new Set(readdirSync(copies));
    const r = sipp(['cycle', 'Rounds', '--method', 'instructional-rounds', '--problem-of-practice', 'P'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const added = readdirSync(copies)
      .filter((f) => !before.has(f))
      .sort();
    expect(added).toEqual([...schemaFilesFor('instructional-rounds').keys()].filter((f) => !before.has(f)).sort());
    expect(added.length).toBeGreaterThan(0);
    for (const file of added) {
      expect(readFileSync(path.join(copies, file), 'utf8')).toBe(
        readFileSync(schemaFilesFor('instructional-rounds').get(file)!, 'utf8'),
      );
    }
    expect(readFileSync(path.join(copies, 'question.schema.json'), 'utf8')).toBe('{"edited": "by the team"}\n');
    // Every record of the new cycle points at a copy that exists.
    for (const file of readdirSync(path.join(dir, 'cycles', '01-rounds'))) {
      const modeline = readFileSync(path.join(dir, 'cycles', '01-rounds', file), 'utf8').split('\n')[0]!;
      const target = modeline.replace('# yaml-language-server: $schema=', '');
      expect(readdirSync(copies), file).toContain(path.basename(target));
    }
  });

  it('works from a subfolder and with -C', () => {
    const dir = newProject();
    expect(sipp(['cycle', 'a'], { cwd: path.join(dir, 'data') }).code).toBe(0);
    expect(sipp(['-C', dir, 'cycle', 'b'], { cwd: tempDir() }).code).toBe(0);
    expect(cycles(dir)).toEqual(['01-a', '02-b']);
  });

  describe('refuses, writing nothing', () => {
    it('when sipp.yaml has problems (exit 1), and shows them', () => {
      const dir = newProject();
      const file = path.join(dir, 'sipp.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('method: car', 'method: car\nmethd: car'));
      const before = snapshotTree(dir);
      const r = sipp(['cycle', 'x'], { cwd: dir });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('sipp.yaml has problems');
      expect(r.stderr).toMatch(/sipp\.yaml:\d+:\d+:/);
      expect(snapshotTree(dir)).toEqual(before);
    });

    it('when `cycles` is a file instead of a folder (exit 1), and says so', () => {
      const dir = newProject();
      rmSync(path.join(dir, 'cycles'), { recursive: true, force: true });
      writeFileSync(path.join(dir, 'cycles'), 'notes\n');
      const before = snapshotTree(dir);
      const r = sipp(['cycle', '--yes', 'x'], { cwd: dir });
      expect(r).toEqual({
        code: 1,
        stdout: '',
        stderr:
          'sipp: sipp cannot add a cycle to the `cycles` folder. Nothing was written.\n' +
          'cycles:1:1: `cycles` should be a folder, but it is a file. Move the file elsewhere and restore the folder from Git.\n',
      });
      expect(snapshotTree(dir)).toEqual(before);
    });

    it('when the project has its last cycle number, 999 (exit 1), and says where the next cycles go', () => {
      const dir = newProject();
      expect(sipp(['cycle', 'new', 'First'], { cwd: dir }).code).toBe(0);
      mkdirSync(path.join(dir, 'cycles', '999-last'));
      const before = snapshotTree(dir);
      const r = sipp(['cycle', '--yes', 'One more'], { cwd: dir });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(
        'This project already has a cycle 999, the most one project numbers. Start a new project for the next cycles (`sipp init`) and follow both in a network (`sipp network add`). Nothing was written.',
      );
      expect(r.stderr).not.toContain('    at ');
      expect(snapshotTree(dir)).toEqual(before);
    });

    it('outside a project (exit 2)', () => {
      const dir = tempDir();
      const r = sipp(['cycle', 'x'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('not inside a sipp project');
      expect(snapshotTree(dir)).toEqual({});
    });

    it('an unknown flag (exit 2)', () => {
      const dir = newProject();
      expect(sipp(['cycle', 'x', '--questoin', 'q'], { cwd: dir }).code).toBe(2);
      expect(cycles(dir)).toEqual([]);
    });
  });
});

describe('sipp cycle list', () => {
  it('lists number, folder, title, method and stage', () => {
    const dir = newProject();
    sipp(['cycle', 'Paired reading'], { cwd: dir });
    sipp(['cycle', 'Book club'], { cwd: dir });
    const r = sipp(['cycle', 'list'], { cwd: dir });
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^#\s+Folder\s+Title\s+Method\s+Stage$/);
    expect(lines[1]).toMatch(/^1\s+01-paired-reading\s+Paired reading\s+car\s+question \(1 of 5\)$/);
    expect(lines[2]).toMatch(/^2\s+02-book-club\s+Book club\s+car\s+question \(1 of 5\)$/);
  });

  it('prints JSON with --json', () => {
    const dir = newProject();
    sipp(['cycle', 'Paired reading'], { cwd: dir });
    const r = sipp(['cycle', 'list', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      cycles: [
        {
          number: 1,
          folder: '01-paired-reading',
          title: 'Paired reading',
          method: 'car',
          stage: 'question',
          complete: false,
        },
      ],
    });
  });

  it('says how to start when there are no cycles', () => {
    const r = sipp(['cycle', 'list'], { cwd: newProject() });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No cycles yet');
  });
});
