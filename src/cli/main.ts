// The sipp program: global options and one lazily imported module per command, so --version and --help stay fast.
import { Command, CommanderError, Option } from 'commander';
import path from 'node:path';
import { colorWanted, inquirerPrompts, type CliContext, type Prompts } from './context.js';
import { EXIT, isSippError } from '../core/problems.js';
import { visibleInTerminal } from '../core/control-characters.js';
import { sippUsageError } from './usage-errors.js';
import { packageVersion } from '../project/assets.js';

import { METHOD_IDS } from '../core/method/ids.generated.js';
import { RECOGNISED_HEADINGS } from '../core/data/columns.js';

interface GlobalOptions {
  C?: string;
  debug?: boolean;
}

export async function main(argv: readonly string[], io = processIo()): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command('sipp');
  const context = (): CliContext => {
    const globals = program.opts<GlobalOptions>();
    const color = colorWanted(io.env, io.stdoutTTY);
    const errColor = colorWanted(io.env, io.stderrTTY);
    return {
      cwd: path.resolve(io.cwd, globals.C ?? '.'),
      debug: Boolean(globals.debug) || io.env.SIPP_DEBUG === '1',
      interactive: io.stdinTTY && io.stdoutTTY,
      color,
      // Record text may hold control characters (ESC, BEL): they are shown as ␛ and ␇, never sent raw.
      out: (text) => io.out(visibleInTerminal(text, color)),
      err: (text) => io.err(visibleInTerminal(text, errColor)),
      prompts: io.prompts ?? inquirerPrompts,
    };
  };
  /** Wraps a command module's `run` so that it is imported only when the command runs. */
  const lazy =
    <A extends unknown[]>(load: () => Promise<{ run: (ctx: CliContext, ...args: A) => Promise<number> }>) =>
    async (...args: A): Promise<void> => {
      const { run } = await load();
      exitCode = await run(context(), ...args);
    };

  program
    .description(
      'Enquiry cycles for school improvement partnerships: plain YAML records in Git, checked and turned into briefings.',
    )
    .version(packageVersion(), '-V, --version', 'print the version of sipp')
    .option('-C <dir>', 'run as if sipp was started in <dir>')
    .option('--debug', 'show technical details (a stack trace) when something goes wrong')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: io.out,
      writeErr: io.err,
      outputError: (text, write) => write(sippUsageError(text)),
    });

  program
    .command('init [dir]')
    .description('start an enquiry project in <dir> (default: this folder)')
    .option('--title <text>', 'the enquiry title')
    .option('--partnership <name>', 'the partnership name')
    .addOption(new Option('--method <method>', 'the default enquiry method').choices([...METHOD_IDS]))
    .option('--school <name>', 'a school taking part (repeat for each school)', collect)
    .option('--authority <name>', 'a local authority taking part (repeat for each)', collect)
    .option('--focus <text>', 'the improvement focus')
    .option('-y, --yes', 'ask nothing: use the flags and defaults')
    .option('--no-git', 'do not create a Git repository')
    .addOption(new Option('--ci <provider>', 'also write a CI workflow that validates on every push').choices(['github', 'gitlab']))
    .addHelpText(
      'after',
      '\nExamples:\n  sipp init                       (on a terminal: sipp asks for each answer)\n  sipp init reading --yes --title "Reading for pleasure" --partnership "Northfield" --school "Hillside Primary"\n',
    )
    .action(lazy(() => import('./init.js')));

  const cycle = program
    .command('cycle')
    .description('start a new enquiry cycle, or list the cycles')
    .addHelpText(
      'after',
      '\nExamples:\n  sipp cycle "Paired reading"     (the same as sipp cycle new "Paired reading")\n  sipp cycle list\n',
    );
  const newCycle = cycle
    .command('new [title]', { isDefault: true })
    .description("start the next enquiry cycle with its five records (and the method's own)")
    .option('--question <text>', 'the enquiry question')
    .addOption(new Option('--method <method>', 'the enquiry method of this cycle').choices([...METHOD_IDS]))
    .option('-y, --yes', 'ask nothing: use the flags and defaults')
    .addHelpText(
      'after',
      '\nExamples:\n  sipp cycle "Paired reading"\n  sipp cycle --yes --question "Does daily paired reading help P5 learners enjoy reading?" "Paired reading"\n  sipp cycle --method lesson-study "Equivalent fractions"\n',
    );
  // The methods' own questions as flags; their modules load only when the command line mentions `cycle`.
  if (argv.includes('cycle')) {
    const { methodFlags } = await import('../methods/flags.js');
    for (const flag of methodFlags()) {
      newCycle.option(`--${flag.name} <text>`, `${flag.help} (${flag.methods.join(', ')})`);
    }
  }
  newCycle.action(lazy(() => import('./cycle.js').then((m) => ({ run: m.runNew }))));
  cycle
    .command('list')
    .description('list the cycles with the stage each is at')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  sipp cycle list\n')
    .action(lazy(() => import('./cycle.js').then((m) => ({ run: m.runList }))));

  program
    .command('lesson')
    .description('Lesson Study: add research lessons to a cycle')
    .command('add')
    .description(
      'add the next research lesson, carrying forward the case pupils, their observers and what the last discussion asked to change',
    )
    .option(
      '--cycle <cycle>',
      'the cycle: its number (1 or 01) or folder name (default: the latest Lesson Study cycle)',
    )
    .option('--date <date>', 'the day the lesson is taught (YYYY-MM-DD)')
    .option('-y, --yes', 'ask nothing: use the flags and defaults')
    .addHelpText('after', '\nExamples:\n  sipp lesson add\n  sipp lesson add --cycle 2 --date 2026-02-03\n')
    .action(lazy(() => import('./lesson.js').then((m) => ({ run: m.runAdd }))));

  program
    .command('validate')
    .description('check sipp.yaml and every record, and explain each problem at its file, line and column')
    .option('--json', 'print the problems as JSON')
    .option('--strict', 'treat warnings as problems (exit 1)')
    .addHelpText('after', '\nExamples:\n  sipp validate\n  sipp validate --strict\n')
    .action(lazy(() => import('./validate.js')));

  program
    .command('brief [cycles...]')
    .description('render briefings for partnership meetings (one per cycle and a project overview)')
    .addOption(new Option('--format <format>', 'md or html (default: both)').choices(['md', 'html']))
    .option('--out <dir>', 'where to write the briefings (default: briefings/ in the project)')
    .option(
      '--pdf',
      'also print the HTML briefings to A4 PDF, with a Chromium or Chrome on this computer (SIPP_CHROME names one)',
    )
    .option('--handout', 'also a two-page handout per cycle and one for the overview (<cycle>.handout.html and .md)')
    .addHelpText(
      'after',
      '\nExamples:\n  sipp brief\n  sipp brief 2 --format html\n  sipp brief --out ~/meeting-briefings\n  sipp brief --pdf\n  sipp brief --handout --pdf\n',
    )
    .action(lazy(() => import('./brief.js')));

  program
    .command('fill [cycle] [record]')
    .description(
      'answer, by questions on the terminal, what is still empty in a record (default: the latest cycle, at its stage)',
    )
    .addHelpText(
      'after',
      '\nExamples:\n  sipp fill                  (the latest cycle, the record of its stage)\n  sipp fill 2 intervention\n',
    )
    .action(lazy(() => import('./fill.js')));

  program
    .command('status')
    .description('show the stage of each cycle, what is still missing, and what to do next')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  sipp status\n')
    .action(lazy(() => import('./status.js')));

  const data = program
    .command('data')
    .description('bring pupil-level data into a cycle as privacy-safe aggregated figures');
  data
    .command('import <file>')
    .description(
      'import a class table (.csv or .xlsx): the raw file goes to data/private/, only aggregated figures to measures.yaml',
    )
    .requiredOption('--cycle <cycle>', 'required: the cycle, by its number (1 or 01) or folder name')
    .requiredOption('--measure <id>', 'required: the measure id the scores belong to, for example reading-enjoyment')
    .option('--columns <mapping>', 'map column headings, e.g. before="Sept score",after="June score"')
    .option('--allow-column <heading>', 'import a column that looks like personal data (after a warning)', collect)
    .option('-y, --yes', 'ask nothing: use the flags and defaults')
    .addHelpText('after', () => dataImportHelp())
    .action(lazy(() => import('./data-import.js')));

  program
    .command('analyse [cycles...]')
    .alias('analyze')
    .description(
      'report change, equity gap, effect size and run/XmR chart signals per measure, with small groups suppressed',
    )
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExamples:\n  sipp analyse\n  sipp analyse 2 --json\n')
    .action(lazy(() => import('./analyse.js')));

  program
    .command('plan')
    .description(
      'before collecting data: which groups briefings will hide as [c], and the smallest effect the planned comparison can detect',
    )
    .option('--cycle <cycle>', 'the cycle, by its number (1 or 01) or folder name (default: the latest)')
    .option('--intervention <n>', 'learners planned in the intervention group (instead of question.yaml)')
    .option('--comparison <n>', 'learners planned in the comparison group (0 for none)')
    .option('--correlation <r>', "expected correlation of learners' scores before and after (a pre-test), e.g. 0.7")
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  sipp plan                                  (the planned groups in the latest cycle\'s question.yaml)\n  sipp plan --intervention 26 --comparison 24\n  sipp plan --cycle 2 --json\n',
    )
    .action(lazy(() => import('./plan.js')));

  const network = program
    .command('network')
    .description("learning across partnerships: many partnerships' repositories pulled with Git into one view");
  network
    .command('init [dir]')
    .description('make a network folder with network.yaml (no members yet)')
    .option('--title <text>', "the network's title (asked on a terminal when not given)")
    .option('-y, --yes', 'ask nothing')
    .addHelpText('after', '\nExample:\n  sipp network init clydemuir-network --title "Clydemuir attainment network"\n')
    .action(lazy(() => import('./network-init.js')));
  network
    .command('add <path-or-url>')
    .description("add a member: a partnership's repository, by folder or Git address")
    .option('--name <name>', 'a short name for it (default: from the address)')
    .option('--ref <ref>', 'the branch, tag or commit to read (default: its default branch)')
    .addHelpText('after', '\nExamples:\n  sipp network add ../northfield-reading\n  sipp network add https://git.example.org/kilbrannan.git --name kilbrannan --ref main\n')
    .action(lazy(() => import('./network-add.js')));
  network
    .command('remove <name>')
    .description('remove a member from network.yaml')
    .addHelpText('after', '\nExample:\n  sipp network remove kilbrannan\n')
    .action(lazy(() => import('./network-remove.js')));
  network
    .command('pull')
    .description("fetch every member's repository with git into the network's cache, several at once")
    .addHelpText('after', '\nExample:\n  sipp network pull\n')
    .action(lazy(() => import('./network-pull.js')));
  network
    .command('status')
    .description('one row per member: partnership, schools, cycles, latest stage, last commit, valid or not')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExamples:\n  sipp network status\n  sipp network status --json\n')
    .action(lazy(() => import('./network-status.js')));
  network
    .command('analyse')
    .alias('analyze')
    .description("each shared measure's effect sizes across the members, pooled (random effects), gaps, decisions")
    .option('--measure <id>', 'only this measure (its shared key or id)')
    .option('--estimator <name>', 'reml (default) or dl (DerSimonian-Laird)')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExamples:\n  sipp network analyse\n  sipp network analyse --measure snsa-reading --json\n')
    .action(lazy(() => import('./network-analyse.js')));
  network
    .command('brief')
    .description('one printable network briefing: members, forest plots of pooled measures, gaps, decisions, learning')
    .addOption(new Option('--format <format>', 'md or html (default: both)').choices(['md', 'html']))
    .option('--out <dir>', 'where to write it (default: briefings/ in the network folder)')
    .addHelpText('after', '\nExamples:\n  sipp network brief\n  sipp network brief --format html --out ~/Desktop/network\n')
    .action(lazy(() => import('./network-brief.js')));

  const ci = program.command('ci').description('continuous integration on your Git hosting');
  ci.command('init')
    .description('write a CI workflow: sipp validate on every push and pull request, briefings kept as an artifact')
    .addOption(new Option('--provider <provider>', 'github (default) or gitlab').choices(['github', 'gitlab']))
    .addHelpText('after', '\nExamples:\n  sipp ci init\n  sipp ci init --provider gitlab\n')
    .action(lazy(() => import('./ci-init.js')));

  const hook = program.command('hook').description('Git hooks that check the records before each commit');
  hook
    .command('install')
    .description('add a pre-commit hook: sipp validate on what is staged; refuses small-group figures and data/private/')
    .addHelpText('after', '\nExample:\n  sipp hook install      (git commit --no-verify still skips it)\n')
    .action(lazy(() => import('./hook-install.js')));
  hook
    .command('pre-commit', { hidden: true })
    .description('what the pre-commit hook runs')
    .action(lazy(() => import('./hook-pre-commit.js')));

  program
    .command('guide [method] [record]')
    .description("the enquiry methods and how to choose, or one method's stages and records, filled in")
    .addHelpText('after', '\nExamples:\n  sipp guide\n  sipp guide lesson-study\n  sipp guide car measures\n')
    .action(lazy(() => import('./guide.js')));

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (e) {
    return await handleError(e, io, argv);
  }
}

/** `sipp data import --help`: the headings found without --columns. Loaded only when help is shown. */
function dataImportHelp(): string {
  const lines = [
    '',
    'Examples:',
    '  sipp data import class.csv --cycle 1 --measure reading-enjoyment',
    '  sipp data import scores.xlsx --cycle 2 --measure snsa-reading --columns before="Sept score",after="June score"',
    '',
    'Headings sipp finds by itself (case, spaces, hyphens and underscores do not matter):',
    ...RECOGNISED_HEADINGS.map(([role, names]) => `  ${role.padEnd(8)} ${names.join(', ')}`),
    'A table of scores needs learner, before and/or after; a dated series needs learner, date and value.',
    '',
  ];
  return lines.join('\n');
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

async function handleError(e: unknown, io: Io, argv: readonly string[]): Promise<number> {
  const debug = argv.includes('--debug') || io.env.SIPP_DEBUG === '1';
  if (e instanceof CommanderError) {
    // Help and version "errors" are commander's way of finishing early; everything else is a usage error.
    if (e.exitCode === 0 || e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return EXIT.ok;
    if (e.code === 'commander.help') return EXIT.ok;
    return EXIT.usage;
  }
  const color = colorWanted(io.env, io.stderrTTY);
  if (isSippError(e)) {
    const { formatError } = await import('./format.js');
    io.err(visibleInTerminal(formatError(e, color) + '\n', color));
    if (debug && e.stack) io.err(e.stack + '\n');
    return e.exitCode;
  }
  const { faultRefusal } = await import('../project/faults.js');
  const fault = faultRefusal(e, io.cwd);
  if (fault) {
    const { formatError } = await import('./format.js');
    io.err(formatError(fault, color) + '\n');
    if (debug && e instanceof Error && e.stack) io.err(e.stack + '\n');
    return fault.exitCode;
  }
  io.err(`sipp: something unexpected went wrong: ${(e as Error)?.message ?? String(e)}\n`);
  if (debug && e instanceof Error && e.stack) io.err(e.stack + '\n');
  else
    io.err(
      'Run the command again with --debug to see the technical details, and report them to whoever supports sipp for you.\n',
    );
  return EXIT.problems;
}

export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdinTTY: boolean;
  stdoutTTY: boolean;
  stderrTTY: boolean;
  out: (text: string) => void;
  err: (text: string) => void;
  /** The prompts to ask with (tests pass their own); inquirer's by default. */
  prompts?: Prompts;
}

function processIo(): Io {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdinTTY: Boolean(process.stdin.isTTY),
    stdoutTTY: Boolean(process.stdout.isTTY),
    stderrTTY: Boolean(process.stderr.isTTY),
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
  };
}
