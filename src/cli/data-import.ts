// `sipp data import <file> --cycle <n> --measure <id>`: check a class table, refuse personal data and bad cells,
// copy the raw file into git-ignored data/private/, and write only aggregated figures into measures.yaml.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { CliContext } from './context.js';
import { columnsOf, headingList } from './data-import-columns.js';
import { isPromptCancelled } from './prompts.js';
import { EXIT, refusal, usageError } from '../core/problems.js';
import { CYCLES_DIR, PROJECT_FILE, recordFile, type ProjectFile, type QuestionRecord } from '../core/records/model.js';
import { createSchemaValidator } from '../core/validate/validator.js';
import { cycleSettings, projectSettings, type CycleSettings } from '../core/records/settings.js';
import { parseColumnMapping } from '../core/data/columns.js';
import { cycleNamed } from '../core/records/select-cycles.js';
import { unknownAllowedHeadings, type Imported, type Refused } from '../core/data/inspect.js';
import { cappedLines, cellProblemLine, personalDataLine } from '../core/data/messages.js';
import { personalDataWords } from '../core/data/personal-data.js';
import { importSummary } from '../core/data/summary.js';
import { columnLabel, type Table } from '../core/data/table.js';
import { readSchemas } from '../project/assets.js';
import { requireProjectRoot } from '../project/find-root.js';
import { listCycleFolders } from '../project/load.js';
import { planImport } from '../core/data/import-plan.js';
import { gitignoreChange, privateCopyFor, writeImport } from '../project/private-data.js';
import { readSourceFile } from '../project/read.js';
import { readTableFile, tableFormatOf } from '../project/table.js';
import { withProjectLock } from '../project/lock.js';
import type { ColumnIndexes } from '../core/data/columns.js';

export interface DataImportOptions {
  cycle: string;
  measure: string;
  columns?: string;
  allowColumn?: string[];
  yes?: boolean;
}

const MEASURE_ID = /^[a-z0-9][a-z0-9-]*$/;

export async function run(ctx: CliContext, file: string, opts: DataImportOptions): Promise<number> {
  const root = requireProjectRoot(ctx.cwd);
  if (!MEASURE_ID.test(opts.measure)) {
    throw usageError(
      `"${opts.measure}" is not a measure id: use lower-case letters, digits and hyphens, for example reading-enjoyment.`,
    );
  }
  const mapping = parseColumnMapping(opts.columns);
  const cycleFolder = cycleFolderOf(root, opts.cycle);
  tableFormatOf(file);
  const label = file.replace(/\\/g, '/');
  const { table, bytes, format } = await readTableFile(path.resolve(ctx.cwd, file), label);

  const measuresRelative = `${CYCLES_DIR}/${cycleFolder}/${recordFile('measures')}`;
  // Refusals about the project come before any question: sipp.yaml and measures.yaml must be usable.
  importSettings(root, cycleFolder);
  readMeasuresText(root, measuresRelative);
  const unknownAllowed = unknownAllowedHeadings(table, opts.allowColumn ?? []);
  if (unknownAllowed.length > 0) {
    throw usageError(
      `--allow-column: ${label} has no column headed ${unknownAllowed.map((h) => `"${h}"`).join(', ')}. Its headings are: ${headingList(table)}.`,
    );
  }
  const validator = createSchemaValidator(readSchemas());
  const asOf = new Date().toISOString().slice(0, 10);
  // The plan from the project as it is now: read again under the lock below, in case another sipp changed it.
  const planFrom = (columns: ColumnIndexes) => {
    const settings = importSettings(root, cycleFolder);
    const plan = planImport({
      label,
      table,
      columns,
      measure: opts.measure,
      measuresFile: measuresRelative,
      measuresText: readMeasuresText(root, measuresRelative),
      settings,
      asOf,
      allowColumns: opts.allowColumn ?? [],
      fitsSchema: (schemaFile, data) => validator.validate(schemaFile, data).length === 0,
    });
    return { settings, plan };
  };
  const columns = await columnsOf(ctx, table, mapping, label, Boolean(opts.yes));

  const first = planFrom(columns).plan;
  warnAllowed(ctx, label, table, first.inspection.allowed);
  if (!first.ok) return reportRefusal(ctx, label, table, first.inspection);
  if (first.edit.replaced > 0 && ctx.interactive && !opts.yes) {
    const what = first.inspection.shape === 'series' ? 'series' : 'results';
    if (!(await confirmReplace(ctx, `Replace the earlier ${what} of ${opts.measure} in ${measuresRelative}?`))) {
      return EXIT.problems;
    }
  }

  const done = await withProjectLock(root, async () => {
    const { settings, plan } = planFrom(columns);
    if (!plan.ok) return { ok: false, refused: plan.inspection } as const;
    const copy = privateCopyFor(root, cycleFolder, opts.measure, format, bytes);
    await writeImport(root, {
      gitignore: gitignoreChange(root),
      copy: copy.alreadyThere ? null : { relative: copy.relative, bytes },
      measures: { relative: measuresRelative, text: plan.edit.text },
    });
    return { ok: true, settings, inspection: plan.inspection, edit: plan.edit, copy } as const;
  });
  if (!done.ok) return reportRefusal(ctx, label, table, done.refused);
  const { settings, inspection, edit, copy } = done;
  const lines = importSummary({
    file: label,
    cycleFolder,
    measure: opts.measure,
    table,
    columns,
    inspection,
    threshold: settings.suppressionThreshold,
    equity: settings.equity,
    privateCopy: copy,
    measuresFile: measuresRelative,
    addedMeasure: edit.addedMeasure,
    kindAdded: edit.kindAdded,
    replaced: edit.replaced,
  });
  ctx.out(`${lines.join('\n')}\nNext: run \`sipp validate\`, then \`sipp brief\`.\n`);
  return EXIT.ok;
}

/** measures.yaml's text, refused (exit 1) when it is missing or cannot be read as YAML. */
function readMeasuresText(root: string, relative: string): string {
  if (!existsSync(path.join(root, relative))) {
    throw refusal(`This cycle has no measures.yaml (${relative}). Nothing was written.`, {
      hint: 'Restore it from Git, or copy one from another cycle and clear its figures.',
    });
  }
  const measures = readSourceFile(path.join(root, relative), relative);
  if (measures.problems.length > 0) {
    throw refusal(`${relative} has to be fixed before figures can be added to it. Nothing was written.`, {
      problems: measures.problems,
      hint: 'Run `sipp validate` for details.',
    });
  }
  return measures.text;
}

/** Asks before replacing earlier figures; false (with a note) when the teacher says no or presses Ctrl-C. */
async function confirmReplace(ctx: CliContext, message: string): Promise<boolean> {
  const { confirm } = ctx.prompts;
  try {
    if (await confirm({ message, default: true })) return true;
    ctx.err('Nothing was written.\n');
  } catch (e) {
    if (!isPromptCancelled(e)) throw e;
    ctx.err('Cancelled: nothing was written.\n');
  }
  return false;
}

function cycleFolderOf(root: string, given: string): string {
  return cycleNamed(listCycleFolders(root), given, (folder) => folder);
}

/** The cycle's equity group and the suppression threshold (settings.ts: the one rule every command uses). */
function importSettings(root: string, cycleFolder: string): CycleSettings {
  const project = readSourceFile(path.join(root, PROJECT_FILE), PROJECT_FILE);
  if (project.problems.length > 0) {
    throw refusal(
      `${PROJECT_FILE} has to be fixed first: sipp needs its equity group and suppression threshold. Nothing was written.`,
      {
        problems: project.problems,
      },
    );
  }
  const questionFile = `${CYCLES_DIR}/${cycleFolder}/${recordFile('question')}`;
  const question = readSourceFile(path.join(root, questionFile), questionFile).data as
    Partial<QuestionRecord> | undefined;
  return cycleSettings(projectSettings(project.data as Partial<ProjectFile> | undefined), question);
}

function warnAllowed(ctx: CliContext, label: string, table: Table, allowed: Imported['allowed']): void {
  for (const finding of allowed) {
    ctx.err(
      `warning: ${label}: column ${columnLabel(table, finding.column)} looks like it holds ${personalDataWords(finding.kind)}; importing it anyway because of --allow-column. ` +
        `Nothing from it goes into measures.yaml (only aggregated figures do), but the raw copy in data/private/ keeps it: ` +
        `delete the column from the table if the enquiry does not need it.\n`,
    );
  }
}

function reportRefusal(ctx: CliContext, label: string, table: Table, refused: Refused): number {
  const lines = [
    ...refused.personal.map((f) => personalDataLine(label, table, f)),
    ...refused.cells.map((p) => cellProblemLine(label, p)),
  ];
  const parts: string[] = [];
  if (refused.personal.length > 0)
    parts.push(
      refused.personal.length === 1
        ? 'a column looks like personal data'
        : `${refused.personal.length} columns look like personal data`,
    );
  if (refused.cells.length > 0)
    parts.push(refused.cells.length === 1 ? '1 cell needs fixing' : `${refused.cells.length} cells need fixing`);
  ctx.err(`${cappedLines(lines).join('\n')}\n`);
  ctx.err(`sipp: ${label} was not imported: ${parts.join(', and ')}. Nothing was written.\n`);
  if (refused.personal.length > 0) {
    ctx.err(
      'sipp does not import names, e-mail addresses, dates of birth, candidate numbers, postcodes or addresses. Delete those columns (use codes such as L01 for learners) and export the table again; ' +
        'if a column is not what it looks like, import again with --allow-column "<heading>".\n',
    );
  }
  return EXIT.problems;
}
