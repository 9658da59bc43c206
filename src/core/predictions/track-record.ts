// The track record of predictions across cycles (issue 12, section 5): question.yaml's predictions in figures
// (`predicted`: a measure, up or down, by how much) against the change measured, and the method's own predictions
// with their outcomes (PDSA questions); with the adherence lines of the method. Pure: records and reports in.
import { cycleMeasureReports } from '../analysis/report.js';
import type { MeasureReport } from '../analysis/report-types.js';
import type { CycleData, Method } from '../method/contract.js';
import { recordOf } from '../records/cycle-data.js';
import type { QuestionRecord } from '../records/model.js';
import type { ProjectSettings } from '../records/settings.js';
import type { AdherenceLine, Outcome, PredictionOutcome } from './types.js';

type Predicted = NonNullable<QuestionRecord['predicted']>[number];

export interface TrackCycle {
  folder: string;
  question: QuestionRecord | undefined;
  measures: readonly MeasureReport[];
  /** The method's own predictions with their outcomes (Method.predictionOutcomes). */
  methodOutcomes: readonly PredictionOutcome[];
  adherence: readonly AdherenceLine[];
}

export interface TrackRecord {
  /** contract: every prediction with what happened, cycle by cycle. */
  predictions: PredictionOutcome[];
  /** contract: how many turned out each way; `waiting` has no result yet (or a hidden one). */
  counts: Record<Outcome | 'waiting', number>;
  /** contract: Improvement Science chains against Taylor et al. (2014). */
  adherence: AdherenceLine[];
}

export function trackRecord(cycles: readonly TrackCycle[]): TrackRecord {
  return combinedTrackRecord(cycles.map(cycleTrackRecord));
}

/** One cycle's part of the track record: its predictions with their outcomes, and its adherence lines. */
export interface CycleTrackRecord {
  predictions: PredictionOutcome[];
  adherence: AdherenceLine[];
}

export function cycleTrackRecord(c: TrackCycle): CycleTrackRecord {
  return {
    predictions: [
      ...(c.question?.predicted ?? []).map((p) => predictedOutcome(c.folder, p, c.measures)),
      ...c.methodOutcomes,
    ],
    adherence: [...c.adherence],
  };
}

/** The track record of the cycles, from each one's part, in their order. */
export function combinedTrackRecord(parts: readonly CycleTrackRecord[]): TrackRecord {
  const predictions = parts.flatMap((c) => c.predictions);
  const counts = { 'as-predicted': 0, partly: 0, 'not-as-predicted': 0, waiting: 0 };
  for (const p of predictions) counts[p.outcome ?? 'waiting'] += 1;
  return { predictions, counts, adherence: parts.flatMap((c) => c.adherence) };
}

/**
 * A prediction in figures against the change measured in the group it names: the intervention group (all learners
 * when there is no comparison group) or the equity group among them. Not as predicted when the change goes the
 * other way (or not at all); partly when it goes the right way by less than predicted; as predicted otherwise.
 */
export function predictedOutcome(
  folder: string,
  predicted: Predicted,
  measures: readonly MeasureReport[],
): PredictionOutcome {
  const measure = measures.find((m) => m.id === predicted.measure);
  const unit = measure?.kind === 'yes-no' ? ' percentage points' : '';
  const equity = predicted.group === 'equity-group';
  const whose = equity ? 'the equity group' : 'the intervention group';
  const size = typeof predicted.by === 'number' ? ` by ${predicted.by}${unit}` : '';
  const base = {
    cycle: folder,
    where: 'question.yaml',
    predicted: `${measure?.name ?? predicted.measure}, ${whose}: ${predicted.direction}${size}`,
  };
  const group = measure ? groupOf(measure, equity) : undefined;
  if (!group || group.change === null) {
    const why = group?.suppressed ? 'hidden ([c]): too few learners to show' : null;
    return { ...base, measured: why, outcome: null };
  }
  const change = group.change;
  const moved = change > 0 ? 'up' : change < 0 ? 'down' : null;
  const measured = moved === null ? 'no change' : `${moved} by ${Math.abs(change).toFixed(2)}${unit}`;
  let outcome: Outcome;
  if (moved !== predicted.direction) outcome = 'not-as-predicted';
  else if (typeof predicted.by === 'number' && Math.abs(change) < predicted.by) outcome = 'partly';
  else outcome = 'as-predicted';
  return { ...base, measured, outcome };
}

function groupOf(measure: MeasureReport, equity: boolean): MeasureReport['groups'][number] | undefined {
  const hasIntervention = measure.groups.some((g) => g.role === 'intervention');
  const role = hasIntervention ? 'intervention' : 'all';
  return measure.groups.find(
    (g) => (g.role ?? 'all') === role && (g.equity ?? 'all') === (equity ? 'equity-group' : 'all'),
  );
}

/** "as predicted", "partly as predicted", "not as predicted", "no result yet". */
export function outcomeWords(outcome: Outcome | null): string {
  if (outcome === 'as-predicted') return 'as predicted';
  if (outcome === 'partly') return 'partly as predicted';
  if (outcome === 'not-as-predicted') return 'not as predicted';
  return 'no result yet';
}

/** "3 of 5 predictions with a result turned out as predicted, 1 partly and 1 not as predicted. 2 are still waiting for a result." */
export function trackRecordSummary(record: Pick<TrackRecord, 'counts'>): string {
  const { counts } = record;
  const decided = counts['as-predicted'] + counts.partly + counts['not-as-predicted'];
  const waiting =
    counts.waiting === 0 ? '' : `${counts.waiting} ${counts.waiting === 1 ? 'is' : 'are'} still waiting for a result.`;
  if (decided === 0) return `No prediction has a result yet. ${waiting}`.trim();
  const head = `${counts['as-predicted']} of ${decided} prediction${decided === 1 ? '' : 's'} with a result turned out as predicted, ${counts.partly} partly and ${counts['not-as-predicted']} not as predicted.`;
  return waiting ? `${head} ${waiting}` : head;
}

/** "Change idea welcome-call (1 PDSA cycle): 3 of 5: iterative cycles ✗ (...); a prediction before each test ✓; ..." */
export function adherenceText(line: AdherenceLine): string {
  const features = line.criteria.map((c) => (c.met ? `${c.label} ✓` : `${c.label} ✗ (${c.why ?? ''})`)).join('; ');
  return `Change idea ${line.changeIdea} (${line.pdsaCycles} PDSA cycle${line.pdsaCycles === 1 ? '' : 's'}): ${line.met} of ${line.criteria.length}: ${features}.`;
}

/** The track record of a project's cycles: each cycle analysed as its briefing is, with its method's hooks. */
export function projectTrackRecord(
  settings: ProjectSettings,
  cycles: readonly CycleData[],
  findMethod: (id: string) => Method | undefined,
  reportsOf: (cycle: CycleData) => readonly MeasureReport[] = (cycle) => cycleMeasureReports(cycle, settings),
): TrackRecord {
  return trackRecord(
    cycles.map((cycle) => {
      const method = findMethod(cycle.method);
      return {
        folder: cycle.source.folder,
        question: recordOf(cycle, 'question'),
        measures: reportsOf(cycle),
        methodOutcomes: method?.predictionOutcomes?.(cycle) ?? [],
        adherence: method?.adherence?.(cycle) ?? [],
      };
    }),
  );
}
