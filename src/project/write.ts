// Writing files without ever losing what a user wrote: atomic (temporary file + rename), and never over a file sipp didn't create.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { refusal } from '../core/problems.js';

/** Writes a file atomically; the write either happens whole or not at all. */
export async function writeAtomic(absolute: string, text: string): Promise<void> {
  mkdirSync(path.dirname(absolute), { recursive: true });
  await writeFileAtomic(absolute, text, { encoding: 'utf8' });
}

/** Writes a new file, refusing (exit 1) where a file already exists. */
export async function writeNewFile(absolute: string, text: string, relative: string): Promise<void> {
  if (existsSync(absolute)) {
    throw refusal(`${relative} already exists; sipp will not overwrite it.`, { place: { file: relative } });
  }
  await writeAtomic(absolute, text);
}

/**
 * A set of new files written together: nothing is written if any target exists, and if a write fails
 * part-way, the files this plan already wrote are removed again, so no half-made folder is left behind.
 */
export async function writeNewFiles(root: string, files: ReadonlyMap<string, string>): Promise<string[]> {
  const clashes = [...files.keys()].filter((rel) => existsSync(path.join(root, rel)));
  if (clashes.length > 0) {
    throw refusal(`${clashes.join(', ')} already exist${clashes.length === 1 ? 's' : ''}; sipp will not overwrite ${clashes.length === 1 ? 'it' : 'them'}. Nothing was written.`);
  }
  const written: string[] = [];
  const createdDirs = missingDirs(root, [...files.keys()]);
  try {
    for (const [rel, text] of files) {
      await writeAtomic(path.join(root, rel), text);
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
