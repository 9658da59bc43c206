// The project a command works on only when it is valid (analyse, brief): loaded, checked, refused with its
// problems when it has errors, with its warnings printed on stderr.
import type { CliContext } from './context.js';
import { refusal, type Problem } from '../core/problems.js';
import type { ProjectSource } from '../core/records/model.js';
import { validateProject } from '../core/validate/index.js';
import { findMethod } from '../methods/registry.js';
import { readSchemas } from '../project/assets.js';
import { requireProjectRoot } from '../project/find-root.js';
import { loadProject } from '../project/load.js';
import { formatProblem } from './format.js';

export interface ValidProject {
  root: string;
  source: ProjectSource;
  /** Warnings only: a project with errors is refused. */
  problems: Problem[];
}

/**
 * @param notDone what the refusal says did not happen, e.g. `nothing was analysed`
 * @param command the command to run again once the problems are fixed, e.g. `sipp analyse`
 */
export function loadValidProject(ctx: CliContext, notDone: string, command: string): ValidProject {
  const root = requireProjectRoot(ctx.cwd);
  const source = loadProject(root);
  const problems = validateProject(source, readSchemas(), { findMethod });
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    throw refusal(
      `The project has ${errors.length === 1 ? 'a problem' : `${errors.length} problems`}, so ${notDone}:`,
      {
        problems: errors,
        hint: `Fix ${errors.length === 1 ? 'it' : 'them'} (\`sipp validate\` checks again) and run \`${command}\` again.`,
      },
    );
  }
  for (const warning of problems) ctx.err(`${formatProblem(warning, ctx.color)}\n`);
  return { root, source, problems };
}
