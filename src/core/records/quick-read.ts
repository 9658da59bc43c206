// Reading the data of a plain, well-formed record quickly, without building yaml's document model.
//
// yaml's document model (src/core/records/source.ts) knows where every key and value came from, which sipp
// needs to place a problem at its line and to edit a file keeping its comments; building it was most of the
// cost of `sipp validate` on a large project (issue 10). js-yaml reads the same text several times faster. So a
// file is first read with js-yaml, with values resolved exactly as yaml's core schema resolves them; the result
// is used only when nothing in the file could make the two libraries disagree: no anchors, aliases or tags, no
// tabs, unusual characters, document markers or explicit keys (`? key`), one document, a mapping at the top, keys that are text and
// appear once, no numbers that JSON cannot hold. Anything else (and every file js-yaml refuses) goes the full
// way, whose messages teachers read. test/unit/records/quick-read.test.ts checks that the two never disagree, on
// every example and fixture, on thousands of broken variants of them and on generated data in every YAML style.
import { createRequire } from 'node:module';
import type * as JsYaml from 'js-yaml';
import type { Event } from 'js-yaml';

// js-yaml's CommonJS build: its ES module build reads the same text 2.5 times slower on Node 20 (measured on
// the bench project: 400 ms against 150 ms), as V8 checks module-level bindings on every use.
const { EVENT_ID, FAILSAFE_SCHEMA, NOT_RESOLVED, constructFromEvents, defineMappingTag, defineScalarTag, parseEvents } =
  createRequire(import.meta.url)('js-yaml') as typeof JsYaml;

// yaml's core schema (yaml 2.x, dist/schema/core): the same tests in the same order, the same conversions. Each
// is tried only on a plain value starting with one of its first characters (as js-yaml's own core schema does),
// so answers in words are not tested against every pattern.
const DIGITS = [...'0123456789'];

const nullTag = defineScalarTag('tag:yaml.org,2002:null', {
  implicit: true,
  implicitFirstChars: ['', '~', 'n', 'N'],
  resolve: (source) => (/^(?:~|[Nn]ull|NULL)?$/.test(source) ? null : NOT_RESOLVED),
  identify: (data) => data === null,
});

const boolTag = defineScalarTag('tag:yaml.org,2002:bool', {
  implicit: true,
  implicitFirstChars: ['t', 'T', 'f', 'F'],
  resolve: (source) =>
    /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(source) ? source[0] === 't' || source[0] === 'T' : NOT_RESOLVED,
  identify: (data) => typeof data === 'boolean',
});

const intTag = defineScalarTag('tag:yaml.org,2002:int', {
  implicit: true,
  implicitFirstChars: ['-', '+', ...DIGITS],
  resolve: (source) => {
    if (/^0o[0-7]+$/.test(source)) return finite(parseInt(source.substring(2), 8));
    if (/^[-+]?[0-9]+$/.test(source)) return finite(parseInt(source, 10));
    if (/^0x[0-9a-fA-F]+$/.test(source)) return finite(parseInt(source.substring(2), 16));
    return NOT_RESOLVED;
  },
  identify: (data) => Number.isInteger(data),
});

const floatTag = defineScalarTag('tag:yaml.org,2002:float', {
  implicit: true,
  implicitFirstChars: ['-', '+', '.', ...DIGITS],
  resolve: (source) => {
    if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(source)) {
      if (source.slice(-3).toLowerCase() === 'nan') return finite(NaN);
      return finite(source[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY);
    }
    if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(source)) return finite(parseFloat(source));
    if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(source)) return finite(parseFloat(source));
    return NOT_RESOLVED;
  },
  identify: (data) => typeof data === 'number',
});

/** Text keys only: a key that is a number, true/false, null or a list is left to the full way. */
const mapTag = defineMappingTag<Record<string, unknown>>('tag:yaml.org,2002:map', {
  create: () => ({}),
  identify: (data) => typeof data === 'object' && data !== null && !Array.isArray(data),
  addPair(map, key, value) {
    if (typeof key !== 'string') return 'a key that is not text';
    if (key === '__proto__')
      Object.defineProperty(map, key, { value, enumerable: true, configurable: true, writable: true });
    else map[key] = value;
    return '';
  },
  has: (map, key) => typeof key === 'string' && Object.prototype.hasOwnProperty.call(map, key),
  keys: (map) => Object.keys(map),
  get: (map, key) => (typeof key === 'string' && Object.prototype.hasOwnProperty.call(map, key) ? map[key] : null),
});

const SCHEMA = FAILSAFE_SCHEMA.withTags(mapTag, nullTag, boolTag, intTag, floatTag);

/**
 * Characters that send a file the full way: a tab (yaml refuses some tabs the YAML specification allows, such as
 * one before a comment at the start of a line), control characters, Unicode line breaks, halves of a surrogate
 * pair, and a byte-order mark after the start (at the start both read it the same). And a carriage return on its
 * own, which ends a line for yaml but not always for js-yaml (Windows' \r\n is the same to both).
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNUSUAL = /[\t\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\u2028\u2029\uFEFF\uFFFE\uFFFF\uD800-\uDFFF]|\r(?!\n)/;

/**
 * Document markers (`---`, `...`) are rare in records and read differently by the two at the edges: js-yaml takes
 * an indented one (` ---`) for a marker, yaml for a line without a key. Any line that starts with one, after spaces
 * or not, goes the full way.
 */
const MARKER = /^[ ]*(?:---|\.\.\.)(?:\s|$)/m;

/**
 * An explicit key (`? key`, a YAML feature no record needs): js-yaml and yaml place a comment or blank line after
 * the `?` differently, so such a file goes the full way.
 */
const EXPLICIT_KEY = /(?:^[ ]*(?:-[ ]+)*|[[{,][ ]*)\?(?:[ \t]|$)/m;

/**
 * Set when a number read is Infinity or NaN (`.inf`, `.nan`, a number too large): rare, left to the full way.
 * Reset and read by `quickRead` around a synchronous construction, so no other read can interleave.
 */
let nonFinite = false;

function finite(value: number): number {
  if (!Number.isFinite(value)) nonFinite = true;
  return value;
}

/**
 * The data of a record, when it can be read without yaml's document model and is then certain to be what
 * yaml would read; undefined when the file must be read the full way (which also finds its problems).
 */
export function quickRead(text: string, maxNesting: number): Record<string, unknown> | undefined {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (UNUSUAL.test(body)) return undefined;
  if ((body.includes('---') || body.includes('...')) && MARKER.test(body)) return undefined;
  if (body.includes('?') && EXPLICIT_KEY.test(body)) return undefined;
  let events: Event[];
  try {
    // Two levels below the full way's limit, so that a file near it is measured by the full way.
    events = parseEvents(text, { maxDepth: maxNesting - 2 });
  } catch {
    return undefined;
  }
  if (!plainEvents(events)) return undefined;
  let documents: unknown[];
  nonFinite = false;
  try {
    documents = constructFromEvents(events, { source: text, schema: SCHEMA, maxAliases: 0 });
  } catch {
    return undefined;
  }
  const data = documents[0];
  if (nonFinite || documents.length !== 1 || typeof data !== 'object' || data === null || Array.isArray(data))
    return undefined;
  return data as Record<string, unknown>;
}

/** One document without directives, a mapping at the top, and no anchors, aliases or tags anywhere. */
function plainEvents(events: readonly Event[]): boolean {
  let documents = 0;
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as Event;
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        documents++;
        if (documents > 1 || event.directives.length > 0) return false;
        if (events[i + 1]?.type !== EVENT_ID.MAPPING) return false;
        break;
      case EVENT_ID.ALIAS:
        return false;
      case EVENT_ID.SEQUENCE:
      case EVENT_ID.MAPPING:
      case EVENT_ID.SCALAR:
        if (event.anchorStart !== -1 || event.tagStart !== -1) return false;
        break;
      default:
        break;
    }
  }
  return documents === 1;
}
