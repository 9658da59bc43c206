// `sipp network remove <name>`: a member taken out of network.yaml, keeping its comments and order. Its pulled copy
// stays in the cache until the next pull, which ignores it.
import path from 'node:path';
import type { CliContext } from './context.js';
import { NETWORK_FILE, withoutMember } from '../core/network/network-file.js';
import { EXIT } from '../core/problems.js';
import { withProjectLock } from '../project/lock.js';
import { readNetwork, requireNetworkRoot } from '../project/network.js';
import { writeAtomic } from '../project/write.js';

export async function run(ctx: CliContext, name: string): Promise<number> {
  const root = requireNetworkRoot(ctx.cwd);
  await withProjectLock(root, async () => {
    const text = withoutMember(readNetwork(root).text, name);
    await writeAtomic(root, path.join(root, NETWORK_FILE), text);
  });
  ctx.out(`Removed ${name} from ${NETWORK_FILE}.\n`);
  return EXIT.ok;
}
