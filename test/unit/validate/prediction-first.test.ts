// Prediction first: a prediction written, or committed, after the data it predicts is a warning naming both dates.
import { describe, expect, it } from 'vitest';
import { allCycleData } from '../../../src/core/records/cycle-data.js';
import {
  corePredictionPairs,
  predictionFirstProblems,
  type LineDates,
} from '../../../src/core/validate/rules/prediction-first.js';
import type { CycleData, PredictionPair } from '../../../src/core/method/contract.js';
import { cycleFiles, projectFrom, validate, type Files } from './project-from.js';

const DIR = 'cycles/01-paired-reading';

const QUESTION = (date: string | null): string =>
  `question: Does paired reading help?\nprediction: Enjoyment will rise by 3 points.\npredictionDate: ${date ?? ''}\n`;

const MEASURES = `measures:
  - id: enjoyment
    name: Enjoyment
results:
  - measure: enjoyment
    groups:
      - name: All
        before: { date: 2025-09-01, n: 20, mean: 10 }
        after: { date: 2026-03-03, n: 20, mean: 14 }
`;

function cycles(files: Files): CycleData[] {
  return allCycleData(projectFrom(files), []);
}

function problems(files: Files, lineDates?: LineDates): string[] {
  const found = predictionFirstProblems(cycles(files), corePredictionPairs, lineDates ? () => lineDates : undefined);
  return found.map((p) => `${p.file}:${p.line}:${p.column}: ${p.severity}: ${p.message} [${p.rule}]`);
}

describe('prediction first, by the dates in the records', () => {
  it('warns at the prediction when it was written after the results it predicts, naming both dates', () => {
    expect(problems(cycleFiles('01-paired-reading', { question: QUESTION('2026-03-12'), measures: MEASURES }))).toEqual(
      [
        `${DIR}/question.yaml:2:13: warning: The prediction was written on 12 March 2026, after the results it predicts (recorded on 3 March 2026 in measures.yaml). Write predictions before you collect the data, so that they can be tested. [prediction-first]`,
      ],
    );
  });

  it('says nothing when the prediction came first, or on the same day', () => {
    expect(problems(cycleFiles('01-paired-reading', { question: QUESTION('2025-09-10'), measures: MEASURES }))).toEqual(
      [],
    );
    expect(problems(cycleFiles('01-paired-reading', { question: QUESTION('2026-03-03'), measures: MEASURES }))).toEqual(
      [],
    );
  });

  it('does not count the "before" figures: a prediction may rest on the baseline', () => {
    expect(
      problems(
        cycleFiles('01-paired-reading', {
          question: QUESTION('2025-09-20'),
          baseline: 'date: 2025-09-01\n',
          measures: MEASURES,
        }),
      ),
    ).toEqual([]);
  });

  it('compares with the first dated figure on or after the start of the change, not the baseline period', () => {
    const series = `measures:
  - id: attendance
    name: Attendance
series:
  - measure: attendance
    points:
      - { date: 2025-09-05, value: 90 }
      - { date: 2025-09-12, value: 91 }
      - { date: 2025-10-03, value: 93 }
`;
    const files = (start: string): Files =>
      cycleFiles('01-paired-reading', {
        question: QUESTION('2025-09-20'),
        intervention: `start: ${start}\n`,
        measures: series,
      });
    expect(problems(files('2025-10-01'))).toEqual([]);
    expect(problems(files('2025-09-10'))).toEqual([
      `${DIR}/question.yaml:2:13: warning: The prediction was written on 20 September 2025, after the figures after the change (recorded on 12 September 2025 in measures.yaml). Write predictions before you collect the data, so that they can be tested. [prediction-first]`,
    ]);
  });

  it('warns once, naming the earliest data, when the prediction comes after several', () => {
    const found = problems(
      cycleFiles('01-paired-reading', {
        question: QUESTION('2026-04-01'),
        measures: MEASURES,
        reflections: 'date: 2026-03-20\noutcomeVsPrediction: It rose.\n',
      }),
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('after the results it predicts (recorded on 3 March 2026 in measures.yaml)');
  });

  it('compares with the reflections when there are no dated results', () => {
    expect(
      problems(
        cycleFiles('01-paired-reading', {
          question: QUESTION('2026-04-01'),
          reflections: 'date: 2026-03-20\noutcomeVsPrediction:\n',
        }),
      ),
    ).toEqual([
      `${DIR}/question.yaml:2:13: warning: The prediction was written on 1 April 2026, after the reflections on the outcome (recorded on 20 March 2026 in reflections.yaml). Write predictions before you collect the data, so that they can be tested. [prediction-first]`,
    ]);
  });

  it('says nothing without a prediction, or without a date on either side', () => {
    const noPrediction = 'question: Does it help?\npredictionDate: 2026-04-01\n';
    expect(problems(cycleFiles('01-paired-reading', { question: noPrediction, measures: MEASURES }))).toEqual([]);
    expect(problems(cycleFiles('01-paired-reading', { question: QUESTION(null), measures: MEASURES }))).toEqual([]);
    const undated = MEASURES.replace('after: { date: 2026-03-03, ', 'after: { ');
    expect(problems(cycleFiles('01-paired-reading', { question: QUESTION('2026-04-01'), measures: undated }))).toEqual(
      [],
    );
  });

  it('runs in validateProject as a warning, so the project stays valid', () => {
    const found = validate(cycleFiles('01-paired-reading', { question: QUESTION('2026-03-12'), measures: MEASURES }));
    expect(found.map((p) => [p.rule, p.severity])).toEqual([['prediction-first', 'warning']]);
  });
});

describe('prediction first, by when Git says each line was first committed', () => {
  // question.yaml: line 2 is the prediction. measures.yaml: lines 9-10 are the "after" figures of the result.
  const files = (): Files => cycleFiles('01-paired-reading', { question: QUESTION(null), measures: MEASURES });
  const dates = (prediction: string | null, after: string | null): LineDates =>
    new Map([
      [`${DIR}/question.yaml`, ['2025-09-01', prediction, '2025-09-01']],
      [`${DIR}/measures.yaml`, [...Array<string>(8).fill('2025-09-01'), after, after]],
    ]);

  it('warns when the prediction was committed after the data, naming both dates', () => {
    expect(problems(files(), dates('2026-03-12', '2026-03-03'))).toEqual([
      `${DIR}/question.yaml:2:13: warning: The prediction was first committed to Git on 12 March 2026, after the results it predicts (first committed on 3 March 2026 in measures.yaml). Write predictions, and commit them, before you collect the data, so that they can be tested. [prediction-first]`,
    ]);
  });

  it('says nothing when the prediction was committed first', () => {
    expect(problems(files(), dates('2025-09-20', '2026-03-03'))).toEqual([]);
  });

  it('skips lines not committed yet, and files Git does not know', () => {
    expect(problems(files(), dates(null, '2026-03-03'))).toEqual([]);
    expect(problems(files(), dates('2026-03-12', null))).toEqual([]);
    expect(problems(files(), new Map())).toEqual([]);
  });

  it('asks for the dates of the files that hold predictions and their data, once, and only when needed', () => {
    const asked: (readonly string[])[] = [];
    const lineDatesFor = (f: readonly string[]): LineDates => {
      asked.push(f);
      return new Map();
    };
    predictionFirstProblems(cycles(files()), corePredictionPairs, lineDatesFor);
    expect(asked).toEqual([[`${DIR}/measures.yaml`, `${DIR}/question.yaml`]]);
    asked.length = 0;
    const dated = cycleFiles('01-paired-reading', { question: QUESTION('2026-03-12'), measures: MEASURES });
    predictionFirstProblems(cycles(dated), corePredictionPairs, lineDatesFor);
    expect(asked).toEqual([]);
  });

  it('prefers the dates in the records: one warning per prediction', () => {
    const dated = cycleFiles('01-paired-reading', { question: QUESTION('2026-03-12'), measures: MEASURES });
    const found = problems(dated, dates('2026-03-12', '2026-03-03'));
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('was written on 12 March 2026');
  });
});

describe("a method's own predictions", () => {
  it('are checked with their labels, at the place the method gives', () => {
    const pairs = (cycle: CycleData): PredictionPair[] =>
      cycle.records.has('question')
        ? [
            {
              prediction: {
                record: 'question',
                path: ['aim'],
                date: '2026-02-01',
                label: 'the prediction for case pupil A',
              },
              data: {
                record: 'reflections',
                path: ['learning'],
                date: '2026-01-20',
                label: 'the observed response of case pupil A',
              },
            },
          ]
        : [];
    const found = predictionFirstProblems(
      cycles(
        cycleFiles('01-paired-reading', { question: 'aim: A will read aloud.\n', reflections: 'learning: She did.\n' }),
      ),
      pairs,
    );
    expect(found.map((p) => `${p.line}:${p.column}: ${p.message}`)).toEqual([
      '1:6: The prediction for case pupil A was written on 1 February 2026, after the observed response of case pupil A (recorded on 20 January 2026 in reflections.yaml). Write predictions before you collect the data, so that they can be tested.',
    ]);
  });
});
