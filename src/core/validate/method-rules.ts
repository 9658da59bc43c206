// Each enquiry method's own checks (mostly warnings), run on the records that passed their schemas.
import type { Problem } from '../problems.js';
import type { ProjectFile, ProjectSource } from '../records/model.js';
import { cycleData } from '../records/cycle-data.js';
import type { Method, MethodId } from '../method/contract.js';
import { projectSettings } from '../records/settings.js';

/** How the core finds a method without importing the registry (the CLI passes `findMethod`). */
export type MethodLookup = (id: string) => Method | undefined;

export function methodRuleProblems(
  source: ProjectSource,
  found: readonly Problem[],
  findMethod: MethodLookup,
): Problem[] {
  const projectMethod: MethodId = projectSettings(source.project.data as Partial<ProjectFile> | undefined).method;
  return source.cycles.flatMap((cycle) => {
    const data = cycleData(cycle, projectMethod, found);
    return findMethod(data.method)?.rules?.(data) ?? [];
  });
}
