// Which unknowns of a set of "total = sum of parts" relations can be worked out from the known ones: an unknown
// is determined exactly when its unit vector lies in the span of the relations restricted to the unknowns.
// Used by disclosure control to find hidden figures that a chain of subtractions would give away.

/** A relation `cells[0] = cells[1] + cells[2] + …`, by cell number. */
export type SumRelation = readonly number[];

const EPSILON = 1e-9;

/** Rank of a matrix by Gaussian elimination (small integer coefficients, so floating point is exact enough). */
export function rankOf(rows: readonly (readonly number[])[]): number {
  const m = rows.map((r) => [...r]);
  const columns = m[0]?.length ?? 0;
  let rank = 0;
  for (let c = 0; c < columns && rank < m.length; c++) {
    let pivot = -1;
    for (let i = rank; i < m.length; i++)
      if (Math.abs((m[i] as number[])[c] as number) > EPSILON) pivot = pivot < 0 ? i : pivot;
    if (pivot < 0) continue;
    [m[rank], m[pivot]] = [m[pivot] as number[], m[rank] as number[]];
    const p = m[rank] as number[];
    for (let i = 0; i < m.length; i++) {
      const row = m[i] as number[];
      if (i === rank || Math.abs(row[c] as number) <= EPSILON) continue;
      const factor = (row[c] as number) / (p[c] as number);
      for (let k = c; k < columns; k++) row[k] = (row[k] as number) - factor * (p[k] as number);
    }
    rank += 1;
  }
  return rank;
}

/** The unknown cells whose values follow from the known cells through the relations. */
export function determinedUnknowns(relations: readonly SumRelation[], unknown: readonly number[]): Set<number> {
  const column = new Map(unknown.map((cell, i) => [cell, i]));
  const rows: number[][] = [];
  for (const relation of relations) {
    const row = unknown.map(() => 0);
    relation.forEach((cell, i) => {
      const at = column.get(cell);
      if (at !== undefined) row[at] = (row[at] as number) + (i === 0 ? 1 : -1);
    });
    if (row.some((x) => x !== 0)) rows.push(row);
  }
  const base = rankOf(rows);
  const determined = new Set<number>();
  unknown.forEach((cell, i) => {
    const unit = unknown.map((_, k) => (k === i ? 1 : 0));
    if (rankOf([...rows, unit]) === base) determined.add(cell);
  });
  return determined;
}
