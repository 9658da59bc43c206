// A table read from a spreadsheet, as plain strings: the heading row and the data rows, with spreadsheet places.

/** A pupil-level table: row 1 holds the headings, every later row one learner (or one learner on one date). */
export interface Table {
  /** The headings of row 1, trimmed; a column without a heading has "". */
  headings: string[];
  /** The data rows, each exactly as long as `headings`; `rows[i]` is spreadsheet row i + 2. */
  rows: string[][];
}

/** The spreadsheet row number of a data row (the heading row is row 1). */
export function rowNumber(index: number): number {
  return index + 2;
}

/** The spreadsheet letter of a 0-based column: 0 -> A, 25 -> Z, 26 -> AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** How a column is named in messages: `B ("June score")`, or `C (no heading)`. */
export function columnLabel(table: Pick<Table, 'headings'>, index: number): string {
  const heading = table.headings[index] ?? '';
  return heading === '' ? `${columnLetter(index)} (no heading)` : `${columnLetter(index)} ("${heading}")`;
}

export function isBlankRow(row: readonly string[]): boolean {
  return row.every((cell) => cell.trim() === '');
}

/**
 * A table from raw rows (the first is the heading row): rows are padded to one width, blank rows at the
 * end are dropped, and cells beyond the last heading get a column of their own (with no heading), so
 * that nothing in the file goes unchecked. Blank rows in the middle stay, so row numbers match the file.
 */
export function tableFromRows(raw: readonly (readonly string[])[]): Table {
  let end = raw.length;
  while (end > 0 && isBlankRow(raw[end - 1] as readonly string[])) end -= 1;
  const kept = raw.slice(0, end);
  const width = kept.reduce((max, row) => Math.max(max, lastFilled(row) + 1), 0);
  const pad = (row: readonly string[]): string[] => Array.from({ length: width }, (_, i) => row[i] ?? '');
  const [header = [], ...rows] = kept;
  return { headings: pad(header).map((h) => h.trim()), rows: rows.map(pad) };
}

function lastFilled(row: readonly string[]): number {
  for (let i = row.length - 1; i >= 0; i -= 1) if ((row[i] ?? '').trim() !== '') return i;
  return -1;
}
