// `sipp brief [cycles…]`: check the project, render the briefings, write them, print where they went.
// --out is relative to the current folder, as in most command-line tools; without it the briefings go to
// briefings/ in the project root wherever sipp is run from.
import path from 'node:path';
import type { CliContext } from './context.js';
import { styles } from './style.js';
import { EXIT, usageError } from '../core/problems.js';
import { BRIEFINGS_DIR, type ProjectFile, type ProjectSource } from '../core/records/model.js';
import { allCycleData, projectData } from '../core/records/cycle-data.js';
import { FORMATS, type BriefingFormat, type OverviewCycle } from '../core/render/index.js';
import type { OverviewPart } from '../core/render/overview.js';
import { streamBriefings } from '../core/render/briefings.js';
import { selectCycles } from '../core/records/select-cycles.js';
import { projectStatus } from '../core/status/index.js';
import { findMethod } from '../methods/registry.js';
import { checkOutputFolder, openBriefingWriter } from '../project/briefings.js';
import { openBriefCache } from '../project/brief-cache.js';
import { openChartPool, poolSize } from '../project/chart-pool.js';
import { requireProjectRoot } from '../project/find-root.js';
import { withProjectLock } from '../project/lock.js';
import { findBrowser, printPdfs, refuseForeignPdfs } from '../project/pdf.js';
import { methodName } from './method-names.js';
import { readTemplateSet } from '../project/templates.js';
import { rememberCompiledTemplates, withCompiledTemplates } from '../project/template-cache.js';
import { openProject, refuseProblems } from '../project/open.js';
import { formatProblem, printWarnings } from './format.js';

export interface BriefOptions {
  format?: BriefingFormat;
  out?: string;
  pdf?: boolean;
  handout?: boolean;
}

/** What commander passes after the options: the command, which knows whether --out was typed or defaulted. */
interface OptionSource {
  getOptionValueSource(key: string): string | undefined;
}

export async function run(
  ctx: CliContext,
  cycleNames: string[],
  opts: BriefOptions,
  command?: OptionSource,
): Promise<number> {
  const root = requireProjectRoot(ctx.cwd);
  if (opts.pdf && opts.format === 'md')
    throw usageError(
      '--pdf prints the HTML briefings, and --format md makes none.',
      'Leave out --format md (or write --format html) to have PDFs too.',
    );
  const shown = (absolute: string): string => path.relative(ctx.cwd, absolute) || '.';
  const outDir = outputFolder(ctx, root, opts, command);
  checkOutputFolder(root, outDir, shown);
  // Under the project lock: another sipp writing briefings at the same time would clear this one's charts.
  return withProjectLock(root, async () => {
    const { source, problems } = openProject(ctx.cwd, { need: 'readable', cache: true });
    // sipp.yaml (and anything outside the cycles) must be valid; a cycle with problems is left out, and named.
    const errors = problems.filter((p) => p.severity === 'error');
    const inCycle = (file: string, dir: string): boolean => file === dir || file.startsWith(`${dir}/`);
    refuseProblems(
      errors.filter((p) => !source.cycles.some((c) => inCycle(p.file, c.dir))),
      { notDone: 'no briefing was made', command: 'sipp brief' },
    );
    const refused = source.cycles.flatMap((c) => {
      const own = errors.filter((p) => inCycle(p.file, c.dir));
      return own.length === 0 ? [] : [{ folder: c.folder, number: c.number, problems: own }];
    });
    printWarnings(ctx, problems);

    const all = cyclesWithStatus(source, problems);
    const named = selectCycles(all, cycleNames, (c) => c.cycle.source.folder);
    const isRefused = (c: OverviewCycle): boolean => refused.some((r) => r.folder === c.cycle.source.folder);
    const cycles = all.filter((c) => !isRefused(c));
    const selected = named.filter((c) => !isRefused(c));
    const project = projectData(source, problems) as ProjectFile;
    const formats = opts.format ? [opts.format] : FORMATS;
    // Compiled as an earlier run left them, when the templates are the same (src/project/template-cache.ts).
    const templates = await withCompiledTemplates(readTemplateSet(root));
    // A big project renders again only the cycles whose inputs changed since the last run (the overview always).
    const cache = openBriefCache(root, outDir, source.cycles.length, templates);
    const keys = new Map(
      selected.map((c) => [
        c.cycle.source.folder,
        cache?.keyOf([
          JSON.stringify(formats),
          String(Boolean(opts.handout)),
          c.cycle.method,
          source.project.text,
          ...[...c.cycle.source.records].map(([name, file]) => `${name}\n${file.text}`),
        ]) ?? '',
      ]),
    );
    const fresh = cache
      ? selected.filter((c) => !cache.unchanged(c.cycle.source.folder, keys.get(c.cycle.source.folder) ?? ''))
      : selected;
    const workers = poolSize(fresh.length);
    const pool = workers > 0 ? openChartPool(workers) : undefined;
    const keyOf = (c: OverviewCycle): string | undefined => keys.get(c.cycle.source.folder);
    const inProject = !path.relative(root, outDir).startsWith('..') && !path.isAbsolute(path.relative(root, outDir));
    const writer = openBriefingWriter(outDir, shown, inProject ? root : outDir);
    // A cycle's files are `<folder>.<format>`, `<folder>.handout.<format>` and `<folder>.charts/…` (cycle folders
    // have no dot): each is written as soon as its cycle is rendered, and only its name is kept.
    const filesOf = new Map<string, string[]>();
    let parts: Awaited<ReturnType<typeof streamBriefings>>;
    try {
      parts = await streamBriefings(
        project,
        cycles,
        fresh,
        formats,
        templates,
        {
          methodName,
          handout: Boolean(opts.handout),
          refused: refused.map((r) => ({ folder: r.folder, number: r.number, problems: r.problems.length })),
          ...(pool ? { drawer: pool.draw } : {}),
          ...(cache ? { remembered: (c: OverviewCycle) => cache.part(c.cycle.source.folder, keyOf(c) ?? '') } : {}),
        },
        {
          plan: (names) => writer.check(names),
          emit: async (files) => {
            await writer.write(files);
            for (const { file } of files) {
              const stem = file.slice(0, file.indexOf('.'));
              const own = filesOf.get(stem);
              if (own) own.push(file);
              else filesOf.set(stem, [file]);
            }
          },
        },
      );
    } finally {
      await pool?.close();
    }
    const written = writer.finish();
    await rememberCompiledTemplates(templates);
    // Each rendered cycle with its files, and every selected cycle's overview part (kept as it was when remembered).
    const isFresh = new Set(fresh);
    await cache?.save(
      new Map(
        selected.flatMap((c): [string, { key: string; files?: string[]; part?: OverviewPart }][] => {
          const folder = c.cycle.source.folder;
          const key = keys.get(folder) ?? '';
          const part = parts.get(folder);
          if (isFresh.has(c)) return [[folder, { key, files: filesOf.get(folder) ?? [], ...(part ? { part } : {}) }]];
          return part && !cache.part(folder, key) ? [[folder, { key, part }]] : [];
        }),
      ),
    );
    ctx.out(report(written.map(shown), ctx.color));
    const kept = selected.length - fresh.length;
    if (kept > 0)
      ctx.out(
        `${kept} cycle${kept === 1 ? ' is' : 's are'} unchanged since the last \`sipp brief\`: ${kept === 1 ? 'its briefing was' : 'their briefings were'} not rendered again.\n`,
      );
    if (opts.pdf)
      await printToPdf(
        ctx,
        written,
        typeof project.title === 'string' ? project.title : '',
        inProject ? root : outDir,
        shown,
      );
    if (refused.length === 0) return EXIT.ok;
    for (const r of refused) {
      ctx.err(
        `\nNot rendered: ${r.folder}, which has ${r.problems.length === 1 ? 'a problem' : `${r.problems.length} problems`}:\n`,
      );
      for (const p of r.problems) ctx.err(`  ${formatProblem(p, ctx.color)}\n`);
    }
    ctx.err('Fix them (`sipp validate` checks again) and run `sipp brief` again to render those cycles too.\n');
    return EXIT.problems;
  });
}

/** Prints the HTML briefings just written to PDF beside them, or says how to print them without sipp. */
async function printToPdf(
  ctx: CliContext,
  written: readonly string[],
  title: string,
  within: string,
  shown: (absolute: string) => string,
): Promise<void> {
  const html = written.filter((f) => f.endsWith('.html'));
  const browser = findBrowser(process.env);
  if (!browser.ok) {
    ctx.out(
      `\nNo PDF was made: ${browser.why} The HTML briefings print from any browser: open one, choose Print, then A4 and "Save as PDF". To print them with sipp, install Chromium or Chrome, or name one with SIPP_CHROME=/path/to/chrome.\n`,
    );
    return;
  }
  const jobs = html.map((file) => {
    const stem = path.basename(file, '.html');
    const what = stem === 'overview' ? 'Overview' : `Cycle ${stem}`;
    return { html: file, pdf: `${file.slice(0, -'.html'.length)}.pdf`, footer: `${title} · ${what}` };
  });
  refuseForeignPdfs(
    jobs.map((j) => j.pdf),
    shown,
  );
  const pdfs = await printPdfs(browser.path, jobs, within);
  ctx.out(
    `and ${pdfs.length} PDF${pdfs.length === 1 ? '' : 's'} (A4), printed with ${browser.path}:\n${pdfs.map((p) => `  ${shown(p)}\n`).join('')}`,
  );
}

function cyclesWithStatus(source: ProjectSource, problems: Parameters<typeof allCycleData>[1]): OverviewCycle[] {
  const statuses = projectStatus(source, problems, findMethod).cycles;
  return allCycleData(source, problems).map((cycle, i) => ({
    cycle,
    method: findMethod(cycle.method),
    status: statuses[i] as (typeof statuses)[number],
  }));
}

/** --out as typed, relative to where sipp runs; otherwise briefings/ in the project. */
function outputFolder(ctx: CliContext, root: string, opts: BriefOptions, command?: OptionSource): string {
  const typed = opts.out !== undefined && command?.getOptionValueSource('out') === 'cli';
  return typed ? path.resolve(ctx.cwd, opts.out as string) : path.join(root, BRIEFINGS_DIR);
}

/** The briefings one a line, then the folders of the Markdown briefings' charts with how many each holds. */
function report(paths: readonly string[], color: boolean): string {
  const c = styles(color);
  const briefings = paths.filter((p) => !p.endsWith('.svg'));
  const lines = [
    `${c.green('✔')} Wrote ${briefings.length} briefing${briefings.length === 1 ? '' : 's'}:`,
    ...briefings.map((p) => `  ${p}`),
  ];
  const folders = new Map<string, number>();
  for (const p of paths.filter((p) => p.endsWith('.svg')))
    folders.set(path.dirname(p), (folders.get(path.dirname(p)) ?? 0) + 1);
  if (folders.size > 0) {
    const count = [...folders.values()].reduce((a, b) => a + b, 0);
    lines.push(`and ${count} chart${count === 1 ? '' : 's'} for the Markdown briefings, as SVG files:`);
    for (const [folder, n] of folders) lines.push(`  ${folder}${path.sep} (${n})`);
  }
  return `${lines.join('\n')}\n`;
}
