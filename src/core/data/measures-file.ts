// Writing imported figures into a cycle's measures.yaml through the yaml Document API, so every comment,
// the key order and every untouched line (byte for byte) stay as the teacher wrote them. The edit itself is pure (text in,
// text out); the caller writes the result atomically.
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { refusal } from '../problems.js';
import type { AggregatedGroup, AggregatedSeries, Figures } from './aggregate.js';
import type { MeasureKind } from './cells.js';
import { keepOriginalLines } from './keep-lines.js';
import { withoutListExample } from '../records/document.js';

export interface MeasureDefinition {
  exists: boolean;
  /** The kind the measure declares, if it declares one. */
  kind: MeasureKind | undefined;
}

export interface MeasuresUpdate {
  measure: string;
  kind: MeasureKind;
  /** A table of scores: the groups of the measure's `results` entry. */
  groups?: readonly AggregatedGroup[];
  /** A dated series: the measure's `series` entries. */
  series?: readonly AggregatedSeries[];
}

export interface MeasuresEdit {
  text: string;
  /** The measure was not defined, and was added with its id as its name. */
  addedMeasure: boolean;
  /** The measure had no kind, and now says yes-no. */
  kindAdded: boolean;
  /** How many earlier results or series entries of the measure were replaced. */
  replaced: number;
}

/** How sipp writes YAML (as `sipp init` does): no line folding, empty values as `key:`. */
const STRINGIFY = { lineWidth: 0, nullStr: '', indentSeq: true } as const;
const LISTS = ['measures', 'results', 'series'] as const;

/** The measure's definition in measures.yaml text, if any. */
export function measureDefinition(text: string, id: string): MeasureDefinition {
  const doc = parseMeasures(text);
  const item = findById(listOf(doc, 'measures'), 'id', id)[0];
  if (!item) return { exists: false, kind: undefined };
  const kind = item.get('kind');
  return { exists: true, kind: kind === 'score' || kind === 'yes-no' ? kind : undefined };
}

/**
 * measures.yaml text with the measure's results entry (for scores) or series entries (for a series)
 * replaced by the new figures, or added at the end of the list; the measure is defined if it was not.
 * The collection dates of a replaced results entry are kept, group by group (same role and equity).
 */
export function editMeasuresText(original: string, update: MeasuresUpdate): MeasuresEdit {
  // The commented example under an empty list has done its job once the list has entries.
  const filled = [...(update.groups ? ['results'] : []), ...(update.series ? ['series'] : []), 'measures'];
  const text = filled.reduce(withoutListExample, original);
  const doc = parseMeasures(text);
  const edit = { addedMeasure: false, kindAdded: false, replaced: 0 };

  const measures = ensureList(doc, 'measures');
  const definition = findById(measures, 'id', update.measure)[0];
  if (!definition) {
    measures.add(doc.createNode({ id: update.measure, name: update.measure, kind: update.kind }));
    edit.addedMeasure = true;
  } else if (!definition.has('kind') && update.kind === 'yes-no') {
    insertAfter(doc, definition, definition.has('type') ? 'type' : 'name', 'kind', update.kind);
    edit.kindAdded = true;
  }

  if (update.groups) {
    const results = ensureList(doc, 'results');
    const previous = findById(results, 'measure', update.measure);
    const dates = datesOf(previous);
    const entry = doc.createNode({
      measure: update.measure,
      groups: update.groups.map((g) => groupData(g, dates)),
    }) as YAMLMap;
    for (const group of (entry.get('groups') as YAMLSeq).items) flowFigures(group);
    edit.replaced = replaceEntries(results, previous, [entry]);
  }
  if (update.series) {
    const series = ensureList(doc, 'series');
    const previous = findById(series, 'measure', update.measure);
    const entries = update.series.map((s) => {
      const entry = doc.createNode({
        measure: update.measure,
        group: s.group,
        points: s.points.map((p) =>
          p.suppressed
            ? { date: p.date, suppressed: true }
            : { date: p.date, value: p.value, ...(p.n === null ? {} : { n: p.n }) },
        ),
      }) as YAMLMap;
      for (const point of (entry.get('points') as YAMLSeq).items) (point as YAMLMap).flow = true;
      return entry;
    });
    edit.replaced = replaceEntries(series, previous, entries);
  }
  // yaml writes a few things its own way (one space before `#`); lines the edit left alone stay as they were.
  const normalised = parseMeasures(text).toString(STRINGIFY);
  return { text: keepOriginalLines(text, normalised, doc.toString(STRINGIFY)), ...edit };
}

function parseMeasures(text: string): Document.Parsed {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    throw refusal('measures.yaml cannot be read as YAML, so sipp cannot add figures to it. Nothing was written.', {
      hint: 'Run `sipp validate` to see where, fix it, and import again.',
    });
  }
  if (doc.contents !== null && !isMap(doc.contents)) {
    throw refusal(
      'measures.yaml should be made of "key: value" lines (measures:, results:, series:). Nothing was written.',
    );
  }
  return doc;
}

/** The list under a top-level key, or an empty placeholder when the key is absent or empty. */
function listOf(doc: Document, key: (typeof LISTS)[number]): YAMLSeq {
  const value = isMap(doc.contents) ? doc.contents.get(key, true) : undefined;
  return isSeq(value) ? value : (doc.createNode([]) as YAMLSeq);
}

/**
 * The list under a top-level key, made (as a block list) when absent or empty, and placed in the schema's
 * order (measures, results, series) among the keys that are there. Refuses a key that holds something else.
 */
function ensureList(doc: Document, key: (typeof LISTS)[number]): YAMLSeq {
  if (!isMap(doc.contents)) doc.contents = doc.createNode({}) as YAMLMap as unknown as typeof doc.contents;
  const map = doc.contents as unknown as YAMLMap;
  const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
  if (pair) {
    const value = pair.value;
    if (isSeq(value)) {
      // `results: []` as sipp writes a new cycle: the new entries read better as a block list.
      if (value.items.length === 0) value.flow = false;
      return value;
    }
    if (value === null || (isScalar(value) && (value.value === null || value.value === ''))) {
      const list = doc.createNode([]) as YAMLSeq;
      if (isScalar(value) && value.comment) list.comment = value.comment;
      pair.value = list;
      return list;
    }
    throw refusal(
      `measures.yaml: \`${key}\` should be a list (lines starting with "- "). Fix it and import again. Nothing was written.`,
    );
  }
  const list = doc.createNode([]) as YAMLSeq;
  const later = LISTS.slice(LISTS.indexOf(key) + 1);
  const at = map.items.findIndex((p) => isScalar(p.key) && (later as readonly unknown[]).includes(p.key.value));
  const newPair = doc.createPair(key, list);
  if (at < 0) map.items.push(newPair);
  else map.items.splice(at, 0, newPair);
  return list;
}

function findById(list: YAMLSeq, key: string, id: string): YAMLMap[] {
  return list.items.filter((item): item is YAMLMap => isMap(item) && item.get(key) === id);
}

/**
 * Puts the new entries where the first earlier one was (keeping the comment above it) and removes the
 * other earlier ones; appends them when there were none. Returns how many were replaced.
 */
function replaceEntries(list: YAMLSeq, previous: readonly YAMLMap[], entries: readonly YAMLMap[]): number {
  const first = previous[0];
  if (!first) {
    list.items.push(...entries);
    return 0;
  }
  const lead = entries[0];
  if (lead) {
    lead.commentBefore = first.commentBefore;
    lead.spaceBefore = first.spaceBefore;
  }
  list.items = list.items.flatMap((item) =>
    item === first ? [...entries] : previous.includes(item as YAMLMap) ? [] : [item],
  );
  return previous.length;
}

function insertAfter(doc: Document, map: YAMLMap, afterKey: string, key: string, value: unknown): void {
  const at = map.items.findIndex((p) => isScalar(p.key) && p.key.value === afterKey);
  map.items.splice(at + 1, 0, doc.createPair(key, value));
}

type Dates = Map<string, { before?: string; after?: string }>;

/** The collection dates a teacher typed into earlier groups, by role and equity. */
function datesOf(entries: readonly YAMLMap[]): Dates {
  const dates: Dates = new Map();
  for (const entry of entries) {
    const groups = entry.get('groups');
    if (!isSeq(groups)) continue;
    for (const group of groups.items) {
      if (!isMap(group)) continue;
      const key = `${String(group.get('role'))}|${String(group.get('equity'))}`;
      const found: { before?: string; after?: string } = {};
      for (const time of ['before', 'after'] as const) {
        const figures = group.get(time);
        const date = isMap(figures) ? figures.get('date') : undefined;
        if (typeof date === 'string' && date !== '') found[time] = date;
      }
      if (!dates.has(key)) dates.set(key, found);
    }
  }
  return dates;
}

function groupData(group: AggregatedGroup, dates: Dates): Record<string, unknown> {
  const kept = dates.get(`${group.role}|${group.equity}`);
  const data: Record<string, unknown> = { name: group.name, role: group.role, equity: group.equity };
  if (group.suppressed) return { ...data, suppressed: true, suppression: group.suppressed };
  if (group.before) data.before = figuresData(group.before, kept?.before);
  if (group.after) data.after = figuresData(group.after, kept?.after);
  if (group.paired) data.paired = { ...group.paired };
  return data;
}

/** `{ date?, n, mean, sd }` or `{ date?, n, count }`, in the order the example records use. */
function figuresData(figures: Figures, date: string | undefined): Record<string, unknown> {
  return { ...(date ? { date } : {}), ...figures };
}

/** Before, after and paired on one line each, `{ n: 15, mean: 24.1, sd: 6.1 }`, as the example records write them. */
function flowFigures(group: unknown): void {
  if (!isMap(group)) return;
  for (const time of ['before', 'after', 'paired']) {
    const figures = group.get(time, true) as Node | undefined;
    if (isMap(figures)) figures.flow = true;
  }
}
