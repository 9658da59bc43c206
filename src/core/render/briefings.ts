// Which briefings `sipp brief` makes and their text: one per selected cycle and format, and the overview.
import { usageError } from '../problems.js';
import type { ProjectData } from '../records/scaffold.js';
import { cycleBriefing, type BriefingOptions } from './cycle.js';
import type { CycleBriefing } from './types.js';
import { overviewBriefing, type OverviewCycle } from './overview.js';
import {
  cycleTemplateName,
  overviewTemplateName,
  renderBriefing,
  type BriefingFormat,
  type TemplateSet,
} from './render.js';

export interface RenderedBriefing {
  /** File name in the output folder: `01-paired-reading.md`, `overview.html`. */
  file: string;
  text: string;
}

export const OVERVIEW_NAME = 'overview';

/** The method whose cycle template a briefing uses when its own method has none (CAR is the umbrella method). */
const FALLBACK_TEMPLATE = 'car';

/**
 * The cycles named on the command line, by number (`1`, `01`) or folder name (`01-paired-reading`, also as
 * `cycles/01-paired-reading/`), in project order; all cycles when none is named. A name that matches no cycle
 * is a usage error (exit 2) that lists the cycles there are.
 */
export function selectCycles<T extends OverviewCycle>(cycles: readonly T[], names: readonly string[]): T[] {
  if (names.length === 0) return [...cycles];
  const chosen = new Set<T>();
  const unknown: string[] = [];
  for (const name of names) {
    const match = cycles.filter((c) => matches(c, name));
    if (match.length === 0) unknown.push(name);
    for (const c of match) chosen.add(c);
  }
  if (unknown.length > 0) {
    const list = cycles.map((c) => c.cycle.source.folder);
    throw usageError(
      `There is no cycle ${unknown.map((u) => `"${u}"`).join(' or ')} in this project.`,
      list.length === 0
        ? 'The project has no cycles yet: start one with `sipp cycle`.'
        : `Its cycles are: ${list.join(', ')}. Name a cycle by its number (1) or its folder (${list[0]}).`,
    );
  }
  return cycles.filter((c) => chosen.has(c));
}

function matches(c: OverviewCycle, name: string): boolean {
  const folder = name
    .replace(/\\/g, '/')
    .replace(/^(\.\/)?cycles\//, '')
    .replace(/\/+$/, '');
  if (/^\d+$/.test(folder)) return c.cycle.source.number === Number(folder);
  return c.cycle.source.folder === folder;
}

/** The template a cycle's briefing uses: its method's, a project template named after its method, or CAR's. */
export function cycleTemplateFor(set: TemplateSet, c: OverviewCycle, format: BriefingFormat): string {
  const candidates = [c.method?.template, c.cycle.method, FALLBACK_TEMPLATE].filter((t): t is string => Boolean(t));
  const found = candidates.map((t) => cycleTemplateName(t, format)).find((name) => set.templates.has(name));
  return found ?? cycleTemplateName(candidates[0] ?? FALLBACK_TEMPLATE, format);
}

/** Every briefing to write: the selected cycles' and the overview (of all cycles), in each format. */
export function renderBriefings(
  project: ProjectData,
  cycles: readonly OverviewCycle[],
  selected: readonly OverviewCycle[],
  formats: readonly BriefingFormat[],
  templates: TemplateSet,
  opts: BriefingOptions = {},
): RenderedBriefing[] {
  const out: RenderedBriefing[] = [];
  const made = new Map<OverviewCycle, CycleBriefing>();
  for (const c of selected) {
    const view = cycleBriefing(project, c.cycle, c.method, c.status, opts);
    made.set(c, view);
    for (const format of formats) {
      out.push({
        file: `${c.cycle.source.folder}.${format}`,
        text: renderBriefing(templates, cycleTemplateFor(templates, c, format), view, format),
      });
    }
  }
  const overview = overviewBriefing(
    project,
    cycles.map((c) => ({ ...c, briefing: made.get(c) })),
    opts,
  );
  for (const format of formats) {
    out.push({
      file: `${OVERVIEW_NAME}.${format}`,
      text: renderBriefing(templates, overviewTemplateName(format), overview, format),
    });
  }
  return out;
}
