// Lesson Study's part of a cycle briefing (`methodDetail`): the group, the case pupils, each research lesson with its
// predictions against the observed responses, the post-lesson discussion with the case pupils first, what is still
// missing, and the facilitator's prompts in the case-pupil-first order.
import type { Answer } from '../kit.js';
import { answer, dateAnswer } from '../kit.js';
import type { CycleData } from '../kit.js';
import {
  USUAL_LESSONS,
  casePupilCodes,
  codeOf,
  codesInWords,
  groupRecordOf,
  hasText,
  lessonsOf,
  texts,
  type LessonStudyRecord,
  type ResearchLesson,
} from './records.js';
import { recordOf } from '../kit.js';

export interface LessonStudyView {
  focus: Answer;
  group: { members: string[]; groundRules: string[] };
  casePupils: { code: string; typifies: Answer }[];
  /** `A, B and C`. */
  codes: string;
  lessons: LessonView[];
  /** `2 of the usual 3 research lessons recorded`. */
  lessonsSummary: string;
  /** What is still to record, lesson by lesson, in a facilitator's words. */
  missing: string[];
  /** What the next meeting is for: `the discussion of research lesson 2` or `planning research lesson 3`. */
  meeting: string;
  prompts: string[];
}

export interface LessonView {
  number: number;
  /** `Research lesson 2`, and `research lesson 2` inside a sentence. */
  heading: string;
  name: string;
  date: Answer;
  plannedOn: Answer;
  taughtBy: Answer;
  class: Answer;
  learningIntention: Answer;
  /** Research lesson 2 and later say what changed since the discussion before them. */
  afterFirst: boolean;
  previous: number;
  changedSinceLast: string[];
  pupils: { code: string; successCriterion: Answer; observer: Answer; interview: Answer }[];
  stages: { number: number; name: Answer }[];
  /** The prediction-against-observation table: one row per case pupil and stage, grouped by case pupil. */
  responses: ResponseRow[];
  discussion: {
    date: Answer;
    pupils: { code: string; progress: Answer; matched: Answer; change: Answer }[];
    teaching: Answer;
    changesForNext: string[];
  };
  missing: string[];
}

export interface ResponseRow {
  code: string;
  /** The first row of a case pupil's group, which carries the code (with `span` rows under it in HTML). */
  first: boolean;
  span: number;
  stage: string;
  predicted: Answer;
  observed: Answer;
}

const MATCHED: Record<string, string> = { yes: 'Yes', partly: 'Partly', no: 'No' };

export function lessonStudyView(cycle: CycleData): LessonStudyView {
  const group = groupRecordOf(cycle);
  const lessons = lessonsOf(cycle) ?? [];
  const defined = casePupilCodes(group);
  const question = recordOf(cycle, 'question');
  const views = lessons.map((lesson, i) => lessonView(lesson, i, defined.length > 0 ? defined : codesIn(lesson)));
  return {
    focus: answer(question?.question),
    group: { members: texts(group?.group?.members), groundRules: texts(group?.group?.groundRules) },
    casePupils: (group?.casePupils ?? []).map((p) => ({ code: codeOf(p), typifies: answer(p.typifies) })),
    codes: codesInWords(defined),
    lessons: views,
    lessonsSummary: lessonsSummary(lessons.length),
    missing: overallMissing(group, defined, views),
    ...nextMeeting(defined, lessons),
  };
}

/**
 * The prompts for the next meeting: the post-lesson discussion once the latest lesson has been observed, otherwise
 * the planning of the next lesson. Both take the case pupils first.
 */
function nextMeeting(
  codes: readonly string[],
  lessons: readonly ResearchLesson[],
): { meeting: string; prompts: string[] } {
  const latest = lessons[lessons.length - 1];
  if (latest && isObserved(latest)) {
    return {
      meeting: `the discussion of research lesson ${lessons.length}`,
      prompts: facilitatorPrompts(codes, lessons.length),
    };
  }
  const number = latest ? lessons.length : 1;
  return { meeting: `planning research lesson ${number}`, prompts: planningPrompts(codes, number) };
}

function isObserved(lesson: ResearchLesson): boolean {
  return (lesson.stages ?? []).some((stage) => Object.values(stage.observed ?? {}).some(hasText));
}

function lessonView(lesson: ResearchLesson, index: number, codes: readonly string[]): LessonView {
  const number = index + 1;
  const stages = lesson.stages ?? [];
  const stageName = (j: number): string => {
    const name = stages[j]?.stage;
    return hasText(name) ? `${j + 1}. ${name.trim()}` : `Stage ${j + 1}`;
  };
  const responses = codes.flatMap((code) =>
    stages.map((stage, j) => ({
      code,
      first: j === 0,
      span: stages.length,
      stage: stageName(j),
      predicted: answer(stage.predicted?.[code]),
      observed: answer(stage.observed?.[code]),
    })),
  );
  const discussion = lesson.discussion ?? {};
  const view: LessonView = {
    number,
    heading: `Research lesson ${number}`,
    name: `research lesson ${number}`,
    date: dateAnswer(lesson.date),
    plannedOn: dateAnswer(lesson.plannedOn),
    taughtBy: answer(lesson.taughtBy),
    class: answer(lesson.class),
    learningIntention: answer(lesson.learningIntention),
    afterFirst: number > 1,
    previous: number - 1,
    changedSinceLast: texts(lesson.changedSinceLast),
    pupils: codes.map((code) => ({
      code,
      successCriterion: answer(lesson.successCriteria?.[code]),
      observer: answer(lesson.observers?.[code]),
      interview: answer(lesson.interviews?.[code]),
    })),
    stages: stages.map((stage, j) => ({ number: j + 1, name: answer(stage.stage) })),
    responses,
    discussion: {
      date: dateAnswer(discussion.date),
      pupils: codes.map((code) => {
        const pupil = discussion.casePupils?.[code];
        return {
          code,
          progress: answer(pupil?.progress),
          matched: answer(pupil?.matchedPrediction ? MATCHED[pupil.matchedPrediction] : null),
          change: answer(pupil?.change),
        };
      }),
      teaching: answer(discussion.teaching),
      changesForNext: texts(discussion.changesForNext),
    },
    missing: [],
  };
  view.missing = lessonMissing(lesson, view, codes);
  return view;
}

/** What research lesson n still needs, shortest first: the plan, then the observation, then the discussion. */
function lessonMissing(lesson: ResearchLesson, view: LessonView, codes: readonly string[]): string[] {
  const missing: string[] = [];
  const stages = lesson.stages ?? [];
  const without = (has: (code: string) => boolean): string[] => codes.filter((code) => !has(code));
  const add = (what: string, codesWithout: readonly string[]): void => {
    if (codesWithout.length > 0) missing.push(`${what} for ${codesInWords(codesWithout)}`);
  };
  if (!view.date.recorded) missing.push('the date it is taught');
  if (view.afterFirst && view.changedSinceLast.length === 0)
    missing.push(`what changed since the discussion of research lesson ${view.previous}`);
  add(
    'a success criterion',
    without((c) => hasText(lesson.successCriteria?.[c])),
  );
  add(
    'an observer',
    without((c) => hasText(lesson.observers?.[c])),
  );
  if (stages.length === 0) missing.push('the stages of the lesson, each with a prediction for every case pupil');
  stages.forEach((stage, j) => {
    add(
      `a prediction at stage ${j + 1}`,
      without((c) => hasText(stage.predicted?.[c])),
    );
  });
  stages.forEach((stage, j) => {
    add(
      `the observed response at stage ${j + 1}`,
      without((c) => hasText(stage.observed?.[c])),
    );
  });
  add(
    'interview notes',
    without((c) => hasText(lesson.interviews?.[c])),
  );
  const discussed = lesson.discussion?.casePupils ?? {};
  add(
    'the discussion (progress, and whether it matched the prediction)',
    without((c) => hasText(discussed[c]?.progress) && hasText(discussed[c]?.matchedPrediction)),
  );
  if (!view.discussion.teaching.recorded) missing.push('what the group noticed about the teaching');
  return missing;
}

function overallMissing(
  group: LessonStudyRecord | undefined,
  codes: readonly string[],
  lessons: readonly LessonView[],
): string[] {
  const missing: string[] = [];
  if (codes.length === 0) missing.push('The case pupils, by code (lesson-study.yaml)');
  const vague = (group?.casePupils ?? []).filter((p) => !hasText(p.typifies)).map((p) => codeOf(p));
  if (vague.length > 0) {
    const who =
      vague.length === 1 ? `case pupil ${codesInWords(vague)} typifies` : `case pupils ${codesInWords(vague)} typify`;
    missing.push(`What ${who} (lesson-study.yaml)`);
  }
  if (lessons.length === 0) missing.push('Research lesson 1: add it with sipp lesson add (research-lessons.yaml)');
  for (const lesson of lessons) {
    for (const what of lesson.missing) missing.push(`${lesson.heading}: ${what}`);
  }
  return missing;
}

function lessonsSummary(count: number): string {
  if (count === 0) return `No research lessons yet (usually ${USUAL_LESSONS})`;
  return `${count} research lesson${count === 1 ? '' : 's'} recorded (usually ${USUAL_LESSONS})`;
}

/** The codes a lesson uses, in the order they first appear, when lesson-study.yaml gives none. */
function codesIn(lesson: ResearchLesson): string[] {
  const maps = [
    lesson.observers,
    lesson.successCriteria,
    ...(lesson.stages ?? []).flatMap((s) => [s.predicted, s.observed]),
    lesson.interviews,
    lesson.discussion?.casePupils,
  ];
  return [...new Set(maps.flatMap((m) => Object.keys(m ?? {})))];
}

/**
 * The post-lesson discussion in Dudley's order: each case pupil first (progress, prediction, was it enough, what
 * they said), only then the teaching, then the changes the next plan must cite, then what to share.
 */
export function facilitatorPrompts(codes: readonly string[], lessonCount?: number): string[] {
  const who = codes.length > 0 ? `case pupils ${codesInWords(codes)}` : 'the case pupils';
  const next =
    lessonCount !== undefined && lessonCount < USUAL_LESSONS
      ? `research lesson ${lessonCount + 1}`
      : 'the next research lesson, or when we teach this again';
  return [
    `Case pupils first: take ${who} one at a time. What progress did each make towards their success criterion?`,
    'Did each case pupil respond as we predicted at each stage? Where not, what surprised us, and why?',
    'Was that progress enough? What would have helped each case pupil learn more?',
    'What did the case pupils tell us in their interviews: what helped them, and how did they know how well they did?',
    'Only now the teaching: which moments of the lesson made the difference for the case pupils, and which got in the way?',
    `What will we change in ${next}, and how will its plan show the change?`,
    'What have we learned about teaching this to learners like our case pupils, and which colleagues will we share it with?',
  ];
}

/** Planning a research lesson, in the same order: the case pupils and their predictions first, then the teaching. */
export function planningPrompts(codes: readonly string[], number: number): string[] {
  const who = codes.length > 0 ? `case pupils ${codesInWords(codes)}` : 'the case pupils';
  return [
    `Case pupils first: which learners do ${who} typify, and what would success in research lesson ${number} look like for each of them?`,
    'At each stage of the lesson, how do we predict each case pupil will respond, and why? (Write it down now, before the lesson.)',
    'Who will observe each case pupil, so that none is missed?',
    ...(number > 1
      ? [`What did the discussion of research lesson ${number - 1} ask us to change, and where does this plan show it?`]
      : []),
    'What will we ask each case pupil in the short interview after the lesson?',
    'Only now the teaching: what will the teacher do at each stage to help learners like our case pupils?',
  ];
}
