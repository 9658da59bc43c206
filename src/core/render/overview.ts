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
import {
  adherenceText,
  combinedTrackRecord,
  cycleTrackRecord,
  outcomeWords,
  trackRecordSummary,
  type CycleTrackRecord,
  type TrackRecord,
} from '../predictions/track-record.js';
import type { CycleReport, MeasureReport } from '../analysis/report-types.js';
import { recordOf } from '../records/cycle-data.js';
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

/**
 * What the overview needs of one cycle, worked out once from its records: its row, its measure reports (for the
 * trend charts), its part of the track record, and its method. Plain data, so that `sipp brief` can remember it
 * between runs for a cycle that has not changed (src/project/brief-cache.ts).
 */
export interface OverviewPart {
  view: OverviewCycleView;
  report: CycleReport;
  track: CycleTrackRecord;
  method: { id: string; name: string | null };
}

/** A cycle's overview part; `briefing` is its briefing when made already, built from `measures` otherwise. */
export function overviewPart(
  project: ProjectFile,
  c: OverviewCycle,
  measures: MeasureReport[],
  opts: BriefingOptions = {},
): OverviewPart {
  const perCycle: BriefingOptions = opts.methodName ? { methodName: opts.methodName } : {};
  const briefing =
    c.briefing ?? cycleBriefing(project, c.cycle, c.method, c.status, { ...perCycle, measures, charts: [] });
  const folder = c.cycle.source.folder;
  return {
    view: overviewCycle(c, briefing),
    report: { id: folder, number: c.cycle.source.number, measures },
    track: cycleTrackRecord({
      folder,
      question: recordOf(c.cycle, 'question'),
      measures,
      methodOutcomes: c.method?.predictionOutcomes?.(c.cycle) ?? [],
      adherence: c.method?.adherence?.(c.cycle) ?? [],
    }),
    method: { id: c.cycle.method, name: c.method?.name ?? null },
  };
}

/**
 * The overview of the cycles from their parts (`overviewPart`), in folder order. `charts`: its drawn charts
 * (`overviewCharts` of ./charts over the parts' reports), the trend of each outcome measure.
 */
export function overviewBriefing(
  project: ProjectFile,
  parts: readonly OverviewPart[],
  opts: BriefingOptions = {},
  charts: readonly Chart[] = [],
  refused: readonly RefusedCycle[] = [],
): OverviewBriefing {
  const ordered = [...parts].sort((a, b) => a.view.folder.localeCompare(b.view.folder, 'en'));
  const views = ordered.map((p) => p.view);
  const record = combinedTrackRecord(ordered.map((p) => p.track));
  const projectMethod =
    opts.methodName?.(project.method) ??
    parts.find((p) => p.method.id === project.method)?.method.name ??
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
    trackRecord: trackRecordView(record, views),
    disclosure: disclosureView(
      thresholdOf(project),
      views.some((c) => c.outcomes.length > 0),
      views.some((c) => c.outcomes.some((o) => o.result.includes(MARKER.confidential))),
    ),
    notRecorded: NOT_RECORDED,
  };
}

function overviewCycle({ cycle, status }: OverviewCycle, full: CycleBriefing): OverviewCycleView {
  // The overview's figures are the cycle briefing's, so the two can never disagree (or suppress differently).
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
function trackRecordView(record: TrackRecord, cycles: readonly OverviewCycleView[]): TrackRecordView | null {
  if (record.predictions.length === 0 && record.adherence.length === 0) return null;
  const labelOf = (folder: string): string => {
    const found = cycles.find((c) => c.folder === folder);
    return found ? `${found.label}: ${found.title}` : folder;
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
