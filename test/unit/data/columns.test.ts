import { describe, expect, it } from 'vitest';
import {
  missingRoles,
  normaliseHeading,
  parseColumnMapping,
  resolveColumns,
  seriesFormOf,
  shapeOf,
} from '../../../src/core/data/columns.js';
import { isSippError } from '../../../src/core/problems.js';

const exitOf = (fn: () => unknown): number | undefined => {
  try {
    fn();
    return undefined;
  } catch (e) {
    return isSippError(e) ? e.exitCode : -1;
  }
};

describe('parseColumnMapping', () => {
  it('reads role="Heading" pairs with double quotes', () => {
    expect([...parseColumnMapping('before="Sept score",after="June score"')]).toEqual([
      ['before', 'Sept score'],
      ['after', 'June score'],
    ]);
  });

  it('reads the pairs after the shell has taken the quotes away', () => {
    expect([...parseColumnMapping('before=Sept score,after=June score')]).toEqual([
      ['before', 'Sept score'],
      ['after', 'June score'],
    ]);
  });

  it('ignores spaces around names and accepts single quotes, commas and = inside quotes', () => {
    expect([...parseColumnMapping(' learner = \'Code, pupil\' ,  before = "Score = Sept" , ')]).toEqual([
      ['learner', 'Code, pupil'],
      ['before', 'Score = Sept'],
    ]);
  });

  it('accepts a role in capitals', () => {
    expect([...parseColumnMapping('BEFORE=Sept')]).toEqual([['before', 'Sept']]);
  });

  it('is empty for no mapping', () => {
    expect(parseColumnMapping(undefined).size).toBe(0);
    expect(parseColumnMapping('  ').size).toBe(0);
  });

  it('refuses an unknown role with exit 2, naming the roles it knows', () => {
    expect(exitOf(() => parseColumnMapping('score="Sept"'))).toBe(2);
    expect(() => parseColumnMapping('score="Sept"')).toThrow(
      /"score" is not a column sipp knows. Map one of: learner, group, simd, fsm, before, after, date, value/,
    );
  });

  it('refuses a pair without = or without a heading, and a role given twice (exit 2)', () => {
    expect(exitOf(() => parseColumnMapping('before'))).toBe(2);
    expect(exitOf(() => parseColumnMapping('before=""'))).toBe(2);
    expect(exitOf(() => parseColumnMapping('before=a,before=b'))).toBe(2);
  });
});

describe('resolveColumns', () => {
  it('finds the default headings whatever their case and spacing', () => {
    const { columns } = resolveColumns(['Learner', ' GROUP', 'Simd', 'fsm', 'Before', 'After ']);
    expect(columns).toEqual({ learner: 0, group: 1, simd: 2, fsm: 3, before: 4, after: 5 });
  });

  it('finds other usual headings: Pupil code, SIMD quintile, Free school meals', () => {
    const { columns } = resolveColumns(['Pupil code', 'SIMD quintile', 'Free school meals', 'Pre', 'Post']);
    expect(columns).toEqual({ learner: 0, simd: 1, fsm: 2, before: 3, after: 4 });
  });

  it('uses --columns first, matching headings without case or spaces', () => {
    const mapping = parseColumnMapping('before="sept  score",after=JUNE SCORE');
    const { columns } = resolveColumns(['learner', 'Sept score', 'June score'], mapping);
    expect(columns).toEqual({ learner: 0, before: 1, after: 2 });
  });

  it('reports a mapped heading that is not in the table', () => {
    const { notFound } = resolveColumns(['learner', 'score'], parseColumnMapping('before=Sept'));
    expect(notFound).toEqual([{ role: 'before', heading: 'Sept' }]);
  });

  it('reports a role two headings could be', () => {
    const { ambiguous } = resolveColumns(['learner', 'Before', 'before']);
    expect(ambiguous).toEqual([{ role: 'before', indexes: [1, 2] }]);
  });

  it('does not use a mapped column for a second role', () => {
    const { columns } = resolveColumns(['before', 'after', 'x'], parseColumnMapping('learner=before,before=x'));
    expect(columns).toEqual({ learner: 0, before: 2, after: 1 });
  });
});

describe('shapeOf and missingRoles', () => {
  it('needs learner and before or after for scores', () => {
    expect(shapeOf({ learner: 0, after: 1 })).toBe('scores');
    expect(missingRoles({ learner: 0, after: 1 }, 'scores')).toEqual([]);
    expect(missingRoles({ group: 0 }, 'scores')).toEqual(['learner', 'before', 'after']);
  });

  it('needs learner, date and value for a series', () => {
    expect(shapeOf({ learner: 0, date: 1 })).toBe('series');
    expect(missingRoles({ learner: 0, date: 1 }, 'series')).toEqual(['value']);
  });

  it('reads a series without learners as a figure per date: date and value, or date, yes and n', () => {
    expect(seriesFormOf({ learner: 0, date: 1, value: 2 })).toBe('learners');
    expect(seriesFormOf({ date: 0, value: 1 })).toBe('values');
    expect(missingRoles({ date: 0, value: 1 }, 'series')).toEqual([]);
    expect(shapeOf({ date: 0, yes: 1 })).toBe('series');
    expect(seriesFormOf({ date: 0, yes: 1 })).toBe('counts');
    expect(missingRoles({ date: 0, yes: 1 }, 'series')).toEqual(['n']);
    expect(missingRoles({ value: 0 }, 'series')).toEqual(['date']);
  });

  it('finds yes under `count` and n under `total` or `out of`', () => {
    expect(resolveColumns(['Date', 'Count', 'Out of']).columns).toEqual({ date: 0, yes: 1, n: 2 });
    expect(resolveColumns(['date', 'yes', 'total']).columns).toEqual({ date: 0, yes: 1, n: 2 });
  });
});

describe('normaliseHeading', () => {
  it('drops case, spaces, underscores, hyphens and dots', () => {
    expect(normaliseHeading(' Sept_Score - 1. ')).toBe('septscore1');
  });
});
