import { describe, expect, it } from 'vitest';
import {
  INVALID,
  hasAmbiguousComma,
  parseDateCell,
  parseGroupCell,
  parseNumberCell,
  parseQuintileCell,
  parseYesNoCell,
  yearsBetween,
} from '../../../src/core/data/values.js';

describe('cell values', () => {
  it('reads numbers with a decimal point or comma, an exponent or a % sign; empty is null', () => {
    expect(parseNumberCell(' 27 ')).toBe(27);
    expect(parseNumberCell('27.5')).toBe(27.5);
    expect(parseNumberCell('27,5')).toBe(27.5);
    expect(parseNumberCell('27,25')).toBe(27.25);
    expect(parseNumberCell('-3')).toBe(-3);
    expect(parseNumberCell('2.75E1')).toBe(27.5);
    expect(parseNumberCell('95%')).toBe(95);
    expect(parseNumberCell('')).toBeNull();
    expect(parseNumberCell('twelve')).toBe(INVALID);
    expect(parseNumberCell('12 points')).toBe(INVALID);
    expect(parseNumberCell('absent')).toBe(INVALID);
  });

  it('reads yes/no answers in their usual spellings', () => {
    for (const yes of ['yes', 'Y', 'TRUE', '1']) expect(parseYesNoCell(yes)).toBe(true);
    for (const no of ['no', 'N', 'false', '0']) expect(parseYesNoCell(no)).toBe(false);
    expect(parseYesNoCell('maybe')).toBe(INVALID);
  });

  it('reads SIMD quintiles 1 to 5 only', () => {
    expect(parseQuintileCell('3')).toBe(3);
    expect(parseQuintileCell('3.0')).toBe(3);
    for (const bad of ['0', '6', '2.5', 'one']) expect(parseQuintileCell(bad)).toBe(INVALID);
  });

  it('reads groups, with control as comparison', () => {
    expect(parseGroupCell('Intervention')).toBe('intervention');
    expect(parseGroupCell('control')).toBe('comparison');
    expect(parseGroupCell('treatment')).toBe(INVALID);
  });

  it('reads ISO and day-first dates, and refuses dates that do not exist', () => {
    expect(parseDateCell('2025-09-15')).toBe('2025-09-15');
    expect(parseDateCell('15/09/2025')).toBe('2025-09-15');
    expect(parseDateCell('5/9/25')).toBe('2025-09-05');
    expect(parseDateCell('15.09.2025')).toBe('2025-09-15');
    expect(parseDateCell('31/02/2025')).toBe(INVALID);
    expect(parseDateCell('09/15/2025')).toBe(INVALID);
    expect(parseDateCell('next week')).toBe(INVALID);
  });

  it('counts ages in whole years', () => {
    expect(yearsBetween('2016-03-14', '2025-03-13')).toBe(8);
    expect(yearsBetween('2016-03-14', '2025-03-14')).toBe(9);
  });
});

describe('a number with a comma before three digits', () => {
  it('is refused rather than guessed: 1,234 could be a thousands separator or a decimal comma', () => {
    for (const cell of ['1,234', '12,500', '-100,000', '999,999%']) {
      expect(hasAmbiguousComma(cell), cell).toBe(true);
      expect(parseNumberCell(cell), cell).toBe(INVALID);
    }
    for (const cell of ['1,2345', '1234,5', '1.234']) expect(hasAmbiguousComma(cell), cell).toBe(false);
    expect(parseNumberCell('1.234')).toBe(1.234);
  });
});
