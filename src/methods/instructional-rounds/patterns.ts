// Words that recur across the classrooms of a visit: a mechanical first look at the notes that a facilitator can
// put on the table before the analyse phase. It counts classrooms, not notes, so one busy room cannot dominate.

/** Words too common in any classroom note to say anything about a pattern. */
const STOP_WORDS = new Set(
  `a about above after again all also am an and any are as at be been before being below between both but by can
  could did do does doing done down during each few for from further get gets got had has have having he her here
  him his how however i if in into is it its just let lets me more most my no nor not now of off on once one only
  or other our out over own same say says she should so some still such than that the their them then there these
  they this those through to too two under until up us very was we were what when where which while who whom why
  will with would yes you your
  teacher teachers learner learners pupil pupils student students class classroom lesson minute minutes time
  room desk desks front back start end first next last another others every
  ask board work give take hold look sit stand come goes went make made put use call walk move`.split(/\s+/),
);

/** Words whose meaning is the pattern, however short: reasoning talk. */
const KEEP_SHORT = new Set(['why', 'how']);

export interface RecurringWord {
  /** The form of the word used most often in the notes. */
  word: string;
  /** The codes of the classrooms whose notes use it, in visit order. */
  classrooms: string[];
}

/** A rough stem, so that "explains", "explained" and "explaining" count as one word. */
function stemOf(word: string): string {
  let w = word.replace(/['’]s$/, '');
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  return w;
}

function wordsOf(note: string): string[] {
  return (note.toLowerCase().match(/[a-z][a-z'’]*[a-z]|[a-z]/g) ?? []).filter(
    (w) => KEEP_SHORT.has(w) || (w.length >= 4 && !STOP_WORDS.has(w) && !STOP_WORDS.has(stemOf(w))),
  );
}

/**
 * The words used in the notes of at least two classrooms and at least half of those with notes, most widespread
 * first (then most used, then alphabetical), at most `limit` of them. Empty with fewer than two classrooms.
 */
export function recurringWords(
  classrooms: readonly { code: string; notes: readonly string[] }[],
  limit = 8,
): RecurringWord[] {
  const withNotes = classrooms.filter((c) => c.notes.length > 0);
  if (withNotes.length < 2) return [];
  const stems = new Map<string, { rooms: Set<string>; uses: number; forms: Map<string, number> }>();
  for (const room of withNotes) {
    for (const word of room.notes.flatMap(wordsOf)) {
      const stem = stemOf(word);
      const entry = stems.get(stem) ?? { rooms: new Set<string>(), uses: 0, forms: new Map<string, number>() };
      entry.rooms.add(room.code);
      entry.uses += 1;
      entry.forms.set(word, (entry.forms.get(word) ?? 0) + 1);
      stems.set(stem, entry);
    }
  }
  const needed = Math.max(2, Math.ceil(withNotes.length / 2));
  return [...stems.entries()]
    .filter(([, e]) => e.rooms.size >= needed)
    .sort(([a, x], [b, y]) => y.rooms.size - x.rooms.size || y.uses - x.uses || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, limit)
    .map(([, e]) => ({
      word: [...e.forms.entries()].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))[0]?.[0] ?? '',
      classrooms: withNotes.map((c) => c.code).filter((code) => e.rooms.has(code)),
    }));
}

export interface QuotedQuestion {
  classroom: string;
  /** The question as quoted, without its quotation marks. */
  question: string;
}

/** Quoted speech that ends with a question mark: "How did you get 2?", “Why there?”. */
const QUOTED_QUESTION = /"([^"]*\?)"|“([^”]*\?)”/g;

/**
 * The questions the notes quote, classroom by classroom, each once: the questions asked are the part of the
 * instructional core that low-inference notes capture best.
 */
export function quotedQuestions(classrooms: readonly { code: string; notes: readonly string[] }[]): QuotedQuestion[] {
  return classrooms.flatMap((room) => {
    const questions = room.notes.flatMap((note) =>
      [...note.matchAll(QUOTED_QUESTION)].map((m) => (m[1] ?? m[2] ?? '').trim()).filter((q) => q !== ''),
    );
    return [...new Set(questions)].map((question) => ({ classroom: room.code, question }));
  });
}
