// Shared helpers for end-to-end tests: run the built CLI in a temporary folder and read what it left.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = path.join(REPO_ROOT, 'bin', 'sipp.js');
export const EXAMPLES = path.join(REPO_ROOT, 'examples');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A user id and group id to run sipp as (tests of permissions run as root): see `nobody`. */
export interface RunAs {
  uid: number;
  gid: number;
}

/** The unprivileged user of Linux systems, for whom `chmod 000` denies reading, as it does not for root. */
export const NOBODY: RunAs = { uid: 65534, gid: 65534 };

/** Runs `sipp <args>` with no terminal (stdin closed unless `input` is given) and no colour. */
export function sipp(
  args: readonly string[],
  opts: { cwd: string; env?: NodeJS.ProcessEnv; input?: string; as?: RunAs } = { cwd: tmpdir() },
): RunResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    ...opts.as,
    cwd: opts.cwd,
    input: opts.input ?? '',
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      HOME: opts.cwd,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'Test Teacher',
      GIT_AUTHOR_EMAIL: 'teacher@example.org',
      GIT_COMMITTER_NAME: 'Test Teacher',
      GIT_COMMITTER_EMAIL: 'teacher@example.org',
      NO_COLOR: '1',
      ...opts.env,
    },
    timeout: 60_000,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the test file finishes. */
export function tempDir(prefix = 'sipp-test-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Every file below `dir` (relative, sorted) with its contents, to show that nothing changed. */
export function snapshotTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string): void => {
    for (const name of readdirSync(path.join(dir, rel)).sort()) {
      if (name === '.git') continue;
      const child = rel ? `${rel}/${name}` : name;
      if (statSync(path.join(dir, child)).isDirectory()) walk(child);
      else out[child] = readFileSync(path.join(dir, child), 'utf8');
    }
  };
  walk('');
  return out;
}

/**
 * A SHA-256 of everything below `dir`: every folder (empty ones too), file name and file's bytes, .git and
 * data/private/ included, to show that a refused command changed nothing on disk.
 */
export function hashTree(dir: string): string {
  const hash = createHash('sha256');
  const walk = (rel: string): void => {
    for (const name of readdirSync(path.join(dir, rel)).sort()) {
      const child = rel ? `${rel}/${name}` : name;
      const absolute = path.join(dir, child);
      if (statSync(absolute).isDirectory()) {
        hash.update(`dir ${child}\0`);
        walk(child);
      } else {
        hash.update(`file ${child}\0`).update(readFileSync(absolute)).update('\0');
      }
    }
  };
  walk('');
  return hash.digest('hex');
}

/** A new project made by `sipp init --yes` in a temporary folder (no git), for tests of other commands. */
export function newProject(extraArgs: readonly string[] = []): string {
  const dir = tempDir();
  const r = sipp(
    [
      'init',
      '--yes',
      '--no-git',
      '--title',
      'Test enquiry',
      '--partnership',
      'Test partnership',
      '--school',
      'Hillside Primary',
      ...extraArgs,
    ],
    { cwd: dir },
  );
  if (r.code !== 0) throw new Error(`sipp init failed (${r.code}): ${r.stderr}`);
  return dir;
}

/** A project with one cycle, `01-paired-reading`, and the class table of 30 learners beside it as class.csv. */
export function projectWithClassTable(): string {
  const dir = newProject();
  const r = sipp(['cycle', '--yes', 'Paired reading'], { cwd: dir });
  if (r.code !== 0) throw new Error(`sipp cycle failed: ${r.stderr}`);
  writeFileSync(path.join(dir, 'class.csv'), readFileSync(path.join(REPO_ROOT, 'test/fixtures/tables/class-30.csv')));
  return dir;
}

/** A git command in `dir`, committing (when it commits) on the given day, as a teacher with no global config. */
export function gitOn(dir: string, args: readonly string[], day = '2026-01-10'): void {
  execFileSync('git', ['-c', 'user.name=Test Teacher', '-c', 'user.email=teacher@example.org', ...args], {
    cwd: dir,
    stdio: 'ignore',
    env: {
      PATH: process.env.PATH,
      HOME: dir,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_DATE: `${day}T16:00:00+00:00`,
      GIT_COMMITTER_DATE: `${day}T16:00:00+00:00`,
    },
  });
}
