// Locating and reading sipp's shipped assets: the JSON Schemas and the built-in briefing templates.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SchemaSet } from '../core/validate/validator.js';

/** The installed package's root (the folder holding package.json, schemas/ and templates/). */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const SCHEMAS_DIR = path.join(PACKAGE_ROOT, 'schemas');
export const TEMPLATES_DIR = path.join(PACKAGE_ROOT, 'templates');
/**
 * Each enquiry method keeps its own schemas and templates beside its code (src/methods/<id>/schemas and
 * templates; the build copies them into dist/methods/<id>/), so this is `src/methods` or `dist/methods`.
 */
export const METHODS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'methods');

/** The folders holding a kind of asset (`schemas` or `templates`): the shared one, then each method's. */
export function assetDirs(kind: 'schemas' | 'templates'): string[] {
  const shared = kind === 'schemas' ? SCHEMAS_DIR : TEMPLATES_DIR;
  const methods = existsSync(METHODS_DIR)
    ? readdirSync(METHODS_DIR, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => path.join(METHODS_DIR, e.name, kind))
        .filter((dir) => existsSync(dir))
        .sort()
    : [];
  return [shared, ...methods];
}

/** Every shipped schema file, by file name (`question.schema.json`) with its absolute path. */
export function schemaFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const dir of assetDirs('schemas')) {
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.schema.json'))
      .sort()) {
      const existing = files.get(file);
      // Schemas are copied flat into a project's .sipp/schemas/, so two methods cannot share a file name.
      if (existing) throw new Error(`Two shipped schemas are called ${file}: ${existing} and ${path.join(dir, file)}`);
      files.set(file, path.join(dir, file));
    }
  }
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * The schema files a project of `method` needs a copy of: the shared ones and that method's own. (A project copies
 * only its methods' schemas, so that a change to another method's never touches it.)
 */
export function schemaFilesFor(method: string): Map<string, string> {
  const own = path.join(METHODS_DIR, method, 'schemas');
  return new Map(
    [...schemaFiles()].filter(([, absolute]) => {
      const dir = path.dirname(absolute);
      return dir === SCHEMAS_DIR || dir === own;
    }),
  );
}

let schemaCache: SchemaSet | undefined;

/** Every shipped schema, by file name (`question.schema.json`). */
export function readSchemas(): SchemaSet {
  if (!schemaCache) {
    schemaCache = new Map(
      [...schemaFiles()].map(([file, absolute]) => [
        file,
        JSON.parse(readFileSync(absolute, 'utf8')) as Record<string, unknown>,
      ]),
    );
  }
  return schemaCache;
}

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}
