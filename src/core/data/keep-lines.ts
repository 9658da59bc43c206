// Keeping a file's untouched lines byte for byte through a YAML edit. yaml's Document API keeps comments and
// order, but its toString normalises a little (one space before a `#` comment, a blank line before a comment
// at the end). Lines the edit did not change are put back exactly as the file had them.

/** Diffs larger than this (lines x lines) are not worth the memory: the normalised text is returned as it is. */
const MAX_DIFF_CELLS = 4_000_000;

/**
 * `edited`, with each run of lines that is the same as in `normalised` (the original as yaml would write it
 * without the edit) replaced by the original's own lines. `original` keeps its line endings.
 */
export function keepOriginalLines(original: string, normalised: string, edited: string): string {
  if (original === normalised) return edited;
  const eol = original.includes('\r\n') ? '\r\n' : '\n';
  const o = original.split(/\r?\n/);
  const a = normalised.split('\n');
  const b = edited.split('\n');
  const oa = alignLines(o, a);
  const ab = alignLines(a, b);
  if (!oa || !ab) return edited;

  // Which original lines each normalised line stands for; a run of changed lines is kept only as a whole.
  const kept = new Set<number>();
  for (const op of ab) if (op.kind === 'same') kept.add(op.a);
  const originalFor: string[][] = a.map((line) => [line]);
  let lastA = -1;
  for (const op of oa) {
    if (op.kind === 'same') {
      originalFor[op.b] = [o[op.a] as string];
      lastA = op.b;
    } else if (op.bEnd === op.bStart) {
      // Original lines the normaliser dropped (a second blank line): they go with the line before.
      if (lastA >= 0 && kept.has(lastA)) originalFor[lastA]?.push(...o.slice(op.aStart, op.aEnd));
    } else {
      const lines = range(op.bStart, op.bEnd);
      if (lines.every((j) => kept.has(j))) {
        lines.forEach((j, i) => (originalFor[j] = i === 0 ? o.slice(op.aStart, op.aEnd) : []));
      }
      lastA = op.bEnd - 1;
    }
  }
  const out: string[] = [];
  for (const op of ab) {
    if (op.kind === 'same') out.push(...(originalFor[op.a] ?? []));
    else out.push(...b.slice(op.bStart, op.bEnd));
  }
  return out.join(eol);
}

type Op =
  | { kind: 'same'; a: number; b: number }
  | { kind: 'changed'; aStart: number; aEnd: number; bStart: number; bEnd: number };

/** A line alignment (longest common subsequence, after the common start and end), or null when too large. */
function alignLines(a: readonly string[], b: readonly string[]): Op[] | null {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const n = endA - start;
  const m = endB - start;
  if (n * m > MAX_DIFF_CELLS) return null;
  // lcs[i][j]: the longest common subsequence of a[start+i..endA) and b[start+j..endB).
  const lcs = Array.from({ length: n + 1 }, () => new Int32Array(m + 1));
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = m - 1; j >= 0; j -= 1) {
      const row = lcs[i] as Int32Array;
      const next = lcs[i + 1] as Int32Array;
      row[j] =
        a[start + i] === b[start + j] ? (next[j + 1] as number) + 1 : Math.max(next[j] as number, row[j + 1] as number);
    }
  }
  const ops: Op[] = range(0, start).map((k) => ({ kind: 'same', a: k, b: k }));
  let i = 0;
  let j = 0;
  let changeA = 0;
  let changeB = 0;
  const flush = (): void => {
    if (i > changeA || j > changeB)
      ops.push({ kind: 'changed', aStart: start + changeA, aEnd: start + i, bStart: start + changeB, bEnd: start + j });
  };
  while (i < n || j < m) {
    if (i < n && j < m && a[start + i] === b[start + j]) {
      flush();
      ops.push({ kind: 'same', a: start + i, b: start + j });
      i += 1;
      j += 1;
      changeA = i;
      changeB = j;
    } else if (
      j < m &&
      (i === n || ((lcs[i] as Int32Array)[j + 1] as number) >= ((lcs[i + 1] as Int32Array)[j] as number))
    ) {
      j += 1;
    } else {
      i += 1;
    }
  }
  flush();
  for (let k = 0; k < a.length - endA; k += 1) ops.push({ kind: 'same', a: endA + k, b: endB + k });
  return ops;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);
}
