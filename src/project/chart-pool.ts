// Drawing a big project's charts on every core (issue 10, section 5): 500 cycles are 2,500 charts of about 8 ms
// each, and drawing them one after another in sipp's own process is most of a cold `sipp brief`. A pool of worker
// threads (./chart-worker.ts) draws them at once; the SVG of a chart depends only on its specification, so the
// briefings are byte for byte those drawn in one process. `SIPP_CHART_WORKERS` sets the number of workers (0
// draws in sipp's own process).
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ChartDrawer } from '../core/render/charts/index.js';
import { drawSvg } from '../core/render/charts/svg.js';
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
  spec: Record<string, unknown>;
  resolve: (svg: string) => void;
  reject: (error: Error) => void;
}

interface PoolWorker {
  worker: Worker;
  jobs: Map<number, Job>;
  alive: boolean;
}

/**
 * A pool of `size` workers running `script` (the chart worker; tests give another). A worker that stops or
 * fails (out of memory, killed) takes no more charts, and the charts it had are drawn in sipp's own process,
 * one after another, as without a pool: a briefing never depends on the workers surviving.
 */
export function openChartPool(size: number, script: URL = new URL('./chart-worker.js', import.meta.url)): ChartPool {
  let local: Promise<unknown> = Promise.resolve();
  let closed = false;
  const drawHere = (job: Job): void => {
    const drawn = local.then(() => drawSvg(job.spec));
    local = drawn.catch(() => undefined);
    drawn.then(job.resolve, job.reject);
  };
  const workers: PoolWorker[] = Array.from({ length: size }, () => {
    const entry: PoolWorker = { worker: new Worker(script), jobs: new Map(), alive: true };
    const stopped = (): void => {
      entry.alive = false;
      const left = [...entry.jobs.values()];
      entry.jobs.clear();
      if (closed) left.forEach((job) => job.reject(new Error('The chart pool was closed.')));
      else left.forEach(drawHere);
    };
    entry.worker.on('message', (reply: DrawReply) => {
      const job = entry.jobs.get(reply.id);
      entry.jobs.delete(reply.id);
      if ('svg' in reply) job?.resolve(reply.svg);
      else job?.reject(new Error(reply.error));
    });
    entry.worker.on('error', stopped);
    entry.worker.on('exit', stopped);
    return entry;
  });
  let next = 0;
  return {
    draw(spec) {
      return new Promise<string>((resolve, reject) => {
        const job: Job = { spec, resolve, reject };
        // The least busy worker still running takes the chart; with none, it is drawn here.
        const least = workers.filter((w) => w.alive).sort((a, b) => a.jobs.size - b.jobs.size)[0];
        if (!least) {
          drawHere(job);
          return;
        }
        const id = next++;
        least.jobs.set(id, job);
        least.worker.postMessage({ id, spec } satisfies DrawRequest);
      });
    },
    async close() {
      closed = true;
      await Promise.all(workers.map(({ worker }) => worker.terminate()));
    },
  };
}
