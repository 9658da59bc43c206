// The sentences sipp validate prints for schema problems, in words a teacher understands (no schema jargon).
import type { PathSegment } from '../records/source.js';
import { describeFound, enumValues, expectation, literal, typesOf, type Schema } from './describe.js';
import { closestMatch } from './suggest.js';
import { booleanHint, countHint, dateHint, meaningHint } from './meaning.js';

/** How to name the answer at a path: `` `n` ``, `` item 2 of `stages` ``. */
export function nameOf(path: readonly PathSegment[]): string {
  const last = path[path.length - 1];
  if (last === undefined) return 'this file';
  if (typeof last === 'string') return `\`${last}\``;
  const parent = path[path.length - 2];
  return typeof parent === 'string' ? `item ${last + 1} of \`${parent}\`` : `item ${last + 1}`;
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What a missing answer is, after "needs": "a name", "the number of learners (n)". */
const NEEDED: Record<string, string> = {
  audience: 'an audience',
  change: 'a description of the change',
  date: 'a date',
  id: 'an id',
  measure: 'the id of a measure',
  method: 'an enquiry method (for example `method: car`)',
  n: 'the number of learners (n)',
  name: 'a name',
  reason: 'a reason',
  schemaVersion: 'the file format version (`schemaVersion: 1`)',
  title: 'a title',
  value: 'a value',
};

function needed(key: string): string {
  return Object.hasOwn(NEEDED, key) ? (NEEDED[key] as string) : `\`${key}\``;
}

/** Who needs the answer: "sipp.yaml" for a top-level key, "every school" for a key inside a titled item. */
export function ownerOf(
  objectSchema: Schema | undefined,
  path: readonly PathSegment[],
  file: string,
): string | undefined {
  if (path.length === 0) return file.split('/').pop();
  const title = objectSchema?.title;
  return typeof title === 'string' && title !== ''
    ? `every ${title.charAt(0).toLowerCase()}${title.slice(1)}`
    : undefined;
}

/** `` `name` is missing: every school needs a name `` */
export function missingKeyMessage(key: string, owner: string | undefined): string {
  return owner ? `\`${key}\` is missing: ${owner} needs ${needed(key)}` : `\`${key}\` is missing here`;
}

/** `` Unknown key `predicton`. Did you mean `prediction`? `` or, with no close match, the keys allowed there. */
export function unknownKeyMessage(key: string, allowed: readonly string[], present: readonly string[]): string {
  const shown = key === '' ? 'A value here has no key in front of it' : `Unknown key \`${key}\``;
  const candidates = allowed.filter((k) => !present.includes(k));
  const suggestion = key === '' ? undefined : closestMatch(key, candidates);
  if (suggestion) return `${shown}. Did you mean \`${suggestion}\`?`;
  if (allowed.length === 0) return `${shown}. Nothing else is allowed here.`;
  return `${shown}. The keys allowed here are: ${allowed.join(', ')}.`;
}

/** The suggestion an unknown key message makes, so a "missing" message for the same key can be dropped. */
export function suggestedKey(key: string, allowed: readonly string[], present: readonly string[]): string | undefined {
  return key === ''
    ? undefined
    : closestMatch(
        key,
        allowed.filter((k) => !present.includes(k)),
      );
}

/** `` `stages` lists P4 twice. Keep one. `` */
export function duplicateItemMessage(path: readonly PathSegment[], item: unknown): string {
  const what = typeof item === 'string' || typeof item === 'number' ? literal(item) : 'the same item';
  return `${sentence(nameOf(path))} lists ${what} twice. Keep one.`;
}

/** `` `name` must not be empty `` */
export function emptyTextMessage(path: readonly PathSegment[]): string {
  return `${sentence(nameOf(path))} must not be empty. Write an answer, or remove the line if it is optional.`;
}

/** How many items a list needs or allows. */
export function listLengthMessage(path: readonly PathSegment[], schema: Schema, found: unknown): string {
  const count = Array.isArray(found) ? found.length : 0;
  const items = (n: number): string => `${n} item${n === 1 ? '' : 's'}`;
  if (typeof schema.minItems === 'number' && count < schema.minItems) {
    return `${sentence(nameOf(path))} must list at least ${items(schema.minItems)}, but it lists ${count}.`;
  }
  return `${sentence(nameOf(path))} must list at most ${items(Number(schema.maxItems))}, but it lists ${count}.`;
}

/** How long a text may be. */
export function textLengthMessage(path: readonly PathSegment[], schema: Schema, found: string): string {
  if (typeof schema.minLength === 'number' && found.length < schema.minLength) {
    return `${sentence(nameOf(path))} must be at least ${schema.minLength} characters long, got ${describeFound(found)}`;
  }
  return `${sentence(nameOf(path))} must be at most ${Number(schema.maxLength)} characters long (it has ${found.length}).`;
}

/**
 * `` `n` must be a whole number of 0 or more, got "twelve" ``; for a fixed list of values
 * `` `decision` must be one of: adopt, adapt, abandon, scale, continue; got "keep" ``, with a hint where one helps.
 */
export function wrongValueMessage(path: readonly PathSegment[], schema: Schema, found: unknown): string {
  const expected = expectation(schema);
  const separator = expected.startsWith('one of:') ? ';' : ',';
  const hint = hintByMeaning(path, schema, found) ?? hintFor(schema, found);
  return `${sentence(nameOf(path))} must be ${expected}${separator} got ${describeFound(found)}${hint}`;
}

/** What the teacher meant, where the value says it in other words (meaning.ts). */
function hintByMeaning(path: readonly PathSegment[], schema: Schema, found: unknown): string | undefined {
  const shape = shapeHint(path, schema, found);
  if (shape) return shape;
  const counted = countHint(path[path.length - 1], found);
  if (counted) return counted;
  if (typeof found !== 'string') return undefined;
  const values = enumValues(schema);
  if (values) return meaningHint(values, found);
  if (schema.format === 'date') return dateHint(found);
  if (typesOf(schema).includes('boolean')) return booleanHint(found);
  return undefined;
}

/**
 * Where an item of a list should be a group of "key: value" lines and is a plain answer instead
 * (`dataSources: - Reading survey`): the keys an item takes, and the answer written in the right shape.
 */
const TEXT_KEYS = ['name', 'title', 'what', 'how', 'description', 'text', 'summary', 'note'];

function shapeHint(path: readonly PathSegment[], schema: Schema, found: unknown): string | undefined {
  const properties = schema.properties as Record<string, Schema> | undefined;
  if (!properties || !typesOf(schema).includes('object') || typeof path[path.length - 1] !== 'number') return undefined;
  if (found !== null && typeof found === 'object') return undefined;
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  const keys = [...required, ...Object.keys(properties).filter((k) => !required.includes(k))];
  const [first, second] = keys;
  if (first === undefined) return undefined;
  const value = typeof found === 'string' && found.trim() !== '' ? found.trim() : '…';
  // The answer goes under the key for text (`how` of sharedWith, not `audience`, which is one of a list).
  const textKey = keys.find((k) => TEXT_KEYS.includes(k)) ?? first;
  const other = textKey === first ? second : textKey;
  const example = [
    `- ${first}: ${textKey === first ? value : '…'}`,
    ...(other === undefined ? [] : [`  ${other}: ${other === textKey ? value : '…'}`]),
  ].join('\n      ');
  return `. Each item has the keys ${keys.map((k) => `\`${k}\``).join(', ')} (${required.length > 0 ? `${required.map((k) => `\`${k}\``).join(', ')} needed` : 'all optional'}), for example:\n      ${example}`;
}

function hintFor(schema: Schema, found: unknown): string {
  const values = enumValues(schema);
  if (values && typeof found === 'string') {
    const suggestion = closestMatch(
      found,
      values.filter((v): v is string => typeof v === 'string'),
      true,
    );
    return suggestion ? `. Did you mean ${suggestion}?` : '';
  }
  if (schema.format === 'date' && typeof found === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(found)) {
    return ', which is not a real date';
  }
  if (typeof schema.pattern === 'string' && typeof found === 'string') {
    const slug = slugOf(found);
    return slug !== '' && slug !== found && new RegExp(schema.pattern, 'u').test(slug) ? `. Did you mean ${slug}?` : '';
  }
  const plainText =
    typesOf(schema).includes('string') && !values && schema.format === undefined && schema.pattern === undefined;
  if (plainText && (typeof found === 'number' || typeof found === 'boolean')) {
    return ` (put it in quotes if it is meant as text: "${describeFound(found)}")`;
  }
  return '';
}

/** `Reading Enjoyment!` -> `reading-enjoyment`: what an id probably meant to be. */
function slugOf(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
