// `sipp lesson add`'s pure part: the next lesson's data, and research-lessons.yaml edited without losing a comment.
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../../../src/core/records/source.js';
import { createSchemaValidator } from '../../../../src/core/validate/validator.js';
import { NotAList, appendLessonText, nextLesson } from '../../../../src/methods/lesson-study/add-lesson.js';
import type { ResearchLesson } from '../../../../src/methods/lesson-study/records.js';
import { readSchemas } from '../../../../src/project/assets.js';
import { lesson } from './fixtures.js';

const FRESH = `# yaml-language-server: $schema=../../.sipp/schemas/research-lessons.schema.json

# The research lessons, first to last.
lessons: []
`;

const TAUGHT = `# yaml-language-server: $schema=../../.sipp/schemas/research-lessons.schema.json
# Our research lessons (we keep notes here too).
lessons:
  # Research lesson 1
${lesson().replace('      A: Iain D', '      A: Iain D    # swapped with Priya on the day')}`;

const lessonsOf = (text: string): ResearchLesson[] => (parse(text) as { lessons: ResearchLesson[] }).lessons;

function valid(text: string): boolean {
  const source = parseSource('research-lessons.yaml', text);
  return (
    source.problems.length === 0 &&
    createSchemaValidator(readSchemas()).validate('research-lessons.schema.json', source.data).length === 0
  );
}

describe('nextLesson', () => {
  it('starts research lesson 1 with a blank entry per case pupil and one blank stage to copy', () => {
    const first = nextLesson(['A', 'B', 'C'], [], '2025-10-08');
    expect(first.number).toBe(1);
    expect(first.data).not.toHaveProperty('changedSinceLast');
    expect(first.data).toMatchObject({
      date: '2025-10-08',
      plannedOn: null,
      observers: { A: null, B: null, C: null },
      stages: [{ stage: null, predicted: { A: null, B: null, C: null }, observed: { A: null, B: null, C: null } }],
    });
    expect(Object.keys(first.data)).toEqual([
      'date',
      'plannedOn',
      'taughtBy',
      'class',
      'learningIntention',
      'successCriteria',
      'observers',
      'stages',
      'interviews',
      'discussion',
    ]);
  });

  it('carries forward the observers, the stages and what the discussion asked to change', () => {
    const second = nextLesson(['A', 'B', 'C'], lessonsOf(TAUGHT), null);
    expect(second.number).toBe(2);
    expect(second.observers).toEqual([
      ['A', 'Iain D'],
      ['B', 'Priya S'],
      ['C', 'Priya S'],
    ]);
    expect(second.changes).toEqual(['Start with a 0-1 line.', 'For case pupil A, ask for proof on the line.']);
    expect(second.data.changedSinceLast).toEqual(second.changes);
    expect(second.stages).toEqual(['Starter']);
    expect(second.data.date).toBeNull();
  });

  it('gives a case pupil the lesson before did not observe an empty observer', () => {
    const next = nextLesson(['A', 'B', 'C', 'D', 'E', 'F'], lessonsOf(TAUGHT), null);
    expect(next.observers.slice(3)).toEqual([
      ['D', null],
      ['E', null],
      ['F', null],
    ]);
  });
});

describe('appendLessonText', () => {
  it('turns `lessons: []` into a list holding research lesson 1, under a comment naming it', () => {
    const text = appendLessonText(FRESH, nextLesson(['A', 'B', 'C'], [], '2025-10-08'));
    expect(
      text.startsWith(
        `${FRESH.replace('lessons: []\n', '')}lessons:\n  # Research lesson 1\n  - date: 2025-10-08\n    plannedOn:\n`,
      ),
    ).toBe(true);
    expect(text).toContain('    observers:\n      A:\n      B:\n      C:\n');
    expect(valid(text)).toBe(true);
  });

  it('keeps every comment, the key order and each untouched line byte for byte', () => {
    const text = appendLessonText(TAUGHT, nextLesson(['A', 'B', 'C'], lessonsOf(TAUGHT), null));
    expect(text.startsWith(TAUGHT)).toBe(true);
    expect(text.slice(TAUGHT.length)).toMatch(/^\n {2}# Research lesson 2\n {2}- date:\n/);
    expect(text).toContain(
      '    # Carried forward from the discussion of research lesson 1: edit each line to say what you changed.\n    changedSinceLast:\n      - Start with a 0-1 line.\n',
    );
    expect(lessonsOf(text).map((l) => Object.keys(l)[0])).toEqual(['date', 'date']);
    expect(valid(text)).toBe(true);
  });

  it('makes `lessons` when the file has only comments or lacks the key', () => {
    expect(appendLessonText('# nothing yet\n', nextLesson(['A'], [], null))).toMatch(
      /^# nothing yet\n\n?lessons:\n {2}# Research lesson 1\n/,
    );
    expect(lessonsOf(appendLessonText('lessons:\n', nextLesson(['A'], [], null)))).toHaveLength(1);
  });

  it('refuses a `lessons` that is not a list', () => {
    expect(() => appendLessonText('lessons: three\n', nextLesson(['A'], [], null))).toThrow(NotAList);
  });
});
