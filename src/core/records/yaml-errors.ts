// YAML syntax errors in a teacher's words, pointed at the character that starts the mistake.
import { isCollection, isPair, isScalar, visit } from 'yaml';
import type { Document, Node, YAMLError } from 'yaml';

/** The offset to point at: where the mistake starts, which is not always where yaml noticed it. */
export function yamlErrorTarget(doc: Document.Parsed, error: YAMLError): number {
  const at = error.pos[0];
  if (error.code === 'MISSING_CHAR' && /quote/i.test(error.message)) return lastStartBefore(doc, at, isQuoted) ?? at;
  if (/^Flow (sequence|map)/.test(error.message) || (error.code === 'MISSING_CHAR' && /[\]}]/.test(error.message))) {
    return lastStartBefore(doc, at, isFlowCollection) ?? at;
  }
  return at;
}

/**
 * The usual cause of BLOCK_AS_IMPLICIT_KEY in a record: a key indented one space more or less than the key it
 * belongs beside (`- name: Mr O'Neill` with `role:` under it at five spaces), which YAML reads as more of the text
 * above. Says so, naming both keys, or returns undefined when the lines do not look like that.
 */
function misalignedKey(text: string, offset: number): string | undefined {
  if (text === '') return undefined;
  const lineStart = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
  const lineEnd = text.indexOf('\n', offset);
  if (lineEnd === -1) return undefined;
  const nextEnd = text.indexOf('\n', lineEnd + 1);
  const line = text.slice(lineStart, lineEnd);
  const next = text.slice(lineEnd + 1, nextEnd === -1 ? undefined : nextEnd);
  const here = /^(\s*)(- )?([A-Za-z][\w-]*):\s/.exec(line);
  const there = /^(\s*)([A-Za-z][\w-]*):(\s|$)/.exec(next);
  if (!here || !there) return undefined;
  const column = (here[1] as string).length + (here[2] ? 2 : 0);
  const spaces = (there[1] as string).length;
  if (spaces === column) return undefined;
  const count = (n: number): string => `${n} space${n === 1 ? '' : 's'}`;
  return `\`${there[2]}:\` on the next line is not lined up with \`${here[3]}:\` (it has ${count(spaces)} in front, \`${here[3]}:\` is after ${count(column)}), so YAML reads it as more of the text of \`${here[3]}\`. Line \`${there[2]}:\` up with \`${here[3]}:\`: ${count(column)} in front.`;
}

const NO_KEY =
  'This line has no key. If it continues the text above, indent it further (or put the text in quotes); otherwise write it as "key: value".';

export function describeYamlError(doc: Document.Parsed, error: YAMLError, text = ''): string {
  switch (error.code) {
    case 'DUPLICATE_KEY': {
      const key = keyStartingAt(doc, error.pos[0]);
      return `${key === null ? 'This key' : `The key \`${key}\``} appears twice in the same place. Keep one of them.`;
    }
    case 'TAB_AS_INDENT':
      return 'A tab is used for indentation here. YAML needs spaces: replace the tab with spaces.';
    case 'BLOCK_AS_IMPLICIT_KEY':
      return (
        misalignedKey(text, error.pos[0]) ??
        'This text contains a colon followed by a space (": "), which YAML reads as the start of another key. Put the whole text in double quotes ("…").'
      );
    case 'MULTILINE_IMPLICIT_KEY':
      return NO_KEY;
    case 'BAD_SCALAR_START': {
      const char = /character (.)/.exec(error.message)?.[1];
      return `A value cannot start with ${char ? `"${char}"` : 'this character'} unless it is in quotes. Put the value in double quotes ("…").`;
    }
    case 'BAD_DQ_ESCAPE':
      return 'Inside double quotes a backslash (\\) starts a special character, and this one is not valid. Write \\\\ for a backslash, or use single quotes.';
    case 'KEY_OVER_1024_CHARS':
      return 'This key is too long. Keys are short words such as `title`; put long text after a key.';
    case 'MULTIPLE_ANCHORS':
    case 'MULTIPLE_TAGS':
      return 'This value has more than one anchor (&name) or tag (!tag). Keep one.';
    case 'RESOURCE_EXHAUSTION':
      return 'This file is too complicated to read (nested too deeply). Check the indentation and the brackets.';
    default:
      break;
  }
  // yaml reports these under general codes (MISSING_CHAR, BAD_INDENT): tell them apart by what is missing.
  if (/^Implicit map keys need to be followed by map values/.test(error.message)) return NO_KEY;
  if (error.code === 'MISSING_CHAR' && /quote/i.test(error.message)) {
    return 'This quoted text is never closed. Add the closing quote at the end of the text.';
  }
  if (/^Flow sequence/.test(error.message) || /\]/.test(error.message)) {
    return 'This list opened with "[" is not closed with "]" (or the lines after it are not indented enough).';
  }
  if (/^Flow map/.test(error.message) || /\}/.test(error.message)) {
    return 'This group opened with "{" is not closed with "}" (or the lines after it are not indented enough).';
  }
  if (error.code === 'BAD_INDENT') {
    return 'This line is not lined up with the lines above it. Keys at the same level need the same number of spaces in front of them.';
  }
  return 'The YAML layout is broken here. Check the indentation, and that every quote, "[" and "{" is closed.';
}

function isQuoted(node: Node): boolean {
  return isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE');
}

function isFlowCollection(node: Node): boolean {
  return isCollection(node) && node.flow === true;
}

/** The start of the last node of a kind that begins before `offset` (the quote or bracket left open). */
function lastStartBefore(doc: Document.Parsed, offset: number, kind: (node: Node) => boolean): number | null {
  let best: number | null = null;
  visit(doc, (_, node) => {
    // Empty keys and values are visited as null.
    if (node === null || isPair(node)) return;
    const start = (node as Node).range?.[0];
    if (start !== undefined && start < offset && kind(node as Node) && (best === null || start > best)) best = start;
  });
  return best;
}

function keyStartingAt(doc: Document.Parsed, offset: number): string | null {
  let key: string | null = null;
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.range?.[0] === offset) {
        key = String(pair.key.value);
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return key;
}
