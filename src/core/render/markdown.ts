// Making user text safe in Markdown: it reads as text on GitHub, never as HTML, a link, a heading, a list or a
// table cell boundary. Applied to every string of a view model before a Markdown template sees it.

/** Characters with a meaning anywhere in a line, in one pass (this runs on every string of every briefing). */
const INLINE = /&(?=#?[a-zA-Z0-9]+;)|[<>\\`*_~$|]|\](?=[([])/g;
const INLINE_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

const BLOCK_START = /^[#+=\-\d[]/;

/**
 * Escapes one line of text for CommonMark and GitHub Flavored Markdown:
 * - `<` and `>` become entities (no raw HTML, autolinks or block quotes; works in every Markdown dialect);
 * - `&` that would start an entity (`&lt;`, `&#60;`) becomes `&amp;`;
 * - `\ \` * _ ~ $ |` are backslash-escaped: emphasis, code, strike-through, GitHub's maths and table pipes;
 * - `]` before `(` or `[` is escaped, which stops every link and image (so sipp's own markers such as `[c]` stay
 *   readable in the file);
 * - what would start a block at the beginning of a line is escaped: `#`, the `[` of a link reference or footnote
 *   definition (`[a]: …`), list markers (`-`, `+`, `1.`) and setext underlines (`===`, `---`);
 * - runs of white space, line breaks included, become one space: a line break would end a table row.
 */
export function escapeMarkdown(text: string): string {
  const oneLine = /\s\s|[^\S ]|^\s|\s$/.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
  const line = oneLine.replace(INLINE, (c) => INLINE_ESCAPES[c] ?? `\\${c}`);
  return BLOCK_START.test(line) ? escapeBlockStart(line) : line;
}

function escapeBlockStart(line: string): string {
  return line
    .replace(/^#/, '\\#')
    .replace(/^\[(?=[^\]]*\]:)/, '\\[')
    .replace(/^([-+])(?= |$)/, '\\$1')
    .replace(/^(\d{1,9})([.)])(?= |$)/, '$1\\$2')
    .replace(/^([=-])(?=[=-]*$)/, '\\$1');
}

/**
 * Text sipp made itself and that must reach the template as it is (a Mermaid diagram, an inline SVG built from
 * escaped parts): `escapeMarkdownDeep` leaves it alone, and Handlebars prints it unescaped (`toHTML`).
 * Never wrap a user's text in it.
 */
export class Verbatim {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
  toHTML(): string {
    return this.text;
  }
}

/** A copy of a value with every string in it escaped for Markdown (numbers and booleans unchanged). */
export function escapeMarkdownDeep<T>(value: T): T {
  if (value instanceof Verbatim) return value;
  if (typeof value === 'string') return escapeMarkdown(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => escapeMarkdownDeep(item)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapeMarkdownDeep(v)])) as T;
  }
  return value;
}
