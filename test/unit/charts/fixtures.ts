// A small cycle for the chart tests: a scored measure with a comparison and an equity split (one group too small
// to show), and a yes/no measure with a fortnightly series that shifts upwards after the intervention starts.
import { cycleReport } from '../../../src/core/analysis/report.js';
import type { CycleReport } from '../../../src/core/analysis/report-types.js';
import type { InterventionRecord, MeasuresRecord } from '../../../src/core/records/model.js';

const BEFORE = '2025-08-28';
const AFTER = '2026-03-25';
const g = (name: string, role: 'intervention' | 'comparison' | 'all', equity: string, b: number[], a: number[]) => ({
  name,
  role,
  equity: equity as 'all',
  before: { date: BEFORE, n: b[0] as number, mean: b[1] as number, sd: b[2] as number },
  after: { date: AFTER, n: a[0] as number, mean: a[1] as number, sd: a[2] as number },
});

const FORTNIGHTS = [
  '2025-08-25',
  '2025-09-08',
  '2025-09-22',
  '2025-10-06',
  '2025-10-20',
  '2025-11-03',
  '2025-11-17',
  '2025-12-01',
  '2025-12-15',
  '2026-01-12',
  '2026-01-26',
  '2026-02-09',
  '2026-02-23',
  '2026-03-09',
];
const VALUES = [31, 29, 33, 30, 32, 31, 41, 43, 42, 46, 48, 45, 50, 48];

export const MEASURES: MeasuresRecord = {
  measures: [
    {
      id: 'enjoyment',
      name: 'Reading enjoyment score',
      type: 'outcome',
      kind: 'score',
      unit: 'points out of 40',
      higherIsBetter: true,
    },
    {
      id: 'reads-often',
      name: 'Reads for pleasure most days',
      type: 'outcome',
      kind: 'yes-no',
      unit: '% of learners',
      higherIsBetter: true,
      chart: { floor: 0, ceiling: 100 },
    },
  ],
  results: [
    {
      measure: 'enjoyment',
      groups: [
        g('Intervention classes', 'intervention', 'all', [60, 24.1, 6.1], [58, 27.2, 5.9]),
        g('Comparison classes', 'comparison', 'all', [55, 24.6, 6.0], [54, 25.4, 6.1]),
        g('Intervention, SIMD 1-2', 'intervention', 'equity-group', [30, 22.3, 6.4], [29, 26.6, 6.0]),
        g('Intervention, SIMD 3-5', 'intervention', 'others', [30, 26.3, 5.4], [29, 27.9, 5.6]),
        g('Comparison, SIMD 5', 'comparison', 'simd-5', [3, 27.0, 5.0], [3, 28.0, 5.0]),
      ],
    },
  ],
  series: [
    {
      measure: 'reads-often',
      group: 'Intervention classes',
      points: FORTNIGHTS.map((date, i) => ({ date, value: VALUES[i] as number, n: 60 })),
    },
  ],
};

export const INTERVENTION: InterventionRecord = {
  start: '2025-10-06',
  end: '2026-03-27',
  adaptations: [
    { date: '2025-11-03', change: 'Added five minutes of book talk.', reason: 'Pairs finished early.' },
    { date: '2026-07-01', change: 'After the series ends: not drawn.', reason: null },
  ],
};

export function cycle(): CycleReport {
  return cycleReport({ id: '01-paired-reading', number: 1, measures: MEASURES }, { suppressionThreshold: 5 });
}
