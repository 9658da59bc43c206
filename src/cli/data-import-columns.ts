// Which column holds what for `sipp data import`: the headings and --columns, and on a terminal a question for
// each column sipp needs but cannot find.
import type { CliContext } from './context.js';
import { isPromptCancelled } from './prompts.js';
import { refusal, usageError } from '../core/problems.js';
import {
  missingRoles,
  resolveColumns,
  shapeOf,
  type ColumnIndexes,
  type ColumnMapping,
  type ColumnRole,
} from '../core/data/columns.js';
import { columnLabel, type Table } from '../core/data/table.js';

export function headingList(table: Table): string {
  return table.headings.map((_, i) => columnLabel(table, i)).join(', ');
}

/** Each role's column, from the headings and --columns; missing ones asked for on a terminal, or refused. */
export async function columnsOf(
  ctx: CliContext,
  table: Table,
  mapping: ColumnMapping,
  label: string,
  yes: boolean,
): Promise<ColumnIndexes> {
  const resolved = resolveColumns(table.headings, mapping);
  const notFound = resolved.notFound[0];
  if (notFound) {
    throw usageError(
      `--columns maps ${notFound.role} to "${notFound.heading}", but ${label} has no column headed that. Its headings are: ${headingList(table)}.`,
    );
  }
  const ambiguous = resolved.ambiguous[0];
  if (ambiguous) {
    const which = ambiguous.indexes.map((i) => columnLabel(table, i)).join(' and ');
    throw refusal(`${label} has more than one column that could be ${ambiguous.role}: ${which}. Nothing was written.`, {
      hint: `Say which with --columns ${ambiguous.role}="<heading>".`,
    });
  }
  const columns = resolved.columns;
  const missing = missingRoles(columns, shapeOf(columns));
  if (missing.length === 0) return columns;
  if (ctx.interactive && !yes) return askColumns(ctx, table, columns, missing);
  throw refusal(
    `${label} has no ${missingWords(missing)} column. Its headings are: ${headingList(table)}. Nothing was written.`,
    {
      hint: `Map the headings with --columns, for example --columns ${missing[0]}="<heading>". A table of scores needs learner and before and/or after; a dated series needs learner, date and value (a row per learner), or date and value (a figure per date), or date, yes and n (how many of how many).`,
    },
  );
}

function missingWords(missing: readonly ColumnRole[]): string {
  const both = missing.includes('before') && missing.includes('after');
  const others = missing.filter((r) => !(both && (r === 'before' || r === 'after')));
  const words = [...others.map((r) => `\`${r}\``), ...(both ? ['`before` or `after`'] : [])];
  return words.length === 1 ? (words[0] as string) : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

async function askColumns(
  ctx: CliContext,
  table: Table,
  found: ColumnIndexes,
  missing: readonly ColumnRole[],
): Promise<ColumnIndexes> {
  const { select } = ctx.prompts;
  const columns: ColumnIndexes = { ...found };
  ctx.out(
    `Some columns sipp needs are not under their usual headings. Choose them from the table's headings (Ctrl-C stops without writing anything).\n`,
  );
  try {
    for (const role of missing) {
      const taken = new Set(Object.values(columns));
      const optional = (role === 'before' && missing.includes('after')) || role === 'after';
      const choices = table.headings.flatMap((_, i) =>
        taken.has(i) || table.headings[i] === '' ? [] : [{ value: i, name: columnLabel(table, i) }],
      );
      if (optional) choices.push({ value: -1, name: `(the table has no ${role} column)` });
      const choice = await select<number>({ message: `Which column holds ${ROLE_WORDS[role]}?`, choices });
      if (choice >= 0) columns[role] = choice;
    }
  } catch (e) {
    if (!isPromptCancelled(e)) throw e;
    throw refusal('Cancelled: nothing was written.');
  }
  if (missingRoles(columns, shapeOf(columns)).length > 0)
    throw refusal('A table of scores needs a before or an after column. Nothing was written.');
  return columns;
}

const ROLE_WORDS: Record<ColumnRole, string> = {
  learner: "the learners' codes (learner)",
  group: 'the group (intervention or comparison)',
  simd: 'the SIMD quintile (1-5)',
  fsm: 'free school meal registration (yes/no)',
  before: 'the scores before (before)',
  after: 'the scores after (after)',
  date: 'the dates (date)',
  value: 'the values (value)',
  yes: 'how many answered yes on each date (yes)',
  n: 'how many learners there were on each date (n)',
};
