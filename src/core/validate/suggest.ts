// "Did you mean …?": the closest of a few known words to one that was misspelt.
import { distance } from 'fastest-levenshtein';

/** Case, hyphens, underscores and spaces do not count as differences: `How_will_we_know` is `howWillWeKnow`. */
function normalise(word: string): string {
  return word.toLowerCase().replace(/[\s_-]/g, '');
}

/**
 * The candidate closest to `word`, if it is close enough to be a likely slip. Keys get some slack (a third of
 * the word, at least one letter); values (`strict`) a third of the word rounded down, so that `P8` does not
 * suggest `P1` but `Adopt` suggests `adopt` and `contine` suggests `continue`.
 */
export function closestMatch(word: string, candidates: readonly string[], strict = false): string | undefined {
  const target = normalise(word);
  if (target === '') return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(target, normalise(candidate));
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (best === undefined) return undefined;
  const length = normalise(best).length;
  const allowed = strict ? Math.floor(length / 3) : Math.max(1, Math.ceil(length / 3));
  return bestDistance <= allowed && bestDistance < length ? best : undefined;
}
