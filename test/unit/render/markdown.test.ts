import { describe, expect, it } from 'vitest';
import { escapeMarkdown, escapeMarkdownDeep } from '../../../src/core/render/markdown.js';

describe('escaping user text for Markdown', () => {
  it('turns HTML into entities, so a <script> is shown, never run', () => {
    expect(escapeMarkdown('<script>alert("hi")</script>')).toBe('&lt;script&gt;alert("hi")&lt;/script&gt;');
    expect(escapeMarkdown('<img src=x onerror=alert(1)>')).not.toContain('<');
  });

  it('keeps entities literal', () => {
    expect(escapeMarkdown('&lt;b&gt; and &#60;')).toBe('&amp;lt;b&amp;gt; and &amp;#60;');
    expect(escapeMarkdown('Mum & Dad')).toBe('Mum & Dad');
  });

  it('escapes table pipes and emphasis, code, strike-through and maths markers', () => {
    expect(escapeMarkdown('P4|P5 *very* _good_ `code` ~~no~~ $5')).toBe(
      'P4\\|P5 \\*very\\* \\_good\\_ \\`code\\` \\~\\~no\\~\\~ \\$5',
    );
  });

  it('breaks links, images, references and footnote definitions, but leaves [c] readable', () => {
    expect(escapeMarkdown('see [click](http://evil.example)')).toBe('see [click\\](http://evil.example)');
    expect(escapeMarkdown('![x](y.png)')).toBe('![x\\](y.png)');
    expect(escapeMarkdown('a [x][ref]')).toBe('a [x\\][ref]');
    expect(escapeMarkdown('[a]: http://x')).toBe('\\[a]: http://x');
    expect(escapeMarkdown('[^1]: a footnote')).toBe('\\[^1]: a footnote');
    expect(escapeMarkdown('shown as [c]: too few')).toBe('shown as [c]: too few');
    expect(escapeMarkdown('[c]')).toBe('[c]');
  });

  it('stops text from starting a heading, a list, a quote or a rule', () => {
    expect(escapeMarkdown('# Big')).toBe('\\# Big');
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('+ item')).toBe('\\+ item');
    expect(escapeMarkdown('1. item')).toBe('1\\. item');
    expect(escapeMarkdown('> quote')).toBe('&gt; quote');
    expect(escapeMarkdown('---')).toBe('\\---');
    expect(escapeMarkdown('===')).toBe('\\===');
  });

  it('keeps text on one line, so that it cannot end a table row or start a block', () => {
    expect(escapeMarkdown('one\n\n    two\r\n# three')).toBe('one two # three');
  });

  it('escapes every string of a view model and nothing else', () => {
    expect(escapeMarkdownDeep({ a: '<b>', n: 3, ok: true, list: ['|'], none: null })).toEqual({
      a: '&lt;b&gt;',
      n: 3,
      ok: true,
      list: ['\\|'],
      none: null,
    });
  });
});
