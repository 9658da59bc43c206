// The `personal-data` warnings: details with a recognisable shape in free-text answers of shared records.
import { describe, expect, it } from 'vitest';
import { cycleFiles, validate } from './project-from.js';

const reflections = (text: string) =>
  cycleFiles('01-paired-reading', { reflections: `learning: ${JSON.stringify(text)}\n` });
const warnings = (text: string) =>
  validate(reflections(text))
    .filter((p) => p.rule === 'personal-data')
    .map((p) => `${p.severity} ${p.line}:${p.column} ${p.message}`);

describe('personal details in free text', () => {
  it.each([
    ['Email jo.bloggs@pupils.example.sch.uk about it', 'an e-mail address'],
    ['Candidate 123 456 789 struggled', 'a Scottish Candidate Number (nine digits)'],
    ['Lives at KA7 1QA, walks to school', 'a postcode'],
    ['Her DOB is in the file', 'a date of birth'],
  ])('warns at the answer: %s', (text, what) => {
    expect(warnings(text)).toEqual([
      `warning 1:11 This answer seems to hold ${what}. Records are shared in Git: if it is a learner's, take it out and write about learners as a group, never by a personal detail.`,
    ]);
  });

  it.each([
    'Learners in P4 and P5 read 20 minutes a day, up from 12.',
    'Attendance rose from 88.9% to 91.2% over 2025-26 (S1, SIMD 1-2).',
    'Three learners in the group chose graphic novels.',
  ])('stays quiet about ordinary answers: %s', (text) => {
    expect(warnings(text)).toEqual([]);
  });
});
