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

/** Rule ids: `measure-defined`, `measure-unique`, `date-order`, `cycle-numbering`, `count-within-n`, `small-group`, `point-value`, `personal-data`, `cut-by-comment`. */
const RULES: readonly Rule[] = [cycleNumberingProblems, measureIdProblems, dateOrderProblems, countWithinNProblems, smallGroupProblems, personalTextProblems, cutByCommentProblems];

/** Problems across records. Records with errors already `found` are skipped, so one mistake gives one message. */
export function crossRecordProblems(source: ProjectSource, found: readonly Problem[]): Problem[] {
  const context = createRuleContext(source, found);
  return RULES.flatMap((rule) => rule(context));
}
