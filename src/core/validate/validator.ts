// Compiling the JSON Schemas once with ajv (draft 2020-12) and validating data against one of them.
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import formatsPlugin from 'ajv-formats';

// ajv-formats is CommonJS; under NodeNext its default export arrives as the module object.
const addFormats = formatsPlugin as unknown as typeof formatsPlugin.default;

export type SchemaSet = ReadonlyMap<string, Record<string, unknown>>;

export interface SchemaValidator {
  validate(schemaFile: string, data: unknown): ErrorObject[];
}

export function createSchemaValidator(schemas: SchemaSet): SchemaValidator {
  const ajv = new Ajv2020({ allErrors: true, strict: true, verbose: true, useDefaults: false });
  addFormats(ajv, ['date']);
  for (const schema of schemas.values()) ajv.addSchema(schema);
  const compiled = new Map<string, ValidateFunction>();
  return {
    validate(schemaFile, data) {
      let fn = compiled.get(schemaFile);
      if (!fn) {
        fn = ajv.getSchema(schemaFile);
        if (!fn) throw new Error(`No schema named ${schemaFile}`);
        compiled.set(schemaFile, fn);
      }
      return fn(data) ? [] : [...(fn.errors ?? [])];
    },
  };
}
