// The little of git sipp needs: is it installed, is a folder inside a repository, init and a first commit, and when
// each line of a record was first committed.
import { execFileSync } from 'node:child_process';
import { CYCLES_DIR } from '../core/records/model.js';
import type { LineDates, LineDatesFor } from '../core/validate/index.js';

/** git's output in `cwd` as it printed it (what it says on stderr goes into the error when it fails). */
export function gitText(cwd: string, args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function git(cwd: string, args: string[]): string {
  return gitText(cwd, args).trim();
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

/**
 * When each line of the given files (relative to `root`, inside a Git repository) was first committed, as
 * YYYY-MM-DD; null for lines not committed yet; files never committed are left out. Two git calls whatever the
 * number of files: the history of their folders as one patch, replayed oldest first (dating each line as
 * `git blame` would, without one process per file), then the uncommitted changes. Whole top folders (`cycles`),
 * so that a renamed cycle folder keeps its history. Author dates, because a rebase keeps them.
 * Undefined when git is not installed, `root` is not in a repository, or it has no commits yet.
 */
export function committedLineDates(
  root: string,
  files: readonly string[] | 'every record',
): Map<string, (string | null)[]> | undefined {
  if (files !== 'every record' && files.length === 0) return new Map();
  const pathspecs =
    files === 'every record' ? [CYCLES_DIR] : [...new Set(files.map((f) => f.split('/')[0] ?? f))].sort();
  const common = ['-c', 'core.quotePath=false', '-c', 'log.showSignature=false'];
  const patch = [
    '-p',
    '-U0',
    '-M',
    '--no-color',
    '--no-ext-diff',
    '--no-textconv',
    '--relative',
    '--src-prefix=a/',
    '--dst-prefix=b/',
  ];
  let history: string;
  let uncommitted: string;
  try {
    history = gitOutput(root, [
      ...common,
      'log',
      '--reverse',
      '--first-parent',
      '--diff-merges=first-parent',
      '--format=%x1e%as',
      ...patch,
      '--',
      ...pathspecs,
    ]);
    uncommitted = gitOutput(root, [...common, 'diff', 'HEAD', ...patch, '--', ...pathspecs]);
  } catch {
    return undefined;
  }
  const dates = new Map<string, (string | null)[]>();
  replayPatch(dates, history);
  replayPatch(dates, uncommitted, true);
  if (files === 'every record') return dates;
  const wanted = new Set(files);
  for (const file of [...dates.keys()]) if (!wanted.has(file)) dates.delete(file);
  return dates;
}

/**
 * `lineDates` for validating a project: Git is read once, on the first call, for every record under `cycles`
 * (one reading costs the same for one file as for all), and every later call is answered from that reading.
 */
export function lineDatesOfProject(root: string): LineDatesFor {
  let read = false;
  let dates: LineDates | undefined;
  return () => {
    if (!read) dates = committedLineDates(root, 'every record');
    read = true;
    return dates;
  };
}

function gitOutput(cwd: string, args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    maxBuffer: 512 * 1024 * 1024,
    env: { ...process.env, GIT_PAGER: 'cat', GIT_CONFIG_NOSYSTEM: '1' },
  });
}

/**
 * Applies a patch (`git log -p -U0` or `git diff -U0`) to the line dates: every added line gets its commit's date
 * (`\x1e<date>` lines from `--format`), or null in an uncommitted patch; removed lines are dropped.
 */
export function replayPatch(dates: Map<string, (string | null)[]>, patch: string, uncommitted = false): void {
  let date: string | null = null;
  let lines: (string | null)[] | null = null;
  let header: { from: string | null; to: string | null } | null = null;
  const startFile = (): void => {
    if (!header) return;
    lines = header.from ? [...(dates.get(header.from) ?? [])] : [];
    if (header.from) dates.delete(header.from);
    if (header.to) dates.set(header.to, lines);
    header = null;
  };
  for (const line of patch.split('\n')) {
    if (line.startsWith('\x1e')) {
      startFile();
      date = line.slice(1).trim();
      lines = null;
    } else if (line.startsWith('diff --git ')) {
      startFile();
      const match = /^diff --git a\/(.+) b\/(.+)$/.exec(line);
      header = { from: match?.[1] ?? null, to: match?.[2] ?? null };
      lines = null;
    } else if (header) {
      if (line.startsWith('new file mode')) header.from = null;
      else if (line.startsWith('deleted file mode')) header.to = null;
      else if (line.startsWith('rename from ')) header.from = line.slice('rename from '.length);
      else if (line.startsWith('rename to ')) header.to = line.slice('rename to '.length);
      else if (line.startsWith('--- ')) header.from = line === '--- /dev/null' ? null : line.replace(/^--- a\//, '');
      else if (line.startsWith('+++ ')) header.to = line === '+++ /dev/null' ? null : line.replace(/^\+\+\+ b\//, '');
      else if (line.startsWith('@@ ')) {
        startFile();
        applyHunk(lines, line, uncommitted ? null : date);
      }
    } else if (line.startsWith('@@ ') && lines) {
      applyHunk(lines, line, uncommitted ? null : date);
    }
  }
  startFile();
}

/** `@@ -a,b +c,d @@`: b old lines go, d new lines come, at new line c (hunks arrive top to bottom). */
function applyHunk(lines: (string | null)[] | null, hunk: string, date: string | null): void {
  const match = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(hunk);
  if (!lines || !match) return;
  const removed = match[1] === undefined ? 1 : Number(match[1]);
  const at = Number(match[2]);
  const added = match[3] === undefined ? 1 : Number(match[3]);
  const start = added === 0 ? at : at - 1;
  lines.splice(start, removed, ...new Array<string | null>(added).fill(date));
}
