// Which cycles a command works on, from the names a teacher types: a number (`1`, `01`), a folder name, or its
// path under cycles/ (`cycles/01-paired-reading/`). One rule for every command (analyse, brief, data import, lesson).
import { usageError } from '../problems.js';
import { CYCLE_FOLDER } from './model.js';

/** Whether `given` names the cycle folder `folder`. */
export function namesCycle(folder: string, given: string): boolean {
  const wanted = given
    .trim()
    .replace(/\\/g, '/')
    .replace(/\/+$/, '')
    .replace(/^(?:\.\/)?cycles\//, '');
  if (/^\d+$/.test(wanted)) return Number(CYCLE_FOLDER.exec(folder)?.[1]) === Number(wanted);
  return folder === wanted;
}

/**
 * The cycles named (all of them when none is named), in project order. A name that matches no cycle is a usage
 * error listing the cycles.
 */
export function selectCycles<T>(cycles: readonly T[], names: readonly string[], folderOf: (cycle: T) => string): T[] {
  if (names.length === 0) return [...cycles];
  const unknown = names.filter((name) => !cycles.some((c) => namesCycle(folderOf(c), name)));
  if (unknown.length > 0) {
    const list = cycles.map(folderOf);
    throw usageError(
      `There is no cycle ${unknown.map((u) => `"${u}"`).join(' or ')} in this project.`,
      list.length === 0
        ? 'The project has no cycles yet: start one with `sipp cycle`.'
        : `Its cycles are: ${list.join(', ')}. Name a cycle by its number (1) or its folder (${list[0]}).`,
    );
  }
  return cycles.filter((c) => names.some((name) => namesCycle(folderOf(c), name)));
}

/** The one cycle `--cycle` names; a usage error listing the cycles when there is none (`start` says how to begin one). */
export function cycleNamed<T>(
  cycles: readonly T[],
  given: string,
  folderOf: (cycle: T) => string,
  start = 'Start one with `sipp cycle`.',
): T {
  const cycle = cycles.find((c) => namesCycle(folderOf(c), given));
  if (cycle !== undefined) return cycle;
  const folders = cycles.map(folderOf);
  if (folders.length === 0) throw usageError(`There is no cycle ${given}: this project has no cycles yet.`, start);
  throw usageError(
    `There is no cycle ${given}. The cycles are: ${folders.join(', ')}.`,
    'Give --cycle the cycle number (1 or 01) or its folder name.',
  );
}
