// Measure ids: each defined once in measures.yaml, and every id used elsewhere in the cycle defined there.
import type { Problem } from '../../problems.js';
import type {
  BaselineRecord,
  CycleSource,
  MeasuresRecord,
  QuestionRecord,
  ReflectionsRecord,
} from '../../records/model.js';
import { positionOf, type PathSegment, type SourceFile } from '../../records/source.js';
import { closestMatch } from '../suggest.js';
import { dataOf, problemAt, type RuleContext } from './context.js';

interface Usage {
  file: SourceFile;
  path: PathSegment[];
  id: string;
}

export function measureIdProblems(context: RuleContext): Problem[] {
  return context.source.cycles.flatMap((cycle) => cycleMeasureProblems(context, cycle));
}

function cycleMeasureProblems(context: RuleContext, cycle: CycleSource): Problem[] {
  const measuresFile = context.record(cycle, 'measures');
  if (!measuresFile) return [];
  const problems: Problem[] = [];
  const defined = new Map<string, number>();
  (dataOf<MeasuresRecord>(measuresFile).measures ?? []).forEach((measure, i) => {
    const first = defined.get(measure.id);
    if (first === undefined) {
      defined.set(measure.id, i);
      return;
    }
    const line = positionOf(measuresFile, ['measures', first, 'id']).line;
    problems.push(
      problemAt(
        measuresFile,
        ['measures', i, 'id'],
        `The measure id \`${measure.id}\` is used twice in measures.yaml (first on line ${line}). Give each measure its own id.`,
        'measure-unique',
      ),
    );
  });
  for (const usage of usagesOf(context, cycle, measuresFile)) {
    if (!defined.has(usage.id))
      problems.push(
        problemAt(usage.file, usage.path, undefinedMeasureMessage(usage.id, [...defined.keys()]), 'measure-defined'),
      );
  }
  return problems;
}

function undefinedMeasureMessage(id: string, defined: readonly string[]): string {
  const head = `Measure \`${id}\` is not defined in this cycle's measures.yaml`;
  if (defined.length === 0) return `${head}, which has no measures yet. Add it under \`measures:\` there.`;
  const suggestion = closestMatch(id, defined);
  if (suggestion) return `${head}. Did you mean \`${suggestion}\`?`;
  return `${head} (it defines ${defined.map((d) => `\`${d}\``).join(', ')}). Add it there, or correct the id.`;
}

/** Every place a measure id is used: predictions in figures, baseline values, results, series and findings. */
function usagesOf(context: RuleContext, cycle: CycleSource, measuresFile: SourceFile): Usage[] {
  const usages: Usage[] = [];
  const add = (file: SourceFile | undefined, list: readonly { measure: string }[] | undefined, key: string): void => {
    if (!file) return;
    (list ?? []).forEach((item, i) => usages.push({ file, path: [key, i, 'measure'], id: item.measure }));
  };
  const baseline = context.record(cycle, 'baseline');
  add(baseline, baseline && dataOf<BaselineRecord>(baseline).values, 'values');
  const measures = dataOf<MeasuresRecord>(measuresFile);
  add(measuresFile, measures.results, 'results');
  add(measuresFile, measures.series, 'series');
  const question = context.record(cycle, 'question');
  add(question, question && dataOf<QuestionRecord>(question).predicted, 'predicted');
  const reflections = context.record(cycle, 'reflections');
  add(reflections, reflections && dataOf<ReflectionsRecord>(reflections).findings, 'findings');
  return usages;
}
