// Rules that span records: measure ids defined and unique, dates in order, cycle folder numbering, counts.
import type { Problem } from '../problems.js';
import type { ProjectSource } from '../records/model.js';
import { createRuleContext, type Rule } from './rules/context.js';
import { countWithinNProblems } from './rules/count-within-n.js';
import { cycleNumberingProblems } from './rules/cycle-numbering.js';
import { dateOrderProblems } from './rules/date-order.js';
import { measureIdProblems } from './rules/measure-ids.js';
import { smallGroupProblems } from './rules/small-groups.js';
import { personalTextProblems } from './rules/personal-text.js';
import { cutByCommentProblems } from './rules/cut-by-comment.js';

/**
 * Rules within a cycle. Rule ids: `measure-defined`, `measure-unique`, `date-order`, `count-within-n`,
 * `small-group`, `point-value`, `personal-data`, `cut-by-comment`.
 */
const CYCLE_RULES: readonly Rule[] = [measureIdProblems, dateOrderProblems, countWithinNProblems, smallGroupProblems, personalTextProblems, cutByCommentProblems];

/** Rules across cycles, which need only the cycle folders' names. Rule id: `cycle-numbering`. */
const ACROSS_CYCLES_RULES: readonly Rule[] = [cycleNumberingProblems];

/**
 * The rules within a cycle, over the cycles of `source` (one, when a project is checked cycle by cycle). Records
 * with errors already `found` are skipped, so one mistake gives one message.
 */
export function withinCycleProblems(source: ProjectSource, found: readonly Problem[]): Problem[] {
  const context = createRuleContext(source, found);
  return CYCLE_RULES.flatMap((rule) => rule(context));
}

/** The rules across cycles: only the cycles' folder names are read, so `records` may be empty. */
export function acrossCycleProblems(source: ProjectSource, found: readonly Problem[]): Problem[] {
  const context = createRuleContext(source, found);
  return ACROSS_CYCLES_RULES.flatMap((rule) => rule(context));
}
