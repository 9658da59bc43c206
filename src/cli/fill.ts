// `sipp fill [cycle] [record]`: asks, one by one, the questions of a record that are still empty, and writes the
// answers into its YAML keeping every comment and line it did not answer. Ctrl-C writes nothing.
import path from 'node:path';
import type { CliContext } from './context.js';
import { isPromptCancelled } from './prompts.js';
import { styles } from './style.js';
import { wrap } from './text.js';
import { EXIT, refusal, usageError } from '../core/problems.js';
import { CORE_RECORDS, recordFile, schemaFileOf } from '../core/records/model.js';
import { cycleNamed } from '../core/records/select-cycles.js';
import { cycleStatus } from '../core/status/index.js';
import { emptyQuestions, readAnswer, withAnswers, type Question } from '../core/fill/questions.js';
import type { CycleData, Method } from '../core/method/contract.js';
import type { Schema } from '../core/validate/describe.js';
import { findMethod } from '../methods/registry.js';
import { readSchemas } from '../project/assets.js';
import { withProjectLock } from '../project/lock.js';
import { openProject } from '../project/open.js';
import { readSourceFile } from '../project/read.js';
import { writeAtomic } from '../project/write.js';

interface Answer {
  path: (string | number)[];
  value: unknown;
}

export async function run(
  ctx: CliContext,
  cycleName: string | undefined,
  recordName: string | undefined,
): Promise<number> {
  if (!ctx.interactive) {
    throw usageError(
      'sipp fill asks its questions on a terminal, and it is not running on one here.',
      'Open the record in an editor and write the answers there, then run `sipp validate`; `sipp status` lists what is still missing.',
    );
  }
  const { root, problems, cycles } = openProject(ctx.cwd, { need: 'readable' });
  if (cycles.length === 0)
    throw refusal('This project has no cycle to fill in yet.', { hint: 'Start one with: sipp cycle "Paired reading"' });
  const cycle =
    cycleName === undefined
      ? (cycles[cycles.length - 1] as CycleData)
      : cycleNamed(cycles, cycleName, (c) => c.source.folder);
  const method = findMethod(cycle.method);
  const broken = new Set(problems.filter((p) => p.severity === 'error').map((p) => p.file));
  const record = recordName?.replace(/\.yaml$/, '') ?? recordOfStage(cycle, method, broken);
  const names = [...CORE_RECORDS, ...(method?.extraRecords.map((r) => r.name) ?? [])];
  if (!names.includes(record))
    throw usageError(
      `A cycle of ${method?.name ?? cycle.method} has no record called "${recordName}".`,
      `Its records are: ${names.join(', ')}. For example: sipp fill ${cycle.source.number ?? 1} ${names[0]}`,
    );
  const relative = `${cycle.source.dir}/${recordFile(record)}`;
  if (broken.has(relative))
    throw refusal(`${relative} has problems, so sipp will not write into it. Nothing was written.`, {
      hint: 'Run `sipp validate` to see them, fix them, and run sipp fill again.',
    });
  const file = cycle.source.records.get(record);
  if (!file) throw refusal(`This cycle has no ${recordFile(record)}. Nothing was written.`);

  const schemas = readSchemas() as ReadonlyMap<string, Schema>;
  const schemaFile = schemaFileOf(record);
  const needed = (method?.requirements ?? []).filter((r) => r.record === record).map((r) => r.path);
  const questions = emptyQuestions(schemas.get(schemaFile) ?? {}, file.data, schemas, schemaFile, needed);
  const labels = new Map(
    (method?.requirements ?? []).filter((r) => r.record === record).map((r) => [r.path.join('.'), r.label]),
  );
  const c = styles(ctx.color);
  if (questions.length === 0) {
    ctx.out(`Nothing is empty in ${relative}. ${nextStep(root, ctx, relative)}\n`);
    return EXIT.ok;
  }
  ctx.out(
    `${c.bold(`Filling in ${relative}`)}: ${questions.length} question${questions.length === 1 ? '' : 's'} still empty. Press Enter to leave one for later; Ctrl-C stops without writing anything.\n`,
  );
  const answers: Answer[] = [];
  try {
    for (const question of questions) {
      const label = labels.get(question.path.join('.'));
      const value = await ask(ctx, question, label);
      if (value !== undefined) answers.push({ path: question.path, value });
    }
  } catch (e) {
    if (!isPromptCancelled(e)) throw e;
    ctx.err('\nCancelled: nothing was written.\n');
    return EXIT.problems;
  }
  if (answers.length === 0) {
    ctx.out(`\nNothing was answered, so nothing was written.\n${nextStep(root, ctx, relative)}\n`);
    return EXIT.ok;
  }
  await withProjectLock(root, async () => {
    // Read again under the lock: an editor or another sipp may have changed the file while questions were asked.
    const fresh = readSourceFile(path.join(root, relative), relative);
    await writeAtomic(root, path.join(root, relative), withAnswers(fresh.text, answers));
  });
  ctx.out(`\n${c.green('✔')} Wrote ${answers.length} answer${answers.length === 1 ? '' : 's'} into ${relative}.\n`);
  ctx.out(`${nextStep(root, ctx, relative)}\n`);
  return EXIT.ok;
}

/** The record of the cycle's current stage (its first with missing answers); reflections when all are done. */
function recordOfStage(cycle: CycleData, method: Method | undefined, broken: ReadonlySet<string>): string {
  const status = cycleStatus(cycle, method, broken);
  return status.missing[0]?.record ?? 'reflections';
}

/** What validate says about the file now, and the cycle's next step. */
function nextStep(root: string, ctx: CliContext, relative: string): string {
  const after = openProject(root, { need: 'readable' });
  const own = after.problems.filter((p) => p.file === relative);
  const lines = own.map(
    (p) => `${p.file}:${p.line}:${p.column}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`,
  );
  const folder = relative.split('/').slice(0, 2).join('/');
  const cycle = after.cycles.find((c) => c.source.dir === folder);
  const broken = new Set(after.problems.filter((p) => p.severity === 'error').map((p) => p.file));
  const next = cycle
    ? cycleStatus(cycle, findMethod(cycle.method), broken).next
    : 'Run `sipp status` to see where the cycle stands.';
  return [...lines, wrap(`Next: ${next}`, 100, '      ', '')].join('\n');
}

/** One question, asked the way its answer is written; undefined when left for later. */
async function ask(ctx: CliContext, question: Question, label: string | undefined): Promise<unknown> {
  const { input, select } = ctx.prompts;
  const c = styles(ctx.color);
  const title = label ? `${question.path.join(' › ')} (${label})` : question.path.join(' › ');
  if (question.help) ctx.out(`\n${c.dim(wrap(question.help, 100, '  ', '  '))}\n`);
  switch (question.kind) {
    case 'choice': {
      const later = '(leave it for later)';
      const value = await select<string>({
        message: `${title}:`,
        // "Later" first: Enter on its own leaves the question, as it does for every other question.
        choices: [{ name: later, value: '' }, ...(question.choices ?? []).map((v) => ({ name: v, value: v }))],
      });
      return value === '' ? undefined : value;
    }
    case 'boolean': {
      const value = await select<string>({
        message: `${title}:`,
        choices: [
          { name: '(leave it for later)', value: '' },
          { name: 'yes', value: 'yes' },
          { name: 'no', value: 'no' },
        ],
      });
      return value === '' ? undefined : value === 'yes';
    }
    case 'choices': {
      const picked = await ctx.prompts.checkbox<string>({
        message: `${title} (space to pick, Enter when done; none to leave it for later):`,
        choices: (question.choices ?? []).map((v) => ({ name: v, value: v })),
      });
      return picked.length === 0 ? undefined : picked;
    }
    case 'text-list':
      return askTextList(ctx, title);
    case 'item-list':
      return askItemList(ctx, question, title);
    default: {
      const hint = question.kind === 'date' ? ' (for example 3/10/2026 or 3 October 2026)' : '';
      const text = await input({
        message: `${title}${hint}:`,
        validate: (value: string) => {
          if (value.trim() === '') return true;
          const read = readAnswer(question, value);
          return read.ok || read.why;
        },
      });
      if (text.trim() === '') return undefined;
      const read = readAnswer(question, text);
      return read.ok ? read.value : undefined;
    }
  }
}

async function askTextList(ctx: CliContext, title: string): Promise<string[] | undefined> {
  const items: string[] = [];
  for (;;) {
    const text = await ctx.prompts.input({
      message: `${title}, item ${items.length + 1} (Enter with nothing to ${items.length === 0 ? 'leave it for later' : 'finish'}):`,
    });
    if (text.trim() === '') break;
    items.push(text.trim());
  }
  return items.length === 0 ? undefined : items;
}

async function askItemList(
  ctx: CliContext,
  question: Question,
  title: string,
): Promise<Record<string, unknown>[] | undefined> {
  const items: Record<string, unknown>[] = [];
  const fields = question.item ?? [];
  for (;;) {
    const more = await ctx.prompts.confirm({
      message: `${items.length === 0 ? `Add an item to ${title}` : `Add another item to ${title}`}? (it takes ${fields.map((f) => f.key).join(', ')})`,
      default: items.length === 0,
    });
    if (!more) break;
    const item: Record<string, unknown> = {};
    for (const field of fields) {
      const value = await askField(ctx, field, `${title} ${items.length + 1} › ${field.key}`);
      if (value !== undefined) item[field.key] = value;
    }
    if (Object.keys(item).length > 0) items.push(item);
  }
  return items.length === 0 ? undefined : items;
}

/** A field of a list item: needed fields cannot be left empty. */
async function askField(ctx: CliContext, field: Question & { needed: boolean }, title: string): Promise<unknown> {
  if (field.kind === 'choice' || field.kind === 'choices' || field.kind === 'boolean' || field.kind === 'text-list') {
    const value = await ask(ctx, field, undefined);
    return value;
  }
  const text = await ctx.prompts.input({
    message: `${title}${field.needed ? '' : ' (Enter to skip)'}${field.kind === 'date' ? ' (for example 3/10/2026)' : ''}:`,
    validate: (value: string) => {
      if (value.trim() === '') return !field.needed || `Each item needs its ${field.key}: ${field.help || 'type it'}`;
      const read = readAnswer(field, value);
      return read.ok || read.why;
    },
  });
  if (text.trim() === '') return undefined;
  const read = readAnswer(field, text);
  return read.ok ? read.value : undefined;
}
