// The next research lesson (`sipp lesson add`): its data, carried forward from the case pupils and the lesson before
// it, and research-lessons.yaml's text with it appended through the yaml Document API, so that every comment, the
// key order and every untouched line stay as the teachers wrote them. Pure: text in, text out.
import { isMap, isScalar, isSeq, parseDocument, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import { keepOriginalLines } from '../kit.js';
import { hasText, texts, type ResearchLesson } from './records.js';

/** How sipp writes YAML (as `sipp cycle` does): no line folding, empty values as `key:`. */
const STRINGIFY = { lineWidth: 0, nullStr: '', indentSeq: true } as const;

export interface NextLesson {
  /** 1 for the first research lesson. */
  number: number;
  /** The new entry of `lessons`, in the schema's key order. */
  data: Record<string, unknown>;
  /** What the discussion of the lesson before asked to change, as copied into `changedSinceLast`. */
  changes: string[];
  /** Each case pupil's observer, as carried forward (null where the lesson before named none). */
  observers: [code: string, observer: string | null][];
  /** The stage names carried forward from the lesson before. */
  stages: string[];
}

/** The research lesson after `lessons`, for these case pupils, taught on `date` (if known). */
export function nextLesson(
  codes: readonly string[],
  lessons: readonly ResearchLesson[],
  date: string | null,
): NextLesson {
  const previous = lessons[lessons.length - 1];
  const number = lessons.length + 1;
  const byCode = <T>(value: (code: string) => T): Record<string, T> =>
    Object.fromEntries(codes.map((code) => [code, value(code)]));
  const observers = codes.map((code): [string, string | null] => {
    const observer = previous?.observers?.[code];
    return [code, hasText(observer) ? observer.trim() : null];
  });
  const changes = previous ? changesAskedFor(previous) : [];
  const stages = texts((previous?.stages ?? []).map((s) => s.stage ?? ''));
  const stageEntry = (name: string | null): Record<string, unknown> => ({
    stage: name,
    predicted: byCode(() => null),
    observed: byCode(() => null),
  });
  const data: Record<string, unknown> = {
    date,
    plannedOn: null,
    taughtBy: null,
    class: null,
    learningIntention: null,
    ...(previous ? { changedSinceLast: changes } : {}),
    successCriteria: byCode(() => null),
    observers: Object.fromEntries(observers),
    stages: stages.length > 0 ? stages.map(stageEntry) : [stageEntry(null)],
    interviews: byCode(() => null),
    discussion: {
      date: null,
      casePupils: byCode(() => ({ progress: null, matchedPrediction: null, change: null })),
      teaching: null,
      changesForNext: [],
    },
  };
  return { number, data, changes, observers, stages };
}

/** The discussion's changes for the next lesson, then each case pupil's ("For case pupil A, give them …"). */
function changesAskedFor(lesson: ResearchLesson): string[] {
  const discussion = lesson.discussion;
  const forPupils = Object.entries(discussion?.casePupils ?? {}).flatMap(([code, pupil]) =>
    hasText(pupil?.change) ? [`For case pupil ${code}, ${lowerFirst(pupil.change.trim())}`] : [],
  );
  return [...texts(discussion?.changesForNext), ...forPupils];
}

/** "Give them …" -> "give them …", leaving "I", initials and capitalised words ("DHT", "SIMD") alone. */
function lowerFirst(text: string): string {
  return /^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/**
 * research-lessons.yaml's text with `lesson` appended to `lessons`, under a comment naming it. Throws
 * `NotAList` when `lessons` holds something other than a list (the caller refuses: nothing is written).
 */
export function appendLessonText(text: string, lesson: NextLesson): string {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) throw new NotAList('research-lessons.yaml cannot be read as YAML');
  const list = lessonsList(doc);
  const entry = doc.createNode(lesson.data) as YAMLMap;
  entry.commentBefore = ` Research lesson ${lesson.number}`;
  if (list.items.length > 0) entry.spaceBefore = true;
  if (lesson.changes.length > 0) {
    const key = entry.items.find((p) => isScalar(p.key) && p.key.value === 'changedSinceLast')?.key;
    if (isScalar(key))
      key.commentBefore = ` Carried forward from the discussion of research lesson ${lesson.number - 1}: edit each line to say what you changed.`;
  }
  list.items.push(entry);
  const tidy = (yaml: string): string => yaml.replace(/: $/gm, ':');
  const normalised = tidy(parseDocument(text, { uniqueKeys: true }).toString(STRINGIFY));
  return keepOriginalLines(text, normalised, tidy(doc.toString(STRINGIFY)));
}

/** `lessons` as a block list, made when absent or empty (`lessons: []` as `sipp cycle` writes it). */
function lessonsList(doc: Document): YAMLSeq {
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    doc.contents = doc.createNode({}) as unknown as typeof doc.contents;
  }
  if (!isMap(doc.contents)) throw new NotAList('research-lessons.yaml should be made of "key: value" lines');
  const map = doc.contents as YAMLMap;
  const pair = map.items.find((p) => isScalar(p.key) && p.key.value === 'lessons');
  if (!pair) {
    const list = doc.createNode([]) as YAMLSeq;
    map.items.push(doc.createPair('lessons', list));
    return list;
  }
  if (isSeq(pair.value)) {
    if (pair.value.items.length === 0) pair.value.flow = false;
    return pair.value;
  }
  if (pair.value === null || (isScalar(pair.value) && (pair.value.value === null || pair.value.value === ''))) {
    const list = doc.createNode([]) as YAMLSeq;
    pair.value = list;
    return list;
  }
  throw new NotAList('`lessons` in research-lessons.yaml should be a list (lines starting with "- ")');
}

/** research-lessons.yaml is not in a shape sipp can add a lesson to. */
export class NotAList extends Error {
  override name = 'NotAList';
}
