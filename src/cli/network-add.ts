// `sipp network add <path-or-url> [--name <text>] [--ref <ref>]`: a member added to network.yaml, keeping its
// comments and order. Asks nothing; refuses a name already taken or one that is not a short name.
import path from 'node:path';
import type { CliContext } from './context.js';
import { NETWORK_FILE, sourceStem, withMember } from '../core/network/network-file.js';
import { EXIT, refusal, usageError } from '../core/problems.js';
import { withProjectLock } from '../project/lock.js';
import { readNetwork, requireNetworkRoot } from '../project/network.js';
import { writeAtomic } from '../project/write.js';

export interface NetworkAddOptions {
  name?: string;
  ref?: string;
}

export async function run(ctx: CliContext, source: string, opts: NetworkAddOptions): Promise<number> {
  const root = requireNetworkRoot(ctx.cwd);
  const { default: slugify } = await import('@sindresorhus/slugify');
  const name = opts.name?.trim() || slugify(sourceStem(source)).slice(0, 60).replace(/-+$/, '') || 'member';
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name) || name.length > 60)
    throw usageError(
      `--name "${name}" is not a short name: use lower-case letters, digits and hyphens, for example --name northfield-reading.`,
    );
  await withProjectLock(root, async () => {
    const network = readNetwork(root);
    if (network.problems.some((p) => p.severity === 'error'))
      throw refusal(`${NETWORK_FILE} has problems, so nothing was added:`, {
        problems: network.problems.filter((p) => p.severity === 'error'),
      });
    const text = withMember(network.text, { name, source, ...(opts.ref ? { ref: opts.ref } : {}) });
    await writeAtomic(root, path.join(root, NETWORK_FILE), text);
  });
  ctx.out(
    `Added ${name} (${source}${opts.ref ? ` at ${opts.ref}` : ''}) to ${NETWORK_FILE}. Next: sipp network pull.\n`,
  );
  return EXIT.ok;
}
