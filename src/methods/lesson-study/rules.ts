// Lesson Study's own checks (Dudley, Research Lesson Study): codes that resolve, three case pupils (or a multiple),
// an observer for every case pupil in every research lesson, each later lesson citing the discussion before it,
// predictions written before the lesson, and codes that are not names.
import type { Problem, Severity } from '../kit.js';
import type { PathSegment, SourceFile } from '../kit.js';
import { dateInWords } from '../kit.js';
import type { CycleData } from '../kit.js';
import {
  GROUP_RECORD,
  LESSONS_RECORD,
  casePupilCodes,
  codeOf,
  codesInWords,
  groupRecordOf,
  hasText,
  lessonsOf,
  looksLikeName,
  texts,
  type LessonStudyRecord,
  type ResearchLesson,
} from './records.js';
import { problemAt } from '../kit.js';

export function lessonStudyRules(cycle: CycleData): Problem[] {
  const problems: Problem[] = [];
  const groupFile = cycle.source.records.get(GROUP_RECORD);
  const group = groupRecordOf(cycle);
  if (groupFile && group) problems.push(...casePupilProblems(groupFile, group));

  const lessonsFile = cycle.source.records.get(LESSONS_RECORD);
  const lessons = lessonsOf(cycle);
  if (!lessonsFile || !lessons) return problems;
  // Codes can only be checked against case pupils sipp could read.
  const codes = group ? casePupilCodes(group) : undefined;
  lessons.forEach((lesson, i) => {
    const at = new LessonPlace(lessonsFile, i);
    // A lesson `sipp lesson add` has just added is a blank plan, as a new cycle is: what it lacks is "still to
    // record" (in the briefing), not a mistake. Once predictions or observations are written it is planned.
    const planned = isPlanned(lesson);
    if (codes) {
      problems.push(...unknownCodeProblems(at, lesson, codes));
      if (planned) problems.push(...observerProblems(at, lesson, codes));
    }
    if (i > 0 && planned && texts(lesson.changedSinceLast).length === 0) problems.push(changesMissing(at, lesson));
    const late = predictionAfterLesson(at, lesson);
    if (late) problems.push(late);
  });
  return problems;
}

/** Whether any prediction or observed response of the lesson is written. */
function isPlanned(lesson: ResearchLesson): boolean {
  return (lesson.stages ?? []).some((stage) =>
    [stage.predicted, stage.observed].some((map) => Object.values(map ?? {}).some(hasText)),
  );
}

function casePupilProblems(file: SourceFile, group: LessonStudyRecord): Problem[] {
  const problems: Problem[] = [];
  const pupils = group.casePupils ?? [];
  const seen = new Set<string>();
  pupils.forEach((pupil, i) => {
    const code = codeOf(pupil);
    const place = ['casePupils', i, 'code'];
    if (seen.has(code)) {
      problems.push(
        problemAt(
          file,
          place,
          `The code "${code}" is given to two case pupils. Give each case pupil a code of their own (A, B, C …).`,
          'lesson-study-case-pupil-code',
        ),
      );
    }
    seen.add(code);
    if (looksLikeName(code)) {
      problems.push(
        problemAt(
          file,
          place,
          `Case pupil "${code}" looks like a name. Use a code such as A, B or C instead: records and briefings must never name a pupil.`,
          'lesson-study-case-pupil-name',
          'warning',
        ),
      );
    }
  });
  if (pupils.length % 3 !== 0) {
    const codes = pupils.map((p) => codeOf(p));
    problems.push(
      problemAt(
        file,
        ['casePupils'],
        `There ${pupils.length === 1 ? 'is 1 case pupil' : `are ${pupils.length} case pupils`} (${codesInWords(codes)}). Lesson Study watches three case pupils, or six, nine …, each typifying a group of learners: add or remove case pupils to make a multiple of three.`,
        'lesson-study-case-pupils',
        'error',
        'key',
      ),
    );
  }
  return problems;
}

/** The places in research lesson i where a case pupil's code is a key, with words for where that is. */
function codedMaps(lesson: ResearchLesson): { path: PathSegment[]; where: string; codes: string[] }[] {
  const keys = (map: object | undefined): string[] => Object.keys(map ?? {});
  return [
    { path: ['successCriteria'], where: 'under successCriteria', codes: keys(lesson.successCriteria) },
    { path: ['observers'], where: 'under observers', codes: keys(lesson.observers) },
    ...(lesson.stages ?? []).flatMap((stage, j) => [
      {
        path: ['stages', j, 'predicted'],
        where: `in the predictions for stage ${j + 1}`,
        codes: keys(stage.predicted),
      },
      { path: ['stages', j, 'observed'], where: `in the observations of stage ${j + 1}`, codes: keys(stage.observed) },
    ]),
    { path: ['interviews'], where: 'under interviews', codes: keys(lesson.interviews) },
    {
      path: ['discussion', 'casePupils'],
      where: "in the discussion's case pupils",
      codes: keys(lesson.discussion?.casePupils),
    },
  ];
}

function unknownCodeProblems(at: LessonPlace, lesson: ResearchLesson, codes: readonly string[]): Problem[] {
  const known = new Set(codes);
  const defined =
    codes.length === 0
      ? `${GROUP_RECORD}.yaml has no case pupils yet`
      : `the case pupils in ${GROUP_RECORD}.yaml are ${codesInWords(codes)}`;
  return codedMaps(lesson).flatMap(({ path, where, codes: used }) =>
    used
      .filter((code) => !known.has(code.trim()))
      .map((code) =>
        at.problem(
          [...path, code],
          `Research lesson ${at.number} names case pupil "${code}" ${where}, but ${defined}. Correct the code, or add the case pupil to ${GROUP_RECORD}.yaml.`,
          'lesson-study-case-pupil-unknown',
          'error',
          'key',
        ),
      ),
  );
}

function observerProblems(at: LessonPlace, lesson: ResearchLesson, codes: readonly string[]): Problem[] {
  const observers = lesson.observers ?? {};
  return codes
    .filter((code) => !hasText(observers[code]))
    .map((code) =>
      at.problem(
        code in observers ? ['observers', code] : ['observers'],
        `Case pupil ${code} has no observer in research lesson ${at.number}. Name who will watch ${code} under observers (for example \`${code}: Mr Boyle\`), so that no case pupil is missed.`,
        'lesson-study-observer',
        'error',
        'key',
      ),
    );
}

function changesMissing(at: LessonPlace, lesson: ResearchLesson): Problem {
  return at.problem(
    lesson.changedSinceLast === undefined ? [] : ['changedSinceLast'],
    `Research lesson ${at.number} does not say what changed since the discussion of research lesson ${at.number - 1}. List the changes under changedSinceLast: each research lesson builds on the discussion before it.`,
    'lesson-study-changes',
    'error',
    'key',
  );
}

/** Prediction first, by the lesson's own dates: the plan (and its predictions) must come before the lesson. */
function predictionAfterLesson(at: LessonPlace, lesson: ResearchLesson): Problem | undefined {
  const planned = lesson.plannedOn;
  const taught = lesson.date;
  if (!isDate(planned) || !isDate(taught) || planned <= taught) return undefined;
  return at.problem(
    ['plannedOn'],
    `Research lesson ${at.number} was planned, with its predictions, on ${dateInWords(planned)}, after it was taught and observed on ${dateInWords(taught)}. Write the predictions before the lesson, so that the observations can test them.`,
    'prediction-first',
    'warning',
  );
}

/** Research lesson i of research-lessons.yaml, for pointing at places inside it. */
class LessonPlace {
  readonly number: number;
  constructor(
    private readonly file: SourceFile,
    private readonly index: number,
  ) {
    this.number = index + 1;
  }

  problem(
    path: readonly PathSegment[],
    message: string,
    rule: string,
    severity: Severity,
    target: 'key' | 'value' = 'value',
  ): Problem {
    return problemAt(this.file, ['lessons', this.index, ...path], message, rule, severity, target);
  }
}

function isDate(value: string | null | undefined): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
}
