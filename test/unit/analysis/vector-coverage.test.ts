// Every published statistics vector is reproduced somewhere in these tests: this is the index.

import { describe, expect, it } from 'vitest';
import { vectorIds, vectors } from './vectors.js';

/**
 * Where each vector is tested, and whether every published figure is reproduced ('full') or only
 * the figures for methods sipp implements ('partial': the test says what is left out and why).
 */
const COVERAGE: Record<string, { file: string; extent: 'full' | 'partial' }> = {
  // run_chart
  'qicharts2-cdi-freeze24': { file: 'run-chart.test.ts', extent: 'full' },
  'qicharts2-cdi-split24': { file: 'run-chart.test.ts', extent: 'full' },
  'qicharts2-cdi-c-chart-split24': { file: 'run-chart.test.ts', extent: 'partial' }, // c-chart limits
  'qicharts2-montgomery-ex6.5-mrchart': { file: 'run-chart.test.ts', extent: 'full' },
  'qicharts2-montgomery-ex7.3-cchart-exclude': { file: 'run-chart.test.ts', extent: 'partial' }, // c-chart limits
  'qicharts2-montgomery-ex7.6-tchart': { file: 'run-chart.test.ts', extent: 'full' },
  'anhoej-critical-values-10-100': { file: 'run-chart-limits.test.ts', extent: 'full' },
  'swed-eisenhart-runs-limits-10-100': { file: 'run-chart-limits.test.ts', extent: 'full' },
  'qicharts2-hai-1-uchart': { file: 'run-chart.test.ts', extent: 'partial' }, // u-chart CL and limits
  'qicharts2-hai-2-uchart-CDI': { file: 'run-chart.test.ts', extent: 'partial' }, // u-chart CL
  // xmr
  'ptd-snapshot-rnorm20': { file: 'xmr.test.ts', extent: 'full' },
  'ptd-snapshot-facets': { file: 'xmr.test.ts', extent: 'full' },
  'ptd-deviations-vignette': { file: 'xmr.test.ts', extent: 'full' },
  'ptd-icons': { file: 'xmr.test.ts', extent: 'full' }, // assurance through the limits
  'ptd-rule-unit-tests': { file: 'xmr.test.ts', extent: 'full' }, // through whole charts
  // effect_size
  'effectsize-mtcars-wt-am': { file: 'effect-size.test.ts', extent: 'partial' }, // noncentral CIs, unpooled d
  'howell-adams1996-ncp-ci': { file: 'effect-size.test.ts', extent: 'partial' }, // noncentral-t CI
  'esc-readme-mean-sd': { file: 'effect-size.test.ts', extent: 'full' },
  'morris2008-metafor': { file: 'effect-size.test.ts', extent: 'partial' }, // variances need r
  'effsize-misc': { file: 'effect-size.test.ts', extent: 'partial' }, // paired d needs r
};

describe('statistics-vectors.json', () => {
  it('has every vector accounted for by a test', () => {
    const ids = [...vectorIds('run_chart'), ...vectorIds('xmr'), ...vectorIds('effect_size')];
    expect(ids.sort()).toEqual(Object.keys(COVERAGE).sort());
  });

  it('has the EEF months table, tested in months-of-progress.test.ts', () => {
    expect(vectors.eef_months_toolkit.map((band) => band.months)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });
});
