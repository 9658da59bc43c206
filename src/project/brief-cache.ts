// Re-rendering only what changed (issue 10, section 5): each cycle's briefing files are remembered with a key, a hash
// of everything they are made from (sipp's version and rendering code, the templates, sipp.yaml, the cycle's records
// and the options), in sipp's cache folder (never in the project or the briefings folder). A cycle whose key is the
// same and whose files are all still there, written by sipp, is not rendered again. Only for big projects (as the
// parse cache): below CACHE_MIN_CYCLES cycles rendering everything is quick.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TemplateSet } from '../core/render/index.js';
import { packageVersion } from './assets.js';
import { isSippBriefing } from './briefings.js';
import { CACHE_MIN_CYCLES, cacheDir } from './file-cache.js';
import { writeAtomic } from './write.js';

interface Manifest {
  cycles: Record<string, { key: string; files: string[] }>;
}

export interface BriefCache {
  /** The key of a cycle's briefings from its inputs. */
  keyOf(parts: readonly string[]): string;
  /** True when the cycle's files were made from this key and are all still there, as sipp wrote them. */
  unchanged(folder: string, key: string): boolean;
  /** Remembers what this run rendered (and keeps what it did not need to), then saves. */
  save(rendered: ReadonlyMap<string, { key: string; files: string[] }>): Promise<void>;
}

export function openBriefCache(
  root: string,
  outDir: string,
  cycles: number,
  templates: TemplateSet,
  env: NodeJS.ProcessEnv = process.env,
): BriefCache | undefined {
  if (env.SIPP_NO_CACHE === '1' || cycles < CACHE_MIN_CYCLES) return undefined;
  const dir = cacheDir(env);
  if (!dir) return undefined;
  const file = path.join(
    dir,
    'briefings',
    `${hash(`${path.resolve(root)}\n${path.resolve(outDir)}`).slice(0, 20)}.json`,
  );
  const base = hash(
    [
      packageVersion(),
      renderingCode(),
      ...[...templates.templates, ...templates.partials].map(([n, t]) => `${n}\n${t.text}`),
    ].join('\0'),
  );
  let before: Manifest = { cycles: {} };
  try {
    before = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  } catch {
    // No manifest yet, or an unreadable one: everything is rendered.
  }
  return {
    keyOf: (parts) => hash([base, ...parts].join('\0')),
    unchanged(folder, key) {
      const entry = before.cycles?.[folder];
      return (
        entry !== undefined &&
        entry.key === key &&
        entry.files.length > 0 &&
        entry.files.every((f) => existsSync(path.join(outDir, f)) && isSippBriefing(path.join(outDir, f)))
      );
    },
    async save(rendered) {
      const cycles = { ...(before.cycles ?? {}), ...Object.fromEntries(rendered) };
      try {
        await writeAtomic(dir, file, JSON.stringify({ cycles }));
      } catch {
        // A cache that cannot be saved costs time on the next run, nothing else.
      }
    },
  };
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The built rendering code, by file sizes and times: a rebuilt sipp renders everything again. */
function renderingCode(): string {
  const dist = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
  const parts: string[] = [];
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        const s = statSync(full);
        parts.push(`${full}:${s.size}:${s.mtimeMs}`);
      }
    }
  };
  walk(path.join(dist, 'core'));
  walk(path.join(dist, 'methods'));
  return hash(parts.join('\n'));
}
