// Wrapping prose for the terminal, so long guidance reads as a paragraph rather than one endless line.

/** Wraps text at `width` columns, putting `indent` before every line after the first (and `first` before the first). */
export function wrap(text: string, width = 100, indent = '', first = indent): string {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent;
      empty = true;
    }
    line += empty ? word : ` ${word}`;
    empty = false;
  }
  lines.push(line);
  return lines.join('\n');
}
