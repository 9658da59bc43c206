// What every command gets from the entry point: where it runs, whether it may ask questions, and where to print.
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
}

/** Colour on a terminal; NO_COLOR turns it off and FORCE_COLOR on (https://no-color.org). */
export function colorWanted(env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY && env.TERM !== 'dumb';
}
