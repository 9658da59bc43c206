// Figures are recorded once they are collected, so the date of a figure cannot be after today: 2062 for 2026 is a
// typing slip that would put a point far out on a run chart. Planned dates (an intervention's end, a lesson still to
// teach) may be in the future and are not checked. A warning at the date, with today's date.
import type { Problem } from '../../problems.js';
import type { BaselineRecord, MeasuresRecord } from '../../records/model.js';
import type { PathSegment, SourceFile } from '../../records/source.js';
import { dataOf, problemAt, type RuleContext } from './context.js';

const RULE = 'future-date';

function check(file: SourceFile, at: PathSegment[], date: unknown, today: string, out: Problem[]): void {
  if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date) || date <= today) return;
  out.push(
    problemAt(
      file,
      at,
      `${date} is after today (${today}): a figure can only be dated once it is collected. Check the year and the month.`,
      RULE,
      'warning',
    ),
  );
}

/** Rule id: `future-date` (warnings): baseline dates and the dates of results and series points. */
export function futureDateProblems(context: RuleContext, today: string): Problem[] {
  const out: Problem[] = [];
  for (const cycle of context.source.cycles) {
    const baseline = context.record(cycle, 'baseline');
    if (baseline) {
      const data = dataOf<BaselineRecord>(baseline);
      check(baseline, ['date'], data.date, today, out);
      (data.values ?? []).forEach((v, i) => check(baseline, ['values', i, 'date'], v.date, today, out));
    }
    const measures = context.record(cycle, 'measures');
    if (measures) {
      const data = dataOf<MeasuresRecord>(measures);
      (data.results ?? []).forEach((result, r) =>
        (result.groups ?? []).forEach((group, g) => {
          for (const time of ['before', 'after'] as const)
            check(measures, ['results', r, 'groups', g, time, 'date'], group[time]?.date, today, out);
        }),
      );
      (data.series ?? []).forEach((series, s) =>
        (series.points ?? []).forEach((point, p) =>
          check(measures, ['series', s, 'points', p, 'date'], point.date, today, out),
        ),
      );
    }
  }
  return out;
}
