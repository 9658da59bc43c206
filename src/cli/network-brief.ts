// `sipp network brief [--format md|html] [--out <dir>]`: one network briefing, print-ready HTML and Markdown like the
// others and as deterministic: the members, a forest plot per pooled measure with its words, the equity gaps, the
// decisions, and each member's latest learning quoted from its reflections. Written to briefings/ in the network.
import path from 'node:path';
import type { CliContext } from './context.js';
import { analyseNetwork } from '../core/network/analyse.js';
import { EXIT } from '../core/problems.js';
import { visibleInDocument } from '../core/control-characters.js';
import { chartFile } from '../core/render/chart-views.js';
import { networkCharts } from '../core/render/charts/index.js';
import { FORMATS, type BriefingFormat } from '../core/render/index.js';
import { NETWORK_BRIEFING, networkBriefing } from '../core/render/network.js';
import { generatedFile, renderBriefing } from '../core/render/render.js';
import { DEFAULT_SUPPRESSION_THRESHOLD } from '../core/records/settings.js';
import { checkOutputFolder, writeBriefings } from '../project/briefings.js';
import { withProjectLock } from '../project/lock.js';
import { openNetwork } from '../project/network.js';
import { readMembers } from '../project/network-members.js';
import { readTemplateSet } from '../project/templates.js';

export interface NetworkBriefOptions {
  format?: BriefingFormat;
  out?: string;
}

export async function run(ctx: CliContext, opts: NetworkBriefOptions): Promise<number> {
  const { root, data } = openNetwork(ctx.cwd, 'no briefing was made');
  const shown = (absolute: string): string => path.relative(ctx.cwd, absolute) || '.';
  const outDir = path.resolve(ctx.cwd, opts.out ?? path.join(root, 'briefings'));
  checkOutputFolder(root, outDir, shown);
  return withProjectLock(root, async () => {
    const members = await readMembers(root, data.members);
    const analysis = analyseNetwork(members, { estimator: 'reml' });
    const charts = await networkCharts(analysis.measures, analysis.gaps.cycles);
    const thresholds = members.flatMap((m) => (m.threshold === null ? [] : [m.threshold]));
    const view = networkBriefing(
      data.title,
      analysis,
      members,
      charts,
      thresholds.length > 0 ? Math.max(...thresholds) : DEFAULT_SUPPRESSION_THRESHOLD,
    );
    const templates = readTemplateSet(root);
    const files = (opts.format ? [opts.format] : FORMATS).flatMap((format) => [
      { file: `${NETWORK_BRIEFING}.${format}`, text: renderBriefing(templates, `network.${format}`, view, format) },
      ...(format === 'md'
        ? charts.map((c) => ({ file: chartFile(NETWORK_BRIEFING, c), text: generatedFile(c.svg) }))
        : []),
    ]);
    const written = await writeBriefings(
      outDir,
      files.map((f) => ({ ...f, text: visibleInDocument(f.text) })),
      shown,
      path.relative(root, outDir).startsWith('..') ? outDir : root,
    );
    ctx.out(
      `Wrote the network briefing: ${written
        .filter((f) => !f.endsWith('.svg'))
        .map(shown)
        .join(', ')}\n`,
    );
    return EXIT.ok;
  });
}
