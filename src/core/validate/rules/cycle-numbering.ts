// Cycle folders are named NN-slug and numbered 01, 02, 03, … in creation order, with no gaps and no repeats.
import type { Problem } from '../../problems.js';
import {
  CYCLE_FOLDER,
  CYCLE_LIMIT_MESSAGE,
  MAX_CYCLE_NUMBER,
  cyclePrefix,
  nextCycleNumber,
  type CycleSource,
} from '../../records/model.js';
import type { RuleContext } from './context.js';

const RULE = 'cycle-numbering';

/**
 * A gap (01, 03) is an error at the first folder after it: cycle numbers are how partners refer to cycles in
 * meetings and briefings, and a gap usually means a cycle was deleted or renamed by mistake.
 */
export function cycleNumberingProblems(context: RuleContext): Problem[] {
  const cycles = context.source.cycles;
  const problems: Problem[] = [];
  const numbered: Array<{ cycle: CycleSource; number: number }> = [];
  let next: number | undefined;
  for (const cycle of cycles) {
    const leading = leadingNumber(cycle.folder);
    // A number out of range (a year, a typing slip) is a misnamed folder, not cycle two thousand and twenty-five.
    const number = leading !== null && leading <= MAX_CYCLE_NUMBER ? leading : null;
    const match = CYCLE_FOLDER.exec(cycle.folder);
    if (!match || number === null || number === 0 || match[1] !== cyclePrefix(number)) {
      const tooLarge = leading !== null && leading > MAX_CYCLE_NUMBER;
      problems.push(folderProblem(cycle, namingMessage(cycle.folder, number, (next ??= nextFree(cycles)), tooLarge)));
    }
    if (number !== null && number > 0) numbered.push({ cycle, number });
  }
  numbered.sort((a, b) => a.number - b.number || a.cycle.folder.localeCompare(b.cycle.folder, 'en'));

  let expected = 1;
  for (const [i, { cycle, number }] of numbered.entries()) {
    const previous = numbered[i - 1];
    if (previous && previous.number === number) {
      problems.push(
        folderProblem(
          cycle,
          `The cycle folders \`${previous.cycle.folder}\` and \`${cycle.folder}\` have the same number, ${cyclePrefix(number)}. Each cycle needs its own number: renumber one of them.`,
        ),
      );
      continue;
    }
    if (number > expected) problems.push(folderProblem(cycle, gapMessage(expected, number)));
    expected = number + 1;
  }
  return problems;
}

function folderProblem(cycle: CycleSource, message: string): Problem {
  return { file: cycle.dir, line: 1, column: 1, message, rule: RULE, severity: 'error' };
}

function leadingNumber(folder: string): number | null {
  const digits = /^\d+/.exec(folder)?.[0];
  return digits === undefined ? null : Number(digits);
}

function nextFree(cycles: readonly CycleSource[]): number {
  return nextCycleNumber(cycles.map((c) => ({ number: leadingNumber(c.folder) })));
}

/** `cycle` folder names, suggested from what was written: `1 Paired Reading` -> `01-paired-reading`. */
function namingMessage(folder: string, number: number | null, next: number, tooLarge: boolean): string {
  const slug =
    folder
      .replace(number === null ? /^$/ : /^\d+/, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'cycle';
  const rule =
    'Cycle folders are named with a two-digit number from 01, a hyphen, and lower-case words joined by hyphens';
  const why = tooLarge
    ? ` (the number it starts with is not a cycle number: they run 01, 02, 03, … up to ${MAX_CYCLE_NUMBER})`
    : '';
  // With every number taken up to the last, no name can be suggested in this project.
  if ((number === null || number === 0) && next > MAX_CYCLE_NUMBER) return `${rule}${why}. ${CYCLE_LIMIT_MESSAGE}`;
  const suggested = `${cyclePrefix(number !== null && number > 0 ? number : next)}-${slug}`;
  return `${rule}${why}. Rename \`${folder}\` to \`${suggested}\`.`;
}

function gapMessage(expected: number, number: number): string {
  const count = number - expected;
  const list =
    count === 1
      ? `is no cycle ${cyclePrefix(expected)}`
      : count <= 4
        ? `are no cycles ${Array.from({ length: count - 1 }, (_, k) => cyclePrefix(expected + k)).join(', ')} and ${cyclePrefix(number - 1)}`
        : `are no cycles ${cyclePrefix(expected)} to ${cyclePrefix(number - 1)}`;
  return `There ${list} before this one (number ${cyclePrefix(number)}): cycles are numbered 01, 02, 03, … with no gaps. Restore the missing cycle from Git, or renumber this folder and the ones after it.`;
}
