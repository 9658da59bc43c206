import { describe, expect, it } from 'vitest';
import { answer, dateInWords, decimalsFor, formatChange, formatNumber, listInWords } from '../../../src/core/words.js';

describe('briefing wording', () => {
  it('writes dates in words, British style', () => {
    expect(dateInWords('2025-09-15')).toBe('15 September 2025');
    expect(dateInWords('2026-01-01')).toBe('1 January 2026');
  });

  it('prints numbers with a true minus sign, thousands separators and never "-0"', () => {
    expect(formatNumber(-2.75, 1)).toBe('\u22122.8');
    expect(formatNumber(12345.6, 1)).toBe('12,345.6');
    expect(formatNumber(-0.04, 1)).toBe('0.0');
  });

  it('signs a change: + for a rise, − for a fall, nothing for no change', () => {
    expect(formatChange(3.1, 1)).toBe('+3.1');
    expect(formatChange(-0.4, 1)).toBe('\u22120.4');
    expect(formatChange(0.01, 1)).toBe('0.0');
  });

  it('keeps the precision the figures were written with, from 1 to 2 decimals', () => {
    expect(decimalsFor([24, 27.2])).toBe(1);
    expect(decimalsFor([0.62, 0.7])).toBe(2);
    expect(decimalsFor([24.13333])).toBe(2);
    expect(decimalsFor([78, 92], 0)).toBe(0);
  });

  it('shows an empty answer as "Not yet recorded" and keeps each line of a written one as a paragraph', () => {
    expect(answer(null)).toEqual({ recorded: false, text: 'Not yet recorded', paragraphs: ['Not yet recorded'] });
    expect(answer('  ')).toMatchObject({ recorded: false });
    expect(answer('First line\n  second   line\n')).toEqual({
      recorded: true,
      text: 'First line second line',
      paragraphs: ['First line', 'second line'],
    });
  });

  it('lists in words', () => {
    expect(listInWords(['P4', 'P5', 'P6'])).toBe('P4, P5 and P6');
    expect(listInWords(['First'])).toBe('First');
  });
});
