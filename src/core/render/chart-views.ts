// Drawn charts placed in a briefing's view model: each under the measure (or dated series) it belongs to, with the
// path of the SVG file a Markdown briefing links to (`01-paired-reading.charts/reads-for-pleasure-run-chart.svg`).
import type { Chart } from './charts/types.js';
import type { ChartView } from './types.js';

/** A measure's charts: the ones of the measure as a whole (before/after), and those of each dated series. */
export interface PlacedCharts {
  measure: ChartView[];
  series: ChartView[][];
}

/** The folder beside a briefing (`01-paired-reading.md`) that holds its charts: `01-paired-reading.charts`. */
export function chartFolder(briefingStem: string): string {
  return `${briefingStem}.charts`;
}

/** Where a chart's SVG file goes, relative to the output folder: `01-paired-reading.charts/<chart id>.svg`. */
export function chartFile(briefingStem: string, chart: Pick<Chart, 'id'>): string {
  return `${chartFolder(briefingStem)}/${fileNameOf(chart.id)}.svg`;
}

export function chartView(chart: Chart, briefingStem: string): ChartView {
  return {
    id: chart.id,
    kind: chart.kind,
    title: chart.title,
    alt: bracketFree(chart.alt),
    notes: [...chart.notes],
    file: chartFile(briefingStem, chart).split('/').map(linkSegment).join('/'),
    svg: chart.svg.trimEnd(),
  };
}

/** The charts of one measure, in the order drawn: its own, and each of its `seriesCount` series'. */
export function placeCharts(
  charts: readonly Chart[],
  briefingStem: string,
  measureId: string,
  seriesCount: number,
): PlacedCharts {
  const mine = charts.filter((c) => c.measure === measureId);
  return {
    measure: mine.filter((c) => c.series === null).map((c) => chartView(c, briefingStem)),
    series: Array.from({ length: seriesCount }, (_, i) =>
      withoutRepeatedNotes(mine.filter((c) => c.series === i).map((c) => chartView(c, briefingStem))),
    ),
  };
}

/** A series' XmR chart marks the same dated events as its run chart just above it: they are listed once. */
function withoutRepeatedNotes(views: ChartView[]): ChartView[] {
  return views.map((view, i) => {
    const before = views[i - 1];
    const same = before !== undefined && before.notes.join('\n') === view.notes.join('\n');
    return same ? { ...view, notes: [] } : view;
  });
}

/** Chart ids come from measure ids (lower case and hyphens); anything else is kept out of the file name. */
function fileNameOf(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
}

/** A path segment made safe as a relative link in Markdown and HTML. */
function linkSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * The text alternative with square brackets made round: in Markdown it is the text of an image, `![…](…)`, where
 * a bracket from a measure's or group's name could end it early or start a link.
 */
function bracketFree(text: string): string {
  return text.replace(/\[/g, '(').replace(/\]/g, ')');
}
