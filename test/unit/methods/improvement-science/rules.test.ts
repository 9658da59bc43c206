// Improvement Science rules on in-memory projects: references resolve, the aim has four parts, the family of
// measures, and PDSA studies against predictions.
import { describe, expect, it } from 'vitest';
import { validateProject } from '../../../../src/core/validate/index.js';
import { findMethod } from '../../../../src/methods/registry.js';
import { readSchemas } from '../../../../src/project/assets.js';
import { projectFrom, type Files } from '../../validate/project-from.js';

const DIR = 'cycles/01-attendance';

const DRIVERS = `aim:
  what: Attendance in S1 term 1
  forWhom: S1 learners in SIMD 1-2
  howMuch: From 86% to 92%
  byWhen: 2025-12-19
primaryDrivers:
  - id: belonging
    name: Learners feel they belong
secondaryDrivers:
  - id: trusted-adult
    name: Every learner knows a trusted adult
    primary: [belonging]
changeIdeas:
  - id: check-in
    name: Morning check-in
    drivers: [trusted-adult]
`;

const PDSA = `cycles:
  - id: pdsa-1
    changeIdea: check-in
    plan:
      date: 2025-08-21
      questions:
        - id: q1
          question: Will learners come?
          prediction: Nine of twelve.
      measures: [check-ins]
    do:
      date: 2025-09-01
    study:
      results:
        - question: q1
          result: Seven of twelve.
    act:
      decision: adapt
      rationale: Wrong time of day.
`;

const MEASURES = `measures:
  - id: attendance
    name: Weekly attendance
    type: outcome
  - id: check-ins
    name: Check-ins attended
    type: process
  - id: staff-time
    name: Staff time
    type: balancing
`;

function files(records: Partial<Record<'drivers' | 'pdsa' | 'measures', string>> = {}): Files {
  return {
    'sipp.yaml': 'schemaVersion: 1\ntitle: Attendance\nmethod: improvement-science\n',
    [`${DIR}/question.yaml`]: 'method: improvement-science\n',
    [`${DIR}/drivers.yaml`]: records.drivers ?? DRIVERS,
    [`${DIR}/pdsa.yaml`]: records.pdsa ?? PDSA,
    [`${DIR}/measures.yaml`]: records.measures ?? MEASURES,
  };
}

/** `file:line:col: [warning: ]message`, as `sipp validate` prints problems. */
function problems(records: Parameters<typeof files>[0] = {}): string[] {
  return validateProject(projectFrom(files(records)), readSchemas(), { findMethod }).map(
    (p) => `${p.file}:${p.line}:${p.column}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`,
  );
}

describe('improvement-science rules', () => {
  it('find nothing wrong in a consistent cycle', () => {
    expect(problems()).toEqual([]);
  });

  it('leave a freshly scaffolded cycle alone (empty aim, no drivers, no measures)', () => {
    expect(
      problems({
        drivers:
          'aim:\n  what:\n  forWhom:\n  howMuch:\n  byWhen:\nprimaryDrivers: []\nsecondaryDrivers: []\nchangeIdeas: []\n',
        pdsa: 'cycles: []\n',
        measures: 'measures: []\n',
      }),
    ).toEqual([]);
  });

  it('report each missing part of an aim once it is started: an empty part (still to answer) as a warning at it, a part taken out as an error at `aim`', () => {
    expect(problems({ drivers: 'aim:\n  what: Attendance in S1\n  byWhen:\n' })).toEqual([
      `${DIR}/drivers.yaml:1:1: The aim is missing \`forWhom\`: which learners it is for. An aim needs all four parts: what, for whom, how much and by when.`,
      `${DIR}/drivers.yaml:1:1: The aim is missing \`howMuch\`: how much, from the baseline to the target. An aim needs all four parts: what, for whom, how much and by when.`,
      `${DIR}/drivers.yaml:3:3: warning: The aim is missing \`byWhen\`: the date it is to be reached by. An aim needs all four parts: what, for whom, how much and by when.`,
      `${DIR}/pdsa.yaml:3:17: PDSA cycle pdsa-1 tests the change idea \`check-in\`, which is not in drivers.yaml. drivers.yaml has no change ideas yet: add it under \`changeIdeas:\` there.`,
    ]);
  });

  it('report primary drivers with no aim to lead to', () => {
    const drivers = DRIVERS.replace(/^aim:\n( {2}.*\n)+/, '');
    expect(problems({ drivers })).toEqual([
      `${DIR}/drivers.yaml:1:1: The driver diagram has primary drivers but no aim for them to lead to. Write the aim under \`aim:\`: what will improve, for whom, how much and by when.`,
    ]);
  });

  it('report a secondary driver linked to an unknown primary driver, with a suggestion', () => {
    expect(problems({ drivers: DRIVERS.replace('primary: [belonging]', 'primary: [belongng]') })).toEqual([
      `${DIR}/drivers.yaml:12:15: The secondary driver "Every learner knows a trusted adult" is linked to \`belongng\`, which is not a primary driver in drivers.yaml. Did you mean \`belonging\`?`,
    ]);
  });

  it('list the primary drivers when an unknown id is not close to any', () => {
    expect(problems({ drivers: DRIVERS.replace('primary: [belonging]', 'primary: [families]') })).toEqual([
      `${DIR}/drivers.yaml:12:15: The secondary driver "Every learner knows a trusted adult" is linked to \`families\`, which is not a primary driver in drivers.yaml. Use the id of a primary driver: \`belonging\`.`,
    ]);
  });

  it('report a change idea linked to an unknown driver', () => {
    expect(problems({ drivers: DRIVERS.replace('drivers: [trusted-adult]', 'drivers: [trusted-adults]') })).toEqual([
      `${DIR}/drivers.yaml:16:15: The change idea "Morning check-in" is linked to \`trusted-adults\`, which is not a driver in drivers.yaml. Did you mean \`trusted-adult\`?`,
    ]);
  });

  it('report an id used twice across drivers and change ideas', () => {
    const drivers = DRIVERS.replace('id: check-in', 'id: trusted-adult');
    expect(problems({ drivers, pdsa: PDSA.replace('changeIdea: check-in', 'changeIdea: trusted-adult') })).toEqual([
      `${DIR}/drivers.yaml:14:9: The id \`trusted-adult\` is used twice in drivers.yaml (first on line 10). Give each driver and change idea its own id.`,
    ]);
  });

  it('report a PDSA cycle testing an unknown change idea, with a suggestion', () => {
    expect(problems({ pdsa: PDSA.replace('changeIdea: check-in', 'changeIdea: checkin') })).toEqual([
      `${DIR}/pdsa.yaml:3:17: PDSA cycle pdsa-1 tests the change idea \`checkin\`, which is not in drivers.yaml. Did you mean \`check-in\`?`,
    ]);
  });

  it('report a PDSA measure that measures.yaml does not define', () => {
    expect(problems({ pdsa: PDSA.replace('measures: [check-ins]', 'measures: [check-inns]') })).toEqual([
      `${DIR}/pdsa.yaml:10:18: PDSA cycle pdsa-1 collects the measure \`check-inns\`, which is not defined in this cycle's measures.yaml. Did you mean \`check-ins\`?`,
    ]);
  });

  it('report a study result for a question the plan does not have', () => {
    expect(problems({ pdsa: PDSA.replace('- question: q1\n', '- question: q2\n') })).toEqual([
      `${DIR}/pdsa.yaml:15:21: This result is for the question \`q2\`, which the plan of PDSA cycle pdsa-1 does not have. Its questions are \`q1\`.`,
    ]);
  });

  it('report duplicate PDSA ids and duplicate question ids', () => {
    const twice = `${PDSA}  - id: pdsa-1\n    changeIdea: check-in\n    plan:\n      questions:\n        - { id: q1, question: A }\n        - { id: q1, question: B }\n`;
    expect(problems({ pdsa: twice })).toEqual([
      `${DIR}/pdsa.yaml:20:9: The PDSA cycle id \`pdsa-1\` is used twice in pdsa.yaml (first on line 2). Give each PDSA cycle its own id, for example pdsa-2.`,
      `${DIR}/pdsa.yaml:25:17: The question id \`q1\` is used twice in the plan of PDSA cycle pdsa-1 (first on line 24). Give each question its own id, for example q2.`,
    ]);
  });

  it('warn when a study has no prediction to compare with, for one question or for the whole plan', () => {
    const noPrediction = PDSA.replace('          prediction: Nine of twelve.\n', '');
    expect(problems({ pdsa: noPrediction })).toEqual([
      `${DIR}/pdsa.yaml:12:5: warning: PDSA cycle pdsa-1 has a study, but its plan makes no prediction to compare the results with. Write a prediction for each question in the plan before the test.`,
    ]);
    const second = PDSA.replace(
      '      measures:',
      '        - id: q2\n          question: Will staff keep it up?\n      measures:',
    ).replace(
      '          result: Seven of twelve.\n',
      '          result: Seven of twelve.\n        - question: q2\n          result: Yes.\n',
    );
    expect(problems({ pdsa: second })).toEqual([
      `${DIR}/pdsa.yaml:19:21: warning: The result for question \`q2\` of PDSA cycle pdsa-1 has no prediction to compare it with: the plan gives none for that question. Write predictions in the plan before the test.`,
    ]);
  });

  it('warn, through the prediction-first rule, when a PDSA prediction is dated after its test, naming both dates', () => {
    expect(problems({ pdsa: PDSA.replace('date: 2025-08-21', 'date: 2025-09-03') })).toEqual([
      `${DIR}/pdsa.yaml:9:23: warning: The prediction for question q1 of PDSA cycle pdsa-1 was written on 3 September 2025, after the test of PDSA cycle pdsa-1 (recorded on 1 September 2025 in pdsa.yaml). Write predictions before you collect the data, so that they can be tested.`,
    ]);
  });

  it('warn when an act decision has no rationale', () => {
    expect(problems({ pdsa: PDSA.replace('      rationale: Wrong time of day.\n', '') })).toEqual([
      `${DIR}/pdsa.yaml:18:17: warning: PDSA cycle pdsa-1 decides to adapt the change idea but gives no reason. Write the evidence behind the decision under \`rationale:\`, so that partners can see why.`,
    ]);
  });

  it('require an outcome and a process measure and warn without a balancing one, once measures are defined', () => {
    const only = 'measures:\n  - id: check-ins\n    name: Check-ins\n    type: qualitative\n';
    expect(problems({ measures: only })).toEqual([
      `${DIR}/measures.yaml:1:1: warning: There is no balancing measure: add one with \`type: balancing\` to check that nothing else gets worse because of the changes (for example staff time, or the attendance of other learners).`,
      `${DIR}/measures.yaml:1:1: There is no outcome measure: mark at least one measure \`type: outcome\` (the result for learners that the aim is about, for example attendance).`,
      `${DIR}/measures.yaml:1:1: There is no process measure: mark at least one measure \`type: process\` (whether the changes are happening as planned, for example the share of welcome calls made).`,
    ]);
  });

  it('give one message for one mistake: a drivers.yaml with schema errors is not checked for references', () => {
    const broken = DRIVERS.replace('primary: [belonging]', 'primary: belonging');
    const found = problems({ drivers: broken });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^cycles\/01-attendance\/drivers\.yaml:12:/);
  });
});
