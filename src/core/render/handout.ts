// The two-page handout of a cycle (sipp brief --handout, issue 10): what a facilitator hands round at a partnership
// meeting. The same for every method, from the cycle briefing's own view (so the figures and the [c] are the
// briefing's): the question, the change, the prediction, what was found (the outcome measures first, at most four,
// each in one line with its key figure, and one chart), what was learned, the decision, the next steps and three
// questions for the meeting. Long answers are cut at a sentence with a pointer to the full briefing, so that the
// handout stays within two A4 sides.
import type { Answer, ChartView, CycleBriefing, OverviewBriefing } from './types.js';

/** The longest an answer runs in a handout, in characters, before it is cut at a sentence. */
export const HANDOUT_ANSWER_CHARS = 420;
/** At most this many measures, and facilitator prompts, in a handout. */
export const HANDOUT_MEASURES = 4;
export const HANDOUT_PROMPTS = 3;

export interface CycleHandout {
  kind: 'handout';
  heading: string;
  documentTitle: string;
  subtitle: string;
  briefingLink: { md: string; html: string };
  question: Answer;
  change: Answer;
  period: Answer;
  prediction: Answer;
  findings: { name: string; headline: string; keyFigure: string; caution: string }[];
  moreMeasures: number;
  chart: ChartView | null;
  learning: Answer;
  decision: Answer;
  nextSteps: Answer;
  prompts: string[];
  disclosure: string;
}

export interface OverviewHandout {
  kind: 'handout-overview';
  heading: string;
  documentTitle: string;
  subtitle: string;
  cycles: { label: string; title: string; stage: string; decision: string; outcomes: string[] }[];
  disclosure: string;
}

export function cycleHandout(briefing: CycleBriefing): CycleHandout {
  // Outcome measures first, and among them those with figures to show (a measure whose groups are all [c] says
  // little on a handout); the order of measures.yaml otherwise.
  const rank = (m: CycleBriefing['results'][number]): number =>
    (m.type === 'Outcome' ? 2 : 0) + (m.rows.some((r) => !r.suppressed) || m.series.length > 0 ? 1 : 0);
  const withFigures = briefing.results.filter((m) => m.hasRows || m.series.length > 0);
  const shown = [...withFigures].sort((a, b) => rank(b) - rank(a)).slice(0, HANDOUT_MEASURES);
  const chart = shown.flatMap((m) => m.charts)[0] ?? null;
  return {
    kind: 'handout',
    heading: briefing.heading,
    documentTitle: `Handout · ${briefing.documentTitle}`,
    subtitle: [
      briefing.project.partnership.recorded ? briefing.project.partnership.text : '',
      briefing.method.name,
      briefing.method.stage,
    ]
      .filter(Boolean)
      .join(' · '),
    briefingLink: { md: `${briefing.cycle.folder}.md`, html: `${briefing.cycle.folder}.html` },
    question: briefing.enquiry.question,
    change: cut(briefing.intervention.what),
    period: briefing.intervention.period,
    prediction: cut(briefing.enquiry.prediction),
    findings: shown.map((m) => ({
      name: m.unit ? `${m.name} (${m.unit})` : m.name,
      headline: m.hasRows ? m.headline || m.note : seriesHeadline(m),
      keyFigure: m.keyFigures[0] ? `${m.keyFigures[0].label}: ${m.keyFigures[0].text}` : '',
      caution: m.cautions[0] ?? '',
    })),
    moreMeasures: withFigures.length - shown.length,
    chart,
    learning: cut(briefing.reflections.learning),
    decision: briefing.reflections.decision,
    nextSteps: cut(briefing.reflections.nextSteps),
    prompts: briefing.facilitatorPrompts.slice(0, HANDOUT_PROMPTS),
    disclosure: briefing.disclosure.note,
  };
}

export function overviewHandout(overview: OverviewBriefing): OverviewHandout {
  return {
    kind: 'handout-overview',
    heading: overview.heading,
    documentTitle: `Handout · ${overview.documentTitle}`,
    subtitle: [overview.project.partnership.recorded ? overview.project.partnership.text : '', overview.project.method]
      .filter(Boolean)
      .join(' · '),
    cycles: overview.cycles.map((c) => ({
      label: c.label,
      title: c.title,
      stage: c.stage,
      decision: c.decision.text,
      outcomes: c.outcomes.slice(0, HANDOUT_MEASURES).map((o) => `${o.measure}: ${o.result}`),
    })),
    disclosure: overview.disclosure.note,
  };
}

/** An answer cut at the last sentence end before HANDOUT_ANSWER_CHARS, pointing to the briefing for the rest. */
export function cut(answer: Answer): Answer {
  if (!answer.recorded || answer.text.length <= HANDOUT_ANSWER_CHARS) return answer;
  const head = answer.text.slice(0, HANDOUT_ANSWER_CHARS);
  const end = Math.max(head.lastIndexOf('. '), head.lastIndexOf('? '), head.lastIndexOf('! '));
  const kept = end > HANDOUT_ANSWER_CHARS / 3 ? head.slice(0, end + 1) : `${head.slice(0, head.lastIndexOf(' '))}…`;
  const text = `${kept} (More in the full briefing.)`;
  return { recorded: true, text, paragraphs: [text] };
}

/** A measure with a dated series only: its run chart's reading in one line, with its first signal. */
function seriesHeadline(m: CycleBriefing['results'][number]): string {
  const reading = m.series[0]?.readings[0];
  if (!reading) return m.headline || m.note;
  return [reading.text, reading.signals[0]].filter(Boolean).join(' ');
}
