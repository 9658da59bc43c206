// The view models templates render: plain data with every value already worded, formatted and suppressed.
// Templates only lay these out; anything a template could get wrong (a figure for a small group, a date
// format, a missing answer) is settled here.

import type { CycleHandout, OverviewHandout } from './handout.js';

/** A free-text answer ready to print. */
export interface Answer {
  /** False when the team has not written it yet (text is then "Not yet recorded"). */
  recorded: boolean;
  /** The answer on one line, or "Not yet recorded". */
  text: string;
  /** The answer's lines, each to be printed as its own paragraph. */
  paragraphs: string[];
}

export interface SchoolView {
  name: string;
  sector: string;
  authority: string;
}

export interface TeamMemberView {
  name: string;
  role: string;
  school: string;
}

/** What every briefing says about the project it comes from. */
export interface ProjectView {
  title: string;
  partnership: Answer;
  programme: Answer;
  focus: Answer;
  /** `Clydemuir Council and Strathbrae Council`. */
  authorities: Answer;
  schools: SchoolView[];
  team: TeamMemberView[];
  method: string;
}

export interface LearnersView {
  description: Answer;
  /** `P4, P5, P6 and P7`. */
  stages: Answer;
  /** `First and Second`. */
  cfeLevels: Answer;
  number: Answer;
}

export interface EquityGroupView {
  description: Answer;
  marker: Answer;
  simdEdition: Answer;
  /** `1 and 2`. */
  quintiles: Answer;
  isSimd: boolean;
}

/** One baseline figure, with [c] in place of the value and n of a small group. */
export interface BaselineValueView {
  measure: string;
  group: Answer;
  value: string;
  n: string;
  date: Answer;
  note: Answer;
  suppressed: boolean;
}

export interface MeasureView {
  id: string;
  name: string;
  type: string;
  /** `Score` or `Yes/no`. */
  kind: string;
  unit: Answer;
  direction: string;
  dataSource: Answer;
}

/** Printed figures of one group at one time. */
export interface FiguresView {
  n: string;
  /** The mean (a score) or the percentage answering yes. */
  value: string;
  /** Standard deviation; empty for a yes/no measure. */
  sd: string;
}

export interface ResultRowView {
  group: string;
  role: string;
  before: FiguresView;
  after: FiguresView;
  /** after - before, signed (percentage points for a yes/no measure). */
  change: string;
  /** True when any figure in the row is [c]. */
  suppressed: boolean;
}

/** One figure built on the groups, in a sentence (equity gap, effect size). */
export interface KeyFigureView {
  label: string;
  text: string;
}

export interface MeasureResultsView {
  id: string;
  name: string;
  /** The unit, or empty. */
  unit: string;
  isScore: boolean;
  /** `Mean` or `% yes`. */
  valueHeading: string;
  /** `Change` or `Change (percentage points)`. */
  changeHeading: string;
  /** When the before and after figures were collected, in words ("" when not recorded). */
  beforeDate: string;
  afterDate: string;
  /** `Outcome`, `Process`, … */
  type: string;
  rows: ResultRowView[];
  hasRows: boolean;
  /** Said where the measure has no figures: empty, or `No figures recorded yet.` */
  note: string;
  keyFigures: KeyFigureView[];
  /** What to bear in mind reading the figures (small groups, no comparison group, hidden groups), from the analysis. */
  cautions: string[];
  series: SeriesView[];
  /** The before and after chart by group, with the equity gap (none when no group has figures to show). */
  charts: ChartView[];
  /** What the team wrote about this measure in reflections.yaml. */
  finding: Answer;
  /** One line for the overview: `Intervention classes 24.1 → 27.2 (+3.1); …`. */
  headline: string;
}

/**
 * A chart in a briefing: inline SVG in HTML, an SVG file beside the briefing in Markdown. Its words say what it shows
 * (signals included) for readers who cannot see it, and for print where the picture is small.
 */
export interface ChartView {
  /** Unique within the briefing; also the SVG file's name: `reading-enjoyment-run-chart`. */
  id: string;
  /** `before-after`, `run-chart`, `xmr` or `overview`. */
  kind: string;
  /** A heading for the figure: `Reads for pleasure: run chart`. */
  title: string;
  /** The text alternative: what the chart shows, in one or two sentences, with its signals. */
  alt: string;
  /**
   * What the dated events on the chart were (the intervention's start, each adaptation); empty on a series' second
   * chart when the chart just before it, of the same series, lists the same ones.
   */
  notes: string[];
  /** The SVG file, relative to the briefing and ready for a link: `01-paired-reading.charts/x.svg`. */
  file: string;
  /**
   * The drawn chart as SVG markup, for HTML templates (`{{svg}}` inserts it as markup, not text: sipp drew it and
   * escaped every word from the records inside it). Empty in Markdown templates, which link `file` instead.
   */
  svg: string;
}

/** One chart's reading of a series: `Run chart`, `median 41.9 over 14 points`, and its signals in sentences. */
export interface ChartReadingView {
  chart: string;
  text: string;
  signals: string[];
}

/** A dated series of one measure; points resting on too few learners are left out. */
export interface SeriesView {
  group: Answer;
  points: { date: string; value: string; note: string }[];
  /** What the run chart (and the XmR chart, with enough points) show: centre line, limits and signals. */
  readings: ChartReadingView[];
  /** The run chart and, with enough points, the XmR chart of the series. */
  charts: ChartView[];
  /** Says how many points were left out, or empty. */
  omitted: string;
  unit: string;
}

export interface AdaptationView {
  date: string;
  change: string;
  reason: Answer;
}

export interface SharedWithView {
  audience: string;
  how: Answer;
  date: Answer;
}

export interface ProgressView {
  complete: boolean;
  /** `14 of 18 required answers recorded`. */
  summary: string;
  done: string[];
  missing: { label: string; file: string }[];
  /** What to do next, from the method. */
  next: string;
}

export interface DisclosureView {
  threshold: string;
  /** The sentence explaining [c] and [x], printed where there are figures. */
  note: string;
  /** True when the briefing shows any figures about learners, so the note belongs in it. */
  applies: boolean;
  anySuppressed: boolean;
}

export interface CycleBriefing {
  kind: 'cycle';
  /** The first heading: `Cycle 1: Cross-stage paired reading`. */
  heading: string;
  /** The HTML page title: the heading and the project's title. */
  documentTitle: string;
  cycle: { number: string; label: string; folder: string; title: string };
  project: ProjectView;
  method: { id: string; name: string; stage: string; complete: boolean };
  enquiry: {
    question: Answer;
    theme: Answer;
    aim: Answer;
    rationale: Answer;
    prediction: Answer;
    howWillWeKnow: Answer;
    successCriteria: string[];
  };
  learners: LearnersView;
  equityGroup: EquityGroupView;
  baseline: {
    date: Answer;
    context: Answer;
    evidenceOfNeed: Answer;
    dataSources: { name: string; description: Answer }[];
    values: BaselineValueView[];
  };
  intervention: {
    what: Answer;
    who: Answer;
    where: Answer;
    start: Answer;
    end: Answer;
    /** `6 October 2025 to 27 March 2026`, `From 6 October 2025`, or not recorded. */
    period: Answer;
    dosage: {
      sessionsPlanned: Answer;
      sessionsDelivered: Answer;
      /** `51 of 60 planned sessions (85%)`. */
      delivery: Answer;
      minutesPerSession: Answer;
      frequency: Answer;
    };
    planned: Answer;
    actual: Answer;
    fidelity: Answer;
    adaptations: AdaptationView[];
    challenges: Answer;
  };
  measures: MeasureView[];
  /** Every measure with its results, series and finding, in the order of measures.yaml. */
  results: MeasureResultsView[];
  reflections: {
    date: Answer;
    outcomeVsPrediction: Answer;
    learning: Answer;
    impactOnLearners: Answer;
    impactOnPractice: Answer;
    decision: Answer;
    nextSteps: Answer;
    sharedWith: SharedWithView[];
    learnerVoice: Answer;
    parentVoice: Answer;
  };
  progress: ProgressView;
  facilitatorPrompts: string[];
  /**
   * The method's own records, as its `briefingView` shapes them for its template (`{}` for CAR): Lesson Study's
   * research lessons, a Rounds visit's debrief, a driver diagram.
   */
  methodDetail: Record<string, unknown>;
  disclosure: DisclosureView;
  notRecorded: string;
}

export interface OverviewCycleView {
  label: string;
  folder: string;
  title: string;
  stage: string;
  complete: boolean;
  method: string;
  question: Answer;
  decision: Answer;
  outcomes: { measure: string; result: string }[];
  /** `3 required answers still missing`, or `Complete`. */
  progress: string;
  /** File names of the cycle's briefings, for links (percent-encoded). */
  links: { md: string; html: string };
}

/** A cycle `sipp brief` did not render because its records have problems. */
export interface RefusedCycleView {
  label: string;
  folder: string;
  /** `not rendered: 2 problems` */
  note: string;
}

export interface OverviewBriefing {
  kind: 'overview';
  heading: string;
  documentTitle: string;
  project: ProjectView;
  learners: LearnersView;
  equityGroup: EquityGroupView;
  cycles: OverviewCycleView[];
  /** Cycles not rendered because their records have problems (run `sipp validate`): never left out silently. */
  refused: RefusedCycleView[];
  /** The trend of each outcome measure across the cycles: before and after each, for all learners and the equity group. */
  charts: ChartView[];
  /** How each prediction turned out across the cycles, and the PDSA chains against the method; null when none. */
  trackRecord: TrackRecordView | null;
  disclosure: DisclosureView;
  notRecorded: string;
}

export interface TrackRecordView {
  summary: string;
  cycles: {
    label: string;
    predictions: { where: string; outcome: string; predicted: string; measured: string | null }[];
  }[];
  adherence: { label: string; lines: string[] }[];
}

/** The network briefing: many partnerships' cycles, pooled (sipp network brief). */
export interface NetworkBriefing {
  kind: 'network';
  heading: string;
  documentTitle: string;
  members: {
    name: string;
    partnership: string;
    schools: string;
    localAuthorities: string;
    cycles: number;
    latestStage: string;
    lastCommit: string;
    records: string;
  }[];
  measures: {
    id: string;
    basis: string;
    studies: { label: string; effect: string; interval: string; n: string }[];
    pooled: string | null;
    heterogeneity: string | null;
    chart: ChartView | null;
    notes: string[];
  }[];
  gaps: {
    summary: string;
    chart: ChartView | null;
    rows: { member: string; cycle: string; measure: string; baseline: string; followUp: string; change: string }[];
  };
  decisions: { method: string; theme: string; decision: string; count: number }[];
  predictions: string;
  learning: { member: string; cycle: string; learning: string; nextSteps: string }[];
  disclosure: string;
}

export type Briefing = CycleBriefing | OverviewBriefing | NetworkBriefing | CycleHandout | OverviewHandout;
