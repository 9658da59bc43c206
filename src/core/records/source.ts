// Parsing a YAML file's text into data plus the positions needed to point at any key or value.
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import type { Document, Node, Pair } from 'yaml';
import type { Problem } from '../problems.js';

/** A parsed YAML file: its data and its document, which knows where every node came from. */
export interface SourceFile {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  text: string;
  doc: Document.Parsed | null;
  lineCounter: LineCounter;
  /** The plain data, or undefined when the file could not be read as YAML. */
  data: unknown;
  /** Problems found while reading: syntax errors, empty file, not a mapping. */
  problems: Problem[];
}

export type PathSegment = string | number;

/** Aliases allowed before a file is treated as an "alias bomb" (a tiny file that expands to gigabytes). */
const MAX_ALIAS_COUNT = 100;

export function parseSource(file: string, text: string): SourceFile {
  const lineCounter = new LineCounter();
  const source: SourceFile = { file, text, doc: null, lineCounter, data: undefined, problems: [] };
  const problem = (line: number, column: number, message: string, rule: string): void => {
    source.problems.push({ file, line, column, message, rule, severity: 'error' });
  };

  if (text.trim() === '' || stripComments(text).trim() === '') {
    problem(1, 1, 'This file is empty. It should hold the record\'s answers as "key: value" lines; start again from a fresh copy if it was emptied by mistake.', 'empty-file');
    return source;
  }

  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  source.doc = doc;
  for (const error of doc.errors) {
    const [line, column] = error.linePos ? [error.linePos[0].line, error.linePos[0].col] : [1, 1];
    problem(line, column, describeYamlError(error.code, error.message), 'yaml-syntax');
  }
  if (doc.errors.length > 0) return source;

  try {
    source.data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const message =
      e instanceof ReferenceError
        ? 'This file repeats aliases (*name) so many times that reading it would take huge amounts of memory. Write the values out instead of using aliases.'
        : `This file could not be read as YAML: ${(e as Error).message}`;
    problem(1, 1, message, 'yaml-syntax');
    return source;
  }
  if (source.data === null || typeof source.data !== 'object' || Array.isArray(source.data)) {
    const at = doc.contents ? positionOfNode(source, doc.contents) : { line: 1, column: 1 };
    problem(at.line, at.column, 'This file should be a list of "key: value" answers, but it holds a single value or a list.', 'not-a-mapping');
    source.data = undefined;
  }
  return source;
}

function stripComments(text: string): string {
  return text.replace(/^\s*#.*$/gm, '');
}

/** Plain-words version of the yaml library's error, keeping its own explanation where it is already clear. */
function describeYamlError(code: string, message: string): string {
  const first = (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '').trim();
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'This key appears twice in the same place. Keep one of them.';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'UNEXPECTED_TOKEN':
    case 'BLOCK_AS_IMPLICIT_KEY':
      return `The YAML layout is broken here (${lowerFirst(first)}). Check the indentation and that every "[", "{" and quote is closed.`;
    case 'TAB_AS_INDENT':
      return 'A tab is used for indentation here. YAML needs spaces: replace the tab with spaces.';
    case 'MULTIPLE_DOCS':
      return 'This file holds more than one YAML document (a line of "---" in the middle). Keep one.';
    default:
      return `The YAML could not be read here: ${lowerFirst(first)}.`;
  }
}

function lowerFirst(s: string): string {
  return s.replace(/\.$/, '').replace(/^./, (c) => c.toLowerCase());
}

interface Located {
  node: Node | null;
  pair: Pair | null;
  /** How many segments of the path were found. */
  depth: number;
}

/** Walks the document along a data path, as far as it goes. */
function locate(source: SourceFile, path: readonly PathSegment[]): Located {
  let node: unknown = source.doc?.contents ?? null;
  let pair: Pair | null = null;
  let depth = 0;
  for (const segment of path) {
    if (isMap(node)) {
      const found = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
      if (!found) break;
      pair = found as Pair;
      node = found.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) break;
      pair = null;
      node = item;
    } else {
      break;
    }
    depth += 1;
  }
  return { node: (node as Node | null) ?? null, pair, depth };
}

export interface Position {
  line: number;
  column: number;
}

function positionOfNode(source: SourceFile, node: Node): Position {
  const offset = node.range?.[0] ?? 0;
  const { line, col } = source.lineCounter.linePos(offset);
  return { line, column: col };
}

/**
 * Where to point for a path: at the key (for unknown or misnamed keys, or a missing answer) or at the
 * value (for a wrong value). Falls back to the nearest enclosing node that exists.
 */
export function positionOf(source: SourceFile, path: readonly PathSegment[], target: 'key' | 'value' = 'value'): Position {
  const { node, pair, depth } = locate(source, path);
  const complete = depth === path.length;
  if (target === 'key' && pair && isScalar(pair.key) && complete) return positionOfNode(source, pair.key);
  if (node && (complete || !pair)) {
    // A value that is absent (`key:` with nothing after it) has no range of its own: point at the key.
    if (isScalar(node) && node.value === null && pair && isScalar(pair.key) && node.range?.[0] === node.range?.[1]) {
      return positionOfNode(source, pair.key);
    }
    return positionOfNode(source, node);
  }
  if (pair && isScalar(pair.key)) return positionOfNode(source, pair.key);
  return { line: 1, column: 1 };
}

/** Splits an ajv/JSON-pointer instance path such as `/results/0/groups` into segments. */
export function pointerToPath(pointer: string): PathSegment[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}
