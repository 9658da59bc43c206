// What a cross-record rule gets: the project, and only the records that passed their schema.
import type { Problem, Severity } from '../../problems.js';
import type { CycleSource, ProjectSource } from '../../records/model.js';
import { positionOf, type PathSegment, type SourceFile } from '../../records/source.js';
import { filesWithErrors } from '../../records/cycle-data.js';

export interface RuleContext {
  source: ProjectSource;
  /**
   * A record of a cycle when it exists and has no errors, otherwise undefined. Rules skip what they cannot
   * trust, so that one mistake gives one message (the schema's), not a second one from a rule.
   */
  record(cycle: CycleSource, name: string): SourceFile | undefined;
}

export type Rule = (context: RuleContext) => Problem[];

export function createRuleContext(source: ProjectSource, found: readonly Problem[]): RuleContext {
  const broken = filesWithErrors(found);
  return {
    source,
    record(cycle, name) {
      const file = cycle.records.get(name);
      return file && file.data !== undefined && !broken.has(file.file) ? file : undefined;
    },
  };
}

/** A Problem at a key or value of a file. */
export function problemAt(
  file: SourceFile,
  path: readonly PathSegment[],
  message: string,
  rule: string,
  severity: Severity = 'error',
  target: 'key' | 'value' = 'value',
): Problem {
  const at = positionOf(file, path, target);
  return { file: file.file, line: at.line, column: at.column, message, rule, severity };
}

/** The plain data of a record that passed its schema, typed by the caller. */
export function dataOf<T>(file: SourceFile): T {
  return file.data as T;
}
