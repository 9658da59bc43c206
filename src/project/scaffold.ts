// Making a new project and a new cycle on disk: every file planned first, then written together or not at all.
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { refusal, usageError } from '../core/problems.js';
import { newRecordText } from '../core/records/document.js';
import {
  CORE_RECORDS,
  CYCLES_DIR,
  CYCLE_FOLDER,
  CYCLE_LIMIT_MESSAGE,
  MAX_CYCLE_NUMBER,
  PRIVATE_DATA_DIR,
  PROJECT_FILE,
  PROJECT_TEMPLATES_DIR,
  SCHEMA_COPY_DIR,
  cyclePrefix,
  nextCycleNumber,
  recordFile,
  schemaFileOf,
  type ProjectFile,
} from '../core/records/model.js';
import {
  applyAnswers,
  cycleFolderName,
  initialCycleRecords,
  initialProjectData,
  type CycleStart,
  type InitAnswers,
} from '../core/records/scaffold.js';
import type { Method } from '../core/method/contract.js';
import { readSchemas, schemaFilesFor } from './assets.js';
import { findProjectRoot } from './find-root.js';
import { listCycleFolders } from './load.js';
import { withProjectLock } from './lock.js';
import { exampleItems } from './example-records.js';
import { localToday } from './clock.js';
import { gitAvailable, initRepositoryWithCommit, insideGitRepository } from './git.js';
import {
  gitignoreAdditions,
  gitignoreText,
  privateGitignoreText,
  privateReadmeText,
  projectReadmeText,
  templatesReadmeText,
} from './scaffold-texts.js';
import { writeAtomic, writeNewFiles } from './write.js';

/** What happened about Git when the project was made. */
export type GitOutcome =
  | { kind: 'created' }
  | { kind: 'skipped' }
  | { kind: 'inside-repository' }
  | { kind: 'not-installed' }
  | { kind: 'failed'; message: string };

export interface InitOutcome {
  root: string;
  /** Files sipp wrote, relative to the root, in the order written. */
  written: string[];
  /** Files that already existed and were left as they were (a README.md the team already had). */
  kept: string[];
  gitignore: 'created' | 'updated' | 'unchanged';
  git: GitOutcome;
}

/**
 * Refuses, before any question is asked, to start a project where one exists: in the folder itself, or in a
 * folder above it (a project inside another would be found instead of it by every command run in it).
 */
export function checkCanInit(dir: string): void {
  if (existsSync(dir) && !statSync(dir).isDirectory()) {
    throw usageError(`${dir} is a file, not a folder. Give sipp init a folder to start the project in.`);
  }
  if (existsSync(path.join(dir, PROJECT_FILE))) {
    throw refusal(`There is already a sipp project in ${dir} (it has a ${PROJECT_FILE}). Nothing was changed.`, {
      hint: 'Run `sipp status` to see where it stands, or `sipp cycle` to start its next cycle.',
    });
  }
  const outer = findProjectRoot(path.dirname(dir));
  if (outer) {
    throw refusal(
      `${dir} is inside the sipp project in ${outer}. A project cannot hold another project. Nothing was changed.`,
      {
        hint: 'Start the new project in a folder outside it, or add a cycle to that project with `sipp cycle`.',
      },
    );
  }
}

/** Files that document a folder: written when missing, left alone when the team already has one. */
const OPTIONAL = new Set([
  'README.md',
  `${CYCLES_DIR}/.gitkeep`,
  `${PRIVATE_DATA_DIR}/README.md`,
  `${PRIVATE_DATA_DIR}/.gitignore`,
  `${PROJECT_TEMPLATES_DIR}/README.md`,
]);

export function projectFiles(answers: InitAnswers): Map<string, string> {
  const data = initialProjectData(answers);
  const schemas = readSchemas();
  const files = new Map<string, string>();
  const sippSchema = schemaFileOf('sipp');
  const text = newRecordText(
    data as unknown as Record<string, unknown>,
    schemas.get(sippSchema) ?? {},
    `${SCHEMA_COPY_DIR}/${sippSchema}`,
    schemas,
  );
  files.set(PROJECT_FILE, withTeamExample(text, data.partnership?.schools?.[0]?.name));
  for (const [file, absolute] of schemaFilesFor(data.method)) {
    files.set(`${SCHEMA_COPY_DIR}/${file}`, readFileSync(absolute, 'utf8'));
  }
  files.set(`${CYCLES_DIR}/.gitkeep`, '');
  files.set(`${PRIVATE_DATA_DIR}/.gitignore`, privateGitignoreText());
  files.set(`${PRIVATE_DATA_DIR}/README.md`, privateReadmeText(data.suppressionThreshold ?? 5));
  files.set(`${PROJECT_TEMPLATES_DIR}/README.md`, templatesReadmeText());
  files.set(
    'README.md',
    projectReadmeText({
      title: data.title,
      partnership: data.partnership?.name ?? null,
      programme: data.partnership?.programme ?? null,
    }),
  );
  return files;
}

/** An empty list is the hardest answer to start in YAML: show the shape of one entry under `team: []`. */
function withTeamExample(text: string, school: string | undefined): string {
  const example = [
    '# Replace [] with one entry per person (roles: lead, member, facilitator, researcher), for example:',
    '#   - name: Ms Ahmed',
    '#     role: lead',
    ...(school ? [`#     school: ${school.replace(/\s+/g, ' ')}`] : []),
  ];
  return text.replace(/^team: \[\]$/m, ['team: []', ...example, ''].join('\n'));
}

export async function scaffoldProject(dir: string, answers: InitAnswers, opts: { git: boolean }): Promise<InitOutcome> {
  checkCanInit(dir);
  const createdRoot = !existsSync(dir);
  try {
    mkdirSync(dir, { recursive: true });
    // Checked again under the lock: another sipp init may have finished in this folder meanwhile.
    return await withProjectLock(dir, async () => {
      checkCanInit(dir);
      return await writeProject(dir, answers, opts);
    });
  } catch (e) {
    if (createdRoot) rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

async function writeProject(dir: string, answers: InitAnswers, opts: { git: boolean }): Promise<InitOutcome> {
  const planned = projectFiles(answers);
  const kept = [...planned.keys()].filter((rel) => OPTIONAL.has(rel) && existsSync(path.join(dir, rel)));
  for (const rel of kept) planned.delete(rel);

  const gitignorePath = path.join(dir, '.gitignore');
  const existingGitignore = existsSync(gitignorePath) ? readFileSync(gitignorePath, 'utf8') : undefined;
  const additions = existingGitignore === undefined ? '' : gitignoreAdditions(existingGitignore);
  if (existingGitignore === undefined) planned.set('.gitignore', gitignoreText());

  const written = await writeNewFiles(dir, planned);
  try {
    if (additions) await writeAtomic(dir, gitignorePath, existingGitignore + additions);
  } catch (e) {
    for (const rel of written) rmSync(path.join(dir, rel), { force: true });
    throw e;
  }
  const gitignore = existingGitignore === undefined ? 'created' : additions ? 'updated' : 'unchanged';
  const git = opts.git
    ? firstCommit(dir, [...written, ...(gitignore === 'updated' ? ['.gitignore'] : [])], answers.title)
    : ({ kind: 'skipped' } as const);
  return { root: dir, written, kept, gitignore, git };
}

/** `git init` and a first commit of only the files sipp wrote: anything else in the folder may be private. */
function firstCommit(dir: string, files: string[], title: string): GitOutcome {
  if (!gitAvailable()) return { kind: 'not-installed' };
  if (insideGitRepository(dir)) return { kind: 'inside-repository' };
  try {
    initRepositoryWithCommit(dir, files, `Start the enquiry project "${title.trim()}" with sipp init`);
    return { kind: 'created' };
  } catch (e) {
    const stderr = (e as { stderr?: string }).stderr?.trim();
    return { kind: 'failed', message: stderr || (e as Error).message };
  }
}

export interface CycleOutcome {
  number: number;
  /** Folder name, e.g. `02-paired-reading`. */
  folder: string;
  /** Folder relative to the project root, e.g. `cycles/02-paired-reading`. */
  dir: string;
  files: string[];
  /** The data written, by record name. */
  records: Map<string, Record<string, unknown>>;
  /** Schema copies added to .sipp/schemas/ because the project had none for this method yet. */
  schemaCopies: string[];
  title: string;
}

/** The data of each record of a new cycle (the five core ones, then the method's own), by record name. */
export function cycleRecords(
  project: ProjectFile,
  start: CycleStart,
  method: Method,
): Map<string, Record<string, unknown>> {
  const records: Record<string, object> = {
    ...initialCycleRecords(project, { ...start, answers: {} }),
    ...(method.scaffoldExtra?.(project) ?? {}),
  };
  applyAnswers(records, method.cyclePrompts, start.answers);
  const names = [...CORE_RECORDS, ...method.extraRecords.map((r) => r.name)];
  return new Map(names.map((name) => [name, (records[name] ?? {}) as Record<string, unknown>]));
}

/** The text of each record of a new cycle, with an example item under each empty list from the method's example. */
export function cycleFiles(
  dir: string,
  records: ReadonlyMap<string, Record<string, unknown>>,
  method: string,
): Map<string, string> {
  const schemas = readSchemas();
  const files = new Map<string, string>();
  for (const [name, data] of records) {
    const schemaFile = schemaFileOf(name);
    const schemaPath = `${path.posix.relative(dir, SCHEMA_COPY_DIR)}/${schemaFile}`;
    const examples = exampleItems(method, name);
    files.set(
      `${dir}/${recordFile(name)}`,
      newRecordText(data, schemas.get(schemaFile) ?? {}, schemaPath, schemas, examples),
    );
  }
  return files;
}

/**
 * The copies of a method's schemas a project does not have yet (its first cycle of another method than the
 * project's), so that the new records' `$schema` lines resolve; existing copies are the team's and stay.
 */
function missingSchemaCopies(root: string, method: string): Map<string, string> {
  const missing = new Map<string, string>();
  for (const [file, absolute] of schemaFilesFor(method)) {
    const copy = `${SCHEMA_COPY_DIR}/${file}`;
    if (!existsSync(path.join(root, copy))) missing.set(copy, readFileSync(absolute, 'utf8'));
  }
  return missing;
}

/**
 * A prediction given when the cycle starts was written today: record the day in question.yaml's
 * `predictionDate`, so that `sipp validate` can later show it came before the data (the prediction-first rule).
 */
export function withPredictionDate(start: CycleStart, day: string): CycleStart {
  const prediction = start.answers['prediction']?.trim();
  if (!prediction || start.answers['predictionDate']) return start;
  return { ...start, answers: { ...start.answers, predictionDate: day } };
}

/**
 * Writes a new cycle's records (and the schema copies its method needs), all or nothing, under the project lock.
 * The number is chosen under the lock, from the cycle folders there are then, so two sipps started at the same
 * moment never take the same one; `startFor` gives the folder's slug and the cycle's start for that number.
 */
export async function scaffoldCycle(
  root: string,
  startFor: (number: number) => { slug: string; start: CycleStart },
  project: ProjectFile,
  method: Method,
): Promise<CycleOutcome> {
  return withProjectLock(root, async () => {
    const number = nextCycleNumber(listCycleFolders(root).map((folder) => ({ number: cycleNumberOf(folder) })));
    // Another sipp may have taken the last number since the command checked.
    if (number > MAX_CYCLE_NUMBER) throw refusal(`${CYCLE_LIMIT_MESSAGE} Nothing was written.`);
    const { slug, start } = startFor(number);
    const folder = cycleFolderName(cyclePrefix(number), slug);
    const dir = `${CYCLES_DIR}/${folder}`;
    const records = cycleRecords(project, withPredictionDate(start, localToday()), method);
    const planned = cycleFiles(dir, records, method.id);
    const copies = missingSchemaCopies(root, method.id);
    const written = await writeNewFiles(root, new Map([...planned, ...copies]));
    const files = written.filter((file) => planned.has(file));
    const schemaCopies = written.filter((file) => copies.has(file));
    return { number, folder, dir, files, records, schemaCopies, title: start.title };
  });
}

/** The number of a cycle folder (`03-paired-reading` is 3), or null when it does not start with one. */
function cycleNumberOf(folder: string): number | null {
  const match = CYCLE_FOLDER.exec(folder);
  return match ? Number(match[1]) : null;
}
