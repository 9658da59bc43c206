// Warnings: printed like problems, counted apart, and failing the run only with --strict.
import { describe, expect, it } from 'vitest';
import { exitCode, report } from '../../../src/cli/validate.js';
import type { Problem } from '../../../src/core/problems.js';
import { validateProject } from '../../../src/core/validate/index.js';
import type { Method } from '../../../src/core/method/contract.js';
import { car } from '../../../src/methods/car/index.js';
import { readSchemas } from '../../../src/project/assets.js';
import { cycleFiles, projectFrom } from './project-from.js';

const warning: Problem = {
  file: 'cycles/01-a/question.yaml',
  line: 2,
  column: 1,
  message: 'The prediction is empty.',
  rule: 'car-prediction',
  severity: 'warning',
};
const error: Problem = {
  file: 'sipp.yaml',
  line: 1,
  column: 1,
  message: '`title` is missing: sipp.yaml needs a title',
  rule: 'missing-key',
  severity: 'error',
};

describe('method rules', () => {
  it('run on the cycles whose records passed their schemas, through the method lookup', () => {
    const seen: string[] = [];
    const method: Method = {
      ...car,
      rules: (cycle) => {
        seen.push(...[...cycle.records.keys()].sort());
        return [warning];
      },
    };
    const source = projectFrom(cycleFiles('01-a', { reflections: 'decision: keep\n' }));
    const problems = validateProject(source, readSchemas(), {
      findMethod: (id) => (id === 'car' ? method : undefined),
    });
    expect(seen).toEqual(['baseline', 'intervention', 'measures', 'question']);
    expect(problems.map((p) => [p.rule, p.severity])).toEqual([
      ['car-prediction', 'warning'],
      ['enum', 'error'],
    ]);
  });

  it('do not run without a method lookup', () => {
    expect(validateProject(projectFrom(cycleFiles('01-a')), readSchemas())).toEqual([]);
  });
});

describe('the validate report', () => {
  // What `sipp validate` read: one cycle with its five records.
  const source = { cycles: 1, records: 5 };

  it('exits 0 with warnings only, and 1 with --strict', () => {
    expect(exitCode([warning], false)).toBe(0);
    expect(exitCode([warning], true)).toBe(1);
    expect(exitCode([warning, error], false)).toBe(1);
    expect(exitCode([], true)).toBe(0);
  });

  it('prints warnings with a label and still calls the project valid', () => {
    expect(report(source, [warning], false, false)).toBe(
      'cycles/01-a/question.yaml:2:1: warning: The prediction is empty.\n✔ sipp.yaml and 1 cycle (5 records) are valid, with 1 warning.\n',
    );
  });

  it('counts warnings as problems with --strict', () => {
    expect(report(source, [warning], true, false).split('\n')[1]).toBe(
      '✖ 1 warning in 1 file (--strict counts warnings as problems).',
    );
  });

  it('counts errors and warnings apart', () => {
    expect(report(source, [error, warning], false, false).split('\n')[2]).toBe('✖ 1 problem and 1 warning in 2 files.');
  });
});
