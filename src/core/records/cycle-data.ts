// Typed views of a loaded project for status, rules and briefings: only records without errors are trusted.
import type { Problem } from '../problems.js';
import type { CoreRecordName, CoreRecords, CycleSource, ProjectFile, ProjectSource } from './model.js';
import type { CycleData, MethodId } from '../method/contract.js';
import { projectSettings } from './settings.js';

const errorFiles = new WeakMap<readonly Problem[], { seen: number; files: Set<string> }>();

/**
 * Files that have at least one error, by relative path. Worked out once per list of problems and brought up to
 * date as the list grows (validation adds problems rule by rule and asks again for each cycle): asked afresh
 * for each of 5,000 cycles, it was a third of `validate`.
 */
export function filesWithErrors(problems: readonly Problem[]): ReadonlySet<string> {
  let known = errorFiles.get(problems);
  if (!known || known.seen > problems.length) {
    known = { seen: 0, files: new Set() };
    errorFiles.set(problems, known);
  }
  for (; known.seen < problems.length; known.seen++) {
    const problem = problems[known.seen] as Problem;
    if (problem.severity === 'error') known.files.add(problem.file);
  }
  return known.files;
}

/** The project file's data, or undefined when it has errors. */
export function projectData(source: ProjectSource, problems: readonly Problem[]): ProjectFile | undefined {
  if (filesWithErrors(problems).has(source.project.file)) return undefined;
  return source.project.data as ProjectFile | undefined;
}

export function cycleData(cycle: CycleSource, projectMethod: MethodId, problems: readonly Problem[]): CycleData {
  const broken = filesWithErrors(problems);
  const records = new Map<string, Record<string, unknown>>();
  for (const [name, file] of cycle.records) {
    if (!broken.has(file.file) && file.data !== undefined) records.set(name, file.data as Record<string, unknown>);
  }
  const declared = (cycle.records.get('question')?.data as { method?: MethodId } | undefined)?.method;
  return { source: cycle, method: declared ?? projectMethod, records };
}

export function allCycleData(source: ProjectSource, problems: readonly Problem[]): CycleData[] {
  const method = projectSettings(source.project.data as Partial<ProjectFile> | undefined).method;
  return source.cycles.map((c) => cycleData(c, method, problems));
}

/** One of a cycle's five core records, typed by its name; undefined when it is missing or has errors. */
export function recordOf<K extends CoreRecordName>(
  cycle: Pick<CycleData, 'records'>,
  name: K,
): CoreRecords[K] | undefined {
  return cycle.records.get(name) as CoreRecords[K] | undefined;
}
