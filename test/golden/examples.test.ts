// Golden files: the briefings of every bundled example project, rendered by the built CLI and compared byte for
// byte with test/golden/examples/<example>/. After an intentional change to templates, view models or charts:
//   UPDATE_GOLDEN=1 npx vitest run test/golden
// and review the diff of test/golden/examples/ like code, in the same commit.
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, sipp, tempDir } from '../e2e/helpers.js';

const GOLDEN = path.join(path.dirname(fileURLToPath(import.meta.url)), 'examples');
const update = process.env.UPDATE_GOLDEN === '1';
// The example projects (examples/network is a network of them, not a project).
const examples = readdirSync(EXAMPLES, { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(path.join(EXAMPLES, e.name, 'sipp.yaml')))
  .map((e) => e.name)
  .sort();

/** Every file under `dir`, by path relative to it (with `/`), in name order. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]));
}

describe.each(examples)('the briefings of examples/%s', (example) => {
  it('are the golden files, byte for byte', () => {
    const work = tempDir('sipp-golden-');
    const project = path.join(work, example);
    cpSync(path.join(EXAMPLES, example), project, { recursive: true });
    const out = path.join(work, 'out');
    const run = sipp(['brief', '--handout', '--out', out], { cwd: project });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const rendered = filesUnder(out);
    const golden = path.join(GOLDEN, example);
    if (update) {
      rmSync(golden, { recursive: true, force: true });
      for (const file of rendered) {
        mkdirSync(path.dirname(path.join(golden, file)), { recursive: true });
        writeFileSync(path.join(golden, file), readFileSync(path.join(out, file)));
      }
    }
    expect(rendered, `run UPDATE_GOLDEN=1 npx vitest run test/golden to add the golden files of ${example}`).toEqual(
      filesUnder(golden),
    );
    for (const file of rendered) {
      expect(readFileSync(path.join(out, file), 'utf8'), `${example}/${file}`).toBe(
        readFileSync(path.join(golden, file), 'utf8'),
      );
    }
  });
});
