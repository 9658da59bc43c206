// Parsing a YAML file's text into data plus the positions needed to point at any key or value.
import { Composer, LineCounter, Parser, isAlias, isMap, isPair, isScalar, isSeq, visit } from 'yaml';
import type { CST, Document, Node, Pair, YAMLError } from 'yaml';
import type { Problem } from '../problems.js';
import { describeYamlError, yamlErrorTarget } from './yaml-errors.js';
import { quickRead } from './quick-read.js';

/** A parsed YAML file: its data and its document, which knows where every node came from. */
export interface SourceFile {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  text: string;
  doc: Document.Parsed | null;
  lineCounter: LineCounter;
  /** The plain data, or undefined when the file could not be read as a YAML mapping. */
  data: unknown;
  /** Problems found while reading: syntax errors, empty file, not a mapping. */
  problems: Problem[];
}

export type PathSegment = string | number;

export interface Position {
  line: number;
  column: number;
}

/** Aliases allowed before a file is treated as an "alias bomb" (a tiny file that expands to gigabytes). */
const MAX_ALIAS_COUNT = 100;

/**
 * Lists and mappings nested deeper than this are refused before the document is built. The yaml composer
 * recurses once per level; a stack overflow there is caught by yaml, but can leave V8 unable to compile
 * regular expressions for the rest of the process. Records need fewer than ten levels.
 */
export const MAX_NESTING = 64;

/**
 * YAML 1.2 core schema whatever the file's `%YAML` directive says, so `2025-09-15` stays text and `<<` is an
 * ordinary (unknown) key; `!!binary`, `!!set` and the like are left unresolved instead of becoming objects.
 */
const COMPOSE_OPTIONS = {
  prettyErrors: false,
  uniqueKeys: true,
  strict: true,
  schema: 'core',
  resolveKnownTags: false,
  logLevel: 'error',
} as const;

/**
 * Reads a file's text. A plain, well-formed record is read quickly and its document built only if a position in
 * it is asked for (src/core/records/quick-read.ts); any other file is read the full way, which places each
 * problem.
 */
export function parseSource(file: string, text: string): SourceFile {
  const data = quickRead(text, MAX_NESTING);
  return data === undefined ? parseFully(file, text) : knownSource(file, text, data, []);
}

/** Reads a file with yaml's document model, finding every problem in it. */
export function parseFully(file: string, text: string): SourceFile {
  const lineCounter = new LineCounter();
  const source: SourceFile = { file, text, doc: null, lineCounter, data: undefined, problems: [] };
  const report = (at: Position, message: string, rule: string): SourceFile => {
    source.problems.push({ file, line: at.line, column: at.column, message, rule, severity: 'error' });
    return source;
  };
  const at = (offset: number): Position => positionOfOffset(source, offset);

  const tokens = [...new Parser(lineCounter.addNewLine).parse(text)];
  const shape = inspectTokens(tokens);
  if (shape.tooDeep !== null) {
    return report(
      at(shape.tooDeep),
      `Lists and "key: value" groups are nested more than ${MAX_NESTING} levels deep here. A record needs only a few levels: check the indentation and the brackets.`,
      'too-deep',
    );
  }

  const documents = [...new Composer(COMPOSE_OPTIONS).compose(tokens, true, text.length)];
  const doc = documents[0] as Document.Parsed | undefined;
  if (!doc) return report({ line: 1, column: 1 }, emptyFileMessage(), 'empty-file');
  source.doc = doc;
  if (documents.length > 1) {
    const second = tokens.filter((t) => t.type === 'document')[1];
    return report(
      at(second?.offset ?? 0),
      'This file holds more than one YAML document (a "---" line in the middle). Keep the first and remove the line.',
      'yaml-syntax',
    );
  }

  const errors = selectYamlErrors(doc.errors);
  for (const error of errors)
    report(at(yamlErrorTarget(doc, error)), describeYamlError(doc, error, text), 'yaml-syntax');
  if (errors.length > 0) return source;
  if (doc.contents === null) return report({ line: 1, column: 1 }, emptyFileMessage(), 'empty-file');
  if (shape.oddKey !== null) {
    return report(
      at(shape.oddKey),
      'This key is a list, a "key: value" group or an alias. Keys must be plain words such as `title`.',
      'yaml-syntax',
    );
  }
  const unresolved = shape.hasAlias ? firstUnresolvedAlias(doc) : null;
  if (unresolved) {
    return report(
      at(unresolved.offset),
      `\`*${unresolved.name}\` refers to an anchor \`&${unresolved.name}\` that is not set above it. Write the value out, or add the anchor.`,
      'yaml-syntax',
    );
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    // Unresolved aliases are caught above, so what remains is yaml's resource-exhaustion guard.
    if (!(e instanceof ReferenceError)) {
      return report(
        { line: 1, column: 1 },
        'This file could not be read as YAML. Check the indentation and that every quote and bracket is closed.',
        'yaml-syntax',
      );
    }
    return report(
      at(firstAliasOffset(doc) ?? 0),
      'This file repeats aliases (*name) so many times that reading it would take huge amounts of memory. Write the values out instead of using aliases.',
      'alias-limit',
    );
  }
  if (data === null) return report({ line: 1, column: 1 }, emptyFileMessage(), 'empty-file');
  if (typeof data !== 'object' || Array.isArray(data)) {
    return report(at(doc.contents.range?.[0] ?? 0), notAMappingMessage(data), 'not-a-mapping');
  }
  source.data = data;
  return source;
}

/**
 * A file whose data and reading problems are already known (remembered from an earlier run). Its document is
 * parsed only if a position in it is asked for, so an unchanged file costs nothing to read again.
 */
export function knownSource(file: string, text: string, data: unknown, problems: Problem[]): SourceFile {
  let parsed: SourceFile | undefined;
  const parsedSource = (): SourceFile => (parsed ??= parseFully(file, text));
  return {
    file,
    text,
    data,
    problems,
    get doc() {
      return parsedSource().doc;
    },
    get lineCounter() {
      return parsedSource().lineCounter;
    },
  };
}

function emptyFileMessage(): string {
  return 'This file is empty. It should hold "key: value" lines; restore it from Git if it was emptied by mistake.';
}

function notAMappingMessage(data: unknown): string {
  const held = Array.isArray(data) ? 'a list (lines starting with "- ")' : `a single value instead`;
  return `This file should be made of "key: value" lines, but it holds ${held}. Start each line with a key such as \`title:\`.`;
}

/**
 * Which of yaml's errors to show: every duplicate key (each is its own mistake) and the first other error,
 * because one broken line (an unclosed quote, a bad indent) makes yaml report several more after it.
 */
function selectYamlErrors(errors: readonly YAMLError[]): YAMLError[] {
  const duplicates = errors.filter((e) => e.code === 'DUPLICATE_KEY');
  const other = errors.find((e) => e.code !== 'DUPLICATE_KEY');
  return other ? [...duplicates, other].sort((a, b) => a.pos[0] - b.pos[0]) : duplicates;
}

interface TokenShape {
  /** Offset of the first list or mapping nested deeper than MAX_NESTING. */
  tooDeep: number | null;
  /** Offset of the first key that is a list, a mapping or an alias (JavaScript objects cannot hold such keys). */
  oddKey: number | null;
  hasAlias: boolean;
}

/** What the syntax tree says before the document is built, walked without recursion. */
function inspectTokens(tokens: readonly CST.Token[]): TokenShape {
  const shape: TokenShape = { tooDeep: null, oddKey: null, hasAlias: false };
  const stack: Array<[CST.Token, number]> = tokens.map((t) => [t, 0]);
  while (stack.length > 0) {
    const [token, depth] = stack.pop() as [CST.Token, number];
    if (token.type === 'document') {
      if (token.value) stack.push([token.value, depth]);
    } else if (token.type === 'alias') {
      shape.hasAlias = true;
    } else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      if (depth + 1 > MAX_NESTING) {
        shape.tooDeep = token.offset;
        return shape;
      }
      for (const item of token.items) {
        const key = 'key' in item ? item.key : null;
        if (key) {
          if (shape.oddKey === null && !isScalarToken(key)) shape.oddKey = key.offset;
          stack.push([key, depth + 1]);
        }
        if (item.value) stack.push([item.value, depth + 1]);
      }
    }
  }
  return shape;
}

function isScalarToken(token: CST.Token): boolean {
  return (
    token.type === 'scalar' ||
    token.type === 'single-quoted-scalar' ||
    token.type === 'double-quoted-scalar' ||
    token.type === 'block-scalar'
  );
}

function firstUnresolvedAlias(doc: Document.Parsed): { offset: number; name: string } | null {
  let found: { offset: number; name: string } | null = null;
  visit(doc, {
    Alias(_, alias) {
      if (alias.resolve(doc)) return undefined;
      found = { offset: alias.range?.[0] ?? 0, name: alias.source };
      return visit.BREAK;
    },
  });
  return found;
}

function firstAliasOffset(doc: Document.Parsed): number | null {
  let offset: number | null = null;
  visit(doc, {
    Alias(_, alias) {
      offset = alias.range?.[0] ?? null;
      return visit.BREAK;
    },
  });
  return offset;
}

/** The key of a pair as yaml writes it into plain data (a null key becomes ""). */
export function keyString(pair: Pair): string | null {
  if (!isScalar(pair.key)) return null;
  return pair.key.value === null ? '' : String(pair.key.value);
}

interface Located {
  node: Node | null;
  pair: Pair | null;
  /** How many segments of the path were found. */
  depth: number;
}

/** Walks the document along a data path, as far as it goes (through aliases to what they name). */
function locate(source: SourceFile, path: readonly PathSegment[]): Located {
  let node: unknown = source.doc?.contents ?? null;
  let pair: Pair | null = null;
  let depth = 0;
  for (const segment of path) {
    if (isAlias(node) && source.doc) node = node.resolve(source.doc) ?? node;
    if (isMap(node)) {
      const found = node.items.find((item) => isPair(item) && keyString(item) === String(segment));
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

/** The 1-based line and column of a character offset in the file. */
export function positionOfOffset(source: SourceFile, offset: number): Position {
  const { line, col } = source.lineCounter.linePos(Math.max(0, Math.min(offset, source.text.length)));
  return { line: Math.max(1, line), column: Math.max(1, col) };
}

function positionOfNode(source: SourceFile, node: Node): Position {
  return positionOfOffset(source, node.range?.[0] ?? 0);
}

/**
 * Where to point for a path: at the key (for unknown or misnamed keys, or a missing answer) or at the
 * value (for a wrong value). Falls back to the nearest enclosing node that exists.
 */
export function positionOf(
  source: SourceFile,
  path: readonly PathSegment[],
  target: 'key' | 'value' = 'value',
): Position {
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
  return source.doc?.contents ? positionOfNode(source, source.doc.contents) : { line: 1, column: 1 };
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

/**
 * The 1-based first and last lines of the value at a path (a block of text, a list, a group of figures), or
 * null when the path does not lead to a value in the file.
 */
export function lineRangeOf(source: SourceFile, path: readonly PathSegment[]): { first: number; last: number } | null {
  const { node, depth } = locate(source, path);
  if (!node || depth !== path.length || !node.range) return null;
  const [start, valueEnd] = node.range;
  const first = positionOfOffset(source, start).line;
  // valueEnd is just past the value; a block ends with its newline, which belongs to its last line.
  const last = positionOfOffset(source, Math.max(start, valueEnd - 1)).line;
  return { first, last: Math.max(first, last) };
}
