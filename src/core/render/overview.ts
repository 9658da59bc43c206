// The view model of the project overview: the partnership and, for every cycle, its stage, question, decision
// and a one-line result per outcome measure.
import type { ProjectFile } from '../records/model.js';
import type { CycleStatus } from '../status/index.js';
import type { CycleData, Method } from '../method/contract.js';
import { chartView } from './chart-views.js';
import type { Chart } from './charts/types.js';
import { cycleBriefing, cycleLabel, cycleTitle, type BriefingOptions } from './cycle.js';
import { disclosureView, equityGroupView, learnersView, projectView, thresholdOf } from './project.js';
import type { CycleBriefing, OverviewBriefing, OverviewCycleView, TrackRecordView } from './types.js';
import { adherenceText, outcomeWords, trackRecordSummary, type TrackRecord } from '../predictions/track-record.js';
import { MARKER, NOT_RECORDED, stageLabel } from '../words.js';

export interface OverviewCycle {
  cycle: CycleData;
  method: Method | undefined;
  status: CycleStatus;
  /** The cycle's briefing, when it has been made already (it is made here otherwise). */
  briefing?: CycleBriefing;
}

/** The file name (without extension) of the overview, and of the folder of its charts. */
export const OVERVIEW_NAME = 'overview';

/**
 * `charts`: the overview's drawn charts (`overviewCharts` of ./charts), the trend of each outcome measure.
 * `opts.measures` and `opts.charts` belong to one cycle, so they are not used for the cycles here.
 */
/** A cycle left out of the briefings because its records have problems. */
export interface RefusedCycle {
  folder: string;
  number: number | null;
  problems: number;
}

export function overviewBriefing(
  project: ProjectFile,
  cycles: readonly OverviewCycle[],
  opts: BriefingOptions = {},
  charts: readonly Chart[] = [],
  refused: readonly RefusedCycle[] = [],
  record: TrackRecord | null = null,
): OverviewBriefing {
  const perCycle: BriefingOptions = opts.methodName ? { methodName: opts.methodName } : {};
  const views = [...cycles]
    .sort((a, b) => a.cycle.source.folder.localeCompare(b.cycle.source.folder, 'en'))
    .map((c) => overviewCycle(project, c, perCycle));
  const projectMethod =
    opts.methodName?.(project.method) ??
    cycles.find((c) => c.cycle.method === project.method)?.method?.name ??
    project.method;
  return {
    kind: 'overview',
    heading: project.title,
    documentTitle: `Overview · ${project.title}`,
    project: projectView(project, projectMethod),
    learners: learnersView(project.targetLearners),
    equityGroup: equityGroupView(project.equityGroup),
    cycles: views,
    refused: refused.map((r) => ({
      label: r.number === null ? r.folder : `Cycle ${r.number}`,
      folder: r.folder,
      note: `not rendered: ${r.problems} problem${r.problems === 1 ? '' : 's'} (run sipp validate)`,
    })),
    charts: charts.map((c) => chartView(c, OVERVIEW_NAME)),
    trackRecord: record ? trackRecordView(record, cycles) : null,
    disclosure: disclosureView(
      thresholdOf(project),
      views.some((c) => c.outcomes.length > 0),
      views.some((c) => c.outcomes.some((o) => o.result.includes(MARKER.confidential))),
    ),
    notRecorded: NOT_RECORDED,
  };
}

function overviewCycle(
  project: ProjectFile,
  { cycle, method, status, briefing }: OverviewCycle,
  opts: BriefingOptions,
): OverviewCycleView {
  // The overview's figures are the cycle briefing's, so the two can never disagree (or suppress differently).
  const full = briefing ?? cycleBriefing(project, cycle, method, status, opts);
  const outcomeIds = new Set(
    (
      (cycle.records.get('measures') as { measures?: { id: string; type?: string | null }[] } | undefined)?.measures ??
      []
    )
      .filter((m) => m.type === 'outcome')
      .map((m) => m.id),
  );
  const missing = status.missing.length;
  const folder = cycle.source.folder;
  return {
    label: cycleLabel(cycle),
    folder,
    title: cycleTitle(cycle),
    stage: stageLabel(status.stage),
    complete: status.complete,
    method: full.method.name,
    question: full.enquiry.question,
    decision: full.reflections.decision,
    outcomes: full.results
      .filter((m) => outcomeIds.has(m.id))
      .map((m) => ({ measure: m.unit ? `${m.name} (${m.unit})` : m.name, result: m.headline })),
    progress: status.complete
      ? 'Complete'
      : status.stage === null
        ? status.next
        : `${missing} required answer${missing === 1 ? '' : 's'} still missing`,
    links: { md: linkTarget(`${folder}.md`), html: linkTarget(`${folder}.html`) },
  };
}

/** The track record for a facilitator: a summary line, then each cycle's predictions and PDSA chains. */
function trackRecordView(record: TrackRecord, cycles: readonly OverviewCycle[]): TrackRecordView | null {
  if (record.predictions.length === 0 && record.adherence.length === 0) return null;
  const labelOf = (folder: string): string => {
    const found = cycles.find((c) => c.cycle.source.folder === folder);
    return found ? `${cycleLabel(found.cycle)}: ${cycleTitle(found.cycle)}` : folder;
  };
  const folders = [...new Set(record.predictions.map((p) => p.cycle))];
  const chains = [...new Set(record.adherence.map((a) => a.cycle))];
  return {
    summary: trackRecordSummary(record),
    cycles: folders.map((folder) => ({
      label: labelOf(folder),
      predictions: record.predictions
        .filter((p) => p.cycle === folder)
        .map((p) => ({
          where: p.where,
          outcome: outcomeWords(p.outcome),
          predicted: asSentence(p.predicted),
          measured: p.measured === null ? null : asSentence(p.measured),
        })),
    })),
    adherence: chains.map((folder) => ({
      label: labelOf(folder),
      lines: record.adherence.filter((a) => a.cycle === folder).map(adherenceText),
    })),
  };
}

/** Text ending in one full stop (records' answers often end with their own). */
function asSentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** A file name made safe as a relative link in Markdown and HTML. */
function linkTarget(file: string): string {
  return encodeURIComponent(file).replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
