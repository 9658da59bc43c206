// Remembering what reading and checking each file found, keyed by its exact text, so that `sipp validate` on a
// large project parses only the files that changed since the last run. (yaml parses a few MB a second; 500
// cycles of the example are 10 MB.) Kept outside the project, in the user's cache folder: a folder per project,
// a file per cycle folder, so that a run reads and writes only what it needs, and a project checked a cycle at a
// time (src/project/check.ts) holds one cycle's entries at a time.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import type { Problem } from '../core/problems.js';
import { knownSource, type SourceFile } from '../core/records/source.js';
import type { CycleMemo, SchemaMemo } from '../core/validate/index.js';
import { packageVersion } from './assets.js';
import { codeFingerprint } from './code-fingerprint.js';
import type { SchemaSet } from '../core/validate/validator.js';

export interface FileCache {
  /** The file as read before, when its text is unchanged. */
  source(relative: string, text: string): SourceFile | undefined;
  /** Remembers a file just read, if its data survives JSON unchanged. */
  remember(source: SourceFile): void;
  /** Schema problems, computed once per text of a file (for validateProject). */
  schemaMemo: SchemaMemo;
  /** A whole cycle's problems, computed once per text of its records and of what else they depend on. */
  cycleMemo: CycleMemo;
  /**
   * Writes what was learned about the files of one cycle folder (`cycles/NN-slug`) and lets them go: called when
   * the cycle has been checked, by a run that checks one cycle at a time.
   */
  settle(dir: string): void;
  /**
   * Writes what is left, and forgets the cycle folders not seen in this run (renamed, deleted). Failure to write
   * is not an error.
   */
  save(): void;
}

interface Entry {
  hash: string;
  data: unknown;
  problems: Problem[];
  schema?: { file: string; problems: Problem[] };
}

/** A cycle's problems, and the key of everything they were found from. */
interface CycleEntry {
  key: string;
  problems: Problem[];
}

/** One file of the cache: the entries of one cycle folder's files, or of the files outside cycles (sipp.yaml). */
interface ShardFile {
  fingerprint: string;
  files: Record<string, Entry>;
  cycle?: CycleEntry;
}

/** The entries of one shard, as read from its file and as met in this run. */
interface Shard {
  before: ReadonlyMap<string, Entry>;
  now: Map<string, Entry>;
  /** The cycle's problems as remembered, and as found in this run. */
  cycleBefore: CycleEntry | undefined;
  cycleNow: CycleEntry | undefined;
  /** The text each entry of this run was made from, so that it is hashed once. */
  texts: Map<string, string>;
  changed: boolean;
}

/** Smaller projects parse in well under 100 ms: for them a cache would only be one more file to write. */
export const CACHE_MIN_CYCLES = 20;

/** Bumped when the cache's layout changes. */
const FORMAT = 2;

/** The cache of one project, or undefined when caching is off (`SIPP_NO_CACHE=1`) or there is nowhere to keep it. */
export function openFileCache(
  root: string,
  schemas: SchemaSet,
  env: NodeJS.ProcessEnv = process.env,
): FileCache | undefined {
  if (env.SIPP_NO_CACHE === '1') return undefined;
  const dir = cacheDir(env);
  if (!dir) return undefined;
  const folder = path.join(dir, 'projects', sha1(path.resolve(root)).slice(0, 20));
  const fingerprint = sha1(`${FORMAT}\n${packageVersion()}\n${codeFingerprint()}\n${JSON.stringify([...schemas])}`);
  return createFileCache(folder, fingerprint);
}

export function cacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.SIPP_CACHE_DIR) return env.SIPP_CACHE_DIR;
  const base = env.XDG_CACHE_HOME || (homedir() ? path.join(homedir(), '.cache') : '');
  return base ? path.join(base, 'sipp') : undefined;
}

/** The shard a file belongs to: its cycle folder (`cycles/NN-slug`), or '' for a file outside the cycles. */
function shardOf(relative: string): string {
  const parts = relative.split('/');
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : '';
}

/** A shard's file name: a hash, as folder names may hold anything a file name cannot. */
function shardFileName(shard: string): string {
  return `${sha1(shard).slice(0, 20)}.json`;
}

function readShardFile(file: string, fingerprint: string): { files: Map<string, Entry>; cycle?: CycleEntry } {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as ShardFile;
    if (parsed.fingerprint !== fingerprint || typeof parsed.files !== 'object' || parsed.files === null)
      return { files: new Map() };
    const cycle = parsed.cycle;
    const usable = typeof cycle?.key === 'string' && Array.isArray(cycle.problems);
    return { files: new Map(Object.entries(parsed.files)), ...(usable ? { cycle } : {}) };
  } catch {
    return { files: new Map() };
  }
}

function createFileCache(folder: string, fingerprint: string): FileCache {
  const shards = new Map<string, Shard>();
  /** Shards met in this run, settled or not: the others are forgotten by `save`. */
  const seen = new Set<string>();
  let broken = false;
  /** The shard of a cycle folder (`cycles/NN-slug`), or '' for the files outside the cycles. */
  const shardAt = (key: string): Shard => {
    let shard = shards.get(key);
    if (!shard) {
      // A shard settled earlier in the run and met again starts from its file, which holds what it learned.
      const read = readShardFile(path.join(folder, shardFileName(key)), fingerprint);
      shard = {
        before: read.files,
        now: new Map(),
        cycleBefore: read.cycle,
        cycleNow: undefined,
        texts: new Map(),
        changed: false,
      };
      shards.set(key, shard);
      seen.add(key);
    }
    return shard;
  };
  const shardFor = (relative: string): Shard => shardAt(shardOf(relative));
  const entryFor = (source: Pick<SourceFile, 'file' | 'text'>): Entry | undefined => {
    const shard = shardFor(source.file);
    return shard.texts.get(source.file) === source.text ? shard.now.get(source.file) : undefined;
  };
  const write = (key: string, shard: Shard): void => {
    if (broken || (!shard.changed && shard.now.size === shard.before.size)) return;
    try {
      mkdirSync(folder, { recursive: true });
      const file = path.join(folder, shardFileName(key));
      const temporary = `${file}.${process.pid}.tmp`;
      const cycle = shard.cycleNow ?? shard.cycleBefore;
      const content: ShardFile = { fingerprint, files: Object.fromEntries(shard.now), ...(cycle ? { cycle } : {}) };
      writeFileSync(temporary, JSON.stringify(content));
      renameSync(temporary, file);
    } catch {
      // A cache that cannot be written only makes the next run slower.
      broken = true;
    }
  };
  return {
    source(relative, text) {
      const shard = shardFor(relative);
      const entry = shard.before.get(relative);
      if (!entry || entry.hash !== sha1(text)) return undefined;
      shard.now.set(relative, entry);
      shard.texts.set(relative, text);
      return knownSource(relative, text, entry.data, entry.problems);
    },
    remember(source) {
      if (!isJsonSafe(source.data)) return;
      const shard = shardFor(source.file);
      shard.now.set(source.file, { hash: sha1(source.text), data: source.data, problems: source.problems });
      shard.texts.set(source.file, source.text);
      shard.changed = true;
    },
    schemaMemo(source, schemaFile, compute) {
      const entry = entryFor(source);
      if (entry?.schema?.file === schemaFile) return entry.schema.problems;
      const problems = compute();
      if (entry) {
        entry.schema = { file: schemaFile, problems };
        shardFor(source.file).changed = true;
      }
      return problems;
    },
    cycleMemo(cycle, inputs, compute) {
      const shard = shardAt(cycle.dir);
      const parts = [inputs];
      for (const [name, file] of cycle.records) parts.push(`${name}:${entryFor(file)?.hash ?? sha1(file.text)}`);
      const key = sha1(parts.join('\0'));
      if (shard.cycleBefore?.key === key) {
        shard.cycleNow = shard.cycleBefore;
        return shard.cycleBefore.problems;
      }
      const problems = compute();
      shard.cycleNow = { key, problems };
      shard.changed = true;
      return problems;
    },
    settle(dir) {
      const shard = shards.get(dir);
      if (!shard) return;
      write(dir, shard);
      shards.delete(dir);
    },
    save() {
      for (const [key, shard] of shards) write(key, shard);
      shards.clear();
      if (broken) return;
      try {
        const kept = new Set([...seen].map(shardFileName));
        for (const name of readdirSync(folder)) if (!kept.has(name)) rmSync(path.join(folder, name), { force: true });
        // Marks the project as used, for the pruning of other projects' caches, even when nothing was written.
        const now = new Date();
        utimesSync(folder, now, now);
        pruneOtherProjects(folder);
      } catch {
        // As above: a cache left untidy only takes some room.
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
  // Folders, and the single files an older sipp kept per project.
  const others = readdirSync(dir)
    .map((name) => path.join(dir, name))
    .filter((f) => f !== kept)
    .map((f) => ({ f, used: statSync(f).mtimeMs }))
    .sort((a, b) => b.used - a.used);
  others.forEach(({ f, used }, i) => {
    if (i >= KEEP_PROJECTS - 1 || used < cutoff) rmSync(f, { recursive: true, force: true });
  });
}

function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
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
