// What an interrupted sipp leaves behind. Every file is written to a temporary file beside it and then renamed
// into place (write-file-atomic), so a file is whole or absent. Ctrl-C and SIGTERM remove the temporary files
// (write-file-atomic's exit handler); a run killed outright (SIGKILL, a power cut) cannot, so the next command that
// writes removes them, under the project lock, where no other sipp can be writing one.
import { lstatSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { BRIEFINGS_DIR, CYCLES_DIR, PRIVATE_DATA_DIR, SCHEMA_COPY_DIR } from '../core/records/model.js';

/**
 * A temporary file of write-file-atomic: the name of a file sipp writes, a dot and a number (a 32-bit hash in
 * decimal), for example `measures.yaml.2218447915` or `01-paired-reading.html.93021877`.
 */
const TEMPORARY = /^(?:.+\.(?:ya?ml|md|html|svg|csv|xlsx|json|pdf)|\.gitignore)\.\d{5,10}$/;

export function isTemporaryFile(name: string): boolean {
  return TEMPORARY.test(name);
}

/** Removes sipp's temporary files from one folder (not its subfolders). Returns the names removed. */
export function removeDebrisIn(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!isTemporaryFile(name)) continue;
    const file = path.join(dir, name);
    if (!lstatSync(file, { throwIfNoEntry: false })?.isFile()) continue;
    rmSync(file, { force: true });
    removed.push(name);
  }
  return removed;
}

/** Subfolders of `dir` (not links), by absolute path. */
function subfolders(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => path.join(dir, entry.name));
  } catch {
    return [];
  }
}

/**
 * Removes sipp's temporary files from every folder sipp writes in a project: the root, each cycle folder,
 * data/private/ and its cycle folders, the schema copies, and briefings/ with its chart folders.
 */
export function removeDebris(root: string): string[] {
  const briefings = path.join(root, BRIEFINGS_DIR);
  const privateData = path.join(root, PRIVATE_DATA_DIR);
  const dirs = [
    root,
    ...subfolders(path.join(root, CYCLES_DIR)),
    privateData,
    ...subfolders(privateData),
    path.join(root, SCHEMA_COPY_DIR),
    briefings,
    ...subfolders(briefings),
  ];
  return dirs.flatMap((dir) => removeDebrisIn(dir).map((name) => path.relative(root, path.join(dir, name))));
}
