// `sipp fill` on a real pseudo-terminal, as a teacher uses it (with a teacher's mistakes), and without one.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { emptyQuestions } from '../../src/core/fill/questions.js';
import { schemaFileOf } from '../../src/core/records/model.js';
import type { Schema } from '../../src/core/validate/describe.js';
import { findMethod } from '../../src/methods/registry.js';
import { readSchemas } from '../../src/project/assets.js';
import { newProject, sipp } from './helpers.js';
import { CTRL_C, DOWN, ENTER, SPACE, onTerminal, type } from './terminal.js';

const QUESTION = 'cycles/01-paired-reading/question.yaml';

function projectWithCycle(): string {
  const dir = newProject();
  const r = sipp(['cycle', '--yes', 'Paired reading'], { cwd: dir });
  if (r.code !== 0) throw new Error(r.stderr);
  return dir;
}

describe('sipp fill', () => {
  it('on a terminal: asks, takes a Scottish date after a mistake, writes the answers and validates', () => {
    const dir = projectWithCycle();
    const r = onTerminal(['fill'], dir, [
      { expect: 'question (the enquiry question):', keys: type('Does paired reading help P5 learners enjoy reading?') },
      { expect: 'theme:', keys: type('literacy') },
      { expect: 'targetLearners › description:', keys: type('P5 learners at Hillside') },
      // ELC, P1 … P5: five steps down to P5.
      { expect: 'targetLearners › stages', keys: [DOWN, DOWN, DOWN, DOWN, DOWN, SPACE, ENTER] },
      { expect: 'targetLearners › cfeLevels', keys: [ENTER] },
      // A teacher types the number in words first.
      { expect: 'targetLearners › number:', keys: ['twenty', ENTER] },
      { expect: 'write it in figures, for example 24', keys: ['\x7f'.repeat(6), '24', ENTER] },
      { expect: 'aim (the aim):', keys: type('More P5 learners enjoy reading by June') },
      { expect: 'rationale:', keys: [ENTER] },
      { expect: 'prediction (the prediction):', keys: type('Enjoyment scores rise by 3 points') },
      { expect: 'predictionDate', keys: type('3/10/2025') },
      // The prediction in figures: a teacher leaves it for later.
      { expect: 'Add an item to predicted?', keys: ['n', ENTER] },
      { expect: 'howWillWeKnow', keys: type('The reading survey in August and March') },
      { expect: 'successCriteria, item 1', keys: [ENTER] },
      { expect: 'Next:', keys: [] },
    ]);
    expect(r.waitingFor, r.screen).toBeUndefined();
    expect(r.code, r.screen).toBe(0);
    expect(r.screen).toContain('Wrote 9 answers into cycles/01-paired-reading/question.yaml.');
    const text = readFileSync(path.join(dir, QUESTION), 'utf8');
    expect(text).toContain('predictionDate: 2025-10-03\n');
    expect(text).toContain('number: 24\n');
    expect(sipp(['validate'], { cwd: dir }).code).toBe(0);
    const status = sipp(['status'], { cwd: dir }).stdout;
    expect(status).toContain('Stage     baseline (2 of 5)');
  });

  it('on a terminal: Ctrl-C writes nothing', () => {
    const dir = projectWithCycle();
    const before = readFileSync(path.join(dir, QUESTION), 'utf8');
    const r = onTerminal(['fill'], dir, [
      { expect: 'question (the enquiry question):', keys: type('A question') },
      { expect: 'theme:', keys: [CTRL_C] },
      { expect: 'Cancelled: nothing was written.', keys: [] },
    ]);
    expect(r.code).toBe(1);
    expect(readFileSync(path.join(dir, QUESTION), 'utf8')).toBe(before);
  });

  it('without a terminal, refuses with exit 2 and says what to do instead', () => {
    const dir = projectWithCycle();
    const r = sipp(['fill'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('sipp fill asks its questions on a terminal, and it is not running on one here.');
    expect(r.stderr).toContain('Open the record in an editor and write the answers there, then run `sipp validate`');
  });

  it('is named by sipp status as the way to answer what is missing', () => {
    const dir = projectWithCycle();
    expect(sipp(['status'], { cwd: dir }).stdout).toContain(
      'To answer what is missing by questions, one at a time: sipp fill',
    );
  });
});

/** The questions `sipp fill` asks for a record of a fresh cycle, as the messages it shows (see src/cli/fill.ts). */
function promptsOf(dir: string, folder: string, method: string, record: string): { message: string; kind: string }[] {
  const schemas = readSchemas() as ReadonlyMap<string, Schema>;
  const file = schemaFileOf(record);
  const data = parse(readFileSync(path.join(dir, 'cycles', folder, `${record}.yaml`), 'utf8')) as unknown;
  const requirements = (findMethod(method)?.requirements ?? []).filter((r) => r.record === record);
  const labels = new Map(requirements.map((r) => [r.path.join('.'), r.label]));
  const questions = emptyQuestions(
    schemas.get(file) ?? {},
    data,
    schemas,
    file,
    requirements.map((r) => r.path),
  );
  return questions.map((q) => {
    const label = labels.get(q.path.join('.'));
    const title = label ? `${q.path.join(' › ')} (${label})` : q.path.join(' › ');
    const message =
      q.kind === 'item-list'
        ? `Add an item to ${title}?`
        : q.kind === 'text-list'
          ? `${title}, item 1 (`
          : q.kind === 'choices'
            ? `${title} (space to pick`
            : q.kind === 'date'
              ? `${title} (for example 3/10/2026`
              : `${title}:`;
    return { message, kind: q.kind };
  });
}

/** Fills a record on the terminal: the first plain text question gets an answer, the rest are left for later. */
function fillOnTerminal(dir: string, folder: string, method: string, record: string): { code: number; screen: string } {
  let typed = false;
  const steps = promptsOf(dir, folder, method, record).map(({ message, kind }) => {
    if (!typed && kind === 'text') {
      typed = true;
      return { expect: message, keys: type('Agreed at the team meeting') };
    }
    return { expect: message, keys: kind === 'item-list' ? ['n', ENTER] : [ENTER] };
  });
  const r = onTerminal(['fill', '1', record], dir, [...steps, { expect: 'Next:', keys: [] }]);
  expect(r.waitingFor, `${record}: waiting for ${r.waitingFor} on ${JSON.stringify(r.screen)}`).toBeUndefined();
  return r;
}

describe('sipp fill on a terminal, every record', () => {
  it('fills a whole CAR cycle, record by record, and the project stays valid', () => {
    const dir = projectWithCycle();
    for (const record of ['question', 'baseline', 'intervention', 'measures', 'reflections']) {
      const r = fillOnTerminal(dir, '01-paired-reading', 'car', record);
      expect(r.code, r.screen).toBe(0);
    }
    expect(sipp(['validate'], { cwd: dir }).code).toBe(0);
  });

  it.each([
    ['lesson-study', 'lesson-study'],
    ['instructional-rounds', 'debrief'],
    ['improvement-science', 'drivers'],
    ['practitioner-enquiry', 'question'],
  ])('fills a record of a %s cycle (%s)', (method, record) => {
    const dir = newProject();
    expect(sipp(['cycle', '--yes', '--method', method, 'First cycle'], { cwd: dir }).code).toBe(0);
    const r = fillOnTerminal(dir, '01-first-cycle', method, record);
    expect(r.code, r.screen).toBe(0);
    expect(r.screen).toMatch(/Wrote \d+ answers? into|Nothing was answered/);
    expect(sipp(['validate'], { cwd: dir }).code).toBe(0);
  });
});
