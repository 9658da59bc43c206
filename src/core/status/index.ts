// Where each cycle stands: the first stage of the spine with answers still missing, what is missing, and what to do next.
import type { Problem } from '../problems.js';
import { CORE_RECORDS, recordFile, type ProjectSource } from '../records/model.js';
import { cycleData, filesWithErrors, projectData } from '../records/cycle-data.js';
import type { CycleData, Method, MethodId, Stage } from '../method/contract.js';
import { isEmptyAnswer, valueAt } from './answers.js';
import { DEFAULT_METHOD } from '../records/settings.js';

export { isEmptyAnswer, valueAt } from './answers.js';

/** A spine stage, or `complete` when every required answer is given. */
export type CycleStage = Stage | 'complete';

export interface MissingAnswer {
  /** Record name: `question`, `baseline`, … */
  record: string;
  /** Path relative to the project root. */
  file: string;
  /** Dotted path of the answer in the record, e.g. `targetLearners.stages`. */
  field: string;
  /** What is missing, in a teacher's words. */
  label: string;
}

export interface CycleStatus {
  folder: string;
  number: number | null;
  title: string | null;
  method: string;
  /** null when sipp cannot tell: a record it needs has problems, or the method is unknown to this version. */
  stage: CycleStage | null;
  complete: boolean;
  /** Empty required answers of the records without problems, in spine order. */
  missing: MissingAnswer[];
  next: string;
  /** Files of this cycle with problems (run `sipp validate` for the details), sorted. */
  problems: string[];
}

export interface ProjectStatus {
  /** Files outside the cycles with problems, such as sipp.yaml. */
  problems: string[];
  cycles: CycleStatus[];
}

export type MethodLookup = (id: string) => Method | undefined;

export const COMPLETE_NEXT =
  'This cycle is complete. Share what you learned (`sipp brief` prints a briefing) and start the next cycle with `sipp cycle`.';

/**
 * The next step inside a stage: the method's own words when nothing of the stage is answered yet, otherwise what
 * is still to write ("Next: write the question…" right after `sipp cycle` took the question read as if it was lost).
 */
function nextInStage(
  method: Method,
  stage: Stage,
  records: ReadonlyMap<string, unknown>,
  missing: readonly MissingAnswer[],
): string {
  const ofStage = method.requirements.filter((r) => r.record === stage);
  const answered = ofStage.some((r) => !isEmptyAnswer(valueAt(records.get(r.record), r.path)));
  const still = missing.filter((m) => m.record === stage);
  if (!answered || still.length === 0) return method.nextSteps[stage];
  const labels = still.map((m) => m.label);
  const list = labels.length === 1 ? labels[0] : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
  const before = stage === 'question' ? ', before you collect any data' : '';
  return `Finish ${recordFile(stage)}${before}: still to write ${list}.`;
}

export function projectStatus(
  source: ProjectSource,
  problems: readonly Problem[],
  methodOf: MethodLookup,
): ProjectStatus {
  const broken = filesWithErrors(problems);
  const cycleDirs = new Set(source.cycles.map((c) => c.dir));
  const inCycleFolder = (file: string): boolean => {
    const dir = folderOf(file);
    return dir !== undefined && cycleDirs.has(dir);
  };
  const projectMethod = (projectData(source, problems)?.method ??
    rawMethod(source.project.data) ??
    DEFAULT_METHOD) as MethodId;
  return {
    problems: [...broken].filter((file) => !inCycleFolder(file)).sort(),
    cycles: source.cycles.map((cycle) => {
      const data = cycleData(cycle, projectMethod, problems);
      return cycleStatus(data, methodOf(data.method), broken);
    }),
  };
}

export function cycleStatus(
  cycle: CycleData,
  method: Method | undefined,
  brokenFiles: ReadonlySet<string>,
): CycleStatus {
  const { source } = cycle;
  const fileOf = (record: string): string => `${source.dir}/${recordFile(record)}`;
  const problems = [...(brokenByFolder(brokenFiles).get(source.dir) ?? [])].sort();
  const base = { folder: source.folder, number: source.number, title: cycleTitle(cycle), method: cycle.method };
  if (!method) {
    return {
      ...base,
      stage: null,
      complete: false,
      missing: [],
      next:
        problems.length > 0
          ? fixFirst(problems[0] ?? source.dir)
          : `This version of sipp does not know the "${cycle.method}" method yet, so it cannot say what this cycle still needs.`,
      problems,
    };
  }

  const hasProblems = (record: string): boolean => brokenFiles.has(fileOf(record)) || !cycle.records.has(record);
  const missing: MissingAnswer[] = [];
  let stage: CycleStage | null | undefined;
  let blockedBy: string | undefined;
  for (const spineStage of CORE_RECORDS) {
    const records = recordsOfStage(method, spineStage);
    for (const record of records) {
      if (hasProblems(record)) {
        if (stage === undefined) {
          stage = null;
          blockedBy = fileOf(record);
        }
        continue;
      }
      const data = cycle.records.get(record);
      for (const requirement of method.requirements.filter((r) => r.record === record)) {
        if (!isEmptyAnswer(valueAt(data, requirement.path))) continue;
        missing.push({ record, file: fileOf(record), field: requirement.path.join('.'), label: requirement.label });
        if (stage === undefined) stage = spineStage;
      }
    }
  }
  if (stage === undefined) stage = problems.length > 0 ? null : 'complete';
  const next =
    stage === null
      ? fixFirst(blockedBy ?? problems[0] ?? source.dir)
      : stage === 'complete'
        ? COMPLETE_NEXT
        : nextInStage(method, stage, cycle.records, missing);
  return { ...base, stage, complete: stage === 'complete', missing, next, problems };
}

function fixFirst(file: string): string {
  return `Fix the problems in ${file} first: run \`sipp validate\` to see them.`;
}

/** The spine record of a stage and the method's own records that belong to it. */
function recordsOfStage(method: Method, stage: Stage): string[] {
  return [stage, ...method.extraRecords.filter((r) => r.stage === stage).map((r) => r.name)];
}

function cycleTitle(cycle: CycleData): string | null {
  // A title is only shown, never relied on, so it is read even from a question.yaml with problems.
  const data = cycle.records.get('question') ?? cycle.source.records.get('question')?.data;
  const title = (data as { title?: unknown } | undefined)?.title;
  return typeof title === 'string' && title.trim() !== '' ? title.trim() : null;
}

/** The cycle folder a file is in (`cycles/01-a/question.yaml` -> `cycles/01-a`); none for `cycles/01-a` itself. */
function folderOf(file: string): string | undefined {
  const slash = file.indexOf('/', file.indexOf('/') + 1);
  return slash === -1 ? undefined : file.slice(0, slash);
}

const byFolder = new WeakMap<ReadonlySet<string>, { size: number; folders: Map<string, string[]> }>();

/** Files with errors by cycle folder, worked out once per set (not once per cycle: 5,000 cycles are a project). */
function brokenByFolder(brokenFiles: ReadonlySet<string>): ReadonlyMap<string, readonly string[]> {
  let known = byFolder.get(brokenFiles);
  if (!known || known.size !== brokenFiles.size) {
    const folders = new Map<string, string[]>();
    for (const file of brokenFiles) {
      const folder = folderOf(file);
      if (folder === undefined) continue;
      const files = folders.get(folder);
      if (files) files.push(file);
      else folders.set(folder, [file]);
    }
    known = { size: brokenFiles.size, folders };
    byFolder.set(brokenFiles, known);
  }
  return known.folders;
}

function rawMethod(data: unknown): string | undefined {
  const method = (data as { method?: unknown } | undefined)?.method;
  return typeof method === 'string' ? method : undefined;
}

/** The stage in a few words: `baseline (2 of 5)`, `complete`, or why sipp cannot tell. */
export function stageText(cycle: Pick<CycleStatus, 'stage' | 'problems'>): string {
  if (cycle.stage === 'complete') return 'complete';
  if (cycle.stage !== null)
    return `${cycle.stage} (${CORE_RECORDS.indexOf(cycle.stage) + 1} of ${CORE_RECORDS.length})`;
  return cycle.problems.length > 0 ? 'has problems: run sipp validate' : 'unknown method';
}
