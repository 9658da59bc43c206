// `sipp cycle [title]` starts the next enquiry cycle; `sipp cycle list` lists the cycles with their stage.
import path from 'node:path';
import type { CliContext } from './context.js';
import { EXIT, refusal, usageError, type Problem } from '../core/problems.js';
import {
  CYCLES_DIR,
  CYCLE_LIMIT_MESSAGE,
  MAX_CYCLE_NUMBER,
  PROJECT_FILE,
  nextCycleNumber,
  type ProjectFile,
} from '../core/records/model.js';
import { projectData } from '../core/records/cycle-data.js';
import { cycleStatus, projectStatus, stageText } from '../core/status/index.js';
import type { MethodId } from '../core/method/contract.js';
import { findMethod, methodById } from '../methods/registry.js';
import { answersFromFlags } from '../methods/flags.js';
import { openProject } from '../project/open.js';
import { scaffoldCycle } from '../project/scaffold.js';
import { askCycleAnswers, isPromptCancelled, type CycleAnswers } from './prompts.js';
import { styles } from './style.js';
import { wrap } from './text.js';

export interface NewOptions {
  question?: string;
  method?: MethodId;
  yes?: boolean;
  /** The methods' own flags (`--research-focus`), by commander's camel-case key. */
  [methodFlag: string]: unknown;
}

export async function runNew(ctx: CliContext, title: string | undefined, opts: NewOptions): Promise<number> {
  const { root, source, problems } = openProject(ctx.cwd, { need: 'readable' });
  const cyclesUnusable = source.problems.filter((p) => p.file === CYCLES_DIR);
  if (cyclesUnusable.length > 0)
    throw refusal('sipp cannot add a cycle to the `cycles` folder. Nothing was written.', { problems: cyclesUnusable });
  const project = usableProject(source.project.file, problems, projectData(source, problems));

  // Both are checked against the method ids the schemas allow (commander's choices, validation of sipp.yaml).
  const method = methodById(opts.method ?? project.method);

  const expected = nextCycleNumber(source.cycles);
  if (expected > MAX_CYCLE_NUMBER) throw refusal(`${CYCLE_LIMIT_MESSAGE} Nothing was written.`);
  const defaultTitle = `Cycle ${expected}`;
  const { answers: flagAnswers, foreign } = answersFromFlags(method, opts);
  const [stray] = foreign;
  if (stray) {
    const owners = stray.methods.map((id) => findMethod(id)?.name ?? id).join(' or ');
    throw usageError(
      `--${stray.name} is for ${owners} cycles, and this cycle is ${method.name}. Nothing was written.`,
      `Leave out --${stray.name}, or start the cycle with \`--method ${stray.methods[0] ?? ''}\`.`,
    );
  }
  const given: Record<string, string> = {
    ...(opts.question !== undefined ? { question: opts.question } : {}),
    ...flagAnswers,
  };
  let answers: CycleAnswers;
  const ask = ctx.interactive && !opts.yes;
  if (ask) {
    ctx.out(
      `Starting cycle ${expected}. Press Enter to leave a question for later; Ctrl-C stops without writing anything.\n\n`,
    );
    try {
      answers = await askCycleAnswers(ctx.prompts, { title, defaultTitle, given, prompts: method.cyclePrompts });
    } catch (e) {
      if (!isPromptCancelled(e)) throw e;
      ctx.err('Cancelled: nothing was written.\n');
      return EXIT.problems;
    }
  } else {
    answers = { title: title?.trim() || defaultTitle, answers: given };
  }

  const { default: slugify } = await import('@sindresorhus/slugify');
  // The number is settled under the project lock: another sipp may have started a cycle meanwhile.
  const titleFor = (n: number): string => (answers.title === defaultTitle ? `Cycle ${n}` : answers.title);
  const outcome = await scaffoldCycle(
    root,
    (n) => ({
      slug: slugify(titleFor(n)),
      start: { title: titleFor(n), method: method.id, answers: answers.answers },
    }),
    project,
    method,
  );
  const number = outcome.number;

  // What is still to answer in the first stage, worked out as `sipp status` would from the records just written.
  const status = cycleStatus(
    {
      source: { folder: outcome.folder, dir: outcome.dir, number, slug: outcome.folder, records: new Map() },
      method: method.id,
      records: outcome.records,
    },
    method,
    new Set(),
  );
  const firstStage = status.missing.filter((m) => m.record === status.missing[0]?.record);
  const c = styles(ctx.color);
  const folder = path.relative(ctx.cwd, path.join(root, outcome.dir)) || '.';
  const lines = [
    ...(ask ? [''] : []),
    `${c.green('Started')} cycle ${number}, ${c.bold(`"${outcome.title}"`)} (${method.name}), in ${c.bold(`${folder}/`)}:`,
    `  ${outcome.files.map((f) => path.posix.basename(f)).join('  ')}`,
    '',
  ];
  if (firstStage.length > 0) {
    lines.push(
      wrap(
        `Still to answer in ${path.posix.basename(firstStage[0]?.file ?? '')}: ${firstStage.map((m) => m.label).join(', ')}.`,
        100,
        '  ',
        '',
      ),
    );
  }
  lines.push(
    wrap(`Next: ${status.next}`, 100, '      ', ''),
    'Run `sipp status` at any time to see what the cycle still needs.',
    '',
  );
  ctx.out(lines.join('\n'));
  return EXIT.ok;
}

/** The project's data, or a refusal listing what is wrong in sipp.yaml: a cycle copies from it. */
function usableProject(file: string, problems: readonly Problem[], data: ProjectFile | undefined): ProjectFile {
  const own = problems.filter((p) => p.file === file && p.severity === 'error');
  if (data && own.length === 0) return data;
  throw refusal(`${PROJECT_FILE} has problems, so sipp cannot start a cycle from it. Nothing was written.`, {
    problems: own,
    hint: `Fix ${own.length === 1 ? 'it' : 'them'} and run the command again (\`sipp validate\` checks the whole project).`,
  });
}

export interface ListOptions {
  json?: boolean;
}

export async function runList(ctx: CliContext, opts: ListOptions): Promise<number> {
  const { source, problems } = openProject(ctx.cwd, { need: 'readable' });
  const status = projectStatus(source, problems, findMethod);
  if (opts.json) {
    const cycles = status.cycles.map(({ number, folder, title, method, stage, complete }) => ({
      number,
      folder,
      title,
      method,
      stage,
      complete,
    }));
    ctx.out(JSON.stringify({ cycles }, null, 2) + '\n');
    return EXIT.ok;
  }
  if (status.cycles.length === 0) {
    ctx.out('No cycles yet. Start the first with: sipp cycle "A short title for the cycle"\n');
    return EXIT.ok;
  }
  const c = styles(ctx.color);
  const rows = status.cycles.map((s) => [
    s.number === null ? '?' : String(s.number),
    s.folder,
    s.title ?? '',
    s.method,
    stageText(s),
  ]);
  const header = ['#', 'Folder', 'Title', 'Method', 'Stage'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  ctx.out([c.bold(line(header)), ...rows.map(line), ''].join('\n'));
  return EXIT.ok;
}
