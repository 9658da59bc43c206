// How many workers draw a big project's charts: none for a few cycles, one per core (at most 8) for many, and
// what SIPP_CHART_WORKERS asks for.
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { POOL_MIN_CYCLES, poolSize } from '../../../src/project/chart-pool.js';

describe('poolSize', () => {
  it('draws a few cycles in sipp’s own process', () => {
    expect(poolSize(1, {})).toBe(0);
    expect(poolSize(POOL_MIN_CYCLES - 1, {})).toBe(0);
  });

  it('uses every core, up to 8, for many cycles', () => {
    const cores = availableParallelism();
    expect(poolSize(500, {})).toBe(cores < 2 ? 0 : Math.min(cores, 8));
  });

  it('follows SIPP_CHART_WORKERS, 0 included, and ignores a value that is not a whole number', () => {
    expect(poolSize(500, { SIPP_CHART_WORKERS: '0' })).toBe(0);
    expect(poolSize(1, { SIPP_CHART_WORKERS: '3' })).toBe(3);
    expect(poolSize(500, { SIPP_CHART_WORKERS: '64' })).toBe(8);
    expect(poolSize(1, { SIPP_CHART_WORKERS: 'many' })).toBe(0);
  });
});
