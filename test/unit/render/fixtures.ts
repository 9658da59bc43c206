// Plain values for the view-model tests: a project and a cycle built in memory, no files.
import type {
  BaselineRecord,
  InterventionRecord,
  MeasuresRecord,
  ProjectFile,
  QuestionRecord,
  ReflectionsRecord,
} from '../../../src/core/records/model.js';
import { cycleStatus } from '../../../src/core/status/index.js';
import { car } from '../../../src/methods/car/index.js';
import type { CycleData } from '../../../src/core/method/contract.js';

export const project: ProjectFile = {
  schemaVersion: 1,
  title: 'Reading for pleasure',
  partnership: {
    name: 'Hillside Partnership',
    programme: 'School Improvement Partnership Programme',
    localAuthorities: ['Kilmory Council'],
    schools: [{ name: 'Hillside Primary', sector: 'primary', authority: 'Kilmory Council' }],
  },
  team: [{ name: 'Morag', role: 'lead', school: 'Hillside Primary' }],
  method: 'car',
  focus: 'Reading for pleasure',
  equityGroup: { marker: 'simd-quintile', description: 'SIMD 1-2', simdEdition: 'SIMD 2020v2', quintiles: [1, 2] },
  suppressionThreshold: 5,
};

export interface Records {
  question: QuestionRecord;
  baseline: BaselineRecord;
  intervention: InterventionRecord;
  measures: MeasuresRecord;
  reflections: ReflectionsRecord;
}

export function emptyRecords(): Records {
  return {
    question: { title: 'Paired reading', method: 'car' },
    baseline: {},
    intervention: {},
    measures: {},
    reflections: {},
  };
}

export function cycleOf(records: Partial<Records>, folder = '01-paired-reading'): CycleData {
  const all = { ...emptyRecords(), ...records };
  return {
    source: {
      folder,
      dir: `cycles/${folder}`,
      number: Number(folder.slice(0, 2)),
      slug: folder.slice(3),
      records: new Map(),
    },
    method: 'car',
    records: new Map(Object.entries(all) as [string, Record<string, unknown>][]),
  };
}

export function statusOf(cycle: CycleData) {
  return cycleStatus(cycle, car, new Set());
}

/** A score measure with an intervention total split by SIMD quintile; SIMD 5 has three learners. */
export function enjoymentMeasures(): MeasuresRecord {
  return {
    measures: [
      {
        id: 'enjoyment',
        name: 'Reading enjoyment',
        type: 'outcome',
        kind: 'score',
        unit: 'points out of 40',
        higherIsBetter: true,
      },
    ],
    results: [
      {
        measure: 'enjoyment',
        groups: [
          {
            name: 'All intervention',
            role: 'intervention',
            equity: 'all',
            before: { n: 46, mean: 24.1, sd: 6.1 },
            after: { n: 45, mean: 27.2, sd: 5.9 },
          },
          {
            name: 'SIMD 1-2',
            role: 'intervention',
            equity: 'equity-group',
            before: { n: 26, mean: 22.3, sd: 6.4 },
            after: { n: 25, mean: 26.6, sd: 6.0 },
          },
          {
            name: 'SIMD 3-5',
            role: 'intervention',
            equity: 'others',
            before: { n: 20, mean: 26.4, sd: 5.4 },
            after: { n: 20, mean: 27.9, sd: 5.6 },
          },
          {
            name: 'SIMD 3',
            role: 'intervention',
            equity: 'simd-3',
            before: { n: 10, mean: 26.0, sd: 5.5 },
            after: { n: 10, mean: 27.6, sd: 5.7 },
          },
          {
            name: 'SIMD 4',
            role: 'intervention',
            equity: 'simd-4',
            before: { n: 7, mean: 26.5, sd: 5.2 },
            after: { n: 7, mean: 28.2, sd: 5.4 },
          },
          {
            name: 'SIMD 5',
            role: 'intervention',
            equity: 'simd-5',
            before: { n: 3, mean: 31.7, sd: 2.9 },
            after: { n: 3, mean: 33.3, sd: 1.7 },
          },
        ],
      },
    ],
  };
}
