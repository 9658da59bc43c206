// `sipp brief` writes a big project's briefings a cycle at a time (streamBriefings), after checking every name it
// will write. The names it plans must be exactly those it then hands over, in every example, in both formats, with
// and without handouts: a file not planned would be written unchecked (the writer refuses it), and a file planned
// but not made would be checked for nothing.
import path from 'node:path';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FORMATS, type BriefingFormat } from '../../../src/core/render/index.js';
import { renderBriefings, streamBriefings } from '../../../src/core/render/briefings.js';
import { readTemplateSet } from '../../../src/project/templates.js';
import { openedForBriefings } from './opened.js';

const EXAMPLES = path.resolve(__dirname, '../../../examples');
const NAMES = readdirSync(EXAMPLES).filter((name) => name !== 'network' && !name.includes('.'));

function opened(name: string) {
  const root = path.join(EXAMPLES, name);
  return { ...openedForBriefings(root), templates: readTemplateSet(root) };
}

describe('the briefings handed over a cycle at a time', () => {
  it.each(NAMES.flatMap((name) => [true, false].map((handout) => [name, handout] as const)))(
    '%s (handouts: %s): are the files planned, in order, and the same as rendered all at once',
    async (name, handout) => {
      const { project, cycles, templates } = opened(name);
      const formats: readonly BriefingFormat[] = FORMATS;
      const planned: string[] = [];
      const batches: string[][] = [];
      const texts = new Map<string, string>();
      await streamBriefings(
        project,
        cycles,
        cycles,
        formats,
        templates,
        { handout },
        {
          plan: (names) => {
            // Planned once, before anything is handed over.
            expect(batches).toEqual([]);
            planned.push(...names);
          },
          emit: async (files) => {
            batches.push(files.map((f) => f.file));
            for (const f of files) texts.set(f.file, f.text);
          },
        },
      );
      expect(batches.flat()).toEqual(planned);
      // One batch a cycle, then the overview's.
      expect(batches).toHaveLength(cycles.length + 1);
      // Markdown charts are planned too (Instructional Rounds records hold no figures, so no charts).
      if (name !== 'lochbrae-learning-rounds')
        expect(planned.filter((f) => f.endsWith('.svg')).length).toBeGreaterThan(0);
      const whole = await renderBriefings(project, cycles, cycles, formats, templates, { handout });
      expect(new Map(whole.files.map((f) => [f.file, f.text]))).toEqual(texts);
    },
    30_000,
  );
});
