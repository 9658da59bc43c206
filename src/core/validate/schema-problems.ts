// Turning ajv's errors into Problems at the offending key or value: one message per mistake, in plain words.
import type { ErrorObject } from 'ajv';
import type { Problem } from '../problems.js';
import { pointerToPath, positionOf, type PathSegment, type SourceFile } from '../records/source.js';
import type { Schema } from './describe.js';
import {
  duplicateItemMessage,
  emptyTextMessage,
  listLengthMessage,
  missingKeyMessage,
  ownerOf,
  suggestedKey,
  textLengthMessage,
  unknownKeyMessage,
  wrongValueMessage,
} from './messages.js';

/** A file with more problems than this is probably not a record at all; listing them all helps nobody. */
export const MAX_PROBLEMS_PER_FILE = 100;

/** Keywords about an object's keys rather than about its value. */
const KEY_KEYWORDS = new Set([
  'required',
  'additionalProperties',
  'unevaluatedProperties',
  'dependentRequired',
  'propertyNames',
]);

/** Rule ids of value problems, by the first keyword that failed (a wrong type is `type` whatever else failed). */
const RULE_OF_KEYWORD: ReadonlyArray<readonly [string, string]> = [
  ['enum', 'enum'],
  ['const', 'const'],
  ['format', 'format'],
  ['pattern', 'pattern'],
  ['minimum', 'range'],
  ['maximum', 'range'],
  ['exclusiveMinimum', 'range'],
  ['exclusiveMaximum', 'range'],
];

/** Keywords that only say "a branch failed": the branch's own errors say more. */
const SUMMARY_KEYWORDS = new Set(['anyOf', 'oneOf', 'allOf', 'if', 'then', 'else', '$ref']);

interface Draft {
  path: PathSegment[];
  target: 'key' | 'value';
  message: string;
  rule: string;
}

export function schemaProblems(file: SourceFile, errors: readonly ErrorObject[]): Problem[] {
  const drafts: Draft[] = [];
  let remaining = 0;
  for (const [pointer, group] of groupByPlace(errors)) {
    if (drafts.length >= MAX_PROBLEMS_PER_FILE) {
      remaining += group.length;
      continue;
    }
    const path = pointerToPath(pointer);
    const keyErrors = group.filter((e) => KEY_KEYWORDS.has(e.keyword));
    const valueErrors = group.filter((e) => !KEY_KEYWORDS.has(e.keyword));
    drafts.push(...keyDrafts(file, path, keyErrors));
    const value = valueDraft(path, valueErrors);
    if (value) drafts.push(value);
  }
  const problems = drafts.slice(0, MAX_PROBLEMS_PER_FILE).map((d) => toProblem(file, d));
  if (drafts.length > MAX_PROBLEMS_PER_FILE || remaining > 0) {
    problems.push({
      file: file.file,
      line: 1,
      column: 1,
      message: `This file has more than ${MAX_PROBLEMS_PER_FILE} problems; sipp lists the first ${MAX_PROBLEMS_PER_FILE}. Is it the right file? Fix those and run sipp validate again.`,
      rule: 'too-many-problems',
      severity: 'error',
    });
  }
  return problems;
}

function toProblem(file: SourceFile, draft: Draft): Problem {
  const at = positionOf(file, draft.path, draft.target);
  return {
    file: file.file,
    line: at.line,
    column: at.column,
    message: draft.message,
    rule: draft.rule,
    severity: 'error',
  };
}

/** ajv's errors grouped by the value they are about, in the order ajv found them. */
function groupByPlace(errors: readonly ErrorObject[]): Map<string, ErrorObject[]> {
  const groups = new Map<string, ErrorObject[]>();
  for (const error of errors) {
    const group = groups.get(error.instancePath);
    if (group) group.push(error);
    else groups.set(error.instancePath, [error]);
  }
  return groups;
}

/** Unknown and missing keys of one object. A misspelt required key is one mistake, reported once, as unknown. */
function keyDrafts(file: SourceFile, path: PathSegment[], errors: readonly ErrorObject[]): Draft[] {
  if (errors.length === 0) return [];
  const object = errors[0]?.data;
  const present = object !== null && typeof object === 'object' ? Object.keys(object) : [];
  const drafts: Draft[] = [];
  const suggested = new Set<string>();
  for (const error of errors) {
    if (error.keyword !== 'additionalProperties' && error.keyword !== 'unevaluatedProperties') continue;
    const params = error.params as { additionalProperty?: string; unevaluatedProperty?: string };
    const key = String(params.additionalProperty ?? params.unevaluatedProperty ?? '');
    const allowed = allowedKeys(error.parentSchema);
    const suggestion = suggestedKey(key, allowed, present);
    if (suggestion) suggested.add(suggestion);
    drafts.push({
      path: [...path, key],
      target: 'key',
      message: unknownKeyMessage(key, allowed, present),
      rule: 'unknown-key',
    });
  }
  for (const error of errors) {
    if (error.keyword === 'required') {
      const key = String((error.params as { missingProperty: string }).missingProperty);
      if (suggested.has(key)) continue;
      drafts.push({
        path,
        target: 'key',
        message: missingKeyMessage(key, ownerOf(error.parentSchema, path, file.file)),
        rule: 'missing-key',
      });
    } else if (error.keyword === 'dependentRequired') {
      const { property, missingProperty } = error.params as { property: string; missingProperty: string };
      drafts.push({
        path,
        target: 'key',
        message: `\`${missingProperty}\` is missing: it is needed when \`${property}\` is given`,
        rule: 'missing-key',
      });
    } else if (error.keyword === 'propertyNames') {
      const key = String((error.params as { propertyName?: string }).propertyName ?? '');
      drafts.push({
        path: [...path, key],
        target: 'key',
        message: `The key \`${key}\` is not allowed here.`,
        rule: 'unknown-key',
      });
    }
  }
  return drafts;
}

function allowedKeys(schema: Schema | undefined): string[] {
  const properties = schema?.properties;
  return properties !== null && typeof properties === 'object' ? Object.keys(properties) : [];
}

/**
 * One message for everything wrong with one value. ajv reports a value of the wrong type once per keyword
 * (`type` and `enum` for `decision: 5`); the schemas those errors come from are merged, so the message says
 * in one go what a valid value looks like.
 */
function valueDraft(path: PathSegment[], errors: readonly ErrorObject[]): Draft | null {
  const specific = errors.filter((e) => !SUMMARY_KEYWORDS.has(e.keyword));
  const first = specific[0] ?? errors[0];
  if (!first) return null;
  const found: unknown = first.data;
  const schema = mergedSchema(specific.length > 0 ? specific : errors);
  const has = (keyword: string): ErrorObject | undefined => specific.find((e) => e.keyword === keyword);
  const value = (message: string, rule: string, at: PathSegment[] = path): Draft => ({
    path: at,
    target: 'value',
    message,
    rule,
  });

  if (has('type')) return value(wrongValueMessage(path, schema, found), 'type');
  const duplicate = has('uniqueItems');
  if (duplicate && Array.isArray(found)) {
    const { i, j } = duplicate.params as { i: number; j: number };
    const later = Math.max(i, j);
    return value(duplicateItemMessage(path, found[later]), 'unique-items', [...path, later]);
  }
  if ((has('minLength') || has('maxLength')) && typeof found === 'string') {
    return found === ''
      ? value(emptyTextMessage(path), 'empty')
      : value(textLengthMessage(path, schema, found), 'length');
  }
  if (has('minItems') || has('maxItems')) return value(listLengthMessage(path, schema, found), 'list-length');
  if (has('minProperties')) return value(emptyTextMessage(path), 'empty');
  const rule = RULE_OF_KEYWORD.find(([keyword]) => has(keyword))?.[1] ?? 'value';
  return value(wrongValueMessage(path, schema, found), rule);
}

/** The schemas behind a value's errors, merged (a `$ref` and its siblings describe the same value). */
function mergedSchema(errors: readonly ErrorObject[]): Schema {
  const merged: Schema = {};
  for (const error of [...errors].reverse()) {
    const parent = error.parentSchema;
    if (parent && typeof parent === 'object') Object.assign(merged, parent);
  }
  return merged;
}
