// `sipp lesson add` as a plan: which Lesson Study cycle gets the next research lesson (refused with the reason when
// none can), and research-lessons.yaml's new text. Pure: the command reads the project, asks the date and writes.
import {
  cycleNamed,
  recordFile,
  refusal,
  parseSource,
  type CycleData,
  type MethodId,
  type Problem,
} from '../kit.js';
import { NotAList, appendLessonText, nextLesson, type NextLesson } from './add-lesson.js';
import {
  GROUP_RECORD,
  LESSONS_RECORD,
  casePupilCodes,
  groupRecordOf,
  lessonsOf,
  type ResearchLesson,
} from './records.js';

const LESSON_STUDY: MethodId = 'lesson-study';

export interface LessonCycle {
  cycle: CycleData;
  codes: string[];
  lessons: ResearchLesson[];
}

/**
 * The cycle the next research lesson goes into: the one `--cycle` names (a usage error when there is none, a
 * refusal when it is not Lesson Study), or the latest Lesson Study cycle; refused when its records have errors or
 * it has no case pupils yet.
 */
export function lessonCycle(
  cycles: readonly CycleData[],
  problems: readonly Problem[],
  given: string | undefined,
  methodName: (id: MethodId) => string,
): LessonCycle {
  const cycle = given === undefined ? latestLessonStudy(cycles) : namedCycle(cycles, given, methodName);
  refuseBrokenRecords(cycle, problems);
  const codes = casePupilCodes(groupRecordOf(cycle));
  if (codes.length === 0) {
    throw refusal(
      `${cycle.source.dir}/${recordFile(GROUP_RECORD)} has no case pupils yet, so a research lesson cannot be planned for them. Nothing was written.`,
      { hint: 'Add them under casePupils (codes such as A, B and C, never names), then run the command again.' },
    );
  }
  return { cycle, codes, lessons: lessonsOf(cycle) ?? [] };
}

export interface LessonPlan {
  /** research-lessons.yaml, relative to the project root. */
  relative: string;
  next: NextLesson;
  text: string;
}

/**
 * research-lessons.yaml with the next lesson appended. `fitsSchema` checks the new data against the record's schema:
 * a failure is a bug in sipp, caught before the teachers' file is touched.
 */
export function planLesson(
  { cycle, codes, lessons }: LessonCycle,
  date: string | null,
  fitsSchema: (schemaFile: string, data: unknown) => boolean,
): LessonPlan {
  const relative = `${cycle.source.dir}/${recordFile(LESSONS_RECORD)}`;
  const next = nextLesson(codes, lessons, date);
  const file = cycle.source.records.get(LESSONS_RECORD);
  if (!file) throw refusal(`This cycle has no ${recordFile(LESSONS_RECORD)}. Nothing was written.`);
  let text: string;
  try {
    text = appendLessonText(file.text, next);
  } catch (e) {
    if (!(e instanceof NotAList)) throw e;
    throw refusal(`${e.message}, so sipp cannot add a research lesson to it. Nothing was written.`, {
      hint: 'Run `sipp validate` to see where, fix it, and run the command again.',
    });
  }
  const written = parseSource(relative, text);
  if (written.problems.length > 0 || !fitsSchema(`${LESSONS_RECORD}.schema.json`, written.data)) {
    throw new Error(`the new ${relative} would not be valid`);
  }
  return { relative, next, text };
}

/** The latest cycle whose method is Lesson Study; a refusal when there is none. */
function latestLessonStudy(cycles: readonly CycleData[]): CycleData {
  const found = [...cycles].reverse().find((c) => c.method === LESSON_STUDY);
  if (found) return found;
  throw refusal('This project has no Lesson Study cycle to add a research lesson to. Nothing was written.', {
    hint: 'Start one with `sipp cycle --method lesson-study --research-focus "We want to learn how to improve the way we teach X to Y" --case-pupils A,B,C`.',
  });
}

/** The cycle `--cycle` names (exit 2 when there is none), refused (exit 1) when it is not a Lesson Study cycle. */
function namedCycle(cycles: readonly CycleData[], given: string, methodName: (id: MethodId) => string): CycleData {
  const cycle = cycleNamed(cycles, given, (c) => c.source.folder, 'Start one with `sipp cycle --method lesson-study`.');
  if (cycle.method !== LESSON_STUDY) {
    throw refusal(
      `Cycle ${cycle.source.folder} is a ${methodName(cycle.method)} cycle, not a Lesson Study cycle, so it has no research lessons. Nothing was written.`,
      {
        hint: 'Give --cycle a Lesson Study cycle, or start one with `sipp cycle --method lesson-study`.',
      },
    );
  }
  return cycle;
}

/** Refuses when lesson-study.yaml or research-lessons.yaml is missing or does not fit its schema. */
function refuseBrokenRecords(cycle: CycleData, problems: readonly Problem[]): void {
  const files = [GROUP_RECORD, LESSONS_RECORD].map((name) => `${cycle.source.dir}/${recordFile(name)}`);
  const own = problems.filter((p) => files.includes(p.file) && p.severity === 'error');
  if (own.length === 0) return;
  const broken = [...new Set(own.map((p) => p.file.slice(p.file.lastIndexOf('/') + 1)))].join(' and ');
  throw refusal(
    `${broken} ${broken.includes(' and ') ? 'have' : 'has'} problems, so sipp cannot add a research lesson. Nothing was written.`,
    {
      problems: own,
      hint: `Fix ${own.length === 1 ? 'it' : 'them'} and run the command again.`,
    },
  );
}
