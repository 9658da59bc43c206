// Lesson Study (Dudley, Research Lesson Study): research lessons planned, taught and observed together, with case
// pupils watched against predictions and a post-lesson discussion that starts with them.
import type { Method } from '../kit.js';
import { lessonStudyView, facilitatorPrompts } from './briefing.js';
import { LESSON_STUDY_GUIDE } from './guide.js';
import { lessonStudyPredictions } from './predictions.js';
import { GROUP_RECORD, LESSONS_RECORD } from './records.js';
import { lessonStudyRules } from './rules.js';

export const lessonStudy: Method = {
  id: 'lesson-study',
  name: 'Lesson Study',
  summary:
    'A small group of teachers plans, teaches and observes a sequence of research lessons together, watching three case pupils against their predictions, to learn how to improve the way they teach something.',
  extraRecords: [
    { name: GROUP_RECORD, stage: 'question', title: 'The Lesson Study group and its case pupils' },
    { name: LESSONS_RECORD, stage: 'intervention', title: 'The research lessons' },
  ],
  requirements: [
    {
      record: 'question',
      path: ['question'],
      label: 'the research focus ("We want to learn how to improve the way we teach X to Y")',
    },
    { record: 'question', path: ['targetLearners', 'stages'], label: "the target learners' stages" },
    { record: GROUP_RECORD, path: ['group', 'members'], label: 'the members of the group' },
    { record: GROUP_RECORD, path: ['group', 'groundRules'], label: "the group's ground rules" },
    { record: GROUP_RECORD, path: ['casePupils'], label: 'the case pupils by code (A, B, C)' },
    { record: 'baseline', path: ['evidenceOfNeed'], label: 'the evidence of need (why this focus)' },
    { record: LESSONS_RECORD, path: ['lessons'], label: 'at least one research lesson' },
    {
      record: LESSONS_RECORD,
      path: ['lessons', 0, 'stages'],
      label: 'the stages of research lesson 1 with a prediction for each case pupil',
    },
    {
      record: LESSONS_RECORD,
      path: ['lessons', 0, 'observers'],
      label: 'an observer for each case pupil in research lesson 1',
    },
    {
      record: LESSONS_RECORD,
      path: ['lessons', 0, 'discussion', 'casePupils'],
      label: 'the post-lesson discussion of research lesson 1 (case pupils first)',
    },
    { record: 'reflections', path: ['learning'], label: 'what the group learned' },
    { record: 'reflections', path: ['impactOnLearners'], label: 'the impact on learners' },
    { record: 'reflections', path: ['decision'], label: 'the decision (adopt, adapt, abandon, scale or continue)' },
    { record: 'reflections', path: ['sharedWith'], label: 'who you shared the outcomes with' },
  ],
  nextSteps: {
    question:
      'Write the research focus in question.yaml ("We want to learn how to improve the way we teach X to Y"), then the group, its ground rules and the case pupils (codes, never names) in lesson-study.yaml.',
    baseline:
      'Record in baseline.yaml why this focus matters: the context, and what learners like your case pupils can and cannot do yet.',
    intervention:
      'Add the next research lesson with `sipp lesson add`, then plan it together in research-lessons.yaml: a prediction for every case pupil at every stage, written before the lesson, and an observer for each.',
    measures: 'If you use a measure as well, define it and enter the results in measures.yaml.',
    reflections:
      'After the last research lesson, fill in reflections.yaml: what you learned about teaching the focus, the impact on learners and on practice, and which colleagues you shared it with.',
  },
  facilitatorPrompts: facilitatorPrompts([]),
  guide: LESSON_STUDY_GUIDE,
  cyclePrompts: [
    {
      name: 'question',
      message: 'Research focus ("We want to learn how to improve the way we teach X to Y"):',
      flag: {
        name: 'research-focus',
        help: 'the research focus: "We want to learn how to improve the way we teach X to Y"',
      },
    },
    {
      name: 'casePupils',
      record: GROUP_RECORD,
      kind: 'list',
      listItem: (code) => ({ code, typifies: null }),
      message: "Case pupils' codes, separated by commas (three, or six, nine …; never names):",
      default: 'A, B, C',
      flag: { name: 'case-pupils', help: "the case pupils' codes, separated by commas, e.g. A,B,C" },
    },
  ],
  template: 'lesson-study',
  scaffoldExtra: () => ({
    [GROUP_RECORD]: {
      group: { members: [], groundRules: [] },
      casePupils: ['A', 'B', 'C'].map((code) => ({ code, typifies: null })),
    },
    [LESSONS_RECORD]: { lessons: [] },
  }),
  briefingView: (cycle) => ({ ...lessonStudyView(cycle) }),
  rules: lessonStudyRules,
  predictions: lessonStudyPredictions,
};
