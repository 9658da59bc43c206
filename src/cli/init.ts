// `sipp init [dir]`: start an enquiry project, asking on a terminal or taking flags and defaults.
import path from 'node:path';
import type { CliContext, Prompts } from './context.js';
import { EXIT, usageError } from '../core/problems.js';
import { initialProjectData, type InitAnswers } from '../core/records/scaffold.js';
import {
  CYCLES_DIR,
  PRIVATE_DATA_DIR,
  PROJECT_FILE,
  PROJECT_TEMPLATES_DIR,
  SCHEMA_COPY_DIR,
} from '../core/records/model.js';
import type { Method } from '../core/method/contract.js';
import { methodById } from '../methods/registry.js';
import {
  checkCanInit,
  scaffoldCycle,
  scaffoldProject,
  type CycleOutcome,
  type InitOutcome,
} from '../project/scaffold.js';
import { askCycleAnswers, askInitAnswers, isPromptCancelled, type CycleAnswers } from './prompts.js';
import { styles } from './style.js';
import { wrap } from './text.js';
import { DEFAULT_METHOD } from '../core/records/settings.js';
import { writeWorkflow } from './ci-init.js';
import type { CiProvider } from '../core/ci/workflows.js';

export interface InitOptions {
  title?: string;
  partnership?: string;
  method?: InitAnswers['method'];
  school?: string[];
  authority?: string[];
  focus?: string;
  yes?: boolean;
  /** commander's `--no-git` sets this to false. */
  git: boolean;
  /** Also write the CI workflow for this provider (sipp ci init). */
  ci?: CiProvider;
}

export async function run(ctx: CliContext, dir: string | undefined, opts: InitOptions): Promise<number> {
  const root = path.resolve(ctx.cwd, dir ?? '.');
  checkCanInit(root);

  let answers: InitAnswers;
  let firstCycle: CycleAnswers | undefined;
  const ask = ctx.interactive && !opts.yes;
  if (ask) {
    ctx.out(
      `${wrap('A few questions to set up the project. Press Enter to skip any but the title: everything can be changed later in sipp.yaml. Ctrl-C stops without writing anything.')}\n\n`,
    );
    try {
      answers = await askInitAnswers(ctx.prompts, {
        ...opts,
        schools: opts.school ?? [],
        authorities: opts.authority ?? [],
      });
      const method = methodById(answers.method);
      if (method.cyclePrompts.length > 0) firstCycle = await askFirstCycle(ctx.prompts, method);
    } catch (e) {
      if (!isPromptCancelled(e)) throw e;
      ctx.err('Cancelled: nothing was written.\n');
      return EXIT.problems;
    }
  } else {
    answers = answersFromFlags(opts);
  }

  const outcome = await scaffoldProject(root, answers, { git: opts.git });
  const cycle = firstCycle ? await startFirstCycle(root, answers, firstCycle) : undefined;
  ctx.out(report(ctx, outcome, answers, ask, cycle));
  if (opts.ci) await writeWorkflow(ctx, root, opts.ci, 'project');
  return EXIT.ok;
}

/**
 * On a terminal, the first cycle can start straight away, so that the method's own questions are asked now
 * (issue: "sipp init and sipp cycle ask the method's own questions when interactive"). Asked before anything is
 * written, so that Ctrl-C still writes nothing.
 */
async function askFirstCycle(prompts: Prompts, method: Method): Promise<CycleAnswers | undefined> {
  const { confirm } = prompts;
  const start = await confirm({
    message: `Start the first cycle now? (${method.name} asks ${method.cyclePrompts.length} questions about it; Enter on any to answer it later)`,
    default: true,
  });
  if (!start) return undefined;
  return askCycleAnswers(prompts, { defaultTitle: 'Cycle 1', given: {}, prompts: method.cyclePrompts });
}

async function startFirstCycle(root: string, answers: InitAnswers, cycle: CycleAnswers): Promise<CycleOutcome> {
  const method = methodById(answers.method);
  const { default: slugify } = await import('@sindresorhus/slugify');
  const start = { title: cycle.title, method: method.id, answers: cycle.answers };
  return scaffoldCycle(root, () => ({ slug: slugify(cycle.title), start }), initialProjectData(answers), method);
}

function answersFromFlags(opts: InitOptions): InitAnswers {
  if (opts.title === undefined || opts.title.trim() === '') {
    throw usageError(
      'The enquiry needs a title: give it with --title "…".',
      'For example: sipp init --title "Reading for pleasure" --partnership "Northfield" --school "Hillside Primary". Run it on a terminal without --yes to be asked instead.',
    );
  }
  return {
    title: opts.title,
    partnership: opts.partnership,
    method: opts.method ?? DEFAULT_METHOD,
    schools: opts.school ?? [],
    authorities: opts.authority ?? [],
    focus: opts.focus,
    stages: [],
    equityMarker: 'simd-quintile',
  };
}

function report(
  ctx: CliContext,
  outcome: InitOutcome,
  answers: InitAnswers,
  asked: boolean,
  cycle: CycleOutcome | undefined,
): string {
  const c = styles(ctx.color);
  const where = path.relative(ctx.cwd, outcome.root);
  const place = where === '' ? 'this folder' : where;
  const made = (rel: string): boolean => outcome.written.includes(rel);
  const rows: [string, string][] = [
    [PROJECT_FILE, 'the project: partnership, schools, method, focus and equity group'],
    [`${CYCLES_DIR}/`, 'one folder per enquiry cycle'],
    [`${PRIVATE_DATA_DIR}/`, 'pupil-level data: kept out of Git, never put in a briefing'],
    [`${PROJECT_TEMPLATES_DIR}/`, 'your own versions of the briefing templates (optional)'],
    [`${SCHEMA_COPY_DIR}/`, 'lets editors such as VS Code check the files as you type'],
  ];
  if (made('README.md')) rows.push(['README.md', 'what the project is and how to work on it']);
  if (outcome.gitignore !== 'unchanged')
    rows.push([
      '.gitignore',
      outcome.gitignore === 'created'
        ? 'keeps briefings and private data out of Git'
        : 'added lines keeping briefings and private data out of Git',
    ]);
  const width = Math.max(...rows.map(([name]) => name.length));

  const lines = [
    ...(asked ? [''] : []),
    `${c.green('Started')} the enquiry project ${c.bold(`"${answers.title.trim()}"`)} in ${place}:`,
    '',
  ];
  for (const [name, what] of rows) lines.push(`  ${c.bold(name.padEnd(width))}  ${what}`);
  if (outcome.kept.length > 0) lines.push('', `Kept what was already there: ${outcome.kept.join(', ')}.`);
  lines.push('', gitText(outcome));
  const method = methodById(answers.method);
  if (cycle) {
    lines.push(
      '',
      `${c.green('Started')} cycle 1 in ${c.bold(`${cycle.dir}/`)}: ${cycle.files.map((f) => path.posix.basename(f)).join('  ')}`,
    );
    if (outcome.git.kind === 'created') lines.push('It is not in the first commit yet: commit it when you are ready.');
  }
  const steps = [
    ...(where !== '' ? [`Go into the project's folder: cd ${quoteIfNeeded(where)}`] : []),
    `Open ${PROJECT_FILE} and add the team, and a sentence on who the target learners are.`,
    `Read how ${method.name} works: sipp guide`,
    cycle
      ? `Fill in the records of ${cycle.dir}/ as the cycle goes: sipp status says what each still needs.`
      : 'Start the first cycle: sipp cycle "A short title for the cycle"',
  ];
  lines.push('', c.bold('What to do next:'), ...steps.map((step, i) => wrap(step, 100, '     ', `  ${i + 1}. `)), '');
  return lines.join('\n');
}

function gitText(outcome: InitOutcome): string {
  switch (outcome.git.kind) {
    case 'created':
      return 'Made a Git repository with these files as its first commit.';
    case 'skipped':
      return 'No Git repository was made (--no-git).';
    case 'inside-repository':
      return 'This folder is already in a Git repository, so none was made: commit the new files when you are ready (git add . && git commit).';
    case 'not-installed':
      return 'Git is not installed, so no repository was made. The project works without it; install Git to keep its history and share it.';
    case 'failed':
      return `The project is ready, but Git could not make the first commit: ${outcome.git.message}`;
  }
}

function quoteIfNeeded(p: string): string {
  return /^[\w./-]+$/.test(p) ? p : `"${p}"`;
}
