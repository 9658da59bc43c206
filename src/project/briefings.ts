// Writing briefings into the output folder: replacing briefings sipp wrote before, never a file it did not.
import { closeSync, existsSync, openSync, readSync, readdirSync, rmSync, rmdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { refusal, usageError } from '../core/problems.js';
import { CYCLES_DIR } from '../core/records/model.js';
import { removeDebrisIn } from './debris.js';
import { realPathOf } from './write.js';
import { isGeneratedBriefing } from '../core/render/index.js';
import { chartFolder } from '../core/render/chart-views.js';
import { writeAtomic } from './write.js';

/**
 * Refuses (exit 2) an output folder that cannot hold briefings: the top folder of the computer, and the project's
 * `cycles/` folder or any folder inside it, where briefings would be read as records and make the project invalid.
 * A file in the way is refused when writing (`writeBriefings`).
 */
export function checkOutputFolder(root: string, outDir: string, shown: (absolute: string) => string): void {
  const real = realPathOf(outDir);
  if (path.parse(real).root === real) {
    throw usageError(
      `--out ${shown(outDir)} is the top folder of the computer; sipp will not write briefings there.`,
      'Choose a folder of its own, for example --out briefings or --out ~/meeting-briefings.',
    );
  }
  const cycles = realPathOf(path.join(root, CYCLES_DIR));
  if (real === cycles || real.startsWith(cycles + path.sep)) {
    throw usageError(
      `--out ${shown(outDir)} is inside the project's ${CYCLES_DIR}/ folder, which holds the records: briefings there would be read as records.`,
      'Leave out --out to use briefings/, or choose a folder outside cycles/.',
    );
  }
}

/** Enough of a file to see its first line. */
const HEAD_BYTES = 512;
const PARALLEL_WRITES = 16;

/**
 * Writes every briefing atomically, after checking all of them first: if any target is a folder or a file sipp
 * did not write (its first line is not sipp's marker), nothing is written at all. Returns the absolute paths.
 * Nothing is written through a link that leads out of `within`: the project, when the folder is inside it.
 */
export async function writeBriefings(
  outDir: string,
  files: readonly { file: string; text: string }[],
  shown: (absolute: string) => string,
  within: string = outDir,
): Promise<string[]> {
  const writer = openBriefingWriter(outDir, shown, within);
  writer.check(files.map((f) => f.file));
  await writer.write(files);
  return writer.finish();
}

/** Writes briefings a few at a time as they are made, after checking all their names first (`check`). */
export interface BriefingWriter {
  /**
   * Refuses (exit 1) before anything is written when a file to be written (by name, in the output folder) is a
   * folder or a file sipp did not write, or the output folder is a file. Clears what an interrupted run left.
   */
  check(files: readonly string[]): void;
  /** Writes files named in `check`, each atomically. A failure (a full disk) removes a folder this run made, if empty. */
  write(files: readonly { file: string; text: string }[]): Promise<void>;
  /** After the last write: removes the charts sipp drew before that were not drawn again; returns every path written. */
  finish(): string[];
}

export function openBriefingWriter(
  outDir: string,
  shown: (absolute: string) => string,
  within: string = outDir,
): BriefingWriter {
  const made = !existsSync(outDir);
  const written: string[] = [];
  let checked = new Set<string>();
  return {
    check(files) {
      if (existsSync(outDir) && !statSync(outDir).isDirectory()) {
        throw refusal(
          `${shown(outDir)} is a file, not a folder, so the briefings cannot go there. Nothing was written.`,
          {
            hint: 'Choose another folder with --out <folder>.',
          },
        );
      }
      const targets = files.map((f) => path.join(outDir, f));
      // What an interrupted run left behind here (temporary files), before anything is checked or written.
      for (const dir of new Set([outDir, ...targets.map((t) => path.dirname(t))])) removeDebrisIn(dir);
      const foreign = targets.filter((t) => existsSync(t) && !isSippBriefing(t));
      if (foreign.length > 0) {
        const names = foreign.map((t) => shown(t));
        throw refusal(
          `${names.join(', ')} ${names.length === 1 ? 'was' : 'were'} not written by sipp, so sipp will not replace ${names.length === 1 ? 'it' : 'them'}. Nothing was written.`,
          { hint: 'Move or rename the file, or write the briefings to another folder with --out <folder>.' },
        );
      }
      checked = new Set(files);
    },
    async write(files) {
      const unchecked = files.filter((f) => !checked.has(f.file));
      if (unchecked.length > 0)
        throw new Error(`Briefing files not checked before writing: ${unchecked.map((f) => f.file).join(', ')}`);
      const targets = files.map((f) => ({ ...f, absolute: path.join(outDir, f.file) }));
      // A few at a time: each atomic write waits on the disk, and a large project has a thousand briefings.
      try {
        for (let i = 0; i < targets.length; i += PARALLEL_WRITES) {
          // Settled, not raced: every write of the batch has finished (or failed) before any clean-up starts.
          const batch = await Promise.allSettled(
            targets.slice(i, i + PARALLEL_WRITES).map((t) => writeAtomic(within, t.absolute, t.text)),
          );
          const failed = batch.find((r): r is PromiseRejectedResult => r.status === 'rejected');
          if (failed) throw failed.reason;
        }
      } catch (e) {
        // A folder this run made and could not fill (a full disk) goes again; briefings already written are whole.
        if (made) removeEmptyFolders(outDir);
        throw e;
      }
      written.push(...targets.map((t) => t.absolute));
    },
    finish() {
      removeStaleCharts(written);
      return [...written];
    },
  };
}

/**
 * A Markdown briefing's charts live in `<briefing>.charts/`. A chart sipp drew last time for a measure that has
 * gone would linger there and mislead: remove the files sipp wrote there before and did not write now (a file
 * someone else put there stays).
 */
function removeStaleCharts(written: readonly string[]): void {
  const current = new Set(written);
  const chartDirs = new Set(
    written.filter((f) => f.endsWith('.md')).map((f) => chartFolder(f.slice(0, -'.md'.length))),
  );
  for (const dir of chartDirs) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) continue;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isFile() && !current.has(file) && isSippBriefing(file)) rmSync(file);
    }
    if (readdirSync(dir).length === 0) rmdirSync(dir);
  }
}

/** Removes `dir` and the folders in it when they hold no file. */
function removeEmptyFolders(dir: string): void {
  try {
    for (const entry of readdirSync(dir, { withFileTypes: true }))
      if (entry.isDirectory()) removeEmptyFolders(path.join(dir, entry.name));
    if (readdirSync(dir).length === 0) rmdirSync(dir);
  } catch {
    // Left as it is: the fault being reported matters more.
  }
}

export function isSippBriefing(absolute: string): boolean {
  if (statSync(absolute).isDirectory()) return false;
  const fd = openSync(absolute, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const read = readSync(fd, buffer, 0, HEAD_BYTES, 0);
    return isGeneratedBriefing(buffer.subarray(0, read).toString('utf8'));
  } finally {
    closeSync(fd);
  }
}
