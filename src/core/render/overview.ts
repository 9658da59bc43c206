// The view model of the project overview: the partnership and, for every cycle, its stage, question, decision
// and a one-line result per outcome measure.
import type { ProjectFile } from '../records/model.js';
import type { CycleStatus } from '../status/index.js';
import type { CycleData, Method } from '../method/contract.js';
import { chartView } from './chart-views.js';
import type { Chart } from './charts/types.js';
import { cycleBriefing, cycleLabel, cycleTitle, type BriefingOptions } from './cycle.js';
import { disclosureView, equityGroupView, learnersView, projectView, thresholdOf } from './project.js';
import type { CycleBriefing, OverviewBriefing, OverviewCycleView } from './types.js';
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

/** A file name made safe as a relative link in Markdown and HTML. */
function linkTarget(file: string): string {
  return encodeURIComponent(file).replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
