// The view model of one cycle's briefing: every record of the cycle worded for a partnership meeting.
import { isPrimarySuppressed } from '../analysis/index.js';
import { cycleMeasureReports as measuresOfCycle } from '../analysis/report.js';
import type { MeasureReport } from '../analysis/report-types.js';
import type {
  BaselineRecord,
  InterventionRecord,
  MeasuresRecord,
  ProjectFile,
  QuestionRecord,
  ReflectionsRecord,
} from '../records/model.js';
import type { CycleStatus } from '../status/index.js';
import type { CycleData, Method } from '../method/contract.js';
import { placeCharts } from './chart-views.js';
import type { Chart } from './charts/types.js';
import { progressView } from './progress.js';
import { disclosureView, equityGroupView, learnersView, projectView, thresholdOf } from './project.js';
import { cycleSettings, projectSettings } from '../records/settings.js';
import { measureResults } from './results.js';
import type { Answer, BaselineValueView, CycleBriefing, MeasureView } from './types.js';
import {
  MARKER,
  NOT_RECORDED,
  answer,
  audienceLabel,
  dateAnswer,
  dateInWords,
  decimalsFor,
  decisionLabel,
  directionLabel,
  fidelityLabel,
  formatCount,
  formatNumber,
  isGiven,
  measureTypeLabel,
  stageLabel,
} from '../words.js';
import { recordOf } from '../records/cycle-data.js';

export interface BriefingOptions {
  /**
   * The cycle's analysis (`measureReports` of src/core/analysis), when the caller has it already; it is made
   * here otherwise. Every figure, and which groups are hidden as [c], comes from it.
   */
  measures?: MeasureReport[];
  /** The name of a method by id, for methods this version cannot run yet (`lesson-study` -> `Lesson Study`). */
  methodName?: (id: string) => string;
  /**
   * The cycle's drawn charts (`chartsForCycle` of ./charts, from the same `measures`), placed under their measures;
   * a briefing without them has no pictures, only the figures in words.
   */
  charts?: readonly Chart[];
}

/** The records of a cycle, typed: records are validated before a briefing is made. */
interface Records {
  question: QuestionRecord;
  baseline: BaselineRecord;
  intervention: InterventionRecord;
  measures: MeasuresRecord;
  reflections: ReflectionsRecord;
}

function recordsOf(cycle: CycleData): Records {
  const get = <T>(name: string): T => (cycle.records.get(name) ?? {}) as T;
  return {
    question: get('question'),
    baseline: get('baseline'),
    intervention: get('intervention'),
    measures: get('measures'),
    reflections: get('reflections'),
  };
}

export function cycleLabel(cycle: CycleData): string {
  return cycle.source.number === null ? cycle.source.folder : `Cycle ${cycle.source.number}`;
}

export function cycleTitle(cycle: CycleData): string {
  const title = recordOf(cycle, 'question')?.title;
  return isGiven(title) ? (title as string).trim() : cycle.source.slug;
}

/** The analysis of a cycle's measures that its briefing shows: the cycle's equity group, the project's threshold. */
export function cycleMeasureReports(project: ProjectFile, cycle: CycleData): MeasureReport[] {
  return measuresOfCycle(cycle, projectSettings(project));
}

export function cycleBriefing(
  project: ProjectFile,
  cycle: CycleData,
  method: Method | undefined,
  status: CycleStatus,
  opts: BriefingOptions = {},
): CycleBriefing {
  const r = recordsOf(cycle);
  const threshold = thresholdOf(project);
  const methodName = method?.name ?? opts.methodName?.(cycle.method) ?? cycle.method;
  const label = cycleLabel(cycle);
  const title = cycleTitle(cycle);
  const measures = r.measures.measures ?? [];
  const nameOf = (id: string): string => measures.find((m) => m.id === id)?.name ?? id;
  const equity = cycleSettings(projectSettings(project), r.question).equityGroup;

  const reports = opts.measures ?? cycleMeasureReports(project, cycle);
  const charts = opts.charts ?? [];
  const results = reports.map((m) =>
    measureResults(m, findingOf(r.reflections, m.id), placeCharts(charts, cycle.source.folder, m.id, m.series.length)),
  );
  const baselineValues = (r.baseline.values ?? []).map((v) => baselineValue(v, nameOf(v.measure), measures, threshold));
  const anySuppressed =
    baselineValues.some((v) => v.suppressed) ||
    results.some((m) => m.rows.some((row) => row.suppressed) || m.series.some((s) => s.omitted !== ''));
  const anyFigures = baselineValues.length > 0 || results.some((m) => m.hasRows || m.series.length > 0);

  return {
    kind: 'cycle',
    heading: `${label}: ${title}`,
    documentTitle: `${label}: ${title} · ${project.title}`,
    cycle: {
      number: cycle.source.number === null ? '' : String(cycle.source.number),
      label,
      folder: cycle.source.folder,
      title,
    },
    project: projectView(project, methodName),
    method: { id: cycle.method, name: methodName, stage: stageLabel(status.stage), complete: status.complete },
    enquiry: {
      question: answer(r.question.question),
      theme: answer(r.question.theme),
      aim: answer(r.question.aim),
      rationale: answer(r.question.rationale),
      prediction: answer(r.question.prediction),
      howWillWeKnow: answer(r.question.howWillWeKnow),
      successCriteria: (r.question.successCriteria ?? []).filter(isGiven).map((c) => answer(c).text),
    },
    learners: learnersView(r.question.targetLearners ?? project.targetLearners),
    equityGroup: equityGroupView(equity),
    baseline: {
      date: dateAnswer(r.baseline.date),
      context: answer(r.baseline.context),
      evidenceOfNeed: answer(r.baseline.evidenceOfNeed),
      dataSources: (r.baseline.dataSources ?? []).map((d) => ({ name: d.name, description: answer(d.description) })),
      values: baselineValues,
    },
    intervention: interventionView(r.intervention),
    measures: measures.map(measureView),
    results,
    reflections: {
      date: dateAnswer(r.reflections.date),
      outcomeVsPrediction: answer(r.reflections.outcomeVsPrediction),
      learning: answer(r.reflections.learning),
      impactOnLearners: answer(r.reflections.impactOnLearners),
      impactOnPractice: answer(r.reflections.impactOnPractice),
      decision: answer(decisionLabel(r.reflections.decision)),
      nextSteps: answer(r.reflections.nextSteps),
      sharedWith: (r.reflections.sharedWith ?? []).map((s) => ({
        audience: audienceLabel(s.audience),
        how: answer(s.how),
        date: dateAnswer(s.date),
      })),
      learnerVoice: answer(r.reflections.learnerVoice),
      parentVoice: answer(r.reflections.parentVoice),
    },
    progress: progressView(method, status),
    facilitatorPrompts: [...(method?.facilitatorPrompts ?? [])],
    methodDetail: method?.briefingView?.(cycle) ?? {},
    disclosure: disclosureView(threshold, anyFigures, anySuppressed),
    notRecorded: NOT_RECORDED,
  };
}

/** What the team wrote about a measure in reflections.yaml. */
function findingOf(reflections: ReflectionsRecord, id: string): Answer {
  const findings = (reflections.findings ?? []).filter((f) => f.measure === id && isGiven(f.finding));
  return answer(findings.map((f) => (f.finding as string).trim()).join('\n'));
}

function measureView(m: NonNullable<MeasuresRecord['measures']>[number]): MeasureView {
  const qualitative = m.type === 'qualitative';
  return {
    id: m.id,
    name: m.name,
    type: measureTypeLabel(m.type),
    kind: qualitative ? '' : m.kind === 'yes-no' ? 'Yes/no' : 'Score',
    unit: answer(m.unit),
    direction: qualitative ? '' : directionLabel(m.higherIsBetter),
    dataSource: answer(m.dataSource),
  };
}

type BaselineValue = NonNullable<BaselineRecord['values']>[number];

/**
 * A baseline figure with [c] for a small group. For a yes/no measure the value is a percentage of n, so the
 * count it implies (and the count of the rest) is protected too: "1 of 3 = 33%" gives a learner away.
 */
function baselineValue(
  v: BaselineValue,
  measureName: string,
  measures: MeasuresRecord['measures'],
  threshold: number,
): BaselineValueView {
  const measure = (measures ?? []).find((m) => m.id === v.measure);
  const n = typeof v.n === 'number' ? v.n : null;
  let suppressed = n !== null && isPrimarySuppressed(n, { threshold });
  if (!suppressed && n !== null && typeof v.value === 'number' && measure?.kind === 'yes-no') {
    const count = Math.round((v.value / 100) * n);
    suppressed = isPrimarySuppressed(count, { threshold }) || isPrimarySuppressed(n - count, { threshold });
  }
  const percent = measure?.kind === 'yes-no' ? '%' : '';
  const value =
    typeof v.value === 'number' ? `${formatNumber(v.value, decimalsFor([v.value]))}${percent}` : MARKER.notAvailable;
  return {
    measure: measureName,
    group: answer(v.group),
    value: suppressed ? MARKER.confidential : value,
    n: suppressed ? MARKER.confidential : n === null ? MARKER.notAvailable : formatCount(n),
    date: dateAnswer(v.date),
    note: answer(v.note),
    suppressed,
  };
}

function interventionView(i: InterventionRecord): CycleBriefing['intervention'] {
  const d = i.dosage ?? {};
  const count = (x: number | null | undefined): Answer => answer(typeof x === 'number' ? formatCount(x) : null);
  let delivery: string | null = null;
  if (typeof d.sessionsPlanned === 'number' && typeof d.sessionsDelivered === 'number') {
    const share =
      d.sessionsPlanned > 0 ? ` (${formatNumber((100 * d.sessionsDelivered) / d.sessionsPlanned, 0)}%)` : '';
    delivery = `${formatCount(d.sessionsDelivered)} of ${formatCount(d.sessionsPlanned)} planned sessions${share}`;
  }
  return {
    what: answer(i.what),
    who: answer(i.who),
    where: answer(i.where),
    start: dateAnswer(i.start),
    end: dateAnswer(i.end),
    period: answer(periodInWords(i.start, i.end)),
    dosage: {
      sessionsPlanned: count(d.sessionsPlanned),
      sessionsDelivered: count(d.sessionsDelivered),
      delivery: answer(delivery),
      minutesPerSession: answer(
        typeof d.minutesPerSession === 'number'
          ? `${formatNumber(d.minutesPerSession, Number.isInteger(d.minutesPerSession) ? 0 : 1)} minutes`
          : null,
      ),
      frequency: answer(d.frequency),
    },
    planned: answer(i.planned),
    actual: answer(i.actual),
    fidelity: answer(fidelityLabel(i.fidelity)),
    adaptations: (i.adaptations ?? []).map((a) => ({
      date: a.date ? dateInWords(a.date) : NOT_RECORDED,
      change: answer(a.change).text,
      reason: answer(a.reason),
    })),
    challenges: answer(i.challenges),
  };
}

function periodInWords(start: string | null | undefined, end: string | null | undefined): string | null {
  const from = isGiven(start) ? dateInWords((start as string).trim()) : null;
  const to = isGiven(end) ? dateInWords((end as string).trim()) : null;
  if (from && to) return `${from} to ${to}`;
  if (from) return `From ${from}`;
  if (to) return `Until ${to}`;
  return null;
}
