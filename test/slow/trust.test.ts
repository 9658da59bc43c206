// Issue 8, sections 2 and 3, with many processes: parallel runs never reuse a cycle number or lose an update, and a
// run killed at any moment leaves no half-written file, and no leftovers once the next command has run.
import { spawn } from 'node:child_process';
import { cpSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, EXAMPLES, newProject, projectWithClassTable, sipp, tempDir } from '../e2e/helpers.js';

const MEASURES = 'cycles/01-paired-reading/measures.yaml';

interface Running {
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
  kill: (signal: NodeJS.Signals) => void;
}

/** Starts `sipp <args>` without waiting for it. */
function start(args: readonly string[], cwd: string): Running {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd,
    env: { PATH: process.env.PATH, HOME: cwd, NO_COLOR: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return {
    done: new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr }))),
    kill: (signal) => child.kill(signal),
  };
}

/** Every file below `dir`, relative. */
function filesBelow(dir: string, rel = ''): string[] {
  return readdirSync(path.join(dir, rel)).flatMap((name) => {
    const child = rel ? `${rel}/${name}` : name;
    return statSync(path.join(dir, child)).isDirectory() ? filesBelow(dir, child) : [child];
  });
}

/** Leftovers of an interrupted atomic write: a file's name, a dot and a number. */
const leftovers = (dir: string): string[] => filesBelow(dir).filter((f) => /\.\d{5,10}$/.test(f));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('parallel runs', () => {
  it('ten pairs of `sipp cycle --yes` started at once get twenty distinct numbers', async () => {
    const dir = newProject();
    const runs = Array.from({ length: 20 }, (_, i) =>
      start(['cycle', '--yes', `${i % 2 === 0 ? 'Alpha' : 'Beta'} ${i}`], dir),
    );
    const results = await Promise.all(runs.map((r) => r.done));
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const folders = readdirSync(path.join(dir, 'cycles')).filter((f) => /^\d/.test(f));
    expect(folders).toHaveLength(20);
    const numbers = folders.map((f) => Number(f.split('-')[0])).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(sipp(['validate'], { cwd: dir }).code).toBe(0);
  });

  it('twelve `sipp data import` runs into one cycle at once all land', async () => {
    const dir = projectWithClassTable();
    const ids = Array.from({ length: 12 }, (_, i) => `measure-${i + 1}`);
    const runs = ids.map((id) => start(['data', 'import', 'class.csv', '--cycle', '1', '--measure', id, '--yes'], dir));
    const results = await Promise.all(runs.map((r) => r.done));
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const data = parse(readFileSync(path.join(dir, MEASURES), 'utf8')) as {
      measures: { id: string }[];
      results: { measure: string }[];
    };
    expect(data.measures.map((m) => m.id).sort()).toEqual([...ids].sort());
    expect(data.results.map((r) => r.measure).sort()).toEqual([...ids].sort());
    expect(sipp(['validate'], { cwd: dir }).code).toBe(0);
  });

  it('four `sipp brief` runs at once all finish, with whole briefings', async () => {
    const dir = tempDir();
    cpSync(path.join(EXAMPLES, 'northfield-reading'), dir, { recursive: true });
    const results = await Promise.all(Array.from({ length: 4 }, () => start(['brief'], dir).done));
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(path.join(dir, 'briefings/01-paired-reading.html'), 'utf8');
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  });
});

describe('interrupted runs', () => {
  it('SIGKILL at random moments leaves every file whole, and the next writer clears the leftovers', async () => {
    const dir = projectWithClassTable();
    let killed = 0;
    for (let round = 0; round < 16; round++) {
      const args =
        round % 2 === 0
          ? ['data', 'import', 'class.csv', '--cycle', '1', '--measure', `m-${round}`, '--yes']
          : ['brief'];
      const run = start(args, dir);
      await sleep(120 + Math.floor(Math.random() * 500));
      run.kill('SIGKILL');
      const result = await run.done;
      if (result.signal === 'SIGKILL') killed += 1;
      // Whatever the moment, measures.yaml is the old file or the new one, never a part of one.
      expect(() => parse(readFileSync(path.join(dir, MEASURES), 'utf8'))).not.toThrow();
    }
    expect(killed).toBeGreaterThan(4);
    const v = sipp(['validate'], { cwd: dir });
    expect(v.code, v.stdout + v.stderr).toBe(0);
    // The next command that writes (after any lock a killed run left has gone stale) removes the leftovers.
    const b = sipp(['brief'], { cwd: dir });
    expect(b.code, b.stderr).toBe(0);
    expect(leftovers(dir)).toEqual([]);
  });

  it('SIGTERM (as Ctrl-C) removes the temporary files and the lock at once', async () => {
    const dir = tempDir();
    cpSync(path.join(EXAMPLES, 'kilbrannan-attendance'), dir, { recursive: true });
    for (let round = 0; round < 8; round++) {
      const run = start(['brief'], dir);
      await sleep(150 + Math.floor(Math.random() * 600));
      run.kill('SIGTERM');
      await run.done;
      expect(leftovers(dir)).toEqual([]);
      expect(readdirSync(dir)).not.toContain('.sipp.lock');
    }
  });
});
