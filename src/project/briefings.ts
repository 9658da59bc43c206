// Writing briefings into the output folder: replacing briefings sipp wrote before, never a file it did not.
import { closeSync, existsSync, openSync, readSync, readdirSync, rmSync, rmdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { refusal } from '../core/problems.js';
import { isGeneratedBriefing } from '../core/render/index.js';
import { chartFolder } from '../core/render/chart-views.js';
import { writeAtomic } from './write.js';

/** Enough of a file to see its first line. */
const HEAD_BYTES = 512;
const PARALLEL_WRITES = 16;

/**
 * Writes every briefing atomically, after checking all of them first: if any target is a folder or a file sipp
 * did not write (its first line is not sipp's marker), nothing is written at all. Returns the absolute paths.
 */
export async function writeBriefings(
  outDir: string,
  files: readonly { file: string; text: string }[],
  shown: (absolute: string) => string,
): Promise<string[]> {
  if (existsSync(outDir) && !statSync(outDir).isDirectory()) {
    throw refusal(`${shown(outDir)} is a file, not a folder, so the briefings cannot go there. Nothing was written.`, {
      hint: 'Choose another folder with --out <folder>.',
    });
  }
  const targets = files.map((f) => ({ ...f, absolute: path.join(outDir, f.file) }));
  const foreign = targets.filter((t) => existsSync(t.absolute) && !isSippBriefing(t.absolute));
  if (foreign.length > 0) {
    const names = foreign.map((t) => shown(t.absolute));
    throw refusal(
      `${names.join(', ')} ${names.length === 1 ? 'was' : 'were'} not written by sipp, so sipp will not replace ${names.length === 1 ? 'it' : 'them'}. Nothing was written.`,
      { hint: 'Move or rename the file, or write the briefings to another folder with --out <folder>.' },
    );
  }
  // A few at a time: each atomic write waits on the disk, and a large project has a thousand briefings.
  for (let i = 0; i < targets.length; i += PARALLEL_WRITES) {
    await Promise.all(targets.slice(i, i + PARALLEL_WRITES).map((t) => writeAtomic(t.absolute, t.text)));
  }
  removeStaleCharts(targets.map((t) => t.absolute));
  return targets.map((t) => t.absolute);
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

function isSippBriefing(absolute: string): boolean {
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
