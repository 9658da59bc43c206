// The Improvement Science records shaped for the cycle briefing (`methodDetail` in the templates): the aim in its
// four parts, the driver diagram (SVG, Mermaid and a nested list), each PDSA cycle with its predictions beside its
// results, the family of measures, what is still missing and prompts for the adopt / adapt / abandon discussion.
import type { MeasuresRecord } from '../kit.js';
import { Verbatim } from '../kit.js';
import type { Answer } from '../kit.js';
import { answer, dateAnswer, decisionLabel, fidelityLabel, isGiven, listInWords } from '../kit.js';
import type { CycleData } from '../kit.js';
import { byWhenInWords, driverDiagram, diagramSummary, type DiagramNode, type DriverDiagram } from './diagram.js';
import { driverDiagramMermaid } from './diagram-mermaid.js';
import { driverDiagramSvg } from './diagram-svg.js';
import type { DriversRecord, PdsaRecord } from './types.generated.js';
import { recordOf } from '../kit.js';

type Pdsa = NonNullable<PdsaRecord['cycles']>[number];
type ChangeIdea = NonNullable<DriversRecord['changeIdeas']>[number];

const PURPOSE_LABELS: Record<string, string> = {
  'collect-information': 'Collect information before changing anything',
  develop: 'Develop the change',
  test: 'Test the change',
  implement: 'Implement the change',
};

const MATCHED_LABELS: Record<string, string> = {
  'as-predicted': 'As predicted',
  partly: 'Partly as predicted',
  'not-as-predicted': 'Not as predicted',
};

/** The measure types of a family of measures, with the question each answers (Model for Improvement). */
const FAMILY = [
  { type: 'outcome', label: 'Outcome', question: 'Is the aim being reached for learners?', required: true },
  { type: 'process', label: 'Process', question: 'Are the changes happening as planned?', required: true },
  { type: 'balancing', label: 'Balancing', question: 'Is anything else getting worse?', required: false },
] as const;

export function improvementBriefing(cycle: CycleData): Record<string, unknown> {
  const drivers = (cycle.records.get('drivers') ?? {}) as DriversRecord;
  const pdsa = (cycle.records.get('pdsa') ?? {}) as PdsaRecord;
  const measures = recordOf(cycle, 'measures') ?? {};
  const diagram = driverDiagram(drivers, pdsa);
  const pdsas = (pdsa.cycles ?? []).map((c) => pdsaView(c, drivers, measures));
  const untested = (drivers.changeIdeas ?? []).filter(
    (idea) => !(pdsa.cycles ?? []).some((c) => c.changeIdea === idea.id),
  );
  return {
    aim: aimView(drivers),
    diagram: diagramView(diagram),
    pdsas,
    hasPdsas: pdsas.length > 0,
    checklist: pdsas.map((p) => p.checklist),
    untestedIdeas: untested.map((idea) => idea.name),
    measureFamily: measureFamily(measures),
    meetingPrompts: meetingPrompts(pdsa.cycles ?? [], untested),
  };
}

function aimView(drivers: DriversRecord): Record<string, unknown> {
  const aim = drivers.aim ?? {};
  const parts = [aim.what, aim.forWhom, aim.howMuch, aim.byWhen];
  return {
    what: answer(aim.what),
    forWhom: answer(aim.forWhom),
    howMuch: answer(aim.howMuch),
    byWhen: answer(byWhenInWords(aim.byWhen)),
    complete: parts.every(isGiven),
    partsRecorded: `${parts.filter(isGiven).length} of 4 parts recorded`,
  };
}

interface TreeIdea {
  name: string;
  id: string;
  note: string;
}

function diagramView(diagram: DriverDiagram | null): Record<string, unknown> {
  if (!diagram) {
    return { present: false, svg: new Verbatim(''), mermaid: new Verbatim(''), summary: '', aim: '', primaries: [] };
  }
  const children = (key: string): DiagramNode[] =>
    diagram.links.filter((l) => l.from === key).flatMap((l) => diagramNodeOf(diagram, l.to));
  const idea = (node: DiagramNode): TreeIdea => ({
    name: node.paragraphs.join(' '),
    id: node.id,
    note: node.note ?? '',
  });
  return {
    present: true,
    svg: new Verbatim(driverDiagramSvg(diagram)),
    mermaid: new Verbatim(driverDiagramMermaid(diagram)),
    summary: diagramSummary(diagram),
    aim: diagram.aim ? diagram.aim.paragraphs.join('. ') : '',
    primaries: diagram.primaries.map((p) => ({
      name: p.paragraphs.join(' '),
      id: p.id,
      secondaries: children(p.key)
        .filter((n) => n.column === 2)
        .map((s) => ({ name: s.paragraphs.join(' '), id: s.id, ideas: children(s.key).map(idea) })),
      ideas: children(p.key)
        .filter((n) => n.column === 3)
        .map(idea),
    })),
  };
}

function diagramNodeOf(diagram: DriverDiagram, key: string): DiagramNode[] {
  return [...diagram.primaries, ...diagram.secondaries, ...diagram.changeIdeas].filter((n) => n.key === key);
}

function pdsaView(c: Pdsa, drivers: DriversRecord, measures: MeasuresRecord): PdsaView {
  const idea = (drivers.changeIdeas ?? []).find((i) => i.id === c.changeIdea);
  const driverNames = (idea?.drivers ?? []).map(
    (id) =>
      [...(drivers.primaryDrivers ?? []), ...(drivers.secondaryDrivers ?? [])].find((d) => d.id === id)?.name ?? id,
  );
  const questions = c.plan?.questions ?? [];
  const results = c.study?.results ?? [];
  const measureNames = (c.plan?.measures ?? []).map(
    (id) => (measures.measures ?? []).find((m) => m.id === id)?.name ?? id,
  );
  const decision = c.act?.decision ?? null;
  const title = isGiven(c.title) ? (c.title as string).trim() : '';
  const view: PdsaView = {
    id: c.id,
    heading: title ? `${c.id}: ${title}` : c.id,
    changeIdea: idea ? idea.name : c.changeIdea,
    drivers: answer(driverNames.join('; ')),
    purpose: answer(c.purpose ? (PURPOSE_LABELS[c.purpose] ?? c.purpose) : null),
    plan: {
      date: dateAnswer(c.plan?.date),
      objective: answer(c.plan?.objective),
      questions: questions.map((q) => {
        const result = results.find((r) => r.question === q.id);
        return {
          id: q.id,
          question: q.question,
          prediction: answer(q.prediction),
          result: answer(result?.result),
          matched: answer(result?.matched ? (MATCHED_LABELS[result.matched] ?? result.matched) : null),
        };
      }),
      tasks: (c.plan?.tasks ?? []).map((t) => ({
        what: t.what,
        who: answer(t.who),
        when: answer(t.when),
        where: answer(t.where),
      })),
      dataCollection: answer(c.plan?.dataCollection),
      measures: answer(listInWords(measureNames)),
    },
    do: {
      date: dateAnswer(c.do?.date),
      fidelity: answer(fidelityLabel(c.do?.fidelity)),
      whatHappened: answer(c.do?.whatHappened),
      observations: answer(c.do?.observations),
      unexpected: answer(c.do?.unexpected),
    },
    study: { date: dateAnswer(c.study?.date), learning: answer(c.study?.learning) },
    act: {
      decided: decision !== null,
      decision: answer(decisionLabel(decision)),
      rationale: answer(c.act?.rationale),
      nextCycle: answer(c.act?.nextCycle),
    },
    checklist: { id: c.id, changeIdea: idea ? idea.name : c.changeIdea, stages: stagesDone(c) },
  };
  return view;
}

interface PdsaView {
  id: string;
  heading: string;
  changeIdea: string;
  drivers: Answer;
  purpose: Answer;
  plan: Record<string, unknown>;
  do: Record<string, Answer>;
  study: Record<string, Answer>;
  act: { decided: boolean; decision: Answer; rationale: Answer; nextCycle: Answer };
  checklist: { id: string; changeIdea: string; stages: StageDone[] };
}

/** One stage of a PDSA cycle in the progress table: `Plan: Done`, or `Study: Missing`. */
export interface StageDone {
  stage: string;
  text: string;
  missing: boolean;
}

/**
 * Whether each stage of a PDSA cycle is written up: Plan (an objective and a prediction for every question), Do
 * (when it ran and what happened), Study (a result for every question, and the learning), Act (a decision with
 * its rationale).
 */
export function stagesDone(c: Pdsa): StageDone[] {
  const questions = c.plan?.questions ?? [];
  const results = c.study?.results ?? [];
  const plan = isGiven(c.plan?.objective) && questions.length > 0 && questions.every((q) => isGiven(q.prediction));
  const done = isGiven(c.do?.date) && isGiven(c.do?.whatHappened);
  const studied =
    isGiven(c.study?.learning) && questions.every((q) => results.some((r) => r.question === q.id && isGiven(r.result)));
  const acted = isGiven(c.act?.decision) && isGiven(c.act?.rationale);
  const stage = (name: string, ok: boolean): StageDone => ({
    stage: name,
    text: ok ? 'Done' : 'Missing',
    missing: !ok,
  });
  return [stage('Plan', plan), stage('Do', done), stage('Study', studied), stage('Act', acted)];
}

function measureFamily(measures: MeasuresRecord): Array<Record<string, unknown>> {
  const list = measures.measures ?? [];
  return FAMILY.map((f) => {
    const ofType = list.filter((m) => m.type === f.type);
    return {
      label: f.label,
      question: f.question,
      measures: ofType.map((m) => m.name),
      missing:
        ofType.length > 0
          ? ''
          : f.required
            ? `No ${f.type} measure yet: the family of measures needs one.`
            : 'No balancing measure yet: what could get worse because of the changes?',
    };
  });
}

/** Prompts for the next meeting from the state of the PDSA cycles, before the method's general prompts. */
function meetingPrompts(cycles: readonly Pdsa[], untested: readonly ChangeIdea[]): string[] {
  const prompts: string[] = [];
  for (const c of cycles) {
    const name = isGiven(c.title) ? `${c.id} (${(c.title as string).trim()})` : c.id;
    const decision = c.act?.decision;
    const studied = isGiven(c.study?.learning) || (c.study?.results ?? []).some((r) => isGiven(r.result));
    if (!decision && (studied || isGiven(c.do?.date))) {
      prompts.push(`${name}: go through each prediction and its result, then decide: adopt, adapt or abandon?`);
    } else if (decision && !isGiven(c.act?.rationale)) {
      prompts.push(
        `${name}: the decision is to ${decision}, but the reasons are not written down. Which evidence from the study supports it?`,
      );
    } else if (decision === 'adapt' && !isGiven(c.act?.nextCycle)) {
      prompts.push(`${name}: what exactly changes in the next cycle, and what do we predict this time?`);
    }
  }
  if (untested.length > 0) {
    prompts.push(
      `Change ideas not tested yet: ${listInWords(untested.map((i) => i.name))}. Which is the next small test, who runs it, and when?`,
    );
  }
  return prompts;
}
