// The Rounds records of a cycle shaped for the cycle briefing (`methodDetail` in the templates): the problem of
// practice and its checks, the visits with their notes by classroom and the words that recur across classrooms,
// the debrief in protocol order and the next level of work by timeframe.
import type { Answer } from '../kit.js';
import { answer, dateAnswer, dateInWords, listInWords } from '../kit.js';
import type { CycleData } from '../kit.js';
import { quotedQuestions, recurringWords } from './patterns.js';
import {
  CHECKS,
  PHASES,
  TIMEFRAMES,
  hasText,
  roundsRecords,
  written,
  type DebriefRecord,
  type RoundsRecord,
  type Visit,
} from './records.js';
import { PROTOCOL } from './protocol.js';

export interface CheckView {
  label: string;
  question: string;
  /** `Yes`, `No` or `Not yet answered`. */
  answer: string;
  answered: boolean;
  passed: boolean;
  why: Answer;
}

export interface ClassroomView {
  code: string;
  /** `S1 · Mathematics`, or empty. */
  about: string;
  activity: Answer;
  notes: string[];
}

export interface VisitView {
  heading: string;
  date: Answer;
  school: Answer;
  observers: Answer;
  focusQuestions: string[];
  classrooms: ClassroomView[];
  /** `3 classrooms, 17 notes`. */
  summary: string;
  recurring: { word: string; where: string }[];
  /** The questions quoted in the notes, by classroom. */
  questions: { classroom: string; question: string }[];
}

export interface PhaseView {
  /** 1, 2, 3: the phase's place in the protocol. */
  number: number;
  title: string;
  question: string;
  entries: string[];
}

export interface RoundsBriefing {
  network: {
    name: Answer;
    schools: Answer;
    agencies: Answer;
    members: { name: string; role: Answer; organisation: Answer }[];
  };
  hostSchool: Answer;
  problemOfPractice: Answer;
  checks: CheckView[];
  /** `4 of 5 checks answered yes`. */
  checksSummary: string;
  theoryOfAction: Answer;
  visits: VisitView[];
  /** `2 visits, 6 classrooms` or `No visits recorded yet`. */
  visitsSummary: string;
  debriefDate: Answer;
  phases: PhaseView[];
  nextLevelOfWork: { label: string; items: string[] }[];
  /** What the next meeting is for, from how far the round has gone. */
  meetingFocus: string;
  protocol: { phase: string; prompts: string[] }[];
}

export function roundsBriefing(cycle: CycleData): RoundsBriefing {
  const { rounds, visits, debrief } = roundsRecords(cycle);
  const visitViews = (visits?.visits ?? []).map(visitView);
  const classroomCount = visitViews.reduce((n, v) => n + v.classrooms.length, 0);
  const checks = checkViews(rounds);
  const passed = checks.filter((c) => c.passed).length;
  return {
    network: networkView(rounds),
    hostSchool: answer(rounds?.hostSchool),
    problemOfPractice: answer(rounds?.problemOfPractice?.statement),
    checks,
    checksSummary: `${passed} of ${checks.length} checks answered yes`,
    theoryOfAction: answer(rounds?.theoryOfAction),
    visits: visitViews,
    visitsSummary:
      visitViews.length === 0
        ? 'No visits recorded yet'
        : `${count(visitViews.length, 'visit')}, ${count(classroomCount, 'classroom')}`,
    debriefDate: dateAnswer(debrief?.date),
    phases: PHASES.map((phase, i) => {
      const step = PROTOCOL.find((p) => p.id === phase);
      const title = step?.phase ?? phase;
      return {
        number: i + 1,
        title,
        question: step?.question ?? '',
        entries: written(debrief?.[phase]),
      };
    }),
    nextLevelOfWork: TIMEFRAMES.map((t) => ({ label: t.label, items: written(debrief?.nextLevelOfWork?.[t.name]) })),
    meetingFocus: meetingFocus(visitViews, debrief),
    protocol: PROTOCOL.map((p) => ({ phase: p.phase, prompts: [...p.prompts] })),
  };
}

function networkView(rounds: RoundsRecord | undefined): RoundsBriefing['network'] {
  const network = rounds?.network;
  return {
    name: answer(network?.name),
    schools: answer(listInWords(written(network?.schools))),
    agencies: answer(listInWords(written(network?.agencies))),
    members: (network?.members ?? []).map((m) => ({
      name: m.name,
      role: answer(m.role),
      organisation: answer(m.organisation),
    })),
  };
}

function checkViews(rounds: RoundsRecord | undefined): CheckView[] {
  return CHECKS.map((check) => {
    const given = rounds?.problemOfPractice?.checks?.[check.name];
    const value = given?.answer ?? null;
    return {
      label: check.label.charAt(0).toUpperCase() + check.label.slice(1),
      question: check.question.charAt(0).toUpperCase() + check.question.slice(1),
      answer: value === 'yes' ? 'Yes' : value === 'no' ? 'No' : 'Not yet answered',
      answered: value !== null,
      passed: value === 'yes',
      why: answer(given?.why),
    };
  });
}

function visitView(visit: Visit, i: number): VisitView {
  const classrooms = (visit.classrooms ?? []).map((c) => ({
    code: c.code,
    about: [c.stage, c.subject].filter(hasText).join(' · '),
    activity: answer(c.activity),
    notes: (visit.observations ?? []).filter((o) => o.classroom === c.code).flatMap((o) => written(o.notes)),
  }));
  const notes = classrooms.reduce((n, c) => n + c.notes.length, 0);
  const where = [hasText(visit.school) ? visit.school : null, hasText(visit.date) ? dateInWords(visit.date) : null];
  return {
    heading: [`Visit ${i + 1}`, where.filter(hasText).join(', ')].filter(hasText).join(': '),
    date: dateAnswer(visit.date),
    school: answer(visit.school),
    observers: answer(listInWords(written(visit.observers))),
    focusQuestions: written(visit.focusQuestions),
    classrooms,
    summary: `${count(classrooms.length, 'classroom')}, ${count(notes, 'note')}`,
    recurring: recurringWords(classrooms).map((r) => ({
      word: r.word,
      where: `${r.classrooms.length} of ${classrooms.filter((c) => c.notes.length > 0).length} classrooms (${listInWords(r.classrooms)})`,
    })),
    questions: quotedQuestions(classrooms),
  };
}

function meetingFocus(visits: readonly VisitView[], debrief: DebriefRecord | undefined): string {
  const notes = visits.some((v) => v.classrooms.some((c) => c.notes.length > 0));
  const done = (phase: (typeof PHASES)[number]): boolean => written(debrief?.[phase]).length > 0;
  const nextLevel = TIMEFRAMES.some((t) => written(debrief?.nextLevelOfWork?.[t.name]).length > 0);
  if (!notes)
    return 'Plan the visit: agree the focus questions from the problem of practice, the classrooms and who observes where.';
  if (!done('describe'))
    return 'Run the debrief on the notes in this briefing: describe first, then analyse, then predict.';
  if (!done('analyse'))
    return 'Continue the debrief: analyse the evidence already described for patterns, with examples.';
  if (!done('predict'))
    return 'Finish the debrief: predict what a learner who did everything asked would know and be able to do.';
  if (!nextLevel) return 'Agree the next level of work for next week, next month and the end of the year.';
  return 'Review the next level of work: what has happened since the debrief, and what should the next round look for?';
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
