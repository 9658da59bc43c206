// Loading a project from disk: sipp.yaml and every cycle folder's records, with source positions.
import { lstatSync, readdirSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { CORE_RECORDS, CYCLES_DIR, CYCLE_FOLDER, PROJECT_FILE, recordFile } from '../core/records/model.js';
import type { CycleSource, ProjectSource } from '../core/records/model.js';
import type { SourceFile } from '../core/records/source.js';
import type { Problem } from '../core/problems.js';
import { findMethod } from '../methods/registry.js';
import type { FileCache } from './file-cache.js';
import { readSourceFile } from './read.js';
import { DEFAULT_METHOD } from '../core/records/settings.js';

export interface LoadOptions {
  /** Files unchanged since the last run are taken from here instead of parsed (src/project/file-cache.ts). */
  cache?: FileCache;
}

export function loadProject(root: string, options: LoadOptions = {}): ProjectSource {
  return withPlainEnvironment(() => {
    const reader = openProjectReader(root, options);
    const cycles = reader.folders.map((folder) => reader.cycle(folder, reader.problems));
    return { project: reader.project, cycles, problems: reader.problems };
  });
}

/** A project read a step at a time, so that a large one can be checked a cycle at a time (src/project/check.ts). */
export interface ProjectReader {
  /** sipp.yaml, read. */
  project: SourceFile;
  /** The cycle folders' names, sorted. */
  folders: string[];
  /** What stopped sipp from listing the cycle folders. */
  problems: Problem[];
  /** Reads one cycle folder's records; what stops a file or the folder from being read goes to `problems`. */
  cycle(folder: string, problems: Problem[]): CycleSource;
}

/** Reads sipp.yaml and lists the cycle folders; call inside `withPlainEnvironment`. */
export function openProjectReader(root: string, options: LoadOptions = {}): ProjectReader {
  const project = readSourceFile(path.join(root, PROJECT_FILE), PROJECT_FILE, options.cache);
  const problems: Problem[] = [];
  const folders = readCycleFolders(root, problems);
  const method = projectMethod(project);
  return {
    project,
    folders,
    problems,
    cycle: (folder, found) => loadCycle(root, folder, method, found, options.cache),
  };
}

/**
 * yaml's parser reads `process.env.LOG_TOKENS` once per token (yaml 2.x, dist/parse/parser.js), and on Node
 * every read of `process.env` calls into the operating system's environment: on 500 cycles that was 1.8
 * million reads and most of a second. Loading is synchronous, so a plain copy stands in while files are parsed.
 */
export function withPlainEnvironment<T>(load: () => T): T {
  const env = process.env;
  process.env = { ...env };
  try {
    return load();
  } finally {
    process.env = env;
  }
}

/** Cycle folders in `cycles/`, sorted by name (and so by number); none when the folder cannot be read. */
export function listCycleFolders(root: string): string[] {
  return readCycleFolders(root, []);
}

/**
 * Cycle folders in `cycles/`, sorted by name. What stops sipp from reading them (`cycles` is a file, a link
 * loop, a folder sipp may not open) is added to `problems`: a project whose cycles cannot be seen is not valid.
 */
function readCycleFolders(root: string, problems: Problem[]): string[] {
  const report = (file: string, message: string, rule: string): string[] => {
    problems.push({ file, line: 1, column: 1, message, rule, severity: 'error' });
    return [];
  };
  let entries: Dirent[];
  try {
    entries = readdirSync(path.join(root, CYCLES_DIR), { withFileTypes: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !lstatSync(path.join(root, CYCLES_DIR), { throwIfNoEntry: false })) return [];
    return report(CYCLES_DIR, folderMessage(`\`${CYCLES_DIR}\``, code), 'unreadable');
  }
  const folders: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    if (entry.isDirectory()) folders.push(entry.name);
    else if (entry.isSymbolicLink() && CYCLE_FOLDER.test(entry.name)) {
      // A cycle folder may be a link to a folder elsewhere; a link that leads nowhere is reported, not skipped.
      try {
        if (statSync(path.join(root, CYCLES_DIR, entry.name)).isDirectory()) folders.push(entry.name);
      } catch (e) {
        report(
          `${CYCLES_DIR}/${entry.name}`,
          folderMessage('this cycle folder', (e as NodeJS.ErrnoException).code),
          'unreadable',
        );
      }
    }
  }
  return folders.sort((a, b) => a.localeCompare(b, 'en'));
}

/** Why a folder (`what`: "`cycles`", "this cycle folder") could not be opened, in plain words. */
function folderMessage(what: string, code: string | undefined): string {
  const What = what.charAt(0).toUpperCase() + what.slice(1);
  switch (code) {
    case 'ENOTDIR':
      return `${What} should be a folder, but it is a file. Move the file elsewhere and restore the folder from Git.`;
    case 'EACCES':
    case 'EPERM':
      return `sipp is not allowed to open ${what}. Check its permissions.`;
    case 'ELOOP':
      return `${What} is a link (a symbolic link) that leads back to itself. Replace the link with the folder itself.`;
    case 'ENOENT':
      return `${What} is a link (a symbolic link) to a folder that does not exist. Replace the link with the folder itself.`;
    default:
      return `${What} could not be opened (${code ?? 'unknown error'}).`;
  }
}

function projectMethod(project: SourceFile): string {
  const data = project.data as { method?: unknown } | undefined;
  return typeof data?.method === 'string' ? data.method : DEFAULT_METHOD;
}

/** The method a cycle uses: the one its question.yaml names, or the project's. */
export function cycleMethodOf(records: ReadonlyMap<string, SourceFile>, fallback: string): string {
  const data = records.get('question')?.data as { method?: unknown } | undefined;
  return typeof data?.method === 'string' ? data.method : fallback;
}

function loadCycle(
  root: string,
  folder: string,
  fallbackMethod: string,
  problems: Problem[],
  cache: FileCache | undefined,
): CycleSource {
  const dir = `${CYCLES_DIR}/${folder}`;
  const match = CYCLE_FOLDER.exec(folder);
  const records = new Map<string, SourceFile>();
  const cycle: CycleSource = {
    folder,
    dir,
    number: match ? Number(match[1]) : null,
    slug: match?.[2] ?? folder,
    records,
  };
  let present: Set<string>;
  try {
    present = new Set(readdirSync(path.join(root, dir)));
  } catch (e) {
    // An unreadable folder would otherwise look like a cycle with all five records missing.
    const message = folderMessage('this cycle folder', (e as NodeJS.ErrnoException).code);
    problems.push({ file: dir, line: 1, column: 1, message, rule: 'unreadable', severity: 'error' });
    return cycle;
  }
  const read = (name: string): void => {
    const relative = `${dir}/${recordFile(name)}`;
    // A link that leads nowhere is listed too: reading it then says what is wrong with it.
    if (!present.has(recordFile(name))) {
      problems.push({
        file: relative,
        line: 1,
        column: 1,
        message: `This cycle has no ${recordFile(name)}. Restore it from Git, or copy it from another cycle and clear the answers.`,
        rule: 'missing-record',
        severity: 'error',
      });
      return;
    }
    records.set(name, readSourceFile(path.join(root, relative), relative, cache));
  };
  for (const name of CORE_RECORDS) read(name);
  const method = findMethod(cycleMethodOf(records, fallbackMethod));
  for (const extra of method?.extraRecords ?? []) read(extra.name);
  return cycle;
}
