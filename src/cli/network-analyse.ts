// `sipp network analyse [--json] [--measure <id>] [--estimator reml|dl]`: per measure shared by two or more cycles
// across the members, each cycle's effect size and the random-effects pooled estimate (REML by default), with the
// equity gaps, the decisions and the track record of predictions. Only figures a member shows enter.
import type { CliContext } from './context.js';
import { analyseNetwork, type MeasurePooling, type NetworkAnalysis } from '../core/network/analyse.js';
import { EXIT, usageError } from '../core/problems.js';
import { openNetwork } from '../project/network.js';
import { readMembers } from '../project/network-members.js';
import { heterogeneityWords } from '../core/render/network.js';
import { formatNumber } from '../core/words.js';
import { trackRecordSummary } from '../core/predictions/track-record.js';
import { styles } from './style.js';
import { wrap } from './text.js';

export interface NetworkAnalyseOptions {
  json?: boolean;
  measure?: string;
  estimator?: string;
}

export async function run(ctx: CliContext, opts: NetworkAnalyseOptions): Promise<number> {
  const estimator = (opts.estimator ?? 'reml').toLowerCase();
  if (estimator !== 'reml' && estimator !== 'dl')
    throw usageError(`--estimator "${opts.estimator}" is not one sipp knows: write reml (the default) or dl.`);
  const { root, data } = openNetwork(ctx.cwd, 'nothing was analysed');
  const members = await readMembers(root, data.members);
  const analysis = analyseNetwork(members, {
    estimator,
    ...(opts.measure === undefined ? {} : { measure: opts.measure }),
  });
  if (opts.json) {
    ctx.out(`${JSON.stringify(analysis, null, 2)}\n`);
    return EXIT.ok;
  }
  ctx.out(analysisText(data.title, analysis, ctx.color));
  return EXIT.ok;
}

const f = (x: number): string => formatNumber(x, 2, false);

export function analysisText(title: string, analysis: NetworkAnalysis, color: boolean): string {
  const c = styles(color);
  const pulled = analysis.members.filter((m) => m.lastCommit !== null).length;
  const lines = [c.bold(`${title}: ${analysis.members.length} members (${pulled} pulled)`)];
  for (const m of analysis.members.filter((r) => r.leftOut.length > 0))
    lines.push(`  Note: ${m.name}: ${m.leftOut.join(', ')} left out (their records have problems).`);
  if (analysis.measures.length === 0) lines.push('', 'No measure has an effect size in any pulled cycle yet.');
  for (const measure of analysis.measures) lines.push('', ...measureLines(measure, c));
  const g = analysis.gaps;
  if (g.cycles.length > 0)
    lines.push(
      '',
      `Equity gaps: ${g.narrowed} narrowed, ${g.widened} widened, ${g.unchanged} unchanged (of ${g.cycles.length} with a gap at baseline and follow-up).`,
    );
  if (analysis.decisions.length > 0) {
    lines.push('', 'Decisions:');
    for (const d of analysis.decisions) lines.push(`  ${d.method}, ${d.theme}: ${d.decision} × ${d.count}`);
  }
  const p = analysis.predictions;
  if (Object.values(p).some((n) => n > 0)) lines.push('', `Predictions: ${trackRecordSummary({ counts: p })}`);
  return `${lines.join('\n')}\n`;
}

function measureLines(m: MeasurePooling, c: ReturnType<typeof styles>): string[] {
  const basis = m.basis === 'comparison' ? 'against a comparison group' : 'pre-post (no comparison group)';
  const lines = [c.bold(`${m.id}: ${m.studies.length} cycle${m.studies.length === 1 ? '' : 's'}, ${basis}`)];
  for (const s of m.studies) {
    const ci = s.ci95 ? ` (95% CI ${f(s.ci95[0])} to ${f(s.ci95[1])})` : ' (no interval)';
    const n = s.n.filter((x): x is number => x !== null).join(' and ');
    lines.push(`  ${s.member}, ${s.cycle}: ${f(s.g)}${ci}${n ? `, n = ${n}` : ''}`);
  }
  const pooled = m.pooled;
  if (pooled) {
    lines.push(
      wrap(
        `Pooled (${pooled.estimator.toUpperCase()}, ${m.k} cycles): ${f(pooled.estimate)} (95% CI ${f(pooled.ci95[0])} to ${f(pooled.ci95[1])})${pooled.predictionInterval ? `; 95% prediction interval ${f(pooled.predictionInterval[0])} to ${f(pooled.predictionInterval[1])}` : ''}; τ² = ${pooled.tau2.toFixed(3)}, I² = ${(pooled.i2 * 100).toFixed(0)}%, Q = ${pooled.q.toFixed(2)} (df ${pooled.df}).`,
        100,
        '    ',
        '  ',
      ),
      wrap(heterogeneityWords(pooled.i2, pooled.q, pooled.df), 100, '    ', '  '),
    );
  }
  for (const note of m.notes) lines.push(wrap(note, 100, '    ', '  '));
  return lines;
}
