// Reading a record from disk safely: folders, binary files, huge files and broken text become Problems.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_RECORD_BYTES, readSourceFile } from '../../../src/project/read.js';

const dir = mkdtempSync(path.join(tmpdir(), 'sipp-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function problemsOf(name: string, content: string | Uint8Array): string[] {
  const absolute = path.join(dir, name);
  writeFileSync(absolute, content);
  return readSourceFile(absolute, name).problems.map((p) => `${p.line}:${p.column} ${p.rule}: ${p.message}`);
}

describe('readSourceFile', () => {
  it('reads UTF-8 text, with or without a byte-order mark', () => {
    expect(problemsOf('plain.yaml', 'title: Café\n')).toEqual([]);
    const absolute = path.join(dir, 'bom.yaml');
    writeFileSync(absolute, '\uFEFFtitle: x\n');
    expect(readSourceFile(absolute, 'bom.yaml').data).toEqual({ title: 'x' });
  });

  it('refuses a folder where a file should be', () => {
    mkdirSync(path.join(dir, 'folder.yaml'));
    expect(readSourceFile(path.join(dir, 'folder.yaml'), 'folder.yaml').problems.map((p) => p.rule)).toEqual([
      'not-a-file',
    ]);
  });

  it('refuses a binary file', () => {
    expect(problemsOf('binary.yaml', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x01]))).toEqual([
      '1:1 binary: This is not a text file (it looks like a binary file, such as a spreadsheet or an image). Records are YAML text.',
    ]);
  });

  it('refuses text that is not UTF-8, naming UTF-16 when that is what it is', () => {
    expect(problemsOf('latin1.yaml', new Uint8Array([0x74, 0x3a, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x0a]))).toEqual([
      '1:1 encoding: This file is not saved as UTF-8 text. Save it again as UTF-8 in your editor.',
    ]);
    expect(problemsOf('utf16.yaml', Buffer.from('\uFEFFtitle: x\n', 'utf16le'))).toEqual([
      '1:1 encoding: This file is saved as UTF-16 ("Unicode") text. Save it again as UTF-8 in your editor.',
    ]);
  });

  it('refuses a very large file without reading it', () => {
    const problems = problemsOf('huge.yaml', `title: ${'x'.repeat(MAX_RECORD_BYTES)}\n`);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^1:1 too-large: This file is 2\.0 MB; a record should be a few kilobytes of text\./);
  });

  it('reports a file that cannot be opened', () => {
    expect(readSourceFile(path.join(dir, 'missing.yaml'), 'missing.yaml').problems.map((p) => p.rule)).toEqual([
      'unreadable',
    ]);
  });
});
