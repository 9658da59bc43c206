// sipp's prompts answered on a real pseudo-terminal, driven by python3's pty module: each step waits for the
// prompt's text on the screen before it types, so the test does not depend on timing.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { newProject, snapshotTree, tempDir } from './helpers.js';
import { CTRL_C, DOWN, ENTER, SPACE, onTerminal, type } from './terminal.js';

describe('sipp init on a terminal', () => {
  it('asks each question and writes the answers', () => {
    const dir = tempDir();
    const r = onTerminal(['init', 'enquiry'], dir, [
      { expect: 'Title of the enquiry', keys: type('Reading for pleasure') },
      { expect: 'Name of the partnership', keys: type('Northfield') },
      { expect: 'Enquiry method for new cycles', keys: [ENTER] },
      { expect: 'School taking part 1', keys: type('Hillside Primary') },
      { expect: 'School taking part 2', keys: type('Bell Academy') },
      { expect: 'School taking part 3', keys: [ENTER] },
      { expect: 'Local authority 1', keys: type('Fife') },
      { expect: 'Local authority 2', keys: [ENTER] },
      { expect: 'Improvement focus', keys: type('reading engagement of P5-P6 learners') },
      // ELC, P1 … P5: five steps down to P5; tick it and P6.
      { expect: 'Stages of the target learners', keys: [DOWN, DOWN, DOWN, DOWN, DOWN, SPACE, DOWN, SPACE, ENTER] },
      { expect: 'Which learners does the partnership most want to help', keys: [DOWN, ENTER] },
      { expect: 'Start the first cycle now?', keys: type('n') },
      { expect: 'Started the enquiry project', keys: [] },
    ]);
    expect(r.waitingFor).toBeUndefined();
    expect(r.code).toBe(0);
    expect(r.screen).toContain('Lesson Study');
    expect(r.screen).not.toContain('(coming in a later version)');
    expect(r.screen).toContain('cd enquiry');
    expect(r.screen).toContain('Start the first cycle: sipp cycle');
    expect(existsSync(path.join(dir, 'enquiry', 'cycles', '01-cycle-1'))).toBe(false);
    const data = parse(readFileSync(path.join(dir, 'enquiry', 'sipp.yaml'), 'utf8')) as Record<string, unknown>;
    expect(data).toMatchObject({
      title: 'Reading for pleasure',
      partnership: {
        name: 'Northfield',
        localAuthorities: ['Fife'],
        schools: [{ name: 'Hillside Primary' }, { name: 'Bell Academy' }],
      },
      method: 'car',
      focus: 'reading engagement of P5-P6 learners',
      targetLearners: { stages: ['P5', 'P6'], cfeLevels: ['second'] },
      equityGroup: { marker: 'free-school-meals' },
    });
    expect(existsSync(path.join(dir, 'enquiry', '.git'))).toBe(true);
  });

  it('does not ask again for what the flags gave', () => {
    const dir = tempDir();
    const r = onTerminal(
      [
        'init',
        '--no-git',
        '--title',
        'T',
        '--partnership',
        'P',
        '--method',
        'car',
        '--school',
        'S',
        '--authority',
        'A',
        '--focus',
        'F',
      ],
      dir,
      [
        { expect: 'Stages of the target learners', keys: [ENTER] },
        { expect: 'Which learners does the partnership most want to help', keys: [ENTER] },
        { expect: 'Start the first cycle now?', keys: type('n') },
        { expect: 'Started the enquiry project', keys: [] },
      ],
    );
    expect(r.code).toBe(0);
    expect(r.screen).not.toContain('Title of the enquiry');
    expect(r.screen).not.toContain('School taking part');
    expect(parse(readFileSync(path.join(dir, 'sipp.yaml'), 'utf8'))).toMatchObject({
      title: 'T',
      equityGroup: { marker: 'simd-quintile' },
    });
  });

  it('asks nothing with --yes', () => {
    const dir = tempDir();
    const r = onTerminal(['init', '--yes', '--no-git', '--title', 'T'], dir, [
      { expect: 'Started the enquiry project', keys: [] },
    ]);
    expect(r.code).toBe(0);
    expect(existsSync(path.join(dir, 'sipp.yaml'))).toBe(true);
  });

  it("offers to start the first cycle, and asks the method's own questions", () => {
    const dir = tempDir();
    const r = onTerminal(
      [
        'init',
        '--no-git',
        '--title',
        'Extended writing',
        '--partnership',
        'P',
        '--method',
        'practitioner-enquiry',
        '--school',
        'Kelvinbrae Academy',
        '--authority',
        'A',
        '--focus',
        'F',
      ],
      dir,
      [
        { expect: 'Stages of the target learners', keys: [ENTER] },
        { expect: 'Which learners does the partnership most want to help', keys: [ENTER] },
        { expect: 'Start the first cycle now? (Practitioner enquiry asks 6 questions', keys: [ENTER] },
        { expect: 'A short title for this cycle', keys: type('Planning frames') },
        { expect: "What's the problem?", keys: type('Does talk before writing help my S3 learners?') },
        { expect: 'How does it fit in', keys: type('School improvement plan priority 1') },
        { expect: "What's already known", keys: [ENTER] },
        { expect: 'How will you tackle it', keys: type('Paired talk with a planning frame') },
        { expect: 'What do you expect to happen?', keys: type('Organisation scores rise by 3 points') },
        { expect: 'How will you know what happened?', keys: [ENTER] },
        { expect: 'Started cycle 1 in cycles/01-planning-frames/', keys: [] },
      ],
    );
    expect(r.waitingFor).toBeUndefined();
    expect(r.code).toBe(0);
    expect(r.screen).toContain('Fill in the records of cycles/01-planning-frames/ as the cycle goes');
    const folder = path.join(dir, 'cycles', '01-planning-frames');
    const record = (name: string): Record<string, unknown> =>
      parse(readFileSync(path.join(folder, `${name}.yaml`), 'utf8')) as Record<string, unknown>;
    expect(record('question')).toMatchObject({
      title: 'Planning frames',
      method: 'practitioner-enquiry',
      question: 'Does talk before writing help my S3 learners?',
      rationale: null,
      prediction: 'Organisation scores rise by 3 points',
      howWillWeKnow: null,
    });
    expect(record('intervention')).toMatchObject({ what: 'Paired talk with a planning frame' });
    expect(record('practitioner-enquiry')).toMatchObject({
      fit: { schoolPriority: 'School improvement plan priority 1' },
    });
  });

  it("writes nothing when Ctrl-C is pressed in the first cycle's questions", () => {
    const dir = tempDir();
    const r = onTerminal(
      [
        'init',
        '--no-git',
        '--title',
        'T',
        '--partnership',
        'P',
        '--method',
        'car',
        '--school',
        'S',
        '--authority',
        'A',
        '--focus',
        'F',
      ],
      dir,
      [
        { expect: 'Stages of the target learners', keys: [ENTER] },
        { expect: 'Which learners does the partnership most want to help', keys: [ENTER] },
        { expect: 'Start the first cycle now?', keys: [ENTER] },
        { expect: 'A short title for this cycle', keys: type('Paired reading') },
        { expect: 'What is the enquiry question?', keys: [CTRL_C] },
        { expect: 'Cancelled: nothing was written.', keys: [] },
      ],
    );
    expect(r.waitingFor).toBeUndefined();
    expect(r.code).toBe(1);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writes nothing when Ctrl-C is pressed in a prompt', () => {
    const dir = tempDir();
    const r = onTerminal(['init'], dir, [
      { expect: 'Title of the enquiry', keys: type('Reading for pleasure') },
      { expect: 'Name of the partnership', keys: type('Northfield') },
      { expect: 'Enquiry method for new cycles', keys: [ENTER] },
      { expect: 'School taking part 1', keys: [CTRL_C] },
      { expect: 'Cancelled: nothing was written.', keys: [] },
    ]);
    expect(r.waitingFor).toBeUndefined();
    expect(r.code).toBe(1);
    expect(r.screen).not.toMatch(/\n\s+at /);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('sipp cycle on a terminal', () => {
  it("asks the title and the method's questions, and writes the answers into question.yaml", () => {
    const dir = newProject();
    const r = onTerminal(['cycle'], dir, [
      { expect: 'A short title for this cycle', keys: type('Paired reading') },
      { expect: 'What is the enquiry question?', keys: type('Does paired reading help P5 learners enjoy reading?') },
      { expect: 'What is the aim', keys: [ENTER] },
      { expect: 'What do you predict', keys: type('Enjoyment scores rise by a fifth') },
      { expect: 'Started cycle 1', keys: [] },
    ]);
    expect(r.code).toBe(0);
    const question = parse(readFileSync(path.join(dir, 'cycles/01-paired-reading/question.yaml'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(question).toMatchObject({
      title: 'Paired reading',
      question: 'Does paired reading help P5 learners enjoy reading?',
      aim: null,
      prediction: 'Enjoyment scores rise by a fifth',
    });
  });

  it('offers "Cycle N" as the title', () => {
    const dir = newProject();
    const r = onTerminal(['cycle', '--question', 'Q?'], dir, [
      { expect: 'A short title for this cycle', keys: [ENTER] },
      { expect: 'What is the aim', keys: [ENTER] },
      { expect: 'What do you predict', keys: [ENTER] },
      { expect: 'Started cycle 1', keys: [] },
    ]);
    expect(r.code).toBe(0);
    expect(r.screen).not.toContain('What is the enquiry question?');
    expect(existsSync(path.join(dir, 'cycles/01-cycle-1/question.yaml'))).toBe(true);
  });

  it('writes nothing when Ctrl-C is pressed in a prompt', () => {
    const dir = newProject();
    writeFileSync(path.join(dir, 'notes.md'), 'ours\n');
    const before = snapshotTree(dir);
    const r = onTerminal(['cycle', 'Paired reading'], dir, [
      { expect: 'What is the enquiry question?', keys: type('Q?') },
      { expect: 'What is the aim', keys: [CTRL_C] },
      { expect: 'Cancelled: nothing was written.', keys: [] },
    ]);
    expect(r.code).toBe(1);
    expect(snapshotTree(dir)).toEqual(before);
  });
});
