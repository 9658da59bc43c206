// Reading observation notes as Instructional Rounds asks them to be written: low-inference (what was seen and
// heard, not judgements) and about the school's practice, never naming a teacher or a pupil (City, Elmore,
// Fiarman & Teitel, "Instructional Rounds in Education", chapter 5).

/** Judgements that have no place in a low-inference note: the words the Rounds literature warns about, and kin. */
export const EVALUATIVE_WORDS: readonly string[] = [
  'good',
  'excellent',
  'poor',
  'poorly',
  'weak',
  'great',
  'brilliant',
  'outstanding',
  'fantastic',
  'amazing',
  'bad',
  'lovely',
  'wonderful',
  'superb',
  'impressive',
];

const EVALUATIVE = new RegExp(`\\b(?:${EVALUATIVE_WORDS.join('|')})\\b`, 'gi');

/**
 * Quoted speech: "…", “…”, ‘…’ and '…' (a straight single quote only opens after a space or bracket, so that the
 * apostrophe of "learners' books" does not). A note that quotes a teacher saying "Good" records what was said.
 */
const QUOTED = /"[^"]*"|“[^”]*”|‘[^’]*’|(?<=^|[\s([])'[^'\n]*'(?=$|[\s.,;:!?)\]])/g;

/** A word found in a note, with where it starts in the note. */
export interface Found {
  text: string;
  index: number;
}

/** The judgements in a note, outside quoted speech, in the order they appear (whole words, any case). */
export function evaluativeWords(note: string): Found[] {
  const unquoted = note.replace(QUOTED, (q) => ' '.repeat(q.length));
  return [...unquoted.matchAll(EVALUATIVE)].map((m) => ({ text: m[0], index: m.index }));
}

/** Mr, Mrs, Ms, Miss, Mx, Dr, with or without a full stop, followed by a capitalised word. */
const TITLE_NAME = /\b(?:Mrs|Mr|Ms|Miss|Mx|Dr)\.?\s+(?:Mc|Mac|O['’])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?/g;

/** One word that could be a first name or a surname: Fiona, McLeod, O'Neill, Smith-Jones. */
const NAME_WORD = /^(?:Mc|Mac|O['’])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?$/;

/**
 * Capitalised words that are not names, which notes in Scottish classrooms use in the middle of a sentence:
 * subjects, the curriculum, schools and services, days, months, tools. A pair with one of them is not a name.
 */
const NOT_NAMES = new Set(
  `monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
  september october november december easter christmas term
  maths mathematics english gaelic french spanish german italian mandarin science biology chemistry physics history
  geography modern studies art design music drama dance computing technology technical business home economics
  physical education religious moral philosophical health wellbeing literacy numeracy languages social
  curriculum excellence level levels early first second third fourth senior phase broad general national higher
  advanced benchmarks experiences outcomes
  scotland scottish school schools primary high academy secondary college university council authority local
  learning rounds network department faculty service services educational psychology psychologist support
  assistant teacher teachers principal depute head pupil pupils learner learners equity fund funding attainment
  challenge improvement plan standards quality
  google microsoft classroom teams word excel power point powerpoint forms sumdog show me think pair share
  table group`.split(/\s+/),
);

/**
 * Whether the word at `index` starts a sentence: first in the note, or after . ! ? : ; a dash, or an opening quote
 * or bracket (speech often starts with a capital too).
 */
function startsSentence(note: string, index: number): boolean {
  const before = note.slice(0, index).trimEnd();
  return before === '' || /[.!?:;"“‘'([\-–—]$/.test(before);
}

/**
 * What looks like a person's name in a note: a title and a capitalised word ("Mrs Smith", "Mr. Brown"), or two
 * capitalised words in a row that do not start a sentence ("asks Jack Smith"), unless one of them is a word such
 * as a subject, a school or a month, or one of the project's own place names (`known`, in lower case).
 */
export function personNames(note: string, known: ReadonlySet<string> = new Set()): Found[] {
  const found: Found[] = [...note.matchAll(TITLE_NAME)].map((m) => ({ text: m[0], index: m.index }));
  const words = [...note.matchAll(/\S+/g)].map((m) => ({ raw: m[0], index: m.index }));
  for (let i = 0; i + 1 < words.length; i++) {
    const first = words[i] as { raw: string; index: number };
    const second = words[i + 1] as { raw: string; index: number };
    // The first word must end cleanly (no comma or full stop between the two), the second may end a clause.
    const secondWord = second.raw.replace(/[.,;:!?)"”’']+$/, '');
    if (!NAME_WORD.test(first.raw) || !NAME_WORD.test(secondWord)) continue;
    if (isNotAName(first.raw, known) || isNotAName(secondWord, known)) continue;
    if (startsSentence(note, first.index)) continue;
    if (found.some((f) => f.index <= first.index && first.index < f.index + f.text.length)) continue;
    found.push({ text: `${first.raw} ${secondWord}`, index: first.index });
    i += 1;
  }
  return found.sort((a, b) => a.index - b.index);
}

function isNotAName(word: string, known: ReadonlySet<string>): boolean {
  const lower = word.toLowerCase();
  return NOT_NAMES.has(lower) || known.has(lower);
}

/** The lower-case words of names the project uses itself (schools, services, the network), which are not people. */
export function placeWords(names: readonly (string | null | undefined)[]): Set<string> {
  const words = new Set<string>();
  for (const name of names) {
    for (const word of (name ?? '').split(/[^A-Za-z'’-]+/)) if (word) words.add(word.toLowerCase());
  }
  return words;
}
