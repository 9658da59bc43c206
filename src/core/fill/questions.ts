// `sipp fill` as pure functions: which questions a record still has empty (from its JSON Schema and its data), how
// a typed answer is read (Scottish dates, yes/no, a choice by its words), and the record's text with the answers
// written in, keeping every comment and the order of its keys.
import { isMap, isNode, isScalar, parseDocument, type Document } from 'yaml';
import type { Schema } from '../validate/describe.js';
import { isEmptyAnswer } from '../status/answers.js';
import { keepOriginalLines } from '../data/keep-lines.js';

export type QuestionKind =
  'text' | 'date' | 'number' | 'integer' | 'choice' | 'choices' | 'boolean' | 'text-list' | 'item-list';

export interface Question {
  /** Where the answer goes in the record, e.g. `['targetLearners', 'description']`. */
  path: (string | number)[];
  /** The key, as a teacher sees it in the file. */
  key: string;
  /** The help text of the schema (its description). */
  help: string;
  kind: QuestionKind;
  /** The values of a choice (`choice`: one of them; `choices`: any of them, as a list). */
  choices?: string[];
  /** The questions of one item of a list of items (`item-list`), with whether each is needed. */
  item?: (Question & { needed: boolean })[];
  /** Whether the record needs an answer here to be complete (the method's requirements). */
  needed: boolean;
}

/**
 * Keys sipp writes itself and a teacher does not answer; and `plannedGroups`, a design of numbers per group that
 * `sipp plan` reads (its flags, or the example in the record's comment, are the way in: one question at a time would
 * ask for a correlation without its groups).
 */
const NOT_ASKED = new Set(['method', 'schemaVersion', 'suppressed', 'suppression', 'plannedGroups']);

/** A schema with its `$ref` followed (within the shipped schemas), and the file its own `#` refs point into. */
export function resolveIn(
  schema: Schema | undefined,
  schemas: ReadonlyMap<string, Schema>,
  base: string,
): { schema: Schema; base: string } {
  let current: Schema = schema ?? {};
  let file = base;
  for (let depth = 0; depth < 10 && typeof current.$ref === 'string'; depth++) {
    const [target = '', pointer = ''] = (current.$ref as string).split('#');
    if (target !== '') file = target;
    const found = pointer
      .split('/')
      .filter(Boolean)
      .reduce<unknown>((node, key) => (node as Schema | undefined)?.[key], schemas.get(file));
    const own = Object.fromEntries(Object.entries(current).filter(([k]) => k !== '$ref'));
    current = { ...((found as Schema | undefined) ?? {}), ...own };
  }
  return { schema: current, base: file };
}

/** The schema alone, with its `$ref` followed. */
export function resolve(schema: Schema | undefined, schemas: ReadonlyMap<string, Schema>, base: string): Schema {
  return resolveIn(schema, schemas, base).schema;
}

function typesOf(schema: Schema): string[] {
  const type = schema.type;
  return Array.isArray(type) ? (type as string[]) : typeof type === 'string' ? [type] : [];
}

function enumOf(schema: Schema): string[] | undefined {
  const values = schema.enum;
  return Array.isArray(values) ? values.filter((v): v is string => typeof v === 'string') : undefined;
}

function questionFor(
  path: (string | number)[],
  key: string,
  schema: Schema,
  schemas: ReadonlyMap<string, Schema>,
  base: string,
  needed: boolean,
): Question | undefined {
  const help = typeof schema.description === 'string' ? schema.description : '';
  const types = typesOf(schema);
  const choices = enumOf(schema);
  if (choices) return { path, key, help, kind: 'choice', choices, needed };
  if (schema.format === 'date') return { path, key, help, kind: 'date', needed };
  if (types.includes('boolean')) return { path, key, help, kind: 'boolean', needed };
  if (types.includes('integer')) return { path, key, help, kind: 'integer', needed };
  if (types.includes('number')) return { path, key, help, kind: 'number', needed };
  if (types.includes('array')) {
    const { schema: items, base: itemBase } = resolveIn(schema.items as Schema | undefined, schemas, base);
    if (items.properties) {
      const required = Array.isArray(items.required) ? (items.required as string[]) : [];
      const item = Object.entries(items.properties as Record<string, Schema>).flatMap(([k, s]) => {
        if (NOT_ASKED.has(k)) return [];
        const field = resolveIn(s, schemas, itemBase);
        const q = questionFor([k], k, field.schema, schemas, field.base, required.includes(k));
        return q && q.kind !== 'item-list' ? [{ ...q, needed: required.includes(k) }] : [];
      });
      return { path, key, help, kind: 'item-list', item, needed };
    }
    const listed = enumOf(items);
    if (listed) return { path, key, help, kind: 'choices', choices: listed, needed };
    if (typesOf(items).includes('string')) return { path, key, help, kind: 'text-list', needed };
    return undefined;
  }
  if (types.includes('string') || types.length === 0) return { path, key, help, kind: 'text', needed };
  return undefined;
}

/**
 * The questions of a record still empty in `data`, in the schema's order, one level into groups of keys
 * (`targetLearners: description, stages, …`). `needed` paths are the method's required answers.
 */
export function emptyQuestions(
  schema: Schema,
  data: unknown,
  schemas: ReadonlyMap<string, Schema>,
  base: string,
  needed: readonly (readonly (string | number)[])[] = [],
): Question[] {
  const isNeeded = (path: readonly (string | number)[]): boolean =>
    needed.some((n) => n.length === path.length && n.every((p, i) => p === path[i]));
  const out: Question[] = [];
  const visit = (node: Schema, nodeBase: string, value: unknown, path: (string | number)[], depth: number): void => {
    const properties = (node.properties ?? {}) as Record<string, Schema>;
    for (const [key, raw] of Object.entries(properties)) {
      if (NOT_ASKED.has(key)) continue;
      const { schema: property, base: propertyBase } = resolveIn(raw, schemas, nodeBase);
      const here = [...path, key];
      const current = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
      if (property.properties && !typesOf(property).includes('array')) {
        if (depth < 1) visit(property, propertyBase, current, here, depth + 1);
        continue;
      }
      if (!isEmptyAnswer(current)) continue;
      const question = questionFor(here, key, property, schemas, propertyBase, isNeeded(here));
      if (question) out.push(question);
    }
  };
  const root = resolveIn(schema, schemas, base);
  visit(root.schema, root.base, data, [], 0);
  return out;
}

/** A value read from a typed answer, or why it cannot be read (in a teacher's words). */
export type Read = { ok: true; value: unknown } | { ok: false; why: string };

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** A date as people write it in Scotland (3/10/2026 is 3 October 2026; 3 Oct 2026; 2026-10-03) as YYYY-MM-DD. */
export function readDate(text: string): Read {
  const t = text.trim();
  let day: number;
  let month: number;
  let year: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const uk = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(t);
  const words = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?\s+(\d{4})$/i.exec(t);
  if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (uk) {
    day = Number(uk[1]);
    month = Number(uk[2]);
    year = (uk[3] as string).length === 2 ? 2000 + Number(uk[3]) : Number(uk[3]);
  } else if (words) {
    const index = MONTHS.findIndex((m) => m.startsWith((words[2] as string).toLowerCase().slice(0, 3)));
    if (index === -1) return { ok: false, why: `"${t}" is not a date: write it as 3/10/2026 or 3 October 2026.` };
    [day, month, year] = [Number(words[1]), index + 1, Number(words[3])];
  } else return { ok: false, why: `"${t}" is not a date: write it as 3/10/2026 (day/month/year) or 3 October 2026.` };
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return { ok: false, why: `There is no such day as ${t}: check the day and the month (day first, then month).` };
  return { ok: true, value: date.toISOString().slice(0, 10) };
}

/** A typed answer as the value the record takes. An empty answer is never read (it leaves the question). */
export function readAnswer(question: Question, text: string): Read {
  const t = text.trim();
  switch (question.kind) {
    case 'date':
      return readDate(t);
    case 'integer':
    case 'number': {
      const value = Number(t.replace(',', '.'));
      if (!Number.isFinite(value))
        return { ok: false, why: `"${t}" is not a number: write it in figures, for example 24.` };
      if (question.kind === 'integer' && !Number.isInteger(value))
        return { ok: false, why: `"${t}" is not a whole number.` };
      return { ok: true, value };
    }
    case 'boolean': {
      if (/^(y|yes|true|aye)$/i.test(t)) return { ok: true, value: true };
      if (/^(n|no|false|nae)$/i.test(t)) return { ok: true, value: false };
      return { ok: false, why: 'Answer yes or no.' };
    }
    case 'choice': {
      const choices = question.choices ?? [];
      const exact = choices.find((c) => c.toLowerCase() === t.toLowerCase().replace(/\s+/g, '-'));
      return exact ? { ok: true, value: exact } : { ok: false, why: `Choose one of: ${choices.join(', ')}.` };
    }
    default:
      return { ok: true, value: t };
  }
}

/** The record's text with each answer written at its path, keeping comments, layout and the order of keys. */
export function withAnswers(text: string, answers: readonly { path: (string | number)[]; value: unknown }[]): string {
  const doc = hoisted(parseDocument(text));
  for (const { path, value } of answers) {
    const node = doc.createNode(value);
    const old = doc.getIn(path, true);
    if (isNode(old) && old.commentBefore !== undefined) node.commentBefore = old.commentBefore;
    doc.setIn(path, node);
  }
  // yaml writes some things its own way (folded text on one line); lines the answers left alone stay as they were.
  const normalised = hoisted(parseDocument(text)).toString(STRINGIFY);
  return keepOriginalLines(text, normalised, doc.toString(STRINGIFY)).replace(/^(\s*(?:- )?[\w-]+): $/gm, '$1:');
}

/**
 * yaml keeps the comment lines after an empty answer (`question:`, then `# The focus theme…`) on the empty value,
 * and writes them after it on its line; they are the next key's help. Each goes back before the key it belongs to.
 */
function hoisted(doc: Document.Parsed): Document.Parsed {
  const walk = (map: unknown, path: (string | number)[]): void => {
    if (!isMap(map)) return;
    for (const pair of map.items) {
      if (!isScalar(pair.key)) continue;
      const here = [...path, pair.key.value as string | number];
      const value = pair.value;
      if (isScalar(value) && (value.value === null || value.value === '') && typeof value.comment === 'string') {
        moveToNextKey(doc, here, value.comment);
        value.comment = undefined;
      } else walk(value, here);
    }
  };
  walk(doc.contents, []);
  return doc;
}

const STRINGIFY = { lineWidth: 0, indentSeq: true, nullStr: '' } as const;

/**
 * yaml keeps the comment lines after an empty answer on the empty value itself; once the answer is written they
 * would trail it on its line. They belong to the key after it (in this group, or the one the group is in).
 */
function moveToNextKey(doc: Document, path: readonly (string | number)[], comment: string): void {
  for (let depth = path.length; depth > 0; depth--) {
    const parent = depth === 1 ? doc.contents : doc.getIn(path.slice(0, depth - 1), true);
    if (!isMap(parent)) continue;
    const index = parent.items.findIndex((pair) => isScalar(pair.key) && pair.key.value === path[depth - 1]);
    const next = parent.items[index + 1];
    if (index >= 0 && next && isScalar(next.key)) {
      next.key.commentBefore = next.key.commentBefore ? `${comment}\n${next.key.commentBefore}` : comment;
      return;
    }
  }
  doc.comment = doc.comment ? `${comment}\n${doc.comment}` : comment;
}
