// Which briefings `sipp brief` makes and their text: one per selected cycle and format, and the overview, with
// their charts (inline in HTML; for Markdown, SVG files in a folder beside each briefing).
import { visibleInDocument } from '../control-characters.js';
import type { CycleReport, MeasureReport } from '../analysis/report-types.js';
import type { InterventionRecord, ProjectFile } from '../records/model.js';
import { chartFile } from './chart-views.js';
import {
  cycleChartSpecs,
  drawSpecs,
  overviewChartSpecs,
  type Chart,
  type ChartDrawer,
  type ChartSpec,
} from './charts/index.js';
import { cycleBriefing, cycleMeasureReports, type BriefingOptions } from './cycle.js';
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
  prepareTemplate,
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
 * Collected in memory: `streamBriefings` hands them over a cycle at a time instead.
 */
export async function renderBriefings(
  project: ProjectFile,
  cycles: readonly OverviewCycle[],
  selected: readonly OverviewCycle[],
  formats: readonly BriefingFormat[],
  templates: TemplateSet,
  opts: RenderOptions = {},
): Promise<Rendered> {
  const files: RenderedBriefing[] = [];
  const parts = await streamBriefings(project, cycles, selected, formats, templates, opts, {
    emit: async (made) => {
      files.push(...made);
    },
  });
  return { files, parts };
}

/** The files to write, and every cycle's overview part (to remember for the next run). */
export interface Rendered {
  files: RenderedBriefing[];
  parts: ReadonlyMap<string, OverviewPart>;
}

/** Where `streamBriefings` sends what it makes. */
export interface BriefingSink {
  /**
   * The name of every file that will be made, before any is: a sink that writes them checks here that it may
   * write them all (so that a refusal comes before the first is written). Throwing stops the rendering.
   */
  plan?: (files: readonly string[]) => Promise<void> | void;
  /** The files of one cycle, then those of the overview, as each is made. */
  emit: (files: RenderedBriefing[]) => Promise<void>;
}

/** How many cycles' charts are asked of a drawer ahead of the one being rendered: enough to keep a pool busy. */
const DRAWN_AHEAD = 24;

/**
 * The briefings of `renderBriefings`, handed to `sink` a cycle at a time, so that a big project's briefings are
 * never all held at once. Returns every cycle's overview part.
 */
export async function streamBriefings(
  project: ProjectFile,
  cycles: readonly OverviewCycle[],
  selected: readonly OverviewCycle[],
  formats: readonly BriefingFormat[],
  templates: TemplateSet,
  opts: RenderOptions,
  sink: BriefingSink,
): Promise<ReadonlyMap<string, OverviewPart>> {
  const draw = opts.charts ?? true;
  const base: BriefingOptions = opts.methodName ? { methodName: opts.methodName } : {};
  const reports = new Map<OverviewCycle, MeasureReport[]>();
  const measuresOf = (c: OverviewCycle): MeasureReport[] => {
    let measures = reports.get(c);
    if (!measures) reports.set(c, (measures = cycleMeasureReports(project, c.cycle)));
    return measures;
  };
  const isSelected = new Set(selected);
  // The overview part of each cycle not rendered here: from an earlier run, or worked out when it is needed.
  const known = new Map<OverviewCycle, OverviewPart>();
  for (const c of cycles) {
    const part = isSelected.has(c) ? undefined : opts.remembered?.(c);
    if (part) known.set(c, part);
  }
  const reportOf = (c: OverviewCycle): CycleReport => known.get(c)?.report ?? cycleReportOf(c, measuresOf(c));
  const specsOf = new Map(
    selected.map((c) => [c, draw ? cycleChartSpecs(reportOf(c), { intervention: interventionOf(c) }) : []]),
  );
  const ordered = [...cycles].sort((a, b) => a.cycle.source.folder.localeCompare(b.cycle.source.folder, 'en'));
  const overviewSpecs = draw ? overviewChartSpecs({ cycles: ordered.map(reportOf) }) : [];

  // Every template compiled first: a missing or broken one is refused before any briefing is written.
  for (const format of formats) {
    for (const c of selected) prepareTemplate(templates, cycleTemplateFor(templates, c, format), format);
    prepareTemplate(templates, overviewTemplateName(format), format);
    if (opts.handout) {
      if (selected.length > 0) prepareTemplate(templates, `handout.cycle.${format}`, format);
      prepareTemplate(templates, `handout.overview.${format}`, format);
    }
  }
  await sink.plan?.([
    ...selected.flatMap((c) =>
      briefingFileNames(c.cycle.source.folder, formats, Boolean(opts.handout), specsOf.get(c) ?? []),
    ),
    ...briefingFileNames(OVERVIEW_NAME, formats, Boolean(opts.handout), overviewSpecs),
  ]);

  const drawing = new Map<OverviewCycle, Promise<Chart[]>>();
  const startDrawing = (c: OverviewCycle | undefined): void => {
    if (c && draw && !drawing.has(c))
      drawing.set(c, handled(drawSpecs(specsOf.get(c) ?? [], c.cycle.source.folder, opts.drawer)));
  };
  // With a drawer, the next cycles' charts are asked for ahead, so that all its workers are kept busy.
  if (opts.drawer) selected.slice(0, DRAWN_AHEAD).forEach(startDrawing);
  const made = new Map<OverviewCycle, OverviewPart>();
  for (const [i, c] of selected.entries()) {
    if (opts.drawer) startDrawing(selected[i + DRAWN_AHEAD]);
    startDrawing(c);
    const measures = reportOf(c).measures;
    const charts = draw ? await (drawing.get(c) as Promise<Chart[]>) : [];
    // Drawn: its specifications (which hold the figures) are let go, as its files will be once written.
    drawing.delete(c);
    specsOf.delete(c);
    const view = cycleBriefing(project, c.cycle, c.method, c.status, { ...base, measures, charts });
    made.set(c, overviewPart(project, { ...c, briefing: view }, measures, base));
    const files = briefingFiles(c.cycle.source.folder, formats, charts, {
      main: (format) => renderBriefing(templates, cycleTemplateFor(templates, c, format), view, format),
      handout: opts.handout
        ? (format) => renderBriefing(templates, `handout.cycle.${format}`, cycleHandout(view), format)
        : undefined,
    });
    await sink.emit(cleaned(files));
  }

  // A cycle not rendered in this run gets its part from an earlier run, or from its measure reports.
  const parts = new Map<string, OverviewPart>();
  for (const c of cycles) {
    const part = made.get(c) ?? known.get(c) ?? overviewPart(project, c, measuresOf(c), base);
    parts.set(c.cycle.source.folder, part);
  }
  const trend = draw ? await drawSpecs(overviewSpecs, OVERVIEW_NAME, opts.drawer) : [];
  const overview = overviewBriefing(project, [...parts.values()], base, trend, opts.refused ?? []);
  const files = briefingFiles(OVERVIEW_NAME, formats, trend, {
    main: (format) => renderBriefing(templates, overviewTemplateName(format), overview, format),
    handout: opts.handout
      ? (format) => renderBriefing(templates, `handout.overview.${format}`, overviewHandout(overview), format)
      : undefined,
  });
  await sink.emit(cleaned(files));
  return parts;
}

/**
 * The files of a briefing (a cycle's or the overview's) in each format: the briefing, for Markdown its charts as SVG
 * files, and its handout when asked for. `briefingFileNames` lists the same names in the same order.
 */
function briefingFiles(
  stem: string,
  formats: readonly BriefingFormat[],
  charts: readonly Chart[],
  render: { main: (format: BriefingFormat) => string; handout: ((format: BriefingFormat) => string) | undefined },
): RenderedBriefing[] {
  return formats.flatMap((format) => [
    { file: `${stem}.${format}`, text: render.main(format) },
    ...(format === 'md' ? svgFiles(stem, charts) : []),
    ...(render.handout ? [{ file: `${stem}.handout.${format}`, text: render.handout(format) }] : []),
  ]);
}

/** The names of `briefingFiles`, worked out before anything is drawn or rendered (the charts from their specs). */
function briefingFileNames(
  stem: string,
  formats: readonly BriefingFormat[],
  handout: boolean,
  specs: readonly ChartSpec[],
): string[] {
  return formats.flatMap((format) => [
    `${stem}.${format}`,
    ...(format === 'md' ? specs.map((spec) => chartFile(stem, spec)) : []),
    ...(handout ? [`${stem}.handout.${format}`] : []),
  ]);
}

/** Control characters typed into a record never reach a briefing raw (XML, and so SVG, forbids them). */
function cleaned(files: readonly RenderedBriefing[]): RenderedBriefing[] {
  return files.map((file) => ({ ...file, text: visibleInDocument(file.text) }));
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
