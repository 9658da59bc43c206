// Dating each line of a file by replaying its history as patches, oldest first, as `git blame` would date it.
import { describe, expect, it } from 'vitest';
import { replayPatch } from '../../../src/project/git.js';

const commit = (date: string, ...diffs: string[]): string => [`\x1e${date}`, '', ...diffs].join('\n');

describe('replayPatch', () => {
  it('dates added lines by their commit and keeps the dates of lines left alone', () => {
    const dates = new Map<string, (string | null)[]>();
    replayPatch(
      dates,
      [
        commit(
          '2026-01-10',
          'diff --git a/q.yaml b/q.yaml',
          'new file mode 100644',
          '--- /dev/null',
          '+++ b/q.yaml',
          '@@ -0,0 +1,3 @@',
          '+question: x',
          '+prediction:',
          '+aim:',
        ),
        commit(
          '2026-03-12',
          'diff --git a/q.yaml b/q.yaml',
          '--- a/q.yaml',
          '+++ b/q.yaml',
          '@@ -2 +2,2 @@',
          '-prediction:',
          '+prediction: >-',
          '+  It will rise.',
        ),
      ].join('\n'),
    );
    expect(dates.get('q.yaml')).toEqual(['2026-01-10', '2026-03-12', '2026-03-12', '2026-01-10']);
  });

  it('removes deleted lines, applying hunks top to bottom', () => {
    const dates = new Map<string, (string | null)[]>([['m.yaml', ['a', 'b', 'c', 'd', 'e']]]);
    replayPatch(
      dates,
      commit(
        '2026-02-01',
        'diff --git a/m.yaml b/m.yaml',
        '--- a/m.yaml',
        '+++ b/m.yaml',
        '@@ -1,2 +0,0 @@',
        '-one',
        '-two',
        '@@ -4,0 +3 @@',
        '+new',
      ),
    );
    expect(dates.get('m.yaml')).toEqual(['c', 'd', '2026-02-01', 'e']);
  });

  it('follows a renamed file and forgets a deleted one', () => {
    const dates = new Map<string, (string | null)[]>([
      ['cycles/01-a/q.yaml', ['x', 'y']],
      ['cycles/01-a/old.yaml', ['z']],
    ]);
    replayPatch(
      dates,
      commit(
        '2026-02-01',
        'diff --git a/cycles/01-a/q.yaml b/cycles/01-b/q.yaml',
        'similarity index 100%',
        'rename from cycles/01-a/q.yaml',
        'rename to cycles/01-b/q.yaml',
        'diff --git a/cycles/01-a/old.yaml b/cycles/01-a/old.yaml',
        'deleted file mode 100644',
        '--- a/cycles/01-a/old.yaml',
        '+++ /dev/null',
        '@@ -1 +0,0 @@',
        '-z',
      ),
    );
    expect([...dates]).toEqual([['cycles/01-b/q.yaml', ['x', 'y']]]);
  });

  it('marks lines changed since the last commit as not committed (null)', () => {
    const dates = new Map<string, (string | null)[]>([['q.yaml', ['a', 'b']]]);
    replayPatch(
      dates,
      ['diff --git a/q.yaml b/q.yaml', '--- a/q.yaml', '+++ b/q.yaml', '@@ -2 +2 @@', '-b', '+b2'].join('\n'),
      true,
    );
    expect(dates.get('q.yaml')).toEqual(['a', null]);
  });

  it('does not mistake removed lines that look like headers for headers', () => {
    const dates = new Map<string, (string | null)[]>([['q.yaml', ['a', 'b', 'c']]]);
    replayPatch(
      dates,
      commit(
        '2026-02-01',
        'diff --git a/q.yaml b/q.yaml',
        '--- a/q.yaml',
        '+++ b/q.yaml',
        '@@ -2 +2 @@',
        '--- b',
        '+++ c',
      ),
    );
    expect([...dates]).toEqual([['q.yaml', ['a', '2026-02-01', 'c']]]);
  });
});
