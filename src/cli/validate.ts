// `sipp validate`: load the project, check it, print each problem as `path:line:col: message`, set the exit code.
// Everything it reports goes to stdout (the problem lines, then one summary line); stderr is only for sipp
// itself failing (not in a project, an unexpected error). `--json` prints nothing but the JSON array.
import type { CliContext } from './context.js';
import { formatProblem } from './format.js';
import { styles } from './style.js';
import { EXIT, type Problem } from '../core/problems.js';
import { PROJECT_FILE } from '../core/records/model.js';
import { checkProject } from '../project/check.js';

/** What was read: how many cycles, and records in them. */
interface Read {
  cycles: number;
  records: number;
}

export interface ValidateOptions {
  json?: boolean;
  strict?: boolean;
}

export async function run(ctx: CliContext, opts: ValidateOptions): Promise<number> {
  const checked = checkProject(ctx.cwd, { cache: true, lineDates: true });
  const { problems } = checked;
  if (opts.json) ctx.out(`${JSON.stringify(problems.map(toJson), null, 2)}\n`);
  else ctx.out(report(checked, problems, Boolean(opts.strict), ctx.color));
  return exitCode(problems, Boolean(opts.strict));
}

/** 1 when there is an error, or (with --strict) a warning; otherwise 0. */
export function exitCode(problems: readonly Problem[], strict: boolean): number {
  const failing = problems.some((p) => p.severity === 'error' || strict);
  return failing ? EXIT.problems : EXIT.ok;
}

/** The fields of a problem in a fixed order, for `--json`. */
function toJson(p: Problem): Problem {
  return { file: p.file, line: p.line, column: p.column, message: p.message, rule: p.rule, severity: p.severity };
}

/** One line per problem, then a summary line. */
export function report(source: Read, problems: readonly Problem[], strict: boolean, color: boolean): string {
  const lines = problems.map((p) => formatProblem(p, color));
  lines.push(summaryLine(source, problems, strict, color));
  return `${lines.join('\n')}\n`;
}

function summaryLine(source: Read, problems: readonly Problem[], strict: boolean, color: boolean): string {
  const c = styles(color);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  if (errors === 0 && (warnings === 0 || !strict)) {
    const withWarnings = warnings > 0 ? `, with ${count(warnings, 'warning')}` : '';
    return `${c.green('✔')} ${checkedWhat(source)} ${source.cycles === 0 ? 'is' : 'are'} valid${withWarnings}.`;
  }
  const parts = [errors > 0 ? count(errors, 'problem') : '', warnings > 0 ? count(warnings, 'warning') : ''].filter(
    Boolean,
  );
  const files = new Set(problems.map((p) => p.file)).size;
  const strictNote = errors === 0 ? ' (--strict counts warnings as problems)' : '';
  return `${c.red('✖')} ${parts.join(' and ')} in ${count(files, 'file')}${strictNote}.`;
}

/** "sipp.yaml and 2 cycles (10 records)" */
function checkedWhat({ cycles, records }: Read): string {
  if (cycles === 0) return `${PROJECT_FILE} (no cycles yet)`;
  return `${PROJECT_FILE} and ${count(cycles, 'cycle')} (${count(records, 'record')})`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
