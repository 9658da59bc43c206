// The one way a command opens a project: find its root, load every record with its positions, check it (schemas,
// cross-record rules and the methods' own rules, always), and normalise its settings. With `need: 'valid'`, a
// project with errors is refused with them, so no command works from records that `sipp validate` rejects.
import type { Problem } from '../core/problems.js';
import { refusal } from '../core/problems.js';
import { allCycleData, projectData } from '../core/records/cycle-data.js';
import type { ProjectSource } from '../core/records/model.js';
import { projectSettings, type ProjectSettings } from '../core/records/settings.js';
import { validateProject } from '../core/validate/index.js';
import type { CycleData } from '../core/method/contract.js';
import { requireProjectRoot } from './find-root.js';
import { checkSetup, type CheckOptions } from './check.js';
import { loadProject } from './load.js';

export interface OpenOptions extends CheckOptions {
  /** `readable`: every problem is returned; `valid`: a project with errors is refused with them. */
  need: 'readable' | 'valid';
  /** With `need: 'valid'`: what did not happen (`nothing was analysed`) and the command to run again. */
  refused?: { notDone: string; command: string };
}

export interface OpenedProject {
  root: string;
  source: ProjectSource;
  /** Every problem (with `need: 'valid'`, only warnings), sorted by file, line and column. */
  problems: Problem[];
  /** sipp.yaml's settings with their defaults (the defaults alone when sipp.yaml has errors). */
  settings: ProjectSettings;
  /** Each cycle with the records that have no errors, and its method. */
  cycles: CycleData[];
}

export function openProject(cwd: string, options: OpenOptions): OpenedProject {
  const root = requireProjectRoot(cwd);
  const { schemas, cache, options: validateOptions } = checkSetup(root, options);
  const source = loadProject(root, { cache });
  const problems = validateProject(source, schemas, validateOptions);
  cache?.save();
  if (options.need === 'valid') refuseProblems(problems, options.refused);
  return {
    root,
    source,
    problems,
    settings: projectSettings(projectData(source, problems)),
    cycles: allCycleData(source, problems),
  };
}

/** Refuses (exit 1) when `problems` hold an error, listing them, with what was not done and how to retry. */
export function refuseProblems(problems: readonly Problem[], refused: OpenOptions['refused']): void {
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length === 0) return;
  const { notDone, command } = refused ?? { notDone: 'nothing was done', command: 'the command' };
  throw refusal(`The project has ${errors.length === 1 ? 'a problem' : `${errors.length} problems`}, so ${notDone}:`, {
    problems: errors,
    hint: `Fix ${errors.length === 1 ? 'it' : 'them'} (\`sipp validate\` checks again) and run \`${command}\` again.`,
  });
}
