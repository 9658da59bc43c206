// Re-rendering only what changed (issue 10, section 5): each cycle's briefing files are remembered with a key, a hash
// of everything they are made from (sipp's version and rendering code, the templates, sipp.yaml, the cycle's records
// and the options), in sipp's cache folder (never in the project or the briefings folder). A cycle whose key is the
// same and whose files are all still there, written by sipp, is not rendered again. Only for big projects (as the
// parse cache): below CACHE_MIN_CYCLES cycles rendering everything is quick.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { TemplateSet } from '../core/render/index.js';
import type { OverviewPart } from '../core/render/overview.js';
import { packageVersion } from './assets.js';
import { codeFingerprint } from './code-fingerprint.js';
import { isSippBriefing } from './briefings.js';
import { CACHE_MIN_CYCLES, cacheDir } from './file-cache.js';
import { writeAtomic } from './write.js';

/** What a cycle's key stands for: the files rendered from it, and the cycle's part of the overview. */
export interface BriefEntry {
  key: string;
  files: string[];
  /** Absent when it would not come back from JSON exactly as it was (and so is worked out on every run). */
  part?: OverviewPart;
}

interface Manifest {
  cycles: Record<string, BriefEntry>;
}

export interface BriefCache {
  /** The key of a cycle's briefings from its inputs. */
  keyOf(parts: readonly string[]): string;
  /** True when the cycle's files were made from this key and are all still there, as sipp wrote them. */
  unchanged(folder: string, key: string): boolean;
  /** The cycle's overview part an earlier run worked out from this key, if it kept it. */
  part(folder: string, key: string): OverviewPart | undefined;
  /**
   * Remembers what this run rendered, and the overview parts it worked out for cycles it did not render again
   * (given without `files`: their files stay as remembered), keeping the rest as it was; then saves.
   */
  save(rendered: ReadonlyMap<string, Omit<BriefEntry, 'files'> & { files?: string[] }>): Promise<void>;
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
      codeFingerprint(),
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
    part(folder, key) {
      const entry = before.cycles?.[folder];
      return entry?.key === key ? entry.part : undefined;
    },
    async save(rendered) {
      const kept = [...rendered].map(([folder, { key, files, part }]): [string, BriefEntry] => {
        const entry: BriefEntry = { key, files: files ?? before.cycles?.[folder]?.files ?? [] };
        return [folder, part !== undefined && survivesJson(part) ? { ...entry, part } : entry];
      });
      const cycles = { ...(before.cycles ?? {}), ...Object.fromEntries(kept) };
      try {
        await writeAtomic(dir, file, JSON.stringify({ cycles }));
      } catch {
        // A cache that cannot be saved costs time on the next run, nothing else.
      }
    },
  };
}

/**
 * Whether JSON gives `value` back as it is: no infinities, NaN or -0 (JSON changes them), no `undefined` (left
 * out, or null in a list), no circular objects, only plain objects and arrays. (An object used in two places comes
 * back as two equal copies, which renders the same.) A part that would come back different is not kept, so a
 * remembered part always renders the same briefing as a fresh one.
 */
export function survivesJson(value: unknown, within: Set<object> = new Set()): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0);
    case 'object': {
      if (value === null) return true;
      if (within.has(value)) return false;
      if (!Array.isArray(value) && Object.getPrototypeOf(value) !== Object.prototype) return false;
      within.add(value);
      const ok = Object.values(value).every((v) => survivesJson(v, within));
      within.delete(value);
      return ok;
    }
    default:
      return false;
  }
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
