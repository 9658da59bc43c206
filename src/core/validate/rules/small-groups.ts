// Disclosure control in the records themselves (issue 8): a tracked record must never hold a figure of a group
// under the project's suppressionThreshold, nor one that lets such a group be worked out from the others. sipp
// data import writes records that way; this rule finds figures typed by hand, at their line, with the fix.
import type { Problem } from '../../problems.js';
import type { BaselineRecord, MeasuresRecord, ProjectFile, QuestionRecord } from '../../records/model.js';
import { cycleSettings, projectSettings } from '../../records/settings.js';
import { isPrimarySuppressed } from '../../analysis/suppression.js';
import { totalEquations, type DisclosureGroupInput } from '../../analysis/group-disclosure.js';
import type { PathSegment, SourceFile } from '../../records/source.js';
import { dataOf, problemAt, type RuleContext } from './context.js';

const RULE = 'small-group';
const TIMES = ['before', 'after'] as const;

type ResultGroup = NonNullable<NonNullable<MeasuresRecord['results']>[number]['groups']>[number];
type Figures = NonNullable<ResultGroup['before']>;

function fewerThan(threshold: number): string {
  return `fewer than ${threshold} learner${threshold === 1 ? '' : 's'}`;
}

/** Why a group's figures at one time give learners away, or undefined when they do not. */
function smallFigures(
  figures: Figures,
  yesNo: boolean,
  threshold: number,
): { key: 'n' | 'count'; why: string } | undefined {
  if (isPrimarySuppressed(figures.n, { threshold }))
    return { key: 'n', why: `\`n\` is ${figures.n}: the group has ${fewerThan(threshold)}` };
  if (!yesNo || typeof figures.count !== 'number' || figures.count > figures.n) return undefined;
  const no = figures.n - figures.count;
  if (isPrimarySuppressed(figures.count, { threshold }))
    return { key: 'count', why: `\`count\` is ${figures.count}: ${fewerThan(threshold)} answered yes` };
  if (isPrimarySuppressed(no, { threshold }))
    return { key: 'count', why: `\`count\` is ${figures.count} of ${figures.n}: ${fewerThan(threshold)} answered no` };
  return undefined;
}

const FIX_GROUP =
  'Replace its `before:` and `after:` with `suppressed: true` (sipp data import does this for you), or merge it with another group.';

function resultProblems(file: SourceFile, record: MeasuresRecord, threshold: number, quintiles: number[]): Problem[] {
  const kinds = new Map((record.measures ?? []).map((m) => [m.id, m.kind ?? 'score']));
  const problems: Problem[] = [];
  (record.results ?? []).forEach((result, r) => {
    const groups = result.groups ?? [];
    const yesNo = kinds.get(result.measure) === 'yes-no';
    const at = (g: number, ...rest: PathSegment[]): PathSegment[] => ['results', r, 'groups', g, ...rest];
    groups.forEach((group, g) => {
      if (group.suppressed === true) {
        for (const time of TIMES) {
          if (group[time] !== undefined)
            problems.push(
              problemAt(
                file,
                at(g, time),
                `This group is marked \`suppressed: true\` but still has its \`${time}\` figures. Delete \`${time}:\` and the lines under it: a record shared in Git must not hold them.`,
                RULE,
                'error',
                'key',
              ),
            );
        }
        if (group.paired !== undefined)
          problems.push(
            problemAt(
              file,
              at(g, 'paired'),
              'This group is marked `suppressed: true` but still has its `paired` figures. Delete `paired:`: a record shared in Git must not hold them.',
              RULE,
              'error',
              'key',
            ),
          );
        return;
      }
      if (group.paired && isPrimarySuppressed(group.paired.n, { threshold }))
        problems.push(
          problemAt(
            file,
            at(g, 'paired', 'n'),
            `\`paired\` counts ${group.paired.n} learners with both scores: ${fewerThan(threshold)}, so a learner could be recognised from these figures in a record shared in Git. Delete \`paired:\` (the change then has no interval).`,
            RULE,
          ),
        );
      for (const time of TIMES) {
        const figures = group[time];
        const small = figures && smallFigures(figures, yesNo, threshold);
        if (!small) continue;
        problems.push(
          problemAt(
            file,
            at(g, time, small.key),
            `${small.why}, so a learner could be recognised from these figures in a record shared in Git. ${FIX_GROUP}`,
            RULE,
          ),
        );
      }
    });
    problems.push(...workedOutProblems(file, groups, threshold, quintiles, at));
  });
  return problems;
}

function describeGroup(group: ResultGroup): string {
  const equity = group.equity ?? 'all';
  const role = group.role ?? '';
  return [role, equity === 'all' ? 'all learners' : equity].filter((part) => part !== '').join(' – ');
}

/**
 * A suppressed group whose size the shown groups give away: a total shown with all its other parts, which add up
 * to within the threshold of it ("20 in the class, 17 in SIMD 1-2: the suppressed others are 3").
 */
function workedOutProblems(
  file: SourceFile,
  groups: readonly ResultGroup[],
  threshold: number,
  quintiles: number[],
  at: (g: number, ...rest: PathSegment[]) => PathSegment[],
): Problem[] {
  const problems: Problem[] = [];
  const reported = new Set<number>();
  const input: DisclosureGroupInput[] = groups.map((g) => ({ role: g.role, equity: g.equity }));
  for (const equation of totalEquations(input, quintiles)) {
    const total = groups[equation.total] as ResultGroup;
    if (total.suppressed === true) continue;
    const hidden = equation.parts.filter((p) => groups[p]?.suppressed === true);
    if (hidden.length === 0) continue;
    for (const time of TIMES) {
      const totalN = total[time]?.n;
      const shown = equation.parts.filter((p) => !hidden.includes(p));
      const shownNs = shown.map((p) => groups[p]?.[time]?.n);
      if (typeof totalN !== 'number' || shownNs.some((n) => typeof n !== 'number')) continue;
      const residual = totalN - (shownNs as number[]).reduce((sum, n) => sum + n, 0);
      if (!isPrimarySuppressed(residual, { threshold }) || reported.has(equation.total)) continue;
      reported.add(equation.total);
      const names = hidden.map((p) => describeGroup(groups[p] as ResultGroup)).join(' and ');
      problems.push(
        problemAt(
          file,
          at(equation.total, time, 'n'),
          `A reader can work out the suppressed group (${names}) from this one: ${totalN} here minus ${(shownNs as number[]).join(' + ')} in the groups shown leaves ${residual}, ${fewerThan(threshold)}. Suppress this group too (replace its \`before:\` and \`after:\` with \`suppressed: true\`), or another one of the groups it is the total of.`,
          RULE,
        ),
      );
    }
  }
  return problems;
}

function seriesProblems(file: SourceFile, record: MeasuresRecord, threshold: number): Problem[] {
  const kinds = new Map((record.measures ?? []).map((m) => [m.id, m.kind ?? 'score']));
  const problems: Problem[] = [];
  (record.series ?? []).forEach((series, s) => {
    const yesNo = kinds.get(series.measure) === 'yes-no';
    (series.points ?? []).forEach((point, p) => {
      const at: PathSegment[] = ['series', s, 'points', p];
      if (point.suppressed === true) {
        if (point.value !== undefined || typeof point.n === 'number')
          problems.push(
            problemAt(
              file,
              [...at, point.value !== undefined ? 'value' : 'n'],
              'This point is marked `suppressed: true` but still has its figures. Delete `value:` and `n:` from it: a record shared in Git must not hold them.',
              RULE,
              'error',
              'key',
            ),
          );
        return;
      }
      if (point.value === undefined) {
        problems.push(
          problemAt(
            file,
            at,
            'This point has a date but no `value`. Add `value:` with the figure for that date, or write `suppressed: true` if it is left out to protect learners.',
            'point-value',
            'error',
            'key',
          ),
        );
        return;
      }
      if (typeof point.n !== 'number') return;
      const count = yesNo ? Math.round((point.value / 100) * point.n) : undefined;
      const small = smallFigures({ n: point.n, count }, yesNo, threshold);
      if (!small) return;
      const why =
        small.key === 'n'
          ? `\`n\` is ${point.n}: the figure on this date is of ${fewerThan(threshold)}`
          : `${point.value}% of ${point.n} is ${count} learner${count === 1 ? '' : 's'} answering yes (and ${point.n - (count ?? 0)} no): ${fewerThan(threshold)} in one answer`;
      problems.push(
        problemAt(
          file,
          [...at, small.key === 'n' ? 'n' : 'value'],
          `${why}, so a learner could be recognised in a record shared in Git. Replace \`value:\` and \`n:\` with \`suppressed: true\` (sipp data import does this for you).`,
          RULE,
        ),
      );
    });
  });
  return problems;
}

function baselineProblems(
  file: SourceFile,
  record: BaselineRecord,
  kinds: ReadonlyMap<string, string>,
  threshold: number,
): Problem[] {
  const problems: Problem[] = [];
  (record.values ?? []).forEach((entry, v) => {
    if (typeof entry.n !== 'number') return;
    const yesNo = kinds.get(entry.measure) === 'yes-no';
    const value = typeof entry.value === 'number' ? entry.value : undefined;
    const count = yesNo && value !== undefined ? Math.round((value / 100) * entry.n) : undefined;
    const small = smallFigures({ n: entry.n, count }, yesNo, threshold);
    if (!small) return;
    const why =
      small.key === 'n'
        ? `\`n\` is ${entry.n}: this baseline figure is of ${fewerThan(threshold)}`
        : `${value}% of ${entry.n} is ${count} learner${count === 1 ? '' : 's'} answering yes (and ${entry.n - (count ?? 0)} no): ${fewerThan(threshold)} in one answer`;
    problems.push(
      problemAt(
        file,
        ['values', v, small.key === 'n' ? 'n' : 'value'],
        `${why}, so a learner could be recognised in a record shared in Git. Give the figure for a larger group (for example all learners), or delete \`value:\` and \`n:\` and say in \`note:\` that the group is too small to report.`,
        RULE,
      ),
    );
  });
  return problems;
}

/** Rule id: `small-group` (and `point-value` for a series point with neither a value nor `suppressed: true`). */
export function smallGroupProblems(context: RuleContext): Problem[] {
  const project = projectSettings(context.source.project.data as Partial<ProjectFile> | undefined);
  const threshold = project.suppressionThreshold;
  return context.source.cycles.flatMap((cycle) => {
    const problems: Problem[] = [];
    const measuresFile = context.record(cycle, 'measures');
    const measures = measuresFile ? dataOf<MeasuresRecord>(measuresFile) : undefined;
    const kinds = new Map((measures?.measures ?? []).map((m) => [m.id, m.kind ?? 'score']));
    if (measuresFile && measures) {
      const question = context.record(cycle, 'question');
      const { equityQuintiles } = cycleSettings(project, question && dataOf<QuestionRecord>(question));
      problems.push(...resultProblems(measuresFile, measures, threshold, equityQuintiles));
      problems.push(...seriesProblems(measuresFile, measures, threshold));
    }
    const baselineFile = context.record(cycle, 'baseline');
    if (baselineFile)
      problems.push(...baselineProblems(baselineFile, dataOf<BaselineRecord>(baselineFile), kinds, threshold));
    return problems;
  });
}
