// Property: whatever text or data a record holds, validation returns problems with real positions and never throws.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { CORE_RECORDS } from '../../../src/core/records/model.js';
import type { Problem } from '../../../src/core/problems.js';
import { validate, type Files } from './project-from.js';

/** Keys the schemas know, so generated data reaches deep into the records and not only "unknown key". */
const KEYS = [
  'schemaVersion',
  'title',
  'method',
  'partnership',
  'schools',
  'name',
  'sector',
  'team',
  'role',
  'targetLearners',
  'stages',
  'equityGroup',
  'quintiles',
  'marker',
  'date',
  'values',
  'measure',
  'n',
  'value',
  'measures',
  'id',
  'kind',
  'results',
  'groups',
  'before',
  'after',
  'count',
  'mean',
  'sd',
  'series',
  'points',
  'start',
  'end',
  'adaptations',
  'change',
  'decision',
  'findings',
  'sharedWith',
  'audience',
  'chart',
  'rebase',
  'dosage',
  '__proto__',
  'constructor',
];

const scalar = fc.oneof(
  fc.constantFrom(
    null,
    true,
    0,
    -1,
    1.5,
    12,
    '',
    'car',
    'P4',
    'yes-no',
    '2025-09-15',
    '2025-02-30',
    '15/09/2025',
    'reading-enjoyment',
    'Adopt',
  ),
  fc.string({ maxLength: 12 }),
  fc.double(),
  fc.integer(),
);

const { tree } = fc.letrec<{ tree: unknown }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('tree'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 6 })), tie('tree'), { maxKeys: 5 }),
  ),
}));

const record = fc.dictionary(fc.constantFrom(...KEYS), tree, { maxKeys: 6 });

/** YAML-ish text: fragments that break YAML in the usual ways, glued together at random. */
const yamlText = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'a: 1',
        'title: x',
        '- ',
        '  ',
        '\t',
        ': ',
        '[',
        ']',
        '{',
        '}',
        '"',
        "'",
        '&a ',
        '*a',
        '<<: ',
        '? ',
        '---',
        '...',
        '#',
        '%YAML 1.1',
        '!!binary ',
        '\n',
        '\r\n',
        '\u0000',
        '\uFEFF',
        'n: twelve',
        'measures:\n  - id: x',
      ),
      fc.string({ maxLength: 8 }),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

function expectWellFormed(problems: readonly Problem[]): void {
  for (const p of problems) {
    expect(p.line).toBeGreaterThanOrEqual(1);
    expect(p.column).toBeGreaterThanOrEqual(1);
    expect(Number.isInteger(p.line) && Number.isInteger(p.column)).toBe(true);
    expect(p.message).not.toBe('');
    expect(p.rule).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(['error', 'warning']).toContain(p.severity);
  }
}

function cycleWith(name: string, text: string): Files {
  const files: Files = {};
  for (const r of CORE_RECORDS) files[`cycles/01-a/${r}.yaml`] = r === name ? text : '{}\n';
  return files;
}

describe('validation never throws', () => {
  it('on arbitrary YAML-ish text in any file', () => {
    fc.assert(
      fc.property(fc.constantFrom('sipp', ...CORE_RECORDS), yamlText, (name, text) => {
        const files = name === 'sipp' ? { 'sipp.yaml': text } : cycleWith(name, text);
        expectWellFormed(validate(files));
      }),
      { numRuns: 400 },
    );
  });

  it('on arbitrary data written as YAML in any file', () => {
    fc.assert(
      fc.property(fc.constantFrom('sipp', ...CORE_RECORDS), record, (name, data) => {
        const text = stringify(data);
        const files = name === 'sipp' ? { 'sipp.yaml': text } : cycleWith(name, text);
        expectWellFormed(validate(files));
      }),
      { numRuns: 400 },
    );
  });

  it('on arbitrary data in every record of two cycles at once (cross-record rules included)', () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 10, maxLength: 10 }), (records) => {
        const files: Files = {};
        records.forEach((data, i) => {
          const folder = i < 5 ? '01-a' : '03-b';
          files[`cycles/${folder}/${CORE_RECORDS[i % 5]}.yaml`] = stringify(data);
        });
        expectWellFormed(validate(files));
      }),
      { numRuns: 150 },
    );
  });

  it('and leaves Object.prototype alone', () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(
      Object.getOwnPropertyNames(Object.getPrototypeOf({})).sort(),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
