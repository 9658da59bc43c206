// Which column of a table holds what: the default headings, other names for them, and `--columns` mappings.
import { usageError } from '../problems.js';

/** What a column can hold: a learner's code, their group and equity markers, scores, or a dated value. */
export const COLUMN_ROLES = [
  'learner',
  'group',
  'simd',
  'fsm',
  'before',
  'after',
  'date',
  'value',
  'yes',
  'n',
] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

/** A heading each role is found under, besides its own name (compared after `normaliseHeading`). */
const OTHER_HEADINGS: Record<ColumnRole, readonly string[]> = {
  learner: ['learnercode', 'learnerid', 'pupilcode', 'pupilid', 'code'],
  group: [],
  simd: ['simdquintile', 'quintile'],
  fsm: ['freeschoolmeals', 'freeschoolmeal'],
  before: ['pre', 'pretest'],
  after: ['post', 'posttest'],
  date: [],
  value: [],
  yes: ['count', 'yescount', 'numberyes'],
  n: ['total', 'outof', 'learners', 'pupils'],
};

/** Each role with the headings it is found under, for help text: its own name first. */
export const RECOGNISED_HEADINGS: ReadonlyArray<readonly [ColumnRole, readonly string[]]> = [
  ['learner', ['learner', 'learner code', 'learner id', 'pupil code', 'pupil id', 'code']],
  ['group', ['group (intervention or comparison)']],
  ['simd', ['simd', 'simd quintile', 'quintile (1-5)']],
  ['fsm', ['fsm', 'free school meals (yes or no)']],
  ['before', ['before', 'pre', 'pre-test']],
  ['after', ['after', 'post', 'post-test']],
  ['date', ['date']],
  ['value', ['value']],
  ['yes', ['yes', 'count']],
  ['n', ['n', 'total', 'out of']],
];

/** Role -> heading, as the teacher wrote it in `--columns`. */
export type ColumnMapping = ReadonlyMap<ColumnRole, string>;

/** Role -> 0-based column index, for the roles the table has. */
export type ColumnIndexes = Partial<Record<ColumnRole, number>>;

/** Headings compared without case, spaces, underscores, hyphens or dots: `June Score` = `june_score`. */
export function normaliseHeading(heading: string): string {
  return heading.toLowerCase().replace(/[\s_.-]+/g, '');
}

export function isColumnRole(name: string): name is ColumnRole {
  return (COLUMN_ROLES as readonly string[]).includes(name);
}

/**
 * Parses `before="Sept score",after='June score', learner = Code` into role -> heading. Quotes (single or
 * double) may hold commas and equals signs; spaces around names are ignored. Throws a usage error (exit 2)
 * for an unknown role, a role given twice, or a pair without `=` or without a heading.
 */
export function parseColumnMapping(text: string | undefined): ColumnMapping {
  const mapping = new Map<ColumnRole, string>();
  if (text === undefined || text.trim() === '') return mapping;
  for (const part of splitOutsideQuotes(text, ',')) {
    if (part.trim() === '') continue;
    const [rawRole, ...rest] = splitOutsideQuotes(part, '=');
    if (rest.length === 0) {
      throw usageError(
        `--columns: "${part.trim()}" has no "=". Write each mapping as role="Heading", for example before="Sept score".`,
      );
    }
    const role = unquote(rawRole ?? '').toLowerCase();
    const heading = unquote(rest.join('='));
    if (!isColumnRole(role)) {
      throw usageError(
        `--columns: "${role}" is not a column sipp knows. Map one of: ${COLUMN_ROLES.join(', ')}.`,
        'For example: --columns before="Sept score",after="June score"',
      );
    }
    if (heading === '')
      throw usageError(
        `--columns: ${role}= needs the heading of a column in the table, for example ${role}="Sept score".`,
      );
    if (mapping.has(role)) throw usageError(`--columns: ${role} is mapped twice. Map each column once.`);
    mapping.set(role, heading);
  }
  return mapping;
}

/** Splits on `separator` where it is not inside single or double quotes. */
function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let quote: string | null = null;
  let current = '';
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = null;
      current += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      current += ch;
    } else if (ch === separator) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts;
}

/** Trims, then removes one pair of matching quotes around the whole text. */
function unquote(text: string): string {
  const t = text.trim();
  const first = t[0];
  if (t.length >= 2 && (first === '"' || first === "'") && t.endsWith(first)) return t.slice(1, -1).trim();
  return t;
}

export interface ResolvedColumns {
  columns: ColumnIndexes;
  /** `--columns` entries whose heading is not in the table. */
  notFound: { role: ColumnRole; heading: string }[];
  /** Roles found under more than one heading (so sipp cannot choose). */
  ambiguous: { role: ColumnRole; indexes: number[] }[];
}

/**
 * Finds each role's column: first the `--columns` mapping, then a heading equal to the role's name, then one
 * of its other names. A column mapped or found for one role is not used for another.
 */
export function resolveColumns(headings: readonly string[], mapping: ColumnMapping = new Map()): ResolvedColumns {
  const normalised = headings.map(normaliseHeading);
  const columns: ColumnIndexes = {};
  const notFound: ResolvedColumns['notFound'] = [];
  const ambiguous: ResolvedColumns['ambiguous'] = [];
  const taken = new Set<number>();
  for (const [role, heading] of mapping) {
    const matches = indexesOf(normalised, [normaliseHeading(heading)]);
    if (matches.length === 0) notFound.push({ role, heading });
    else if (matches.length > 1) ambiguous.push({ role, indexes: matches });
    else {
      columns[role] = matches[0] as number;
      taken.add(matches[0] as number);
    }
  }
  for (const role of COLUMN_ROLES) {
    if (mapping.has(role)) continue;
    for (const names of [[role], OTHER_HEADINGS[role]]) {
      const matches = indexesOf(normalised, names).filter((i) => !taken.has(i));
      if (matches.length === 0) continue;
      if (matches.length > 1) ambiguous.push({ role, indexes: matches });
      else {
        columns[role] = matches[0] as number;
        taken.add(matches[0] as number);
      }
      break;
    }
  }
  return { columns, notFound, ambiguous };
}

function indexesOf(normalised: readonly string[], names: readonly string[]): number[] {
  return normalised.flatMap((h, i) => (h !== '' && names.includes(h) ? [i] : []));
}

/** A table of scores (one row per learner) or a dated series. */
export type TableShape = 'scores' | 'series';

/**
 * The forms a dated series comes in: a row per learner per date (`learner,date,value`, aggregated by sipp), or
 * figures already worked out per date: a value (`date,value`, optionally with `n`) or a count of yes out of n
 * (`date,yes,n`; `count` is another heading for `yes`).
 */
export type SeriesForm = 'learners' | 'values' | 'counts';

/** Scores when there is a before or after column; a series when there is a date, value or yes column; else scores. */
export function shapeOf(columns: ColumnIndexes): TableShape {
  if (columns.before !== undefined || columns.after !== undefined) return 'scores';
  if (columns.date !== undefined || columns.value !== undefined || columns.yes !== undefined) return 'series';
  return 'scores';
}

/** A series with a learner column is a row per learner; without one, a figure per date (a value, or yes out of n). */
export function seriesFormOf(columns: ColumnIndexes): SeriesForm {
  if (columns.learner !== undefined) return 'learners';
  return columns.yes !== undefined ? 'counts' : 'values';
}

/** The roles each form of series needs. */
const SERIES_ROLES: Record<SeriesForm, ColumnRole[]> = {
  learners: ['learner', 'date', 'value'],
  values: ['date', 'value'],
  counts: ['date', 'yes', 'n'],
};

/**
 * The roles a table of that shape still needs. Scores need a learner column and at least one of before and
 * after (both are reported missing when neither is there); a series needs learner, date and value, or date and
 * value, or date, yes and n (seriesFormOf).
 */
export function missingRoles(columns: ColumnIndexes, shape: TableShape): ColumnRole[] {
  const needed: ColumnRole[] = shape === 'series' ? SERIES_ROLES[seriesFormOf(columns)] : ['learner'];
  const missing = needed.filter((role) => columns[role] === undefined);
  if (shape === 'scores' && columns.before === undefined && columns.after === undefined)
    missing.push('before', 'after');
  return missing;
}
