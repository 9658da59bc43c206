// The `cut-by-comment` warning, and that a file with no comment on an answer's line is not parsed again for it.
import { describe, expect, it } from 'vitest';
import { knownSource } from '../../../src/core/records/source.js';
import { cutByCommentProblems } from '../../../src/core/validate/rules/cut-by-comment.js';
import { createRuleContext } from '../../../src/core/validate/rules/context.js';
import { cycleFiles, projectFrom, validate } from './project-from.js';

const cut = (learning: string) =>
  validate(cycleFiles('01-paired-reading', { reflections: `learning: ${learning}\n` }))
    .filter((p) => p.rule === 'cut-by-comment')
    .map((p) => `${p.line}:${p.column}`);

describe('an answer cut short by a comment', () => {
  it('warns at the `#` after a space or a tab', () => {
    expect(cut('Choice helped #1 lesson')).toEqual(['1:25']);
    expect(cut('Choice helped\t#1 lesson')).toEqual(['1:25']);
  });

  it('stays quiet about a comment on a line of its own and a `#` inside a word', () => {
    expect(cut('Choice helped\n# our note')).toEqual([]);
    expect(cut('Choice helped (lesson#1)')).toEqual([]);
  });

  it('does not build the document of a remembered file that has no comment on an answer line', () => {
    const source = projectFrom(cycleFiles('01-paired-reading', {}));
    const text = 'learning: Choice helped\n# our note\n';
    let built = 0;
    const file = knownSource('cycles/01-paired-reading/reflections.yaml', text, { learning: 'Choice helped' }, []);
    const counted = {
      file: file.file,
      text,
      data: file.data,
      problems: file.problems,
      get lineCounter() {
        return file.lineCounter;
      },
      get doc() {
        built += 1;
        return file.doc;
      },
    };
    source.cycles[0]?.records.set('reflections', counted);
    expect(cutByCommentProblems(createRuleContext(source, []))).toEqual([]);
    expect(built).toBe(0);
  });
});
