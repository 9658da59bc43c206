// The quick read (src/core/records/quick-read.ts) must never disagree with the full read: on any text, it either
// declines (and the full read finds what is wrong) or gives exactly the data the full read gives with no problem.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { quickRead } from '../../../src/core/records/quick-read.js';
import { MAX_NESTING, parseFully, parseSource } from '../../../src/core/records/source.js';

const ROOT = path.resolve(__dirname, '../../..');

/** Every YAML file of the examples and the test fixtures: real records, valid and broken. */
function yamlFiles(): string[] {
  const texts: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (/\.ya?ml$/.test(name)) texts.push(readFileSync(file, 'utf8'));
    }
  };
  walk(path.join(ROOT, 'examples'));
  walk(path.join(ROOT, 'test', 'fixtures'));
  return texts;
}

/** The quick read agrees with the full one: it declines, or it has the full read's data and there is no problem. */
function agrees(text: string): boolean {
  const quick = quickRead(text, MAX_NESTING);
  if (quick === undefined) return true;
  const full = parseFully('record.yaml', text);
  expect(full.problems, text).toEqual([]);
  // isDeepStrictEqual, not toStrictEqual, which takes a key named `constructor` for the object's class.
  expect(isDeepStrictEqual(quick, full.data), text).toBe(true);
  return true;
}

const FILES = yamlFiles();

/** Pieces a teacher's editing (or a bad paste) puts into a file, and YAML that reads differently in places. */
const PIECES = [
  ':',
  '-',
  ' ',
  '  ',
  '\t',
  '"',
  "'",
  '#',
  '[',
  ']',
  '{',
  '}',
  ',',
  '\n',
  '\r',
  '\r\n',
  '? ',
  '|',
  '>',
  '&a ',
  '*a',
  '!',
  '%',
  '@',
  '`',
  '\\',
  '- ',
  ': ',
  ' #',
  '\n  ',
  '\u00a0',
  '...',
  '---',
  '\ufeff',
  'é',
  '\x7f',
  '\x01',
  'a:#b',
  ':x',
  ' : ',
  'k: v',
  '{a: 1}',
  '[1, 2]',
  '"\\u00e9"',
  '"\\x',
  '0o17',
  '0x1F',
  '1e3',
  '.5',
  '+1',
  '-0',
  '1_000',
  'null',
  '~',
  'True',
  'no',
  'yes',
  '2025-01-01',
  '.inf',
  '.NaN',
  '1e999',
  '%YAML 1.1\n---\n',
  '!!str ',
  '!!binary ',
  '<<: ',
  '|-\n',
  '>+\n',
  '|2\n',
  '\t#',
  '__proto__: ',
  '1: ',
  'true: ',
  ': v',
  '\u2028',
  '\x85',
  '\ud800',
  '\udc00',
  '\ud83d\ude00',
  '\uffff',
];

/** A file changed by a few insertions, deletions, copied stretches and line edits. */
const mutated = fc
  .record({
    file: fc.nat(FILES.length - 1),
    edits: fc.array(
      fc.record({
        op: fc.nat(5),
        at: fc.double({ min: 0, max: 1, noNaN: true }),
        piece: fc.nat(PIECES.length - 1),
        n: fc.nat(20),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  })
  .map(({ file, edits }) => {
    let text = FILES[file] as string;
    for (const { op, at, piece, n } of edits) {
      const i = Math.floor(at * text.length);
      const lines = text.split('\n');
      const line = Math.floor(at * lines.length);
      if (op === 0) text = text.slice(0, i) + (PIECES[piece] as string) + text.slice(i);
      else if (op === 1) text = text.slice(0, i) + text.slice(i + 1 + (n % 4));
      else if (op === 2)
        text =
          text.slice(0, i) +
          text.slice((n * 97) % (text.length + 1), ((n * 97) % (text.length + 1)) + n) +
          text.slice(i);
      else if (op === 3) {
        lines[line] = [' ', '  ', '\t', '- ', '? ', ': ', '#', '  - '][n % 8] + (lines[line] ?? '');
        text = lines.join('\n');
      } else if (op === 4) {
        lines.splice(n % (lines.length + 1), 0, lines[line] ?? '');
        text = lines.join('\n');
      } else {
        lines[line] = (lines[line] ?? '').replace(/^\s+/, (m) => m.slice(0, n % (m.length + 1)));
        text = lines.join('\n');
      }
    }
    return text;
  });

/** Records' data: text keys, text that looks like numbers or dates, numbers, nested lists and groups. */
const scalar = fc.oneof(
  fc.string(),
  fc.constantFrom(
    'yes',
    'no',
    'null',
    '~',
    '1e3',
    '0x1F',
    '0o17',
    '2025-09-15',
    '12',
    '-0',
    '.5',
    'True',
    ': x',
    '# x',
    '- x',
  ),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);
const data = fc.dictionary(
  fc.string({ minLength: 1 }),
  fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      scalar,
      fc.array(tie('value')),
      fc.dictionary(fc.string({ minLength: 1 }), tie('value')),
    ),
  })).value,
);

describe('quickRead', () => {
  it('reads every example and fixture as the full read does, or leaves it to the full read', () => {
    expect(FILES.length).toBeGreaterThan(30);
    const read = FILES.filter((text) => agrees(text) && quickRead(text, MAX_NESTING) !== undefined);
    // Most real records take the quick way; those it declines (broken fixtures, aliases) are the full read's.
    expect(read.length).toBeGreaterThan(FILES.length / 2);
  });

  it('never disagrees with the full read on broken variants of real records', () => {
    fc.assert(fc.property(mutated, agrees), { numRuns: Number(process.env.QUICK_READ_RUNS ?? 3000) });
  });

  it('never disagrees with the full read on data written in every YAML style', () => {
    const styles = [
      {},
      { defaultStringType: 'QUOTE_DOUBLE' },
      { defaultStringType: 'QUOTE_SINGLE' },
      { defaultStringType: 'BLOCK_LITERAL', lineWidth: 20 },
      { defaultStringType: 'BLOCK_FOLDED', lineWidth: 20 },
      { collectionStyle: 'flow' },
    ] as const;
    fc.assert(
      fc.property(data, fc.nat(styles.length - 1), (value, style) => {
        const text = stringify(value, styles[style]);
        return agrees(text);
      }),
      { numRuns: 1500 },
    );
  });

  it('leaves to the full read what js-yaml reads differently or does not report', () => {
    const declined = [
      'a: &x 1\nb: *x\n', // anchors and aliases
      'a: !!str 1\n', // tags
      '%YAML 1.1\n---\na: 1\n', // directives
      'a: 1\n---\nb: 2\n', // two documents
      'a: 1\na: 2\n', // a key twice
      "a: 1\n'a': 2\n", // the same key, quoted
      '1: one\n', // a key that is a number
      'null: x\n', // a key that is null
      '? [a, b]\n: c\n', // a key that is a list
      '? # a comment\n\n  text\na: 1\n', // an explicit key: js-yaml reads the text as the key, yaml a line without one
      'x: {? b : c}\n',
      'a: .inf\n', // a number JSON cannot hold
      'a: [1, .nan]\n',
      'a: 1e999\n',
      `a: ${'9'.repeat(400)}\n`,
      'a: 1\rb: 2\n', // a lone carriage return
      'a: 1\n\t# a comment\n', // a tab
      '...\r\na: 1\n', // a document marker
      '---\na: 1\n',
      ' --- # a comment\na: 1\n', // an indented marker: js-yaml reads a marker, yaml a line without a key
      'a: 1\n\ufeffb: 2\n', // a byte-order mark after the start
      'a: "x\u2028y"\n', // a Unicode line break
      '- a\n- b\n', // a list, not a mapping
      '', // empty
      `a: ${'['.repeat(MAX_NESTING)}${']'.repeat(MAX_NESTING)}\n`, // too deep
    ];
    for (const text of declined) expect(quickRead(text, MAX_NESTING), JSON.stringify(text)).toBeUndefined();
    expect(quickRead('a: 1\r\nb: [x, "y"]\r\n', MAX_NESTING)).toStrictEqual({ a: 1, b: ['x', 'y'] });
    expect(quickRead('date: 2025-09-15\nn: 0o17\nh: 0x1F\ne: 1e3\nt: True\nz: ~\n', MAX_NESTING)).toStrictEqual({
      date: '2025-09-15',
      n: 15,
      h: 31,
      e: 1000,
      t: true,
      z: null,
    });
  });

  it('keeps positions: a quickly read file builds its document when a problem is placed in it', () => {
    const source = parseSource('cycles/01-a/question.yaml', 'title: Reading\nmethod: car\n');
    expect(source.problems).toEqual([]);
    expect(source.data).toStrictEqual({ title: 'Reading', method: 'car' });
    expect(source.doc?.contents).toBeTruthy();
    expect(source.lineCounter.linePos(15)).toEqual({ line: 2, col: 1 });
  });
});
