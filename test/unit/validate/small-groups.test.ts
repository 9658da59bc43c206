// The `small-group` rule: figures of a group under the suppression threshold, typed by hand into a tracked record,
// are errors at their line with the fix in words (issue 8, section 1).
import { describe, expect, it } from 'vitest';
import { VALID_PROJECT, cycleFiles, lines, validate, type Files } from './project-from.js';

const DEFINITIONS = `measures:
  - id: enjoyment
    name: Reading enjoyment score
  - id: reads-often
    name: Reads most days
    kind: yes-no
`;

const SIMD_PROJECT = `${VALID_PROJECT}equityGroup:
  marker: simd-quintile
  quintiles: [1, 2]
`;

const cycle = (records: Parameters<typeof cycleFiles>[1], project = VALID_PROJECT): Files => ({
  'sipp.yaml': project,
  ...cycleFiles('01-paired-reading', { measures: DEFINITIONS, ...records }),
});

const results = (groups: string): string => `${DEFINITIONS}results:\n${groups}`;
const smallGroupLines = (files: Files): string[] =>
  validate(files)
    .filter((p) => p.rule === 'small-group' || p.rule === 'point-value')
    .map((p) => `${p.line}:${p.column}: ${p.message}`);

describe('figures of small groups in records', () => {
  it('accepts groups of the threshold or more, and suppressed groups without figures', () => {
    const text = results(`  - measure: enjoyment
    groups:
      - { name: All, role: intervention, equity: all, before: { n: 20, mean: 40, sd: 5 }, after: { n: 20, mean: 42, sd: 5 } }
      - name: SIMD 5
        role: intervention
        equity: simd-5
        suppressed: true
        suppression: small-group
`);
    expect(validate(cycle({ measures: text }))).toEqual([]);
  });

  it('reports a result group of 4 at its n, saying why and what to write instead', () => {
    const text = results(`  - measure: enjoyment
    groups:
      - name: SIMD 5
        role: intervention
        equity: simd-5
        before: { n: 4, mean: 40, sd: 5 }
`);
    expect(smallGroupLines(cycle({ measures: text }))).toEqual([
      '13:22: `n` is 4: the group has fewer than 5 learners, so a learner could be recognised from these figures in a record shared in Git. Replace its `before:` and `after:` with `suppressed: true` (sipp data import does this for you), or merge it with another group.',
    ]);
  });

  it('reports a yes/no count of 2 (and a count of no under the threshold) at the count', () => {
    const text = results(`  - measure: reads-often
    groups:
      - name: Class
        role: all
        before: { n: 20, count: 2 }
        after: { n: 20, count: 17 }
`);
    const found = smallGroupLines(cycle({ measures: text }));
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^12:33: `count` is 2: fewer than 5 learners answered yes/);
    expect(found[1]).toMatch(/^13:32: `count` is 17 of 20: fewer than 5 learners answered no/);
  });

  it('follows the project threshold in sipp.yaml', () => {
    const text = results(`  - measure: enjoyment
    groups:
      - { name: Class, role: all, before: { n: 7, mean: 40, sd: 5 } }
`);
    expect(smallGroupLines(cycle({ measures: text }))).toEqual([]);
    const strict = cycle({ measures: text }, `${VALID_PROJECT}suppressionThreshold: 10\n`);
    expect(smallGroupLines(strict)[0]).toMatch(/`n` is 7: the group has fewer than 10 learners/);
  });

  it('reports a suppressed group that still holds its figures', () => {
    const text = results(`  - measure: enjoyment
    groups:
      - name: SIMD 5
        role: intervention
        equity: simd-5
        suppressed: true
        after: { n: 12, mean: 40, sd: 5 }
`);
    expect(smallGroupLines(cycle({ measures: text }))).toEqual([
      '14:9: This group is marked `suppressed: true` but still has its `after` figures. Delete `after:` and the lines under it: a record shared in Git must not hold them.',
    ]);
  });

  it('reports a paired count of learners under the threshold, and paired figures kept in a suppressed group', () => {
    const text = results(`  - measure: enjoyment
    groups:
      - name: Class
        role: all
        before: { n: 20, mean: 40, sd: 5 }
        after: { n: 20, mean: 42, sd: 5 }
        paired: { n: 3, r: 0.9 }
      - name: SIMD 5
        role: all
        equity: simd-5
        suppressed: true
        paired: { n: 12, r: 0.8 }
`);
    expect(smallGroupLines(cycle({ measures: text }))).toEqual([
      '14:22: `paired` counts 3 learners with both scores: fewer than 5 learners, so a learner could be recognised from these figures in a record shared in Git. Delete `paired:` (the change then has no interval).',
      '19:9: This group is marked `suppressed: true` but still has its `paired` figures. Delete `paired:`: a record shared in Git must not hold them.',
    ]);
    const fine = text
      .replace('paired: { n: 3, r: 0.9 }', 'paired: { n: 20, r: 0.9 }')
      .replace(/\n\s+paired: \{ n: 12, r: 0\.8 \}/, '');
    expect(smallGroupLines(cycle({ measures: fine }))).toEqual([]);
  });

  it('reports a total that gives a suppressed part away by subtraction, and not one that does not', () => {
    const groups = (equity: number) => `  - measure: enjoyment
    groups:
      - { name: Class, role: intervention, equity: all, before: { n: 20, mean: 40, sd: 5 } }
      - { name: SIMD 1-2, role: intervention, equity: equity-group, before: { n: ${equity}, mean: 38, sd: 5 } }
      - { name: SIMD 3-5, role: intervention, equity: others, suppressed: true, suppression: small-group }
`;
    const found = smallGroupLines(cycle({ measures: results(groups(17)) }, SIMD_PROJECT));
    expect(found).toEqual([
      '10:70: A reader can work out the suppressed group (intervention – others) from this one: 20 here minus 17 in the groups shown leaves 3, fewer than 5 learners. Suppress this group too (replace its `before:` and `after:` with `suppressed: true`), or another one of the groups it is the total of.',
    ]);
    expect(smallGroupLines(cycle({ measures: results(groups(12)) }, SIMD_PROJECT))).toEqual([]);
  });
});

describe('figures of small groups in series and baselines', () => {
  it('reports a dated point of 3 learners, and a point with neither a value nor suppressed', () => {
    const text = `${DEFINITIONS}series:
  - measure: enjoyment
    points:
      - { date: 2025-09-01, value: 30, n: 25 }
      - { date: 2025-09-08, value: 31, n: 3 }
      - { date: 2025-09-15, suppressed: true }
      - { date: 2025-09-22 }
`;
    const found = smallGroupLines(cycle({ measures: text }));
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^11:43: `n` is 3: the figure on this date is of fewer than 5 learners/);
    expect(found[1]).toMatch(/^13:9: This point has a date but no `value`/);
  });

  it('reports a yes/no point whose percentage gives away a small count', () => {
    const text = `${DEFINITIONS}series:
  - measure: reads-often
    points:
      - { date: 2025-09-01, value: 10, n: 30 }
      - { date: 2025-09-08, value: 50, n: 30 }
`;
    expect(smallGroupLines(cycle({ measures: text }))).toEqual([
      expect.stringMatching(
        /^10:36: 10% of 30 is 3 learners answering yes \(and 27 no\): fewer than 5 learners in one answer/,
      ),
    ]);
  });

  it('reports a suppressed point that keeps its value', () => {
    const text = `${DEFINITIONS}series:
  - measure: enjoyment
    points:
      - { date: 2025-09-01, suppressed: true, value: 30 }
`;
    expect(smallGroupLines(cycle({ measures: text }))[0]).toMatch(/^10:47: This point is marked `suppressed: true`/);
  });

  it('reports a baseline n of 3, with or without a value, and accepts a note instead', () => {
    const baseline = (entry: string) => `values:\n  - measure: enjoyment\n    group: SIMD 5\n${entry}`;
    expect(lines(cycle({ baseline: baseline('    value: 28.4\n    n: 3\n') }))).toEqual([
      'cycles/01-paired-reading/baseline.yaml:5:8: `n` is 3: this baseline figure is of fewer than 5 learners, so a learner could be recognised in a record shared in Git. Give the figure for a larger group (for example all learners), or delete `value:` and `n:` and say in `note:` that the group is too small to report.',
    ]);
    expect(smallGroupLines(cycle({ baseline: baseline('    n: 3\n') }))).toHaveLength(1);
    expect(validate(cycle({ baseline: baseline('    note: Fewer than five learners.\n') }))).toEqual([]);
  });
});
