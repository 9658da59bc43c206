// The bundled example projects: each is valid, renders its briefings, and carries an exact copy of the schemas.
import { cpSync, existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { schemaFileOf } from '../../src/core/records/model.js';
import { findMethod } from '../../src/methods/registry.js';
import { schemaFiles } from '../../src/project/assets.js';
import { EXAMPLES, REPO_ROOT, sipp, snapshotTree, tempDir } from './helpers.js';

const examples = readdirSync(EXAMPLES)
  .filter((name) => existsSync(path.join(EXAMPLES, name, 'sipp.yaml')))
  .sort();

const sharedSchemas = new Set(readdirSync(path.join(REPO_ROOT, 'schemas')));

/**
 * The schema files of the methods an example uses (its project method and each cycle's), so that an example
 * carries its own method's schemas and is not touched when another method's change.
 */
function methodSchemasOf(root: string): Set<string> {
  const methodOf = (file: string): unknown =>
    (parse(readFileSync(file, 'utf8')) as { method?: unknown } | null)?.method;
  const cycles = path.join(root, 'cycles');
  const ids = [
    methodOf(path.join(root, 'sipp.yaml')),
    ...(existsSync(cycles) ? readdirSync(cycles) : [])
      .map((folder) => path.join(cycles, folder, 'question.yaml'))
      .filter((file) => existsSync(file))
      .map(methodOf),
  ];
  return new Set(
    ids.flatMap((id) =>
      (typeof id === 'string' ? (findMethod(id)?.extraRecords ?? []) : []).map((r) => schemaFileOf(r.name)),
    ),
  );
}

/** A copy of an example in a temporary folder, so that nothing is ever written into the repository. */
function copyOf(example: string): string {
  const dir = path.join(tempDir('sipp-example-'), example);
  cpSync(path.join(EXAMPLES, example), dir, { recursive: true });
  return dir;
}

/** Every YAML file in a project, relative to its root (the `.sipp` folder and briefings aside). */
function yamlFiles(root: string, rel = ''): string[] {
  return readdirSync(path.join(root, rel))
    .sort()
    .flatMap((name) => {
      const child = rel ? `${rel}/${name}` : name;
      if (statSync(path.join(root, child)).isDirectory()) {
        return name === '.sipp' || name === 'briefings' ? [] : yamlFiles(root, child);
      }
      return name.endsWith('.yaml') ? [child] : [];
    });
}

describe('examples/', () => {
  it('holds at least one example project', () => {
    expect(examples.length).toBeGreaterThan(0);
  });
});

describe.each(examples)('the example project %s', (example) => {
  const source = path.join(EXAMPLES, example);

  it('validates with no problems (exit 0)', () => {
    const r = sipp(['validate'], { cwd: copyOf(example) });
    expect(r.stdout + r.stderr).not.toMatch(/:\d+:\d+: /);
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });

  it('renders a Markdown and an HTML briefing for every cycle and the overview, and leaves the records alone', () => {
    const dir = copyOf(example);
    const before = snapshotTree(dir);
    const r = sipp(['brief'], { cwd: dir });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const written = readdirSync(path.join(dir, 'briefings'));
    const cycles = readdirSync(path.join(dir, 'cycles'));
    expect(written.filter((f) => f.endsWith('.md')).length).toBeGreaterThanOrEqual(cycles.length + 1);
    expect(written.filter((f) => f.endsWith('.html')).length).toBeGreaterThanOrEqual(cycles.length + 1);
    const after = snapshotTree(dir);
    for (const file of Object.keys(before)) expect(after[file], file).toBe(before[file]);
  });

  it('has something for `sipp status` to report', () => {
    const r = sipp(['status'], { cwd: copyOf(example) });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout.trim()).not.toBe('');
  });

  it('carries in .sipp/schemas an exact copy of schemas/ and of the schemas of the methods it uses, and nothing else', () => {
    const shipped = schemaFiles();
    const wanted = [...shipped.keys()].filter((file) => sharedSchemas.has(file) || methodSchemasOf(source).has(file));
    const copied = readdirSync(path.join(source, '.sipp', 'schemas')).sort();
    expect(copied, 'copy schemas/ and the schemas of the methods the example uses (src/methods/<id>/schemas/)').toEqual(
      wanted,
    );
    for (const file of wanted) {
      const copy = readFileSync(path.join(source, '.sipp', 'schemas', file), 'utf8');
      expect(copy, `${file}: copy it into .sipp/schemas/ again`).toBe(readFileSync(shipped.get(file) ?? '', 'utf8'));
    }
  });

  it('starts every YAML file with a schema line that resolves to .sipp/schemas/', () => {
    const files = yamlFiles(source);
    expect(files).toContain('sipp.yaml');
    for (const file of files) {
      const first = readFileSync(path.join(source, file), 'utf8').split('\n')[0] ?? '';
      const match = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
      expect(match, `${file}: first line`).not.toBeNull();
      const target = path.resolve(path.dirname(path.join(source, file)), match![1]!);
      expect(path.relative(source, target).startsWith(path.join('.sipp', 'schemas') + path.sep), file).toBe(true);
      expect(existsSync(target), `${file}: ${match![1]} does not exist`).toBe(true);
    }
  });

  it('keeps briefings and private pupil data out of Git, and ships no private data', () => {
    const ignored = readFileSync(path.join(source, '.gitignore'), 'utf8').split('\n');
    expect(ignored.some((line) => /^\/?briefings\/?$/.test(line))).toBe(true);
    expect(ignored.some((line) => /^\/?data\/private\/(\*)?$/.test(line))).toBe(true);
    const privateDir = path.join(source, 'data', 'private');
    const privateFiles = existsSync(privateDir) ? readdirSync(privateDir).sort() : [];
    expect(privateFiles.filter((f) => f !== 'README.md' && f !== '.gitignore')).toEqual([]);
    expect(existsSync(path.join(source, 'briefings'))).toBe(false);
  });
});
