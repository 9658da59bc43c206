// `sipp analyse [cycles…] [--json]`: check the project, analyse the chosen cycles' measures, print the report for
// a teacher (or, with --json, nothing but the JSON contract). Validation warnings go to stderr, so stdout stays
// clean for --json.
import { formatAnalysis } from './analyse-text.js';
import type { CliContext } from './context.js';
import { analysisReport, cycleInputs } from '../core/analysis/report.js';
import { EXIT } from '../core/problems.js';
import { selectCycles } from '../core/records/select-cycles.js';
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
  const cycles = selectCycles(project.cycles, cycleNames, (c) => c.source.folder);
  const report = analysisReport(cycleInputs(cycles, project.settings));
  ctx.out(opts.json ? `${JSON.stringify(report, null, 2)}\n` : formatAnalysis(report, ctx.color));
  return EXIT.ok;
}
