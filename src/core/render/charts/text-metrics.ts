// Text widths for laying charts out without a canvas. Vega's fallback guesses 0.8 em per character, about half as
// wide again as real sans-serif text, so titles and labels got truncated and charts padded to twice their width.
// These are the Helvetica advance widths (Adobe's Core 14 AFM metrics, 1/1000 em; Arial and Liberation Sans share
// them) with a margin for wider fonts such as DejaVu Sans. A fixed table keeps the output the same on every machine.

/** Helvetica advance widths of the printable ASCII characters 32 (space) to 126 (~), in 1/1000 em. */
const HELVETICA = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,
  722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556,
  556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334,
  260, 334, 584,
];
/** Any other character (a dash, a minus sign, an accented letter): the width of a digit. */
const OTHER = 556;
/** Wider fonts that may stand in for "sans-serif" (DejaVu Sans is about 8% wider than Helvetica). */
const MARGIN = 1.1;
/** Bold Helvetica is about 6% wider. */
const BOLD = 1.06;

export interface TextItem {
  fontSize?: number | string;
  fontWeight?: number | string;
  limit?: number;
}

/** The width in pixels of one line of text as a Vega text item draws it. */
export function textWidth(item: TextItem, text: unknown): number {
  const line = text == null ? '' : String(text).trim();
  const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
  let units = 0;
  for (const ch of line) {
    const code = ch.codePointAt(0) ?? 0;
    units += code >= 32 && code <= 126 ? (HELVETICA[code - 32] as number) : OTHER;
  }
  const weight = item.fontWeight;
  const bold = weight === 'bold' || weight === 'bolder' || (typeof weight === 'number' && weight >= 600);
  const width = (units / 1000) * size * MARGIN * (bold ? BOLD : 1);
  // Vega truncates text to `limit` pixels; its bounds are then no wider than that.
  return item.limit !== undefined && item.limit > 0 ? Math.min(width, item.limit) : width;
}
