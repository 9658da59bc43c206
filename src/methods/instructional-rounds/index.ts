// Instructional Rounds (City, Elmore, Fiarman & Teitel), Scotland's Learning Rounds: a network visits classrooms
// together around one problem of practice, takes low-inference notes and debriefs describe -> analyse -> predict.
import type { ProjectFile } from '../kit.js';
import type { Method } from '../kit.js';
import { roundsBriefing } from './briefing.js';
import { GUIDE } from './guide.js';
import { protocolPrompts } from './protocol.js';
import {
  CHECKS,
  DEBRIEF,
  ROUNDS,
  VISITS,
  type DebriefRecord,
  type RoundsRecord,
  type VisitsRecord,
} from './records.js';
import { roundsRules } from './rules.js';

/** The partnership in sipp.yaml is where the network starts: its name, its schools and its team (their job roles are for the team to add). */
function initialNetwork(project: ProjectFile): NonNullable<RoundsRecord['network']> {
  const partnership = project.partnership;
  return {
    name: partnership?.name ?? null,
    schools: [...new Set((partnership?.schools ?? []).map((s) => s.name).filter((name) => name.trim() !== ''))],
    agencies: [],
    members: (project.team ?? [])
      .filter((m) => m.name.trim() !== '')
      .map((m) => ({
        name: m.name,
        role: null,
        organisation: m.school ?? null,
      })),
  };
}

const emptyCheck = (): { answer: null; why: null } => ({ answer: null, why: null });

export const instructionalRounds: Method = {
  id: 'instructional-rounds',
  name: 'Instructional (Learning) Rounds',
  summary:
    'A network of educators visits classrooms together around one problem of practice, takes low-inference notes and debriefs in order (describe, analyse, predict) to agree the next level of work.',
  extraRecords: [
    { name: ROUNDS, stage: 'question', title: 'Network, problem of practice and theory of action' },
    { name: VISITS, stage: 'intervention', title: 'Visits and observation notes' },
    { name: DEBRIEF, stage: 'reflections', title: 'Debrief and next level of work' },
  ],
  requirements: [
    { record: ROUNDS, path: ['network', 'schools'], label: "the network's schools" },
    { record: ROUNDS, path: ['network', 'members'], label: "the network's members" },
    { record: ROUNDS, path: ['problemOfPractice', 'statement'], label: 'the problem of practice' },
    ...CHECKS.map((check) => ({
      record: ROUNDS,
      path: ['problemOfPractice', 'checks', check.name, 'answer'],
      label: `the answer to the check "${check.label}"`,
    })),
    { record: ROUNDS, path: ['theoryOfAction'], label: 'the theory of action ("if ... then ...")' },
    { record: 'baseline', path: ['evidenceOfNeed'], label: 'the evidence of need behind the problem of practice' },
    { record: VISITS, path: ['visits'], label: 'at least one visit' },
    { record: VISITS, path: ['visits', 0, 'observations'], label: 'the observation notes of the first visit' },
    { record: DEBRIEF, path: ['describe'], label: 'the describe phase of the debrief' },
    { record: DEBRIEF, path: ['analyse'], label: 'the analyse phase of the debrief' },
    { record: DEBRIEF, path: ['predict'], label: 'the predict phase of the debrief' },
    { record: DEBRIEF, path: ['nextLevelOfWork', 'nextWeek'], label: 'the next level of work for next week' },
    { record: DEBRIEF, path: ['nextLevelOfWork', 'nextMonth'], label: 'the next level of work for next month' },
    {
      record: DEBRIEF,
      path: ['nextLevelOfWork', 'endOfYear'],
      label: 'the next level of work for the end of the year',
    },
    { record: 'reflections', path: ['learning'], label: 'what the network learned' },
  ],
  nextSteps: {
    question:
      'In rounds.yaml, list the network, write the problem of practice, answer its five checks and write the theory of action as "if ... then ...".',
    baseline: 'In baseline.yaml, record the evidence of need: why the host school chose this problem of practice.',
    intervention:
      'Visit: in visits.yaml, add each visit with its classrooms (codes, never names) and the low-inference notes from each classroom.',
    measures: 'If the host school measures a change, define the measures and results in measures.yaml.',
    reflections:
      'Debrief in order in debrief.yaml: describe, analyse, predict, then the next level of work; then write what the network learned in reflections.yaml.',
  },
  facilitatorPrompts: protocolPrompts(),
  guide: GUIDE,
  cyclePrompts: [
    {
      name: 'problemOfPractice.statement',
      record: ROUNDS,
      message: 'What is the problem of practice? (You can leave it blank and write it later.)',
      flag: { name: 'problem-of-practice', help: 'the problem of practice of an Instructional Rounds cycle' },
    },
    {
      name: 'theoryOfAction',
      record: ROUNDS,
      message: 'What is the theory of action? Write it as "If we ..., then ..."',
      flag: {
        name: 'theory-of-action',
        help: 'the theory of action ("If ..., then ...") of an Instructional Rounds cycle',
      },
    },
    {
      name: 'hostSchool',
      record: ROUNDS,
      message: 'Which school hosts this round? (Leave it blank if the whole network shares the problem of practice.)',
      flag: { name: 'host-school', help: 'the host school of an Instructional Rounds cycle' },
    },
  ],
  template: 'instructional-rounds',
  scaffoldExtra: (project) => ({
    [ROUNDS]: {
      network: initialNetwork(project),
      hostSchool: null,
      problemOfPractice: {
        statement: null,
        checks: {
          instructionalCore: emptyCheck(),
          observable: emptyCheck(),
          actionable: emptyCheck(),
          linkedToStrategy: emptyCheck(),
          highLeverage: emptyCheck(),
        },
      },
      theoryOfAction: null,
    } satisfies RoundsRecord,
    [VISITS]: { visits: [] } satisfies VisitsRecord,
    [DEBRIEF]: {
      date: null,
      describe: [],
      analyse: [],
      predict: [],
      nextLevelOfWork: { nextWeek: [], nextMonth: [], endOfYear: [] },
    } satisfies DebriefRecord,
  }),
  briefingView: (cycle) => ({ ...roundsBriefing(cycle) }),
  rules: roundsRules,
};
