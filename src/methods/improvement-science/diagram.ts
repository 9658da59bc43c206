// The driver diagram as data: aim -> primary drivers -> secondary drivers -> change ideas, in a stable order that
// keeps each driver's branch together, with what the PDSA cycles decided about each change idea. The SVG, the
// Mermaid block and the nested list of the briefing are all drawn from this one model.
import { dateInWords, isGiven } from '../kit.js';
import type { DriversRecord, PdsaRecord } from './types.generated.js';

export type Column = 0 | 1 | 2 | 3;

export interface DiagramNode {
  /** sipp's own key for the node (`aim`, `p1`, `s2`, `c3`): safe as an id in SVG and Mermaid, unlike user ids. */
  key: string;
  /** The team's id in drivers.yaml ('' for the aim). */
  id: string;
  column: Column;
  /** The label's paragraphs (the aim has one per part), in plain text. */
  paragraphs: string[];
  /** A line under the label: which PDSA cycles tested a change idea and what they decided. */
  note: string | null;
}

export interface DriverDiagram {
  aim: DiagramNode | null;
  primaries: DiagramNode[];
  secondaries: DiagramNode[];
  changeIdeas: DiagramNode[];
  /** Links from left to right, by node key: aim -> primary, primary -> secondary, driver -> change idea. */
  links: Array<{ from: string; to: string }>;
}

type Aim = NonNullable<DriversRecord['aim']>;

/** The aim's parts as the paragraphs of its box: the "what" first, then the other three with their names. */
export function aimParagraphs(aim: Aim | undefined): string[] {
  if (!aim) return [];
  const parts: Array<[string, string | null | undefined]> = [
    ['', aim.what],
    ['For: ', aim.forWhom],
    ['How much: ', aim.howMuch],
    ['By: ', byWhenInWords(aim.byWhen)],
  ];
  return parts.filter(([, value]) => isGiven(value)).map(([label, value]) => `${label}${clean(value as string)}`);
}

/** "By when" as the other dates of a briefing are written: `2025-12-19, the end of term 2` → `19 December 2025, …`. */
export function byWhenInWords(text: string | null | undefined): string | null | undefined {
  return typeof text === 'string' ? text.replace(/^\s*(\d{4}-\d{2}-\d{2})\b/, (_, iso: string) => dateInWords(iso)) : text;
}

/** Characters XML 1.0 does not allow in text (control characters), which labels lose. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g;

/** One line of plain text: runs of white space (line breaks too) become one space; control characters go. */
export function clean(text: string): string {
  return text.replace(CONTROL, '').replace(/\s+/g, ' ').trim();
}

const DECISION_PAST: Record<string, string> = { adopt: 'adopted', adapt: 'adapted', abandon: 'abandoned' };

/**
 * `Tested in PDSA cycle 2 (adapted)`, `Tested in PDSA cycles 1 (adapted) and 3 (adopted)`, by the cycles' places in
 * pdsa.yaml (as a team counts them, not their ids); null for an idea no PDSA cycle has tested.
 */
function testedNote(ideaId: string, pdsa: PdsaRecord | undefined): string | null {
  const cycles = pdsa?.cycles ?? [];
  const tests = cycles.flatMap((c, i) => (c.changeIdea === ideaId ? [{ cycle: c, number: i + 1 }] : []));
  if (tests.length === 0) return null;
  const parts = tests.map(({ cycle, number }) => {
    const decision = cycle.act?.decision;
    return decision ? `${number} (${DECISION_PAST[decision] ?? decision})` : `${number}`;
  });
  const listed = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return `Tested in PDSA cycle${tests.length === 1 ? '' : 's'} ${listed}`;
}

/**
 * The diagram of a drivers.yaml, or null when there is nothing to draw yet. Links to ids that do not exist are
 * left out (`sipp validate` reports them). Secondary drivers are ordered by their first primary driver, change
 * ideas by the first driver they act on, so lines cross as little as a simple order allows.
 */
export function driverDiagram(drivers: DriversRecord, pdsa?: PdsaRecord): DriverDiagram | null {
  const aimText = aimParagraphs(drivers.aim);
  const primaryList = drivers.primaryDrivers ?? [];
  const secondaryList = drivers.secondaryDrivers ?? [];
  const ideaList = drivers.changeIdeas ?? [];
  if (aimText.length === 0 && primaryList.length + secondaryList.length + ideaList.length === 0) return null;

  const primaryIndex = new Map(primaryList.map((p, i) => [p.id, i] as const));
  const firstPrimary = (ids: readonly string[]): number =>
    Math.min(...ids.map((id) => primaryIndex.get(id) ?? Infinity), Infinity);

  const secondaries = secondaryList
    .map((s, i) => ({ s, i, key: firstPrimary(s.primary) }))
    .sort((a, b) => a.key - b.key || a.i - b.i)
    .map(({ s }) => s);

  // A driver's rank reads the diagram top to bottom: each primary driver, then the secondary drivers under it.
  const rank = new Map<string, number>();
  primaryList.forEach((p, i) => {
    if (!rank.has(p.id)) rank.set(p.id, rank.size);
    for (const s of secondaries) if (firstPrimary(s.primary) === i && !rank.has(s.id)) rank.set(s.id, rank.size);
  });
  for (const s of secondaries) if (!rank.has(s.id)) rank.set(s.id, rank.size);
  const ideas = ideaList
    .map((c, i) => ({ c, i, key: Math.min(...c.drivers.map((id) => rank.get(id) ?? Infinity), Infinity) }))
    .sort((a, b) => a.key - b.key || a.i - b.i)
    .map(({ c }) => c);

  const node = (key: string, id: string, column: Column, name: string, note: string | null = null): DiagramNode => ({
    key,
    id,
    column,
    paragraphs: [clean(name)],
    note,
  });
  const aim: DiagramNode | null =
    aimText.length > 0 ? { key: 'aim', id: '', column: 0, paragraphs: aimText, note: null } : null;
  const primaries = primaryList.map((p, i) => node(`p${i + 1}`, p.id, 1, p.name));
  const secondaryNodes = secondaries.map((s, i) => node(`s${i + 1}`, s.id, 2, s.name));
  const ideaNodes = ideas.map((c, i) => node(`c${i + 1}`, c.id, 3, c.name, testedNote(c.id, pdsa)));

  // The first node with an id wins, as drivers.yaml is read top to bottom (duplicates are reported by validate).
  const keyOf = new Map<string, string>();
  for (const n of [...primaries, ...secondaryNodes]) if (!keyOf.has(n.id)) keyOf.set(n.id, n.key);
  const primaryKeys = new Set(primaries.map((p) => p.key));

  const links: DriverDiagram['links'] = [];
  const link = (from: string | undefined, to: string): void => {
    if (from && !links.some((l) => l.from === from && l.to === to)) links.push({ from, to });
  };
  if (aim) for (const p of primaries) link(aim.key, p.key);
  secondaries.forEach((s, i) => {
    for (const id of s.primary) {
      const from = keyOf.get(id);
      if (from && primaryKeys.has(from)) link(from, `s${i + 1}`);
    }
  });
  ideas.forEach((c, i) => {
    for (const id of c.drivers) link(keyOf.get(id), `c${i + 1}`);
  });
  return { aim, primaries, secondaries: secondaryNodes, changeIdeas: ideaNodes, links };
}

/** All nodes of a diagram, column by column. */
export function diagramNodes(diagram: DriverDiagram): DiagramNode[] {
  return [...(diagram.aim ? [diagram.aim] : []), ...diagram.primaries, ...diagram.secondaries, ...diagram.changeIdeas];
}

/** A sentence that says what the picture shows, for its text alternative. */
export function diagramSummary(diagram: DriverDiagram): string {
  const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
  const parts = [
    count(diagram.primaries.length, 'primary driver', 'primary drivers'),
    count(diagram.secondaries.length, 'secondary driver', 'secondary drivers'),
    count(diagram.changeIdeas.length, 'change idea', 'change ideas'),
  ];
  const aim = diagram.aim ? 'The aim, on the left, is reached through' : 'There is no aim yet. The diagram has';
  return `Driver diagram. ${aim} ${parts[0]}, ${parts[1]} and ${parts[2]}, joined by lines from left to right. The same diagram follows as a list.`;
}
