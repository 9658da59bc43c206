// Prediction first, for PDSA cycles: each question's prediction is written before the test it predicts and before
// its result. The generic `prediction-first` warning (src/core/validate/rules/prediction-first.ts) checks these
// pairs by the dates in pdsa.yaml, or else by when Git says each line was first committed.
import { isGiven } from '../kit.js';
import { corePredictionPairs } from '../kit.js';
import type { CycleData, PredictionPair, PredictionPlace } from '../kit.js';
import type { PdsaRecord } from './types.generated.js';

/** question.yaml's prediction (the core pairs), and every PDSA question's prediction against its test and result. */
export function improvementPredictions(cycle: CycleData): PredictionPair[] {
  return [...corePredictionPairs(cycle), ...pdsaPredictionPairs(cycle)];
}

export function pdsaPredictionPairs(cycle: CycleData): PredictionPair[] {
  const pdsa = cycle.records.get('pdsa') as PdsaRecord | undefined;
  return (pdsa?.cycles ?? []).flatMap((c, i) => {
    const test: PredictionPlace[] =
      isGiven(c.do?.date) || isGiven(c.do?.whatHappened)
        ? [
            {
              record: 'pdsa',
              path: ['cycles', i, 'do'],
              date: c.do?.date ?? null,
              label: `the test of PDSA cycle ${c.id}`,
            },
          ]
        : [];
    return (c.plan?.questions ?? []).flatMap((q, j) => {
      if (!isGiven(q.prediction)) return [];
      const prediction: PredictionPlace = {
        record: 'pdsa',
        path: ['cycles', i, 'plan', 'questions', j, 'prediction'],
        date: c.plan?.date ?? null,
        label: `the prediction for question ${q.id} of PDSA cycle ${c.id}`,
      };
      const results: PredictionPlace[] = (c.study?.results ?? []).flatMap((r, k) =>
        r.question === q.id && isGiven(r.result)
          ? [
              {
                record: 'pdsa',
                path: ['cycles', i, 'study', 'results', k, 'result'],
                date: c.study?.date ?? null,
                label: `the result for question ${q.id}`,
              },
            ]
          : [],
      );
      return [...test, ...results].map((data) => ({ prediction, data }));
    });
  });
}
