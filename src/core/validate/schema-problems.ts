// Turning ajv's errors into Problems at the offending key or value, in words a teacher understands.
import type { ErrorObject } from 'ajv';
import type { Problem } from '../problems.js';
import { pointerToPath, positionOf, type SourceFile } from '../records/source.js';

export function schemaProblems(file: SourceFile, errors: readonly ErrorObject[]): Problem[] {
  return errors.map((error) => {
    const path = pointerToPath(error.instancePath);
    const key = error.keyword === 'additionalProperties' ? String((error.params as { additionalProperty: string }).additionalProperty) : undefined;
    const at = positionOf(file, key === undefined ? path : [...path, key], key === undefined ? 'value' : 'key');
    return { file: file.file, line: at.line, column: at.column, message: `${error.instancePath || 'file'} ${error.message ?? ''}`, rule: error.keyword, severity: 'error' as const };
  });
}
