// Reading one cell: a number, a yes/no answer, a SIMD quintile, a group, a date. Empty cells are null.

/** A cell that could not be read as what its column holds. */
export const INVALID = Symbol('invalid');
export type Parsed<T> = T | null | typeof INVALID;

/**
 * A number such as `27`, `27.5`, `27,5` (a decimal comma, as semicolon-separated exports write it), `-3`,
 * `2.7E1` (as some spreadsheet writers store numbers) or `95%` (read as 95).
 */
const NUMBER = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?%?$/;
/** `1,234` could be a thousand and more (a thousands separator) or one and a bit (a decimal comma): never guess. */
const AMBIGUOUS_COMMA = /^[+-]?\d{1,3},\d{3}%?$/;

export function hasAmbiguousComma(cell: string): boolean {
  return AMBIGUOUS_COMMA.test(cell.trim());
}

/**
 * The largest size of a score sipp takes (a billion): far beyond any test score or percentage, and small enough
 * that sums of squares of a class's scores stay exact enough to give a mean and SD (1e300 overflows them).
 */
export const MAX_SCORE_MAGNITUDE = 1e9;

export function isOutOfRange(cell: string): boolean {
  const t = cell.trim();
  if (!NUMBER.test(t) || hasAmbiguousComma(t)) return false;
  const value = Number(t.replace('%', '').replace(',', '.'));
  return !Number.isFinite(value) || Math.abs(value) > MAX_SCORE_MAGNITUDE;
}

export function parseNumberCell(cell: string): Parsed<number> {
  const t = cell.trim();
  if (t === '') return null;
  if (!NUMBER.test(t) || hasAmbiguousComma(t)) return INVALID;
  const value = Number(t.replace('%', '').replace(',', '.'));
  return Number.isFinite(value) && Math.abs(value) <= MAX_SCORE_MAGNITUDE ? value : INVALID;
}

const YES = new Set(['yes', 'y', 'true', '1']);
const NO = new Set(['no', 'n', 'false', '0']);

/** yes/no, y/n, true/false or 1/0, in any case. */
export function parseYesNoCell(cell: string): Parsed<boolean> {
  const t = cell.trim().toLowerCase();
  if (t === '') return null;
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  return INVALID;
}

export function isYesNoToken(cell: string): boolean {
  const t = cell.trim().toLowerCase();
  return YES.has(t) || NO.has(t);
}

/** A SIMD quintile: a whole number from 1 to 5 (`3.0` from a spreadsheet counts as 3). */
export function parseQuintileCell(cell: string): Parsed<number> {
  const t = cell.trim();
  if (t === '') return null;
  const match = /^([1-5])(?:\.0+)?$/.exec(t);
  return match ? Number(match[1]) : INVALID;
}

export type GroupRole = 'intervention' | 'comparison';

/** intervention or comparison (control, as EEF evaluations say, counts as comparison), in any case. */
export function parseGroupCell(cell: string): Parsed<GroupRole> {
  const t = cell.trim().toLowerCase();
  if (t === '') return null;
  if (t === 'intervention') return 'intervention';
  if (t === 'comparison' || t === 'control') return 'comparison';
  return INVALID;
}

/**
 * A date, as `YYYY-MM-DD` (also with `/` or a time after it) or day first as UK spreadsheets write it:
 * `15/09/2025`, `15-09-2025`, `15.09.2025`, `15/9/25`. Never month first. Returns `YYYY-MM-DD`.
 */
export function parseDateCell(cell: string): Parsed<string> {
  const t = cell.trim();
  if (t === '') return null;
  const iso = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(t);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const uk = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(t);
  if (uk) {
    const year = (uk[3] as string).length === 2 ? 2000 + Number(uk[3]) : Number(uk[3]);
    return isoDate(year, Number(uk[2]), Number(uk[1]));
  }
  return INVALID;
}

/** `YYYY-MM-DD` for a real calendar date, or INVALID (31 February, month 13). */
function isoDate(year: number, month: number, day: number): Parsed<string> {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return INVALID;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whole years from `born` to `on` (both `YYYY-MM-DD`), as an age is counted. */
export function yearsBetween(born: string, on: string): number {
  const [by, bm, bd] = born.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
