// The overview part a big project's `sipp brief` remembers for an unchanged cycle is kept only when JSON gives it
// back exactly, so that a remembered part renders the same overview as one worked out again.
import { describe, expect, it } from 'vitest';
import { survivesJson } from '../../../src/project/brief-cache.js';

describe('what JSON gives back exactly', () => {
  it('keeps text, finite numbers, true and false, null, lists and plain objects, also when one is used twice', () => {
    const shared = { n: 20, mean: 24.1 };
    expect(survivesJson({ a: 'x', b: [1, 2.5, -3, null, true], c: { d: false }, e: [shared, shared] })).toBe(true);
    expect(survivesJson([])).toBe(true);
  });

  it('refuses what JSON would change: infinities, NaN, -0, undefined, dates, class instances, circles', () => {
    expect(survivesJson({ a: Number.POSITIVE_INFINITY })).toBe(false);
    expect(survivesJson([Number.NaN])).toBe(false);
    expect(survivesJson({ a: -0 })).toBe(false);
    expect(survivesJson({ a: undefined })).toBe(false);
    expect(survivesJson([undefined])).toBe(false);
    expect(survivesJson({ a: new Date(0) })).toBe(false);
    expect(survivesJson({ a: new Map() })).toBe(false);
    expect(survivesJson({ a: () => 1 })).toBe(false);
    const circle: Record<string, unknown> = {};
    circle.self = circle;
    expect(survivesJson(circle)).toBe(false);
  });
});
