// `sipp guide [method]`: offline guidance on an enquiry method (default: the project's method, else CAR).
import path from 'node:path';
import type { CliContext } from './context.js';
import { EXIT, usageError } from '../core/problems.js';
import { PROJECT_FILE } from '../core/records/model.js';
import type { Method } from '../methods/types.js';
import { findMethod } from '../methods/registry.js';
import { findProjectRoot } from '../project/find-root.js';
import { readSourceFile } from '../project/read.js';
import { ALL_METHOD_IDS, knownMethodsText, methodName } from './method-names.js';
import { styles } from './style.js';
import { wrap } from './text.js';

export async function run(ctx: CliContext, methodId: string | undefined): Promise<number> {
  const method = methodId === undefined ? defaultMethod(ctx) : requireMethod(methodId);
  ctx.out(guideText(method, ctx.color));
  return EXIT.ok;
}

function requireMethod(id: string): Method {
  const method = findMethod(id);
  if (method) return method;
  const hint = `sipp has guides for: ${knownMethodsText()}. For example: sipp guide car`;
  if ((ALL_METHOD_IDS as string[]).includes(id)) {
    throw usageError(
      `There is no guide for ${methodName(id)} (${id}) yet: the method is coming in a later version of sipp.`,
      hint,
    );
  }
  throw usageError(`There is no enquiry method called "${id}".`, hint);
}

/** The project's method when run inside a project; Collaborative Action Research otherwise. */
function defaultMethod(ctx: CliContext): Method {
  const car = findMethod('car') as Method;
  const root = findProjectRoot(ctx.cwd);
  if (!root) return car;
  const data = readSourceFile(path.join(root, PROJECT_FILE), PROJECT_FILE).data as { method?: unknown } | undefined;
  const id = typeof data?.method === 'string' ? data.method : 'car';
  const method = findMethod(id);
  if (method) return method;
  ctx.err(
    `This project's method is ${methodName(id)} (${id}), which has no guide in this version of sipp yet. Here is the guide to ${car.name}, the umbrella method.\n\n`,
  );
  return car;
}

function guideText(method: Method, color: boolean): string {
  const c = styles(color);
  return [
    c.bold(`${method.name} (${method.id})`),
    '',
    wrap(method.summary),
    '',
    method.guide,
    '',
    c.bold("Questions for the facilitator's meeting"),
    ...method.facilitatorPrompts.map((p) => wrap(p, 100, '    ', '  - ')),
    '',
  ].join('\n');
}
