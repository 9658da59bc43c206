// Compiled briefing templates remembered between runs: compiling sipp's thirty templates and partials is a tenth
// of a `sipp brief` that has little else to do (one cycle changed). Kept in the user's cache folder as one ES module
// per set of template texts (Handlebars' precompiled form), keyed by those texts and Handlebars' version, so a
// changed template, a project's own templates or a new sipp simply make another. Never in the project.
import { createHash } from 'node:crypto';
import { readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Handlebars from 'handlebars';
import { precompiledTemplates, type TemplateSet, type TemplateSource } from '../core/render/render.js';
import { cacheDir } from './file-cache.js';
import { writeAtomic } from './write.js';

/** Bumped when the module's layout changes. */
const FORMAT = 1;
/** Sets of templates kept: the most recently used. */
const KEEP = 10;

interface CompiledModule {
  templates: Record<string, unknown>;
  partials: Record<string, unknown>;
}

/** Where the compiled form of `set` is kept, or undefined when caching is off or there is nowhere to keep it. */
function moduleOf(set: TemplateSet, env: NodeJS.ProcessEnv): string | undefined {
  if (env.SIPP_NO_CACHE === '1') return undefined;
  const dir = cacheDir(env);
  if (!dir) return undefined;
  const hash = createHash('sha256').update(`${FORMAT}\0${Handlebars.VERSION}`);
  for (const [kind, sources] of [
    ['template', set.templates],
    ['partial', set.partials],
  ] as const) {
    for (const [name, source] of [...sources].sort(([a], [b]) => (a < b ? -1 : 1)))
      hash.update(`\0${kind}\0${name}\0${source.text}`);
  }
  return path.join(dir, 'templates', `${hash.digest('hex').slice(0, 24)}.mjs`);
}

/** The set with each template's compiled form from an earlier run, when there is one; otherwise the set as it is. */
export async function withCompiledTemplates(
  set: TemplateSet,
  env: NodeJS.ProcessEnv = process.env,
): Promise<TemplateSet> {
  const file = moduleOf(set, env);
  if (!file || !statSync(file, { throwIfNoEntry: false })?.isFile()) return set;
  let compiled: CompiledModule;
  try {
    compiled = ((await import(pathToFileURL(file).href)) as { default: CompiledModule }).default;
    const now = new Date();
    utimesSync(file, now, now);
  } catch {
    // An unreadable or broken module only means compiling the templates again.
    return set;
  }
  const attach = (sources: ReadonlyMap<string, TemplateSource>, specs: Record<string, unknown> | undefined) =>
    new Map(
      [...sources].map(([name, source]): [string, TemplateSource] => {
        const spec = specs && Object.hasOwn(specs, name) ? specs[name] : undefined;
        return [name, spec === undefined ? source : { ...source, compiled: spec }];
      }),
    );
  return { templates: attach(set.templates, compiled.templates), partials: attach(set.partials, compiled.partials) };
}

/**
 * Keeps the compiled form of `set` for the next run, when it is not kept yet. Failure to write is not an error:
 * the next run compiles the templates again.
 */
export async function rememberCompiledTemplates(set: TemplateSet, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const file = moduleOf(set, env);
  if (!file || statSync(file, { throwIfNoEntry: false })) return;
  const { templates, partials } = precompiledTemplates(set);
  const entries = (specs: ReadonlyMap<string, string>): string =>
    [...specs].map(([name, spec]) => `    ${JSON.stringify(name)}: ${spec},`).join('\n');
  const text = `// Briefing templates compiled by sipp brief (Handlebars ${Handlebars.VERSION}); a cache, safe to delete.\nexport default {\n  templates: {\n${entries(templates)}\n  },\n  partials: {\n${entries(partials)}\n  },\n};\n`;
  try {
    await writeAtomic(path.dirname(path.dirname(file)), file, text);
    prune(path.dirname(file), file);
  } catch {
    // As above.
  }
}

/** Forgets all but the most recently used sets of templates. */
function prune(dir: string, kept: string): void {
  const others = readdirSync(dir)
    .map((name) => path.join(dir, name))
    .filter((f) => f !== kept && f.endsWith('.mjs'))
    .map((f) => ({ f, used: statSync(f).mtimeMs }))
    .sort((a, b) => b.used - a.used);
  for (const { f } of others.slice(KEEP - 1)) rmSync(f, { force: true });
}
