// Small builders of measures.yaml data for the report tests.
import type { MeasuresRecord } from '../../../src/core/records/model.js';

export type Measure = NonNullable<MeasuresRecord['measures']>[number];
export type Group = NonNullable<NonNullable<MeasuresRecord['results']>[number]['groups']>[number];
export type Point = NonNullable<NonNullable<MeasuresRecord['series']>[number]['points']>[number];

export const BEFORE = '2025-08-28';
export const AFTER = '2026-03-25';

/** A scored group: n, mean and sd before and after. */
export function scored(
  name: string,
  role: Group['role'],
  equity: Group['equity'],
  before: [number, number, number] | null,
  after: [number, number, number] | null,
): Group {
  const figures = (f: [number, number, number] | null, date: string) =>
    f === null ? undefined : { date, n: f[0], mean: f[1], sd: f[2] };
  const group: Group = { name, role, equity };
  const b = figures(before, BEFORE);
  const a = figures(after, AFTER);
  if (b) group.before = b;
  if (a) group.after = a;
  return group;
}

/** A yes/no group: n and count of yes before and after. */
export function yesNo(
  name: string,
  role: Group['role'],
  equity: Group['equity'],
  before: [number, number],
  after: [number, number],
): Group {
  return {
    name,
    role,
    equity,
    before: { date: BEFORE, n: before[0], count: before[1] },
    after: { date: AFTER, n: after[0], count: after[1] },
  };
}

export function measures(
  measure: Partial<Measure> & { id: string },
  groups: Group[] = [],
  series: Point[][] = [],
): MeasuresRecord {
  const record: MeasuresRecord = {
    measures: [{ name: `Measure ${measure.id}`, kind: 'score', higherIsBetter: true, ...measure }],
  };
  if (groups.length > 0) record.results = [{ measure: measure.id, groups }];
  if (series.length > 0)
    record.series = series.map((points, i) => ({ measure: measure.id, group: `Series ${i + 1}`, points }));
  return record;
}

/** Weekly dated points from 2025-09-01 with the given values. */
export function weekly(values: readonly number[], start = Date.UTC(2025, 8, 1)): Point[] {
  return values.map((value, i) => ({ date: new Date(start + i * 7 * 86_400_000).toISOString().slice(0, 10), value }));
}
