// In YAML, ` #` starts a comment, so an unquoted answer that goes on after ` #` loses the rest without a word:
// `learning: Learners loved choosing their own books #1 lesson, let them choose.` keeps only the first part, and the
// briefing shows only that. A warning at the `#`, with the answer quoted as it should be.
import { isScalar, visit } from 'yaml';
import type { Problem } from '../../problems.js';
import { positionOfOffset, type SourceFile } from '../../records/source.js';
import type { RuleContext } from './context.js';

const RULE = 'cut-by-comment';

/**
 * A comment on an answer's own line needs something written, then a space or tab, then `#`. A file without such a
 * line has nothing to warn about, and its document is not built (for a file remembered from an earlier run,
 * building it would mean parsing the file again: most of validate's time on a large project, issue 10 §5).
 */
const SAME_LINE_COMMENT = /\S[ \t]+#/;

function fileProblems(file: SourceFile): Problem[] {
  const problems: Problem[] = [];
  if (!SAME_LINE_COMMENT.test(file.text) || !file.doc) return problems;
  visit(file.doc, {
    Scalar(_, node) {
      if (!isScalar(node) || node.type !== 'PLAIN' || typeof node.value !== 'string' || node.value === '') return;
      if (node.comment === undefined || !node.range) return;
      const hash = file.text.indexOf('#', node.range[1]);
      const lineEnd = file.text.indexOf('\n', node.range[1]);
      // Only a comment on the same line as the answer (a comment on a line of its own is the team's note).
      if (hash === -1 || (lineEnd !== -1 && hash > lineEnd)) return;
      const rest = file.text.slice(hash + 1, lineEnd === -1 ? undefined : lineEnd).trim();
      const whole = `${node.value} #${rest}`;
      const at = positionOfOffset(file, hash);
      problems.push({
        file: file.file,
        line: at.line,
        column: at.column,
        severity: 'warning',
        rule: RULE,
        message: `The answer stops here: after a space, \`#\` starts a comment, so "#${rest}" is left out of the answer. If it is part of the answer, put the whole answer in double quotes: ${JSON.stringify(whole)}.`,
      });
    },
  });
  return problems;
}

/** Rule id: `cut-by-comment` (warnings), over every record of every cycle (sipp.yaml: `cutByCommentInFile`). */
export function cutByCommentProblems(context: RuleContext): Problem[] {
  return context.source.cycles.flatMap((c) => [...c.records.values()].flatMap(cutByCommentInFile));
}

/** The `cut-by-comment` warnings of one file that could be read (sipp.yaml, or a record). */
export function cutByCommentInFile(file: SourceFile): Problem[] {
  return file.data === undefined ? [] : fileProblems(file);
}
