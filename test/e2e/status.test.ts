import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newProject, sipp, tempDir } from './helpers.js';

function edit(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${from} not in ${file}`);
  writeFileSync(file, text.replace(from, to));
}

describe('sipp status', () => {
  it("shows each cycle's stage, the missing answers by record, and what to do next", () => {
    const dir = newProject();
    sipp(['cycle', 'Paired reading'], { cwd: dir });
    const q = path.join(dir, 'cycles/01-paired-reading/question.yaml');
    edit(q, 'question:\n', 'question: Does paired reading help?\n');
    edit(q, '  stages: []', '  stages: [P5]');
    edit(q, 'aim:\n', 'aim: More P5 learners enjoy reading by June\n');
    edit(q, 'prediction:\n', 'prediction: Enjoyment scores rise\n');
    edit(q, 'howWillWeKnow:\n', 'howWillWeKnow: A reading survey before and after\n');

    const r = sipp(['status'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Test enquiry: 1 cycle');
    expect(r.stdout).toContain('01-paired-reading · "Paired reading" · Collaborative Action Research');
    expect(r.stdout).toMatch(/Stage\s+baseline \(2 of 5\)/);
    expect(r.stdout).toMatch(
      /Missing\s+baseline\.yaml: the baseline date, the evidence of need, at least one baseline value/,
    );
    expect(r.stdout).not.toContain('question.yaml:');
    expect(r.stdout).toMatch(/Next\s+Record where things stand now in baseline\.yaml/);
  });

  it('prints a stable JSON shape with --json', () => {
    const dir = newProject();
    sipp(['cycle', 'Paired reading'], { cwd: dir });
    const r = sipp(['status', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    const status = JSON.parse(r.stdout) as { problems: string[]; cycles: Record<string, unknown>[] };
    expect(status.problems).toEqual([]);
    expect(status.cycles).toHaveLength(1);
    expect(Object.keys(status.cycles[0] ?? {})).toEqual([
      'folder',
      'number',
      'title',
      'method',
      'stage',
      'complete',
      'missing',
      'next',
      'problems',
    ]);
    expect(status.cycles[0]).toMatchObject({
      folder: '01-paired-reading',
      number: 1,
      title: 'Paired reading',
      method: 'car',
      stage: 'question',
      complete: false,
      problems: [],
    });
    expect((status.cycles[0]?.missing as unknown[])[0]).toEqual({
      record: 'question',
      file: 'cycles/01-paired-reading/question.yaml',
      field: 'question',
      label: 'the enquiry question',
    });
  });

  it('reports a record with problems instead of guessing, and still exits 0', () => {
    const dir = newProject();
    sipp(['cycle', 'x'], { cwd: dir });
    writeFileSync(path.join(dir, 'cycles/01-x/question.yaml'), 'question: [unclosed\n');
    rmSync(path.join(dir, 'cycles/01-x/measures.yaml'));
    const r = sipp(['status'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Stage\s+has problems: run sipp validate/);
    expect(r.stdout).toContain('question.yaml has problems: run `sipp validate` to see them');
    expect(r.stdout).toContain('measures.yaml has problems');
    const json = JSON.parse(sipp(['status', '--json'], { cwd: dir }).stdout) as {
      cycles: { stage: unknown; problems: string[] }[];
    };
    expect(json.cycles[0]?.stage).toBeNull();
    expect(json.cycles[0]?.problems).toEqual(['cycles/01-x/measures.yaml', 'cycles/01-x/question.yaml']);
  });

  it('says when sipp.yaml itself has problems', () => {
    const dir = newProject();
    edit(path.join(dir, 'sipp.yaml'), 'suppressionThreshold: 5', 'suppressionThreshold: five');
    const r = sipp(['status'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('sipp.yaml has problems: run `sipp validate` to see them.');
  });

  it('says how to start when there are no cycles', () => {
    const r = sipp(['status'], { cwd: newProject() });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No cycles yet');
  });

  it('is a usage error outside a project (exit 2)', () => {
    const r = sipp(['status'], { cwd: tempDir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not inside a sipp project');
    expect(r.stderr).toContain('sipp init');
  });
});
