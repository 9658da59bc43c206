// The predictions of a Lesson Study cycle for sipp's generic "prediction first" check (Git history): each stage's
// predicted responses against the observed responses at that stage. The check by the lessons' own dates is one
// warning per lesson, in rules.ts, so these pairs carry no dates.
import { corePredictionPairs } from '../kit.js';
import type { CycleData, PredictionPair } from '../kit.js';
import { LESSONS_RECORD, hasText, lessonsOf } from './records.js';

export function lessonStudyPredictions(cycle: CycleData): PredictionPair[] {
  const pairs = (lessonsOf(cycle) ?? []).flatMap((lesson, i) =>
    (lesson.stages ?? []).flatMap((stage, j): PredictionPair[] => {
      if (!anyText(stage.predicted) || !anyText(stage.observed)) return [];
      const where = `stage ${j + 1} of research lesson ${i + 1}`;
      return [
        {
          prediction: {
            record: LESSONS_RECORD,
            path: ['lessons', i, 'stages', j, 'predicted'],
            label: `the prediction for ${where}`,
          },
          data: {
            record: LESSONS_RECORD,
            path: ['lessons', i, 'stages', j, 'observed'],
            label: `the observations of ${where}`,
          },
        },
      ];
    }),
  );
  return [...corePredictionPairs(cycle), ...pairs];
}

function anyText(map: Record<string, string | null | undefined> | undefined): boolean {
  return Object.values(map ?? {}).some(hasText);
}
