import { describe, expect, it } from 'vitest';
import { cycleNamed, namesCycle, selectCycles } from '../../../src/core/records/select-cycles.js';

const folders = ['01-paired-reading', '02-buddies', '10-later'];
const same = (f: string): string => f;

describe('naming cycles', () => {
  it('takes the number with or without its zero, the folder name, or its path', () => {
    const chosen = (given: string): string | undefined => folders.find((f) => namesCycle(f, given));
    expect(chosen('1')).toBe('01-paired-reading');
    expect(chosen('01')).toBe('01-paired-reading');
    expect(chosen(' 10 ')).toBe('10-later');
    expect(chosen('02-buddies')).toBe('02-buddies');
    expect(chosen('cycles/02-buddies/')).toBe('02-buddies');
    expect(chosen('.\\cycles\\02-buddies')).toBe('02-buddies');
    expect(chosen('3')).toBeUndefined();
    expect(chosen('buddies')).toBeUndefined();
  });

  it('selects the named cycles in project order, all when none is named, and lists the cycles for an unknown one', () => {
    expect(selectCycles(folders, [], same)).toEqual(folders);
    expect(selectCycles(folders, ['10', '1'], same)).toEqual(['01-paired-reading', '10-later']);
    expect(() => selectCycles(folders, ['3'], same)).toThrow('There is no cycle "3" in this project.');
  });

  it('finds the one cycle --cycle names, or says which cycles there are', () => {
    expect(cycleNamed(folders, '2', same)).toBe('02-buddies');
    expect(() => cycleNamed(folders, '4', same)).toThrow(
      'There is no cycle 4. The cycles are: 01-paired-reading, 02-buddies, 10-later.',
    );
    expect(() => cycleNamed([], '1', same)).toThrow('There is no cycle 1: this project has no cycles yet.');
  });
});
