// A worker of the chart pool (./chart-pool.ts): draws the specifications it is sent, one after another, and sends
// back Vega's SVG of each, or the message of what went wrong.
import { parentPort } from 'node:worker_threads';
import { drawSvg } from '../core/render/charts/svg.js';

export interface DrawRequest {
  id: number;
  spec: Record<string, unknown>;
}

export type DrawReply = { id: number; svg: string } | { id: number; error: string };

let queue: Promise<void> = Promise.resolve();

parentPort?.on('message', ({ id, spec }: DrawRequest) => {
  queue = queue.then(async () => {
    let reply: DrawReply;
    try {
      reply = { id, svg: await drawSvg(spec) };
    } catch (e) {
      reply = { id, error: e instanceof Error ? e.message : String(e) };
    }
    parentPort?.postMessage(reply);
  });
});
