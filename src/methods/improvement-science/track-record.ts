// Improvement Science's part of the track record of predictions: each PDSA question's prediction with its study
// result, and, per chain of PDSA cycles testing one change idea, the five features of the PDSA method that Taylor et
// al. (2014, "Systematic review of the application of the plan-do-study-act method to improve quality in
// healthcare", BMJ Quality & Safety 23: 290-298) found most reports leave out: iterative cycles, prediction-based
// testing, small-scale testing first, data over time, and documentation.
import { isGiven } from '../kit.js';
import type { AdherenceCriterion, AdherenceLine, CycleData, MeasuresRecord, PredictionOutcome } from '../kit.js';
import type { PdsaRecord } from './types.generated.js';

type PdsaCycle = NonNullable<PdsaRecord['cycles']>[number];

/** Dated points a measure needs before the chain counts as using data over time (more than a before and an after). */
export const DATA_OVER_TIME_POINTS = 3;

export function pdsaPredictionOutcomes(cycle: CycleData): PredictionOutcome[] {
  const pdsa = cycle.records.get('pdsa') as PdsaRecord | undefined;
  return (pdsa?.cycles ?? []).flatMap((c) =>
    (c.plan?.questions ?? []).flatMap((q): PredictionOutcome[] => {
      if (!isGiven(q.prediction)) return [];
      const result = (c.study?.results ?? []).find((r) => r.question === q.id);
      return [
        {
          cycle: cycle.source.folder,
          where: `pdsa.yaml, ${c.id}, ${q.id}`,
          predicted: String(q.prediction),
          measured: isGiven(result?.result) ? String(result?.result) : null,
          outcome: result?.matched ?? null,
        },
      ];
    }),
  );
}

/** One line per change idea tested, in the order the chains start. */
export function pdsaAdherence(cycle: CycleData): AdherenceLine[] {
  const pdsa = cycle.records.get('pdsa') as PdsaRecord | undefined;
  const measures = cycle.records.get('measures') as MeasuresRecord | undefined;
  const chains = new Map<string, PdsaCycle[]>();
  for (const c of pdsa?.cycles ?? []) {
    const key = isGiven(c.changeIdea) ? String(c.changeIdea) : '(no change idea)';
    chains.set(key, [...(chains.get(key) ?? []), c]);
  }
  return [...chains].map(([changeIdea, list]) => {
    const criteria = [
      iterative(list),
      predictionFirst(list),
      smallScaleFirst(list),
      dataOverTime(list, measures),
      documented(list),
    ];
    return {
      cycle: cycle.source.folder,
      changeIdea,
      pdsaCycles: list.length,
      criteria,
      met: criteria.filter((c) => c.met).length,
    };
  });
}

function criterion(id: AdherenceCriterion['id'], label: string, why: string | null): AdherenceCriterion {
  return { id, label, met: why === null, why };
}

function iterative(list: readonly PdsaCycle[]): AdherenceCriterion {
  const label = 'iterative cycles';
  if (list.length < 2)
    return criterion(
      'iterative',
      label,
      'one PDSA cycle so far: learning comes from a second cycle built on the first',
    );
  const unacted = list.slice(0, -1).find((c) => !isGiven(c.act?.decision));
  return criterion('iterative', label, unacted ? `${unacted.id} has no act decision before the next cycle` : null);
}

function predictionFirst(list: readonly PdsaCycle[]): AdherenceCriterion {
  const label = 'a prediction before each test';
  for (const c of list) {
    const questions = c.plan?.questions ?? [];
    if (questions.length === 0 || questions.some((q) => !isGiven(q.prediction)))
      return criterion('prediction', label, `${c.id} has a question without a prediction`);
    const planned = c.plan?.date;
    const tested = c.do?.date;
    if (typeof planned === 'string' && typeof tested === 'string' && planned > tested)
      return criterion('prediction', label, `${c.id}'s plan is dated after its test`);
  }
  return criterion('prediction', label, null);
}

function smallScaleFirst(list: readonly PdsaCycle[]): AdherenceCriterion {
  const label = 'small-scale testing first';
  const first = list[0];
  if (!isGiven(first?.purpose))
    return criterion('small-scale', label, `${first?.id ?? 'the first cycle'} does not say its purpose`);
  const firstTest = list.findIndex(
    (c) => c.purpose === 'test' || c.purpose === 'develop' || c.purpose === 'collect-information',
  );
  const firstImplement = list.findIndex((c) => c.purpose === 'implement');
  if (firstImplement !== -1 && (firstTest === -1 || firstImplement < firstTest))
    return criterion('small-scale', label, `${list[firstImplement]?.id ?? ''} implements before any small test`);
  return criterion('small-scale', label, null);
}

function dataOverTime(list: readonly PdsaCycle[], measures: MeasuresRecord | undefined): AdherenceCriterion {
  const label = 'data over time';
  const named = new Set(list.flatMap((c) => (c.plan?.measures ?? []).map(String)));
  if (named.size === 0) return criterion('data-over-time', label, 'no PDSA cycle names a measure it collects');
  const longest = Math.max(
    0,
    ...(measures?.series ?? []).filter((s) => named.has(s.measure)).map((s) => (s.points ?? []).length),
  );
  return criterion(
    'data-over-time',
    label,
    longest >= DATA_OVER_TIME_POINTS
      ? null
      : `no measure the cycles collect has a dated series of ${DATA_OVER_TIME_POINTS} or more points in measures.yaml`,
  );
}

function documented(list: readonly PdsaCycle[]): AdherenceCriterion {
  const label = 'documentation';
  for (const c of list) {
    const missing = [
      isGiven(c.plan?.objective) ? null : 'plan',
      isGiven(c.do?.whatHappened) ? null : 'do',
      isGiven(c.study?.learning) || (c.study?.results ?? []).length > 0 ? null : 'study',
      isGiven(c.act?.decision) ? null : 'act',
    ].filter((s): s is string => s !== null);
    if (missing.length > 0) return criterion('documented', label, `${c.id} has no ${missing.join(', ')} recorded yet`);
  }
  return criterion('documented', label, null);
}
