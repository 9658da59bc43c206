// Interactive flows run in-process with prompts answered as plain values (CliContext.prompts), so what a teacher
// is asked, and what their answers write, is tested without a pseudo-terminal (a few pty smoke tests remain in
// test/e2e/interactive.test.ts).
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Prompts } from '../../../src/cli/context.js';
import { runInProcess } from './in-process.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Prompts that answer from a list, in order, and record each question asked; `null` stands for Ctrl-C. */
function scripted(answers: (string | boolean | null)[]): { prompts: Prompts; asked: string[] } {
  const asked: string[] = [];
  const next = async (config: { message: string }): Promise<unknown> => {
    asked.push(config.message);
    if (answers.length === 0) throw new Error(`no answer scripted for "${config.message}"`);
    const answer = answers.shift();
    if (answer === null) throw Object.assign(new Error('User force closed the prompt'), { name: 'ExitPromptError' });
    return answer;
  };
  const prompts = {
    input: next,
    confirm: next,
    select: next,
    checkbox: next,
  } as unknown as Prompts;
  return { prompts, asked };
}

const run = runInProcess;

async function project(): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sipp-prompts-'));
  dirs.push(dir);
  const { prompts } = scripted([]);
  const r = await run(
    dir,
    ['init', '--yes', '--no-git', '--title', 'Reading', '--school', 'Hillside Primary School'],
    prompts,
  );
  expect(r.code).toBe(0);
  return dir;
}

describe('sipp cycle on a terminal, answered in-process', () => {
  it("asks the title and the method's questions, and writes the answers into the new cycle", async () => {
    const dir = await project();
    const { prompts, asked } = scripted(['Paired reading', 'Does paired reading help P5 enjoy reading?', '', '', '']);
    const r = await run(dir, ['cycle'], prompts);
    expect(r.code).toBe(0);
    expect(asked[0]).toBe('A short title for this cycle:');
    expect(asked.length).toBeGreaterThan(1);
    expect(r.out).toContain('Started cycle 1, "Paired reading"');
    const question = readFileSync(path.join(dir, 'cycles/01-paired-reading/question.yaml'), 'utf8');
    expect(question).toContain('Does paired reading help P5 enjoy reading?');
  });

  it('writes nothing when the teacher presses Ctrl-C half-way', async () => {
    const dir = await project();
    const { prompts } = scripted(['Paired reading', null]);
    const r = await run(dir, ['cycle'], prompts);
    expect(r.code).toBe(1);
    expect(r.err).toContain('Cancelled: nothing was written.');
    expect(readdirSync(path.join(dir, 'cycles')).filter((f) => f !== '.gitkeep')).toEqual([]);
    expect(existsSync(path.join(dir, 'cycles/01-paired-reading'))).toBe(false);
  });
});
