// The Improvement Science part of a cycle briefing: aim, diagram, PDSA cycles with predictions beside results,
// the family of measures, what is still missing and prompts for the adopt / adapt / abandon discussion.
import { describe, expect, it } from 'vitest';
import { Verbatim } from '../../../../src/core/render/markdown.js';
import { improvementBriefing, stagesDone } from '../../../../src/methods/improvement-science/briefing.js';
import type { CycleData } from '../../../../src/core/method/contract.js';

function cycleWith(records: Record<string, Record<string, unknown>>): CycleData {
  return {
    source: { folder: '01-x', dir: 'cycles/01-x', number: 1, slug: 'x', records: new Map() },
    method: 'improvement-science',
    records: new Map(Object.entries(records)),
  };
}

const DRIVERS = {
  aim: { what: 'Attendance in S1', forWhom: 'SIMD 1-2', howMuch: null, byWhen: '2025-12-19' },
  primaryDrivers: [{ id: 'belonging', name: 'Belonging' }],
  secondaryDrivers: [{ id: 'trusted-adult', name: 'A trusted adult', primary: ['belonging'] }],
  changeIdeas: [
    { id: 'check-in', name: 'Morning check-in', drivers: ['trusted-adult'] },
    { id: 'buddies', name: 'Buddy groups', drivers: ['belonging'] },
  ],
};

const PDSA = {
  cycles: [
    {
      id: 'pdsa-1',
      title: 'Check-in for twelve learners',
      changeIdea: 'check-in',
      purpose: 'test',
      plan: {
        date: '2025-08-21',
        objective: 'Test the check-in',
        questions: [
          { id: 'q1', question: 'Will they come?', prediction: 'Nine of twelve' },
          { id: 'q2', question: 'Will attendance hold?', prediction: null },
        ],
        measures: ['check-ins'],
      },
      do: { date: '2025-09-01', whatHappened: 'It ran.' },
      study: {
        results: [{ question: 'q1', result: 'Seven of twelve', matched: 'partly' }],
        learning: 'Timing matters.',
      },
      act: { decision: 'adapt', rationale: null },
    },
  ],
};

const MEASURES = {
  measures: [
    { id: 'attendance', name: 'Weekly attendance', type: 'outcome' },
    { id: 'check-ins', name: 'Check-ins attended', type: 'process' },
  ],
};

describe('the Improvement Science briefing view', () => {
  const view = improvementBriefing(cycleWith({ drivers: DRIVERS, pdsa: PDSA, measures: MEASURES }));

  it('shows the aim by its four parts and says how many are recorded', () => {
    expect(view.aim).toMatchObject({
      what: { recorded: true, text: 'Attendance in S1' },
      howMuch: { recorded: false, text: 'Not yet recorded' },
      complete: false,
      partsRecorded: '3 of 4 parts recorded',
    });
  });

  it('puts each prediction beside its result', () => {
    const [pdsa] = view.pdsas as Array<{
      heading: string;
      changeIdea: string;
      plan: { questions: unknown[]; measures: unknown };
    }>;
    expect(pdsa?.heading).toBe('pdsa-1: Check-in for twelve learners');
    expect(pdsa?.changeIdea).toBe('Morning check-in');
    expect(pdsa?.plan.measures).toMatchObject({ text: 'Check-ins attended' });
    expect(pdsa?.plan.questions).toEqual([
      {
        id: 'q1',
        question: 'Will they come?',
        prediction: { recorded: true, text: 'Nine of twelve', paragraphs: ['Nine of twelve'] },
        result: { recorded: true, text: 'Seven of twelve', paragraphs: ['Seven of twelve'] },
        matched: { recorded: true, text: 'Partly as predicted', paragraphs: ['Partly as predicted'] },
      },
      {
        id: 'q2',
        question: 'Will attendance hold?',
        prediction: { recorded: false, text: 'Not yet recorded', paragraphs: ['Not yet recorded'] },
        result: { recorded: false, text: 'Not yet recorded', paragraphs: ['Not yet recorded'] },
        matched: { recorded: false, text: 'Not yet recorded', paragraphs: ['Not yet recorded'] },
      },
    ]);
  });

  it('draws the diagram as sipp-made markup, with a nested list beside it', () => {
    const diagram = view.diagram as Record<string, unknown>;
    expect(diagram.present).toBe(true);
    expect(diagram.svg).toBeInstanceOf(Verbatim);
    expect(diagram.mermaid).toBeInstanceOf(Verbatim);
    expect(diagram.primaries).toEqual([
      {
        name: 'Belonging',
        id: 'belonging',
        secondaries: [
          {
            name: 'A trusted adult',
            id: 'trusted-adult',
            ideas: [{ name: 'Morning check-in', id: 'check-in', note: 'Tested in PDSA cycle 1 (adapted)' }],
          },
        ],
        ideas: [{ name: 'Buddy groups', id: 'buddies', note: '' }],
      },
    ]);
  });

  it('sorts the measures into the family, and says what is missing', () => {
    expect(view.measureFamily).toEqual([
      {
        label: 'Outcome',
        question: 'Is the aim being reached for learners?',
        measures: ['Weekly attendance'],
        missing: '',
      },
      {
        label: 'Process',
        question: 'Are the changes happening as planned?',
        measures: ['Check-ins attended'],
        missing: '',
      },
      {
        label: 'Balancing',
        question: 'Is anything else getting worse?',
        measures: [],
        missing: 'No balancing measure yet: what could get worse because of the changes?',
      },
    ]);
  });

  it('prompts the meeting about a decision without reasons and about ideas not tested yet', () => {
    expect(view.meetingPrompts).toEqual([
      'pdsa-1 (Check-in for twelve learners): the decision is to adapt, but the reasons are not written down. Which evidence from the study supports it?',
      'Change ideas not tested yet: Buddy groups. Which is the next small test, who runs it, and when?',
    ]);
    expect(view.untestedIdeas).toEqual(['Buddy groups']);
  });

  it('says, stage by stage, what each PDSA cycle still needs', () => {
    expect(stagesDone(PDSA.cycles[0] as never).map((s) => `${s.stage}: ${s.text}`)).toEqual([
      'Plan: Missing',
      'Do: Done',
      'Study: Missing',
      'Act: Missing',
    ]);
  });

  it('has an empty diagram and no PDSA cycles for a fresh scaffold', () => {
    const fresh = improvementBriefing(
      cycleWith({ drivers: { aim: { what: null }, primaryDrivers: [] }, pdsa: { cycles: [] }, measures: {} }),
    );
    expect(fresh).toMatchObject({ hasPdsas: false, pdsas: [], meetingPrompts: [], diagram: { present: false } });
  });
});
