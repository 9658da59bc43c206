// Improvement Science (the Model for Improvement, driver diagrams and PDSA cycles): an aim in four parts, a driver
// diagram of the changes that could reach it, and small Plan-Do-Study-Act tests of those changes, with a family of
// outcome, process and balancing measures. Its records: drivers.yaml and pdsa.yaml beside the five core records.
import type { Method } from '../kit.js';
import { improvementBriefing } from './briefing.js';
import { guide } from './guide.js';
import { improvementPredictions } from './predictions.js';
import { improvementRules } from './rules.js';
import { pdsaAdherence, pdsaPredictionOutcomes } from './track-record.js';
import type { DriversRecord, PdsaRecord } from './types.generated.js';

/** Every answer present and empty, so teachers see what to fill in; valid against the schemas as it is. */
function scaffoldExtra(): Record<string, Record<string, unknown>> {
  const drivers: DriversRecord = {
    aim: { what: null, forWhom: null, howMuch: null, byWhen: null },
    primaryDrivers: [],
    secondaryDrivers: [],
    changeIdeas: [],
  };
  const pdsa: PdsaRecord = { cycles: [] };
  return { drivers: { ...drivers }, pdsa: { ...pdsa } };
}

export const improvementScience: Method = {
  id: 'improvement-science',
  name: 'Improvement Science',
  summary:
    'The Model for Improvement: an aim in four parts, a driver diagram of the changes that could reach it, and small Plan-Do-Study-Act tests of those changes, tracked with outcome, process and balancing measures over time.',
  extraRecords: [
    { name: 'drivers', stage: 'question', title: 'Aim and driver diagram' },
    { name: 'pdsa', stage: 'intervention', title: 'PDSA cycles' },
  ],
  requirements: [
    { record: 'question', path: ['targetLearners', 'stages'], label: "the target learners' stages" },
    { record: 'drivers', path: ['aim', 'what'], label: 'the aim: what will improve' },
    { record: 'drivers', path: ['aim', 'forWhom'], label: 'the aim: for whom' },
    { record: 'drivers', path: ['aim', 'howMuch'], label: 'the aim: how much' },
    { record: 'drivers', path: ['aim', 'byWhen'], label: 'the aim: by when' },
    { record: 'drivers', path: ['primaryDrivers'], label: 'at least one primary driver' },
    { record: 'drivers', path: ['secondaryDrivers'], label: 'at least one secondary driver' },
    { record: 'drivers', path: ['changeIdeas'], label: 'at least one change idea' },
    { record: 'baseline', path: ['date'], label: 'the baseline date' },
    { record: 'baseline', path: ['evidenceOfNeed'], label: 'the evidence of need' },
    { record: 'baseline', path: ['values'], label: 'at least one baseline value' },
    { record: 'pdsa', path: ['cycles'], label: 'at least one PDSA cycle' },
    { record: 'measures', path: ['measures'], label: 'the family of measures (outcome, process, balancing)' },
    { record: 'measures', path: ['series'], label: 'a dated series of values for a run chart' },
    {
      record: 'reflections',
      path: ['outcomeVsPrediction'],
      label: 'the outcome compared with the aim and the predictions',
    },
    { record: 'reflections', path: ['learning'], label: 'what the team learned' },
    { record: 'reflections', path: ['impactOnLearners'], label: 'the impact on learners' },
    { record: 'reflections', path: ['decision'], label: 'the decision for the cycle as a whole' },
    { record: 'reflections', path: ['nextSteps'], label: 'the next steps' },
  ],
  nextSteps: {
    question:
      'Say who the target learners are in question.yaml, write the aim in drivers.yaml (what, for whom, how much, by when), then draw the driver diagram there: primary drivers, secondary drivers and change ideas.',
    baseline:
      'Record where things stand before any change in baseline.yaml: the evidence of need and a baseline value for the outcome measure.',
    intervention:
      'Plan the first small test of a change idea in pdsa.yaml: its questions, a prediction for each, and who does what, when and where. Write the plan before you run the test.',
    measures:
      'Define the family of measures in measures.yaml (outcome, process and balancing) and add the values week by week as a dated series, for run charts.',
    reflections:
      'Meet as a team and fill in reflections.yaml: what the PDSA cycles showed together, the impact on learners, and what happens next.',
  },
  facilitatorPrompts: [
    'Predictions first: for each PDSA question, what did we predict, what happened, and what explains the difference?',
    'Adopt: is the evidence strong enough to keep this change as it is? What will make it part of how every school works?',
    'Adapt: what exactly will we change for the next cycle, at what scale, and what do we predict this time?',
    'Abandon: what did this change idea teach us about its driver? Is there a better change idea for that driver?',
    'Measures: is the outcome measure moving on the run chart (a shift or a trend, not one good week)? Do the process measures show the changes happening?',
    'Balancing: has anything got worse for learners, families or staff because of the changes?',
    'Equity: are learners in the equity group benefiting at least as much as others? What do the data split by group show?',
    'Next test: what is the next small test, with whom, and when does it start?',
  ],
  guide,
  cyclePrompts: [
    {
      name: 'aim.what',
      record: 'drivers',
      message: 'The aim, what will improve? (for example: attendance in the first term of S1)',
      flag: { name: 'aim-what', help: 'the aim: what will improve' },
    },
    {
      name: 'aim.forWhom',
      record: 'drivers',
      message: 'The aim, for whom? (for example: learners moving to S1 who live in SIMD quintiles 1 and 2)',
      flag: { name: 'aim-for-whom', help: 'the aim: for whom' },
    },
    {
      name: 'aim.howMuch',
      record: 'drivers',
      message: 'The aim, how much: from the baseline to what target? (for example: from 86% to 92% of sessions)',
      flag: { name: 'aim-how-much', help: 'the aim: how much, from the baseline to the target' },
    },
    {
      name: 'aim.byWhen',
      record: 'drivers',
      message: 'The aim, by when? (a date such as 2026-12-18, or a point in the year such as the end of term 2)',
      flag: { name: 'aim-by-when', help: 'the aim: by when' },
    },
  ],
  template: 'improvement-science',
  scaffoldExtra,
  briefingView: improvementBriefing,
  rules: improvementRules,
  predictions: improvementPredictions,
  predictionOutcomes: pdsaPredictionOutcomes,
  adherence: pdsaAdherence,
};
