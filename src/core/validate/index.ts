// Validating a whole project: every file against its schema, then the rules that span records and each
// method's own rules. Pure: the project comes in already read (src/project/load.ts), problems go out.
import { sortProblems, type Problem } from '../problems.js';
import type { CycleSource, ProjectSource } from '../records/model.js';
import { allCycleData } from '../records/cycle-data.js';
import { schemaFileOf } from '../records/model.js';
import type { SourceFile } from '../records/source.js';
import { acrossCycleProblems, withinCycleProblems } from './cross-record.js';
import { createRuleContext } from './rules/context.js';
import { futureDateProblems } from './rules/future-dates.js';
import { methodRuleProblems, type MethodLookup } from './method-rules.js';
import {
  corePredictionPairs,
  predictionFirstByCommits,
  predictionFirstByRecords,
  type LineDates,
  type LineDatesFor,
} from './rules/prediction-first.js';
import { cutByCommentInFile } from './rules/cut-by-comment.js';
import { schemaProblems } from './schema-problems.js';
import { createSchemaValidator, type SchemaSet } from './validator.js';
import type { CycleData, PredictionPair } from '../method/contract.js';

export type { SchemaSet };
export type { MethodLookup };
export type { LineDates, LineDatesFor };

/** Returns a file's schema problems, from memory when its text was checked before, or by calling `compute`. */
export type SchemaMemo = (file: SourceFile, schemaFile: string, compute: () => Problem[]) => Problem[];

/**
 * Returns a cycle's problems from memory when its records' texts and `inputs` (what else they depend on: sipp.yaml,
 * today) are as when they were found, or by calling `compute`.
 */
export type CycleMemo = (cycle: CycleSource, inputs: string, compute: () => Problem[]) => Problem[];

export interface ValidateOptions {
  /** Finds a cycle's method, to run its rules (`findMethod` from src/methods/registry.ts). Without it, none run. */
  findMethod?: MethodLookup;
  /** Remembered schema problems (src/project/file-cache.ts); without it every file is checked. */
  schemaMemo?: SchemaMemo;
  /**
   * When each line of the given files was first committed (src/project/git.ts), for `prediction-first`: called
   * for each cycle whose records' own dates settle nothing, with the files holding its predictions and their data.
   */
  lineDates?: LineDatesFor;
  /** Today, YYYY-MM-DD, for the `future-date` warnings; without it, dates are not compared with today. */
  today?: string;
  /**
   * Remembered problems of whole cycles (src/project/file-cache.ts). Not used with `lineDates`, as what Git says
   * changes without the records changing.
   */
  cycleMemo?: CycleMemo;
}

/** Every problem in the project, sorted by file, line and column. Never throws on bad input. */
export function validateProject(source: ProjectSource, schemas: SchemaSet, options: ValidateOptions = {}): Problem[] {
  const validation = createValidation(schemas, options);
  const loaded = loadProblemsByCycle(source);
  const problems = validation.project(source, loaded.outside);
  for (const cycle of source.cycles) problems.push(...validation.cycle(source, cycle, loaded.of(cycle)));
  problems.push(...validation.acrossCycles(source));
  return sortProblems(problems);
}

/**
 * A project checked in steps, so that a large one can be read and checked a cycle at a time, each cycle let go
 * before the next is read (src/project/check.ts): sipp.yaml, each cycle, then what spans cycles. Together the
 * steps find exactly what `validateProject` finds (it is made of them); their problems come unsorted.
 */
export interface Validation {
  /** sipp.yaml's problems, with those found reading the project outside any cycle (`outside`). */
  project(source: ProjectSource, outside: readonly Problem[]): Problem[];
  /**
   * One cycle's problems: those found reading it (`loaded`), its schemas, the rules within a cycle and its
   * method's own rules. Of `source`, only sipp.yaml is read (for the settings the rules use).
   */
  cycle(source: ProjectSource, cycle: CycleSource, loaded: readonly Problem[]): Problem[];
  /**
   * The rules across cycles (the folders' numbering): call after every cycle. Of
   * `source.cycles`, only the folder names are read, so their records may have been let go.
   */
  acrossCycles(source: ProjectSource): Problem[];
}

export function createValidation(schemas: SchemaSet, options: ValidateOptions = {}): Validation {
  const validator = createSchemaValidator(schemas);
  const { findMethod, lineDates, today } = options;
  const pairsOf = (cycle: CycleData): PredictionPair[] =>
    (findMethod?.(cycle.method)?.predictions ?? corePredictionPairs)(cycle);
  const schemaOf = (file: SourceFile, schemaFile: string): Problem[] => {
    // A record without a shipped schema (a method's own record, not yet described) is only read, not checked.
    if (file.data === undefined || !validator.has(schemaFile)) return file.problems;
    const compute = (): Problem[] => schemaProblems(file, validator.validate(schemaFile, file.data));
    return [...file.problems, ...(options.schemaMemo ? options.schemaMemo(file, schemaFile, compute) : compute())];
  };
  return {
    project(source, outside) {
      return [...outside, ...schemaOf(source.project, schemaFileOf('sipp')), ...cutByCommentInFile(source.project)];
    },
    cycle(source, cycle, loaded) {
      const compute = (): Problem[] => cycleProblems(source, cycle, loaded);
      // Problems met reading the cycle (a missing record) are not part of what a memory is keyed by.
      if (!options.cycleMemo || lineDates || loaded.length > 0) return compute();
      return options.cycleMemo(cycle, `${today ?? ''}\0${source.project.text}`, compute);
    },
    acrossCycles(source) {
      return acrossCycleProblems(source, []);
    },
  };

  function cycleProblems(source: ProjectSource, cycle: CycleSource, loaded: readonly Problem[]): Problem[] {
    const problems: Problem[] = [...loaded];
    for (const [name, file] of cycle.records) problems.push(...schemaOf(file, schemaFileOf(name)));
    // The rules see this cycle alone: none of them looks into another cycle's records.
    const one: ProjectSource = { project: source.project, cycles: [cycle], problems: [] };
    problems.push(...withinCycleProblems(one, problems));
    if (today) problems.push(...futureDateProblems(createRuleContext(one, problems), today));
    if (findMethod) problems.push(...methodRuleProblems(one, problems, findMethod));
    const settled = predictionFirstByRecords(allCycleData(one, problems), pairsOf);
    problems.push(...settled.problems, ...predictionFirstByCommits(settled.unsettled, lineDates));
    return problems;
  }
}

/** The problems found reading a project, by the cycle they belong to (a file in its folder, or the folder). */
function loadProblemsByCycle(source: ProjectSource): {
  outside: Problem[];
  of: (cycle: CycleSource) => readonly Problem[];
} {
  const byDir = new Map<string, Problem[]>(source.cycles.map((c) => [c.dir, []]));
  const outside: Problem[] = [];
  for (const problem of source.problems) {
    const slash = problem.file.indexOf('/', problem.file.indexOf('/') + 1);
    const list = byDir.get(slash === -1 ? problem.file : problem.file.slice(0, slash));
    (list ?? outside).push(problem);
  }
  return { outside, of: (cycle) => byDir.get(cycle.dir) ?? [] };
}
