// Writing files without ever losing what a user wrote: atomic (temporary file + rename), never over a file sipp
// didn't create, and never through a link that leads out of the project.
import { existsSync, lstatSync, mkdirSync, readlinkSync, realpathSync } from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { refusal } from '../core/problems.js';

/** The real path of `absolute`, or of the nearest folder above it that exists, with the rest joined on. */
export function realPathOf(absolute: string): string {
  const rest: string[] = [];
  let at = absolute;
  for (;;) {
    try {
      return path.join(realpathSync(at), ...rest.reverse());
    } catch {
      const parent = path.dirname(at);
      if (parent === at) return absolute;
      rest.push(path.basename(at));
      at = parent;
    }
  }
}

/**
 * Refuses (exit 1) to write `absolute` when it, or a folder on the way to it, is a link (a symbolic link) that
 * leads out of `root`: writing would change a file elsewhere on the computer. `root` is the project, or the
 * folder the briefings were sent to with --out.
 */
export function assertInside(root: string, absolute: string): void {
  const realRoot = realPathOf(root);
  let existing = absolute;
  while (!lstatSync(existing, { throwIfNoEntry: false })) {
    const parent = path.dirname(existing);
    if (parent === existing) return;
    existing = parent;
  }
  // The folders above `root` are where the user chose to work; only what lies within root is checked.
  const fromRoot = path.relative(path.resolve(root), existing);
  if (fromRoot === '' || fromRoot.startsWith('..') || path.isAbsolute(fromRoot)) return;
  const shown = path.relative(root, absolute) || path.basename(absolute);
  let real: string;
  try {
    real = realpathSync(existing);
  } catch {
    const target = readlinkSync(existing);
    throw refusal(
      `${shown} is a link (a symbolic link) to ${target}, which does not exist, so sipp will not write it. Nothing was written.`,
      { hint: 'Delete the link, or replace it with the file itself, and run the command again.' },
    );
  }
  const inside = real === realRoot || real.startsWith(realRoot + path.sep);
  if (!inside) {
    const where =
      existing === absolute ? `${shown} is` : `${path.relative(root, existing) || '.'} (on the way to ${shown}) is`;
    throw refusal(
      `${where} a link (a symbolic link) to ${real}, outside the project, so sipp will not write through it: that would change a file elsewhere on this computer. Nothing was written.`,
      { hint: 'Replace the link with a copy of the file or folder itself, and run the command again.' },
    );
  }
}

/** Writes a file atomically, inside `root`; the write either happens whole or not at all. */
export async function writeAtomic(
  root: string,
  absolute: string,
  content: string | Buffer,
  mode?: number,
): Promise<void> {
  assertInside(root, absolute);
  try {
    mkdirSync(path.dirname(absolute), { recursive: true });
    await writeFileAtomic(absolute, content, mode === undefined ? { encoding: 'utf8' } : { mode });
  } catch (e) {
    // A failed write (a full disk) names no file: name the one sipp was writing, for the message.
    const error = e as NodeJS.ErrnoException;
    if (typeof error.code === 'string' && error.path === undefined) error.path = absolute;
    throw e;
  }
}

/**
 * A set of new files written together: nothing is written if any target exists, and if a write fails
 * part-way, the files this plan already wrote are removed again, so no half-made folder is left behind.
 */
export async function writeNewFiles(root: string, files: ReadonlyMap<string, string>): Promise<string[]> {
  for (const rel of files.keys()) assertInside(root, path.join(root, rel));
  const clashes = [...files.keys()].filter((rel) => lstatSync(path.join(root, rel), { throwIfNoEntry: false }));
  if (clashes.length > 0) {
    throw refusal(
      `${clashes.join(', ')} already exist${clashes.length === 1 ? 's' : ''}; sipp will not overwrite ${clashes.length === 1 ? 'it' : 'them'}. Nothing was written.`,
    );
  }
  const written: string[] = [];
  const createdDirs = missingDirs(root, [...files.keys()]);
  try {
    for (const [rel, text] of files) {
      await writeAtomic(root, path.join(root, rel), text);
      written.push(rel);
    }
  } catch (e) {
    const { rmSync } = await import('node:fs');
    for (const rel of written) rmSync(path.join(root, rel), { force: true });
    for (const dir of createdDirs.reverse()) rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  return written;
}

function missingDirs(root: string, relatives: string[]): string[] {
  const dirs = new Set<string>();
  for (const rel of relatives) {
    let dir = path.dirname(path.join(root, rel));
    while (dir.startsWith(root) && dir !== root && !existsSync(dir)) {
      dirs.add(dir);
      dir = path.dirname(dir);
    }
  }
  return [...dirs].sort((a, b) => a.length - b.length);
}
