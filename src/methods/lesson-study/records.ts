// Lesson Study's two records as typed data, and the small readings of them that rules, briefing and `sipp lesson
// add` share: the case pupils' codes, a lesson's maps keyed by code.
import type { CycleData } from '../kit.js';
import type { LessonStudyRecord, ResearchLessonsRecord } from './types.generated.js';

export type { LessonStudyRecord, ResearchLessonsRecord };
export type ResearchLesson = NonNullable<ResearchLessonsRecord['lessons']>[number];
export type LessonStage = NonNullable<ResearchLesson['stages']>[number];
export type PupilDiscussion = NonNullable<NonNullable<NonNullable<ResearchLesson['discussion']>['casePupils']>[string]>;

/** The record names, as files in the cycle folder: lesson-study.yaml and research-lessons.yaml. */
export const GROUP_RECORD = 'lesson-study';
export const LESSONS_RECORD = 'research-lessons';

/** Dudley's Research Lesson Study usually runs three research lessons. */
export const USUAL_LESSONS = 3;

export function groupRecordOf(cycle: CycleData): LessonStudyRecord | undefined {
  return cycle.records.get(GROUP_RECORD) as LessonStudyRecord | undefined;
}

export function lessonsOf(cycle: CycleData): ResearchLesson[] | undefined {
  const record = cycle.records.get(LESSONS_RECORD) as ResearchLessonsRecord | undefined;
  return record ? (record.lessons ?? []) : undefined;
}

export type CasePupil = NonNullable<LessonStudyRecord['casePupils']>[number];

/** A case pupil's code as text: `A`, or `1` for a code written as a number. */
export function codeOf(pupil: CasePupil): string {
  return String(pupil.code).trim();
}

/** The case pupils' codes as written, in order (blank codes left out). */
export function casePupilCodes(record: LessonStudyRecord | undefined): string[] {
  return (record?.casePupils ?? []).map(codeOf).filter((code) => code !== '');
}

/** True when a value holds text worth showing: not absent, null or blank. */
export function hasText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** The filled-in items of a list of text. */
export function texts(list: readonly string[] | undefined): string[] {
  return (list ?? []).filter(hasText).map((t) => t.trim());
}

/**
 * Whether a case pupil's code looks like a name rather than a code: a word of three or more letters with lower
 * case in it ("Ellie", "sam"), once words such as "pupil" or "boy" are set aside. "A", "B2" and "P5-C" are codes.
 */
export function looksLikeName(code: string): boolean {
  const words = code.replace(/\b(pupil|learner|child|boy|girl|case)\b/gi, ' ').match(/\p{L}+/gu) ?? [];
  return words.some((word) => word.length >= 3 && /\p{Ll}/u.test(word));
}

/** `A`, `A and B`, `A, B and C`. */
export function codesInWords(codes: readonly string[]): string {
  if (codes.length <= 1) return codes[0] ?? '';
  return `${codes.slice(0, -1).join(', ')} and ${codes[codes.length - 1]}`;
}
