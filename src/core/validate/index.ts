// Validating a whole project: every file against its schema, then the rules that span records.
import type { Problem } from '../problems.js';
import type { ProjectSource } from '../records/model.js';
import { schemaFileOf } from '../records/model.js';
import { schemaProblems } from './schema-problems.js';
import { createSchemaValidator, type SchemaSet } from './validator.js';
import { crossRecordProblems } from './cross-record.js';

export type { SchemaSet };

export function validateProject(source: ProjectSource, schemas: SchemaSet): Problem[] {
  const validator = createSchemaValidator(schemas);
  const problems: Problem[] = [...source.problems];
  const check = (file: ProjectSource['project'], schemaFile: string): void => {
    problems.push(...file.problems);
    if (file.data === undefined) return;
    const errors = validator.validate(schemaFile, file.data);
    problems.push(...schemaProblems(file, errors));
  };
  check(source.project, schemaFileOf('sipp'));
  for (const cycle of source.cycles) {
    for (const [name, file] of cycle.records) check(file, schemaFileOf(name));
  }
  problems.push(...crossRecordProblems(source, problems));
  return problems;
}
