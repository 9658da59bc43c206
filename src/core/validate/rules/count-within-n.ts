// A yes/no count cannot be larger than the number of learners it is out of.
import type { Problem } from '../../problems.js';
import type { MeasuresRecord } from '../../records/model.js';
import { dataOf, problemAt, type RuleContext } from './context.js';

export function countWithinNProblems(context: RuleContext): Problem[] {
  return context.source.cycles.flatMap((cycle) => {
    const file = context.record(cycle, 'measures');
    if (!file) return [];
    const problems: Problem[] = [];
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
