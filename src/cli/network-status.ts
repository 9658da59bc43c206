// `sipp network status [--json]`: one row per member from its pulled copy: partnership, schools, local authorities,
// methods, cycles, the latest cycle's stage, the last commit and its committers, and whether its records are valid.
// Offline, it uses the copies as they are and says how old each is. Informational: exit 0.
import type { CliContext } from './context.js';
import { memberRow, type MemberRow } from '../core/network/analyse.js';
import { EXIT } from '../core/problems.js';
import { openNetwork } from '../project/network.js';
import { readMembers } from '../project/network-members.js';
import { styles } from './style.js';
import { wrap } from './text.js';

export interface NetworkStatusOptions {
  json?: boolean;
}

export async function run(ctx: CliContext, opts: NetworkStatusOptions): Promise<number> {
  const { root, data } = openNetwork(ctx.cwd, 'no status was given');
  const rows = (await readMembers(root, data.members)).map(memberRow);
  if (opts.json) {
    ctx.out(`${JSON.stringify({ members: rows }, null, 2)}\n`);
    return EXIT.ok;
  }
  ctx.out(statusText(data.title, rows, ctx.color, new Date()));
  return EXIT.ok;
}

export function statusText(title: string, rows: readonly MemberRow[], color: boolean, now: Date): string {
  const c = styles(color);
  const lines = [c.bold(`${title}: ${rows.length} member${rows.length === 1 ? '' : 's'}`)];
  for (const row of rows) {
    lines.push('', c.bold(`${row.name} · ${row.partnership ?? row.source}`));
    if (row.pulledAt === null && row.lastCommit === null) {
      lines.push(`  ${c.red('Not pulled yet')}: run sipp network pull.`);
      continue;
    }
    if (row.schools.length > 0) lines.push(wrap(`Schools: ${row.schools.join(', ')}`, 100, '    ', '  '));
    if (row.localAuthorities.length > 0) lines.push(`  Local authorities: ${row.localAuthorities.join(', ')}`);
    lines.push(
      `  ${row.cycles} cycle${row.cycles === 1 ? '' : 's'} (${row.methods.join(', ') || 'no method'}); latest at: ${row.latestStage ?? 'not known'}`,
    );
    lines.push(
      `  Last commit ${row.lastCommit?.slice(0, 10) ?? 'not known'}, by ${row.committers} ${row.committers === 1 ? 'person' : 'people'}; pulled ${age(row.pulledAt, now)}`,
    );
    lines.push(
      row.problems === 0
        ? `  Records: ${c.green('valid')}`
        : `  Records: ${c.red(`${row.problems} problem${row.problems === 1 ? '' : 's'}`)}${row.leftOut.length > 0 ? `; left out of the analysis: ${row.leftOut.join(', ')}` : ''}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function age(pulledAt: string | null, now: Date): string {
  if (pulledAt === null) return 'at an unknown time';
  const hours = (now.getTime() - new Date(pulledAt).getTime()) / 3_600_000;
  if (hours < 1) return 'less than an hour ago';
  if (hours < 48) return `${Math.floor(hours)} hour${Math.floor(hours) === 1 ? '' : 's'} ago`;
  return `${Math.floor(hours / 24)} days ago (${pulledAt.slice(0, 10)})`;
}
