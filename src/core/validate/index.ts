// Validating a whole project: every file against its schema, then the rules that span records and each
// method's own rules. Pure: the project comes in already read (src/project/load.ts), problems go out.
import { sortProblems, type Problem } from '../problems.js';
import type { ProjectSource } from '../records/model.js';
import { allCycleData } from '../records/cycle-data.js';
import { schemaFileOf } from '../records/model.js';
import type { SourceFile } from '../records/source.js';
import { crossRecordProblems } from './cross-record.js';
import { createRuleContext } from './rules/context.js';
import { futureDateProblems } from './rules/future-dates.js';
import { methodRuleProblems, type MethodLookup } from './method-rules.js';
import {
  corePredictionPairs,
  predictionFirstProblems,
  type LineDates,
  type LineDatesFor,
} from './rules/prediction-first.js';
import { schemaProblems } from './schema-problems.js';
import { createSchemaValidator, type SchemaSet } from './validator.js';
import type { CycleData, PredictionPair } from '../method/contract.js';

export type { SchemaSet };
export type { MethodLookup };
export type { LineDates, LineDatesFor };

/** Returns a file's schema problems, from memory when its text was checked before, or by calling `compute`. */
export type SchemaMemo = (file: SourceFile, schemaFile: string, compute: () => Problem[]) => Problem[];

export interface ValidateOptions {
  /** Finds a cycle's method, to run its rules (`findMethod` from src/methods/registry.ts). Without it, none run. */
  findMethod?: MethodLookup;
  /** Remembered schema problems (src/project/file-cache.ts); without it every file is checked. */
  schemaMemo?: SchemaMemo;
  /**
   * When each line of the given files was first committed (src/project/git.ts), for `prediction-first`: called
   * once, with the files holding predictions and their data, and only when the records' own dates settle nothing.
   */
  lineDates?: LineDatesFor;
  /** Today, YYYY-MM-DD, for the `future-date` warnings; without it, dates are not compared with today. */
  today?: string;
}

/** Every problem in the project, sorted by file, line and column. Never throws on bad input. */
export function validateProject(source: ProjectSource, schemas: SchemaSet, options: ValidateOptions = {}): Problem[] {
  const validator = createSchemaValidator(schemas);
  const problems: Problem[] = [...source.problems];
  const check = (file: SourceFile, schemaFile: string): void => {
    problems.push(...file.problems);
    // A record without a shipped schema (a method's own record, not yet described) is only read, not checked.
    if (file.data === undefined || !validator.has(schemaFile)) return;
    const compute = (): Problem[] => schemaProblems(file, validator.validate(schemaFile, file.data));
    problems.push(...(options.schemaMemo ? options.schemaMemo(file, schemaFile, compute) : compute()));
  };
  check(source.project, schemaFileOf('sipp'));
  for (const cycle of source.cycles) {
    for (const [name, file] of cycle.records) check(file, schemaFileOf(name));
  }
  problems.push(...crossRecordProblems(source, problems));
  if (options.today) problems.push(...futureDateProblems(createRuleContext(source, problems), options.today));
  if (options.findMethod) problems.push(...methodRuleProblems(source, problems, options.findMethod));
  const findMethod = options.findMethod;
  const pairsOf = (cycle: CycleData): PredictionPair[] =>
    (findMethod?.(cycle.method)?.predictions ?? corePredictionPairs)(cycle);
  problems.push(...predictionFirstProblems(allCycleData(source, problems), pairsOf, options.lineDates));
  return sortProblems(problems);
}
