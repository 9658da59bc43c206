// Locating and reading sipp's shipped assets: the JSON Schemas and the built-in briefing templates.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SchemaSet } from '../core/validate/validator.js';

/** The installed package's root (the folder holding package.json, schemas/ and templates/). */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const SCHEMAS_DIR = path.join(PACKAGE_ROOT, 'schemas');
export const TEMPLATES_DIR = path.join(PACKAGE_ROOT, 'templates');

let schemaCache: SchemaSet | undefined;

/** Every shipped schema, by file name (`question.schema.json`). */
export function readSchemas(): SchemaSet {
  if (!schemaCache) {
    const files = readdirSync(SCHEMAS_DIR).filter((f) => f.endsWith('.schema.json')).sort();
    schemaCache = new Map(files.map((f) => [f, JSON.parse(readFileSync(path.join(SCHEMAS_DIR, f), 'utf8')) as Record<string, unknown>]));
  }
  return schemaCache;
}

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}
