// The track record of predictions (issue 12, section 5): question.yaml's predictions in figures against the change
// measured, and Improvement Science's PDSA chains against the five features of Taylor et al. (2014).
import { describe, expect, it } from 'vitest';
import type { MeasureReport } from '../../../src/core/analysis/report-types.js';
import { predictedOutcome, trackRecord, trackRecordSummary } from '../../../src/core/predictions/track-record.js';
import { pdsaAdherence, pdsaPredictionOutcomes } from '../../../src/methods/improvement-science/track-record.js';
import type { CycleData } from '../../../src/core/method/contract.js';

function measure(
  id: string,
  kind: 'score' | 'yes-no',
  groups: [string, string, number | null, boolean?][],
): MeasureReport {
  return {
    id,
    name: id === 'enjoyment' ? 'Reading enjoyment' : id,
    kind,
    groups: groups.map(([role, equity, change, suppressed]) => ({
      name: `${role} ${equity}`,
      role,
      equity,
      change,
      suppressed: suppressed ?? false,
    })),
  } as unknown as MeasureReport;
}

const ENJOYMENT = measure('enjoyment', 'score', [
  ['intervention', 'all', 3.1],
  ['comparison', 'all', 0.8],
  ['intervention', 'equity-group', 4.3],
  ['intervention', 'simd-5', null, true],
]);

describe('predictedOutcome', () => {
  it('is as predicted when the intervention group moves the predicted way by at least as much', () => {
    const p = predictedOutcome('01', { measure: 'enjoyment', direction: 'up', by: 3 }, [ENJOYMENT]);
    expect(p).toEqual({
      cycle: '01',
      where: 'question.yaml',
      predicted: 'Reading enjoyment, the intervention group: up by 3',
      measured: 'up by 3.10',
      outcome: 'as-predicted',
    });
  });

  it('is partly as predicted when it moves the right way by less, and not as predicted the other way', () => {
    expect(predictedOutcome('01', { measure: 'enjoyment', direction: 'up', by: 5 }, [ENJOYMENT]).outcome).toBe(
      'partly',
    );
    expect(predictedOutcome('01', { measure: 'enjoyment', direction: 'down' }, [ENJOYMENT]).outcome).toBe(
      'not-as-predicted',
    );
    const equity = predictedOutcome('01', { measure: 'enjoyment', direction: 'up', by: 4, group: 'equity-group' }, [
      ENJOYMENT,
    ]);
    expect([equity.measured, equity.outcome]).toEqual(['up by 4.30', 'as-predicted']);
  });

  it('reads a yes/no change in percentage points, and all learners when there is no comparison group', () => {
    const reads = measure('reads', 'yes-no', [['all', 'all', -2.5]]);
    const p = predictedOutcome('02', { measure: 'reads', direction: 'up', by: 10 }, [reads]);
    expect([p.predicted, p.measured, p.outcome]).toEqual([
      'reads, the intervention group: up by 10 percentage points',
      'down by 2.50 percentage points',
      'not-as-predicted',
    ]);
  });

  it('waits without figures, and says a hidden group is hidden', () => {
    expect(predictedOutcome('01', { measure: 'other', direction: 'up' }, [ENJOYMENT])).toMatchObject({
      measured: null,
      outcome: null,
    });
    const hidden = measure('enjoyment', 'score', [['intervention', 'all', null, true]]);
    expect(predictedOutcome('01', { measure: 'enjoyment', direction: 'up' }, [hidden])).toMatchObject({
      measured: 'hidden ([c]): too few learners to show',
      outcome: null,
    });
  });
});

describe('trackRecord', () => {
  it('counts the outcomes across cycles and says so in one sentence', () => {
    const record = trackRecord([
      {
        folder: '01',
        question: { predicted: [{ measure: 'enjoyment', direction: 'up', by: 3 }] },
        measures: [ENJOYMENT],
        methodOutcomes: [
          { cycle: '01', where: 'pdsa.yaml, pdsa-1, q1', predicted: 'x', measured: 'y', outcome: 'partly' },
        ],
        adherence: [],
      },
      {
        folder: '02',
        question: { predicted: [{ measure: 'enjoyment', direction: 'up' }] },
        measures: [],
        methodOutcomes: [],
        adherence: [],
      },
    ]);
    expect(record.counts).toEqual({ 'as-predicted': 1, partly: 1, 'not-as-predicted': 0, waiting: 1 });
    expect(trackRecordSummary(record)).toBe(
      '1 of 2 predictions with a result turned out as predicted, 1 partly and 0 not as predicted. 1 is still waiting for a result.',
    );
    expect(trackRecordSummary(trackRecord([]))).toBe('No prediction has a result yet.');
  });
});

describe('PDSA chains (Taylor et al. 2014)', () => {
  const cycle = (pdsa: unknown, measures: unknown = {}): CycleData =>
    ({
      source: { folder: '01-transition' },
      method: 'improvement-science',
      records: new Map<string, unknown>([
        ['pdsa', pdsa],
        ['measures', measures],
      ]),
    }) as unknown as CycleData;
  const full = (id: string, purpose: string, planDate: string, doDate: string, decision: string | null) => ({
    id,
    changeIdea: 'welcome-call',
    purpose,
    plan: {
      date: planDate,
      objective: 'o',
      questions: [{ id: 'q1', question: 'q?', prediction: 'p' }],
      measures: ['calls'],
    },
    do: { date: doDate, whatHappened: 'w' },
    study: { results: [{ question: 'q1', result: 'r', matched: 'as-predicted' }], learning: 'l' },
    act: { decision },
  });

  it('meets all five features with two acted-on cycles, predictions first, a test before implementing and a series', () => {
    const lines = pdsaAdherence(
      cycle(
        {
          cycles: [
            full('pdsa-1', 'test', '2025-05-01', '2025-05-10', 'adapt'),
            full('pdsa-2', 'implement', '2025-06-01', '2025-06-05', 'adopt'),
          ],
        },
        {
          series: [
            { measure: 'calls', points: [{ date: '2025-05-10' }, { date: '2025-05-17' }, { date: '2025-05-24' }] },
          ],
        },
      ),
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]?.met).toBe(5);
    expect(lines[0]?.pdsaCycles).toBe(2);
  });

  it('names what is missing: one cycle, a plan after its test, implementing first, no series, no act', () => {
    const [line] = pdsaAdherence(cycle({ cycles: [full('pdsa-1', 'implement', '2025-05-12', '2025-05-10', null)] }));
    expect(line?.criteria.map((c) => [c.id, c.met, c.why])).toEqual([
      ['iterative', false, 'one PDSA cycle so far: learning comes from a second cycle built on the first'],
      ['prediction', false, "pdsa-1's plan is dated after its test"],
      ['small-scale', false, 'pdsa-1 implements before any small test'],
      [
        'data-over-time',
        false,
        'no measure the cycles collect has a dated series of 3 or more points in measures.yaml',
      ],
      ['documented', false, 'pdsa-1 has no act recorded yet'],
    ]);
    expect(line?.met).toBe(0);
  });

  it("gives each PDSA question's prediction with its study result", () => {
    const outcomes = pdsaPredictionOutcomes(
      cycle({ cycles: [full('pdsa-1', 'test', '2025-05-01', '2025-05-10', 'adapt')] }),
    );
    expect(outcomes).toEqual([
      {
        cycle: '01-transition',
        where: 'pdsa.yaml, pdsa-1, q1',
        predicted: 'p',
        measured: 'r',
        outcome: 'as-predicted',
      },
    ]);
  });
});
