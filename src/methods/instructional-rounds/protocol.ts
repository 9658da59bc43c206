// The debrief protocol of Instructional Rounds (City, Elmore, Fiarman & Teitel): describe, analyse, predict, then
// the next level of work. The facilitator's prompts follow it, phase by phase.

export interface ProtocolStep {
  id: 'describe' | 'analyse' | 'predict' | 'nextLevelOfWork';
  phase: string;
  /** The question the phase answers, as printed above its entries. */
  question: string;
  prompts: readonly string[];
}

export const PROTOCOL: readonly ProtocolStep[] = [
  {
    id: 'describe',
    phase: 'Describe',
    question: 'What did observers see and hear? Evidence only, no judgements.',
    prompts: [
      'Read the notes classroom by classroom. What did teachers and learners say and do? Keep to evidence (quotes, counts, the task learners were given) and park judgements for later.',
      'What evidence do we have for each focus question, and where is it thin?',
    ],
  },
  {
    id: 'analyse',
    phase: 'Analyse',
    question: 'What patterns run across classrooms, with examples?',
    prompts: [
      'What patterns run across classrooms? Name each one with examples by classroom code, and look at what the task asked learners to do.',
      'What do the patterns say about the problem of practice, and about our theory of action?',
    ],
  },
  {
    id: 'predict',
    phase: 'Predict',
    question:
      'If you were a learner in these classrooms and did everything you were asked, what would you know and be able to do?',
    prompts: [
      'If you were a learner here and did everything you were asked, what would you know and be able to do? What about the learners the partnership most wants to reach?',
    ],
  },
  {
    id: 'nextLevelOfWork',
    phase: 'Next level of work',
    question: 'What will happen next week, next month and by the end of the year?',
    prompts: [
      'What will the host school do next week, next month and by the end of the year, and what support does it need from the network and the authority?',
      'What should the network look for on its next round?',
    ],
  },
];

/** The prompts as one list, each starting with its phase: what `sipp guide` prints. */
export function protocolPrompts(): string[] {
  return PROTOCOL.flatMap((step) => step.prompts.map((prompt) => `${step.phase}: ${prompt}`));
}
