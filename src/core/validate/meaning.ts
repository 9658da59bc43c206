// Suggestions that follow meaning, not only spelling: `equity: SIMD 1-2` is not a misspelling of `simd-1` (which
// would change what the group is), `mostly as planned` means `as-planned`, `yes` in a true/false answer means true.
// Each returns the rest of a sentence (". Write …"), or undefined when it has nothing to say.

/** What a value of the `equity` list means, for words a teacher writes instead. */
function equityHint(found: string): string | undefined {
  const text = found.trim().toLowerCase();
  const range = /^simd\s*(?:quintiles?\s*)?([1-5])\s*(?:-|–|to|and|&)\s*([1-5])$/.exec(text);
  if (range) {
    return `. A range of SIMD quintiles is written by its role in the enquiry: equity-group if SIMD ${range[1]}-${range[2]} is the equity group in sipp.yaml (or in this cycle's question.yaml), others if it is the rest of the learners; the group's \`name\` can still say "SIMD ${range[1]}-${range[2]}".`;
  }
  const one = /^simd\s*(?:quintile\s*)?([1-5])$/.exec(text);
  if (one) return `. Did you mean simd-${one[1]}?`;
  if (/(equity|disadvantag|deprived|poverty|fsm|free school meal|target)/.test(text))
    return '. Did you mean equity-group?';
  if (/^(everyone|whole class|all learners|all pupils|class|total|whole group)$/.test(text))
    return '. Did you mean all?';
  if (/^(the )?(rest|others?|everyone else|non[- ]equity|not in the equity group)$/.test(text))
    return '. Did you mean others?';
  return undefined;
}

function fidelityHint(found: string): string | undefined {
  const text = found.trim().toLowerCase();
  if (/(as planned|as intended|mostly|fully|faithful)/.test(text) && !/not|partly|partial/.test(text))
    return '. Did you mean as-planned? (Say what differed in `adaptations`.)';
  if (/(changed|adapted|adjusted|modified)/.test(text)) return '. Did you mean adapted?';
  if (/(partly|partial|some|half|not all|not fully)/.test(text)) return '. Did you mean partial?';
  return undefined;
}

/** A hint for a value of a fixed list, by meaning; `values` says which list it is. */
export function meaningHint(values: readonly unknown[], found: string): string | undefined {
  if (values.includes('equity-group')) return equityHint(found);
  if (values.includes('as-planned')) return fidelityHint(found);
  return undefined;
}

/** `yes` or `no` where true or false is wanted. */
export function booleanHint(found: string): string | undefined {
  const text = found.trim().toLowerCase();
  if (['yes', 'y', 'aye'].includes(text)) return '. Write true for yes.';
  if (['no', 'n', 'nae'].includes(text)) return '. Write false for no.';
  return undefined;
}

/** A date written the British way (3/10/2026 is 3 October 2026), as it must be written. */
export function dateHint(found: string): string | undefined {
  const uk = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})$/.exec(found.trim());
  if (!uk) return undefined;
  const day = Number(uk[1]);
  const month = Number(uk[2]);
  const year = (uk[3] as string).length === 2 ? 2000 + Number(uk[3]) : Number(uk[3]);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  const iso = date.toISOString().slice(0, 10);
  const words = date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return `. Write ${iso} for ${words}.`;
}

/** A percentage where a count of learners is wanted. */
export function countHint(key: string | number | undefined, found: unknown): string | undefined {
  if (key !== 'count' || typeof found !== 'string' || !/^\s*\d+(?:[.,]\d+)?\s*%\s*$/.test(found)) return undefined;
  return `. \`count\` is how many of the \`n\` learners answered yes, as a whole number, not a percentage: for ${found.trim()} of n learners, write n × ${found.trim().replace('%', '')} / 100 (the briefing works out the percentage).`;
}
