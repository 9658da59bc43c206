// Finding the project a command runs in: the nearest folder upwards holding sipp.yaml, as git finds .git.
import { existsSync, lstatSync, statSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_FILE } from '../core/records/model.js';
import { usageError } from '../core/problems.js';

export function findProjectRoot(start: string): string | null {
  return findFolderWith(start, PROJECT_FILE);
}

/** The nearest folder upwards from `start` holding `file` (a project's sipp.yaml, a network's network.yaml). */
export function findFolderWith(start: string, file: string): string | null {
  let dir = path.resolve(start);
  for (;;) {
    // lstat, so that a file that is a broken link is found, and then reported when it is read.
    if (lstatSync(path.join(dir, file), { throwIfNoEntry: false })) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** The project root, or a usage error (exit 2) that says how to start one. */
export function requireProjectRoot(start: string): string {
  if (!existsSync(start) || !statSync(start).isDirectory()) {
    throw usageError(`The folder ${start} does not exist.`);
  }
  const root = findProjectRoot(start);
  if (!root) {
    throw usageError(
      `This folder is not inside a sipp project (no ${PROJECT_FILE} here or in any folder above it).`,
      'Run `sipp init` to start a project, or `sipp -C <folder> …` to work in another folder.',
    );
  }
  return root;
}
