// The words sipp uses for values, for what a schema expects, and for "did you mean".
import { describe, expect, it } from 'vitest';
import { describeFound, expectation, quote } from '../../../src/core/validate/describe.js';
import { closestMatch } from '../../../src/core/validate/suggest.js';
import { nameOf } from '../../../src/core/validate/messages.js';

describe('describeFound', () => {
  it('quotes text and says what other values are', () => {
    expect(describeFound('twelve')).toBe('"twelve"');
    expect(describeFound('')).toBe('empty text ("")');
    expect(describeFound(12.5)).toBe('12.5');
    expect(describeFound(true)).toBe('true');
    expect(describeFound(null)).toBe('nothing');
    expect(describeFound([])).toBe('an empty list');
    expect(describeFound(['a'])).toBe('a list');
    expect(describeFound({ a: 1 })).toBe('a group of "key: value" lines');
    expect(describeFound(Infinity)).toBe('infinity');
    expect(describeFound(Number.NaN)).toBe('.nan (not a number)');
  });

  it('shortens long text and flattens line breaks', () => {
    expect(quote('line one\n  line two')).toBe('"line one line two"');
    expect(quote('x'.repeat(100))).toBe(`"${'x'.repeat(59)}…"`);
  });
});

describe('expectation', () => {
  it('says what a valid value looks like', () => {
    expect(expectation({ type: 'integer', minimum: 0 })).toBe('a whole number of 0 or more');
    expect(expectation({ type: 'integer', minimum: 1, maximum: 5 })).toBe('a whole number from 1 to 5');
    expect(expectation({ type: ['number', 'null'], maximum: 100 })).toBe('a number of 100 or less');
    expect(expectation({ type: 'number', exclusiveMinimum: 0 })).toBe('a number greater than 0');
    expect(expectation({ type: ['string', 'null'] })).toBe('text');
    expect(expectation({ type: 'boolean' })).toBe('true or false');
    expect(expectation({ type: ['string', 'number'] })).toBe('text or a number');
    expect(expectation({ type: ['string', 'null'], enum: ['a', 'b', null] })).toBe('one of: a, b');
    expect(expectation({ const: 1 })).toBe('1');
    expect(expectation({ type: ['string', 'null'], format: 'date' })).toBe('a date written as YYYY-MM-DD');
    expect(expectation({ type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$' })).toBe(
      'an id made of lower-case letters, digits and hyphens, such as reading-enjoyment',
    );
    expect(expectation({ anyOf: [{ type: 'string' }, { type: 'integer', minimum: 0 }] })).toBe(
      'text or a whole number of 0 or more',
    );
  });

  it('never shows a regular expression', () => {
    expect(expectation({ type: 'string', pattern: '^x+$', description: 'Some xs.' })).toBe('as described: Some xs.');
    expect(expectation({ type: 'string', pattern: '^x+$' })).toBe('text in the expected form');
  });
});

describe('closestMatch', () => {
  const keys = ['title', 'question', 'prediction', 'howWillWeKnow', 'name', 'id'];

  it('finds a misspelt key', () => {
    expect(closestMatch('predicton', keys)).toBe('prediction');
    expect(closestMatch('nmae', keys)).toBe('name');
    expect(closestMatch('Title', keys)).toBe('title');
    expect(closestMatch('how-will-we-know', keys)).toBe('howWillWeKnow');
  });

  it('suggests nothing for a word that is not close', () => {
    expect(closestMatch('colour', keys)).toBeUndefined();
    expect(closestMatch('', keys)).toBeUndefined();
    expect(closestMatch('x', [])).toBeUndefined();
  });

  it('is stricter for values, so P8 does not suggest P1', () => {
    expect(closestMatch('P8', ['P1', 'P7'], true)).toBeUndefined();
    expect(closestMatch('p8', ['P8'], true)).toBe('P8');
    expect(closestMatch('contine', ['adopt', 'continue'], true)).toBe('continue');
  });
});

describe('nameOf', () => {
  it('names a key, a list item or the file', () => {
    expect(nameOf(['results', 0, 'groups', 1, 'n'])).toBe('`n`');
    expect(nameOf(['targetLearners', 'stages', 2])).toBe('item 3 of `stages`');
    expect(nameOf([])).toBe('this file');
  });
});
