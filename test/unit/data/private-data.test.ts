import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  PRIVATE_IGNORE_LINES,
  gitignoreChange,
  privateCopyFor,
  writeImport,
} from '../../../src/project/private-data.js';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
function project(files: Record<string, string> = {}): string {
  const root = mkdtempSync(path.join(tmpdir(), 'sipp-private-'));
  made.push(root);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return root;
}

describe('gitignoreChange', () => {
  it('changes nothing when .gitignore already ignores data/private/', () => {
    for (const line of ['/data/private/*', 'data/private/', '/data/private', 'data/', '/data/**']) {
      expect(gitignoreChange(project({ '.gitignore': `node_modules/\n${line}\n` })), line).toBeNull();
    }
  });

  it('changes nothing when data/private/ has a .gitignore of its own that ignores everything', () => {
    expect(gitignoreChange(project({ 'data/private/.gitignore': '*\n!.gitignore\n' }))).toBeNull();
  });

  it('adds the lines at the end, keeping the file as it was', () => {
    const change = gitignoreChange(project({ '.gitignore': '# mine\nnode_modules/\n!/data/private/keep.csv' }));
    expect(change).toEqual({
      before: '# mine\nnode_modules/\n!/data/private/keep.csv',
      after: `# mine\nnode_modules/\n!/data/private/keep.csv\n${PRIVATE_IGNORE_LINES.join('\n')}\n`,
    });
  });

  it('keeps Windows line endings, and makes the file when there is none', () => {
    expect(gitignoreChange(project({ '.gitignore': 'a\r\n' }))?.after).toBe(
      `a\r\n${PRIVATE_IGNORE_LINES.join('\r\n')}\r\n`,
    );
    expect(gitignoreChange(project())).toEqual({ before: null, after: `${PRIVATE_IGNORE_LINES.join('\n')}\n` });
  });
});

describe('privateCopyFor', () => {
  it("names the copy after the measure in the cycle's folder, and never over a different earlier import", () => {
    const root = project({ 'data/private/01-x/reading.csv': 'first', 'data/private/01-x/reading-2.csv': 'second' });
    expect(privateCopyFor(root, '02-y', 'reading', 'csv', Buffer.from('new'))).toEqual({
      relative: 'data/private/02-y/reading.csv',
      alreadyThere: false,
    });
    expect(privateCopyFor(root, '01-x', 'reading', 'csv', Buffer.from('third'))).toEqual({
      relative: 'data/private/01-x/reading-3.csv',
      alreadyThere: false,
    });
    expect(privateCopyFor(root, '01-x', 'reading', 'csv', Buffer.from('second'))).toEqual({
      relative: 'data/private/01-x/reading-2.csv',
      alreadyThere: true,
    });
  });
});

describe('writeImport', () => {
  it('writes .gitignore, the copy and measures.yaml', async () => {
    const root = project({ 'cycles/01-x/measures.yaml': 'old\n' });
    await writeImport(root, {
      gitignore: { before: null, after: 'ignored\n' },
      copy: { relative: 'data/private/01-x/m.csv', bytes: Buffer.from('a,b\n') },
      measures: { relative: 'cycles/01-x/measures.yaml', text: 'new\n' },
    });
    expect(readFileSync(path.join(root, '.gitignore'), 'utf8')).toBe('ignored\n');
    expect(readFileSync(path.join(root, 'data/private/01-x/m.csv'), 'utf8')).toBe('a,b\n');
    expect(readFileSync(path.join(root, 'cycles/01-x/measures.yaml'), 'utf8')).toBe('new\n');
  });

  it('undoes the earlier writes when measures.yaml cannot be written', async () => {
    const root = project({ '.gitignore': 'mine\n' });
    // A folder where measures.yaml should be: the last write fails.
    mkdirSync(path.join(root, 'cycles/01-x/measures.yaml'), { recursive: true });
    await expect(
      writeImport(root, {
        gitignore: { before: 'mine\n', after: 'mine\nmore\n' },
        copy: { relative: 'data/private/01-x/m.csv', bytes: Buffer.from('a,b\n') },
        measures: { relative: 'cycles/01-x/measures.yaml', text: 'new\n' },
      }),
    ).rejects.toThrow();
    expect(readFileSync(path.join(root, '.gitignore'), 'utf8')).toBe('mine\n');
    expect(existsSync(path.join(root, 'data'))).toBe(false);
  });
});
