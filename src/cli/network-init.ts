// `sipp network init [dir] --title <text> [--yes]`: a network folder with network.yaml (no members yet), its schema
// for editors, and a .gitignore that keeps the pulled copies out of Git. Works without a terminal with --title.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CliContext } from './context.js';
import { isPromptCancelled } from './prompts.js';
import { NETWORK_CACHE, NETWORK_FILE, newNetworkText } from '../core/network/network-file.js';
import { EXIT, refusal, usageError } from '../core/problems.js';
import { schemaFiles } from '../project/assets.js';
import { withProjectLock } from '../project/lock.js';
import { writeAtomic } from '../project/write.js';

export interface NetworkInitOptions {
  title?: string;
  yes?: boolean;
}

const SCHEMA_PATH = '.sipp/schemas/network.schema.json';

export async function run(ctx: CliContext, dir: string | undefined, opts: NetworkInitOptions): Promise<number> {
  const root = path.resolve(ctx.cwd, dir ?? '.');
  if (existsSync(path.join(root, NETWORK_FILE)))
    throw refusal(
      `${path.join(root, NETWORK_FILE)} already exists: this folder is a network already. Nothing was changed.`,
      {
        hint: 'Add members with `sipp network add <folder or Git address>`.',
      },
    );
  let title = opts.title?.trim();
  if (!title) {
    if (!ctx.interactive || opts.yes)
      throw usageError(
        'A network needs a title: give it with --title, for example --title "Clydemuir attainment network".',
      );
    try {
      title = (
        await ctx.prompts.input({
          message: 'Title of the network:',
          validate: (v) => (v.trim() === '' ? 'Write a title, for example: Clydemuir attainment network.' : true),
        })
      ).trim();
    } catch (e) {
      if (isPromptCancelled(e)) throw refusal('Cancelled: nothing was written.');
      throw e;
    }
  }
  mkdirSync(root, { recursive: true });
  const schema = readFileSync(schemaFiles().get('network.schema.json') as string, 'utf8');
  await withProjectLock(root, async () => {
    await writeAtomic(root, path.join(root, '.sipp', 'schemas', 'network.schema.json'), schema);
    if (!existsSync(path.join(root, '.gitignore')))
      await writeAtomic(
        root,
        path.join(root, '.gitignore'),
        `# Copies of the members' repositories, made by sipp network pull.\n${NETWORK_CACHE}/\n.sipp.lock\n`,
      );
    await writeAtomic(root, path.join(root, NETWORK_FILE), newNetworkText(title as string, SCHEMA_PATH));
  });
  ctx.out(
    `Made the network "${title}" in ${path.relative(ctx.cwd, root) || '.'}: ${NETWORK_FILE}, with no members yet.\nNext: sipp network add <folder or Git address> --name <short-name>, then sipp network pull.\n`,
  );
  return EXIT.ok;
}
