// Practitioner enquiry's part of a cycle briefing (`methodDetail`): the GTCS questions with what is answered and
// what is still to answer, how the enquiry fits in, the critical friend, ethics and the date of the prediction.
import type { Answer } from '../kit.js';
import { answer, dateAnswer, sentenceCase } from '../kit.js';
import { isEmptyAnswer, valueAt } from '../kit.js';
import type { CycleData } from '../kit.js';
import { GTCS_QUESTIONS, PE_RECORD } from './questions.js';
import type { PractitionerEnquiryRecord } from './types.generated.js';
import { recordOf } from '../kit.js';

export interface QuestionRow {
  number: number;
  question: string;
  answered: boolean;
  /** `Answered`, `Partly answered` or `Not yet answered`. */
  status: string;
  /** What is still to write for it, in a teacher's words. */
  missing: string[];
}

export interface PractitionerEnquiryView {
  questions: QuestionRow[];
  /** `7 of 11 questions answered`. */
  summary: string;
  fit: { schoolPriority: Answer; professionalStandards: Answer; professionalLearning: Answer };
  criticalFriend: Answer;
  ethics: Answer;
  /** When the prediction was written (question.yaml's predictionDate). */
  predictionDate: Answer;
}

export function practitionerEnquiryView(cycle: CycleData): PractitionerEnquiryView {
  const own = (cycle.records.get(PE_RECORD) ?? {}) as PractitionerEnquiryRecord;
  const question = recordOf(cycle, 'question') ?? {};
  const questions = questionRows(cycle);
  const answered = questions.filter((q) => q.answered).length;
  return {
    questions,
    summary: `${answered} of ${questions.length} questions answered`,
    fit: {
      schoolPriority: answer(own.fit?.schoolPriority),
      professionalStandards: answer(own.fit?.professionalStandards),
      professionalLearning: answer(own.fit?.professionalLearning),
    },
    criticalFriend: answer(own.criticalFriend),
    ethics: answer(own.ethics),
    predictionDate: dateAnswer(question.predictionDate),
  };
}

/**
 * Each GTCS question with the answers still to write. A record with problems counts as unanswered: its answers
 * cannot be read until `sipp validate` is happy with it.
 */
function questionRows(cycle: CycleData): QuestionRow[] {
  return GTCS_QUESTIONS.map((q, i) => {
    const missing = q.answers
      .filter((a) => isEmptyAnswer(valueAt(cycle.records.get(a.record), a.path)))
      .map((a) => sentenceCase(a.label));
    const answered = missing.length === 0;
    const status = answered ? 'Answered' : missing.length < q.answers.length ? 'Partly answered' : 'Not yet answered';
    return { number: i + 1, question: q.question, answered, status, missing };
  });
}
