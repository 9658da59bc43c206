// Problems found in a project, and user errors: values with a place and an exit code, never stack traces.

export type Severity = 'error' | 'warning';

/** One thing wrong in the project, at a place a teacher can open in an editor. */
export interface Problem {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  message: string;
  /** A stable id for the kind of problem, e.g. `unknown-key`, `type`, `measure-defined`. */
  rule: string;
  severity: Severity;
}

export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export interface ErrorPlace {
  file?: string;
  line?: number;
  column?: number;
}

/** An error the user can act on: printed as a message, never with a stack trace (unless --debug). */
export class SippError extends Error {
  readonly exitCode: ExitCode;
  readonly place: ErrorPlace | undefined;
  readonly hint: string | undefined;
  readonly problems: Problem[];

  constructor(message: string, opts: { exitCode?: ExitCode; place?: ErrorPlace; hint?: string; problems?: Problem[] } = {}) {
    super(message);
    this.name = 'SippError';
    this.exitCode = opts.exitCode ?? EXIT.problems;
    this.place = opts.place;
    this.hint = opts.hint;
    this.problems = opts.problems ?? [];
  }
}

/** The command was called wrongly (exit 2). */
export function usageError(message: string, hint?: string): SippError {
  return new SippError(message, { exitCode: EXIT.usage, ...(hint ? { hint } : {}) });
}

/** sipp refuses to act, changing nothing (exit 1). */
export function refusal(message: string, opts: { place?: ErrorPlace; hint?: string; problems?: Problem[] } = {}): SippError {
  return new SippError(message, { exitCode: EXIT.problems, ...opts });
}

export function isSippError(e: unknown): e is SippError {
  return e instanceof SippError;
}

/** Sort problems by file, then line, then column, so output is stable. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file, 'en') || a.line - b.line || a.column - b.column || a.message.localeCompare(b.message, 'en'),
  );
}
