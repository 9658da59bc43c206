import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { columnLetter, tableFromRows } from '../../../src/core/data/table.js';
import { isSippError } from '../../../src/core/problems.js';
import { delimiterOf, readTableFile, tableFormatOf } from '../../../src/project/table.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/tables');
const dir = mkdtempSync(path.join(tmpdir(), 'sipp-table-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const absolute = path.join(dir, name);
  writeFileSync(absolute, content);
  return absolute;
}

async function failure(promise: Promise<unknown>): Promise<{ exit: number; message: string }> {
  try {
    await promise;
  } catch (e) {
    if (isSippError(e)) return { exit: e.exitCode, message: `${e.message} ${e.hint ?? ''}` };
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('the table model', () => {
  it('names columns by spreadsheet letters', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual([
      'A',
      'B',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
  });

  it('pads rows, drops blank rows at the end, and gives cells beyond the headings a column', () => {
    const table = tableFromRows([[' learner ', 'before'], ['L01'], ['L02', '20', 'extra'], [''], ['', '  ']]);
    expect(table).toEqual({
      headings: ['learner', 'before', ''],
      rows: [
        ['L01', '', ''],
        ['L02', '20', 'extra'],
      ],
    });
  });
});

describe('readTableFile', () => {
  it('reads a UTF-8 CSV with a byte-order mark, quoted cells and Windows line endings', async () => {
    const absolute = file(
      'bom.csv',
      '\uFEFFlearner,"Sept, score",note\r\nL01,21,"said ""more"", please"\r\nL02,,"two\r\nlines"\r\n',
    );
    const { table, format, bytes } = await readTableFile(absolute, 'bom.csv');
    expect(format).toBe('csv');
    expect(table.headings).toEqual(['learner', 'Sept, score', 'note']);
    expect(table.rows).toEqual([
      ['L01', '21', 'said "more", please'],
      ['L02', '', 'two\r\nlines'],
    ]);
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('reads a semicolon-separated CSV with decimal commas as written', async () => {
    const { table } = await readTableFile(file('semi.csv', 'learner;before;after\nL01;21,5;24\n'), 'semi.csv');
    expect(table.rows).toEqual([['L01', '21,5', '24']]);
  });

  it('reads a Windows-1252 CSV (Excel\'s plain "CSV" on Windows)', async () => {
    const { table } = await readTableFile(
      file('ansi.csv', Buffer.from('learner,note\nL01,caf\xe9\n', 'latin1')),
      'ansi.csv',
    );
    expect(table.rows).toEqual([['L01', 'café']]);
  });

  it('keeps blank lines as rows, so row numbers match the file', async () => {
    const { table } = await readTableFile(file('gaps.csv', 'learner,before\nL01,1\n\nL02,2\n'), 'gaps.csv');
    expect(table.rows).toEqual([
      ['L01', '1'],
      ['', ''],
      ['L02', '2'],
    ]);
  });

  it('reads the first sheet of an .xlsx: numbers as stored, booleans, dates as YYYY-MM-DD', async () => {
    const { table, format } = await readTableFile(path.join(FIXTURES, 'class-12.xlsx'), 'class-12.xlsx');
    expect(format).toBe('xlsx');
    expect(table.headings).toEqual(['learner', 'group', 'simd', 'fsm', 'before', 'after', 'assessed']);
    expect(table.rows).toHaveLength(12);
    expect(table.rows[0]).toEqual(['P5-01', 'intervention', '1', 'true', '21', '26.5', '2025-09-15']);
    expect(table.rows[5]).toEqual(['P5-06', 'intervention', '2', 'true', '19', '', '2025-09-15']);
  });

  it('refuses UTF-16 text, a workbook named .csv, a missing file and a folder (exit 1)', async () => {
    const utf16 = await failure(readTableFile(file('u16.csv', Buffer.from('\ufefflearner\n', 'utf16le')), 'u16.csv'));
    expect(utf16).toMatchObject({ exit: 1, message: expect.stringMatching(/UTF-16.*CSV UTF-8/) });
    const zip = await failure(readTableFile(file('book.csv', Buffer.from('PK\x03\x04rest', 'latin1')), 'book.csv'));
    expect(zip).toMatchObject({ exit: 1, message: expect.stringContaining('an Excel workbook with a .csv name') });
    expect(await failure(readTableFile(path.join(dir, 'nope.csv'), 'nope.csv'))).toMatchObject({
      exit: 1,
      message: expect.stringContaining('There is no file nope.csv'),
    });
    expect(await failure(readTableFile(dir, 'folder.csv'))).toMatchObject({
      exit: 1,
      message: expect.stringContaining('is a folder'),
    });
  });

  it('refuses a broken workbook and an unclosed quote (exit 1)', async () => {
    const broken = await failure(readTableFile(file('broken.xlsx', 'not a zip'), 'broken.xlsx'));
    expect(broken).toMatchObject({
      exit: 1,
      message: expect.stringContaining('could not be read as an Excel workbook'),
    });
    const quote = await failure(readTableFile(file('quote.csv', 'learner,note\nL01,"open\n'), 'quote.csv'));
    expect(quote).toMatchObject({ exit: 1, message: expect.stringContaining('a quoted cell is never closed') });
  });

  it('refuses a file with no headings (exit 1)', async () => {
    expect(await failure(readTableFile(file('empty.csv', '\n\n'), 'empty.csv'))).toMatchObject({
      exit: 1,
      message: expect.stringContaining('empty.csv is empty'),
    });
  });
});

describe('tableFormatOf', () => {
  it('knows .csv and .xlsx in any case, and refuses anything else with exit 2', () => {
    expect(tableFormatOf('a.CSV')).toBe('csv');
    expect(tableFormatOf('b.Xlsx')).toBe('xlsx');
    for (const name of ['c.xls', 'd.ods', 'e.txt', 'f']) {
      try {
        tableFormatOf(name);
        expect.unreachable();
      } catch (e) {
        expect(isSippError(e) && e.exitCode).toBe(2);
      }
    }
  });
});

describe('delimiterOf', () => {
  it('picks the separator the heading line uses most, outside quotes', () => {
    expect(delimiterOf('a,b,c\n1;2')).toBe(',');
    expect(delimiterOf('a;b;"c,d,e"\n')).toBe(';');
    expect(delimiterOf('a\tb\n')).toBe('\t');
    expect(delimiterOf('single\n')).toBe(',');
  });
});
