import { describe, expect, it } from 'vitest';
import { inspectTable, unknownAllowedHeadings } from '../../../src/core/data/inspect.js';
import { cappedLines, cellProblemLine, personalDataLine } from '../../../src/core/data/messages.js';
import { resolveColumns } from '../../../src/core/data/columns.js';
import { tableFromRows } from '../../../src/core/data/table.js';

const AS_OF = '2025-11-20';
const SIMD_12 = { marker: 'simd-quintile', quintiles: [1, 2] } as const;

describe('inspectTable', () => {
  const table = tableFromRows([
    ['learner', 'Buddy', 'group', 'simd', 'before', 'after'],
    ['L01', 'Emma Smith', 'intervention', '1', '20', '24'],
    ['L02', 'Liam Brown', 'intervention', '', '21', ''],
    ['L03', 'Ava Reid', 'comparison', '4', '22', '23'],
  ]);
  const columns = resolveColumns(table.headings).columns;

  it('refuses personal data that is not allowed, with the cell problems too', () => {
    const result = inspectTable(table, { columns, equity: SIMD_12, asOf: AS_OF });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.personal.map((f) => f.heading)).toEqual(['Buddy']);
    expect(result.cells).toEqual([]);
  });

  it('imports with --allow-column, counting what is missing', () => {
    const result = inspectTable(table, { columns, equity: SIMD_12, asOf: AS_OF, allowColumns: ['buddy'] });
    expect(result).toMatchObject({
      ok: true,
      shape: 'scores',
      kind: 'score',
      rowsRead: 3,
      missing: { before: 0, after: 1 },
      unknownMarker: { simd: 1 },
    });
    expect(result.allowed.map((f) => f.column)).toEqual([1]);
  });

  it('knows which --allow-column headings the table lacks', () => {
    expect(unknownAllowedHeadings(table, ['BUDDY', 'Name'])).toEqual(['Name']);
  });
});

describe('messages', () => {
  it('places problems as file:row:column with the spreadsheet letter', () => {
    expect(cellProblemLine('a.csv', { row: 12, column: 27, message: 'm', rule: 'date' })).toBe('a.csv:12:AB: m');
    expect(
      personalDataLine(
        'a.csv',
        { headings: ['learner', ''] },
        { column: 1, heading: '', kind: 'email', row: 3, by: 'values' },
      ),
    ).toBe('a.csv:3:B: Column B (no heading) looks like it holds e-mail addresses.');
  });

  it('caps a long list of problems', () => {
    const lines = Array.from({ length: 53 }, (_, i) => `line ${i}`);
    expect(cappedLines(lines)).toHaveLength(51);
    expect(cappedLines(lines).at(-1)).toBe('... and 3 more problems.');
    expect(cappedLines(lines.slice(0, 51), 50).at(-1)).toBe('... and 1 more problem.');
    expect(cappedLines(['a'])).toEqual(['a']);
  });
});
