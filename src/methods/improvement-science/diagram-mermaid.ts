// The driver diagram as a Mermaid flowchart, which GitHub draws from a ```mermaid block in Markdown. Node ids are
// sipp's own (aim, p1, s1, c1: a team's id could be a Mermaid keyword such as `end`); every label is escaped with
// Mermaid's entity codes, so no text of the team's can end the label, start a directive or become markup.
import { clean, diagramNodes, type DriverDiagram } from './diagram.js';
import { wrapText } from './diagram-svg.js';

/** Label width before a `<br>`, in the same units as the SVG's wrapping (about 30 characters). */
const LABEL_WIDTH = 190;
const LABEL_FONT = 12;

/**
 * Mermaid's entity codes (`#quot;`, `#35;`) for every character with a meaning in a quoted label or in the
 * text around it: `"` ends the label; `#` starts an entity code; `<`, `>` and `&` would be HTML in the drawn label;
 * `` ` `` starts a Markdown label; `%` could start a `%%{init}%%` directive, which Mermaid finds anywhere in the
 * text; `:` would let `fa:fa-…` become an icon. `#` goes first, as the others introduce it.
 */
export function escapeMermaid(text: string): string {
  return clean(text)
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/&/g, '#amp;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/`/g, '#96;')
    .replace(/%/g, '#37;')
    .replace(/:/g, '#58;');
}

/** A label's paragraphs, wrapped and escaped, joined by Mermaid's line break. */
function label(paragraphs: readonly string[], note: string | null): string {
  const lines = paragraphs.flatMap((p) => wrapText(clean(p), LABEL_WIDTH, LABEL_FONT)).map(escapeMermaid);
  if (note) lines.push(...wrapText(note, LABEL_WIDTH, LABEL_FONT).map((l) => `<i>${escapeMermaid(l)}</i>`));
  return lines.join('<br>');
}

/** The diagram as Mermaid flowchart source (without the ``` fence). */
export function driverDiagramMermaid(diagram: DriverDiagram): string {
  const lines = ['flowchart LR', '    accTitle: Driver diagram', `    accDescr: ${accessibleDescription(diagram)}`];
  for (const node of diagramNodes(diagram)) {
    lines.push(`    ${node.key}["${label(node.paragraphs, node.note)}"]`);
  }
  for (const link of diagram.links) lines.push(`    ${link.from} --- ${link.to}`);
  // Borders tell the columns apart without colour, as in the printed SVG; GitHub's themes keep their own colours.
  if (diagram.aim) lines.push('    classDef aim stroke-width:3px', '    class aim aim');
  if (diagram.primaries.length > 0) {
    lines.push(
      '    classDef primary stroke-width:2px',
      `    class ${diagram.primaries.map((p) => p.key).join(',')} primary`,
    );
  }
  if (diagram.changeIdeas.length > 0) {
    lines.push(
      '    classDef idea stroke-dasharray:5 3',
      `    class ${diagram.changeIdeas.map((c) => c.key).join(',')} idea`,
    );
  }
  return lines.join('\n');
}

/** Counts only (no text of the team's), on one line as `accDescr:` needs. */
function accessibleDescription(diagram: DriverDiagram): string {
  return `The aim on the left, then ${diagram.primaries.length} primary drivers, ${diagram.secondaries.length} secondary drivers and ${diagram.changeIdeas.length} change ideas`;
}
