// filesWithErrors is remembered per list of problems and kept up to date as validation adds to the list.
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../../src/core/problems.js';
import { filesWithErrors } from '../../../src/core/records/cycle-data.js';

const problem = (file: string, severity: Problem['severity']): Problem => ({
  file,
  line: 1,
  column: 1,
  message: 'x',
  rule: 'test',
  severity,
});

describe('filesWithErrors', () => {
  it('lists the files with an error, not those with only a warning, and follows the list as it grows', () => {
    const problems: Problem[] = [problem('a.yaml', 'error'), problem('b.yaml', 'warning')];
    expect([...filesWithErrors(problems)]).toEqual(['a.yaml']);
    problems.push(problem('c.yaml', 'error'), problem('a.yaml', 'error'));
    expect([...filesWithErrors(problems)].sort()).toEqual(['a.yaml', 'c.yaml']);
    // Another list with the same problems is worked out on its own.
    expect([...filesWithErrors([problem('b.yaml', 'warning')])]).toEqual([]);
  });

  it('starts again when the list became shorter', () => {
    const problems: Problem[] = [problem('a.yaml', 'error'), problem('b.yaml', 'error')];
    expect(filesWithErrors(problems).size).toBe(2);
    problems.length = 0;
    problems.push(problem('c.yaml', 'error'));
    expect([...filesWithErrors(problems)]).toEqual(['c.yaml']);
  });
});
