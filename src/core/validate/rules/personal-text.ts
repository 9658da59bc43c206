// Records are shared in Git, so a free-text answer must not carry a learner's personal details. sipp cannot tell
// a pupil's name from a teacher's, but some details have a shape it can see: an e-mail address, a Scottish
// Candidate Number, a postcode, a date of birth. Each is a warning at its line (issue 8: "validate warns where it
// can"); sipp.yaml's own fields (schools, people doing the enquiry) are the partnership's, and are not checked.
import type { Problem } from '../../problems.js';
import type { PathSegment, SourceFile } from '../../records/source.js';
import { problemAt, type RuleContext } from './context.js';

const RULE = 'personal-data';

/** Each shape, what it is, and a character the text must hold for the shape to be looked for at all. */
const PATTERNS: ReadonlyArray<[RegExp, string, string?]> = [
  // Only text with an @ is searched: on every answer of a large project this search was a tenth of `validate`.
  [/[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}/i, 'an e-mail address', '@'],
  [/(?<![\d-])\d{3} ?\d{3} ?\d{3}(?![\d-])/, 'a Scottish Candidate Number (nine digits)'],
  [/\b(?:GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b/, 'a postcode'],
  [/\b(?:date of birth|d\.?o\.?b\.?|born on)\b/i, 'a date of birth'],
];

function strings(value: unknown, at: PathSegment[], out: Array<[PathSegment[], string]>): void {
  if (typeof value === 'string') out.push([at, value]);
  else if (Array.isArray(value)) value.forEach((item, i) => strings(item, [...at, i], out));
  else if (value && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) strings(item, [...at, key], out);
}

function fileProblems(file: SourceFile): Problem[] {
  const found: Array<[PathSegment[], string]> = [];
  strings(file.data, [], found);
  return found.flatMap(([at, text]) => {
    const match = PATTERNS.find(
      ([pattern, , needs]) => (needs === undefined || text.includes(needs)) && pattern.test(text),
    );
    if (!match) return [];
    return [
      problemAt(
        file,
        at,
        `This answer seems to hold ${match[1]}. Records are shared in Git: if it is a learner's, take it out and write about learners as a group, never by a personal detail.`,
        RULE,
        'warning',
      ),
    ];
  });
}

/** Rule id: `personal-data` (warnings), over every record of every cycle. */
export function personalTextProblems(context: RuleContext): Problem[] {
  return context.source.cycles.flatMap((cycle) =>
    [...cycle.records.keys()].flatMap((name) => {
      const file = context.record(cycle, name);
      return file ? fileProblems(file) : [];
    }),
  );
}
