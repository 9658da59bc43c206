// What `sipp data import` reports after a successful import: what was read, which figures were written
// (small groups marked as briefings will show them), and where the raw table went.
import type { AggregatedGroup, AggregatedSeries, EquityDefinition, Figures } from './aggregate.js';
import type { ColumnIndexes, SeriesForm } from './columns.js';
import { COLUMN_ROLES } from './columns.js';
import type { Imported } from './inspect.js';
import { columnLabel, type Table } from './table.js';

export interface SummaryFacts {
  file: string;
  cycleFolder: string;
  measure: string;
  table: Pick<Table, 'headings'>;
  columns: ColumnIndexes;
  inspection: Imported;
  threshold: number;
  equity: EquityDefinition;
  privateCopy: { relative: string; alreadyThere: boolean };
  measuresFile: string;
  addedMeasure: boolean;
  kindAdded: boolean;
  replaced: number;
}

export function importSummary(facts: SummaryFacts): string[] {
  const { inspection: result } = facts;
  const what =
    result.shape === 'series'
      ? `${plural(result.rowsRead, 'row')} of a dated series`
      : plural(result.rowsRead, 'learner');
  const kind = result.kind === 'yes-no' ? 'yes/no' : 'scores';
  const lines = [
    `Read ${what} from ${facts.file} for measure ${facts.measure} (${kind}) in cycle ${facts.cycleFolder}.`,
    `Columns: ${columnsUsed(facts.table, facts.columns)}.`,
  ];
  if (result.shape === 'series') lines.push(FORM_WORDS[result.seriesForm ?? 'learners']);
  lines.push(
    ...(result.shape === 'series'
      ? seriesLines(result.series, facts.threshold)
      : groupLines(result.groups, facts.threshold)),
  );
  lines.push(...missingLines(result));
  if (result.shape === 'scores') lines.push(...equityLines(facts.equity, facts.columns));
  const copy = facts.privateCopy.alreadyThere
    ? `The raw table was already in ${facts.privateCopy.relative} (the same file was imported before).`
    : `Copied the raw table to ${facts.privateCopy.relative} (Git ignores data/private/; keep the project folder on storage your school approves).`;
  lines.push(copy);
  const entries = result.shape === 'series' ? 'series' : 'results';
  const change =
    facts.replaced > 0
      ? `replaced the earlier ${entries} of ${facts.measure}`
      : `added the ${entries} of ${facts.measure}`;
  lines.push(`Updated ${facts.measuresFile}: ${change} (aggregated figures only).`);
  if (facts.addedMeasure)
    lines.push(
      `Added the measure ${facts.measure} to measures.yaml with its id as its name: give it a proper name, unit and type there.`,
    );
  if (facts.kindAdded)
    lines.push(`Set \`kind: yes-no\` on ${facts.measure} in measures.yaml: its values are yes/no answers.`);
  return lines;
}

function columnsUsed(table: Pick<Table, 'headings'>, columns: ColumnIndexes): string {
  return COLUMN_ROLES.flatMap((role) => {
    const index = columns[role];
    return index === undefined ? [] : [`${role} = ${columnLabel(table, index)}`];
  }).join(', ');
}

function groupLines(groups: readonly AggregatedGroup[], threshold: number): string[] {
  const width = Math.max(...groups.map((g) => g.name.length));
  const lines = ['Figures written, per group (n before -> after):'];
  const small = groups.filter((g) => g.suppressed === 'small-group' || g.suppressed === 'small-count');
  for (const group of groups) {
    const counts = [group.before, group.after].filter((f): f is Figures => f !== undefined);
    const n = counts.map((f) => String(f.n)).join(' -> ');
    lines.push(
      `  ${group.name.padEnd(width)}  ${group.suppressed ? 'left out' : `n ${n}`}${noteOf(group, small, threshold)}`,
    );
  }
  if (small.length > 0) {
    lines.push(
      `Groups left out are written as \`suppressed: true\` with no figures, so measures.yaml is safe to share; briefings show them as [c]. What forced it: ${small.map((g) => smallWords(g, threshold)).join('; ')}. With ${threshold} or more learners in ${small.length === 1 ? 'that group' : 'each of those groups'} (and answering each way, for yes/no), their figures would be written.`,
    );
  }
  return lines;
}

function noteOf(group: AggregatedGroup, small: readonly AggregatedGroup[], threshold: number): string {
  if (group.suppressed === 'secondary')
    return `  (so that ${small.map((g) => g.name).join(' and ')} cannot be worked out from it)`;
  if (group.suppressed === 'small-count') return `  (fewer than ${threshold} answered yes, or no)`;
  if (group.suppressed) return `  (fewer than ${threshold} learners)`;
  return '';
}

/** "3 learners in SIMD 3-5: fewer than 5", or for a yes/no count "fewer than 5 in SIMD 3-5 answered yes or no". */
function smallWords(group: AggregatedGroup, threshold: number): string {
  const ns = [group.before, group.after].flatMap((f) => (f && f.n > 0 ? [f.n] : []));
  if (group.suppressed === 'small-count') return `fewer than ${threshold} in ${group.name} answered yes, or no`;
  const n = Math.min(...ns);
  return `${plural(n, 'learner')} in ${group.name}: fewer than ${threshold}`;
}

/** How each form of series was read, for the first line of the summary (issue 12: say which form it read). */
const FORM_WORDS: Record<SeriesForm, string> = {
  learners: "The table has a row per learner per date: sipp worked out each date's figure from the learners' values.",
  values: 'The table has a figure per date (date and value), already worked out: sipp wrote the values as they are.',
  counts:
    'The table has how many answered yes out of n per date (date, yes and n): sipp wrote each as the percentage of n.',
};

function seriesLines(series: readonly AggregatedSeries[], threshold: number): string[] {
  const lines = ['Series written:'];
  let withoutN = false;
  for (const s of series) {
    const ns = s.points.flatMap((p) => (p.n === null ? [] : [p.n]));
    if (ns.length < s.points.length) withoutN = true;
    const range =
      ns.length === 0
        ? 'no n'
        : Math.min(...ns) === Math.max(...ns)
          ? `n ${ns[0]}`
          : `n ${Math.min(...ns)} to ${Math.max(...ns)}`;
    const small = s.points.filter((p) => p.suppressed).length;
    const note =
      small > 0
        ? `; ${plural(small, 'date')} with fewer than ${threshold} learners (or answering yes or no) written as \`suppressed: true\` with no value, shown as gaps in charts`
        : '';
    lines.push(
      `  ${s.group}: ${plural(s.points.length, 'date')} (${s.points[0]?.date} to ${s.points.at(-1)?.date}), ${range} per date${note}`,
    );
  }
  if (withoutN)
    lines.push(
      `The table gives no number of learners (n) for some dates, so sipp cannot check those figures for small groups: make sure each rests on at least ${threshold} learners, or add an n column and import again.`,
    );
  return lines;
}

function missingLines(result: Imported): string[] {
  const lines: string[] = [];
  for (const time of ['before', 'after'] as const) {
    const n = result.missing[time];
    if (n > 0)
      lines.push(
        `${plural(n, 'learner')} with no ${time} value ${n === 1 ? 'is' : 'are'} left out of the ${time} figures.`,
      );
  }
  if (result.missing.value > 0)
    lines.push(
      `${plural(result.missing.value, 'row')} with no value ${result.missing.value === 1 ? 'is' : 'are'} left out of their date's figure.`,
    );
  if (result.unknownMarker.simd > 0)
    lines.push(
      `${plural(result.unknownMarker.simd, 'learner')} with no SIMD quintile ${result.unknownMarker.simd === 1 ? 'is' : 'are'} counted in the whole-group figures only.`,
    );
  if (result.unknownMarker.fsm > 0)
    lines.push(
      `${plural(result.unknownMarker.fsm, 'learner')} with no free school meal answer ${result.unknownMarker.fsm === 1 ? 'is' : 'are'} counted in the whole-group figures only.`,
    );
  return lines;
}

/** Why there are no equity-group figures, when there are none. */
function equityLines(equity: EquityDefinition, columns: ColumnIndexes): string[] {
  if (equity.marker === 'none') {
    return [
      'No equity-group figures: the equity group in sipp.yaml is not defined by SIMD quintiles or free school meals.',
    ];
  }
  const [role, words] =
    equity.marker === 'simd-quintile'
      ? (['simd', 'SIMD quintiles'] as const)
      : (['fsm', 'free school meal registration'] as const);
  if (columns[role] !== undefined) return [];
  return [
    `No equity-group figures: the table has no ${role} column (${words}). If it has one under another heading, import again with --columns ${role}="<heading>".`,
  ];
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
