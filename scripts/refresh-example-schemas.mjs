// Brings the schema copies of every bundled example (examples/*/.sipp/schemas/) up to date after a schema
// change: the shared schemas plus those of the methods the example uses, exactly as `sipp init` and
// `sipp cycle` copy them. `npm run examples:schemas`; test/e2e/examples.test.ts checks the result.
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const examples = path.join(root, 'examples');

const schemasIn = (dir) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.schema.json')) : []);
const methodOf = (file) => (existsSync(file) ? parse(readFileSync(file, 'utf8'))?.method : undefined);

for (const example of readdirSync(examples).filter((e) => existsSync(path.join(examples, e, 'sipp.yaml')))) {
  const project = path.join(examples, example);
  const cycles = path.join(project, 'cycles');
  const methods = new Set(
    [
      methodOf(path.join(project, 'sipp.yaml')),
      ...(existsSync(cycles) ? readdirSync(cycles) : []).map((c) => methodOf(path.join(cycles, c, 'question.yaml'))),
    ].filter((m) => typeof m === 'string'),
  );
  const wanted = new Map(schemasIn(path.join(root, 'schemas')).map((f) => [f, path.join(root, 'schemas', f)]));
  for (const method of methods) {
    const dir = path.join(root, 'src', 'methods', method, 'schemas');
    for (const f of schemasIn(dir)) wanted.set(f, path.join(dir, f));
  }
  const copies = path.join(project, '.sipp', 'schemas');
  mkdirSync(copies, { recursive: true });
  for (const f of schemasIn(copies)) if (!wanted.has(f)) rmSync(path.join(copies, f));
  for (const [f, from] of wanted) copyFileSync(from, path.join(copies, f));
  console.log(`${example}: ${wanted.size} schemas (${[...methods].join(', ')})`);
}
