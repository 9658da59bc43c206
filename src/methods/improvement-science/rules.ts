// Improvement Science checks across a cycle's records: the chain PDSA -> change idea -> driver -> aim holds, the
// aim has its four parts, the family of measures is there, and each PDSA compares its study with predictions.
import type { Problem } from '../kit.js';
import type { MeasuresRecord } from '../kit.js';
import { positionOf, type PathSegment, type SourceFile } from '../kit.js';
import { isEmptyAnswer } from '../kit.js';
import { quote } from '../kit.js';
import { closestMatch } from '../kit.js';
import { isGiven } from '../kit.js';
import type { CycleData } from '../kit.js';
import type { DriversRecord, PdsaRecord } from './types.generated.js';
import { problemAt as at } from '../kit.js';

type Pdsa = NonNullable<PdsaRecord['cycles']>[number];

/** The four parts of an aim (Model for Improvement), in the order an aim is written. */
export const AIM_PARTS = [
  { key: 'what', words: 'what will improve' },
  { key: 'forWhom', words: 'which learners it is for' },
  { key: 'howMuch', words: 'how much, from the baseline to the target' },
  { key: 'byWhen', words: 'the date it is to be reached by' },
] as const;

/** What a cycle's records give the rules: data of records without errors, with the file each came from. */
interface Loaded<T> {
  data: T;
  file: SourceFile;
}

function loaded<T>(cycle: CycleData, name: string): Loaded<T> | undefined {
  const data = cycle.records.get(name);
  const file = cycle.source.records.get(name);
  return data && file ? { data: data as T, file } : undefined;
}

export function improvementRules(cycle: CycleData): Problem[] {
  const drivers = loaded<DriversRecord>(cycle, 'drivers');
  const pdsa = loaded<PdsaRecord>(cycle, 'pdsa');
  const measures = loaded<MeasuresRecord>(cycle, 'measures');
  return [
    ...(drivers ? driverDiagramProblems(drivers) : []),
    ...(pdsa ? pdsaProblems(pdsa, drivers, measures) : []),
    ...(measures ? measureFamilyProblems(measures) : []),
  ];
}

// ---------------------------------------------------------------------------------------------------------
// drivers.yaml: the aim and the diagram

function driverDiagramProblems({ data, file }: Loaded<DriversRecord>): Problem[] {
  const problems: Problem[] = [];
  const aim: NonNullable<DriversRecord['aim']> = data.aim ?? {};
  const primaries = data.primaryDrivers ?? [];
  const aimStarted = !isEmptyAnswer(aim);

  if (!aimStarted && primaries.length > 0) {
    problems.push(
      at(
        file,
        data.aim === undefined ? ['primaryDrivers'] : ['aim'],
        'The driver diagram has primary drivers but no aim for them to lead to. Write the aim under `aim:`: what will improve, for whom, how much and by when.',
        'driver-diagram-aim',
        'error',
        'key',
      ),
    );
  }
  if (aimStarted) {
    for (const part of AIM_PARTS) {
      if (isGiven(aim[part.key])) continue;
      // A part left empty is still to answer (as sipp cycle writes it); a part taken out is an error.
      const stillToAnswer = part.key in aim;
      problems.push(
        at(
          file,
          stillToAnswer ? ['aim', part.key] : ['aim'],
          `The aim is missing \`${part.key}\`: ${part.words}. An aim needs all four parts: what, for whom, how much and by when.`,
          'aim-four-parts',
          stillToAnswer ? 'warning' : 'error',
          'key',
        ),
      );
    }
  }

  // Ids are shared by primary drivers, secondary drivers and change ideas: change ideas link to either kind.
  const firstPath = new Map<string, PathSegment[]>();
  const lists = [
    ['primaryDrivers', primaries],
    ['secondaryDrivers', data.secondaryDrivers ?? []],
    ['changeIdeas', data.changeIdeas ?? []],
  ] as const;
  for (const [key, list] of lists) {
    list.forEach((item, i) => {
      const path = [key, i, 'id'];
      const first = firstPath.get(item.id);
      if (!first) {
        firstPath.set(item.id, path);
        return;
      }
      problems.push(
        at(
          file,
          path,
          `The id \`${item.id}\` is used twice in drivers.yaml (first on line ${positionOf(file, first).line}). Give each driver and change idea its own id.`,
          'driver-id-unique',
        ),
      );
    });
  }

  const primaryIds = primaries.map((p) => p.id);
  (data.secondaryDrivers ?? []).forEach((secondary, i) => {
    secondary.primary.forEach((id, j) => {
      if (primaryIds.includes(id)) return;
      problems.push(
        at(
          file,
          ['secondaryDrivers', i, 'primary', j],
          `The secondary driver ${quote(secondary.name)} is linked to \`${id}\`, which is not a primary driver in drivers.yaml. ${unknownIdHint(id, primaryIds, 'primary driver', 'primaryDrivers')}`,
          'secondary-driver-primary',
        ),
      );
    });
  });

  const driverIds = [...primaryIds, ...(data.secondaryDrivers ?? []).map((s) => s.id)];
  (data.changeIdeas ?? []).forEach((idea, i) => {
    idea.drivers.forEach((id, j) => {
      if (driverIds.includes(id)) return;
      problems.push(
        at(
          file,
          ['changeIdeas', i, 'drivers', j],
          `The change idea ${quote(idea.name)} is linked to \`${id}\`, which is not a driver in drivers.yaml. ${unknownIdHint(id, driverIds, 'primary or secondary driver', 'secondaryDrivers')}`,
          'change-idea-driver',
        ),
      );
    });
  });
  return problems;
}

/** "Did you mean …?" for an id that is not there, or where the ids it could be are listed. */
function unknownIdHint(id: string, known: readonly string[], kind: string, listKey: string): string {
  const suggestion = closestMatch(id, known, true);
  if (suggestion) return `Did you mean \`${suggestion}\`?`;
  if (known.length === 0) return `There is no ${kind} yet: add it under \`${listKey}:\` first.`;
  return `Use the id of a ${kind}: ${known.map((k) => `\`${k}\``).join(', ')}.`;
}

// ---------------------------------------------------------------------------------------------------------
// pdsa.yaml: every PDSA cycle tests a known change idea, uses known measures, and studies against predictions

function pdsaProblems(
  { data, file }: Loaded<PdsaRecord>,
  drivers: Loaded<DriversRecord> | undefined,
  measures: Loaded<MeasuresRecord> | undefined,
): Problem[] {
  const problems: Problem[] = [];
  const cycles = data.cycles ?? [];
  const firstIndex = new Map<string, number>();
  cycles.forEach((pdsa, i) => {
    const first = firstIndex.get(pdsa.id);
    if (first === undefined) firstIndex.set(pdsa.id, i);
    else
      problems.push(
        at(
          file,
          ['cycles', i, 'id'],
          `The PDSA cycle id \`${pdsa.id}\` is used twice in pdsa.yaml (first on line ${positionOf(file, ['cycles', first, 'id']).line}). Give each PDSA cycle its own id, for example pdsa-${cycles.length}.`,
          'pdsa-id-unique',
        ),
      );
  });

  const ideaIds = drivers ? (drivers.data.changeIdeas ?? []).map((c) => c.id) : undefined;
  const measureIds = measures ? (measures.data.measures ?? []).map((m) => m.id) : undefined;
  cycles.forEach((pdsa, i) => {
    const path = ['cycles', i] as const;
    if (ideaIds && !ideaIds.includes(pdsa.changeIdea)) {
      problems.push(at(file, [...path, 'changeIdea'], unknownIdeaMessage(pdsa, ideaIds), 'pdsa-change-idea'));
    }
    if (measureIds) {
      (pdsa.plan?.measures ?? []).forEach((id, j) => {
        if (measureIds.includes(id)) return;
        problems.push(
          at(
            file,
            [...path, 'plan', 'measures', j],
            unknownMeasureMessage(pdsa.id, id, measureIds),
            'pdsa-measure-defined',
          ),
        );
      });
    }
    problems.push(...questionProblems(file, pdsa, i), ...studyProblems(file, pdsa, i), ...actProblems(file, pdsa, i));
  });
  return problems;
}

function unknownIdeaMessage(pdsa: Pdsa, ideaIds: readonly string[]): string {
  const head = `PDSA cycle ${pdsa.id} tests the change idea \`${pdsa.changeIdea}\`, which is not in drivers.yaml.`;
  if (ideaIds.length === 0) return `${head} drivers.yaml has no change ideas yet: add it under \`changeIdeas:\` there.`;
  const suggestion = closestMatch(pdsa.changeIdea, ideaIds, true);
  if (suggestion) return `${head} Did you mean \`${suggestion}\`?`;
  return `${head} Use the id of a change idea: ${ideaIds.map((k) => `\`${k}\``).join(', ')}.`;
}

function unknownMeasureMessage(pdsaId: string, id: string, measureIds: readonly string[]): string {
  const head = `PDSA cycle ${pdsaId} collects the measure \`${id}\`, which is not defined in this cycle's measures.yaml`;
  if (measureIds.length === 0) return `${head}, which has no measures yet. Add it under \`measures:\` there.`;
  const suggestion = closestMatch(id, measureIds);
  if (suggestion) return `${head}. Did you mean \`${suggestion}\`?`;
  return `${head} (it defines ${measureIds.map((d) => `\`${d}\``).join(', ')}). Add it there, or correct the id.`;
}

/** Question ids are unique in a plan, and every study result names one of them. */
function questionProblems(file: SourceFile, pdsa: Pdsa, i: number): Problem[] {
  const problems: Problem[] = [];
  const questions = pdsa.plan?.questions ?? [];
  const firstIndex = new Map<string, number>();
  questions.forEach((q, j) => {
    const first = firstIndex.get(q.id);
    if (first === undefined) firstIndex.set(q.id, j);
    else
      problems.push(
        at(
          file,
          ['cycles', i, 'plan', 'questions', j, 'id'],
          `The question id \`${q.id}\` is used twice in the plan of PDSA cycle ${pdsa.id} (first on line ${positionOf(file, ['cycles', i, 'plan', 'questions', first, 'id']).line}). Give each question its own id, for example q${questions.length}.`,
          'pdsa-question-unique',
        ),
      );
  });
  const ids = questions.map((q) => q.id);
  (pdsa.study?.results ?? []).forEach((result, j) => {
    if (ids.includes(result.question)) return;
    const suggestion = closestMatch(result.question, ids, true);
    const hint = suggestion
      ? `Did you mean \`${suggestion}\`?`
      : ids.length === 0
        ? 'The plan has no questions yet: add the question, with its prediction, under `questions:` in the plan.'
        : `Its questions are ${ids.map((k) => `\`${k}\``).join(', ')}.`;
    problems.push(
      at(
        file,
        ['cycles', i, 'study', 'results', j, 'question'],
        `This result is for the question \`${result.question}\`, which the plan of PDSA cycle ${pdsa.id} does not have. ${hint}`,
        'pdsa-result-question',
      ),
    );
  });
  return problems;
}

/**
 * A study compares results with predictions made before the test: a result without a prediction is a warning.
 * (A prediction written after its test is the generic `prediction-first` warning: see predictions.ts.)
 */
function studyProblems(file: SourceFile, pdsa: Pdsa, i: number): Problem[] {
  const problems: Problem[] = [];
  const questions = pdsa.plan?.questions ?? [];
  const results = pdsa.study?.results ?? [];
  const predicted = new Set(questions.filter((q) => isGiven(q.prediction)).map((q) => q.id));
  const studied = results.some((r) => isGiven(r.result)) || isGiven(pdsa.study?.learning);
  if (studied && predicted.size === 0) {
    problems.push(
      at(
        file,
        ['cycles', i, 'study'],
        `PDSA cycle ${pdsa.id} has a study, but its plan makes no prediction to compare the results with. Write a prediction for each question in the plan before the test.`,
        'pdsa-study-prediction',
        'warning',
        'key',
      ),
    );
  } else if (studied) {
    results.forEach((result, j) => {
      const question = questions.find((q) => q.id === result.question);
      if (!question || predicted.has(question.id)) return;
      problems.push(
        at(
          file,
          ['cycles', i, 'study', 'results', j, 'question'],
          `The result for question \`${question.id}\` of PDSA cycle ${pdsa.id} has no prediction to compare it with: the plan gives none for that question. Write predictions in the plan before the test.`,
          'pdsa-study-prediction',
          'warning',
        ),
      );
    });
  }
  return problems;
}

/**
 * An act decision without a rationale is a warning, not an error: the reasons are often agreed at the very meeting
 * the briefing is printed for, so it must still print; `--strict` makes it fail where a partnership requires them.
 */
function actProblems(file: SourceFile, pdsa: Pdsa, i: number): Problem[] {
  const decision = pdsa.act?.decision;
  if (!decision || isGiven(pdsa.act?.rationale)) return [];
  return [
    at(
      file,
      ['cycles', i, 'act', 'decision'],
      `PDSA cycle ${pdsa.id} decides to ${decision} the change idea but gives no reason. Write the evidence behind the decision under \`rationale:\`, so that partners can see why.`,
      'pdsa-act-rationale',
      'warning',
    ),
  ];
}

// ---------------------------------------------------------------------------------------------------------
// measures.yaml: a family of measures (outcome, process, balancing), once measures are defined

function measureFamilyProblems({ data, file }: Loaded<MeasuresRecord>): Problem[] {
  const list = data.measures ?? [];
  if (list.length === 0) return [];
  const has = (type: string): boolean => list.some((m) => m.type === type);
  const problems: Problem[] = [];
  if (!has('outcome'))
    problems.push(
      at(
        file,
        ['measures'],
        'There is no outcome measure: mark at least one measure `type: outcome` (the result for learners that the aim is about, for example attendance).',
        'measures-outcome',
        'error',
        'key',
      ),
    );
  if (!has('process'))
    problems.push(
      at(
        file,
        ['measures'],
        'There is no process measure: mark at least one measure `type: process` (whether the changes are happening as planned, for example the share of welcome calls made).',
        'measures-process',
        'error',
        'key',
      ),
    );
  if (!has('balancing'))
    problems.push(
      at(
        file,
        ['measures'],
        'There is no balancing measure: add one with `type: balancing` to check that nothing else gets worse because of the changes (for example staff time, or the attendance of other learners).',
        'measures-balancing',
        'warning',
        'key',
      ),
    );
  return problems;
}
