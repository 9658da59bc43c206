// The driver diagram as an inline SVG for the printable briefing: four columns from left to right (aim, primary
// drivers, secondary drivers, change ideas), wrapped labels, black lines and borders only, so it prints in black
// and white. Laid out here rather than by a graph library: the shape is always the same four columns, and the
// output must be the same bytes for the same records.
import { diagramNodes, diagramSummary, type Column, type DiagramNode, type DriverDiagram } from './diagram.js';

const FONT = 13;
const LINE = 16;
/** Bold text runs wider than regular text; labels in bold wrap on this much less room. */
const BOLD = 1.08;
const NOTE_FONT = 10;
const NOTE_LINE = 12.5;
const PAD_X = 8;
const PAD_Y = 7;
/** Column widths: the aim and drivers are short phrases; change ideas tend to be longer. */
const WIDTHS: Record<Column, number> = { 0: 150, 1: 165, 2: 175, 3: 190 };
const GAP = 34;
const NODE_GAP = 10;
const HEADER = 30;
const MARGIN = 4;
const HEADINGS: Record<Column, string> = { 0: 'Aim', 1: 'Primary drivers', 2: 'Secondary drivers', 3: 'Change ideas' };

/** Left edge of each column. */
function columnX(column: Column): number {
  let x = MARGIN;
  for (let c = 0; c < column; c++) x += WIDTHS[c as Column] + GAP;
  return x;
}

const TOTAL_WIDTH = columnX(3) + WIDTHS[3] + MARGIN;

/**
 * The width of a character in a sans-serif font, in ems (Arial's advance widths, grouped): there is no font to
 * measure with, and an overestimate only makes a label wrap a little early.
 */
function charWidth(ch: string): number {
  if (/[ijlI.,:;'!| ]/.test(ch)) return 0.28;
  if (/[mwMW@]/.test(ch)) return 0.88;
  if (/[A-Z]/.test(ch)) return 0.68;
  if (/[frt()[\]{}-]/.test(ch)) return 0.36;
  return 0.57;
}

export function textWidth(text: string, size: number): number {
  let ems = 0;
  for (const ch of text) ems += charWidth(ch);
  return ems * size;
}

/** Greedy line breaking at spaces; a word longer than a line is cut where it reaches the edge. */
export function wrapText(text: string, maxWidth: number, size: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ').filter((w) => w !== '')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (textWidth(candidate, size) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    line = '';
    let width = 0;
    for (const ch of word) {
      const w = charWidth(ch) * size;
      if (line !== '' && width + w > maxWidth) {
        lines.push(line);
        line = '';
        width = 0;
      }
      line += ch;
      width += w;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Text for XML: the five special characters as entities (labels come from the team's records). */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

interface Box {
  node: DiagramNode;
  x: number;
  y: number;
  width: number;
  height: number;
  lines: string[];
  /** How many of the first lines are bold: all of a primary driver's, the "what" of the aim. */
  boldLines: number;
  noteLines: string[];
}

function boxOf(node: DiagramNode): Box {
  const width = WIDTHS[node.column];
  const inner = width - 2 * PAD_X;
  // Bold: every line of a primary driver, and the "what" (first paragraph) of the aim.
  const isBold = (i: number): boolean => node.column === 1 || (node.column === 0 && i === 0);
  const wrapped = node.paragraphs.map((p, i) => wrapText(p, isBold(i) ? inner / BOLD : inner, FONT));
  const lines = wrapped.flat();
  const boldLines = wrapped.filter((_, i) => isBold(i)).reduce((sum, w) => sum + w.length, 0);
  const noteLines = node.note ? wrapText(node.note, inner, NOTE_FONT) : [];
  const height = 2 * PAD_Y + lines.length * LINE + (noteLines.length > 0 ? 3 + noteLines.length * NOTE_LINE : 0);
  return { node, x: columnX(node.column), y: 0, width, height, lines, boldLines, noteLines };
}

const centre = (b: Box): number => b.y + b.height / 2;

/**
 * Places a column's boxes top to bottom in order: each as near as it can be to the middle of the boxes it links
 * to on its right (so a driver sits beside its branch), never overlapping the one above.
 */
function placeColumn(boxes: Box[], targets: (b: Box) => Box[]): void {
  let bottom = HEADER - NODE_GAP;
  for (const box of boxes) {
    const linked = targets(box);
    const wanted =
      linked.length > 0 ? linked.reduce((sum, t) => sum + centre(t), 0) / linked.length - box.height / 2 : -Infinity;
    box.y = Math.max(bottom + NODE_GAP, wanted);
    bottom = box.y + box.height;
  }
}

/** Numbers in the SVG: at most one decimal, so the output is short and stable. */
function n(value: number): string {
  return String(Math.round(value * 10) / 10);
}

export interface SvgOptions {
  /** Prefix of the ids of the SVG's title and description, unique in the page. */
  idPrefix?: string;
}

export function driverDiagramSvg(diagram: DriverDiagram, opts: SvgOptions = {}): string {
  const prefix = opts.idPrefix ?? 'driver-diagram';
  const boxes = new Map(diagramNodes(diagram).map((node) => [node.key, boxOf(node)] as const));
  const column = (c: Column): Box[] => [...boxes.values()].filter((b) => b.node.column === c);
  const rightOf = (b: Box): Box[] =>
    diagram.links.filter((l) => l.from === b.node.key).flatMap((l) => boxes.get(l.to) ?? []);

  // Right to left: change ideas stack from the top, each column to its left centres on what it links to.
  for (const c of [3, 2, 1, 0] as const) placeColumn(column(c), rightOf);

  const height = Math.max(HEADER + 20, ...[...boxes.values()].map((b) => b.y + b.height)) + MARGIN;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="driver-diagram" viewBox="0 0 ${n(TOTAL_WIDTH)} ${n(height)}" width="${n(TOTAL_WIDTH)}" height="${n(height)}" role="img" aria-labelledby="${prefix}-title ${prefix}-desc" font-family="Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif">`,
    `<title id="${prefix}-title">Driver diagram</title>`,
    `<desc id="${prefix}-desc">${escapeXml(diagramSummary(diagram))}</desc>`,
  );
  for (const c of [0, 1, 2, 3] as const) {
    parts.push(
      `<text x="${n(columnX(c))}" y="${n(HEADER - 12)}" font-size="${FONT}" font-weight="bold">${HEADINGS[c]}</text>`,
    );
  }
  parts.push('<g fill="none" stroke="#000" stroke-width="1.2">');
  for (const link of diagram.links) {
    const from = boxes.get(link.from);
    const to = boxes.get(link.to);
    if (!from || !to) continue;
    const x1 = from.x + from.width;
    const y1 = centre(from);
    const x2 = to.x;
    const y2 = centre(to);
    const mid = (x1 + x2) / 2;
    parts.push(`<path d="M${n(x1)} ${n(y1)}C${n(mid)} ${n(y1)} ${n(mid)} ${n(y2)} ${n(x2)} ${n(y2)}"/>`);
  }
  parts.push('</g>');
  for (const box of boxes.values()) parts.push(boxSvg(box));
  parts.push('</svg>');
  return parts.join('\n');
}

/** Borders tell the columns apart without colour: a heavy aim, bold primary drivers, dashed change ideas. */
const BOX_STYLE: Record<Column, string> = {
  0: 'stroke-width="2.5"',
  1: 'stroke-width="1.8"',
  2: 'stroke-width="1"',
  3: 'stroke-width="1" stroke-dasharray="5 3" rx="8"',
};

function boxSvg(box: Box): string {
  const column = box.node.column;
  const out = [
    '<g>',
    `<rect x="${n(box.x)}" y="${n(box.y)}" width="${n(box.width)}" height="${n(box.height)}" fill="#fff" stroke="#000" ${BOX_STYLE[column]}/>`,
  ];
  let y = box.y + PAD_Y + FONT - 1;
  out.push(`<text font-size="${FONT}">`);
  box.lines.forEach((line, i) => {
    const weight = i < box.boldLines ? ' font-weight="bold"' : '';
    out.push(`<tspan x="${n(box.x + PAD_X)}" y="${n(y)}"${weight}>${escapeXml(line)}</tspan>`);
    y += LINE;
  });
  out.push('</text>');
  if (box.noteLines.length > 0) {
    y += 3 - LINE + NOTE_LINE;
    out.push(`<text font-size="${NOTE_FONT}" font-style="italic">`);
    for (const line of box.noteLines) {
      out.push(`<tspan x="${n(box.x + PAD_X)}" y="${n(y)}">${escapeXml(line)}</tspan>`);
      y += NOTE_LINE;
    }
    out.push('</text>');
  }
  out.push('</g>');
  return out.join('');
}
