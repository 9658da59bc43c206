// How many workers draw a big project's charts: none for a few cycles, one per core (at most 8) for many, and
// what SIPP_CHART_WORKERS asks for; and a pool whose workers stop still draws every chart.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { drawSvg } from '../../../src/core/render/charts/svg.js';
import { POOL_MIN_CYCLES, openChartPool, poolSize } from '../../../src/project/chart-pool.js';

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

describe('openChartPool', () => {
  const SPEC = {
    data: { values: [{ a: 1 }, { a: 3 }] },
    mark: 'point',
    encoding: { x: { field: 'a', type: 'quantitative' } },
  };

  const dir = mkdtempSync(path.join(tmpdir(), 'sipp-pool-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A worker script in the temporary folder that does `body` (and never answers). */
  function workerScript(body: string): URL {
    const file = path.join(mkdtempSync(path.join(dir, 'worker-')), 'worker.mjs');
    writeFileSync(file, body);
    return pathToFileURL(file);
  }

  it.each([
    ['stops at once', 'process.exit(0);'],
    ['fails as it starts', "throw new Error('out of memory');"],
  ])(
    'draws in its own process the charts of a worker that %s, the same SVG',
    async (_, body) => {
      const pool = openChartPool(2, workerScript(body));
      try {
        const drawn = await Promise.all([pool.draw(SPEC), pool.draw(SPEC), pool.draw(SPEC)]);
        const alone = await drawSvg(SPEC);
        expect(alone).toMatch(/^<svg /);
        expect(drawn).toEqual([alone, alone, alone]);
      } finally {
        await pool.close();
      }
    },
    30_000,
  );
});
