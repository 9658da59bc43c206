// The bundled example projects (examples/, shipped with sipp) as a source of filled-in records: the first item of
// each list, shown commented under the empty list of a new record, and whole records for `sipp guide <method>`.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { PACKAGE_ROOT } from './assets.js';

export const EXAMPLES_DIR = path.join(PACKAGE_ROOT, 'examples');

/** The method of each bundled example project's first cycle folder, in name order. */
function exampleCycles(): { method: string; dir: string }[] {
  if (!existsSync(EXAMPLES_DIR)) return [];
  const found: { method: string; dir: string }[] = [];
  for (const project of readdirSync(EXAMPLES_DIR).sort()) {
    const root = path.join(EXAMPLES_DIR, project);
    let data: { method?: unknown } | undefined;
    try {
      data = parse(readFileSync(path.join(root, 'sipp.yaml'), 'utf8')) as { method?: unknown } | undefined;
    } catch {
      continue;
    }
    const cycles = path.join(root, 'cycles');
    const first = existsSync(cycles)
      ? readdirSync(cycles)
          .sort()
          .find((f) => /^\d{2,}-/.test(f))
      : undefined;
    const method = typeof data?.method === 'string' ? data.method : 'car';
    if (first) found.push({ method, dir: path.join(cycles, first) });
  }
  return found;
}

/** The first cycle folder of the bundled example whose sipp.yaml names this method, if there is one. */
export function exampleCycleDir(method: string): string | undefined {
  return exampleCycles().find((c) => c.method === method)?.dir;
}

/** The text of a record of the method's example cycle (`question`, `pdsa`, …), if there is one. */
export function exampleRecordText(method: string, record: string): string | undefined {
  const dir = exampleCycleDir(method);
  const file = dir && path.join(dir, `${record}.yaml`);
  return file && existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/** One item as an example: its lists cut to their first item, so the example stays a few lines long. */
function trimmed(value: unknown): unknown {
  if (Array.isArray(value)) return value.length === 0 ? [] : [trimmed(value[0])];
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, trimmed(v)]));
  return value;
}

/**
 * For a record, the first item of each top-level list, by key: from the method's own example first,
 * then (a list its example leaves empty) from the other examples, which share the five records of the spine.
 */
export function exampleItems(method: string, record: string): Map<string, unknown> {
  const items = new Map<string, unknown>();
  const cycles = exampleCycles().sort((a, b) => Number(b.method === method) - Number(a.method === method));
  for (const cycle of cycles) {
    const file = path.join(cycle.dir, `${record}.yaml`);
    if (!existsSync(file)) continue;
    let data: unknown;
    try {
      data = parse(readFileSync(file, 'utf8'));
    } catch {
      continue;
    }
    if (!data || typeof data !== 'object') continue;
    for (const [key, value] of Object.entries(data)) {
      if (items.has(key) || !Array.isArray(value) || value.length === 0) continue;
      if (value[0] !== null && value[0] !== undefined && !Array.isArray(value[0])) items.set(key, trimmed(value[0]));
    }
  }
  return items;
}
