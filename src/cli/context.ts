// What every command gets from the entry point: where it runs, whether it may ask questions, how it asks them, and
// where to print. Prompts come through here (as in create-astro), so tests answer them with plain values.
import type { checkbox, confirm, input, select } from '@inquirer/prompts';

/** The questions a command may ask (inquirer's, by default); each rejects with ExitPromptError on Ctrl-C. */
export interface Prompts {
  input: (config: Parameters<typeof input>[0]) => Promise<string>;
  confirm: (config: Parameters<typeof confirm>[0]) => Promise<boolean>;
  select: <Value>(config: Parameters<typeof select<Value>>[0]) => Promise<Value>;
  checkbox: <Value>(config: Parameters<typeof checkbox<Value>>[0]) => Promise<Value[]>;
}

/** inquirer's prompts, loaded only when a question is asked (start-up stays fast). */
export const inquirerPrompts: Prompts = {
  input: async (config) => (await import('@inquirer/prompts')).input(config),
  confirm: async (config) => (await import('@inquirer/prompts')).confirm(config),
  select: async (config) => (await import('@inquirer/prompts')).select(config),
  checkbox: async (config) => (await import('@inquirer/prompts')).checkbox(config),
};
export interface CliContext {
  /** The folder the command runs in (after `-C`). */
  cwd: string;
  debug: boolean;
  /** Whether prompts may be shown: stdin and stdout are terminals. */
  interactive: boolean;
  /** Whether output may be coloured. */
  color: boolean;
  out: (text: string) => void;
  err: (text: string) => void;
  prompts: Prompts;
}

/** Colour on a terminal; NO_COLOR turns it off and FORCE_COLOR on (https://no-color.org). */
export function colorWanted(env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY && env.TERM !== 'dumb';
}
