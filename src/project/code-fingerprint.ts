// What the caches (src/project/file-cache.ts, brief-cache.ts) remember was made by sipp's code: a new sipp, or a
// developer's rebuild, must not show messages or briefings remembered from the old code. The built modules' sizes
// and modification times stand for the code, read once per run.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';

/** The folders of built code whose output is remembered: the core, the methods, and reading the project. */
const CODE_FOLDERS = ['core', 'methods', 'project'];

let known: string | undefined;

/** A hash of the sizes and modification times of every module sipp's caches depend on. */
export function codeFingerprint(): string {
  if (known !== undefined) return known;
  const built = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
  const parts: string[] = [];
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        const s = statSync(full);
        parts.push(`${path.relative(built, full)}:${s.size}:${s.mtimeMs}`);
      }
    }
  };
  for (const folder of CODE_FOLDERS) walk(path.join(built, folder));
  known = createHash('sha256').update(parts.join('\n')).digest('hex');
  return known;
}
