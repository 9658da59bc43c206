// Remembering what reading and checking each file found, keyed by its exact text, so that `sipp validate` on a
// large project parses only the files that changed since the last run. (yaml parses a few MB a second; 500
// cycles of the example are 10 MB.) Kept outside the project, in the user's cache folder, one file per project.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Problem } from '../core/problems.js';
import { knownSource, type SourceFile } from '../core/records/source.js';
import type { SchemaMemo } from '../core/validate/index.js';
import { packageVersion } from './assets.js';
import type { SchemaSet } from '../core/validate/validator.js';

export interface FileCache {
  /** The file as read before, when its text is unchanged. */
  source(relative: string, text: string): SourceFile | undefined;
  /** Remembers a file just read, if its data survives JSON unchanged. */
  remember(source: SourceFile): void;
  /** Schema problems, computed once per text of a file (for validateProject). */
  schemaMemo: SchemaMemo;
  /** Writes the cache, keeping only the files seen in this run. Failure to write is not an error. */
  save(): void;
}

interface Entry {
  hash: string;
  data: unknown;
  problems: Problem[];
  schema?: { file: string; problems: Problem[] };
}

interface CacheFile {
  fingerprint: string;
  files: Record<string, Entry>;
}

/** Smaller projects parse in well under 100 ms: for them a cache would only be one more file to write. */
export const CACHE_MIN_CYCLES = 20;

/** Bumped when the cache's layout changes. */
const FORMAT = 1;

/** The cache of one project, or undefined when caching is off (`SIPP_NO_CACHE=1`) or there is nowhere to keep it. */
export function openFileCache(
  root: string,
  schemas: SchemaSet,
  env: NodeJS.ProcessEnv = process.env,
): FileCache | undefined {
  if (env.SIPP_NO_CACHE === '1') return undefined;
  const dir = cacheDir(env);
  if (!dir) return undefined;
  const file = path.join(dir, 'projects', `${sha1(path.resolve(root)).slice(0, 20)}.json`);
  const fingerprint = sha1(`${FORMAT}\n${packageVersion()}\n${codeFingerprint()}\n${JSON.stringify([...schemas])}`);
  return createFileCache(file, fingerprint, readCacheFile(file, fingerprint));
}

export function cacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.SIPP_CACHE_DIR) return env.SIPP_CACHE_DIR;
  const base = env.XDG_CACHE_HOME || (homedir() ? path.join(homedir(), '.cache') : '');
  return base ? path.join(base, 'sipp') : undefined;
}

function readCacheFile(file: string, fingerprint: string): Map<string, Entry> {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
    if (parsed.fingerprint !== fingerprint || typeof parsed.files !== 'object' || parsed.files === null)
      return new Map();
    return new Map(Object.entries(parsed.files));
  } catch {
    return new Map();
  }
}

function createFileCache(file: string, fingerprint: string, before: ReadonlyMap<string, Entry>): FileCache {
  const now = new Map<string, Entry>();
  /** The text each entry of this run was made from, so that it is hashed once. */
  const texts = new Map<string, string>();
  let changed = false;
  const entryFor = (source: SourceFile): Entry | undefined =>
    texts.get(source.file) === source.text ? now.get(source.file) : undefined;
  return {
    source(relative, text) {
      const entry = before.get(relative);
      if (!entry || entry.hash !== sha1(text)) return undefined;
      now.set(relative, entry);
      texts.set(relative, text);
      return knownSource(relative, text, entry.data, entry.problems);
    },
    remember(source) {
      if (!isJsonSafe(source.data)) return;
      now.set(source.file, { hash: sha1(source.text), data: source.data, problems: source.problems });
      texts.set(source.file, source.text);
      changed = true;
    },
    schemaMemo(source, schemaFile, compute) {
      const entry = entryFor(source);
      if (entry?.schema?.file === schemaFile) return entry.schema.problems;
      const problems = compute();
      if (entry) {
        entry.schema = { file: schemaFile, problems };
        changed = true;
      }
      return problems;
    },
    save() {
      if (!changed && now.size === before.size) return;
      try {
        mkdirSync(path.dirname(file), { recursive: true });
        const temporary = `${file}.${process.pid}.tmp`;
        writeFileSync(temporary, JSON.stringify({ fingerprint, files: Object.fromEntries(now) } satisfies CacheFile));
        renameSync(temporary, file);
        pruneOtherProjects(file);
      } catch {
        // A cache that cannot be written only makes the next run slower.
      }
    },
  };
}

/** Caches of other projects kept: the most recently used ones, none unused for a month. */
const KEEP_PROJECTS = 10;
const KEEP_DAYS = 30;

/** Forgets projects not validated for a while (moved, deleted, or temporary ones such as the benchmark's). */
function pruneOtherProjects(kept: string): void {
  const dir = path.dirname(kept);
  const cutoff = Date.now() - KEEP_DAYS * 24 * 60 * 60 * 1000;
  const others = readdirSync(dir)
    .map((name) => path.join(dir, name))
    .filter((f) => f !== kept && f.endsWith('.json'))
    .map((f) => ({ f, used: statSync(f).mtimeMs }))
    .sort((a, b) => b.used - a.used);
  others.forEach(({ f, used }, i) => {
    if (i >= KEEP_PROJECTS - 1 || used < cutoff) rmSync(f, { force: true });
  });
}

function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** The modules whose output the cache holds: parsing, reading, and the schema messages. */
const CACHED_CODE = [
  'core/records/source',
  'core/records/yaml-errors',
  'core/validate/schema-problems',
  'core/validate/messages',
  'core/validate/describe',
  'core/validate/suggest',
  'core/validate/validator',
  'project/read',
  'project/file-cache',
];

/**
 * A change to the code that made the cached results (a new sipp, or a developer's rebuild) must not show
 * messages remembered from the old code: sizes and modification times of those modules are part of the key.
 */
function codeFingerprint(): string {
  const self = fileURLToPath(import.meta.url);
  const root = path.join(path.dirname(self), '..');
  const extension = path.extname(self);
  return CACHED_CODE.map((name) => {
    try {
      const stat = statSync(path.join(root, `${name}${extension}`));
      return `${name}:${stat.size}:${stat.mtimeMs}`;
    } catch {
      return `${name}:missing`;
    }
  }).join('\n');
}

/** Data that JSON keeps as it is: no infinities or NaN (JSON writes them as null) and no cycles (aliases). */
function isJsonSafe(data: unknown): boolean {
  const stack: unknown[] = [data];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'number' && !Number.isFinite(value)) return false;
    if (value !== null && typeof value === 'object') {
      if (seen.has(value)) return false;
      seen.add(value);
      stack.push(...Object.values(value));
    }
  }
  return true;
}
