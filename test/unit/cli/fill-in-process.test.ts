// `sipp fill`, run in-process with its questions answered as plain values (CliContext.prompts): what a teacher is
// asked, what the answers write (comments and untouched lines kept), Ctrl-C, and every record of every method.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Prompts } from '../../../src/cli/context.js';
import { runInProcess } from './in-process.js';
import { CORE_RECORDS } from '../../../src/core/records/model.js';
import { findMethod } from '../../../src/methods/registry.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

type Validate = (value: string) => boolean | string | Promise<boolean | string>;
interface Asked {
  kind: 'input' | 'confirm' | 'select' | 'checkbox';
  message: string;
}

/** Prompts answered by `answer` (from the question), recording what was asked; `null` stands for Ctrl-C. */
function answering(answer: (asked: Asked, validate?: Validate) => unknown): { prompts: Prompts; asked: Asked[] } {
  const asked: Asked[] = [];
  const make =
    (kind: Asked['kind']) =>
    async (config: { message: string; validate?: Validate }): Promise<unknown> => {
      const question = { kind, message: config.message };
      asked.push(question);
      const value = answer(question, config.validate);
      if (value === null) throw Object.assign(new Error('User force closed the prompt'), { name: 'ExitPromptError' });
      if (kind === 'input' && config.validate) {
        const verdict = await config.validate(String(value));
        if (verdict !== true) throw new Error(`the answer "${String(value)}" was refused: ${String(verdict)}`);
      }
      return value;
    };
  const prompts = {
    input: make('input'),
    confirm: make('confirm'),
    select: make('select'),
    checkbox: make('checkbox'),
  } as unknown as Prompts;
  return { prompts, asked };
}

/** Leaves every question for later. */
const later = (asked: Asked): unknown => (asked.kind === 'confirm' ? false : asked.kind === 'checkbox' ? [] : '');

const run = runInProcess;

async function projectWithCycle(method = 'car'): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sipp-fill-'));
  dirs.push(dir);
  const quiet = answering(later).prompts;
  expect(
    (await run(dir, ['init', '--yes', '--no-git', '--title', 'Reading', '--school', 'Hillside Primary'], quiet)).code,
  ).toBe(0);
  const r = await run(dir, ['cycle', '--yes', '--method', method, 'First cycle'], quiet);
  expect(r.code, r.err).toBe(0);
  return dir;
}

const QUESTION = 'cycles/01-first-cycle/question.yaml';

describe('sipp fill', () => {
  it('asks what is empty in the record of the stage, writes the answers keeping every comment, and says what is next', async () => {
    const dir = await projectWithCycle();
    const before = readFileSync(path.join(dir, QUESTION), 'utf8');
    const { prompts, asked } = answering((q) => {
      if (q.message.startsWith('question ')) return 'Does daily paired reading help P5 learners enjoy reading?';
      if (q.message.startsWith('targetLearners › stages')) return ['P5'];
      if (q.message.startsWith('targetLearners › number')) return '24';
      if (q.message.startsWith('predictionDate')) return '3/10/2025';
      if (q.message.startsWith('successCriteria, item 1')) return 'Two thirds say they enjoy reading';
      return later(q);
    });
    const r = await run(dir, ['fill'], prompts);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('Filling in cycles/01-first-cycle/question.yaml');
    expect(r.out).toContain('✔ Wrote 5 answers into cycles/01-first-cycle/question.yaml.');
    expect(r.out).toMatch(/Next: Finish question\.yaml, before you collect any data: still to write the aim/);
    expect(asked[0]?.message).toBe('question (the enquiry question):');
    const after = readFileSync(path.join(dir, QUESTION), 'utf8');
    expect(after).toContain('question: Does daily paired reading help P5 learners enjoy reading?\n');
    expect(after).toContain('predictionDate: 2025-10-03\n');
    expect(after).toMatch(/stages:\n\s+- P5\n/);
    expect(after).toMatch(/successCriteria:\n\s+- Two thirds say they enjoy reading\n/);
    // Every comment line of the new record is still there, in order.
    const comments = (text: string) => text.split('\n').filter((l) => l.trimStart().startsWith('#'));
    expect(comments(after)).toEqual(comments(before));
    const v = await run(dir, ['validate'], answering(later).prompts);
    expect(v.code, v.out + v.err).toBe(0);
  });

  it('writes nothing when the teacher presses Ctrl-C, even after some answers', async () => {
    const dir = await projectWithCycle();
    const before = readFileSync(path.join(dir, QUESTION), 'utf8');
    let asked = 0;
    const { prompts } = answering((q) => (++asked === 3 ? null : q.kind === 'input' ? 'An answer' : later(q)));
    const r = await run(dir, ['fill'], prompts);
    expect(r.code).toBe(1);
    expect(r.err).toContain('Cancelled: nothing was written.');
    expect(readFileSync(path.join(dir, QUESTION), 'utf8')).toBe(before);
  });

  it('refuses a date that does not exist, and a record the cycle does not have', async () => {
    const dir = await projectWithCycle();
    const verdicts: unknown[] = [];
    const { prompts } = answering((q, validate) => {
      if (q.message.startsWith('date')) {
        verdicts.push(validate?.('31/2/2026'), validate?.('28/2/2026'));
        return '28/2/2026';
      }
      return later(q);
    });
    expect((await run(dir, ['fill', '1', 'baseline'], prompts)).code).toBe(0);
    expect(verdicts).toEqual([
      'There is no such day as 31/2/2026: check the day and the month (day first, then month).',
      true,
    ]);
    expect(readFileSync(path.join(dir, 'cycles/01-first-cycle/baseline.yaml'), 'utf8')).toContain('date: 2026-02-28\n');
    const wrong = await run(dir, ['fill', '1', 'pdsa'], answering(later).prompts);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('has no record called "pdsa"');
  });

  it.each(['car', 'lesson-study', 'instructional-rounds', 'improvement-science', 'practitioner-enquiry'])(
    'fills every record of a %s cycle, and the project stays valid',
    async (method) => {
      const dir = await projectWithCycle(method);
      const records = [...CORE_RECORDS, ...(findMethod(method)?.extraRecords.map((r) => r.name) ?? [])];
      let written = 0;
      for (const record of records) {
        // The first text question gets an answer; everything else is left for later.
        let answered = false;
        const { prompts } = answering((q, validate) => {
          if (
            !answered &&
            q.kind === 'input' &&
            validate &&
            validate('Noted by the team') === true &&
            !/date|number|\bn\b/i.test(q.message)
          ) {
            answered = true;
            return 'Noted by the team';
          }
          return later(q);
        });
        const r = await run(dir, ['fill', '1', record], prompts);
        expect(r.code, `${record}: ${r.err}`).toBe(0);
        if (r.out.includes('✔ Wrote')) written += 1;
      }
      expect(written).toBeGreaterThan(2);
      const v = await run(dir, ['validate'], answering(later).prompts);
      expect(v.code, v.out + v.err).toBe(0);
    },
  );
});
