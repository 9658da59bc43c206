// Reading one file of the project safely: refusing folders, binary files, huge files and broken text with a Problem.
import { openSync, readSync, closeSync, fstatSync } from 'node:fs';
import { parseSource, type SourceFile } from '../core/records/source.js';
import { LineCounter } from 'yaml';
import type { Problem } from '../core/problems.js';

/** Records are short text; anything larger is a mistake (a pasted export, a binary), not a record. */
export const MAX_RECORD_BYTES = 2 * 1024 * 1024;

/** Reads and parses a YAML file. Problems with the file itself come back in `problems`; nothing throws. */
export function readSourceFile(absolute: string, relative: string): SourceFile {
  const fail = (message: string, rule: string): SourceFile => ({
    file: relative,
    text: '',
    doc: null,
    lineCounter: new LineCounter(),
    data: undefined,
    problems: [{ file: relative, line: 1, column: 1, message, rule, severity: 'error' } satisfies Problem],
  });
  let fd: number;
  try {
    fd = openSync(absolute, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') return fail('This should be a file, but it is a folder. Move the folder elsewhere and restore the file.', 'not-a-file');
    if (code === 'EACCES') return fail('sipp is not allowed to read this file. Check its permissions.', 'unreadable');
    return fail(`This file could not be opened (${code ?? 'unknown error'}).`, 'unreadable');
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return fail('This should be a file, but it is a folder. Move the folder elsewhere and restore the file.', 'not-a-file');
    if (stat.size > MAX_RECORD_BYTES) {
      return fail(`This file is ${(stat.size / 1024 / 1024).toFixed(1)} MB; a record should be a few kilobytes of text. Keep large data in data/private/ and only figures here.`, 'too-large');
    }
    const buffer = Buffer.alloc(stat.size);
    let read = 0;
    while (read < stat.size) {
      const n = readSync(fd, buffer, read, stat.size - read, read);
      if (n === 0) break;
      read += n;
    }
    const bytes = buffer.subarray(0, read);
    if (bytes.includes(0)) return fail('This is not a text file (it looks like a binary file, such as a spreadsheet or an image). Records are YAML text.', 'binary');
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return fail('This file is not saved as UTF-8 text. Save it again as UTF-8 in your editor.', 'encoding');
    }
    return parseSource(relative, text.replace(/^\uFEFF/, ''));
  } finally {
    closeSync(fd);
  }
}
