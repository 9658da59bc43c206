// Practitioner enquiry (the GTCS professional enquiry questions): a light method for one teacher looking into their
// own practice, mapped onto the five records of the cycle with one small record of its own.
import { corePredictionPairs } from '../kit.js';
import type { Method } from '../kit.js';
import { practitionerEnquiryView } from './briefing.js';
import { PRACTITIONER_ENQUIRY_GUIDE } from './guide.js';
import { GTCS_QUESTIONS, PE_RECORD } from './questions.js';
import { practitionerEnquiryRules } from './rules.js';
import type { PractitionerEnquiryRecord } from './types.generated.js';

export const practitionerEnquiry: Method = {
  id: 'practitioner-enquiry',
  name: 'Practitioner enquiry',
  summary:
    'One teacher looks into a problem in their own practice with their own learners, following the GTCS professional enquiry questions, with a colleague as critical friend: choose it for an individual enquiry, for example one for Professional Update.',
  extraRecords: [
    { name: PE_RECORD, stage: 'question', title: 'How the enquiry fits in, the critical friend and ethics' },
  ],
  requirements: GTCS_QUESTIONS.flatMap((q) => q.answers),
  nextSteps: {
    question:
      "Answer the first questions in question.yaml and practitioner-enquiry.yaml: what's the problem (as a question about your own practice), how it fits in, what's already known, your prediction with the date you wrote it, how you will know what happened, and how you will keep the enquiry ethical.",
    baseline:
      'Record the situation now in baseline.yaml: the date, your class, and the evidence that there is a problem.',
    intervention:
      'Write how you will tackle it and the plan in intervention.yaml (what, when, with which learners, and the start date); afterwards, what you actually did.',
    measures:
      'Name your measures in measures.yaml (a writing assessment, a learner survey, work samples) and enter the results.',
    reflections:
      'Fill in reflections.yaml with your critical friend: what happened against your prediction, what you have learnt, the difference for learners, and who you shared it with.',
  },
  facilitatorPrompts: [
    "What's the problem: is the question about the teacher's own practice, and narrow enough to answer in one cycle?",
    'How does it fit in: which school priority does it serve, and what does it offer the learners in the equity group?',
    "What's already known: which reading, research or colleagues' experience shaped the change?",
    'The prediction: was it written before the evidence was collected, and what evidence would show it wrong?',
    'The evidence: is it enough to tell what happened, and what did learners themselves say?',
    'What has been learnt: what will the teacher keep doing, change or stop, and what would they tell a colleague?',
    'How will you share: who else in the school or partnership should hear about it, and how (a department meeting, the cluster, Professional Update)?',
  ],
  guide: PRACTITIONER_ENQUIRY_GUIDE,
  cyclePrompts: [
    { name: 'question', message: "What's the problem? Put it as a question about your own practice:" },
    {
      name: 'fit.schoolPriority',
      record: PE_RECORD,
      message: 'How does it fit in: which priority of your school improvement plan does it serve?',
      flag: { name: 'school-priority', help: 'how it fits in: the school improvement plan priority it serves' },
    },
    {
      name: 'rationale',
      message: "What's already known: what have you read, or learned from colleagues?",
      flag: { name: 'already-known', help: "what's already known: reading, research, colleagues' experience" },
    },
    {
      name: 'what',
      record: 'intervention',
      message: 'How will you tackle it: what will you change in your teaching?',
      flag: { name: 'approach', help: 'how you will tackle it: the change in your teaching' },
    },
    {
      name: 'prediction',
      message: 'What do you expect to happen?',
      flag: { name: 'prediction', help: 'what you expect to happen, written before any data is collected' },
    },
    {
      name: 'howWillWeKnow',
      message: 'How will you know what happened?',
      flag: { name: 'how-will-you-know', help: 'how you will know what happened: the evidence you will collect' },
    },
  ],
  template: 'practitioner-enquiry',
  scaffoldExtra: () => ({
    [PE_RECORD]: {
      fit: { schoolPriority: null, professionalStandards: null, professionalLearning: null },
      criticalFriend: null,
      ethics: null,
    } satisfies PractitionerEnquiryRecord,
  }),
  briefingView: (cycle) => ({ ...practitionerEnquiryView(cycle) }),
  rules: practitionerEnquiryRules,
  predictions: corePredictionPairs,
};
