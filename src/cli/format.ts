// Printing problems and errors the same way in every command.
import type { Problem, SippError } from '../core/problems.js';
import { styles } from './style.js';

/** `path:line:col: message`, with `warning:` before a warning's message. */
export function formatProblem(p: Problem, color: boolean): string {
  const c = styles(color);
  const where = c.bold(`${p.file}:${p.line}:${p.column}:`);
  const label = p.severity === 'warning' ? `${c.yellow('warning:')} ` : '';
  return `${where} ${label}${p.message}`;
}

export function problemSummary(problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const parts = [];
  if (errors > 0) parts.push(`${errors} problem${errors === 1 ? '' : 's'}`);
  if (warnings > 0) parts.push(`${warnings} warning${warnings === 1 ? '' : 's'}`);
  return parts.join(' and ');
}

export function formatError(e: SippError, color: boolean): string {
  const c = styles(color);
  const place = e.place?.file
    ? `${[e.place.file, e.place.line, e.place.column].filter((x) => x !== undefined).join(':')}: `
    : '';
  const lines = [`${c.red('sipp:')} ${place}${e.message}`];
  for (const p of e.problems) lines.push(formatProblem(p, color));
  if (e.hint) lines.push(c.dim(e.hint));
  return lines.join('\n');
}

/** Warnings of a command that goes on despite them, on stderr so that stdout stays clean for --json. */
export function printWarnings(
  ctx: { err: (text: string) => void; color: boolean },
  problems: readonly Problem[],
): void {
  for (const warning of problems) if (warning.severity === 'warning') ctx.err(`${formatProblem(warning, ctx.color)}\n`);
}
