// When an answer in a record counts as given: what `sipp status` uses to decide what is still missing.
import type { PathSegment } from '../records/source.js';

/**
 * An answer is empty when it is absent, null, blank text or an empty list. A list or a group of answers whose
 * every item is empty is empty too (`successCriteria: ['']`). Numbers and true/false are always answers: 0 is one.
 */
export function isEmptyAnswer(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.every(isEmptyAnswer);
  if (typeof value === 'object') return Object.values(value).every(isEmptyAnswer);
  return false;
}

/** The value at a path in record data, or undefined when the path does not exist. */
export function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let node: unknown = data;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    if (Array.isArray(node)) {
      if (typeof segment !== 'number') return undefined;
      node = node[segment];
    } else {
      if (!Object.hasOwn(node, segment)) return undefined;
      node = (node as Record<string, unknown>)[String(segment)];
    }
  }
  return node;
}
