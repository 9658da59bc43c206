// Dates in the order an enquiry happens: baseline, then the change (start, adaptations, end), then reflection.
import type { Problem } from '../../problems.js';
import type {
  BaselineRecord,
  CycleSource,
  InterventionRecord,
  MeasuresRecord,
  ReflectionsRecord,
} from '../../records/model.js';
import { dataOf, problemAt, type RuleContext } from './context.js';

const RULE = 'date-order';

export function dateOrderProblems(context: RuleContext): Problem[] {
  return context.source.cycles.flatMap((cycle) => [
    ...spineDateProblems(context, cycle),
    ...resultDateProblems(context, cycle),
    ...seriesDateProblems(context, cycle),
  ]);
}

/**
 * A dated series is analysed in the order of its dates: a point typed out of order, or a date given twice, would
 * make a run chart show a trend that is not in time order. Each is a problem at the point's date.
 */
function seriesDateProblems(context: RuleContext, cycle: CycleSource): Problem[] {
  const file = context.record(cycle, 'measures');
  if (!file) return [];
  const problems: Problem[] = [];
  (dataOf<MeasuresRecord>(file).series ?? []).forEach((series, s) => {
    const seen = new Map<string, number>();
    let latest: { date: string; line: number } | undefined;
    (series.points ?? []).forEach((point, p) => {
      const date = point.date;
      if (typeof date !== 'string') return;
      const at = ['series', s, 'points', p, 'date'];
      const first = seen.get(date);
      if (first !== undefined) {
        problems.push(
          problemAt(
            file,
            at,
            `${date} is in this series twice (point ${first + 1} and point ${p + 1}). A run chart takes one value per date: keep one of them, or correct the date.`,
            'series-date',
          ),
        );
        return;
      }
      seen.set(date, p);
      if (latest && date < latest.date) {
        problems.push(
          problemAt(
            file,
            at,
            `${date} comes after ${latest.date} in this series, but it is earlier. Put the points in date order (the run chart reads them in the order they are written).`,
            'series-date',
          ),
        );
      }
      if (!latest || date > latest.date) latest = { date, line: p };
    });
  });
  return problems;
}

/** Dates are checked as YYYY-MM-DD text (the schema has made sure of the form), which sorts like the dates. */
function isBefore(a: string | null | undefined, b: string | null | undefined): boolean {
  return typeof a === 'string' && typeof b === 'string' && a < b;
}

function spineDateProblems(context: RuleContext, cycle: CycleSource): Problem[] {
  const problems: Problem[] = [];
  const baselineFile = context.record(cycle, 'baseline');
  const interventionFile = context.record(cycle, 'intervention');
  const reflectionsFile = context.record(cycle, 'reflections');
  const baselineDate = baselineFile ? dataOf<BaselineRecord>(baselineFile).date : undefined;
  const reflectionsDate = reflectionsFile ? dataOf<ReflectionsRecord>(reflectionsFile).date : undefined;

  if (interventionFile) {
    const { start, end, adaptations } = dataOf<InterventionRecord>(interventionFile);
    if (isBefore(start, baselineDate)) {
      problems.push(
        problemAt(
          interventionFile,
          ['start'],
          `The intervention starts on ${start}, before the baseline date (${baselineDate} in baseline.yaml). The baseline is taken before the change starts: check both dates.`,
          RULE,
        ),
      );
    } else if (!start && isBefore(end, baselineDate)) {
      problems.push(
        problemAt(
          interventionFile,
          ['end'],
          `The intervention ends on ${end}, before the baseline date (${baselineDate} in baseline.yaml). Check both dates.`,
          RULE,
        ),
      );
    }
    if (isBefore(end, start)) {
      problems.push(
        problemAt(
          interventionFile,
          ['end'],
          `The intervention ends on ${end}, before it starts (${start}). Check both dates.`,
          RULE,
        ),
      );
    }
    (adaptations ?? []).forEach((adaptation, i) => {
      if (isBefore(adaptation.date, start)) {
        problems.push(
          problemAt(
            interventionFile,
            ['adaptations', i, 'date'],
            `This adaptation is dated ${adaptation.date}, before the intervention starts (${start}). Adaptations are logged between the start and the end: check both dates.`,
            RULE,
          ),
        );
      } else if (isBefore(end, adaptation.date)) {
        problems.push(
          problemAt(
            interventionFile,
            ['adaptations', i, 'date'],
            `This adaptation is dated ${adaptation.date}, after the intervention ends (${end}). Adaptations are logged between the start and the end: check both dates.`,
            RULE,
          ),
        );
      }
    });
    if (reflectionsFile && isBefore(reflectionsDate, start)) {
      problems.push(
        problemAt(
          reflectionsFile,
          ['date'],
          `The reflections are dated ${reflectionsDate}, before the intervention starts (${start} in intervention.yaml). Check both dates.`,
          RULE,
        ),
      );
      return problems;
    }
  }
  if (reflectionsFile && isBefore(reflectionsDate, baselineDate)) {
    problems.push(
      problemAt(
        reflectionsFile,
        ['date'],
        `The reflections are dated ${reflectionsDate}, before the baseline date (${baselineDate} in baseline.yaml). Check both dates.`,
        RULE,
      ),
    );
  }
  return problems;
}

/** In each result, the "before" figures come from a date no later than the "after" figures. */
function resultDateProblems(context: RuleContext, cycle: CycleSource): Problem[] {
  const file = context.record(cycle, 'measures');
  if (!file) return [];
  const problems: Problem[] = [];
  (dataOf<MeasuresRecord>(file).results ?? []).forEach((result, i) => {
    (result.groups ?? []).forEach((group, j) => {
      const before = group.before?.date;
      const after = group.after?.date;
      if (isBefore(after, before)) {
        problems.push(
          problemAt(
            file,
            ['results', i, 'groups', j, 'after', 'date'],
            `The "after" figures of ${group.name} are dated ${after}, before its "before" figures (${before}). Check both dates.`,
            RULE,
          ),
        );
      }
    });
  });
  return problems;
}
