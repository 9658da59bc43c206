// Reading YAML text: data, positions of keys and values, and syntax mistakes explained at the right place.
import { describe, expect, it } from 'vitest';
import { knownSource, parseSource, pointerToPath, positionOf, MAX_NESTING } from '../../../src/core/records/source.js';

const problemsOf = (text: string): string[] =>
  parseSource('r.yaml', text).problems.map((p) => `${p.line}:${p.column} ${p.rule}: ${p.message}`);

describe('parseSource', () => {
  it('reads a mapping into plain data with no problems', () => {
    const source = parseSource('r.yaml', '# a comment\ntitle: Paired reading\nstages: [P4, P5]\n');
    expect(source.problems).toEqual([]);
    expect(source.data).toEqual({ title: 'Paired reading', stages: ['P4', 'P5'] });
  });

  it('keeps YAML 1.2 core types whatever the %YAML directive says', () => {
    const source = parseSource(
      'r.yaml',
      '%YAML 1.1\n---\ndate: 2025-09-15\nanswer: yes\n<<: {a: 1}\nraw: !!binary aGVsbG8=\n',
    );
    expect(source.data).toEqual({ date: '2025-09-15', answer: 'yes', '<<': { a: 1 }, raw: 'aGVsbG8=' });
  });

  it('reports an empty file, a file of comments only and a bare "---"', () => {
    for (const text of ['', '\n\n', '# only a comment\n', '---\n']) {
      expect(problemsOf(text)).toEqual([
        '1:1 empty-file: This file is empty. It should hold "key: value" lines; restore it from Git if it was emptied by mistake.',
      ]);
    }
  });

  it('reports a top-level list or single value instead of "key: value" lines', () => {
    expect(problemsOf('- a\n- b\n')).toEqual([
      '1:1 not-a-mapping: This file should be made of "key: value" lines, but it holds a list (lines starting with "- "). Start each line with a key such as `title:`.',
    ]);
    expect(problemsOf('# note\nhello\n')).toEqual([
      '2:1 not-a-mapping: This file should be made of "key: value" lines, but it holds a single value instead. Start each line with a key such as `title:`.',
    ]);
    expect(parseSource('r.yaml', '- a\n').data).toBeUndefined();
  });

  it('names a duplicate key at its second occurrence', () => {
    expect(problemsOf('title: a\nfocus: b\ntitle: c\n')).toEqual([
      '3:1 yaml-syntax: The key `title` appears twice in the same place. Keep one of them.',
    ]);
    expect(problemsOf('a:\n  x: 1\n  y: 2\n  x: 3\nb: 1\nb: 2\n')).toEqual([
      '4:3 yaml-syntax: The key `x` appears twice in the same place. Keep one of them.',
      '6:1 yaml-syntax: The key `b` appears twice in the same place. Keep one of them.',
    ]);
  });

  it('reports a tab used for indentation', () => {
    expect(problemsOf('partnership:\n\tname: x\n')).toEqual([
      '2:1 yaml-syntax: A tab is used for indentation here. YAML needs spaces: replace the tab with spaces.',
    ]);
  });

  it('explains a colon inside unquoted text', () => {
    expect(problemsOf('question: Does paired reading work: a test?\n')).toEqual([
      '1:11 yaml-syntax: This text contains a colon followed by a space (": "), which YAML reads as the start of another key. Put the whole text in double quotes ("…").',
    ]);
  });

  it('points at the opening quote or bracket that is never closed', () => {
    expect(problemsOf('title: x\nfocus: "reading\nmethod: car\n')).toEqual([
      '2:8 yaml-syntax: This quoted text is never closed. Add the closing quote at the end of the text.',
    ]);
    expect(problemsOf('title: x\nstages: [P4, P5\nmethod: car\n')).toEqual([
      '2:9 yaml-syntax: This list opened with "[" is not closed with "]" (or the lines after it are not indented enough).',
    ]);
  });

  it('reports misaligned keys and lines without a key, once per file', () => {
    expect(problemsOf('a:\n  b: 1\n c: 2\n')).toEqual([
      '3:1 yaml-syntax: This line is not lined up with the lines above it. Keys at the same level need the same number of spaces in front of them.',
    ]);
    expect(problemsOf('focus: reading\nand writing too\n')).toEqual([
      '2:1 yaml-syntax: This line has no key. If it continues the text above, indent it further (or put the text in quotes); otherwise write it as "key: value".',
    ]);
  });

  it('reports a value starting with a reserved character', () => {
    expect(problemsOf('title: @home\n')).toEqual([
      '1:8 yaml-syntax: A value cannot start with "@" unless it is in quotes. Put the value in double quotes ("…").',
    ]);
  });

  it('reports a second document', () => {
    expect(problemsOf('a: 1\n---\nb: 2\n')).toEqual([
      '2:1 yaml-syntax: This file holds more than one YAML document (a "---" line in the middle). Keep the first and remove the line.',
    ]);
  });

  it('reports keys that are lists or mappings', () => {
    expect(problemsOf('? [a, b]\n: 1\n')).toEqual([
      '1:3 yaml-syntax: This key is a list, a "key: value" group or an alias. Keys must be plain words such as `title`.',
    ]);
  });

  it('reports an alias to an anchor that does not exist', () => {
    expect(problemsOf('a: 1\nb: *nope\n')).toEqual([
      '2:4 yaml-syntax: `*nope` refers to an anchor `&nope` that is not set above it. Write the value out, or add the anchor.',
    ]);
  });

  it('accepts a few aliases but refuses an alias bomb', () => {
    expect(parseSource('r.yaml', 'a: &x [1, 2]\nb: *x\n').data).toEqual({ a: [1, 2], b: [1, 2] });
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`),
    ].join('\n');
    const source = parseSource('r.yaml', `${bomb}\n`);
    expect(source.data).toBeUndefined();
    expect(source.problems.map((p) => [p.line, p.column, p.rule])).toEqual([[2, 8, 'alias-limit']]);
    expect(source.problems[0]?.message).toMatch(/^This file repeats aliases \(\*name\) so many times/);
  });

  it('refuses deep nesting before building the document, and keeps working afterwards', () => {
    // A stack overflow inside yaml can leave V8 unable to compile regular expressions later in the process.
    for (const depth of [MAX_NESTING + 1, 5_000, 200_000]) {
      const source = parseSource('r.yaml', `a: ${'['.repeat(depth)}${']'.repeat(depth)}\n`);
      expect(source.problems.map((p) => p.rule)).toEqual(['too-deep']);
    }
    const blocks = Array.from({ length: 2_000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n');
    expect(parseSource('r.yaml', blocks).problems.map((p) => p.rule)).toEqual(['too-deep']);
    expect(parseSource('r.yaml', `${'- '.repeat(3_000)}x\n`).problems.map((p) => p.rule)).toEqual(['too-deep']);
    expect(parseSource('r.yaml', `a: ${'['.repeat(MAX_NESTING - 1)}${']'.repeat(MAX_NESTING - 1)}\n`).problems).toEqual(
      [],
    );
    expect(parseSource('r.yaml', 'title: still fine\n').data).toEqual({ title: 'still fine' });
  });

  it('keeps __proto__ as an ordinary key without touching prototypes', () => {
    const source = parseSource('r.yaml', '__proto__:\n  polluted: true\nconstructor: x\n');
    expect(Object.keys(source.data as object)).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(source.data)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('positionOf', () => {
  const source = parseSource(
    'r.yaml',
    'title: Paired reading\ntargetLearners:\n  stages:\n    - P4\n    - P5\n  number:\nresults:\n  - measure: a\n    groups: [{ name: G }]\n',
  );

  it('points at a value, 1-based', () => {
    expect(positionOf(source, ['title'])).toEqual({ line: 1, column: 8 });
    expect(positionOf(source, ['targetLearners', 'stages', 1])).toEqual({ line: 5, column: 7 });
    expect(positionOf(source, ['results', 0, 'groups', 0, 'name'])).toEqual({ line: 9, column: 22 });
  });

  it('points at a key', () => {
    expect(positionOf(source, ['targetLearners', 'stages'], 'key')).toEqual({ line: 3, column: 3 });
  });

  it('points at the key of an empty value', () => {
    expect(positionOf(source, ['targetLearners', 'number'])).toEqual({ line: 6, column: 3 });
  });

  it('falls back to the nearest enclosing key for a path that does not exist', () => {
    expect(positionOf(source, ['targetLearners', 'cfeLevels'], 'key')).toEqual({ line: 2, column: 1 });
    expect(positionOf(source, ['nothing', 'here'])).toEqual({ line: 1, column: 1 });
  });

  it('finds keys that look like numbers', () => {
    const numeric = parseSource('r.yaml', 'a: 1\n2024: x\n');
    expect(positionOf(numeric, pointerToPath('/2024'), 'key')).toEqual({ line: 2, column: 1 });
  });
});

describe('pointerToPath', () => {
  it('splits JSON pointers and unescapes ~0 and ~1', () => {
    expect(pointerToPath('')).toEqual([]);
    expect(pointerToPath('/results/0/groups')).toEqual(['results', 0, 'groups']);
    expect(pointerToPath('/a~1b/c~0d')).toEqual(['a/b', 'c~d']);
  });
});

describe('knownSource', () => {
  it('parses the text only when a position is asked for', () => {
    const source = knownSource('r.yaml', 'a: 1\nb: 2\n', { a: 1, b: 2 }, []);
    expect(source.data).toEqual({ a: 1, b: 2 });
    expect(positionOf(source, ['b'])).toEqual({ line: 2, column: 4 });
  });
});
