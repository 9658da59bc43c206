// `sipp hook pre-commit` (run by the hook `sipp hook install` adds): refuses (exit 1) a commit that would add a
// file under data/private/, or whose staged records have errors, small-group figures among them; warnings are shown
// and let through. What is checked is the index, not the working tree: exactly what the commit would hold.
import path from 'node:path';
import type { CliContext } from './context.js';
import { EXIT, refusal } from '../core/problems.js';
import { requireProjectRoot } from '../project/find-root.js';
import { repositoryTop, stagedFiles, withIndexSnapshot } from '../project/hooks.js';
import { openProject } from '../project/open.js';
import { formatProblem } from './format.js';

export async function run(ctx: CliContext): Promise<number> {
  const root = requireProjectRoot(ctx.cwd);
  const top = repositoryTop(root);
  if (!top) return EXIT.ok;
  const prefix = path.relative(top, root);
  /** A staged path relative to the project, or null for a file outside it. */
  const inProject = (file: string): string | null =>
    prefix === '' ? file : file.startsWith(`${prefix}/`) ? file.slice(prefix.length + 1) : null;
  const staged = stagedFiles(top);
  const privateFiles = staged.filter((f) => inProject(f)?.startsWith('data/private/'));
  if (privateFiles.length > 0)
    throw refusal(
      `Not committed: ${privateFiles.join(', ')} ${privateFiles.length === 1 ? 'is' : 'are'} pupil-level data, which stays in data/private/ on this computer and never goes into Git.`,
      {
        hint: `Take ${privateFiles.length === 1 ? 'it' : 'them'} out of the commit with: git restore --staged ${privateFiles.join(' ')}`,
      },
    );
  if (!staged.some((f) => inProject(f) !== null)) return EXIT.ok;
  const problems = await withIndexSnapshot(
    top,
    (dir) => openProject(path.join(dir, prefix), { need: 'readable' }).problems,
  );
  for (const p of problems.filter((x) => x.severity === 'warning')) ctx.err(`${formatProblem(p, ctx.color)}\n`);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length === 0) return EXIT.ok;
  throw refusal(
    `Not committed: the staged records have ${errors.length === 1 ? 'a problem' : `${errors.length} problems`}:`,
    {
      problems: errors,
      hint: 'Fix them, `git add` the files again and commit. (`git commit --no-verify` commits without this check.)',
    },
  );
}
