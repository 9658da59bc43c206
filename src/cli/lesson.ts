// `sipp lesson add`: appends the next research lesson to a Lesson Study cycle's research-lessons.yaml, carrying
// forward the case pupils, their observers and what the last post-lesson discussion asked to change.
import path from 'node:path';
import type { CliContext } from './context.js';
import { isPromptCancelled } from './prompts.js';
import { styles } from './style.js';
import { wrap } from './text.js';
import { EXIT, usageError } from '../core/problems.js';
import { recordOf } from '../core/records/cycle-data.js';
import { dateInWords } from '../core/words.js';
import { createSchemaValidator } from '../core/validate/validator.js';
import type { CycleData } from '../core/method/contract.js';
import { findMethod } from '../methods/registry.js';
import type { NextLesson } from '../methods/lesson-study/add-lesson.js';
import { lessonCycle, planLesson } from '../methods/lesson-study/plan-lesson.js';
import { codesInWords } from '../methods/lesson-study/records.js';
import { readSchemas } from '../project/assets.js';
import { openProject } from '../project/open.js';
import { withProjectLock } from '../project/lock.js';
import { writeAtomic } from '../project/write.js';

export interface AddOptions {
  cycle?: string;
  date?: string;
  yes?: boolean;
}

export async function runAdd(ctx: CliContext, opts: AddOptions): Promise<number> {
  const givenDate = opts.date === undefined ? undefined : checkedDate(opts.date, '--date');
  const { root, problems, cycles } = openProject(ctx.cwd, { need: 'readable' });
  const chosen = lessonCycle(cycles, problems, opts.cycle, (id) => findMethod(id)?.name ?? id);
  const date = givenDate ?? (ctx.interactive && !opts.yes ? await askDate(ctx, chosen.lessons.length + 1) : null);
  if (date === false) return EXIT.problems;

  const validator = createSchemaValidator(readSchemas());
  // Read again under the project lock: another sipp may have added a lesson while the date was asked.
  const { plan, cycle } = await withProjectLock(root, async () => {
    const again = openProject(ctx.cwd, { need: 'readable' });
    const current = lessonCycle(
      again.cycles,
      again.problems,
      chosen.cycle.source.folder,
      (id) => findMethod(id)?.name ?? id,
    );
    const plan = planLesson(current, date, (schemaFile, data) => validator.validate(schemaFile, data).length === 0);
    await writeAtomic(root, path.join(root, plan.relative), plan.text);
    return { plan, cycle: current.cycle };
  });
  ctx.out(addedText(ctx, root, cycle, plan.relative, plan.next));
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

/** Asks for the day of the lesson; null when left blank, false when the teacher pressed Ctrl-C. */
async function askDate(ctx: CliContext, number: number): Promise<string | null | false> {
  const { input } = ctx.prompts;
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

function addedText(ctx: CliContext, root: string, cycle: CycleData, relative: string, next: NextLesson): string {
  const c = styles(ctx.color);
  const file = path.relative(ctx.cwd, path.join(root, relative)) || relative;
  const codes = next.observers.map(([code]) => code);
  const title = recordOf(cycle, 'question')?.title?.trim();
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
