// Which briefings `sipp brief` makes and their text: one per selected cycle and format, and the overview, with
// their charts (inline in HTML; for Markdown, SVG files in a folder beside each briefing).
import { visibleInDocument } from '../control-characters.js';
import type { CycleReport, MeasureReport } from '../analysis/report-types.js';
import type { InterventionRecord, ProjectFile } from '../records/model.js';
import { chartFile } from './chart-views.js';
import { chartsForCycle, overviewCharts, type Chart, type ChartDrawer } from './charts/index.js';
import { cycleBriefing, cycleMeasureReports, type BriefingOptions } from './cycle.js';
import type { CycleBriefing } from './types.js';
import { cycleHandout, overviewHandout } from './handout.js';
import {
  OVERVIEW_NAME,
  overviewBriefing,
  overviewPart,
  type OverviewCycle,
  type OverviewPart,
  type RefusedCycle,
} from './overview.js';
import {
  cycleTemplateName,
  generatedFile,
  overviewTemplateName,
  renderBriefing,
  type BriefingFormat,
  type TemplateSet,
} from './render.js';
import { recordOf } from '../records/cycle-data.js';

export interface RenderedBriefing {
  /** File name in the output folder: `01-paired-reading.md`, `overview.html`. */
  file: string;
  text: string;
}

export { OVERVIEW_NAME };

export interface RenderOptions extends Pick<BriefingOptions, 'methodName'> {
  /** Draw the charts (Vega is loaded for them, once, when there is one to draw). Default true. */
  charts?: boolean;
  /** Cycles not rendered because their records have problems: the overview names them. */
  refused?: readonly RefusedCycle[];
  /** Also the two-page handouts: `<cycle>.handout.<format>` and `overview.handout.<format>`. */
  handout?: boolean;
  /** Draws the charts elsewhere (a pool of workers), all at once; without it, in this process one by one. */
  drawer?: ChartDrawer;
  /**
   * The overview part of a cycle not rendered in this run, as an earlier run worked it out from the same inputs
   * (src/project/brief-cache.ts); without it, or when it gives nothing, the part is worked out again.
   */
  remembered?: (c: OverviewCycle) => OverviewPart | undefined;
}

/** The method whose cycle template a briefing uses when its own method has none (CAR is the umbrella method). */
const FALLBACK_TEMPLATE = 'car';

/** The template a cycle's briefing uses: its method's, a project template named after its method, or CAR's. */
export function cycleTemplateFor(set: TemplateSet, c: OverviewCycle, format: BriefingFormat): string {
  const candidates = [c.method?.template, c.cycle.method, FALLBACK_TEMPLATE].filter((t): t is string => Boolean(t));
  const found = candidates.map((t) => cycleTemplateName(t, format)).find((name) => set.templates.has(name));
  return found ?? cycleTemplateName(candidates[0] ?? FALLBACK_TEMPLATE, format);
}

/**
 * Every file to write: the selected cycles' briefings and the overview (of all cycles), in each format, and for
 * Markdown the SVG file of each chart, in `<briefing>.charts/`. Charts are drawn once and shared by both formats.
 */
export async function renderBriefings(
  project: ProjectFile,
  cycles: readonly OverviewCycle[],
  selected: readonly OverviewCycle[],
  formats: readonly BriefingFormat[],
  templates: TemplateSet,
  opts: RenderOptions = {},
): Promise<Rendered> {
  const draw = opts.charts ?? true;
  const base: BriefingOptions = opts.methodName ? { methodName: opts.methodName } : {};
  const reports = new Map<OverviewCycle, MeasureReport[]>();
  const out: RenderedBriefing[] = [];
  const learned = new Map<string, OverviewPart>();
  const measuresOf = (c: OverviewCycle): MeasureReport[] => {
    let measures = reports.get(c);
    if (!measures) reports.set(c, (measures = cycleMeasureReports(project, c.cycle)));
    return measures;
  };
  const made = new Map<OverviewCycle, CycleBriefing>();
  const chartsOf = (c: OverviewCycle): Promise<Chart[]> =>
    chartsForCycle(cycleReportOf(c, measuresOf(c)), { intervention: interventionOf(c) }, opts.drawer);
  // With a drawer, every cycle's charts are asked for first, so that all its workers are kept busy.
  const drawing = new Map(draw && opts.drawer ? selected.map((c) => [c, handled(chartsOf(c))]) : []);
  for (const c of selected) {
    const measures = measuresOf(c);
    const charts = draw ? await (drawing.get(c) ?? chartsOf(c)) : [];
    const view = cycleBriefing(project, c.cycle, c.method, c.status, { ...base, measures, charts });
    made.set(c, view);
    for (const format of formats) {
      out.push({
        file: `${c.cycle.source.folder}.${format}`,
        text: renderBriefing(templates, cycleTemplateFor(templates, c, format), view, format),
      });
      if (format === 'md') out.push(...svgFiles(c.cycle.source.folder, charts));
      if (opts.handout)
        out.push({
          file: `${c.cycle.source.folder}.handout.${format}`,
          text: renderBriefing(templates, `handout.cycle.${format}`, cycleHandout(view), format),
        });
    }
  }
  // A cycle not rendered in this run gets its part from an earlier run, or from the measure reports above.
  const parts = cycles.map((c) => {
    const view = made.get(c);
    const known = view ? undefined : opts.remembered?.(c);
    const part = known ?? overviewPart(project, view ? { ...c, briefing: view } : c, measuresOf(c), base);
    learned.set(c.cycle.source.folder, part);
    return part;
  });
  const ordered = [...parts].sort((a, b) => a.view.folder.localeCompare(b.view.folder, 'en'));
  const trend = draw ? await overviewCharts({ cycles: ordered.map((p) => p.report) }, opts.drawer) : [];
  const overview = overviewBriefing(project, parts, base, trend, opts.refused ?? []);
  for (const format of formats) {
    out.push({
      file: `${OVERVIEW_NAME}.${format}`,
      text: renderBriefing(templates, overviewTemplateName(format), overview, format),
    });
    if (format === 'md') out.push(...svgFiles(OVERVIEW_NAME, trend));
    if (opts.handout)
      out.push({
        file: `${OVERVIEW_NAME}.handout.${format}`,
        text: renderBriefing(templates, `handout.overview.${format}`, overviewHandout(overview), format),
      });
  }
  // Control characters typed into a record never reach a briefing raw (XML, and so SVG, forbids them).
  return { files: out.map((file) => ({ ...file, text: visibleInDocument(file.text) })), parts: learned };
}

/** The files to write, and every cycle's overview part (to remember for the next run). */
export interface Rendered {
  files: RenderedBriefing[];
  parts: ReadonlyMap<string, OverviewPart>;
}

/** The same promise, marked as handled: it is awaited later, in order, and a failure then is reported there. */
function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

function cycleReportOf(c: OverviewCycle, measures: MeasureReport[]): CycleReport {
  return { id: c.cycle.source.folder, number: c.cycle.source.number, measures };
}

function interventionOf(c: OverviewCycle): InterventionRecord | undefined {
  return recordOf(c.cycle, 'intervention');
}

/** The charts of a Markdown briefing as files, each marked as sipp's, so that `sipp brief` may replace them. */
function svgFiles(briefingStem: string, charts: readonly Chart[]): RenderedBriefing[] {
  return charts.map((chart) => ({ file: chartFile(briefingStem, chart), text: generatedFile(chart.svg) }));
}
