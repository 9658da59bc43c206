// A new Lesson Study cycle's records: the method's own two, with the answers to its questions in place.
import { describe, expect, it } from 'vitest';
import { createSchemaValidator } from '../../../../src/core/validate/validator.js';
import { lessonStudy } from '../../../../src/methods/lesson-study/index.js';
import { readSchemas } from '../../../../src/project/assets.js';
import { cycleRecords } from '../../../../src/project/scaffold.js';

const PROJECT = { schemaVersion: 1 as const, title: 'Fractions', method: 'lesson-study' as const };

describe('a new Lesson Study cycle', () => {
  it('puts the research focus in question.yaml and each case pupil code in an entry of its own', () => {
    const records = cycleRecords(
      PROJECT,
      {
        title: 'Fractions',
        method: 'lesson-study',
        answers: {
          question: 'We want to learn how to improve the way we teach fractions to P5.',
          'lesson-study:casePupils': 'A, B ,C,,D,E,F',
        },
      },
      lessonStudy,
    );
    expect(records.get('question')?.question).toBe('We want to learn how to improve the way we teach fractions to P5.');
    expect(records.get('lesson-study')?.casePupils).toEqual(
      ['A', 'B', 'C', 'D', 'E', 'F'].map((code) => ({ code, typifies: null })),
    );
    expect(records.get('research-lessons')).toEqual({ lessons: [] });
  });

  it('gives case pupils A, B and C when no codes are given, and every record fits its schema', () => {
    const records = cycleRecords(PROJECT, { title: 'Fractions', method: 'lesson-study', answers: {} }, lessonStudy);
    expect(records.get('lesson-study')).toEqual({
      group: { members: [], groundRules: [] },
      casePupils: [
        { code: 'A', typifies: null },
        { code: 'B', typifies: null },
        { code: 'C', typifies: null },
      ],
    });
    const validator = createSchemaValidator(readSchemas());
    for (const [name, data] of records) expect(validator.validate(`${name}.schema.json`, data), name).toEqual([]);
  });
});
