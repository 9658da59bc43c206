// Keeping the raw class table safe: a copy in data/private/<cycle>/ (which Git ignores), never overwriting an
// earlier import, and writing the copy, .gitignore and measures.yaml as one step that is undone if it fails.
import { existsSync, readFileSync, rmSync, rmdirSync } from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { PRIVATE_DATA_DIR } from '../core/records/model.js';
import { writeAtomic } from './write.js';

export interface PrivateCopy {
  /** Relative to the project root, with forward slashes. */
  relative: string;
  /** An identical file is already there (the same table imported again): nothing new to write. */
  alreadyThere: boolean;
}

/**
 * Where the raw table goes: `data/private/<cycle folder>/<measure>.<ext>`, or `<measure>-2.<ext>`, `-3`… when
 * an earlier, different import of the same measure is there, so that no import is ever lost.
 */
export function privateCopyFor(
  root: string,
  cycleFolder: string,
  measure: string,
  ext: string,
  bytes: Buffer,
): PrivateCopy {
  for (let i = 1; ; i += 1) {
    const relative = `${PRIVATE_DATA_DIR}/${cycleFolder}/${measure}${i === 1 ? '' : `-${i}`}.${ext}`;
    const absolute = path.join(root, relative);
    if (!existsSync(absolute)) return { relative, alreadyThere: false };
    if (readFileSync(absolute).equals(bytes)) return { relative, alreadyThere: true };
  }
}

/** The lines `sipp init` writes, so that every project keeps the folder's README but none of its data. */
export const PRIVATE_IGNORE_LINES = [
  "# Pupil-level data never goes into Git. Only the folder's README (and its own .gitignore) are kept,",
  '# so that every copy of the project has the folder and explains it.',
  `/${PRIVATE_DATA_DIR}/*`,
  `!/${PRIVATE_DATA_DIR}/README.md`,
  `!/${PRIVATE_DATA_DIR}/.gitignore`,
];

export interface GitignoreChange {
  /** The .gitignore text before (null when there was none). */
  before: string | null;
  after: string;
}

/**
 * The change .gitignore needs so Git ignores data/private/, or null when it already does: through a line of
 * the project's .gitignore (`/data/private/*`, `data/private/`, `/data/`…) or a `*` in data/private/.gitignore.
 */
export function gitignoreChange(root: string): GitignoreChange | null {
  const file = path.join(root, '.gitignore');
  const before = existsSync(file) ? readFileSync(file, 'utf8') : null;
  const inner = path.join(root, PRIVATE_DATA_DIR, '.gitignore');
  if (existsSync(inner) && linesOf(readFileSync(inner, 'utf8')).some((l) => l === '*' || l === '/*' || l === '**'))
    return null;
  if (before !== null && linesOf(before).some(coversPrivateData)) return null;
  // Added at the end, in the file's own line endings, leaving every line above as it was.
  const base = before ?? '';
  const eol = base.includes('\r\n') ? '\r\n' : '\n';
  const separator = base === '' || base.endsWith('\n') ? '' : eol;
  return { before, after: base + separator + PRIVATE_IGNORE_LINES.join(eol) + eol };
}

function linesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#') && !l.startsWith('!'));
}

function coversPrivateData(line: string): boolean {
  const pattern = line.replace(/^\//, '').replace(/\/(?:\*\*?)?$/, '');
  return pattern === 'data' || pattern === PRIVATE_DATA_DIR;
}

export interface ImportWrites {
  gitignore: GitignoreChange | null;
  copy: { relative: string; bytes: Buffer } | null;
  measures: { relative: string; text: string };
}

/**
 * Writes .gitignore first (so the copy is never un-ignored, even for a moment), then the private copy,
 * then measures.yaml, each atomically. If a later write fails, the earlier ones are undone.
 */
export async function writeImport(root: string, writes: ImportWrites): Promise<void> {
  const undo: Array<() => void> = [];
  try {
    if (writes.gitignore) {
      const file = path.join(root, '.gitignore');
      const { before } = writes.gitignore;
      await writeAtomic(root, file, writes.gitignore.after);
      undo.push(() => (before === null ? rmSync(file, { force: true }) : void writeFileAtomic.sync(file, before)));
    }
    if (writes.copy) {
      const file = path.join(root, writes.copy.relative);
      const madeDirs = missingDirs(root, path.dirname(file));
      undo.push(() => {
        rmSync(file, { force: true });
        for (const dir of madeDirs) rmdirSync(dir);
      });
      // Readable by the owner only: the table holds pupil-level data.
      await writeAtomic(root, file, writes.copy.bytes, 0o600);
    }
    await writeAtomic(root, path.join(root, writes.measures.relative), writes.measures.text);
  } catch (e) {
    for (const step of undo.reverse()) {
      try {
        step();
      } catch {
        // Undo as much as can be undone; the first error is the one to report.
      }
    }
    throw e;
  }
}

/** The folders from `dir` up to (not including) `root` that do not exist yet, deepest first. */
function missingDirs(root: string, dir: string): string[] {
  const dirs: string[] = [];
  for (let d = dir; d.startsWith(root) && d !== root && !existsSync(d); d = path.dirname(d)) dirs.push(d);
  return dirs;
}
