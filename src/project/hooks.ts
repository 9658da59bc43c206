// Git's side of the pre-commit hook: where hooks live, what is staged, and the staged snapshot of the project (the
// index written to a temporary folder), so that `sipp hook pre-commit` checks exactly what the commit would hold.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gitText as git } from './git.js';

/** The repository's top folder, or null when `dir` is not in one. */
export function repositoryTop(dir: string): string | null {
  try {
    return git(dir, ['rev-parse', '--show-toplevel']).trim();
  } catch {
    return null;
  }
}

/** Where this repository's hooks are (core.hooksPath respected). */
export function hooksDir(top: string): string {
  return path.resolve(top, git(top, ['rev-parse', '--git-path', 'hooks']).trim());
}

/** Files added, copied, modified or renamed in the index, relative to the repository's top. */
export function stagedFiles(top: string): string[] {
  return git(top, ['diff', '--cached', '--name-only', '--diff-filter=ACMR', '-z'])
    .split('\0')
    .filter((f) => f !== '');
}

/** Runs `work` on a copy of the index in a temporary folder, removed afterwards. */
export async function withIndexSnapshot<T>(top: string, work: (dir: string) => Promise<T> | T): Promise<T> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sipp-staged-'));
  try {
    git(top, ['checkout-index', '-a', `--prefix=${dir}${path.sep}`]);
    return await work(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
