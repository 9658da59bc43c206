// The GTCS professional enquiry questions, in their order, each with the answers in the cycle's records that
// answer it: one list that gives the method its requirements, its guide's map and its briefing's checklist.
import type { Requirement } from '../kit.js';

/** The method's own record: how the enquiry fits in, the critical friend, ethics. */
export const PE_RECORD = 'practitioner-enquiry';

export interface EnquiryQuestion {
  /** The question as GTCS words it. */
  question: string;
  /** The answers that must be recorded before the question counts as answered. */
  answers: Requirement[];
}

export const GTCS_QUESTIONS: readonly EnquiryQuestion[] = [
  {
    question: "What's the problem?",
    answers: [{ record: 'question', path: ['question'], label: 'the problem, put as an enquiry question' }],
  },
  {
    question: 'How does it fit in?',
    answers: [
      { record: PE_RECORD, path: ['fit', 'schoolPriority'], label: 'how it fits in: the school priority it serves' },
    ],
  },
  {
    question: "What's already known?",
    answers: [
      { record: 'question', path: ['rationale'], label: 'what is already known: reading, research, colleagues' },
    ],
  },
  {
    question: 'How will you tackle it?',
    answers: [
      { record: 'intervention', path: ['what'], label: 'how you will tackle it: the change in your teaching' },
      { record: 'question', path: ['prediction'], label: 'what you expect to happen (your prediction)' },
      { record: 'question', path: ['predictionDate'], label: 'the date you wrote the prediction' },
    ],
  },
  {
    question: 'How will you know what happened?',
    answers: [
      { record: 'question', path: ['howWillWeKnow'], label: 'how you will know what happened' },
      { record: 'measures', path: ['measures'], label: 'at least one measure' },
    ],
  },
  {
    question: "What's the plan?",
    answers: [
      { record: 'intervention', path: ['planned'], label: 'the plan: what, when and with which learners' },
      { record: 'intervention', path: ['start'], label: 'the start date' },
      { record: PE_RECORD, path: ['ethics'], label: 'how you keep the enquiry ethical' },
    ],
  },
  {
    question: "What's the situation now?",
    answers: [
      { record: 'baseline', path: ['date'], label: 'the date you took stock (the baseline date)' },
      { record: 'baseline', path: ['evidenceOfNeed'], label: 'the situation now: the evidence of need' },
    ],
  },
  {
    question: 'Implement.',
    answers: [{ record: 'intervention', path: ['actual'], label: 'what you did, and how it went' }],
  },
  {
    question: 'What happened?',
    answers: [
      { record: 'reflections', path: ['outcomeVsPrediction'], label: 'what happened, compared with what you expected' },
    ],
  },
  {
    question: 'What have you learnt?',
    answers: [
      { record: 'reflections', path: ['learning'], label: 'what you have learnt' },
      { record: 'reflections', path: ['impactOnLearners'], label: 'the difference it made to learners' },
    ],
  },
  {
    question: 'How will you share?',
    answers: [{ record: 'reflections', path: ['sharedWith'], label: 'who you shared it with, how and when' }],
  },
];
