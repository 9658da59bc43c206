// How import problems read: `file:row:column: message`, with the spreadsheet's row number and column letter.
import type { CellProblem } from './cells.js';
import { personalDataReason, personalDataWords, type PersonalDataFinding } from './personal-data.js';
import { columnLabel, columnLetter, type Table } from './table.js';

/** Problems shown before the rest are summed up as "and N more". */
export const MAX_PROBLEM_LINES = 50;

export function cellProblemLine(file: string, problem: CellProblem): string {
  return `${file}:${problem.row}:${columnLetter(problem.column)}: ${problem.message}`;
}

export function personalDataLine(file: string, table: Pick<Table, 'headings'>, finding: PersonalDataFinding): string {
  const reason = personalDataReason(finding);
  const why = reason === '' ? '' : ` (${reason})`;
  return `${file}:${finding.row}:${columnLetter(finding.column)}: Column ${columnLabel(table, finding.column)} looks like it holds ${personalDataWords(finding.kind)}${why}.`;
}

/** The first `max` lines, then `... and N more` for the rest. */
export function cappedLines(lines: readonly string[], max = MAX_PROBLEM_LINES): string[] {
  if (lines.length <= max) return [...lines];
  const rest = lines.length - max;
  return [...lines.slice(0, max), `... and ${rest} more ${rest === 1 ? 'problem' : 'problems'}.`];
}
