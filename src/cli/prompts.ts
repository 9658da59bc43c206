// The questions `sipp init` and `sipp cycle` ask on a terminal (inquirer). Answers are only collected here:
// nothing is written until every question has been answered, so Ctrl-C leaves nothing behind.
import type { Prompts } from './context.js';
import type { PromptSpec } from '../core/method/contract.js';
import { listMethods } from '../methods/registry.js';
import {
  EQUITY_MARKERS,
  STAGES,
  answerKey,
  type EquityMarker,
  type InitAnswers,
  type Stage,
} from '../core/records/scaffold.js';
import { DEFAULT_METHOD } from '../core/records/settings.js';

/** What the teacher already gave as flags; those questions are not asked again. */
export interface InitGiven {
  title?: string | undefined;
  partnership?: string | undefined;
  method?: InitAnswers['method'] | undefined;
  schools: readonly string[];
  authorities: readonly string[];
  focus?: string | undefined;
}

/** True for inquirer's error when the person pressed Ctrl-C (or the terminal closed) in a prompt. */
export function isPromptCancelled(e: unknown): boolean {
  return e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError');
}

export async function askInitAnswers(prompts: Prompts, given: InitGiven): Promise<InitAnswers> {
  const { input, select, checkbox } = prompts;
  const title =
    given.title ??
    (await input({
      message: 'Title of the enquiry:',
      required: true,
      validate: (v) => v.trim() !== '' || 'The enquiry needs a title; you can change it later in sipp.yaml.',
    }));
  const partnership = given.partnership ?? (await input({ message: 'Name of the partnership:' }));
  const method =
    given.method ??
    (await select({
      message: 'Enquiry method for new cycles:',
      default: DEFAULT_METHOD as InitAnswers['method'],
      choices: listMethods().map((m) => ({ value: m.id, name: m.name, description: m.summary })),
    }));
  const schools = given.schools.length > 0 ? given.schools : await askList(input, 'School taking part');
  const authorities = given.authorities.length > 0 ? given.authorities : await askList(input, 'Local authority');
  const focus =
    given.focus ?? (await input({ message: 'Improvement focus (for example: reading engagement of P4-P7 learners):' }));
  const stages = await checkbox<Stage>({
    message: 'Stages of the target learners:',
    choices: STAGES.map((s) => ({ value: s, name: s })),
    pageSize: STAGES.length,
  });
  const equityMarker = await select<EquityMarker>({
    message: 'Which learners does the partnership most want to help (the equity group)?',
    default: 'simd-quintile',
    choices: EQUITY_MARKERS.map((m) => ({
      value: m.id,
      name: m.name,
      // Domain reference: free school meals are universal in P1-P5, so registration says less about poverty there.
      ...(m.id === 'free-school-meals'
        ? { description: 'A weaker marker in P1-P5, where every child can have free school meals.' }
        : {}),
    })),
  });
  return { title, partnership, method, schools, authorities, focus, stages, equityMarker };
}

type Input = Prompts['input'];

/** Asks for one name after another until a blank answer. */
async function askList(input: Input, label: string): Promise<string[]> {
  const names: string[] = [];
  for (;;) {
    const hint = names.length === 0 ? ' (one at a time; press Enter on a blank line when done)' : '';
    const blank = names.length === 0 ? '(none for now)' : '(done)';
    const answer = (
      await input({
        message: `${label} ${names.length + 1}${hint}:`,
        transformer: (value, { isFinal }) => (isFinal && value.trim() === '' ? blank : value),
      })
    ).trim();
    if (answer === '') return names;
    if (names.includes(answer)) continue; // the same name twice is a slip, not a second one
    names.push(answer);
  }
}

export interface CycleAnswers {
  title: string;
  answers: Record<string, string>;
}

/** The cycle's title (unless given) and the method's questions (those not given as flags). */
export async function askCycleAnswers(
  prompts: Prompts,
  opts: {
    title?: string | undefined;
    defaultTitle: string;
    given: Record<string, string>;
    prompts: readonly PromptSpec[];
  },
): Promise<CycleAnswers> {
  const { input } = prompts;
  const title = opts.title ?? (await input({ message: 'A short title for this cycle:', default: opts.defaultTitle }));
  const answers: Record<string, string> = { ...opts.given };
  for (const prompt of opts.prompts) {
    const key = answerKey(prompt);
    if (key in answers) continue;
    answers[key] = await input({
      message: prompt.message,
      ...(prompt.default !== undefined ? { default: prompt.default } : {}),
      // inquirer's own word for an empty answer is "You must provide a valid value": say what is needed instead.
      ...(prompt.required
        ? {
            validate: (value: string) =>
              value.trim() !== '' ||
              'This answer is needed to start the cycle: type it (you can change it later in the record), or press Ctrl-C to stop without writing anything.',
          }
        : {}),
    });
  }
  return { title: title.trim() || opts.defaultTitle, answers };
}
