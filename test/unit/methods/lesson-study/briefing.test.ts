// Lesson Study's briefing view: the table of predictions against observations, what is missing, and the prompts.
import { describe, expect, it } from 'vitest';
import { lessonStudyView } from '../../../../src/methods/lesson-study/briefing.js';
import { GROUP, cycleOf, lesson } from './fixtures.js';

const QUESTION = 'question: We want to learn how to improve the way we teach equivalent fractions to P5 learners.\n';

describe('the Lesson Study briefing view', () => {
  const view = lessonStudyView(
    cycleOf({ question: QUESTION, 'lesson-study': GROUP, 'research-lessons': `lessons:\n${lesson()}` }),
  );
  const [first] = view.lessons;

  it('shows the research focus, the group and the case pupils by code', () => {
    expect(view.focus.text).toBe(
      'We want to learn how to improve the way we teach equivalent fractions to P5 learners.',
    );
    expect(view.group.members).toEqual(['Morag K', 'Iain D', 'Priya S']);
    expect(view.casePupils.map((p) => `${p.code}: ${p.typifies.text}`)).toEqual([
      'A: rush to an answer',
      'B: follow rules without reasons',
      'C: need practical materials to start',
    ]);
    expect(view.codes).toBe('A, B and C');
    expect(view.lessonsSummary).toBe('1 research lesson recorded (usually 3)');
  });

  it('groups the predicted and observed responses by case pupil, one row per stage', () => {
    expect(first?.responses.map((r) => [r.code, r.first, r.span, r.stage, r.predicted.text, r.observed.text])).toEqual([
      ['A', true, 1, '1. Starter', 'Says 1/6 is bigger.', 'Said 1/6.'],
      ['B', true, 1, '1. Starter', 'Copies others.', 'Rubbed out 1/3.'],
      ['C', true, 1, '1. Starter', 'Does not start.', 'Wrote nothing.'],
    ]);
  });

  it('puts the case pupils first in the discussion, with whether they matched the prediction in words', () => {
    expect(first?.discussion.pupils.map((p) => [p.code, p.progress.text, p.matched.text, p.change.recorded])).toEqual([
      ['A', 'Some.', 'Partly', true],
      ['B', 'Not yet recorded', 'Not yet recorded', false],
      ['C', 'Not yet recorded', 'Not yet recorded', false],
    ]);
    expect(first?.discussion.changesForNext).toEqual(['Start with a 0-1 line.']);
  });

  it('lists what each lesson still needs, case pupil by case pupil', () => {
    expect(first?.missing).toEqual([
      'a success criterion for B and C',
      'interview notes for B and C',
      'the discussion (progress, and whether it matched the prediction) for B and C',
    ]);
    expect(view.missing).toEqual(first?.missing.map((m) => `Research lesson 1: ${m}`));
  });

  it('prompts the discussion of an observed lesson, case pupils first and the teaching after them', () => {
    expect(view.meeting).toBe('the discussion of research lesson 1');
    expect(view.prompts[0]).toBe(
      'Case pupils first: take case pupils A, B and C one at a time. What progress did each make towards their success criterion?',
    );
    const teaching = view.prompts.findIndex((p) => p.startsWith('Only now the teaching'));
    expect(teaching).toBeGreaterThan(2);
    expect(view.prompts).toContain('What will we change in research lesson 2, and how will its plan show the change?');
  });

  it('prompts the planning of the next lesson while it has no observations yet, and asks for research lesson 1 first', () => {
    const empty = lessonStudyView(cycleOf({ 'lesson-study': GROUP, 'research-lessons': 'lessons: []\n' }));
    expect(empty.meeting).toBe('planning research lesson 1');
    expect(empty.prompts[0]).toContain('which learners do case pupils A, B and C typify');
    expect(empty.missing).toEqual(['Research lesson 1: add it with sipp lesson add (research-lessons.yaml)']);
    const planned = lessonStudyView(
      cycleOf({
        'lesson-study': GROUP,
        'research-lessons': `lessons:\n${lesson()}  - date:\n    changedSinceLast: []\n`,
      }),
    );
    expect(planned.meeting).toBe('planning research lesson 2');
    expect(planned.prompts).toContain(
      'What did the discussion of research lesson 1 ask us to change, and where does this plan show it?',
    );
    expect(planned.lessons[1]?.missing[1]).toBe('what changed since the discussion of research lesson 1');
  });

  it('names the case pupils whose group is not described yet', () => {
    const vague = lessonStudyView(
      cycleOf({
        'lesson-study': 'casePupils:\n  - code: A\n  - code: B\n    typifies: x\n  - code: C\n',
        'research-lessons': 'lessons: []\n',
      }),
    );
    expect(vague.missing[0]).toBe('What case pupils A and C typify (lesson-study.yaml)');
  });
});
