// Rules that span records: measure ids defined, dates in order, cycle folder numbering.
import type { Problem } from '../problems.js';
import type { ProjectSource } from '../records/model.js';

export function crossRecordProblems(source: ProjectSource, found: readonly Problem[]): Problem[] {
  void source;
  void found;
  return [];
}
