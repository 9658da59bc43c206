// The cache behind a fast `sipp validate`: unchanged files are not parsed or checked again, changed ones are.
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateProject } from '../../../src/core/validate/index.js';
import { readSchemas } from '../../../src/project/assets.js';
import { openFileCache } from '../../../src/project/file-cache.js';
import { loadProject } from '../../../src/project/load.js';
import { VALID_PROJECT } from './project-from.js';

const base = mkdtempSync(path.join(tmpdir(), 'sipp-cache-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

function project(): { root: string; env: NodeJS.ProcessEnv } {
  const root = mkdtempSync(path.join(base, 'project-'));
  writeFileSync(path.join(root, 'sipp.yaml'), VALID_PROJECT);
  mkdirSync(path.join(root, 'cycles', '01-a'), { recursive: true });
  for (const r of ['question', 'baseline', 'intervention', 'measures', 'reflections'])
    writeFileSync(path.join(root, 'cycles', '01-a', `${r}.yaml`), '{}\n');
  return { root, env: { SIPP_CACHE_DIR: path.join(root, '..', `cache-of-${path.basename(root)}`) } };
}

/** One `sipp validate` run: open the cache, load, validate, save; reports which files were parsed. */
function run(root: string, env: NodeJS.ProcessEnv): { messages: string[]; parsed: string[] } {
  const schemas = readSchemas();
  const opened = openFileCache(root, schemas, env);
  // The files the cache gave back as they were remembered: the others were parsed in this run.
  const remembered = new Set<string>();
  const cache = opened && {
    ...opened,
    source(relative: string, text: string) {
      const known = opened.source(relative, text);
      if (known) remembered.add(relative);
      return known;
    },
  };
  const source = loadProject(root, { cache });
  const files = [source.project, ...source.cycles.flatMap((c) => [...c.records.values()])];
  const parsed = files.filter((f) => !remembered.has(f.file)).map((f) => f.file);
  const problems = validateProject(source, schemas, { schemaMemo: cache?.schemaMemo });
  cache?.save();
  return { messages: problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`), parsed };
}

describe('file cache', () => {
  it('parses every file on the first run and none on the next', () => {
    const { root, env } = project();
    expect(run(root, env).parsed).toHaveLength(6);
    expect(run(root, env).parsed).toEqual([]);
  });

  it('parses a file again when its text changes, and reports its new problems', () => {
    const { root, env } = project();
    run(root, env);
    writeFileSync(path.join(root, 'cycles', '01-a', 'reflections.yaml'), 'decision: keep\n');
    const second = run(root, env);
    expect(second.parsed).toEqual(['cycles/01-a/reflections.yaml']);
    expect(second.messages).toEqual([
      'cycles/01-a/reflections.yaml:1:11: `decision` must be one of: adopt, adapt, abandon, scale, continue; got "keep"',
    ]);
    expect(run(root, env)).toEqual({ messages: second.messages, parsed: [] });
  });

  it('gives remembered files the same problems and positions, cross-record ones included', () => {
    const { root, env } = project();
    writeFileSync(path.join(root, 'cycles', '01-a', 'baseline.yaml'), 'values:\n  - measure: attendance\n');
    writeFileSync(path.join(root, 'sipp.yaml'), `${VALID_PROJECT}focsu: x\n`);
    const first = run(root, env);
    expect(first.messages).toHaveLength(2);
    expect(run(root, env)).toEqual({ messages: first.messages, parsed: [] });
  });

  it('is off with SIPP_NO_CACHE=1 and writes nothing', () => {
    const { root, env } = project();
    const off = { ...env, SIPP_NO_CACHE: '1' };
    expect(openFileCache(root, readSchemas(), off)).toBeUndefined();
    run(root, off);
    expect(run(root, off).parsed).toHaveLength(6);
    expect(readdirSync(path.dirname(root))).not.toContain(`cache-of-${path.basename(root)}`);
  });

  it('starts afresh from a corrupt cache file', () => {
    const { root, env } = project();
    run(root, env);
    const dir = path.join(env.SIPP_CACHE_DIR as string, 'projects');
    const [kept] = readdirSync(dir);
    const shards = readdirSync(path.join(dir, kept as string));
    expect(shards).toHaveLength(2); // sipp.yaml's, and the cycle folder's
    for (const f of shards) writeFileSync(path.join(dir, kept as string, f), '{not json');
    expect(run(root, env).parsed).toHaveLength(6);
    expect(run(root, env).parsed).toEqual([]);
  });

  it('writes a settled cycle folder at once and lets it go; what it learned is used by the next run', () => {
    const { root, env } = project();
    const cache = openFileCache(root, readSchemas(), env);
    const source = loadProject(root, { cache });
    validateProject(source, readSchemas(), { schemaMemo: cache?.schemaMemo });
    const dir = path.join(env.SIPP_CACHE_DIR as string, 'projects');
    cache?.settle('cycles/01-a');
    // The cycle folder's file is written as soon as it is settled; sipp.yaml's waits for `save`.
    const [kept] = readdirSync(dir);
    expect(readdirSync(path.join(dir, kept as string))).toHaveLength(1);
    cache?.save();
    expect(readdirSync(path.join(dir, kept as string))).toHaveLength(2);
    expect(run(root, env).parsed).toEqual([]);
  });

  it('forgets a cycle folder that was renamed, and remembers it under its new name', () => {
    const { root, env } = project();
    run(root, env);
    renameSync(path.join(root, 'cycles', '01-a'), path.join(root, 'cycles', '01-b'));
    expect(run(root, env).parsed).toHaveLength(5);
    const dir = path.join(env.SIPP_CACHE_DIR as string, 'projects');
    const [kept] = readdirSync(dir);
    expect(readdirSync(path.join(dir, kept as string))).toHaveLength(2);
    expect(run(root, env).parsed).toEqual([]);
  });

  it("remembers a whole cycle's problems, and finds them again when a record, sipp.yaml or the day changes", () => {
    const { root, env } = project();
    writeFileSync(path.join(root, 'cycles', '01-a', 'reflections.yaml'), 'decision: keep\n');
    const once = (today: string): { messages: string[]; computed: number } => {
      const schemas = readSchemas();
      const cache = openFileCache(root, schemas, env);
      if (!cache) throw new Error('the cache should be on');
      let computed = 0;
      const problems = validateProject(loadProject(root, { cache }), schemas, {
        schemaMemo: cache.schemaMemo,
        cycleMemo: (cycle, inputs, compute) =>
          cache.cycleMemo(cycle, inputs, () => {
            computed += 1;
            return compute();
          }),
        today,
      });
      cache.save();
      return { messages: problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.rule}`), computed };
    };
    const first = once('2026-01-10');
    expect(first).toEqual({ messages: ['cycles/01-a/reflections.yaml:1:11: enum'], computed: 1 });
    expect(once('2026-01-10')).toEqual({ ...first, computed: 0 });
    expect(once('2026-01-11')).toEqual({ ...first, computed: 1 });
    writeFileSync(path.join(root, 'sipp.yaml'), `${VALID_PROJECT}# a comment\n`);
    expect(once('2026-01-11')).toEqual({ ...first, computed: 1 });
    writeFileSync(path.join(root, 'cycles', '01-a', 'reflections.yaml'), 'decision: adapt\n');
    expect(once('2026-01-11')).toEqual({ messages: [], computed: 1 });
    expect(once('2026-01-11')).toEqual({ messages: [], computed: 0 });
  });

  it('does not remember data JSON would change (infinities)', () => {
    const { root, env } = project();
    writeFileSync(path.join(root, 'cycles', '01-a', 'baseline.yaml'), 'values:\n  - measure: a\n    value: .inf\n');
    run(root, env);
    expect(run(root, env).parsed).toEqual(['cycles/01-a/baseline.yaml']);
  });

  it('forgets other projects beyond the ten most recent, and any unused for a month', () => {
    const { root, env } = project();
    const dir = path.join(env.SIPP_CACHE_DIR as string, 'projects');
    mkdirSync(dir, { recursive: true });
    const day = 24 * 60 * 60;
    const now = Date.now() / 1000;
    for (let i = 0; i < 12; i++) {
      writeFileSync(path.join(dir, `other-${i}.json`), '{}');
      utimesSync(path.join(dir, `other-${i}.json`), now - i * 60, now - i * 60);
    }
    utimesSync(path.join(dir, 'other-1.json'), now - 40 * day, now - 40 * day);
    run(root, env);
    const left = readdirSync(dir).sort();
    expect(left).toHaveLength(10);
    expect(left.filter((f) => f.startsWith('other-'))).toEqual([
      'other-0.json',
      'other-2.json',
      'other-3.json',
      'other-4.json',
      'other-5.json',
      'other-6.json',
      'other-7.json',
      'other-8.json',
      'other-9.json',
    ]);
  });
});
