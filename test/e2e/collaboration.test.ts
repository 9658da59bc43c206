// Collaboration on Git hosting (issue 11): the CI workflow `sipp init --ci` and `sipp ci init` write, and the
// pre-commit hook `sipp hook install` adds, which refuses small-group figures and files under data/private/.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageVersion } from '../../src/project/assets.js';
import { sipp, tempDir } from './helpers.js';

const commit = (dir: string, message: string, ...extra: string[]) =>
  spawnSync(
    'git',
    ['-c', 'user.email=team@example.org', '-c', 'user.name=Team', 'commit', '-q', '-m', message, ...extra],
    {
      cwd: dir,
      encoding: 'utf8',
    },
  );

function project(): string {
  const dir = path.join(tempDir(), 'reading');
  expect(sipp(['init', dir, '--yes', '--title', 'Reading'], { cwd: path.dirname(dir) }).code).toBe(0);
  expect(sipp(['cycle', '--yes', 'Paired reading'], { cwd: dir }).code).toBe(0);
  return dir;
}

describe('CI workflows', () => {
  it('sipp init --ci github writes a workflow pinned to this version that uploads briefings/ only', () => {
    const parent = tempDir();
    const r = sipp(['init', 'reading', '--yes', '--title', 'Reading', '--ci', 'github'], { cwd: parent });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Wrote reading/.github/workflows/sipp.yml');
    const text = readFileSync(path.join(parent, 'reading/.github/workflows/sipp.yml'), 'utf8');
    expect(text).toContain('on: [push, pull_request]');
    expect(text).toContain(`- run: npx --yes sipp@${packageVersion()} validate`);
    expect(text).toContain(`- run: npx --yes sipp@${packageVersion()} brief --out briefings`);
    expect(text).toContain('path: briefings/');
    expect(text.replace(/^#.*$/gm, '')).not.toContain('data/private');
  });

  it('sipp ci init writes GitLab CI for a network, and never replaces a workflow that is there', () => {
    const dir = tempDir();
    expect(sipp(['network', 'init', '--title', 'Network'], { cwd: dir }).code).toBe(0);
    expect(sipp(['ci', 'init', '--provider', 'gitlab'], { cwd: dir }).code).toBe(0);
    const text = readFileSync(path.join(dir, '.gitlab-ci.yml'), 'utf8');
    expect(text).toContain(`- npx --yes sipp@${packageVersion()} network pull`);
    expect(text).toContain(`- npx --yes sipp@${packageVersion()} network brief --out briefings`);
    expect(text).toContain('      - briefings/');
    const again = sipp(['ci', 'init', '--provider', 'gitlab'], { cwd: dir });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('.gitlab-ci.yml is there already, so sipp changed nothing.');
    expect(sipp(['ci', 'init'], { cwd: tempDir() }).code).toBe(2);
  });
});

describe('sipp hook install', () => {
  it('lets a clean commit through, and refuses a small-group figure and a file under data/private/', () => {
    const dir = project();
    const installed = sipp(['hook', 'install'], { cwd: dir });
    expect(installed.code, installed.stderr).toBe(0);
    execFileSync('git', ['add', '-A'], { cwd: dir });
    expect(commit(dir, 'First cycle').status).toBe(0);

    const measures = path.join(dir, 'cycles/01-paired-reading/measures.yaml');
    const clean = readFileSync(measures, 'utf8');
    writeFileSync(
      measures,
      clean
        .replace('measures: []', 'measures:\n  - id: enjoyment\n    name: Enjoyment')
        .replace(
          'results: []',
          'results:\n  - measure: enjoyment\n    groups:\n      - { name: SIMD 5, role: all, before: { n: 3, mean: 20, sd: 2 } }',
        ),
    );
    execFileSync('git', ['add', '-A'], { cwd: dir });
    const small = commit(dir, 'Figures');
    expect(small.status).toBe(1);
    expect(small.stderr).toContain('Not committed: the staged records have a problem:');
    expect(small.stderr).toMatch(/measures\.yaml:\d+:\d+: `n` is 3: the group has fewer than 5 learners/);
    // The check is of what is staged: the same figure fixed in the working tree but not staged is still refused.
    writeFileSync(measures, clean);
    expect(commit(dir, 'Figures').status).toBe(1);
    execFileSync('git', ['add', '-A'], { cwd: dir });

    mkdirSync(path.join(dir, 'data/private'), { recursive: true });
    writeFileSync(path.join(dir, 'data/private/class.csv'), 'learner,before\nL01,5\n');
    execFileSync('git', ['add', '-f', 'data/private/class.csv'], { cwd: dir });
    const leaked = commit(dir, 'Class');
    expect(leaked.status).toBe(1);
    expect(leaked.stderr).toContain('Not committed: data/private/class.csv is pupil-level data');
    expect(commit(dir, 'On purpose', '--no-verify').status).toBe(0);
  });

  it('never replaces a pre-commit hook it did not write', () => {
    const dir = project();
    const hooks = path.join(dir, '.git/hooks');
    writeFileSync(path.join(hooks, 'pre-commit'), '#!/bin/sh\nexit 0\n');
    chmodSync(path.join(hooks, 'pre-commit'), 0o755);
    const r = sipp(['hook', 'install'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('was not written by sipp, so sipp changed nothing');
    expect(readFileSync(path.join(hooks, 'pre-commit'), 'utf8')).toBe('#!/bin/sh\nexit 0\n');
    expect(readdirSync(hooks)).toContain('pre-commit');
  });
});
