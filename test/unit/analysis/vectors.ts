// Loads the published statistics test vectors (test/fixtures/statistics-vectors.json) for the analysis tests.

import { readFileSync } from 'node:fs';

export interface Vector {
  id: string;
  source: string;
  status?: string;
  note?: string;
  tolerance?: number;
  input?: Record<string, unknown>;
  expected: unknown;
  derived_also?: Record<string, unknown>;
  full_precision_derived?: Record<string, unknown>;
}

export interface EefBand {
  months: number;
  from_: number;
  to: number;
  label: string;
}

interface VectorFile {
  _note: string;
  eef_months_toolkit: EefBand[];
  run_chart: Vector[];
  xmr: Vector[];
  effect_size: Vector[];
}

export const vectors = JSON.parse(
  readFileSync(new URL('../../fixtures/statistics-vectors.json', import.meta.url), 'utf8'),
) as VectorFile;

type Section = 'run_chart' | 'xmr' | 'effect_size';

/** The vector with this id in a section; throws (failing the test) if the file no longer has it. */
export function vector<T extends Vector = Vector>(section: Section, id: string): T {
  const found = vectors[section].find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`statistics-vectors.json has no ${section} vector "${id}"`);
  return found as T;
}

/** Every vector id in a section, so a test can check it covers them all. */
export function vectorIds(section: Section): string[] {
  return vectors[section].map((candidate) => candidate.id);
}
