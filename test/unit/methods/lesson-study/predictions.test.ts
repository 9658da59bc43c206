// Lesson Study's predictions for the generic prediction-first check: each stage's predictions against its observations.
import { describe, expect, it } from 'vitest';
import { predictionFirstProblems } from '../../../../src/core/validate/rules/prediction-first.js';
import { lessonStudyPredictions } from '../../../../src/methods/lesson-study/predictions.js';
import { DIR, GROUP, cycleOf, lesson } from './fixtures.js';

describe('lessonStudyPredictions', () => {
  const cycle = cycleOf({
    'lesson-study': GROUP,
    'research-lessons': `lessons:\n${lesson()}  - stages:\n      - stage: Not taught yet\n        predicted: { A: Will hesitate. }\n`,
  });

  it('pairs each stage with written predictions and observations, and leaves out a stage not yet observed', () => {
    expect(lessonStudyPredictions(cycle)).toEqual([
      {
        prediction: {
          record: 'research-lessons',
          path: ['lessons', 0, 'stages', 0, 'predicted'],
          label: 'the prediction for stage 1 of research lesson 1',
        },
        data: {
          record: 'research-lessons',
          path: ['lessons', 0, 'stages', 0, 'observed'],
          label: 'the observations of stage 1 of research lesson 1',
        },
      },
    ]);
  });

  it('lets Git history show a prediction committed after the observations it predicts', () => {
    const dates = new Array<string | null>(40).fill('2025-10-08');
    for (let line = 13; line <= 16; line++) dates[line - 1] = '2025-10-10';
    const lineDates = new Map([[`${DIR}/research-lessons.yaml`, dates]]);
    expect(
      predictionFirstProblems([cycle], lessonStudyPredictions, () => lineDates).map((p) => [
        p.line,
        p.column,
        p.message,
      ]),
    ).toEqual([
      [
        14,
        11,
        'The prediction for stage 1 of research lesson 1 was first committed to Git on 10 October 2025, after the observations of stage 1 of research lesson 1 (first committed on 8 October 2025 in research-lessons.yaml). Write predictions, and commit them, before you collect the data, so that they can be tested.',
      ],
    ]);
  });
});
