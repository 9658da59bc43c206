// Drawing a Vega-Lite specification as SVG in Node, deterministically: the same chart gives the same bytes on
// every run, in every time zone, in any order. Vega and Vega-Lite take ~300 ms to load, so they are imported
// only here, when a chart is drawn.

import { textWidth } from './text-metrics.js';

export interface SvgOptions {
  /** Prefix of every id in the SVG (clip paths), so that several charts can be inlined in one HTML page. */
  idPrefix: string;
  /** The chart's title and text alternative, written into the SVG for readers of the SVG file on its own. */
  title: string;
  alt: string;
  /** Called with each warning Vega-Lite or Vega gives (tests use it to keep specs free of them). */
  onWarning?: (message: string) => void;
}

/** Decimals kept in coordinates: a hundredth of a pixel, and no digits that depend on floating-point noise. */
const COORDINATE_DECIMALS = 2;

export async function renderSvg(spec: Record<string, unknown>, options: SvgOptions): Promise<string> {
  return tidySvg(await drawSvg(spec, options.onWarning), options);
}

/**
 * Vega's own SVG of a specification, before `tidySvg`: the same for the same specification, whatever the chart's
 * ids and words (so it can be remembered by the specification alone).
 */
export async function drawSvg(spec: Record<string, unknown>, onWarning?: (message: string) => void): Promise<string> {
  const [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')]);
  // Vega documents replacing its text measurement (vl-convert does the same); its typings do not list it.
  (vega as unknown as { textMetrics: { width: typeof textWidth } }).textMetrics.width = textWidth;
  // Vega-Lite's types ask for its own spec type; the specs are checked by compiling them.
  const logger = new QuietLogger(onWarning);
  const compiled = vegaLite.compile(spec as unknown as Parameters<typeof vegaLite.compile>[0], { logger }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logger });
  try {
    const svg = await view.toSVG();
    if (logger.failure) throw logger.failure;
    return svg;
  } finally {
    view.finalize();
  }
}

/**
 * A Vega logger that prints nothing (a CLI's output is its own): it keeps the first error, so that a chart with a
 * mistake in its specification fails instead of drawing something half right, and passes warnings on if asked.
 */
class QuietLogger {
  failure: Error | undefined;
  constructor(private readonly onWarning: ((message: string) => void) | undefined) {}
  level(): this {
    return this;
  }
  error(...args: unknown[]): this {
    this.failure ??= new Error(`Chart specification problem: ${args.map(String).join(' ')}`);
    return this;
  }
  warn(...args: unknown[]): this {
    this.onWarning?.(args.map(String).join(' '));
    return this;
  }
  info(): this {
    return this;
  }
  debug(): this {
    return this;
  }
}

/**
 * Makes Vega's SVG deterministic and self-describing: renumbers ids (Vega counts clip paths across the whole
 * process) under the chart's own prefix, rounds coordinates, and adds role, aria-label, <title> and <desc>.
 */
export function tidySvg(svg: string, options: SvgOptions): string {
  const ids = new Map<string, string>();
  for (const match of svg.matchAll(/\sid="([^"]+)"/g)) {
    const id = match[1] as string;
    if (!ids.has(id)) ids.set(id, `${options.idPrefix}-${ids.size + 1}`);
  }
  let out = svg
    .replace(/\sid="([^"]+)"/g, (_, id: string) => ` id="${ids.get(id) ?? id}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${ids.get(id) ?? id})`)
    .replace(/(\s[a-z-]+=")([^"]*)"/gi, (_, name: string, value: string) => `${name}${roundNumbers(value)}"`);
  const title = escapeXml(options.title);
  const alt = escapeXml(options.alt);
  out = out.replace(/^<svg([^>]*)>/, (_, attributes: string) => {
    const cleaned = attributes.replace(/\sclass="marks"/, '');
    return `<svg${cleaned} role="img" aria-label="${alt}"><title>${title}</title><desc>${alt}</desc>`;
  });
  return out.endsWith('\n') ? out : `${out}\n`;
}

function roundNumbers(value: string): string {
  return value.replace(/-?\d+\.\d{3,}/g, (number) => {
    const rounded = Number(Number(number).toFixed(COORDINATE_DECIMALS));
    return String(rounded === 0 ? 0 : rounded);
  });
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
