// One sipp at a time changes a project: every command that writes (init, cycle, data import, lesson add, brief)
// does its read-modify-write under this lock, so parallel runs never reuse a cycle number or lose an update.
// proper-lockfile does the locking (an atomic mkdir, kept fresh while held, taken over when a killed process
// left it stale, released on Ctrl-C and SIGTERM); sipp only names the lock and says what to do when it is held.
import fs from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { onExit } from 'signal-exit';
import { refusal } from '../core/problems.js';
import { removeDebris } from './debris.js';

/** The lock: an empty folder in the project root while a command writes (Git does not track empty folders). */
export const LOCK_NAME = '.sipp.lock';

/** A lock not kept fresh for this long belongs to a process that was killed, and is taken over. */
const STALE_MS = 10_000;
/** How long a second run waits for the first before it gives up (about 20 seconds). */
const RETRIES = { retries: 80, factor: 1, minTimeout: 250, maxTimeout: 250 } as const;

export interface LockOptions {
  /** How long to wait for another sipp, in milliseconds; by default SIPP_LOCK_WAIT (seconds), or about 20 s. */
  waitMs?: number;
}

function waitFromEnvironment(): number | undefined {
  const seconds = Number(process.env['SIPP_LOCK_WAIT']);
  return process.env['SIPP_LOCK_WAIT'] !== undefined && Number.isFinite(seconds) && seconds >= 0
    ? seconds * 1000
    : undefined;
}

/**
 * The lock folder this process made, from the moment it is made until it is removed again. proper-lockfile
 * removes its locks on Ctrl-C and SIGTERM, but only those it has finished taking (after a few more file-system
 * calls) and not yet started to release: a signal in between left the lock behind, for the next run to wait on.
 */
const made = new Set<string>();
let watching = false;

/** proper-lockfile's file system, noting when its `mkdir` makes the lock folder. */
const noting: typeof fs = {
  ...fs,
  mkdir: ((dir: fs.PathLike, ...rest: unknown[]) => {
    const callback = rest.pop() as (err: NodeJS.ErrnoException | null) => void;
    fs.mkdir(dir, ...(rest as []), (err: NodeJS.ErrnoException | null) => {
      if (!err) made.add(String(dir));
      callback(err);
    });
  }) as typeof fs.mkdir,
};

function watchForSignals(): void {
  if (watching) return;
  watching = true;
  onExit(() => {
    for (const dir of made) {
      try {
        fs.rmdirSync(dir);
      } catch {
        // Gone already (proper-lockfile removed it).
      }
    }
  });
}

/**
 * Runs `work` holding the project's lock, after removing what an interrupted run of sipp left behind (its
 * temporary files). A second sipp waits for the first; if it waits too long, a refusal (exit 1) says so.
 */
export async function withProjectLock<T>(root: string, work: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const waitMs = options.waitMs ?? waitFromEnvironment();
  const retries =
    waitMs === undefined
      ? RETRIES
      : { retries: Math.max(0, Math.floor(waitMs / 50)), factor: 1, minTimeout: 50, maxTimeout: 50 };
  watchForSignals();
  const lockPath = path.join(root, LOCK_NAME);
  const lock = (attempts: typeof retries | number) =>
    lockfile.lock(root, {
      fs: noting,
      lockfilePath: lockPath,
      realpath: false,
      stale: STALE_MS,
      update: 1_000,
      retries: attempts,
    });
  let release: () => Promise<void>;
  try {
    // Once at once, so that a fault (a read-only folder) is reported now; waiting only when another sipp holds it.
    release = await lock(0).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ELOCKED') return lock(retries);
      throw e;
    });
  } catch (e) {
    // Not taken: a folder made and then given up (proper-lockfile removed it) is not this run's to remove.
    made.delete(lockPath);
    const code = (e as NodeJS.ErrnoException).code;
    // The lock cannot be made (a read-only folder, a full disk): the fault is the project folder's.
    if (code !== 'ELOCKED') throw Object.assign(e as Error, { path: root });
    throw refusal('Another sipp is working on this project, so this one changed nothing.', {
      hint: `Wait for it to finish and run the command again. If no other sipp is running (one was stopped half-way), the project frees itself within ${STALE_MS / 1000} seconds.`,
    });
  }
  try {
    removeDebris(root);
    return await work();
  } finally {
    await release().catch(() => undefined);
    made.delete(lockPath);
  }
}
