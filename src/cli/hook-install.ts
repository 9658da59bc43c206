// `sipp hook install`: a Git pre-commit hook that runs `sipp hook pre-commit` (sipp validate on what is staged; no
// small-group figure and no file under data/private/ may be committed). `git commit --no-verify` is the user's
// escape. Never replaces a hook it did not write.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CliContext } from './context.js';
import { EXIT, refusal, usageError } from '../core/problems.js';
import { requireProjectRoot } from '../project/find-root.js';
import { hooksDir, repositoryTop } from '../project/hooks.js';
import { writeAtomic } from '../project/write.js';

export const HOOK_MARKER = '# sipp pre-commit hook';

export async function run(ctx: CliContext): Promise<number> {
  const root = requireProjectRoot(ctx.cwd);
  const top = repositoryTop(root);
  if (!top)
    throw usageError(
      'This project is not in a Git repository, so there is nowhere to add a hook.',
      'Start one with `git init`.',
    );
  const hook = path.join(hooksDir(top), 'pre-commit');
  if (existsSync(hook) && !readFileSync(hook, 'utf8').includes(HOOK_MARKER))
    throw refusal(`${hook} is there already and was not written by sipp, so sipp changed nothing.`, {
      hint: 'Add the line `sipp hook pre-commit || exit 1` to it by hand.',
    });
  const bin = process.argv[1] ? path.resolve(process.argv[1]) : '';
  const text = [
    '#!/bin/sh',
    `${HOOK_MARKER} (sipp hook install): checks what is staged with sipp validate, and refuses a commit that`,
    '# would add a figure of a small group or a file under data/private/. `git commit --no-verify` skips it.',
    `cd "${root}" || exit 1`,
    `if [ -f "${bin}" ]; then exec "${process.execPath}" "${bin}" hook pre-commit; fi`,
    'exec sipp hook pre-commit',
    '',
  ].join('\n');
  await writeAtomic(top, hook, text, 0o755);
  ctx.out(`Installed the pre-commit hook in ${path.relative(ctx.cwd, hook) || hook}: each commit is checked first.\n`);
  return EXIT.ok;
}
