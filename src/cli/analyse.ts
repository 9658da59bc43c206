// `sipp analyse [cycles…] [--json]`: check the project, analyse the chosen cycles' measures, print the report for
// a teacher (or, with --json, nothing but the JSON contract). Validation warnings go to stderr, so stdout stays
// clean for --json.
import { formatAnalysis } from './analyse-text.js';
import type { CliContext } from './context.js';
import { analysisReport, cycleInputs } from '../core/analysis/report.js';
import { EXIT, usageError } from '../core/problems.js';
import type { CycleData } from '../core/method/contract.js';
import { openProject } from '../project/open.js';
import { printWarnings } from './format.js';

export interface AnalyseOptions {
  json?: boolean;
}

export async function run(ctx: CliContext, cycleNames: string[], opts: AnalyseOptions): Promise<number> {
  const project = openProject(ctx.cwd, {
    need: 'valid',
    refused: { notDone: 'nothing was analysed', command: 'sipp analyse' },
  });
  printWarnings(ctx, project.problems);
  const cycles = chosenCycles(project.cycles, cycleNames);
  const report = analysisReport(cycleInputs(cycles, project.settings));
  ctx.out(opts.json ? `${JSON.stringify(report, null, 2)}\n` : formatAnalysis(report, ctx.color));
  return EXIT.ok;
}

/**
 * The cycles named on the command line, by number (`1`, `01`) or folder name (also as `cycles/01-…/`), in
 * project order; all cycles when none is named. A name that matches no cycle is a usage error listing the cycles.
 */
export function chosenCycles(cycles: readonly CycleData[], names: readonly string[]): CycleData[] {
  if (names.length === 0) return [...cycles];
  const folderOf = (name: string): string =>
    name
      .replace(/\\/g, '/')
      .replace(/^(\.\/)?cycles\//, '')
      .replace(/\/+$/, '');
  const matches = (cycle: CycleData, name: string): boolean => {
    const folder = folderOf(name);
    return /^\d+$/.test(folder) ? cycle.source.number === Number(folder) : cycle.source.folder === folder;
  };
  const unknown = names.filter((name) => !cycles.some((c) => matches(c, name)));
  if (unknown.length > 0) {
    const list = cycles.map((c) => c.source.folder);
    throw usageError(
      `There is no cycle ${unknown.map((u) => `"${u}"`).join(' or ')} in this project.`,
      list.length === 0
        ? 'The project has no cycles yet: start one with `sipp cycle`.'
        : `Its cycles are: ${list.join(', ')}. Name a cycle by its number (1) or its folder (${list[0]}).`,
    );
  }
  return cycles.filter((c) => names.some((name) => matches(c, name)));
}
