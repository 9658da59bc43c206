// `sipp guide practitioner-enquiry`: the GTCS professional enquiry questions and where each is answered.
import { GTCS_QUESTIONS } from './questions.js';

/** `question.yaml: question; intervention.yaml: what` for one GTCS question. */
function whereAnswered(index: number): string {
  const answers = GTCS_QUESTIONS[index]?.answers ?? [];
  const byRecord = new Map<string, string[]>();
  for (const a of answers) byRecord.set(a.record, [...(byRecord.get(a.record) ?? []), a.path.join('.')]);
  return [...byRecord].map(([record, paths]) => `${record}.yaml: ${paths.join(', ')}`).join('; ');
}

const MAP = GTCS_QUESTIONS.map((q, i) => `  ${String(i + 1).padStart(2)}. ${q.question.padEnd(34)}${whereAnswered(i)}`);

export const PRACTITIONER_ENQUIRY_GUIDE = [
  'Practitioner enquiry (the GTCS professional enquiry questions).',
  '',
  'A light method for one teacher looking into their own practice with their own learners, with a colleague as',
  "critical friend. It follows the General Teaching Council for Scotland's questions for professional enquiry,",
  'in the same five records as every sipp cycle, plus one small record of its own.',
  '',
  'The questions, and where each is answered',
  ...MAP,
  '',
  'Records in each cycle folder',
  '  question.yaml              The problem as an enquiry question about your own practice, your learners, what',
  '                             is already known (rationale), your prediction and the date you wrote it',
  '                             (predictionDate), and how you will know what happened.',
  '  practitioner-enquiry.yaml  How it fits in (the school priority, the GTCS Professional Standards, your',
  '                             PRD and Professional Update), your critical friend (by role) and how you keep',
  '                             the enquiry ethical: learners told, free to say no, codes never names.',
  '  baseline.yaml              The situation now: the date, the context, the evidence of need, baseline values.',
  '  intervention.yaml          How you will tackle it and the plan (what, when, with which class); then what you',
  '                             actually did, with a dated log of adaptations.',
  '  measures.yaml              How you will know: a few measures (a writing assessment, a learner survey, work',
  '                             samples) and the results before and after (aggregated figures only).',
  '  reflections.yaml           What happened against your prediction, what you have learnt, the difference for',
  '                             learners and for your practice, and who you shared it with, how and when.',
  '',
  'Write the prediction, and its date, before you collect any results: `sipp validate` warns when a prediction',
  'comes after the data it predicts (by the dates in the records, or by when Git says each was committed).',
  '',
  'Commands',
  '  sipp cycle --method practitioner-enquiry --question "..." --school-priority "..." --already-known "..."',
  '             --approach "..." --prediction "..." --how-will-you-know "..."',
  '                             Starts a cycle (without flags, sipp asks the questions in turn).',
  '  sipp status                Says which of the questions are still to answer.',
  "  sipp validate              Checks the records, warns when learners' evidence is recorded with nothing said",
  '                             about ethics, and when a prediction was written after its data.',
  '  sipp brief                 Prints a briefing for your critical friend or your partnership: the questions,',
  '                             what is answered, and prompts for your next conversation.',
].join('\n');
