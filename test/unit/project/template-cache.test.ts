// Compiled briefing templates are kept between runs (src/project/template-cache.ts): the briefings rendered with
// them are the same, byte for byte, as those compiled afresh, and a change to any template makes a new set.
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FORMATS } from '../../../src/core/render/index.js';
import { renderBriefings } from '../../../src/core/render/briefings.js';
import type { TemplateSet } from '../../../src/core/render/render.js';
import { rememberCompiledTemplates, withCompiledTemplates } from '../../../src/project/template-cache.js';
import { readTemplateSet } from '../../../src/project/templates.js';
import { openedForBriefings } from '../render/opened.js';

const base = mkdtempSync(path.join(tmpdir(), 'sipp-templates-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));
const EXAMPLE = path.resolve(__dirname, '../../../examples/northfield-reading');

let n = 0;
function setting(): { root: string; env: NodeJS.ProcessEnv } {
  n += 1;
  const root = path.join(base, `project-${n}`);
  cpSync(EXAMPLE, root, { recursive: true });
  return { root, env: { SIPP_CACHE_DIR: path.join(base, `cache-${n}`) } };
}

async function briefings(root: string, templates: TemplateSet): Promise<Map<string, string>> {
  const { project, cycles } = openedForBriefings(root);
  const { files } = await renderBriefings(project, cycles, cycles, FORMATS, templates, { handout: true });
  return new Map(files.map((f) => [f.file, f.text]));
}

const compiledCount = (set: TemplateSet): number =>
  [...set.templates.values(), ...set.partials.values()].filter((s) => s.compiled !== undefined).length;

describe('compiled templates kept between runs', () => {
  it('are loaded on the next run, every template and partial, and render the same briefings', async () => {
    const { root, env } = setting();
    const first = await withCompiledTemplates(readTemplateSet(root), env);
    expect(compiledCount(first)).toBe(0);
    await rememberCompiledTemplates(first, env);
    const second = await withCompiledTemplates(readTemplateSet(root), env);
    const all = second.templates.size + second.partials.size;
    expect(compiledCount(second)).toBe(all);
    expect(await briefings(root, second)).toEqual(await briefings(root, readTemplateSet(root)));
  });

  it('are not used for a changed template, and a template with a mistake is still refused at its file', async () => {
    const { root, env } = setting();
    await rememberCompiledTemplates(readTemplateSet(root), env);
    mkdirSync(path.join(root, 'templates'), { recursive: true });
    writeFileSync(path.join(root, 'templates', 'overview.md.hbs'), '{{#each cycles}}never closed\n');
    const changed = await withCompiledTemplates(readTemplateSet(root), env);
    expect(compiledCount(changed)).toBe(0);
    await rememberCompiledTemplates(changed, env);
    const again = await withCompiledTemplates(readTemplateSet(root), env);
    // Everything but the broken template was compiled and kept.
    expect(again.templates.get('overview.md')?.compiled).toBeUndefined();
    expect(again.templates.get('overview.html')?.compiled).toBeDefined();
    await expect(briefings(root, again)).rejects.toThrow('templates/overview.md.hbs');
    expect(readdirSync(path.join(env.SIPP_CACHE_DIR as string, 'templates'))).toHaveLength(2);
  });

  it('are not kept with SIPP_NO_CACHE=1', async () => {
    const { root, env } = setting();
    const off = { ...env, SIPP_NO_CACHE: '1' };
    await rememberCompiledTemplates(readTemplateSet(root), off);
    expect(existsSync(env.SIPP_CACHE_DIR as string)).toBe(false);
    expect(compiledCount(await withCompiledTemplates(readTemplateSet(root), off))).toBe(0);
  });
});
