// Compiling the JSON Schemas once with ajv (draft 2020-12) and validating data against one of them.
import { createRequire } from 'node:module';
import type * as Ajv2020Module from 'ajv/dist/2020.js';
import type { Ajv2020, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import type formatsPlugin from 'ajv-formats';

export type SchemaSet = ReadonlyMap<string, Record<string, unknown>>;

export interface SchemaValidator {
  /** Whether a schema of that file name is known (a method's own records may have none). */
  has(schemaFile: string): boolean;
  validate(schemaFile: string, data: unknown): ErrorObject[];
}

const validators = new WeakMap<SchemaSet, SchemaValidator>();

/** One validator per schema set, so each schema is compiled once however many commands validate. */
export function createSchemaValidator(schemas: SchemaSet): SchemaValidator {
  let validator = validators.get(schemas);
  if (!validator) {
    validator = compilingValidator(schemas);
    validators.set(schemas, validator);
  }
  return validator;
}

// ajv is loaded only when a file actually needs checking: when every file's result is remembered
// (src/project/file-cache.ts), loading and setting it up would be most of the run.
const require = createRequire(import.meta.url);

function newAjv(schemas: SchemaSet): Ajv2020 {
  const { Ajv2020: Ajv } = require('ajv/dist/2020.js') as typeof Ajv2020Module;
  // ajv-formats is CommonJS: its export is the plugin function itself.
  const addFormats = require('ajv-formats') as typeof formatsPlugin.default;
  // verbose: errors carry the offending data and the schema around it, which the messages quote.
  // validateSchema: false, because the shipped schemas are checked against the draft 2020-12 meta-schema by
  // test/unit/schemas.test.ts; compiling the meta-schema again on every run was a third of ajv's start-up.
  const ajv = new Ajv({ allErrors: true, strict: true, verbose: true, useDefaults: false, validateSchema: false });
  addFormats(ajv, ['date']);
  for (const schema of schemas.values()) ajv.addSchema(schema);
  return ajv;
}

function compilingValidator(schemas: SchemaSet): SchemaValidator {
  let ajv: Ajv2020 | undefined;
  const compiled = new Map<string, ValidateFunction>();
  const compiledOf = (schemaFile: string): ValidateFunction | undefined => {
    let fn = compiled.get(schemaFile);
    if (!fn && schemas.has(schemaFile)) {
      ajv ??= newAjv(schemas);
      fn = ajv.getSchema(schemaFile);
      if (fn) compiled.set(schemaFile, fn);
    }
    return fn;
  };
  return {
    has: (schemaFile) => schemas.has(schemaFile),
    validate(schemaFile, data) {
      const fn = compiledOf(schemaFile);
      if (!fn) throw new Error(`No schema named ${schemaFile}`);
      return fn(data) ? [] : [...(fn.errors ?? [])];
    },
  };
}
