// A yes/no count cannot be larger than the number of learners it is out of.
import type { Problem } from '../../problems.js';
import type { MeasuresRecord, QuestionRecord } from '../../records/model.js';
import { splitProblems } from '../../plan/split.js';
import { dataOf, problemAt, type RuleContext } from './context.js';

export function countWithinNProblems(context: RuleContext): Problem[] {
  return context.source.cycles.flatMap((cycle) => {
    const problems: Problem[] = [];
    const question = context.record(cycle, 'question');
    const planned = question ? dataOf<QuestionRecord>(question).plannedGroups : undefined;
    for (const role of ['intervention', 'comparison'] as const) {
      const group = planned?.[role];
      if (!question || !group) continue;
      for (const { key, message } of splitProblems(group))
        problems.push(problemAt(question, ['plannedGroups', role, key], message, 'count-within-n'));
    }
    const file = context.record(cycle, 'measures');
    if (!file) return problems;
    (dataOf<MeasuresRecord>(file).results ?? []).forEach((result, i) => {
      (result.groups ?? []).forEach((group, j) => {
        for (const when of ['before', 'after'] as const) {
          const figures = group[when];
          if (figures && typeof figures.count === 'number' && figures.count > figures.n) {
            problems.push(
              problemAt(
                file,
                ['results', i, 'groups', j, when, 'count'],
                `\`count\` is ${figures.count} but \`n\` is ${figures.n}: the number of learners who answered yes cannot be more than the number of learners.`,
                'count-within-n',
              ),
            );
          }
        }
      });
    });
    return problems;
  });
}
