// `sipp network pull`: every member fetched with git into the git-ignored cache, several at once, a line per member
// as it finishes. A member that fails is reported with why and the others go on; exit 1 if any failed. Asks nothing.
import type { CliContext } from './context.js';
import { EXIT } from '../core/problems.js';
import { openNetwork, pullMembers } from '../project/network.js';
import { readMembers } from '../project/network-members.js';
import { styles } from './style.js';

export async function run(ctx: CliContext): Promise<number> {
  const { root, data } = openNetwork(ctx.cwd, 'nothing was pulled');
  const c = styles(ctx.color);
  if (data.members.length === 0) {
    ctx.out('The network has no members yet: add one with sipp network add <folder or Git address>.\n');
    return EXIT.ok;
  }
  ctx.out(`Pulling ${data.members.length} member${data.members.length === 1 ? '' : 's'}…\n`);
  let done = 0;
  const results = await pullMembers(root, data.members, (result) => {
    done += 1;
    const line = result.ok
      ? `${c.green('✔')} ${result.name}: at ${result.commit}`
      : `${c.red('✖')} ${result.name}: not pulled: ${result.why}.`;
    ctx.out(`[${done}/${data.members.length}] ${line}\n`);
  });
  // Each member pulled is read and analysed once now, so that status, analyse and brief start from its facts.
  const pulled = new Set(results.filter((r) => r.ok).map((r) => r.name));
  await readMembers(
    root,
    data.members.filter((m) => pulled.has(m.name)),
  );
  const failed = results.filter((r) => !r.ok);
  if (failed.length > 0) {
    ctx.err(
      `${failed.length} of ${results.length} members could not be pulled (${failed.map((f) => f.name).join(', ')}); the others were. The network's other commands use the copy pulled before, where there is one.\n`,
    );
    return EXIT.problems;
  }
  ctx.out(`All ${results.length} members pulled. Next: sipp network status, sipp network analyse.\n`);
  return EXIT.ok;
}
