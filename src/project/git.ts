// The little of git sipp needs: is it installed, is a folder inside a repository, init and a first commit.
import { execFileSync } from 'node:child_process';

function git(cwd: string, args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

export function gitAvailable(): boolean {
  try {
    git(process.cwd(), ['--version']);
    return true;
  } catch {
    return false;
  }
}

export function insideGitRepository(dir: string): boolean {
  try {
    return git(dir, ['rev-parse', '--is-inside-work-tree']) === 'true';
  } catch {
    return false;
  }
}

/** `git init` and a first commit of the given files. Commits as "sipp" when the user has no identity set. */
export function initRepositoryWithCommit(dir: string, files: string[], message: string): void {
  git(dir, ['init', '--quiet']);
  git(dir, ['add', '--', ...files]);
  const identity = hasIdentity(dir) ? [] : ['-c', 'user.name=sipp', '-c', 'user.email=sipp@localhost'];
  git(dir, [...identity, 'commit', '--quiet', '--no-verify', '-m', message]);
}

function hasIdentity(dir: string): boolean {
  try {
    return git(dir, ['config', 'user.email']) !== '' && git(dir, ['config', 'user.name']) !== '';
  } catch {
    return false;
  }
}
