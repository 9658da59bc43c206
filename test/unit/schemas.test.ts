// The shipped JSON Schemas: valid draft 2020-12, self-describing for editors, strict about keys, and in step with
// the generated record types.
import { readFileSync } from 'node:fs';
import { schemaFiles as sippSchemaFiles } from '../../src/project/assets.js';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formatsPlugin from 'ajv-formats';
import { describe, expect, it } from 'vitest';

// ajv-formats is CommonJS; under NodeNext its default export arrives as the module object.
const addFormats = formatsPlugin as unknown as typeof formatsPlugin.default;

type Schema = Record<string, unknown>;

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// The shared schemas and each method's own (src/methods/<id>/schemas/), as sipp ships them.
const shippedSchemas = sippSchemaFiles();
const schemaFiles = [...shippedSchemas.keys()];
const schemas = new Map(
  [...shippedSchemas].map(([f, absolute]) => [f, JSON.parse(readFileSync(absolute, 'utf8')) as Schema]),
);

/** Every subschema below `node`, with a readable location such as `measures.schema.json#/properties/results`. */
function subschemas(node: unknown, where: string): { schema: Schema; where: string }[] {
  if (node === null || typeof node !== 'object') return [];
  if (Array.isArray(node)) return node.flatMap((n, i) => subschemas(n, `${where}/${i}`));
  const schema = node as Schema;
  const found = [{ schema, where }];
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'properties' || key === '$defs' || key === 'patternProperties') {
      for (const [name, child] of Object.entries(value as Record<string, unknown>)) {
        found.push(...subschemas(child, `${where}/${key}/${name}`));
      }
    } else if (['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains'].includes(key)) {
      found.push(...subschemas(value, `${where}/${key}`));
    } else if (['allOf', 'anyOf', 'oneOf', 'prefixItems'].includes(key)) {
      found.push(...subschemas(value, `${where}/${key}`));
    }
  }
  return found;
}

/** The schema a `$ref` such as `common.schema.json#/$defs/text` points at. */
function resolveRef(ref: string, from: string): Schema | undefined {
  const [file, pointer = ''] = ref.split('#');
  const target = schemas.get(file || from);
  return pointer
    .split('/')
    .filter(Boolean)
    .reduce<unknown>((node, key) => (node as Schema | undefined)?.[key], target) as Schema | undefined;
}

/** Whether editors have words to show for a property: its own title or description, or its `$ref`'s. */
function isDescribed(property: Schema, file: string): boolean {
  if (typeof property.description === 'string' || typeof property.title === 'string') return true;
  if (typeof property.$ref !== 'string') return false;
  const target = resolveRef(property.$ref, file);
  return target !== undefined && isDescribed(target, file);
}

function isObjectSchema(schema: Schema): boolean {
  const type = schema.type;
  return type === 'object' || (Array.isArray(type) && type.includes('object')) || 'properties' in schema;
}

describe('the JSON Schemas in schemas/', () => {
  it('include the project file, the five records and the shared definitions', () => {
    for (const name of ['sipp', 'common', 'question', 'baseline', 'intervention', 'measures', 'reflections']) {
      expect(schemaFiles).toContain(`${name}.schema.json`);
    }
  });

  it.each(schemaFiles)('%s is a valid draft 2020-12 schema with an $id that is its file name', (file) => {
    const schema = schemas.get(file)!;
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(file);
    expect(typeof schema.title).toBe('string');
    expect(typeof schema.description).toBe('string');
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
  });

  it('compile together in strict mode, with every $ref resolved', () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv, ['date']);
    for (const schema of schemas.values()) ajv.addSchema(schema);
    for (const file of schemaFiles) expect(() => ajv.getSchema(file), file).not.toThrow();
  });

  it('give every property a title or description for editors to show', () => {
    const undescribed = schemaFiles.flatMap((file) =>
      subschemas(schemas.get(file), `${file}#`).flatMap(({ schema, where }) =>
        Object.entries((schema.properties ?? {}) as Record<string, Schema>)
          .filter(([, property]) => !isDescribed(property, file))
          .map(([name]) => `${where}/properties/${name}`),
      ),
    );
    expect(undescribed).toEqual([]);
  });

  it('refuse unknown keys in every object (additionalProperties: false), so misspelt keys are reported', () => {
    const open = schemaFiles.flatMap((file) =>
      subschemas(schemas.get(file), `${file}#`)
        .filter(({ schema }) => isObjectSchema(schema) && schema.additionalProperties !== false)
        .map(({ where }) => where),
    );
    expect(open).toEqual([]);
  });

  it('name every enum value at most once', () => {
    for (const file of schemaFiles) {
      for (const { schema, where } of subschemas(schemas.get(file), `${file}#`)) {
        if (Array.isArray(schema.enum)) expect(new Set(schema.enum).size, where).toBe(schema.enum.length);
      }
    }
  });
});

describe('the generated record types (src/core/records and each method)', () => {
  it('are what `npm run gen:types` makes from the schemas today', async () => {
    // Imported through a URL so that TypeScript does not look for declarations of the plain .mjs script.
    const script = pathToFileURL(path.join(REPO_ROOT, 'scripts', 'gen-types.mjs')).href;
    const { generateTypes, typeTargets } = (await import(script)) as {
      generateTypes: (dir: string) => Promise<string>;
      typeTargets: () => Promise<{ target: string; dir?: string; generate?: () => Promise<string> }[]>;
    };
    const targets = await typeTargets();
    expect(targets.map((t) => path.relative(REPO_ROOT, t.target))).toContain(
      path.join('src', 'core', 'records', 'types.generated.ts'),
    );
    for (const { target, dir, generate } of targets) {
      const committed = readFileSync(target, 'utf8');
      const text = generate ? await generate() : await generateTypes(dir ?? '');
      expect(text, `run \`npm run gen:types\` and commit ${target}`).toBe(committed);
    }
  });
});
