// `sipp guide [method]`: offline guidance. Without a method, every method in a line and how to choose one (and in a
// project, the guide to its method); with one, that method's stages, records and facilitator prompts.
import path from 'node:path';
import type { CliContext } from './context.js';
import { EXIT, usageError } from '../core/problems.js';
import { CORE_RECORDS, PROJECT_FILE } from '../core/records/model.js';
import type { Method, MethodId } from '../core/method/contract.js';
import { findMethod, listMethods } from '../methods/registry.js';
import { findProjectRoot } from '../project/find-root.js';
import { readSourceFile } from '../project/read.js';
import { exampleRecordText } from '../project/example-records.js';
import { knownMethodsText, methodName } from './method-names.js';
import { styles } from './style.js';
import { wrap } from './text.js';
import { DEFAULT_METHOD } from '../core/records/settings.js';

export async function run(ctx: CliContext, methodId: string | undefined, record: string | undefined): Promise<number> {
  if (methodId !== undefined) {
    const method = requireMethod(methodId);
    if (record !== undefined) {
      ctx.out(exampleRecord(method, record, ctx.color));
      return EXIT.ok;
    }
    ctx.out(`${guideText(method, ctx.color)}\n${examplesText(method, ctx.color)}`);
    return EXIT.ok;
  }
  const project = projectMethod(ctx);
  const parts = [methodsText(ctx.color)];
  if (project) parts.push(`${styles(ctx.color).bold("This project's method")}\n\n${guideText(project, ctx.color)}`);
  ctx.out(parts.join('\n'));
  return EXIT.ok;
}

/** When to choose each method, in a sentence: what `sipp guide` lists (the README's table says the same). */
const WHEN_TO_CHOOSE: Record<MethodId, string> = {
  car: 'When a team across schools tests a change against a baseline, with a prediction and before-and-after evidence. The umbrella for the others, and the default.',
  'lesson-study':
    'When a small group of teachers wants to learn how to teach one thing better, by planning, teaching and observing research lessons together and watching case pupils.',
  'instructional-rounds':
    'When a network wants to see one problem of practice across many classrooms, describe without judging, and agree the next level of work.',
  'improvement-science':
    'When you have a measurable aim and want to test several small changes quickly in Plan-Do-Study-Act cycles, with measures tracked over time.',
  'practitioner-enquiry':
    'When one teacher looks into their own practice with their own learners, for example as professional learning for Professional Update.',
};

const HOW_TO_CHOOSE =
  'Start from who is enquiring and what you want to learn. A team testing a change across schools: Collaborative ' +
  'Action Research. Teachers learning together how to teach something: Lesson Study. A network looking at ' +
  'teaching and learning across many classrooms: Rounds. A measurable aim and small, fast tests of change: ' +
  'Improvement Science. One teacher and their own class: Practitioner enquiry. The project has a default method ' +
  '(`method` in sipp.yaml, set by `sipp init --method`); `sipp cycle --method <id>` starts a cycle of another, so ' +
  'a partnership can use several.';

/** Every method in a line, with when to choose it, then how to choose. */
function methodsText(color: boolean): string {
  const c = styles(color);
  const methods = listMethods();
  const width = Math.max(...methods.map((m) => m.id.length)) + 2;
  return [
    c.bold('Enquiry methods'),
    '',
    ...methods.map((m) =>
      wrap(`${m.name}. ${WHEN_TO_CHOOSE[m.id] ?? m.summary}`, 100, ' '.repeat(width + 2), `  ${m.id.padEnd(width)}`),
    ),
    '',
    c.bold('How to choose'),
    '',
    wrap(HOW_TO_CHOOSE),
    '',
    "Run `sipp guide <method>` for a method's stages and records, for example: sipp guide practitioner-enquiry",
    '',
  ].join('\n');
}

/** The records of a cycle of the method: the five of the spine, then the method's own. */
function recordsOf(method: Method): string[] {
  return [...CORE_RECORDS, ...method.extraRecords.map((r) => r.name)];
}

/** One record of the method's bundled example, filled in, without its editor line. */
function exampleRecord(method: Method, record: string, color: boolean): string {
  const names = recordsOf(method);
  const name = record.replace(/\.yaml$/, '');
  if (!names.includes(name))
    throw usageError(
      `A ${method.name} cycle has no record called "${record}".`,
      `Its records are: ${names.join(', ')}. For example: sipp guide ${method.id} ${names[0]}`,
    );
  const text = exampleRecordText(method.id, name);
  if (!text) return `There is no bundled example of ${name}.yaml for ${method.name} in this installation.\n`;
  const body = text.replace(/^# yaml-language-server:.*\n\n?/, '');
  return `${styles(color).bold(`${name}.yaml, filled in (from the bundled example)`)}\n\n${body.trimEnd()}\n`;
}

/** Every record of the method's bundled example, filled in: what the records look like when a cycle is done. */
function examplesText(method: Method, color: boolean): string {
  const c = styles(color);
  const parts = recordsOf(method)
    .filter((name) => exampleRecordText(method.id, name) !== undefined)
    .map((name) => exampleRecord(method, name, color));
  if (parts.length === 0) return '';
  return [
    c.bold('Each record, filled in'),
    '',
    `From the example project that comes with sipp. One record at a time: sipp guide ${method.id} <record>, for example sipp guide ${method.id} question.`,
    '',
    ...parts,
  ].join('\n');
}

function requireMethod(id: string): Method {
  const method = findMethod(id);
  if (method) return method;
  const hint = `sipp has guides for: ${knownMethodsText()}. For example: sipp guide car`;
  throw usageError(`There is no enquiry method called "${id}".`, hint);
}

/** The project's method when run inside a project; undefined outside one or when this version does not know it. */
function projectMethod(ctx: CliContext): Method | undefined {
  const root = findProjectRoot(ctx.cwd);
  if (!root) return undefined;
  const data = readSourceFile(path.join(root, PROJECT_FILE), PROJECT_FILE).data as { method?: unknown } | undefined;
  const id = typeof data?.method === 'string' ? data.method : DEFAULT_METHOD;
  const method = findMethod(id);
  if (!method)
    ctx.err(`This project's method is ${methodName(id)} (${id}), which has no guide in this version of sipp.\n\n`);
  return method;
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
