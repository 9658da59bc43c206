// Spotting personal data in a table before anything is imported: names, e-mail addresses, dates of birth,
// Scottish Candidate Numbers, postcodes and home addresses, by a column's heading or by its values.
import { normaliseHeading } from './columns.js';
import { rowNumber, type Table } from './table.js';
import { INVALID, parseDateCell, yearsBetween } from './values.js';

export type PersonalDataKind = 'names' | 'email' | 'date-of-birth' | 'candidate-number' | 'postcode' | 'address';

export interface PersonalDataFinding {
  /** 0-based column. */
  column: number;
  heading: string;
  kind: PersonalDataKind;
  /** The spreadsheet row of the first cell that gave it away (or the first filled cell, for a heading). */
  row: number;
  /** Whether the heading or the values gave it away. */
  by: 'heading' | 'values';
}

export interface PersonalDataOptions {
  /** Today, `YYYY-MM-DD`: dates of birth are dates that would make a learner 2 to 20 years old today. */
  asOf: string;
  /** The column holding the dates of a series: its dates are not dates of birth (0-based), if any. */
  dateColumn?: number | undefined;
}

const NAME_HEADINGS =
  /^(?:(?:first|fore|sur|last|family|given|full|middle|christian|preferred|pupil|pupils|learner|learners|child|childs|student|students)names?|name|names|forename|forenames|surname|surnames|knownas)$/;
const HEADINGS: ReadonlyArray<[PersonalDataKind, RegExp]> = [
  ['names', NAME_HEADINGS],
  ['email', /^(?:e?mail|e?mailaddress|emails|parentemail|contactemail)$/],
  ['date-of-birth', /^(?:dob|dateofbirth|birthdate|birthday|born|dateborn)$/],
  ['candidate-number', /^(?:scn|scottishcandidatenumber|candidatenumber|candidateno|scnnumber)$/],
  ['postcode', /^(?:postcode|postalcode|homepostcode|zip|zipcode)$/],
  ['address', /^(?:address|homeaddress|streetaddress|address\d|addressline\d?)$/],
];

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Scottish Candidate Numbers are nine digits (SQA); spreadsheets sometimes space them in threes. */
const CANDIDATE_NUMBER = /^\d{3} ?\d{3} ?\d{3}$/;
/** The UK postcode format (outward code, space optional, inward code), Royal Mail. */
const POSTCODE = /^(?:GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})$/i;
const YOUNGEST = 2;
const OLDEST = 20;

/** Every column that looks like personal data, left to right, each with its first give-away. */
export function findPersonalData(table: Table, options: PersonalDataOptions): PersonalDataFinding[] {
  const findings: PersonalDataFinding[] = [];
  table.headings.forEach((heading, column) => {
    const cells = table.rows.map((row) => (row[column] ?? '').trim());
    const finding = byHeading(heading, column, cells) ?? byValues(heading, column, cells, options);
    if (finding) findings.push(finding);
  });
  return findings;
}

function byHeading(heading: string, column: number, cells: readonly string[]): PersonalDataFinding | null {
  const key = normaliseHeading(heading);
  const first = cells.findIndex((c) => c !== '');
  // An empty column holds nobody's data, whatever its heading says.
  if (key === '' || first < 0) return null;
  for (const [kind, pattern] of HEADINGS) {
    if (pattern.test(key)) return { column, heading, kind, row: rowNumber(first), by: 'heading' };
  }
  return null;
}

function byValues(
  heading: string,
  column: number,
  cells: readonly string[],
  options: PersonalDataOptions,
): PersonalDataFinding | null {
  const found = (kind: PersonalDataKind, index: number): PersonalDataFinding => ({
    column,
    heading,
    kind,
    row: rowNumber(index),
    by: 'values',
  });
  const checks: ReadonlyArray<[PersonalDataKind, (cell: string) => boolean]> = [
    ['email', (c) => EMAIL.test(c)],
    ['candidate-number', (c) => CANDIDATE_NUMBER.test(c)],
    ['postcode', (c) => POSTCODE.test(c)],
    ['date-of-birth', (c) => column !== options.dateColumn && looksLikeBirthDate(c, options.asOf)],
  ];
  for (const [kind, test] of checks) {
    const index = cells.findIndex((c) => c !== '' && test(c));
    if (index >= 0) return found(kind, index);
  }
  const names = firstNameCell(cells);
  return names === null ? null : found('names', names);
}

function looksLikeBirthDate(cell: string, asOf: string): boolean {
  const date = parseDateCell(cell);
  if (date === null || date === INVALID) return false;
  const age = yearsBetween(date, asOf);
  return age >= YOUNGEST && age <= OLDEST;
}

/**
 * A column of names: most filled cells are shaped like personal names (capitalised words such as `Emma`,
 * `Emma Smith`, `O'Neill`, `McLean`, `SMITH, Emma`) and they are mostly different from each other. Group
 * names, yes/no answers and codes repeat or contain digits, so they do not count. Returns the index of the
 * first name, or null.
 */
function firstNameCell(cells: readonly string[]): number | null {
  const filled = cells.filter((c) => c !== '');
  const nameIndexes = cells.flatMap((c, i) => (c !== '' && isNameShaped(c) ? [i] : []));
  if (filled.length === 0 || nameIndexes.length < Math.min(3, filled.length)) return null;
  if (nameIndexes.length / filled.length < 0.6) return null;
  const distinct = new Set(nameIndexes.map((i) => (cells[i] as string).toLowerCase())).size;
  if (distinct / nameIndexes.length < 0.5) return null;
  return nameIndexes[0] as number;
}

/** Words a table holds that are shaped like names but are not: answers, groups, levels, months. */
const NOT_NAMES = new Set(
  (
    'yes no true false intervention comparison control treatment all none other unknown boy girl male female ' +
    'present absent good excellent fair poor high medium low developing consolidating secure achieved ' +
    'early first second third fourth senior primary secondary january february march april may june july august ' +
    'september october november december monday tuesday wednesday thursday friday saturday sunday ' +
    'term autumn spring summer winter pre post before after'
  ).split(' '),
);

const PARTICLES = new Set(['de', 'da', 'di', 'du', 'van', 'von', 'der', 'den', 'le', 'la', 'bin', 'al', 'el', 'ben']);
/** A capitalised name word: Emma, O'Neill, McLean, MacDonald, Anne-Marie. */
const NAME_WORD = /^(?:Mc|Mac|O['’])?\p{Lu}\p{Ll}+(?:['’-]\p{Lu}?\p{Ll}+)*$/u;
/** A surname in capitals, as school information systems export it: SMITH, O'NEILL. */
const CAPITAL_WORD = /^\p{Lu}{2,}(?:['’-]\p{Lu}+)*$/u;

function isNameShaped(cell: string): boolean {
  const words = cell.replace(/,\s*/g, ' ').split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 4) return false;
  if (words.length === 1 && NOT_NAMES.has((words[0] as string).toLowerCase())) return false;
  let named = 0;
  for (const [i, word] of words.entries()) {
    if (NAME_WORD.test(word)) named += 1;
    else if (!(CAPITAL_WORD.test(word) && words.length > 1) && !(PARTICLES.has(word) && i > 0 && i < words.length - 1))
      return false;
  }
  if (words.every((w) => NOT_NAMES.has(w.toLowerCase()))) return false;
  // At least one word in ordinary capitals: `SMITH EMMA` alone could as well be a code or a heading.
  return named >= 1;
}

const KIND_WORDS: Record<PersonalDataKind, string> = {
  names: 'names',
  email: 'e-mail addresses',
  'date-of-birth': 'dates of birth',
  'candidate-number': 'Scottish Candidate Numbers',
  postcode: 'postcodes',
  address: 'home addresses',
};

/** What a finding says the column holds, in words: `e-mail addresses`. */
export function personalDataWords(kind: PersonalDataKind): string {
  return KIND_WORDS[kind];
}

/** Why sipp thinks so, where the kind of data alone does not say: by the heading, or what the values are like. */
export function personalDataReason(finding: PersonalDataFinding): string {
  if (finding.by === 'heading') return 'by its heading';
  if (finding.kind === 'date-of-birth') return `dates that would make a learner ${YOUNGEST} to ${OLDEST} years old`;
  if (finding.kind === 'candidate-number') return 'nine-digit numbers, the form of a Scottish Candidate Number';
  return '';
}
