import { describe, expect, it } from 'vitest';
import { cycleBriefing, cycleMeasureReports } from '../../../src/core/render/cycle.js';
import { overviewBriefing, overviewPart } from '../../../src/core/render/overview.js';
import { car } from '../../../src/methods/car/index.js';
import { cycleOf, enjoymentMeasures, project, statusOf } from './fixtures.js';

function briefingOf(records: Parameters<typeof cycleOf>[0], p = project) {
  const cycle = cycleOf(records);
  return cycleBriefing(p, cycle, car, statusOf(cycle));
}

describe('the cycle briefing view model', () => {
  it('never shows the figures of a group of three, anywhere in the view model', () => {
    const view = briefingOf({ measures: enjoymentMeasures() });
    const simd5 = view.results[0]!.rows.find((r) => r.group === 'SIMD 5')!;
    expect(simd5.before).toEqual({ n: '[c]', value: '[c]', sd: '[c]' });
    expect(simd5.after).toEqual({ n: '[c]', value: '[c]', sd: '[c]' });
    expect(simd5.change).toBe('[c]');
    const text = JSON.stringify(view);
    for (const figure of ['31.7', '2.9', '33.3', '1.7']) expect(text).not.toContain(figure);
    expect(view.disclosure.anySuppressed).toBe(true);
  });

  it('hides a second group where the totals would give the small one away', () => {
    const rows = briefingOf({ measures: enjoymentMeasures() }).results[0]!.rows;
    expect(rows.find((r) => r.group === 'SIMD 4')!.before.n).toBe('[c]');
    expect(rows.find((r) => r.group === 'SIMD 3')!.before.n).toBe('10');
  });

  it('hides a group that a total and a small group beside it would give away, and says why', () => {
    const view = briefingOf({
      measures: {
        measures: [{ id: 'e', name: 'Enjoyment', kind: 'score' }],
        results: [
          {
            measure: 'e',
            groups: [
              {
                name: 'Everyone, SIMD 1-2',
                role: 'all',
                equity: 'equity-group',
                before: { n: 30, mean: 20.5, sd: 4 },
                after: { n: 30, mean: 22.5, sd: 4 },
              },
              {
                name: 'Intervention, SIMD 1-2',
                role: 'intervention',
                equity: 'equity-group',
                before: { n: 27, mean: 20.1, sd: 4 },
                after: { n: 27, mean: 23.1, sd: 4 },
              },
              {
                name: 'Comparison, SIMD 1-2',
                role: 'comparison',
                equity: 'equity-group',
                before: { n: 3, mean: 24.1, sd: 4 },
                after: { n: 3, mean: 17.1, sd: 4 },
              },
            ],
          },
        ],
      },
    });
    const [everyone, intervention, comparison] = view.results[0]!.rows;
    expect(everyone!.before.n).toBe('30');
    expect(intervention!.suppressed).toBe(true);
    expect(comparison!.suppressed).toBe(true);
    expect(view.results[0]!.cautions.join(' ')).toContain(
      'Intervention, SIMD 1-2 and Comparison, SIMD 1-2 are shown as [c]',
    );
  });

  it("honours the project's own threshold", () => {
    const rows = briefingOf({ measures: enjoymentMeasures() }, { ...project, suppressionThreshold: 11 }).results[0]!
      .rows;
    expect(rows.find((r) => r.group === 'SIMD 3')!.before.n).toBe('[c]');
  });

  it('words the change as after − before, with its sign', () => {
    const rows = briefingOf({ measures: enjoymentMeasures() }).results[0]!.rows;
    expect(rows[0]).toMatchObject({
      before: { n: '46', value: '24.1', sd: '6.1' },
      after: { n: '45', value: '27.2', sd: '5.9' },
      change: '+3.1',
    });
  });

  it('reports the equity gap with both denominators, from groups that are shown', () => {
    const figures = briefingOf({ measures: enjoymentMeasures() }).results[0]!.keyFigures;
    const gap = figures.find((f) => f.label === 'Equity gap')!;
    expect(gap.text).toContain('4.1 points behind');
    expect(gap.text).toContain('1.3 points behind');
    expect(gap.text).toContain('n = 26 and 20');
    expect(gap.text).toContain('narrowed');
  });

  it('shows a yes/no measure as percentages, and [c] where few learners said yes', () => {
    const view = briefingOf({
      measures: {
        measures: [{ id: 'reads', name: 'Reads for pleasure', kind: 'yes-no', type: 'outcome', higherIsBetter: true }],
        results: [
          {
            measure: 'reads',
            groups: [
              { name: 'All', before: { n: 46, count: 13 }, after: { n: 45, count: 22 } },
              { name: 'Small', before: { n: 21, count: 2 }, after: { n: 20, count: 6 } },
            ],
          },
        ],
      },
    });
    const [all, small] = view.results[0]!.rows;
    expect(all).toMatchObject({ before: { value: '28.3%' }, after: { value: '48.9%' }, change: '+20.6' });
    expect(small!.before.value).toBe('[c]');
    expect(small!.change).toBe('[c]');
    expect(view.results[0]!.headline).toBe('All 28.3% \u2192 48.9% (+20.6 percentage points)');
  });

  it('hides a baseline value of a small group', () => {
    const view = briefingOf({
      baseline: { values: [{ measure: 'enjoyment', group: 'SIMD 5', value: 31.7, n: 3 }] },
      measures: enjoymentMeasures(),
    });
    expect(view.baseline.values[0]).toMatchObject({ value: '[c]', n: '[c]', suppressed: true });
  });

  it('says "Not yet recorded" for every empty answer, and lists what is missing', () => {
    const view = briefingOf({});
    expect(view.enquiry.aim).toEqual({ recorded: false, text: 'Not yet recorded', paragraphs: ['Not yet recorded'] });
    expect(view.intervention.period.text).toBe('Not yet recorded');
    expect(view.progress.complete).toBe(false);
    expect(view.progress.missing[0]).toEqual({ label: 'The enquiry question', file: 'question.yaml' });
    expect(view.progress.summary).toBe(`0 of ${car.requirements.length} required answers recorded`);
    expect(view.method.stage).toBe('Question (stage 1 of 5)');
  });

  it("writes dates in words and carries the method's facilitator prompts", () => {
    const view = briefingOf({
      baseline: { date: '2025-08-25' },
      intervention: { start: '2025-10-06', end: '2026-03-27' },
    });
    expect(view.baseline.date.text).toBe('25 August 2025');
    expect(view.intervention.period.text).toBe('6 October 2025 to 27 March 2026');
    expect(view.facilitatorPrompts).toEqual(car.facilitatorPrompts);
  });

  it("keeps user text as it was written: escaping is the template's job", () => {
    const view = briefingOf({ question: { title: 'T', question: 'Is <script>alert(1)</script> safe?' } });
    expect(view.enquiry.question.text).toBe('Is <script>alert(1)</script> safe?');
  });
});

describe('the overview view model', () => {
  it('gives every cycle its stage, question, decision and a one-line result per outcome measure', () => {
    const first = cycleOf({
      question: { title: 'Paired reading', question: 'Does it help?' },
      measures: enjoymentMeasures(),
      reflections: { decision: 'adapt' },
    });
    const second = cycleOf({ question: { title: 'Book bags' } }, '02-book-bags');
    const view = overviewBriefing(
      project,
      [second, first].map((cycle) =>
        overviewPart(project, { cycle, method: car, status: statusOf(cycle) }, cycleMeasureReports(project, cycle)),
      ),
    );
    expect(view.cycles.map((c) => c.label)).toEqual(['Cycle 1', 'Cycle 2']);
    expect(view.cycles[0]).toMatchObject({
      title: 'Paired reading',
      decision: { text: 'Adapt: change it and test again' },
      links: { md: '01-paired-reading.md', html: '01-paired-reading.html' },
    });
    expect(view.cycles[0]!.outcomes).toEqual([
      {
        measure: 'Reading enjoyment (points out of 40)',
        result: 'All intervention 24.1 \u2192 27.2 (+3.1); SIMD 1-2 22.3 \u2192 26.6 (+4.3)',
      },
    ]);
    expect(view.cycles[1]!.decision.recorded).toBe(false);
  });
});
