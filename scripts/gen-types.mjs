// Generates record types from the JSON Schemas, so they cannot drift: src/core/records/types.generated.ts from
// schemas/, and src/methods/<id>/types.generated.ts from each method's own schemas/.
// Also src/core/method/ids.generated.ts: the method ids of common.schema.json's `method` enum, the one list that
// the registry (typed by it), `--method` choices and validation share.
// `npm run gen:types` writes the files; `node scripts/gen-types.mjs --check` exits 1 when one is out of date.
import { access, readFile, readdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { compile } from 'json-schema-to-typescript';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const schemaDir = path.join(root, 'schemas');
const target = path.join(root, 'src/core/records/types.generated.ts');

const methodsDir = path.join(root, 'src/methods');

/** Every generated file and the schema folder it comes from. */
export async function typeTargets() {
  const targets = [{ target, dir: schemaDir }];
  for (const method of (await readdir(methodsDir, { withFileTypes: true })).filter((e) => e.isDirectory())) {
    const dir = path.join(methodsDir, method.name, 'schemas');
    if (await access(dir).then(() => true, () => false)) {
      targets.push({ target: path.join(methodsDir, method.name, 'types.generated.ts'), dir });
    }
  }
  targets.push({ target: path.join(root, 'src/core/method/ids.generated.ts'), generate: methodIdsText });
  return targets.sort((a, b) => (a.target < b.target ? -1 : 1));
}

/** The method ids, in the order of the schema's enum. */
export async function methodIdsText() {
  const common = JSON.parse(await readFile(path.join(schemaDir, 'common.schema.json'), 'utf8'));
  const ids = common.$defs.method.enum;
  return [
    '// Generated from schemas/common.schema.json ($defs.method.enum) by `npm run gen:types`. Do not edit by hand.',
    'export const METHOD_IDS = [',
    ...ids.map((id) => `  '${id}',`),
    '] as const;',
    '',
  ].join('\n');
}

/** The text of one generated file (by default the shared record types). */
export async function generateTypes(dir = schemaDir) {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.schema.json') && f !== 'common.schema.json').sort();
  const parts = [
    `// Generated from ${path.relative(root, dir)}/*.schema.json by \`npm run gen:types\`. Do not edit by hand.`,
    '/* eslint-disable */',
  ];
  const common = JSON.parse(await readFile(path.join(schemaDir, 'common.schema.json'), 'utf8'));
  const seen = new Set();
  for (const file of files) {
    const schema = JSON.parse(await readFile(path.join(dir, file), 'utf8'));
    const name = typeName(file);
    const inlined = inlineRefs(schema, common, schema.$defs ?? {});
    delete inlined.title;
    const ts = await compile(inlined, name, {
      cwd: schemaDir,
      bannerComment: '',
      additionalProperties: false,
      declareExternallyReferenced: true,
      format: true,
      style: { singleQuote: true, printWidth: 110 },
      strictIndexSignatures: true,
    });
    // Shared definitions appear in every file's output: keep the first declaration of each.
    for (const block of ts.split(/\n(?=export )/)) {
      const m = /^export (?:interface|type) (\w+)/.exec(block.trim());
      if (m && seen.has(m[1])) continue;
      if (m) seen.add(m[1]);
      parts.push(block.trim());
    }
  }
  return parts.join('\n\n') + '\n';
}

// Replaces every $ref to a shared definition by a copy of it (keeping the local description), and drops
// nested titles, so the generated types are plain inline shapes rather than a zoo of numbered aliases.
function inlineRefs(node, common, local = {}, isPropertyMap = false) {
  if (Array.isArray(node)) return node.map((n) => inlineRefs(n, common, local));
  if (node === null || typeof node !== 'object') return node;
  let out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && !isPropertyMap) {
      const m = /^([^#]*)#\/\$defs\/([\w-]+)$/.exec(value);
      const defs = m && (m[1] === '' ? local : common.$defs);
      const def = m && defs?.[m[2]];
      if (!def) throw new Error(`cannot inline ${value}`);
      // A shared definition's own `#/$defs/…` refs point into common.schema.json.
      out = { ...inlineRefs(def, common, defs), ...out };
    } else if (isPropertyMap || !['title', '$id', '$schema', '$defs'].includes(key)) {
      // Inside `properties`, keys are property names (a property may well be called `title`).
      out[key] = inlineRefs(value, common, local, !isPropertyMap && key === 'properties');
    }
  }
  return out;
}

function typeName(file) {
  const base = file.replace('.schema.json', '');
  const camel = base.replace(/(^|-)(\w)/g, (_, __, c) => c.toUpperCase());
  return base === 'sipp' ? 'ProjectFile' : `${camel}Record`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let stale = 0;
  for (const { target: file, dir, generate } of await typeTargets()) {
    const text = generate ? await generate() : await generateTypes(dir);
    const name = path.relative(root, file);
    if (process.argv.includes('--check')) {
      const current = await readFile(file, 'utf8').catch(() => '');
      if (current !== text) {
        console.error(`${name} is out of date: run \`npm run gen:types\`.`);
        stale += 1;
      }
    } else {
      await writeFile(file, text);
      console.log(`wrote ${name}`);
    }
  }
  if (stale > 0) process.exit(1);
}
