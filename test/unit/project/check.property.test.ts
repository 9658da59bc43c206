// `sipp validate` checks a project a cycle at a time (src/project/check.ts), letting each cycle go before reading
// the next. Property: on any project, broken in any of the ways teachers break them, it finds exactly the problems
// that opening the whole project finds (src/project/open.ts), and counts the same cycles and records.
import { cpSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { checkProject } from '../../../src/project/check.js';
import { openProject } from '../../../src/project/open.js';
import { gitOn } from '../../e2e/helpers.js';

const EXAMPLES = path.resolve(__dirname, '../../../examples');
const NAMES = readdirSync(EXAMPLES).filter((name) => {
  try {
    return statSync(path.join(EXAMPLES, name, 'sipp.yaml')).isFile();
  } catch {
    return false;
  }
});

const base = mkdtempSync(path.join(tmpdir(), 'sipp-check-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** Pieces a teacher's edit leaves in a record: a broken indent, a stray colon, a tab, an unknown key, a bad date. */
const PIECES = [
  '\n  oops: 1\n',
  ': ',
  '\t',
  '\nunknownKey: yes\n',
  '\ndate: 2025-13-45\n',
  '\nn: -3\n',
  ' # a note',
  '\n- item\n',
  '"',
  '\nmethod: lesson-study\n',
  '\nmethod: no-such-method\n',
  '\nmeasure: nowhere\n',
  '\nprediction: It will go up.\n',
  '\nbefore: { n: 4, mean: 10 }\n',
  '\nemail: pupil@example.org\n',
];

type Mutation =
  | { kind: 'insert'; file: number; at: number; piece: number }
  | { kind: 'delete-record'; file: number }
  | { kind: 'rename-cycle'; cycle: number; name: string }
  | { kind: 'copy-cycle'; cycle: number; name: string }
  | { kind: 'stray-file'; name: string }
  | { kind: 'empty-record'; file: number };

const FOLDER_NAMES = ['07-later', '1 Paired Reading', '02-again', '2025-26-review', '1000-too-far', '00-zero', '03-x'];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    file: fc.nat(),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    piece: fc.nat(PIECES.length - 1),
  }),
  fc.record({ kind: fc.constant('delete-record' as const), file: fc.nat() }),
  fc.record({ kind: fc.constant('empty-record' as const), file: fc.nat() }),
  fc.record({ kind: fc.constant('rename-cycle' as const), cycle: fc.nat(), name: fc.constantFrom(...FOLDER_NAMES) }),
  fc.record({ kind: fc.constant('copy-cycle' as const), cycle: fc.nat(), name: fc.constantFrom(...FOLDER_NAMES) }),
  fc.record({ kind: fc.constant('stray-file' as const), name: fc.constantFrom('notes.txt', '04-not-a-folder') }),
);

/** sipp.yaml and every record, by path from the project's root. */
function files(root: string): string[] {
  const cycles = path.join(root, 'cycles');
  const folders = readdirSync(cycles).filter((f) => statSync(path.join(cycles, f)).isDirectory());
  return [
    'sipp.yaml',
    ...folders.flatMap((f) =>
      readdirSync(path.join(cycles, f))
        .filter((r) => r.endsWith('.yaml'))
        .map((r) => `cycles/${f}/${r}`),
    ),
  ].sort();
}

function cycleFolders(root: string): string[] {
  const cycles = path.join(root, 'cycles');
  return readdirSync(cycles)
    .filter((f) => statSync(path.join(cycles, f)).isDirectory())
    .sort();
}

function apply(root: string, m: Mutation): void {
  const all = files(root);
  const folders = cycleFolders(root);
  const pick = <T>(list: readonly T[], i: number): T | undefined => list[i % Math.max(list.length, 1)];
  switch (m.kind) {
    case 'insert': {
      const file = pick(all, m.file);
      if (!file) return;
      const text = readFileSync(path.join(root, file), 'utf8');
      const at = Math.floor(m.at * text.length);
      writeFileSync(path.join(root, file), text.slice(0, at) + (PIECES[m.piece] ?? '') + text.slice(at));
      return;
    }
    case 'delete-record': {
      // Without sipp.yaml it is not a project (both ways refuse to open it, tested elsewhere).
      const file = pick(
        all.filter((f) => f !== 'sipp.yaml'),
        m.file,
      );
      if (file) rmSync(path.join(root, file));
      return;
    }
    case 'empty-record': {
      const file = pick(all, m.file);
      if (file) writeFileSync(path.join(root, file), '');
      return;
    }
    case 'rename-cycle':
    case 'copy-cycle': {
      const folder = pick(folders, m.cycle);
      const target = path.join(root, 'cycles', m.name);
      if (!folder || folders.includes(m.name)) return;
      if (m.kind === 'rename-cycle') renameSync(path.join(root, 'cycles', folder), target);
      else cpSync(path.join(root, 'cycles', folder), target, { recursive: true });
      return;
    }
    case 'stray-file':
      writeFileSync(path.join(root, 'cycles', m.name), 'not a cycle\n');
  }
}

/** What the whole-project way and the cycle-at-a-time way find, side by side. */
function bothWays(root: string, lineDates = false) {
  const whole = openProject(root, { need: 'readable', lineDates });
  const steps = checkProject(root, { lineDates });
  const records = whole.source.cycles.reduce((sum, c) => sum + c.records.size, 0);
  return {
    whole: { problems: whole.problems, cycles: whole.source.cycles.length, records },
    steps: { problems: steps.problems, cycles: steps.cycles, records: steps.records },
  };
}

let runs = 0;
function copyOf(example: string): string {
  const root = path.join(base, `${example}-${(runs += 1)}`);
  cpSync(path.join(EXAMPLES, example), root, { recursive: true });
  return root;
}

describe('checking a project a cycle at a time', () => {
  it('finds what the whole project finds, in every example as it is', () => {
    expect(NAMES.length).toBeGreaterThanOrEqual(5);
    for (const name of NAMES) {
      const { whole, steps } = bothWays(copyOf(name));
      expect(steps).toEqual(whole);
      expect(steps.cycles).toBeGreaterThan(0);
    }
  });

  it('finds what the whole project finds, however a teacher breaks it', () => {
    let problemsSeen = 0;
    fc.assert(
      fc.property(fc.constantFrom(...NAMES), fc.array(mutation, { minLength: 1, maxLength: 5 }), (name, mutations) => {
        const root = copyOf(name);
        for (const m of mutations) apply(root, m);
        const { whole, steps } = bothWays(root);
        expect(steps).toEqual(whole);
        problemsSeen += whole.problems.length;
        rmSync(root, { recursive: true, force: true });
      }),
      { numRuns: 120 },
    );
    // The mutations broke projects: the comparison was over problems, not only over empty lists.
    expect(problemsSeen).toBeGreaterThan(100);
  });

  it('finds the same predictions committed after their data, in a Git repository', () => {
    const root = copyOf('northfield-reading');
    const git = (args: string[], day: string): void => gitOn(root, args, day);
    git(['init', '--quiet'], '2026-01-10');
    git(['add', '-A'], '2026-01-10');
    git(['commit', '--quiet', '--no-verify', '-m', 'Start'], '2026-01-10');
    for (const folder of cycleFolders(root)) {
      const file = path.join(root, 'cycles', folder, 'question.yaml');
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace(
          /^prediction: >-\n(?: {2}.*\n)+/m,
          'prediction: Reading enjoyment will rise.\n',
        ),
      );
    }
    git(['commit', '--quiet', '--no-verify', '-a', '-m', 'Later prediction'], '2026-09-01');
    const { whole, steps } = bothWays(root, true);
    expect(steps).toEqual(whole);
    expect(steps.problems.filter((p) => p.rule === 'prediction-first').length).toBeGreaterThan(0);
  });
});
