// `sipp plan [--cycle N] [--intervention <n>] [--comparison <n>] [--correlation <r>] [--json]`: before any data is
// collected, which breakdowns briefings will hide as [c] and the smallest effect the planned comparison can detect.
// The planned groups come from the cycle's question.yaml (`plannedGroups`) or the flags. Informational: exit 0;
// exit 1 when nothing says how many learners are planned; exit 2 for a flag that is not a number.
import type { CliContext } from './context.js';
import { EXIT, refusal, usageError } from '../core/problems.js';
import { recordOf } from '../core/records/cycle-data.js';
import { cycleNamed } from '../core/records/select-cycles.js';
import { cycleSettings } from '../core/records/settings.js';
import { planReport, type PlanReport, type PlannedBreakdown } from '../core/plan/plan.js';
import { splitProblems, type PlannedGroup } from '../core/plan/split.js';
import { roundTo } from '../core/words.js';
import { openProject } from '../project/open.js';
import { styles } from './style.js';
import { wrap } from './text.js';

export interface PlanOptions {
  cycle?: string;
  intervention?: string;
  comparison?: string;
  correlation?: string;
  json?: boolean;
}

export async function run(ctx: CliContext, opts: PlanOptions): Promise<number> {
  const flags = {
    intervention: opts.intervention === undefined ? undefined : count('--intervention', opts.intervention),
    comparison: opts.comparison === undefined ? undefined : count('--comparison', opts.comparison),
    correlation: opts.correlation === undefined ? undefined : correlationOf(opts.correlation),
  };
  const project = openProject(ctx.cwd, {
    need: 'valid',
    refused: { notDone: 'nothing was planned', command: 'sipp plan' },
  });
  const folderOf = (c: (typeof project.cycles)[number]): string => c.source.folder;
  const cycle = opts.cycle === undefined ? project.cycles.at(-1) : cycleNamed(project.cycles, opts.cycle, folderOf);
  const question = cycle ? recordOf(cycle, 'question') : undefined;
  const recorded = question?.plannedGroups;
  const notes: string[] = [];
  const group = (role: 'intervention' | 'comparison'): PlannedGroup | null => {
    const fromRecord = recorded?.[role];
    const n = flags[role];
    if (n === undefined) return fromRecord ?? null;
    if (n === 0 && role === 'comparison') return null;
    // The record's SIMD and free school meal split stays when it fits the number given.
    const kept = fromRecord ? { ...fromRecord, learners: n } : { learners: n };
    if (fromRecord && splitProblems(kept).length > 0) {
      notes.push(
        `The SIMD or free school meal split of the ${role} group in question.yaml adds up to more than --${role} ${n}, so it is left out.`,
      );
      return { learners: n };
    }
    return kept;
  };
  const intervention = group('intervention');
  const comparison = group('comparison');
  if (intervention === null && comparison === null) {
    const where = cycle ? `cycles/${cycle.source.folder}/question.yaml` : 'question.yaml';
    throw refusal(
      `sipp does not know how many learners you plan to compare${cycle ? ` in cycle ${cycle.source.folder}` : ''}.`,
      {
        hint: `Give them with --intervention <n> (and --comparison <n>), or write them in ${where}:\n  plannedGroups:\n    intervention: { learners: 26, simd: [6, 5, 4, 6, 5] }\n    comparison: { learners: 24, simd: [5, 5, 5, 5, 4] }`,
      },
    );
  }
  const settings = cycleSettings(project.settings, question);
  const report = planReport({
    intervention,
    comparison,
    correlation: flags.correlation ?? recorded?.correlation ?? null,
    settings,
  });
  if (opts.json) {
    ctx.out(`${JSON.stringify({ cycle: cycle?.source.folder ?? null, ...report }, null, 2)}\n`);
    return EXIT.ok;
  }
  const from = flags.intervention !== undefined || flags.comparison !== undefined ? 'the flags' : 'question.yaml';
  ctx.out(
    planText(report, { cycle: cycle?.source.folder ?? null, from, notes, marker: settings.equity.marker }, ctx.color),
  );
  return EXIT.ok;
}

function count(flag: string, text: string): number {
  const n = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || !Number.isSafeInteger(n))
    throw usageError(`${flag} "${text}" is not a number of learners: write a whole number, for example ${flag} 24.`);
  return n;
}

function correlationOf(text: string): number {
  const r = Number(text);
  if (text.trim() === '' || !Number.isFinite(r) || r <= -1 || r >= 1)
    throw usageError(
      `--correlation "${text}" is not a correlation: write a number between -1 and 1 (not either), for example --correlation 0.7.`,
    );
  return r;
}

interface PlanContext {
  cycle: string | null;
  from: string;
  notes: readonly string[];
  marker: string;
}

/** The plan for a teacher: what briefings will show and hide, then the smallest effect the design can detect. */
export function planText(report: PlanReport, context: PlanContext, color: boolean): string {
  const c = styles(color);
  const lines: string[] = [];
  const sizes = report.groups
    .filter((g) => g.equity === 'all')
    .map((g) => `${g.n} learner${g.n === 1 ? '' : 's'} in ${g.role === 'all' ? 'the group' : `the ${g.role} group`}`);
  lines.push(
    c.bold(`Plan${context.cycle ? ` for cycle ${context.cycle}` : ''}: ${sizes.join(', ')} (from ${context.from}).`),
  );
  lines.push('', `What briefings will show (groups of fewer than ${report.threshold} learners are hidden as [c]):`);
  const width = Math.max(...report.groups.map((g) => g.name.length));
  for (const g of report.groups)
    lines.push(`  ${g.name.padEnd(width)}  ${String(g.n).padStart(4)}  ${hiddenWords(g, report)}`);
  if (!report.equitySplit && context.marker !== 'none')
    lines.push(
      '',
      wrap(
        `No equity-group breakdown planned: say how many learners of each group live in each SIMD quintile (simd: [q1, q2, q3, q4, q5]) or are registered for free school meals (fsm: n) under plannedGroups in question.yaml to see which breakdowns will be hidden.`,
      ),
    );
  lines.push(
    '',
    wrap(
      `For a yes/no measure a group is also hidden when fewer than ${report.threshold} answer yes, or no: that depends on the answers, so no plan can tell in advance.`,
    ),
  );
  lines.push('');
  if (report.mdes === null) {
    lines.push(
      wrap(
        'No comparison group is planned, so there is no minimum detectable effect: the effect size will be a pre-post change, which is not evidence of impact on its own. Plan a comparison group (--comparison <n>, or plannedGroups.comparison) to see what the design can detect.',
      ),
    );
  } else {
    const months = report.mdesMonths ?? 0;
    const pretest =
      report.correlation && report.correlation !== 0
        ? ` with a pre-test that correlates ${report.correlation} with the outcome`
        : '';
    lines.push(
      wrap(
        `Smallest effect this design can detect${pretest}: ${roundTo(report.mdes, 2).toFixed(2)} (an effect size like Hedges' g; 80% power, 5% two-sided; Bloom 1995), about ${months} month${months === 1 ? '' : 's'} of additional progress (EEF Toolkit). A real effect smaller than this will probably not show up as a clear difference. More learners in each group, or a pre-test (--correlation), make smaller effects detectable.`,
      ),
    );
  }
  for (const note of context.notes) lines.push('', wrap(note));
  return `${lines.join('\n')}\n`;
}

function hiddenWords(group: PlannedBreakdown, report: PlanReport): string {
  if (group.hidden === null) return 'shown';
  if (group.hidden === 'secondary') {
    const small = report.groups
      .filter((g) => g.hidden === 'small-group' || g.hidden === 'small-count')
      .map((g) => g.name);
    return `[c]  so that ${small.join(' and ')} cannot be worked out from it`;
  }
  return `[c]  fewer than ${report.threshold} learners`;
}
