// Schema problems on YAML strings: one plain-words message per mistake, at the offending key or value.
import { describe, expect, it } from 'vitest';
import { VALID_PROJECT, cycleFiles, lines, validate } from './project-from.js';

const sipp = (text: string): string[] => lines({ 'sipp.yaml': text });
const record = (name: 'question' | 'baseline' | 'intervention' | 'measures' | 'reflections', text: string): string[] =>
  lines(cycleFiles('01-first', { [name]: text })).map((l) => l.replace(`cycles/01-first/${name}.yaml:`, ''));

describe('schema problems', () => {
  it('accepts a valid project and freshly emptied records', () => {
    expect(validate({ 'sipp.yaml': VALID_PROJECT, ...cycleFiles('01-first') })).toEqual([]);
    expect(record('question', 'title:\nquestion:\naim:\ntargetLearners:\n  stages: []\nsuccessCriteria: []\n')).toEqual(
      [],
    );
  });

  it('reports a wrong type at the value, quoting what was found', () => {
    expect(
      record(
        'measures',
        'results:\n  - measure: enjoyment\n    groups:\n      - name: P5\n        before:\n          n: twelve\n',
      ),
    ).toEqual(['6:14: `n` must be a whole number of 0 or more, got "twelve"']);
    expect(record('baseline', 'values:\n  - measure: enjoyment\n    n: 12.5\n    value: high\n')).toEqual([
      '3:8: `n` must be a whole number of 0 or more, got 12.5',
      '4:12: `value` must be a number, got "high"',
    ]);
  });

  it('describes found values in plain words', () => {
    expect(record('question', 'targetLearners: [P4]\n')).toEqual([
      '1:17: `targetLearners` must be a group of "key: value" lines, got a list',
    ]);
    expect(record('question', 'successCriteria: Learners read more\n')).toEqual([
      '1:18: `successCriteria` must be a list, got "Learners read more"',
    ]);
    expect(record('intervention', 'dosage:\n  sessionsPlanned: [3]\n')).toEqual([
      '2:20: `sessionsPlanned` must be a whole number of 0 or more, got a list',
    ]);
    expect(sipp('schemaVersion: 1\ntitle:\nmethod: car\n')).toEqual([
      'sipp.yaml:2:1: `title` must be text, got nothing',
    ]);
  });

  it('suggests quotes when a number or true/false stands where text belongs', () => {
    expect(record('question', 'title: 2024\n')).toEqual([
      '1:8: `title` must be text, got 2024 (put it in quotes if it is meant as text: "2024")',
    ]);
  });

  it('lists the allowed values of an enum once, even when the type is wrong too', () => {
    expect(record('reflections', 'decision: keep\n')).toEqual([
      '1:11: `decision` must be one of: adopt, adapt, abandon, scale, continue; got "keep"',
    ]);
    expect(record('reflections', 'decision: 5\n')).toEqual([
      '1:11: `decision` must be one of: adopt, adapt, abandon, scale, continue; got 5',
    ]);
    expect(record('reflections', 'decision: [adopt]\n')).toEqual([
      '1:11: `decision` must be one of: adopt, adapt, abandon, scale, continue; got a list',
    ]);
  });

  it('suggests the enum value that was probably meant', () => {
    expect(record('reflections', 'decision: Adopt\n')).toEqual([
      '1:11: `decision` must be one of: adopt, adapt, abandon, scale, continue; got "Adopt". Did you mean adopt?',
    ]);
    expect(record('question', 'targetLearners:\n  stages: [P4, p5, P8]\n')).toEqual([
      '2:16: Item 2 of `stages` must be one of: ELC, P1, P2, P3, P4, P5, P6, P7, S1, S2, S3, S4, S5, S6; got "p5". Did you mean P5?',
      '2:20: Item 3 of `stages` must be one of: ELC, P1, P2, P3, P4, P5, P6, P7, S1, S2, S3, S4, S5, S6; got "P8"',
    ]);
  });

  it('explains dates in the YYYY-MM-DD form, and dates that do not exist', () => {
    expect(record('baseline', 'date: 15/09/2025\n')).toEqual([
      '1:7: `date` must be a date written as YYYY-MM-DD, got "15/09/2025". Write 2025-09-15 for 15 September 2025.',
    ]);
    expect(record('baseline', 'date: 2025-02-30\n')).toEqual([
      '1:7: `date` must be a date written as YYYY-MM-DD, got "2025-02-30", which is not a real date',
    ]);
    expect(record('baseline', 'date: 20250915\n')).toEqual([
      '1:7: `date` must be a date written as YYYY-MM-DD, got 20250915',
    ]);
  });

  it('says what a valid measure id looks like, and suggests one', () => {
    expect(record('baseline', 'values:\n  - measure: Reading Enjoyment\n')).toEqual([
      '2:14: `measure` must be an id made of lower-case letters, digits and hyphens, such as reading-enjoyment, got "Reading Enjoyment". Did you mean reading-enjoyment?',
    ]);
    expect(record('baseline', 'values:\n  - measure: "-"\n')).toEqual([
      '2:14: `measure` must be an id made of lower-case letters, digits and hyphens, such as reading-enjoyment, got "-"',
    ]);
  });

  it('explains const, minimum, maximum and minLength', () => {
    expect(sipp('schemaVersion: 2\ntitle: T\nmethod: car\n')).toEqual([
      'sipp.yaml:1:16: `schemaVersion` must be 1, got 2',
    ]);
    expect(sipp('schemaVersion: 1\ntitle: T\nmethod: car\nsuppressionThreshold: 0\n')).toEqual([
      'sipp.yaml:4:23: `suppressionThreshold` must be a whole number of 1 or more, got 0',
    ]);
    expect(record('question', 'equityGroup:\n  quintiles: [1, 6]\n')).toEqual([
      '2:18: Item 2 of `quintiles` must be a whole number from 1 to 5, got 6',
    ]);
    expect(sipp('schemaVersion: 1\ntitle: ""\nmethod: car\n')).toEqual([
      'sipp.yaml:2:8: `title` must not be empty. Write an answer, or remove the line if it is optional.',
    ]);
  });

  it('reports a repeated list item once, at the repeat', () => {
    expect(record('question', 'targetLearners:\n  stages: [P4, P5, P4]\n')).toEqual([
      '2:20: `stages` lists P4 twice. Keep one.',
    ]);
    expect(record('question', 'equityGroup:\n  quintiles:\n    - 1\n    - 1\n')).toEqual([
      '4:7: `quintiles` lists 1 twice. Keep one.',
    ]);
  });

  it('reports an unknown key at the key, with the closest allowed key', () => {
    expect(record('question', 'predicton: More reading\n')).toEqual([
      '1:1: Unknown key `predicton`. Did you mean `prediction`?',
    ]);
    expect(record('question', 'how_will_we_know: x\n')).toEqual([
      '1:1: Unknown key `how_will_we_know`. Did you mean `howWillWeKnow`?',
    ]);
  });

  it('lists the allowed keys when no key is close', () => {
    expect(record('intervention', 'dosage:\n  colour: red\n')).toEqual([
      '2:3: Unknown key `colour`. The keys allowed here are: sessionsPlanned, sessionsDelivered, minutesPerSession, frequency.',
    ]);
  });

  it('reports a missing required key at its parent, saying who needs it', () => {
    expect(sipp('partnership:\n  schools:\n    - sector: primary\n')).toEqual([
      'sipp.yaml:1:1: `method` is missing: sipp.yaml needs an enquiry method (for example `method: car`)',
      'sipp.yaml:1:1: `schemaVersion` is missing: sipp.yaml needs the file format version (`schemaVersion: 1`)',
      'sipp.yaml:1:1: `title` is missing: sipp.yaml needs a title',
      'sipp.yaml:3:7: `name` is missing: every school needs a name',
    ]);
    expect(
      record(
        'measures',
        'results:\n  - measure: a\n    groups:\n      - name: P5\n        after:\n          mean: 3\n',
      ),
    ).toEqual(['5:9: `n` is missing: every set of figures needs the number of learners (n)']);
    expect(record('intervention', 'adaptations:\n  - date: 2025-10-01\n')).toEqual([
      '2:5: `change` is missing: every adaptation needs a description of the change',
    ]);
  });

  it('treats a misspelt required key as one mistake', () => {
    expect(sipp(`${VALID_PROJECT}team:\n  - nmae: Ms Wilson\n`)).toEqual([
      'sipp.yaml:10:5: Unknown key `nmae`. Did you mean `name`?',
    ]);
  });

  it('does not suggest a key that is already there', () => {
    expect(sipp(`${VALID_PROJECT}focus: reading\nfocsu: writing\n`)[0]).toMatch(
      /^sipp\.yaml:10:1: Unknown key `focsu`\. The keys allowed here are: schemaVersion, /,
    );
  });

  it('reports __proto__, constructor and prototype as unknown keys without polluting prototypes', () => {
    const problems = sipp(`${VALID_PROJECT}__proto__:\n  polluted: true\nconstructor: 1\nprototype: 2\n`);
    expect(problems.map((l) => l.replace(/\. The keys allowed here are: .*$/, ''))).toEqual([
      'sipp.yaml:9:1: Unknown key `__proto__`',
      'sipp.yaml:11:1: Unknown key `constructor`',
      'sipp.yaml:12:1: Unknown key `prototype`',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('never uses schema jargon', () => {
    const all = [
      ...sipp('schemaVersion: x\ntitle: [1]\nmethod: {a: 1}\nextra: 1\nsuppressionThreshold: -1\n'),
      ...record(
        'measures',
        'measures:\n  - id: A B\n    kind: 3\nresults: {}\nseries:\n  - points:\n      - value: x\n',
      ),
    ];
    expect(all.length).toBeGreaterThan(5);
    for (const line of all)
      expect(line).not.toMatch(
        /instancePath|additionalProperties|must NOT|must have required|should be|#\/|\$defs|\bschema\b/,
      );
  });

  it('gives every problem a rule id and error severity', () => {
    const problems = validate({ 'sipp.yaml': 'schemaVersion: 1\ntitle: T\nmethod: carr\nfocsu: x\n' });
    expect(problems.map((p) => [p.rule, p.severity])).toEqual([
      ['enum', 'error'],
      ['unknown-key', 'error'],
    ]);
  });

  it('caps the problems of a file that is clearly not a record', () => {
    const text = `${VALID_PROJECT}${Array.from({ length: 150 }, (_, i) => `key${i}: 1`).join('\n')}\n`;
    const problems = validate({ 'sipp.yaml': text });
    expect(problems).toHaveLength(101);
    expect(problems[0]?.message).toBe(
      'This file has more than 100 problems; sipp lists the first 100. Is it the right file? Fix those and run sipp validate again.',
    );
  });
});
