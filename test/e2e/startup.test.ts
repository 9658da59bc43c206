// Start-up: `sipp --version` and `sipp --help` answer without loading what the commands need (issue 2: within
// 1.3x of bare Node start-up; `npm run bench` measures it, these tests keep the reason it holds).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, sipp, tempDir } from './helpers.js';

const VERSION = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** Runs sipp with a module hook that lists every module it loads (ES modules and CommonJS), relative to the repo. */
function modulesLoadedBy(args: string[]): { code: number; stdout: string; modules: string[] } {
  const hooks = tempDir('sipp-startup-');
  const log = path.join(hooks, 'loaded.txt');
  writeFileSync(log, '');
  writeFileSync(
    path.join(hooks, 'hooks.mjs'),
    [
      "import { appendFileSync } from 'node:fs';",
      'let log;',
      'export function initialize(data) { log = data.log; }',
      'export async function load(url, context, next) {',
      "  if (url.startsWith('file:')) appendFileSync(log, url + '\\n');",
      '  return next(url, context);',
      '}',
    ].join('\n'),
  );
  writeFileSync(
    path.join(hooks, 'register.mjs'),
    `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(path.join(hooks, 'hooks.mjs')).href)}, { data: { log: ${JSON.stringify(log)} } });\n`,
  );
  const r = sipp(args, {
    cwd: tempDir(),
    env: { NODE_OPTIONS: `--import=${pathToFileURL(path.join(hooks, 'register.mjs')).href}` },
  });
  const modules = readFileSync(log, 'utf8')
    .split('\n')
    .filter((url) => url.startsWith(pathToFileURL(REPO_ROOT).href))
    .map((url) =>
      path
        .relative(REPO_ROOT, decodeURI(new URL(url).pathname))
        .split(path.sep)
        .join('/'),
    );
  return { code: r.code, stdout: r.stdout, modules };
}

describe('sipp start-up', () => {
  it('prints the version of package.json with --version and -V, and exits 0', () => {
    for (const flag of ['--version', '-V']) {
      expect(sipp([flag], { cwd: tempDir() })).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
    }
  });

  it('answers --version from bin/sipp.js alone, loading nothing else', () => {
    const r = modulesLoadedBy(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${VERSION}\n`);
    expect(r.modules).toEqual(['bin/sipp.js']);
  });

  it('shows --help with commander and the program, none of the modules the commands need', () => {
    const r = modulesLoadedBy(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: sipp [options] [command]');
    expect(r.modules).toContain('dist/cli/main.js');
    const packages = new Set(r.modules.flatMap((m) => /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(m)?.[1] ?? []));
    expect([...packages]).toEqual(['commander']);
    const commands = ['init', 'cycle', 'validate', 'brief', 'status', 'data-import', 'analyse', 'guide'];
    for (const command of commands) expect(r.modules).not.toContain(`dist/cli/${command}.js`);
  });
});
