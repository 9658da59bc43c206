// `sipp lesson add`: appends the next research lesson to a Lesson Study cycle's research-lessons.yaml, carrying
// forward the case pupils, their observers and what the last post-lesson discussion asked to change.
import path from 'node:path';
import type { CliContext } from './context.js';
import { isPromptCancelled } from './prompts.js';
import { styles } from './style.js';
import { wrap } from './text.js';
import { EXIT, refusal, usageError, type Problem } from '../core/problems.js';
import { cycleNamed } from '../core/records/select-cycles.js';
import { recordFile, type CycleSource } from '../core/records/model.js';
import { parseSource } from '../core/records/source.js';
import { dateInWords } from '../core/words.js';
import { createSchemaValidator } from '../core/validate/validator.js';
import type { CycleData, MethodId } from '../core/method/contract.js';
import { findMethod } from '../methods/registry.js';
import { NotAList, appendLessonText, nextLesson, type NextLesson } from '../methods/lesson-study/add-lesson.js';
import {
  GROUP_RECORD,
  LESSONS_RECORD,
  casePupilCodes,
  codesInWords,
  groupRecordOf,
  lessonsOf,
} from '../methods/lesson-study/records.js';
import { readSchemas } from '../project/assets.js';
import { openProject } from '../project/open.js';
import { writeAtomic } from '../project/write.js';

const LESSON_STUDY: MethodId = 'lesson-study';

export interface AddOptions {
  cycle?: string;
  date?: string;
  yes?: boolean;
}

export async function runAdd(ctx: CliContext, opts: AddOptions): Promise<number> {
  const givenDate = opts.date === undefined ? undefined : checkedDate(opts.date, '--date');
  const { root, problems, cycles } = openProject(ctx.cwd, { need: 'readable' });
  const schemas = readSchemas();
  const cycle = opts.cycle === undefined ? latestLessonStudy(cycles) : namedCycle(cycles, opts.cycle);

  const lessonsFile = `${cycle.source.dir}/${recordFile(LESSONS_RECORD)}`;
  refuseBrokenRecords(cycle.source, problems);
  const codes = casePupilCodes(groupRecordOf(cycle));
  if (codes.length === 0) {
    throw refusal(
      `${cycle.source.dir}/${recordFile(GROUP_RECORD)} has no case pupils yet, so a research lesson cannot be planned for them. Nothing was written.`,
      { hint: 'Add them under casePupils (codes such as A, B and C, never names), then run the command again.' },
    );
  }
  const lessons = lessonsOf(cycle) ?? [];
  const date = givenDate ?? (ctx.interactive && !opts.yes ? await askDate(ctx, lessons.length + 1) : null);
  if (date === false) return EXIT.problems;

  const next = nextLesson(codes, lessons, date);
  const text = newLessonsText(cycle.source, lessonsFile, next, schemas);
  await writeAtomic(path.join(root, lessonsFile), text);
  ctx.out(addedText(ctx, root, cycle, lessonsFile, next));
  return EXIT.ok;
}

/** A date given on the command line, as YYYY-MM-DD, that exists in the calendar. */
function checkedDate(given: string, flag: string): string {
  const value = given.trim();
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const day = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  if (!day || day.toISOString().slice(0, 10) !== value) {
    throw usageError(`${flag} "${given}" is not a date. Write it as YYYY-MM-DD, for example 2026-02-03.`);
  }
  return value;
}

/** The latest cycle whose method is Lesson Study; a refusal when there is none. */
function latestLessonStudy(cycles: readonly CycleData[]): CycleData {
  const found = [...cycles].reverse().find((c) => c.method === LESSON_STUDY);
  if (found) return found;
  throw refusal('This project has no Lesson Study cycle to add a research lesson to. Nothing was written.', {
    hint: 'Start one with `sipp cycle --method lesson-study --research-focus "We want to learn how to improve the way we teach X to Y" --case-pupils A,B,C`.',
  });
}

/** The cycle `--cycle` names (exit 2 when there is none), refused (exit 1) when it is not a Lesson Study cycle. */
function namedCycle(cycles: readonly CycleData[], given: string): CycleData {
  const cycle = cycleNamed(cycles, given, (c) => c.source.folder, 'Start one with `sipp cycle --method lesson-study`.');
  if (cycle.method !== LESSON_STUDY) {
    const name = findMethod(cycle.method)?.name ?? cycle.method;
    throw refusal(
      `Cycle ${cycle.source.folder} is a ${name} cycle, not a Lesson Study cycle, so it has no research lessons. Nothing was written.`,
      {
        hint: 'Give --cycle a Lesson Study cycle, or start one with `sipp cycle --method lesson-study`.',
      },
    );
  }
  return cycle;
}

/** Refuses when lesson-study.yaml or research-lessons.yaml is missing or does not fit its schema. */
function refuseBrokenRecords(cycle: CycleSource, problems: readonly Problem[]): void {
  const files = [GROUP_RECORD, LESSONS_RECORD].map((name) => `${cycle.dir}/${recordFile(name)}`);
  const own = problems.filter((p) => files.includes(p.file) && p.severity === 'error');
  if (own.length === 0) return;
  const broken = [...new Set(own.map((p) => path.posix.basename(p.file)))].join(' and ');
  throw refusal(
    `${broken} ${broken.includes(' and ') ? 'have' : 'has'} problems, so sipp cannot add a research lesson. Nothing was written.`,
    {
      problems: own,
      hint: `Fix ${own.length === 1 ? 'it' : 'them'} and run the command again.`,
    },
  );
}

/** Asks for the day of the lesson; null when left blank, false when the teacher pressed Ctrl-C. */
async function askDate(ctx: CliContext, number: number): Promise<string | null | false> {
  const { input } = await import('@inquirer/prompts');
  try {
    const answer = await input({
      message: `The day research lesson ${number} is taught (YYYY-MM-DD; leave blank if not fixed yet):`,
      validate: (value) => {
        if (value.trim() === '') return true;
        try {
          checkedDate(value, 'The date');
          return true;
        } catch {
          return 'Write the date as YYYY-MM-DD, for example 2026-02-03, or leave it blank.';
        }
      },
    });
    return answer.trim() === '' ? null : answer.trim();
  } catch (e) {
    if (!isPromptCancelled(e)) throw e;
    ctx.err('Cancelled: nothing was written.\n');
    return false;
  }
}

/** research-lessons.yaml with the lesson added, checked to read back and fit the schema before anything is written. */
function newLessonsText(
  cycle: CycleSource,
  relative: string,
  next: NextLesson,
  schemas: ReturnType<typeof readSchemas>,
): string {
  const file = cycle.records.get(LESSONS_RECORD);
  if (!file) throw refusal(`This cycle has no ${recordFile(LESSONS_RECORD)}. Nothing was written.`);
  let text: string;
  try {
    text = appendLessonText(file.text, next);
  } catch (e) {
    if (!(e instanceof NotAList)) throw e;
    throw refusal(`${e.message}, so sipp cannot add a research lesson to it. Nothing was written.`, {
      hint: 'Run `sipp validate` to see where, fix it, and run the command again.',
    });
  }
  // A failure here is a bug in sipp, caught before the teachers' file is touched.
  const written = parseSource(relative, text);
  const schemaFile = `${LESSONS_RECORD}.schema.json`;
  if (written.problems.length > 0 || createSchemaValidator(schemas).validate(schemaFile, written.data).length > 0) {
    throw new Error(`the new ${relative} would not be valid`);
  }
  return text;
}

function addedText(ctx: CliContext, root: string, cycle: CycleData, relative: string, next: NextLesson): string {
  const c = styles(ctx.color);
  const file = path.relative(ctx.cwd, path.join(root, relative)) || relative;
  const codes = next.observers.map(([code]) => code);
  const title = (cycle.records.get('question') as { title?: string | null } | undefined)?.title?.trim();
  const named = next.observers.filter(([, observer]) => observer !== null);
  const lines = [
    `${c.green('Added')} research lesson ${next.number} to cycle ${cycle.source.number ?? cycle.source.folder}${title ? `, ${c.bold(`"${title}"`)}` : ''}, in ${c.bold(file)}:`,
    `  Date: ${next.data.date ? dateInWords(String(next.data.date)) : 'not set yet (write it under date:)'}`,
    named.length > 0
      ? `  Case pupils ${codesInWords(codes)}, with their observers: ${next.observers.map(([code, observer]) => `${code}: ${observer ?? '(none yet)'}`).join(', ')}`
      : `  Case pupils ${codesInWords(codes)}: name an observer for each under observers.`,
  ];
  if (next.stages.length > 0) {
    lines.push(`  The stages of research lesson ${next.number - 1}, to plan again:`);
    for (const stage of next.stages) lines.push(wrap(stage, 100, '      ', '    - '));
  }
  if (next.number > 1) {
    if (next.changes.length > 0) {
      lines.push(
        `  Changed since last time, carried forward from the discussion of research lesson ${next.number - 1}:`,
      );
      for (const change of next.changes) lines.push(wrap(change, 100, '      ', '    - '));
    } else {
      lines.push(
        wrap(
          `The discussion of research lesson ${next.number - 1} recorded no changes for the next lesson: write what you changed under changedSinceLast (sipp validate asks for it).`,
          100,
          '  ',
          '  ',
        ),
      );
    }
  }
  const plan = `Next: plan research lesson ${next.number} together in ${path.posix.basename(relative)}. Write how you predict each case pupil will respond at each stage, and the day you do it under plannedOn, before the lesson is taught${next.number > 1 ? '; edit changedSinceLast to say what you changed' : ''}. Then run \`sipp validate\`.`;
  lines.push('', wrap(plan, 100, '      ', ''), '');
  return lines.join('\n');
}
