import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inspectTable } from '../../../src/core/data/inspect.js';
import { resolveColumns } from '../../../src/core/data/columns.js';
import { tableFromRows } from '../../../src/core/data/table.js';
import { isSippError } from '../../../src/core/problems.js';
import { editMeasuresText, measureDefinition } from '../../../src/core/data/measures-file.js';
import type { AggregatedGroup } from '../../../src/core/data/aggregate.js';
import { keepOriginalLines } from '../../../src/core/data/keep-lines.js';

const GROUPS: AggregatedGroup[] = [
  {
    name: 'Intervention',
    role: 'intervention',
    equity: 'all',
    before: { n: 15, mean: 23.4, sd: 4.91 },
    after: { n: 14, mean: 27.64, sd: 3.39 },
  },
  {
    name: 'Comparison',
    role: 'comparison',
    equity: 'all',
    before: { n: 15, mean: 24.13, sd: 4.69 },
    after: { n: 14, mean: 25.07, sd: 4.83 },
  },
];

const FILE = `# yaml-language-server: $schema=../../.sipp/schemas/measures.schema.json
# Aggregated figures only.   (spacing kept)

# The measures this cycle uses.
measures:
  - id: reading-enjoyment
    name: Reading enjoyment survey score   # the partnership survey
    type: outcome
    unit: 'points out of 40'
    # Scored by class teachers.
    higherIsBetter: true
  - id: reads-for-pleasure
    name: Reads for pleasure
    type: outcome
results:
  # Typed in by hand in March.
  - measure: reads-for-pleasure
    groups:
      - name: All
        role: all
        equity: all
        before: { n: 40, count: 12 }
  # Earlier import.
  - measure: reading-enjoyment
    groups:
      - name: Old
        role: intervention
        equity: all
        before: { date: 2025-08-28, n: 3, mean: 1, sd: 1 }
        after: { date: 2026-03-25, n: 3, mean: 2, sd: 1 }
series: []
# The end.
`;

const EXPECTED = `# yaml-language-server: $schema=../../.sipp/schemas/measures.schema.json
# Aggregated figures only.   (spacing kept)

# The measures this cycle uses.
measures:
  - id: reading-enjoyment
    name: Reading enjoyment survey score   # the partnership survey
    type: outcome
    unit: 'points out of 40'
    # Scored by class teachers.
    higherIsBetter: true
  - id: reads-for-pleasure
    name: Reads for pleasure
    type: outcome
results:
  # Typed in by hand in March.
  - measure: reads-for-pleasure
    groups:
      - name: All
        role: all
        equity: all
        before: { n: 40, count: 12 }
  # Earlier import.
  - measure: reading-enjoyment
    groups:
      - name: Intervention
        role: intervention
        equity: all
        before: { date: 2025-08-28, n: 15, mean: 23.4, sd: 4.91 }
        after: { date: 2026-03-25, n: 14, mean: 27.64, sd: 3.39 }
      - name: Comparison
        role: comparison
        equity: all
        before: { n: 15, mean: 24.13, sd: 4.69 }
        after: { n: 14, mean: 25.07, sd: 4.83 }
series: []
# The end.
`;

describe('editMeasuresText', () => {
  it("replaces the measure's results in place, keeping every other line, comment and key order byte for byte", () => {
    const edit = editMeasuresText(FILE, { measure: 'reading-enjoyment', kind: 'score', groups: GROUPS });
    expect(edit.text).toBe(EXPECTED);
    expect(edit).toMatchObject({ addedMeasure: false, kindAdded: false, replaced: 1 });
  });

  it('keeps the file as it was when the same figures are written again', () => {
    const once = editMeasuresText(FILE, { measure: 'reading-enjoyment', kind: 'score', groups: GROUPS }).text;
    expect(editMeasuresText(once, { measure: 'reading-enjoyment', kind: 'score', groups: GROUPS }).text).toBe(once);
  });

  it('adds a measure that is not defined, with its id as its name, and its results', () => {
    const text = `measures: []\nresults: []\nseries: []\n`;
    const edit = editMeasuresText(text, { measure: 'spelling', kind: 'score', groups: GROUPS.slice(0, 1) });
    expect(edit.addedMeasure).toBe(true);
    expect(edit.text).toBe(
      [
        'measures:',
        '  - id: spelling',
        '    name: spelling',
        '    kind: score',
        'results:',
        '  - measure: spelling',
        '    groups:',
        '      - name: Intervention',
        '        role: intervention',
        '        equity: all',
        '        before: { n: 15, mean: 23.4, sd: 4.91 }',
        '        after: { n: 14, mean: 27.64, sd: 3.39 }',
        'series: []',
        '',
      ].join('\n'),
    );
  });

  it("adds missing lists in the schema's order, and fills empty ones", () => {
    const edit = editMeasuresText('# Only a comment and series.\nmeasures:\nseries:\n', {
      measure: 'spelling',
      kind: 'yes-no',
      groups: [],
    });
    expect(edit.text).toBe(
      '# Only a comment and series.\nmeasures:\n  - id: spelling\n    name: spelling\n    kind: yes-no\nresults:\n  - measure: spelling\n    groups: []\nseries:\n',
    );
  });

  it('sets kind: yes-no on a measure without a kind, after its type', () => {
    const edit = editMeasuresText(FILE, { measure: 'reads-for-pleasure', kind: 'yes-no', groups: [] });
    expect(edit.kindAdded).toBe(true);
    expect(edit.text).toContain(
      '  - id: reads-for-pleasure\n    name: Reads for pleasure\n    type: outcome\n    kind: yes-no\nresults:',
    );
  });

  it("replaces the measure's series, keeping other measures' series, and defines the measure first", () => {
    const text = `series:\n  - measure: attendance\n    group: All\n    points:\n      - { date: 2025-09-01, value: 90 }\n  - measure: other\n    points: []\n  - measure: attendance\n    group: Old\n`;
    const edit = editMeasuresText(text, {
      measure: 'attendance',
      kind: 'score',
      series: [{ group: 'All learners', points: [{ date: '2025-09-15', value: 93.5, n: 28 }] }],
    });
    expect(edit.replaced).toBe(2);
    expect(edit.text).toBe(
      'measures:\n  - id: attendance\n    name: attendance\n    kind: score\nseries:\n  - measure: attendance\n    group: All learners\n    points:\n      - { date: 2025-09-15, value: 93.5, n: 28 }\n  - measure: other\n    points: []\n',
    );
  });

  it('refuses a file that is not valid YAML, or a list that is not a list (exit 1)', () => {
    for (const text of ['results: [\n', 'results:\n  a: 1\n']) {
      try {
        editMeasuresText(text, { measure: 'x', kind: 'score', groups: GROUPS });
        expect.unreachable();
      } catch (e) {
        expect(isSippError(e) && e.exitCode).toBe(1);
      }
    }
  });
});

describe('measureDefinition', () => {
  it('says whether the measure is defined, and its kind if it declares one', () => {
    expect(measureDefinition(FILE, 'reading-enjoyment')).toEqual({ exists: true, kind: undefined });
    expect(measureDefinition('measures:\n  - id: a\n    name: A\n    kind: yes-no\n', 'a')).toEqual({
      exists: true,
      kind: 'yes-no',
    });
    expect(measureDefinition('measures: []\n', 'a')).toEqual({ exists: false, kind: undefined });
  });
});

describe('what an import writes into measures.yaml', () => {
  it('never holds a learner code, for any table', () => {
    const code = fc.stringMatching(/^[A-Z]{3}[0-9]{3}[a-z]{2}$/);
    const row = fc.tuple(
      code,
      fc.constantFrom('intervention', 'comparison'),
      fc.constantFrom('1', '2', '3', '4', '5', ''),
      fc.constantFrom('yes', 'no'),
      fc.integer({ min: 0, max: 40 }).map(String),
      fc.oneof(fc.integer({ min: 0, max: 40 }).map(String), fc.constant('')),
    );
    fc.assert(
      fc.property(fc.uniqueArray(row, { minLength: 1, maxLength: 40, selector: (r) => r[0] }), (rows) => {
        const table = tableFromRows([['learner', 'group', 'simd', 'fsm', 'before', 'after'], ...rows]);
        const result = inspectTable(table, {
          columns: resolveColumns(table.headings).columns,
          equity: { marker: 'simd-quintile', quintiles: [1, 2] },
          asOf: '2025-11-20',
        });
        if (!result.ok) throw new Error('expected the table to import');
        const { text } = editMeasuresText('measures: []\nresults: []\n', {
          measure: 'm',
          kind: result.kind,
          groups: result.groups,
        });
        for (const [learner] of rows) expect(text).not.toContain(learner);
      }),
      { numRuns: 200 },
    );
  });
});

describe('keepOriginalLines', () => {
  it("puts back untouched lines exactly, with the file's own line endings", () => {
    const original = 'a: 1   # note\r\nb:\r\n  - x\r\n# end\r\n';
    const normalised = 'a: 1 # note\nb:\n  - x\n\n# end\n';
    const edited = 'a: 1 # note\nb:\n  - x\n  - y\n\n# end\n';
    expect(keepOriginalLines(original, normalised, edited)).toBe('a: 1   # note\r\nb:\r\n  - x\r\n  - y\r\n# end\r\n');
  });

  it('returns the edit as it is when yaml writes the original unchanged', () => {
    expect(keepOriginalLines('a: 1\n', 'a: 1\n', 'a: 2\n')).toBe('a: 2\n');
  });

  it('uses the normalised line where the edit changed part of a run of normalised lines', () => {
    const original = 'list: [1,\n  2]\nb: 1\n';
    const normalised = 'list: [ 1, 2 ]\nb: 1\n';
    const edited = 'list: [ 1, 2, 3 ]\nb: 1\n';
    expect(keepOriginalLines(original, normalised, edited)).toBe('list: [ 1, 2, 3 ]\nb: 1\n');
  });
});
