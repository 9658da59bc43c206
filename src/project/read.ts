// Reading one file of the project safely: refusing folders, binary files, huge files and broken text with a Problem.
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync } from 'node:fs';
import { LineCounter } from 'yaml';
import type { Problem } from '../core/problems.js';
import { parseSource, type SourceFile } from '../core/records/source.js';
import type { FileCache } from './file-cache.js';

/** Records are short text; anything larger is a mistake (a pasted export, a binary), not a record. */
export const MAX_RECORD_BYTES = 2 * 1024 * 1024;

const FOLDER = 'This should be a file, but it is a folder. Move the folder elsewhere and restore the file.';

// Non-blocking, so that opening a named pipe does not wait for a writer for ever (it has no effect on files).
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * Reads and parses a YAML file. Problems with the file itself come back in `problems`; nothing throws.
 * With a cache, a file whose text is unchanged since the last run is not parsed again.
 */
export function readSourceFile(absolute: string, relative: string, cache?: FileCache): SourceFile {
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
    fd = openSync(absolute, OPEN_FLAGS);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') return fail(FOLDER, 'not-a-file');
    if (code === 'EACCES' || code === 'EPERM')
      return fail('sipp is not allowed to read this file. Check its permissions.', 'unreadable');
    if (code === 'ELOOP')
      return fail(
        'This file is a link (a symbolic link) that leads back to itself. Replace the link with the file itself.',
        'unreadable',
      );
    if (code === 'ENOENT' && lstatSync(absolute, { throwIfNoEntry: false })?.isSymbolicLink())
      return fail(
        'This file is a link (a symbolic link) to a file that does not exist. Replace the link with the file itself.',
        'unreadable',
      );
    if (code === 'ENOENT') return fail('This file does not exist. Restore it from Git.', 'unreadable');
    return fail(`This file could not be opened (${code ?? 'unknown error'}).`, 'unreadable');
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return fail(FOLDER, 'not-a-file');
    if (!stat.isFile())
      return fail(
        'This should be a plain text file, but it is something else (such as a pipe or a device).',
        'not-a-file',
      );
    if (stat.size > MAX_RECORD_BYTES) {
      const size = (stat.size / 1024 / 1024).toFixed(1);
      return fail(
        `This file is ${size} MB; a record should be a few kilobytes of text. Keep large data in data/private/ and only figures here.`,
        'too-large',
      );
    }
    const bytes = readAll(fd, stat.size);
    if (startsWithUtf16Mark(bytes))
      return fail('This file is saved as UTF-16 ("Unicode") text. Save it again as UTF-8 in your editor.', 'encoding');
    if (bytes.includes(0)) {
      return fail(
        'This is not a text file (it looks like a binary file, such as a spreadsheet or an image). Records are YAML text.',
        'binary',
      );
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      return fail('This file is not saved as UTF-8 text. Save it again as UTF-8 in your editor.', 'encoding');
    }
    const known = cache?.source(relative, text);
    if (known) return known;
    const source = parseSource(relative, text);
    cache?.remember(source);
    return source;
  } finally {
    closeSync(fd);
  }
}

/** Up to `size` bytes of an open file, from its start. */
export function readAll(fd: number, size: number): Buffer {
  const buffer = Buffer.alloc(size);
  let read = 0;
  while (read < size) {
    const n = readSync(fd, buffer, read, size - read, read);
    if (n === 0) break;
    read += n;
  }
  return buffer.subarray(0, read);
}

/** Windows editors write UTF-16 with a byte-order mark; its zero bytes would otherwise look binary. */
function startsWithUtf16Mark(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}
