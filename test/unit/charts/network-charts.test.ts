// The network briefing's charts: a forest plot of a row per cycle (one row of dots beyond FOREST_ROWS, so that a
// network of hundreds of cycles still draws: a sort list of thousands of labels overflowed Vega's expression parser).
import { describe, expect, it } from 'vitest';
import { FOREST_ROWS, forestSpec } from '../../../src/core/render/charts/forest.js';
import { gapsSpec } from '../../../src/core/render/charts/gaps.js';
import { drawSvg } from '../../../src/core/render/charts/svg.js';
import type { GapChange, MeasurePooling } from '../../../src/core/network/analyse.js';
import { metaAnalyse } from '../../../src/core/network/meta-analysis.js';

function measure(k: number): MeasurePooling {
  const studies = Array.from({ length: k }, (_, i) => {
    const g = 0.1 + ((i * 37) % 50) / 100;
    return {
      member: `m${i}`,
      cycle: '01-a',
      measure: 'enjoyment',
      g,
      ci95: [g - 0.3, g + 0.3] as [number, number],
      n: [40, 40] as [number, number],
      se: 0.15,
    };
  });
  const pooled = metaAnalyse(studies.map((s) => ({ y: s.g, v: s.se ** 2 })));
  const { k: _k, ...rest } = pooled ?? { k: 0 };
  return {
    id: 'enjoyment',
    basis: 'comparison',
    k,
    studies,
    pooled: pooled ? (rest as MeasurePooling['pooled']) : null,
    notes: [],
  };
}

const gaps = (k: number): GapChange[] =>
  Array.from({ length: k }, (_, i) => ({
    member: `m${i}`,
    cycle: '01-a',
    measure: 'enjoyment',
    baseline: 4,
    followUp: 2 + (i % 3),
    change: 'narrowed',
  }));

describe('the forest plot', () => {
  it('gives each cycle its row up to FOREST_ROWS, with the pooled diamond last', () => {
    const spec = forestSpec(measure(5));
    expect(JSON.stringify(spec?.spec)).toContain('"m4 · 01-a"');
    expect(spec?.alt).toMatch(/^Each cycle's effect size with its 95% confidence interval, m0 · 01-a/);
  });

  it('draws a thousand cycles as one row of dots, and Vega draws it', async () => {
    const spec = forestSpec(measure(1000));
    const text = JSON.stringify(spec?.spec);
    expect(text).toContain('Each cycle (1000)');
    expect(text).not.toContain('m999 · 01-a');
    expect(spec?.alt).toContain('(1000 cycles, one dot each)');
    expect(await drawSvg(spec?.spec as Record<string, unknown>)).toContain('<svg');
  }, 30_000);

  it('is not drawn when nothing is pooled', () => {
    expect(forestSpec({ ...measure(1), pooled: null })).toBeNull();
    expect(FOREST_ROWS).toBeGreaterThan(10);
  });
});

describe('the equity gaps chart', () => {
  it('draws many gaps as two rows of dots, and few as a row each', async () => {
    expect(JSON.stringify(gapsSpec(gaps(3))?.spec)).toContain('m2 · 01-a · enjoyment');
    const many = gapsSpec(gaps(500));
    expect(many?.alt).toContain('The 500 equity gaps at baseline and at follow-up');
    expect(await drawSvg(many?.spec as Record<string, unknown>)).toContain('<svg');
  }, 30_000);
});
