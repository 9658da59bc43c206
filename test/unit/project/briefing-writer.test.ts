// The writer `sipp brief` hands each cycle's briefings to as they are made: every name is checked before the first
// is written, and only checked names are written.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generatedFile } from '../../../src/core/render/render.js';
import { openBriefingWriter } from '../../../src/project/briefings.js';

const base = mkdtempSync(path.join(tmpdir(), 'sipp-writer-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));
const shown = (absolute: string): string => path.relative(base, absolute);

describe('the briefing writer', () => {
  it('writes what was checked, batch after batch, and lists every file written', async () => {
    const out = path.join(base, 'one');
    const writer = openBriefingWriter(out, shown);
    writer.check(['01-a.md', '01-a.charts/x.svg', 'overview.md']);
    await writer.write([
      { file: '01-a.md', text: generatedFile('# A') },
      { file: '01-a.charts/x.svg', text: generatedFile('<svg/>') },
    ]);
    await writer.write([{ file: 'overview.md', text: generatedFile('# Overview') }]);
    expect(writer.finish().map(shown)).toEqual(['one/01-a.md', 'one/01-a.charts/x.svg', 'one/overview.md']);
    expect(readFileSync(path.join(out, 'overview.md'), 'utf8')).toContain('# Overview');
  });

  it('refuses, before writing anything, a name held by a file sipp did not write', () => {
    const out = path.join(base, 'two');
    const writer = openBriefingWriter(out, shown);
    writer.check(['01-a.md']);
    writeFileSync(path.join(base, 'mine.md'), 'my notes\n');
    const other = openBriefingWriter(base, shown);
    expect(() => other.check(['01-a.md', 'mine.md'])).toThrow('mine.md was not written by sipp');
    expect(existsSync(path.join(base, '01-a.md'))).toBe(false);
  });

  it('will not write a file whose name was not checked', async () => {
    const writer = openBriefingWriter(path.join(base, 'three'), shown);
    writer.check(['01-a.md']);
    await expect(writer.write([{ file: 'other.md', text: generatedFile('# B') }])).rejects.toThrow('not checked');
    expect(existsSync(path.join(base, 'three', 'other.md'))).toBe(false);
  });
});
