// Checking a project a cycle at a time, for `sipp validate`: each cycle is read, checked and let go before the
// next is read, so memory stays flat however many cycles there are (issue 10 §5: 5,000 cycles held at once took
// 340 MB). It finds exactly what `openProject` finds (src/core/validate/index.ts, `Validation`).
import { sortProblems, type Problem } from '../core/problems.js';
import type { CycleSource, ProjectSource } from '../core/records/model.js';
import { createValidation, type SchemaSet, type ValidateOptions } from '../core/validate/index.js';
import { findMethod } from '../methods/registry.js';
import { readSchemas } from './assets.js';
import { localToday } from './clock.js';
import { CACHE_MIN_CYCLES, openFileCache, type FileCache } from './file-cache.js';
import { requireProjectRoot } from './find-root.js';
import { lineDatesOfProject } from './git.js';
import { listCycleFolders, openProjectReader, withPlainEnvironment } from './load.js';

/**
 * Cycles read before they are checked. Reading one and checking it in turn was a tenth slower than reading a few
 * first (the parser's and the rules' code each stay warm); memory grows with this number, not with the project.
 */
const CYCLES_AT_ONCE = 16;

export interface CheckOptions {
  /** Remember parsed files and schema problems between runs on large projects (src/project/file-cache.ts). */
  cache?: boolean;
  /** Ask git when each prediction line was first committed, for the `prediction-first` warning. */
  lineDates?: boolean;
}

/** What both ways of checking a project (this one and `openProject`) start from: the schemas, the cache, the options. */
export interface CheckSetup {
  schemas: SchemaSet;
  /** The cache of checked files, for a project of CACHE_MIN_CYCLES cycles or more when asked for. */
  cache: FileCache | undefined;
  options: ValidateOptions;
}

export function checkSetup(root: string, options: CheckOptions): CheckSetup {
  const schemas = readSchemas();
  const cache =
    options.cache && listCycleFolders(root).length >= CACHE_MIN_CYCLES ? openFileCache(root, schemas) : undefined;
  return {
    schemas,
    cache,
    options: {
      findMethod,
      schemaMemo: cache?.schemaMemo,
      cycleMemo: cache?.cycleMemo,
      lineDates: options.lineDates ? lineDatesOfProject(root) : undefined,
      today: localToday(),
    },
  };
}

export interface CheckedProject {
  root: string;
  /** Every problem, sorted by file, line and column. */
  problems: Problem[];
  /** How many cycle folders, and records in them, were read. */
  cycles: number;
  records: number;
}

export function checkProject(cwd: string, options: CheckOptions = {}): CheckedProject {
  const root = requireProjectRoot(cwd);
  const { schemas, cache, options: validateOptions } = checkSetup(root, options);
  return withPlainEnvironment(() => {
    const reader = openProjectReader(root, { cache });
    const validation = createValidation(schemas, validateOptions);
    const skeletons: CycleSource[] = [];
    const source: ProjectSource = { project: reader.project, cycles: skeletons, problems: reader.problems };
    const problems = validation.project(source, reader.problems);
    let records = 0;
    for (let i = 0; i < reader.folders.length; i += CYCLES_AT_ONCE) {
      const read = reader.folders.slice(i, i + CYCLES_AT_ONCE).map((folder) => {
        const loaded: Problem[] = [];
        return { cycle: reader.cycle(folder, loaded), loaded };
      });
      for (const { cycle, loaded } of read) {
        problems.push(...validation.cycle(source, cycle, loaded));
        cache?.settle(cycle.dir);
        records += cycle.records.size;
        // Only the folder's name is needed from here on (the numbering rule): its records are let go.
        skeletons.push({ ...cycle, records: new Map() });
      }
    }
    problems.push(...validation.acrossCycles(source));
    cache?.save();
    return { root, problems: sortProblems(problems), cycles: skeletons.length, records };
  });
}
