// The Rounds part of a cycle briefing: checks, visits with their notes by classroom, what recurs across
// classrooms, the debrief in protocol order and what the next meeting is for.
import { describe, expect, it } from 'vitest';
import { roundsBriefing } from '../../../../src/methods/instructional-rounds/briefing.js';
import { quotedQuestions, recurringWords } from '../../../../src/methods/instructional-rounds/patterns.js';
import type { CycleData } from '../../../../src/core/method/contract.js';

function cycle(records: Record<string, Record<string, unknown>>): CycleData {
  return {
    source: { folder: '01-round', dir: 'cycles/01-round', number: 1, slug: 'round', records: new Map() },
    method: 'instructional-rounds',
    records: new Map(Object.entries(records)),
  };
}

const VISITS = {
  visits: [
    {
      date: '2025-11-12',
      school: 'Kirkton High School',
      observers: ['Aisha K.', 'Sana R.'],
      focusQuestions: ['What do teachers ask after an answer?', ''],
      classrooms: [
        { code: 'K1', stage: 'S1', subject: 'Mathematics', activity: 'Negative numbers' },
        { code: 'K2', stage: 'S2' },
        { code: 'K3' },
      ],
      observations: [
        { classroom: 'K1', notes: ['T asks "How did you get 2?"', 'Learners explain to a partner.'] },
        { classroom: 'K2', notes: ['Partner talk for one minute; learners explained their method.'] },
        { classroom: 'K1', notes: ['4 hands go up.', ''] },
      ],
    },
  ],
};

describe('roundsBriefing', () => {
  it('shows every check with its answer, and counts those answered yes', () => {
    const view = roundsBriefing(
      cycle({
        rounds: {
          problemOfPractice: {
            statement: 'Learners rarely explain their reasoning.',
            checks: { observable: { answer: 'yes', why: 'We can hear it.' }, actionable: { answer: 'no', why: null } },
          },
        },
      }),
    );
    expect(view.problemOfPractice.text).toBe('Learners rarely explain their reasoning.');
    expect(view.checks.map((c) => [c.label, c.answer])).toEqual([
      ['Instructional core', 'Not yet answered'],
      ['Observable', 'Yes'],
      ['Actionable', 'No'],
      ['Linked to strategy', 'Not yet answered'],
      ['High-leverage', 'Not yet answered'],
    ]);
    expect(view.checks[1]?.why.text).toBe('We can hear it.');
    expect(view.checksSummary).toBe('1 of 5 checks answered yes');
  });

  it("gathers each classroom's notes from every observation of it, in order, and counts them", () => {
    const [visit] = roundsBriefing(cycle({ visits: VISITS })).visits;
    expect(visit?.heading).toBe('Visit 1: Kirkton High School, 12 November 2025');
    expect(visit?.observers.text).toBe('Aisha K. and Sana R.');
    expect(visit?.focusQuestions).toEqual(['What do teachers ask after an answer?']);
    expect(visit?.classrooms.map((c) => [c.code, c.about, c.notes])).toEqual([
      ['K1', 'S1 · Mathematics', ['T asks "How did you get 2?"', 'Learners explain to a partner.', '4 hands go up.']],
      ['K2', 'S2', ['Partner talk for one minute; learners explained their method.']],
      ['K3', '', []],
    ]);
    expect(visit?.summary).toBe('3 classrooms, 4 notes');
    expect(visit?.questions).toEqual([{ classroom: 'K1', question: 'How did you get 2?' }]);
    expect(visit?.recurring).toEqual([
      { word: 'explain', where: '2 of 2 classrooms (K1 and K2)' },
      { word: 'partner', where: '2 of 2 classrooms (K1 and K2)' },
    ]);
  });

  it('lists the debrief phases in protocol order, and the next level of work by timeframe', () => {
    const view = roundsBriefing(
      cycle({
        debrief: {
          predict: ['You would know the procedures.'],
          describe: ['6 questions asked "how do you know?"'],
          nextLevelOfWork: { nextMonth: ['Twilight session on talk.'] },
        },
      }),
    );
    expect(view.phases.map((p) => [p.number, p.title, p.entries])).toEqual([
      [1, 'Describe', ['6 questions asked "how do you know?"']],
      [2, 'Analyse', []],
      [3, 'Predict', ['You would know the procedures.']],
    ]);
    expect(view.nextLevelOfWork).toEqual([
      { label: 'Next week', items: [] },
      { label: 'Next month', items: ['Twilight session on talk.'] },
      { label: 'By the end of the year', items: [] },
    ]);
    expect(view.protocol.map((p) => p.phase)).toEqual(['Describe', 'Analyse', 'Predict', 'Next level of work']);
  });

  it('says what the next meeting is for, from how far the round has gone', () => {
    expect(roundsBriefing(cycle({})).meetingFocus).toMatch(/^Plan the visit/);
    expect(roundsBriefing(cycle({ visits: VISITS })).meetingFocus).toMatch(/^Run the debrief/);
    const debrief = { describe: ['a'], analyse: ['b'], predict: ['c'] };
    expect(roundsBriefing(cycle({ visits: VISITS, debrief })).meetingFocus).toMatch(/^Agree the next level of work/);
    const done = { ...debrief, nextLevelOfWork: { nextWeek: ['d'] } };
    expect(roundsBriefing(cycle({ visits: VISITS, debrief: done })).meetingFocus).toMatch(/^Review the next level/);
  });

  it('says "not yet recorded" for a cycle whose Rounds records are missing', () => {
    const view = roundsBriefing(cycle({}));
    expect(view.visitsSummary).toBe('No visits recorded yet');
    expect(view.network.name.recorded).toBe(false);
    expect(view.theoryOfAction.text).toBe('Not yet recorded');
    expect(view.debriefDate.recorded).toBe(false);
  });
});

describe('recurringWords', () => {
  it('counts classrooms, not notes, and needs at least two classrooms and half of them', () => {
    const rooms = [
      { code: 'A', notes: ['Learners explain, explain, explain.'] },
      { code: 'B', notes: ['T asks learners to explain.'] },
      { code: 'C', notes: ['Silent reading.'] },
      { code: 'D', notes: ['Reading aloud.'] },
    ];
    expect(recurringWords(rooms)).toEqual([
      { word: 'explain', classrooms: ['A', 'B'] },
      { word: 'reading', classrooms: ['C', 'D'] },
    ]);
    expect(recurringWords(rooms.slice(0, 1))).toEqual([]);
  });

  it('ignores common words, and counts "explains", "explained" and "explaining" as one word', () => {
    const rooms = [
      { code: 'A', notes: ['The teacher explains.'] },
      { code: 'B', notes: ['The learner explained.'] },
      { code: 'C', notes: ['The pupils were explaining.'] },
    ];
    expect(recurringWords(rooms)).toEqual([{ word: 'explained', classrooms: ['A', 'B', 'C'] }]);
  });
});

describe('quotedQuestions', () => {
  it('lists each quoted question once per classroom, with straight or curly quotes', () => {
    expect(
      quotedQuestions([
        { code: 'A', notes: ['T: "Why?" and again "Why?"', 'T: “How do you know?” Learner: "I just do."'] },
        { code: 'B', notes: ['No questions here.'] },
      ]),
    ).toEqual([
      { classroom: 'A', question: 'Why?' },
      { classroom: 'A', question: 'How do you know?' },
    ]);
  });
});
