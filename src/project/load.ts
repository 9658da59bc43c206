// Loading a project from disk: sipp.yaml and every cycle folder's records, with source positions.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { CORE_RECORDS, CYCLES_DIR, CYCLE_FOLDER, PROJECT_FILE, recordFile } from '../core/records/model.js';
import type { CycleSource, ProjectSource } from '../core/records/model.js';
import type { SourceFile } from '../core/records/source.js';
import type { Problem } from '../core/problems.js';
import { findMethod } from '../methods/registry.js';
import type { FileCache } from './file-cache.js';
import { readSourceFile } from './read.js';

export interface LoadOptions {
  /** Files unchanged since the last run are taken from here instead of parsed (src/project/file-cache.ts). */
  cache?: FileCache;
}

export function loadProject(root: string, options: LoadOptions = {}): ProjectSource {
  const project = readSourceFile(path.join(root, PROJECT_FILE), PROJECT_FILE, options.cache);
  const problems: Problem[] = [];
  const cycles = listCycleFolders(root).map((folder) => loadCycle(root, folder, projectMethod(project), problems, options.cache));
  return { project, cycles, problems };
}

/** Cycle folders in `cycles/`, sorted by name (and so by number). */
export function listCycleFolders(root: string): string[] {
  const dir = path.join(root, CYCLES_DIR);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b, 'en'));
}

function projectMethod(project: SourceFile): string {
  const data = project.data as { method?: unknown } | undefined;
  return typeof data?.method === 'string' ? data.method : 'car';
}

/** The method a cycle uses: the one its question.yaml names, or the project's. */
export function cycleMethodOf(records: ReadonlyMap<string, SourceFile>, fallback: string): string {
  const data = records.get('question')?.data as { method?: unknown } | undefined;
  return typeof data?.method === 'string' ? data.method : fallback;
}

function loadCycle(root: string, folder: string, fallbackMethod: string, problems: Problem[], cache: FileCache | undefined): CycleSource {
  const dir = `${CYCLES_DIR}/${folder}`;
  const match = CYCLE_FOLDER.exec(folder);
  const records = new Map<string, SourceFile>();
  const read = (name: string): void => {
    const relative = `${dir}/${recordFile(name)}`;
    const absolute = path.join(root, relative);
    if (!existsSync(absolute)) {
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
    records.set(name, readSourceFile(absolute, relative, cache));
  };
  for (const name of CORE_RECORDS) read(name);
  const method = findMethod(cycleMethodOf(records, fallbackMethod));
  for (const extra of method?.extraRecords ?? []) read(extra.name);
  return {
    folder,
    dir,
    number: match ? Number(match[1]) : null,
    slug: match?.[2] ?? folder,
    records,
  };
}
