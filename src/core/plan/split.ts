// Checks of a planned group (question.yaml's plannedGroups) that its schema cannot make: the split adds up. Kept
// apart from plan.ts so that validate does not load the planning statistics.
import type { QuestionRecord } from '../records/model.js';

export type PlannedGroup = NonNullable<NonNullable<QuestionRecord['plannedGroups']>['intervention']>;

/** What a planned group's split says that cannot be: more learners in the quintiles (or registered) than in the group. */
export function splitProblems(group: PlannedGroup): { key: 'simd' | 'fsm'; message: string }[] {
  const problems: { key: 'simd' | 'fsm'; message: string }[] = [];
  const inQuintiles = (group.simd ?? []).reduce((sum, n) => sum + n, 0);
  if (inQuintiles > group.learners)
    problems.push({
      key: 'simd',
      message: `\`simd\` adds up to ${inQuintiles} learners, more than the ${group.learners} in the group: each learner is in one quintile at most.`,
    });
  if ((group.fsm ?? 0) > group.learners)
    problems.push({
      key: 'fsm',
      message: `\`fsm\` is ${group.fsm}, more than the ${group.learners} learners in the group.`,
    });
  return problems;
}
