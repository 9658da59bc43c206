// Drawing a big project's charts on every core (issue 10, section 5): 500 cycles are 2,500 charts of about 8 ms
// each, and drawing them one after another in sipp's own process is most of a cold `sipp brief`. A pool of worker
// threads (./chart-worker.ts) draws them at once; the SVG of a chart depends only on its specification, so the
// briefings are byte for byte those drawn in one process. `SIPP_CHART_WORKERS` sets the number of workers (0
// draws in sipp's own process).
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ChartDrawer } from '../core/render/charts/index.js';
import type { DrawReply, DrawRequest } from './chart-worker.js';

/**
 * Below this many cycles to render (a cycle has about five charts), starting workers (each loads Vega, about
 * 0.3 s) costs more than it saves.
 */
export const POOL_MIN_CYCLES = 12;

/** More workers than this only add start-up and memory. */
const MAX_WORKERS = 8;

export interface ChartPool {
  draw: ChartDrawer;
  /** Stops the workers; charts not yet drawn fail. */
  close(): Promise<void>;
}

/** The number of workers for rendering `cycles` cycles: 0 (draw in this process) for a few, or on one core. */
export function poolSize(cycles: number, env: NodeJS.ProcessEnv = process.env): number {
  const asked = env.SIPP_CHART_WORKERS;
  if (asked !== undefined && /^\d+$/.test(asked)) return Math.min(Number(asked), MAX_WORKERS);
  if (cycles < POOL_MIN_CYCLES) return 0;
  const cores = availableParallelism();
  return cores < 2 ? 0 : Math.min(cores, MAX_WORKERS);
}

interface Job {
  resolve: (svg: string) => void;
  reject: (error: Error) => void;
}

export function openChartPool(size: number): ChartPool {
  const script = new URL('./chart-worker.js', import.meta.url);
  const workers = Array.from({ length: size }, () => {
    const jobs = new Map<number, Job>();
    const worker = new Worker(script);
    const failAll = (error: Error): void => {
      for (const job of jobs.values()) job.reject(error);
      jobs.clear();
    };
    worker.on('message', (reply: DrawReply) => {
      const job = jobs.get(reply.id);
      jobs.delete(reply.id);
      if ('svg' in reply) job?.resolve(reply.svg);
      else job?.reject(new Error(reply.error));
    });
    worker.on('error', failAll);
    worker.on('exit', () => failAll(new Error('A chart could not be drawn: the drawing worker stopped.')));
    return { worker, jobs };
  });
  let next = 0;
  return {
    draw(spec) {
      // The least busy worker takes the chart.
      const least = workers.reduce((a, b) => (b.jobs.size < a.jobs.size ? b : a));
      const id = next++;
      return new Promise<string>((resolve, reject) => {
        least.jobs.set(id, { resolve, reject });
        least.worker.postMessage({ id, spec } satisfies DrawRequest);
      });
    },
    async close() {
      await Promise.all(workers.map(({ worker }) => worker.terminate()));
    },
  };
}
