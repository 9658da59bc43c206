import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cycleBriefing } from '../../../src/core/render/cycle.js';
import { isGeneratedBriefing, renderBriefing, type TemplateSet } from '../../../src/core/render/render.js';
import { isSippError } from '../../../src/core/problems.js';
import { car } from '../../../src/methods/car/index.js';
import { readTemplateSet } from '../../../src/project/templates.js';
import { cycleOf, enjoymentMeasures, project, statusOf } from './fixtures.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));

// The built-in templates only: a folder with no templates/ of its own.
const builtIn = readTemplateSet(path.join(HERE, 'no-such-project'));

function view(records: Parameters<typeof cycleOf>[0]) {
  const cycle = cycleOf(records);
  return cycleBriefing(project, cycle, car, statusOf(cycle));
}

const hostile = {
  question: {
    title: 'Pipes | and <b>tags</b>',
    question: 'Is <script>alert("x")</script> safe? [click](javascript:alert(1)) # not a heading',
    aim: '<img src=x onerror=alert(1)>',
  },
};

describe('rendering a cycle briefing as HTML', () => {
  const html = renderBriefing(builtIn, 'car.cycle.html', view(hostile), 'html');

  it('escapes user text: a <script> in the question is shown, not run', () => {
    expect(html).toContain('Is &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; safe?');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('Pipes | and &lt;b&gt;tags&lt;/b&gt;');
  });

  it('is a standalone A4 page in British English, with nothing fetched from elsewhere', () => {
    expect(html).toContain('<html lang="en-GB">');
    expect(html).toMatch(/@page\s*{\s*size: A4;/);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).not.toMatch(/@import|url\(/);
    expect(html).not.toMatch(/<link\b/);
  });

  it("starts with sipp's marker line, which carries no time stamp", () => {
    const first = html.split('\n')[0]!;
    expect(isGeneratedBriefing(html)).toBe(true);
    expect(first).not.toMatch(/\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2}/);
  });

  it('puts no suppressed figure anywhere, attributes and comments included', () => {
    const out = renderBriefing(builtIn, 'car.cycle.html', view({ measures: enjoymentMeasures() }), 'html');
    for (const figure of ['31.7', '2.9', '33.3', '1.7']) expect(out).not.toContain(figure);
    expect(out).toContain('[c]');
  });
});

describe('rendering a cycle briefing as Markdown', () => {
  const md = renderBriefing(builtIn, 'car.cycle.md', view(hostile), 'md');

  it('makes user text harmless: no HTML, no link, no heading', () => {
    expect(md).toContain(
      'Is &lt;script&gt;alert("x")&lt;/script&gt; safe? [click\\](javascript:alert(1)) # not a heading',
    );
    expect(md).not.toMatch(/<script|<img|<b>/i);
    expect(md).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('escapes a pipe in a title, so that it cannot split a table cell', () => {
    expect(md).toContain('# Cycle 1: Pipes \\| and &lt;b&gt;tags&lt;/b&gt;');
  });

  it('writes a results table GitHub can read, with [c] for the small group', () => {
    const out = renderBriefing(builtIn, 'car.cycle.md', view({ measures: enjoymentMeasures() }), 'md');
    expect(out).toContain(
      '| Group | Role | n before | Mean before | SD before | n after | Mean after | SD after | Change |',
    );
    expect(out).toContain('| SIMD 5 | Intervention | [c] | [c] | [c] | [c] | [c] | [c] | [c] |');
    for (const figure of ['31.7', '33.3']) expect(out).not.toContain(figure);
  });

  it('gives the same bytes every time, with LF line endings and one final newline', () => {
    const again = renderBriefing(builtIn, 'car.cycle.md', view(hostile), 'md');
    expect(again).toBe(md);
    expect(md).not.toContain('\r');
    expect(md.endsWith('\n')).toBe(true);
    expect(md.endsWith('\n\n')).toBe(false);
  });
});

describe('templates', () => {
  const set = (templates: Record<string, string>, partials: Record<string, string> = {}): TemplateSet => ({
    templates: new Map(Object.entries(templates).map(([k, text]) => [k, { text, origin: `templates/${k}.hbs` }])),
    partials: new Map(
      Object.entries(partials).map(([k, text]) => [k, { text, origin: `templates/partials/${k}.hbs` }]),
    ),
  });

  it('uses partials of its own format, and normalises line endings', () => {
    const out = renderBriefing(
      set(
        { 'car.cycle.md': '# {{heading}}\r\n{{> note.md}}\r\n' },
        { 'note.md': 'from the partial\r\n', 'note.html': '<p>no</p>' },
      ),
      'car.cycle.md',
      view({}),
      'md',
    );
    expect(out.split('\n').slice(1)).toEqual(['# Cycle 1: Paired reading', 'from the partial', '']);
  });

  it('refuses, naming the file, when a template has a mistake', () => {
    let error: unknown;
    try {
      renderBriefing(set({ 'car.cycle.md': '{{#if heading}}unclosed' }), 'car.cycle.md', view({}), 'md');
    } catch (e) {
      error = e;
    }
    expect(isSippError(error)).toBe(true);
    expect((error as Error).message).toContain('templates/car.cycle.md.hbs');
  });

  it('refuses when a template names something the briefing does not have (a typo shows up, not an empty gap)', () => {
    expect(() =>
      renderBriefing(set({ 'car.cycle.md': 'Aim: {{enquiry.aim.txt}}' }), 'car.cycle.md', view({}), 'md'),
    ).toThrow(
      'templates/car.cycle.md.hbs (or a partial it uses) could not be rendered: it names "txt", which a briefing does not have (line 1, column 8).',
    );
  });

  it('refuses when there is no template for the briefing', () => {
    expect(() => renderBriefing(set({}), 'car.cycle.md', view({}), 'md')).toThrow(/car\.cycle\.md\.hbs/);
  });
});
