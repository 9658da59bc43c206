// The driver diagram: its model, the SVG for print and the Mermaid block for GitHub, with hostile labels.
import { describe, expect, it } from 'vitest';
import { clean, driverDiagram } from '../../../../src/methods/improvement-science/diagram.js';
import { driverDiagramMermaid, escapeMermaid } from '../../../../src/methods/improvement-science/diagram-mermaid.js';
import {
  driverDiagramSvg,
  escapeXml,
  textWidth,
  wrapText,
} from '../../../../src/methods/improvement-science/diagram-svg.js';
import type { DriversRecord, PdsaRecord } from '../../../../src/methods/improvement-science/types.generated.js';

const DRIVERS: DriversRecord = {
  aim: { what: 'Attendance in S1', forWhom: 'SIMD 1-2', howMuch: '86% to 92%', byWhen: '2025-12-19' },
  primaryDrivers: [
    { id: 'belonging', name: 'Belonging' },
    { id: 'families', name: 'Families trust the academy' },
  ],
  secondaryDrivers: [
    { id: 'named-contact', name: 'A named contact', primary: ['families'] },
    { id: 'trusted-adult', name: 'A trusted adult', primary: ['belonging'] },
  ],
  changeIdeas: [
    { id: 'text', name: 'First-day text', drivers: ['named-contact'] },
    { id: 'check-in', name: 'Morning check-in', drivers: ['trusted-adult'] },
    { id: 'assembly', name: 'Welcome assembly', drivers: ['belonging'] },
  ],
};

const PDSA: PdsaRecord = {
  cycles: [
    { id: 'pdsa-1', changeIdea: 'check-in', act: { decision: 'adapt' } },
    { id: 'pdsa-2', changeIdea: 'check-in', act: { decision: 'adopt' } },
  ],
};

/** Labels that would break Markdown, HTML, XML or Mermaid if they were not escaped. */
const HOSTILE = [
  'Say "hello" & <b>wave</b>',
  'Groups [A] (B) {C} | D',
  'Issue #12; C# and &amp; entities',
  'line one\nline two\r\nline three',
  '%%{init: {"theme": "dark"}}%%',
  '`code` and fa:fa-car',
  'end',
  "It's </text></svg><script>alert(1)</script>",
];

describe('the driver diagram model', () => {
  it('orders secondary drivers by their primary driver and change ideas by the first driver they act on', () => {
    const diagram = driverDiagram(DRIVERS, PDSA);
    expect(diagram?.secondaries.map((s) => s.id)).toEqual(['trusted-adult', 'named-contact']);
    // belonging (rank 0) comes before its secondary trusted-adult (rank 1), then families' named-contact.
    expect(diagram?.changeIdeas.map((c) => c.id)).toEqual(['assembly', 'check-in', 'text']);
    expect(diagram?.links).toContainEqual({ from: 'p1', to: 'c1' });
  });

  it('notes which PDSA cycles tested a change idea and what they decided', () => {
    const checkIn = driverDiagram(DRIVERS, PDSA)?.changeIdeas.find((c) => c.id === 'check-in');
    // By the cycles' places in pdsa.yaml, not their ids, and without brackets inside brackets (issue 10).
    expect(checkIn?.note).toBe('Tested in PDSA cycles 1 (adapted) and 2 (adopted)');
  });

  it('gives the aim one paragraph per part', () => {
    expect(driverDiagram(DRIVERS)?.aim?.paragraphs).toEqual([
      'Attendance in S1',
      'For: SIMD 1-2',
      'How much: 86% to 92%',
      'By: 19 December 2025',
    ]);
  });

  it('leaves out links to ids that do not exist', () => {
    const diagram = driverDiagram({ ...DRIVERS, changeIdeas: [{ id: 'x', name: 'X', drivers: ['nowhere'] }] });
    expect(diagram?.links.some((l) => l.to === 'c1')).toBe(false);
  });

  it('makes every label one line of text without control characters', () => {
    expect(clean(' Tab\there,\nnew line\u0000 and a bell\u0007 ')).toBe('Tab here, new line and a bell');
  });

  it('is null when there is nothing to draw', () => {
    expect(driverDiagram({ aim: { what: null }, primaryDrivers: [] })).toBeNull();
  });
});

describe('the driver diagram as SVG', () => {
  it('has a text alternative: role="img", a title and a description', () => {
    const svg = driverDiagramSvg(driverDiagram(DRIVERS, PDSA)!);
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="driver-diagram-title driver-diagram-desc"/);
    expect(svg).toContain('<title id="driver-diagram-title">Driver diagram</title>');
    expect(svg).toContain(
      '<desc id="driver-diagram-desc">Driver diagram. The aim, on the left, is reached through 2 primary drivers, 2 secondary drivers and 3 change ideas, joined by lines from left to right. The same diagram follows as a list.</desc>',
    );
  });

  it('is the same text for the same records', () => {
    const diagram = driverDiagram(DRIVERS, PDSA)!;
    expect(driverDiagramSvg(diagram)).toBe(driverDiagramSvg(driverDiagram(DRIVERS, PDSA)!));
  });

  it('escapes every label, so no text of the team can become markup', () => {
    const drivers: DriversRecord = {
      aim: { what: HOSTILE[0], forWhom: HOSTILE[7] },
      primaryDrivers: HOSTILE.map((name, i) => ({ id: `p${i}`, name })),
    };
    const svg = driverDiagramSvg(driverDiagram(drivers)!);
    expect(svg).not.toContain('<b>');
    expect(svg).not.toContain('<script>');
    expect(svg.match(/<\/svg>/g)).toHaveLength(1);
    expect(svg.match(/<\/text>/g)?.length).toBe(4 + 1 + HOSTILE.length);
    expect(svg).toContain('&#60;b&#62;wave&#60;/b&#62;');
    expect(svg).not.toMatch(/&(?!#\d+;)/);
  });

  it('wraps labels to the width of their box', () => {
    const lines = wrapText('A welcome phone call home from the S1 pastoral teacher in June', 150, 13);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(textWidth(line, 13)).toBeLessThanOrEqual(150);
    expect(lines.join(' ')).toBe('A welcome phone call home from the S1 pastoral teacher in June');
  });

  it('cuts a word longer than a line', () => {
    const lines = wrapText('x'.repeat(80), 100, 13);
    expect(lines.join('')).toBe('x'.repeat(80));
    for (const line of lines) expect(textWidth(line, 13)).toBeLessThanOrEqual(100);
  });

  it('escapes the five XML characters', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;');
  });
});

describe('the driver diagram as Mermaid', () => {
  it("is a left-to-right flowchart with sipp's own node ids and an accessible title", () => {
    const mermaid = driverDiagramMermaid(driverDiagram(DRIVERS, PDSA)!);
    expect(mermaid.split('\n').slice(0, 3)).toEqual([
      'flowchart LR',
      '    accTitle: Driver diagram',
      '    accDescr: The aim on the left, then 2 primary drivers, 2 secondary drivers and 3 change ideas',
    ]);
    expect(mermaid).toContain(
      '    aim["Attendance in S1<br>For#58; SIMD 1-2<br>How much#58; 86#37; to 92#37;<br>By#58; 19 December 2025"]',
    );
    expect(mermaid).toContain('    p1 --- s1');
    expect(mermaid).toContain(
      '    c2["Morning check-in<br><i>Tested in PDSA cycles 1</i><br><i>(adapted) and 2 (adopted)</i>"]',
    );
  });

  it('escapes quotes, entity starts, markup, backticks, directives and icons in labels', () => {
    expect(HOSTILE.map(escapeMermaid)).toEqual([
      'Say #quot;hello#quot; #amp; #lt;b#gt;wave#lt;/b#gt;',
      'Groups [A] (B) {C} | D',
      'Issue #35;12; C#35; and #amp;amp; entities',
      'line one line two line three',
      '#37;#37;{init#58; {#quot;theme#quot;#58; #quot;dark#quot;}}#37;#37;',
      '#96;code#96; and fa#58;fa-car',
      'end',
      "It's #lt;/text#gt;#lt;/svg#gt;#lt;script#gt;alert(1)#lt;/script#gt;",
    ]);
  });

  it('keeps every hostile label inside its quotes, on its own line', () => {
    const mermaid = driverDiagramMermaid(
      driverDiagram({ primaryDrivers: HOSTILE.map((name, i) => ({ id: `p${i}`, name })) })!,
    );
    const nodes = mermaid.split('\n').filter((l) => /^ {4}p\d+\[/.test(l));
    expect(nodes).toHaveLength(HOSTILE.length);
    for (const node of nodes) expect(node).toMatch(/^ {4}p\d+\["[^"]*"\]$/);
    expect(mermaid).not.toContain('%%');
    expect(mermaid).not.toContain('```');
  });
});
