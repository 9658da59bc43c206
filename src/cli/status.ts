// `sipp status [--json]`: where each cycle stands, what is still to answer, and what to do next. Informational: exit 0.
import path from 'node:path';
import type { CliContext } from './context.js';
import { EXIT } from '../core/problems.js';
import { projectStatus, stageText, type CycleStatus } from '../core/status/index.js';
import { findMethod } from '../methods/registry.js';
import { openProject } from '../project/open.js';
import {
  adherenceText,
  outcomeWords,
  projectTrackRecord,
  trackRecordSummary,
  type TrackRecord,
} from '../core/predictions/track-record.js';
import type { Outcome } from '../core/predictions/types.js';
import { methodName } from './method-names.js';
import { styles } from './style.js';
import { wrap } from './text.js';

export interface StatusOptions {
  json?: boolean;
}

export async function run(ctx: CliContext, opts: StatusOptions): Promise<number> {
  const { source, problems, settings, cycles } = openProject(ctx.cwd, { need: 'readable' });
  const status = projectStatus(source, problems, findMethod);
  const record = projectTrackRecord(settings, cycles, findMethod);
  if (opts.json) {
    ctx.out(JSON.stringify({ ...status, trackRecord: record }, null, 2) + '\n');
    return EXIT.ok;
  }

  const c = styles(ctx.color);
  const title = (source.project.data as { title?: unknown } | undefined)?.title;
  const count = `${status.cycles.length} cycle${status.cycles.length === 1 ? '' : 's'}`;
  const lines = [c.bold(typeof title === 'string' && title.trim() ? `${title.trim()}: ${count}` : count)];
  for (const file of status.problems) lines.push(c.red(`${file} has problems: run \`sipp validate\` to see them.`));
  if (status.cycles.length === 0) {
    lines.push('', 'No cycles yet. Start the first with: sipp cycle "A short title for the cycle"');
  }
  for (const cycle of status.cycles) lines.push('', ...cycleLines(cycle, ctx.color));
  lines.push(...trackRecordLines(record, ctx.color));
  if (status.cycles.some((cycle) => cycle.missing.length > 0))
    lines.push('', 'To answer what is missing by questions, one at a time: sipp fill (or sipp fill <cycle> <record>).');
  ctx.out(lines.join('\n') + '\n');
  return EXIT.ok;
}

function cycleLines(cycle: CycleStatus, color: boolean): string[] {
  const c = styles(color);
  const label = (text: string): string => text.padEnd(10);
  const heading = [cycle.folder, cycle.title ? `"${cycle.title}"` : null, methodName(cycle.method)]
    .filter(Boolean)
    .join(' · ');
  const stage = stageText(cycle);
  const lines = [
    c.bold(heading),
    `  ${label('Stage')}${cycle.complete ? c.green(stage) : cycle.stage === null ? c.red(stage) : stage}`,
  ];
  const byFile = groupBy(cycle.missing, (m) => m.file);
  [...byFile].forEach(([file, missing], i) => {
    const text = `${path.posix.basename(file)}: ${missing.map((m) => m.label).join(', ')}`;
    lines.push(wrap(text, 100, ' '.repeat(14), `  ${label(i === 0 ? 'Missing' : '')}`));
  });
  cycle.problems.forEach((file, i) => {
    lines.push(
      `  ${label(i === 0 ? 'Problems' : '')}${c.red(`${path.posix.basename(file)} has problems: run \`sipp validate\` to see them`)}`,
    );
  });
  lines.push(wrap(cycle.next, 100, ' '.repeat(12), `  ${label('Next')}`));
  return lines;
}

/** Items by a key, in the order each key first comes. */
function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** How each prediction turned out, cycle by cycle, and how closely PDSA chains follow the method. */
function trackRecordLines(record: TrackRecord, color: boolean): string[] {
  const c = styles(color);
  const lines: string[] = [];
  if (record.predictions.length > 0) {
    lines.push('', c.bold('Track record of predictions'), wrap(trackRecordSummary(record), 100, '  ', '  '));
    for (const [cycle, predictions] of groupBy(record.predictions, (p) => p.cycle)) {
      lines.push(`  ${cycle}`);
      for (const p of predictions) {
        const outcome = outcomeWords(p.outcome);
        lines.push(`  - ${p.where}: ${p.outcome === null ? outcome : colourOf(c, p.outcome)(outcome)}`);
        lines.push(wrap(`Predicted: ${p.predicted}`, 100, '      ', '      '));
        if (p.measured !== null) lines.push(wrap(`Found: ${p.measured}`, 100, '      ', '      '));
      }
    }
  }
  if (record.adherence.length > 0) {
    lines.push('', c.bold('PDSA chains against the features of the method (Taylor et al. 2014)'));
    for (const [cycle, chains] of groupBy(record.adherence, (a) => a.cycle)) {
      lines.push(`  ${cycle}`);
      for (const line of chains) lines.push(wrap(adherenceText(line), 100, '    ', '  - '));
    }
  }
  return lines;
}

function colourOf(c: ReturnType<typeof styles>, outcome: Outcome): (text: string) => string {
  return outcome === 'as-predicted' ? c.green : outcome === 'partly' ? c.yellow : c.red;
}
