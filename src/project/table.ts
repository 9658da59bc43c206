// Reading a class table from disk: a .csv (UTF-8 with or without BOM, or Windows-1252; comma, semicolon or
// tab separated) or the first sheet of an .xlsx, into the pure table model of strings.
import { closeSync, fstatSync, openSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { refusal, usageError } from '../core/problems.js';
import { tableFromRows, type Table } from '../core/data/table.js';
import { readAll } from './read.js';

export type TableFormat = 'csv' | 'xlsx';

/** Class tables are small; a file this large is not one (and would be slow to check). */
export const MAX_TABLE_BYTES = 50 * 1024 * 1024;
/**
 * Workbooks are compressed and slow to unpack: a class of 10,000 learners is well under 1 MB as .xlsx, and a
 * 44 MB workbook took over 20 s to read. Larger ones are refused with what to do.
 */
export const MAX_WORKBOOK_BYTES = 10 * 1024 * 1024;

export interface TableFile {
  table: Table;
  /** The file's bytes exactly as read, for the private copy (so the copy is what was checked). */
  bytes: Buffer;
  format: TableFormat;
}

/** The format a file name says, or a usage error (exit 2) for anything but .csv and .xlsx. */
export function tableFormatOf(file: string): TableFormat {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.xlsx') return 'xlsx';
  const hint =
    ext === '.xls' || ext === '.ods' || ext === '.numbers'
      ? 'Open it in your spreadsheet program and save it as an Excel workbook (.xlsx) or as CSV (UTF-8).'
      : 'Export the class table from your spreadsheet as CSV (UTF-8) or as an Excel workbook (.xlsx).';
  throw usageError(`sipp imports .csv and .xlsx files; ${file} is ${ext === '' ? 'neither' : `a ${ext} file`}.`, hint);
}

export async function readTableFile(absolute: string, label: string): Promise<TableFile> {
  const format = tableFormatOf(label);
  const bytes = readBytes(absolute, label, format === 'xlsx' ? MAX_WORKBOOK_BYTES : MAX_TABLE_BYTES);
  const rows = format === 'csv' ? csvRows(bytes, label) : await xlsxRows(bytes, label);
  const table = tableFromRows(rows);
  if (table.headings.every((h) => h === ''))
    throw refusal(`${label} is empty: it should have a row of headings and then a row per learner.`);
  return { table, bytes, format };
}

function readBytes(absolute: string, label: string, limit: number): Buffer {
  let fd: number;
  try {
    const stat = statSync(absolute);
    if (stat.isDirectory()) throw refusal(`${label} is a folder, not a table. Give the path of a .csv or .xlsx file.`);
    if (!stat.isFile()) throw refusal(`${label} is not an ordinary file (it may be a pipe or a device).`);
    fd = openSync(absolute, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw refusal(`There is no file ${label}.`, {
        hint: 'Check the name and the folder; paths are relative to the folder you run sipp in.',
      });
    if (code === 'EACCES' || code === 'EPERM')
      throw refusal(`sipp is not allowed to read ${label}. Check the file's permissions.`);
    if (code) throw refusal(`${label} could not be opened (${code}).`);
    throw e;
  }
  try {
    const size = fstatSync(fd).size;
    if (size > limit)
      throw refusal(
        `${label} is ${(size / 1024 / 1024).toFixed(0)} MB: too large for a class table (sipp reads ${limit === MAX_WORKBOOK_BYTES ? 'workbooks' : 'tables'} of up to ${limit / 1024 / 1024} MB). Nothing was written.`,
        {
          hint:
            limit === MAX_WORKBOOK_BYTES
              ? 'Copy only the columns and learners the measure needs into a new workbook, or save the sheet as CSV (UTF-8).'
              : 'Export only the columns and learners the measure needs.',
        },
      );
    return readAll(fd, size);
  } finally {
    closeSync(fd);
  }
}

function csvRows(bytes: Buffer, label: string): string[][] {
  const text = decodeCsv(bytes, label);
  try {
    return parseCsv(text, {
      delimiter: delimiterOf(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (e) {
    const error = e as Error & { code?: string; lines?: number };
    const where = typeof error.lines === 'number' ? ` (line ${error.lines})` : '';
    const what = error.code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quoted cell is never closed' : 'its quotes do not match up';
    throw refusal(`${label} could not be read as CSV${where}: ${what}.`, {
      hint: 'Open it in your spreadsheet program and save it again as CSV (UTF-8).',
    });
  }
}

/**
 * UTF-8 (a byte-order mark is dropped); failing that, Windows-1252, which Excel's plain "CSV" uses on
 * Windows. UTF-16 and workbooks given a .csv name are refused with what to do.
 */
function decodeCsv(bytes: Buffer, label: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw refusal(`${label} is saved as UTF-16 ("Unicode text").`, {
      hint: 'Save it again as "CSV UTF-8 (comma delimited)".',
    });
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    throw refusal(`${label} is an Excel workbook with a .csv name.`, {
      hint: 'Rename it to end in .xlsx, or save it again as CSV (UTF-8).',
    });
  }
  if (bytes.includes(0))
    throw refusal(`${label} is not a text file, so it cannot be CSV.`, {
      hint: 'Export the class table as CSV (UTF-8) or .xlsx.',
    });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  return text.replace(/^\uFEFF/, '');
}

/** The separator of the heading line: whichever of comma, semicolon and tab it has most of (outside quotes). */
export function delimiterOf(text: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  for (const [ch, n] of counts) if (n > (counts.get(best) ?? 0)) best = ch;
  return best;
}

async function xlsxRows(bytes: Buffer, label: string): Promise<string[][]> {
  const { readSheet } = await import('read-excel-file/node');
  let data: unknown[][];
  try {
    // Numbers as the text the workbook stores, so 27.2 stays 27.2 rather than a rounded float.
    data = (await readSheet<string>(bytes, { parseNumber: (s: string) => s })) as unknown[][];
  } catch {
    throw refusal(`${label} could not be read as an Excel workbook (.xlsx).`, {
      hint: 'Open it in your spreadsheet program and save it again as .xlsx, or as CSV (UTF-8).',
    });
  }
  return data.map((row) => row.map(cellText));
}

/** A workbook cell as text: dates as YYYY-MM-DD, TRUE/FALSE as true/false, empty as "". */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  return String(value);
}
