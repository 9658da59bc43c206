// Lesson Study cycles built in memory from record texts, for the method's pure tests.
import type { CycleSource } from '../../../../src/core/records/model.js';
import { parseSource } from '../../../../src/core/records/source.js';
import type { CycleData } from '../../../../src/core/method/contract.js';

export const DIR = 'cycles/01-fractions';

export const GROUP = `group:
  members: [Morag K, Iain D, Priya S]
  groundRules: [The research lesson belongs to all of us.]
casePupils:
  - code: A
    typifies: rush to an answer
  - code: B
    typifies: follow rules without reasons
  - code: C
    typifies: need practical materials to start
`;

/** One research lesson, planned and taught, in research-lessons.yaml's layout. */
export function lesson(extra = ''): string {
  return `  - date: 2025-10-08
    plannedOn: 2025-10-01
    taughtBy: Morag K
${extra}    successCriteria:
      A: Explains why 1/4 > 1/8.
    observers:
      A: Iain D
      B: Priya S
      C: Priya S
    stages:
      - stage: Starter
        predicted:
          A: Says 1/6 is bigger.
          B: Copies others.
          C: Does not start.
        observed:
          A: Said 1/6.
          B: Rubbed out 1/3.
          C: Wrote nothing.
    interviews:
      A: Liked folding.
    discussion:
      casePupils:
        A:
          progress: Some.
          matchedPrediction: partly
          change: Ask for proof on the line.
      teaching: The 0-10 line confused them.
      changesForNext:
        - Start with a 0-1 line.
`;
}

/** A Lesson Study cycle of these records (record name -> YAML text); every record is taken as schema-valid. */
export function cycleOf(texts: Record<string, string>): CycleData {
  const source: CycleSource = {
    folder: '01-fractions',
    dir: DIR,
    number: 1,
    slug: 'fractions',
    records: new Map(Object.entries(texts).map(([name, text]) => [name, parseSource(`${DIR}/${name}.yaml`, text)])),
  };
  const records = new Map([...source.records].map(([name, file]) => [name, file.data as Record<string, unknown>]));
  return { source, method: 'lesson-study', records };
}
