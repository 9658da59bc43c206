// The shape of an enquiry project as sipp sees it: the project file and its cycles, each a folder of records.
import type { Problem } from '../problems.js';
import type { SourceFile } from './source.js';
import type {
  BaselineRecord,
  InterventionRecord,
  MeasuresRecord,
  ProjectFile,
  QuestionRecord,
  ReflectionsRecord,
} from './types.generated.js';

export type { BaselineRecord, InterventionRecord, MeasuresRecord, ProjectFile, QuestionRecord, ReflectionsRecord };

/** The five records every cycle has, in the order of the enquiry spine. */
export const CORE_RECORDS = ['question', 'baseline', 'intervention', 'measures', 'reflections'] as const;
export type CoreRecordName = (typeof CORE_RECORDS)[number];

export interface CoreRecords {
  question: QuestionRecord;
  baseline: BaselineRecord;
  intervention: InterventionRecord;
  measures: MeasuresRecord;
  reflections: ReflectionsRecord;
}

export const PROJECT_FILE = 'sipp.yaml';
export const CYCLES_DIR = 'cycles';
export const SCHEMA_COPY_DIR = '.sipp/schemas';
export const PRIVATE_DATA_DIR = 'data/private';
export const BRIEFINGS_DIR = 'briefings';
export const PROJECT_TEMPLATES_DIR = 'templates';

/** A cycle folder is `NN-slug`: a two-or-more digit number, a hyphen and a slug. */
export const CYCLE_FOLDER = /^(\d{2,})-([a-z0-9][a-z0-9-]*)$/;

/** One cycle as read from disk, before validation. */
export interface CycleSource {
  /** Folder name, e.g. `01-paired-reading`. */
  folder: string;
  /** Path relative to the project root, e.g. `cycles/01-paired-reading`. */
  dir: string;
  number: number | null;
  slug: string;
  /** Records found, by record name (`question`, `baseline`, … and a method's own records). */
  records: Map<string, SourceFile>;
}

/** A whole project as read from disk, before validation. */
export interface ProjectSource {
  project: SourceFile;
  cycles: CycleSource[];
  /** Problems met while reading (a file that is a folder, binary, too large, not UTF-8). */
  problems: Problem[];
}

/** The record file name of a record. */
export function recordFile(name: string): string {
  return `${name}.yaml`;
}

/** The schema file of a record, e.g. `question.schema.json`. */
export function schemaFileOf(name: string): string {
  return name === 'sipp' ? 'sipp.schema.json' : `${name}.schema.json`;
}

/** Formats a cycle number as its folder prefix: 1 -> `01`. */
export function cyclePrefix(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * The highest cycle number sipp counts with. A folder with a larger one (`2025-26-reading`, a number typed by
 * mistake) is reported as misnamed, and does not push the next cycle's number out of reach.
 */
export const MAX_CYCLE_NUMBER = 999;

/** What to do when a project has its last cycle number: the next cycles go in a project of their own. */
export const CYCLE_LIMIT_MESSAGE = `This project already has a cycle ${MAX_CYCLE_NUMBER}, the most one project numbers. Start a new project for the next cycles (\`sipp init\`) and follow both in a network (\`sipp network add\`).`;

/** The number the next cycle gets: one more than the highest so far (of the numbers up to MAX_CYCLE_NUMBER). */
export function nextCycleNumber(cycles: readonly Pick<CycleSource, 'number'>[]): number {
  return (
    cycles.reduce((max, c) => (c.number !== null && c.number <= MAX_CYCLE_NUMBER ? Math.max(max, c.number) : max), 0) +
    1
  );
}
