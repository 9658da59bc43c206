// Prediction first: a prediction written after the data it predicts cannot be tested by that data. Reported
// as a warning when the records' own dates say so, or else when Git says the prediction was committed later.
import type { Problem } from '../../problems.js';
import { lineRangeOf, positionOf, type SourceFile } from '../../records/source.js';
import { dateInWords, isGiven } from '../../words.js';
import { isEmptyAnswer, valueAt } from '../../status/answers.js';
import type { CycleData, PredictionPair, PredictionPlace } from '../../method/contract.js';
import { recordOf } from '../../records/cycle-data.js';

const RULE = 'prediction-first';

/**
 * When each line of a file was first committed to Git (YYYY-MM-DD), by path relative to the project root:
 * index 0 is line 1; null for a line not committed yet. Made by src/project/git.ts; absent outside a repository.
 */
export type LineDates = ReadonlyMap<string, readonly (string | null)[]>;

/** The pairs every cycle has: question.yaml's prediction against the results after the change and the reflections. */
export function corePredictionPairs(cycle: CycleData): PredictionPair[] {
  const question = recordOf(cycle, 'question');
  if (!question || !isGiven(question.prediction)) return [];
  const prediction: PredictionPlace = {
    record: 'question',
    path: ['prediction'],
    date: question.predictionDate ?? null,
  };
  const data: PredictionPlace[] = [...resultPlaces(cycle), ...seriesPlaces(cycle), ...reflectionPlaces(cycle)];
  return data.map((d) => ({ prediction, data: d }));
}

/** The "after" figures of every result: what the prediction is about. "Before" figures are the baseline. */
function resultPlaces(cycle: CycleData): PredictionPlace[] {
  const measures = recordOf(cycle, 'measures');
  return (measures?.results ?? []).flatMap((result, i) =>
    (result.groups ?? []).flatMap((group, j) =>
      group.after
        ? [
            {
              record: 'measures',
              path: ['results', i, 'groups', j, 'after'],
              date: group.after.date ?? null,
              label: 'the results it predicts',
            },
          ]
        : [],
    ),
  );
}

/**
 * The first point of each dated series on or after the day the change started; earlier points are the baseline
 * period, which a prediction may well rest on. Without a start date no point can be told apart, so none counts.
 */
function seriesPlaces(cycle: CycleData): PredictionPlace[] {
  const start = recordOf(cycle, 'intervention')?.start;
  if (!start) return [];
  const measures = recordOf(cycle, 'measures');
  return (measures?.series ?? []).flatMap((series, i) => {
    const k = (series.points ?? []).findIndex((point) => typeof point.date === 'string' && point.date >= start);
    const point = series.points?.[k];
    return point
      ? [
          {
            record: 'measures',
            path: ['series', i, 'points', k],
            date: point.date,
            label: 'the figures after the change',
          },
        ]
      : [];
  });
}

/** The reflections compare the outcome with the prediction, so the prediction comes before them. */
function reflectionPlaces(cycle: CycleData): PredictionPlace[] {
  const reflections = recordOf(cycle, 'reflections');
  if (!reflections || (!isGiven(reflections.date) && !isGiven(reflections.outcomeVsPrediction))) return [];
  return [
    {
      record: 'reflections',
      path: ['outcomeVsPrediction'],
      date: reflections.date ?? null,
      label: 'the reflections on the outcome',
    },
  ];
}

/**
 * Finds when the lines of the given files were first committed; called only when needed (by `validateProject`, once
 * for each cycle that needs it: src/project/git.ts `lineDatesOfProject` answers every call from one reading of Git).
 */
export type LineDatesFor = (files: readonly string[]) => LineDates | undefined;

/**
 * The `prediction-first` warnings of the given cycles, at most one per prediction: by the dates the records give
 * first, and for the predictions those leave unsettled, by when Git says each was first committed.
 */
export function predictionFirstProblems(
  cycles: readonly CycleData[],
  pairsOf: (cycle: CycleData) => PredictionPair[],
  lineDatesFor?: LineDatesFor,
): Problem[] {
  const { problems, unsettled } = predictionFirstByRecords(cycles, pairsOf);
  return [...problems, ...predictionFirstByCommits(unsettled, lineDatesFor)];
}

/** A prediction whose records' dates settle nothing: Git's dates may (it keeps its cycle's records). */
export interface UnsettledPrediction {
  cycle: CycleData;
  pairs: PredictionPair[];
}

/** The warnings the records' own dates give, and the predictions they leave unsettled. */
export function predictionFirstByRecords(
  cycles: readonly CycleData[],
  pairsOf: (cycle: CycleData) => PredictionPair[],
): { problems: Problem[]; unsettled: UnsettledPrediction[] } {
  const problems: Problem[] = [];
  const unsettled: UnsettledPrediction[] = [];
  for (const cycle of cycles) {
    for (const pairs of groupedByPrediction(pairsOf(cycle))) {
      const problem = byRecordDates(cycle, pairs);
      if (problem) problems.push(problem);
      else unsettled.push({ cycle, pairs });
    }
  }
  return { problems, unsettled };
}

/** The warnings Git's dates give for the unsettled predictions: `lineDatesFor` is called once, if at all. */
export function predictionFirstByCommits(
  unsettled: readonly UnsettledPrediction[],
  lineDatesFor?: LineDatesFor,
): Problem[] {
  if (unsettled.length === 0 || !lineDatesFor) return [];
  const files = new Set<string>();
  for (const { cycle, pairs } of unsettled) {
    for (const place of [pairs[0]?.prediction, ...pairs.map((p) => p.data)]) {
      const file = place ? cycle.source.records.get(place.record)?.file : undefined;
      if (file) files.add(file);
    }
  }
  const lineDates = lineDatesFor([...files].sort());
  if (!lineDates) return [];
  return unsettled.flatMap(({ cycle, pairs }) => byCommitDates(cycle, pairs, lineDates) ?? []);
}

/** Pairs of the same prediction together, so that it gets one warning however much data it predicts. */
function groupedByPrediction(pairs: readonly PredictionPair[]): PredictionPair[][] {
  const byPrediction = new Map<string, PredictionPair[]>();
  for (const pair of pairs) {
    const key = JSON.stringify([pair.prediction.record, pair.prediction.path]);
    const group = byPrediction.get(key);
    if (group) group.push(pair);
    else byPrediction.set(key, [pair]);
  }
  return [...byPrediction.values()];
}

interface Dated {
  place: PredictionPlace;
  date: string;
}

function byRecordDates(cycle: CycleData, pairs: readonly PredictionPair[]): Problem | undefined {
  const [first] = pairs;
  const predicted = first?.prediction.date;
  if (!first || !isDate(predicted)) return undefined;
  const data = earliest(pairs.flatMap((p) => (isDate(p.data.date) ? [{ place: p.data, date: p.data.date }] : [])));
  if (!data || predicted <= data.date) return undefined;
  return warning(
    cycle,
    first.prediction,
    `${capitalised(predictionLabel(first.prediction))} was written on ${dateInWords(predicted)}, after ${dataLabel(data.place)} (recorded on ${dateInWords(data.date)} in ${recordFile(data.place)}). Write predictions before you collect the data, so that they can be tested.`,
  );
}

function byCommitDates(cycle: CycleData, pairs: readonly PredictionPair[], lineDates: LineDates): Problem | undefined {
  const [first] = pairs;
  if (!first || !canBeLater(cycle, first.prediction, pairs, lineDates)) return undefined;
  const predicted = committedOn(cycle, first.prediction, lineDates);
  if (!predicted) return undefined;
  const data = earliest(
    pairs.flatMap((p) => {
      const date = committedOn(cycle, p.data, lineDates);
      return date ? [{ place: p.data, date }] : [];
    }),
  );
  if (!data || predicted <= data.date) return undefined;
  return warning(
    cycle,
    first.prediction,
    `${capitalised(predictionLabel(first.prediction))} was first committed to Git on ${dateInWords(predicted)}, after ${dataLabel(data.place)} (first committed on ${dateInWords(data.date)} in ${recordFile(data.place)}). Write predictions, and commit them, before you collect the data, so that they can be tested.`,
  );
}

/**
 * Whether the prediction can have been committed after any of its data, judged from whole files: not when the
 * prediction's file has no line later than the earliest line of every data file. Finding the lines of an answer
 * means parsing its file, which a remembered file has not needed so far; most projects settle here without it.
 */
function canBeLater(
  cycle: CycleData,
  prediction: PredictionPlace,
  pairs: readonly PredictionPair[],
  lineDates: LineDates,
): boolean {
  const latest = dateBound(lineDates.get(cycle.source.records.get(prediction.record)?.file ?? ''), 'latest');
  if (latest === undefined) return false;
  return pairs.some((p) => {
    const earliest = dateBound(lineDates.get(cycle.source.records.get(p.data.record)?.file ?? ''), 'earliest');
    return earliest !== undefined && latest > earliest;
  });
}

function dateBound(dates: readonly (string | null)[] | undefined, bound: 'earliest' | 'latest'): string | undefined {
  let found: string | undefined;
  for (const date of dates ?? []) {
    if (date && (found === undefined || (bound === 'latest' ? date > found : date < found))) found = date;
  }
  return found;
}

/**
 * The day a filled-in answer was first committed: the earliest committed line of its value. Empty answers
 * (`null`, `[]`) are placeholders from the scaffold, not predictions or data, so they have no date.
 */
function committedOn(cycle: CycleData, place: PredictionPlace, lineDates: LineDates): string | undefined {
  const file = cycle.source.records.get(place.record);
  const data = cycle.records.get(place.record);
  if (!file || !data || isEmptyAnswer(valueAt(data, place.path))) return undefined;
  const dates = lineDates.get(file.file);
  const range = dates ? lineRangeOf(file, place.path) : null;
  if (!dates || !range) return undefined;
  let found: string | undefined;
  for (let line = range.first; line <= range.last; line++) {
    const date = dates[line - 1];
    if (date && (found === undefined || date < found)) found = date;
  }
  return found;
}

function earliest(dated: readonly Dated[]): Dated | undefined {
  return dated.reduce<Dated | undefined>((min, d) => (min === undefined || d.date < min.date ? d : min), undefined);
}

function isDate(value: string | null | undefined): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
}

function warning(cycle: CycleData, place: PredictionPlace, message: string): Problem | undefined {
  const file: SourceFile | undefined = cycle.source.records.get(place.record);
  if (!file) return undefined;
  const at = positionOf(file, place.path, 'value');
  return { file: file.file, line: at.line, column: at.column, message, rule: RULE, severity: 'warning' };
}

function predictionLabel(place: PredictionPlace): string {
  return place.label ?? 'the prediction';
}

function dataLabel(place: PredictionPlace): string {
  return place.label ?? 'the data it predicts';
}

function recordFile(place: PredictionPlace): string {
  return `${place.record}.yaml`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
