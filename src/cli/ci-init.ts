// `sipp ci init [--provider github|gitlab]`: the CI workflow for the project or network this folder is in, pinned to
// this sipp's version. Never replaces a file that is there already. (`sipp init --ci <provider>` calls it too.)
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { CliContext } from './context.js';
import { CI_FILES, workflowText, type CiProvider } from '../core/ci/workflows.js';
import { EXIT, refusal, usageError } from '../core/problems.js';
import { packageVersion } from '../project/assets.js';
import { findProjectRoot } from '../project/find-root.js';
import { withProjectLock } from '../project/lock.js';
import { findNetworkRoot } from '../project/network.js';
import { writeAtomic } from '../project/write.js';

export interface CiInitOptions {
  provider?: string;
}

export async function run(ctx: CliContext, opts: CiInitOptions): Promise<number> {
  const provider = (opts.provider ?? 'github').toLowerCase();
  if (provider !== 'github' && provider !== 'gitlab')
    throw usageError(`--provider "${opts.provider}" is not one sipp writes for: write github or gitlab.`);
  const network = findNetworkRoot(ctx.cwd);
  const project = findProjectRoot(ctx.cwd);
  const root = network ?? project;
  if (!root)
    throw usageError(
      'This folder is not inside a sipp project or network.',
      'Run `sipp ci init` in the project (or network) folder, or `sipp -C <folder> ci init`.',
    );
  await writeWorkflow(ctx, root, provider, network ? 'network' : 'project');
  return EXIT.ok;
}

export async function writeWorkflow(
  ctx: CliContext,
  root: string,
  provider: CiProvider,
  kind: 'project' | 'network',
): Promise<void> {
  const file = path.join(root, CI_FILES[provider]);
  if (existsSync(file))
    throw refusal(`${path.relative(ctx.cwd, file) || file} is there already, so sipp changed nothing.`, {
      hint: 'Add the sipp steps to it by hand, or remove it and run `sipp ci init` again.',
    });
  await withProjectLock(root, () => writeAtomic(root, file, workflowText(provider, kind, packageVersion())));
  ctx.out(
    `Wrote ${path.relative(ctx.cwd, file) || file}: on every push and ${provider === 'github' ? 'pull' : 'merge'} request it runs ${kind === 'project' ? 'sipp validate and sipp brief' : 'sipp network pull, status and brief'} and keeps the briefings as a build artifact. Commit it to switch it on.\n`,
  );
}
