// Plain words for values and for what a schema expects: "a list", "nothing", "a whole number of 0 or more".

export type Schema = Record<string, unknown>;

const MAX_QUOTED = 60;

/** Text in double quotes, shortened when long, with line breaks shown as spaces. */
export function quote(text: string): string {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  const short = flat.length > MAX_QUOTED ? `${flat.slice(0, MAX_QUOTED - 1)}…` : flat;
  return `"${short}"`;
}

/** What was found, as a teacher would say it: `"twelve"`, `12.5`, `a list`, `nothing`. */
export function describeFound(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'string') return value === '' ? 'empty text ("")' : quote(value);
  if (typeof value === 'number') return describeNumber(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list';
  return 'a group of "key: value" lines';
}

function describeNumber(n: number): string {
  if (Number.isNaN(n)) return '.nan (not a number)';
  if (!Number.isFinite(n)) return n > 0 ? 'infinity' : 'minus infinity';
  return String(n);
}

/** A value from a schema (an enum member, a const), as it would be written in YAML. */
export function literal(value: unknown): string {
  if (value === null) return 'empty';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value) ?? String(value);
}

/** The schema's allowed values, without `null` (leaving an answer empty is not something to list). */
export function enumValues(schema: Schema): unknown[] | undefined {
  return Array.isArray(schema.enum) ? schema.enum.filter((v) => v !== null) : undefined;
}

export function typesOf(schema: Schema): string[] {
  if (typeof schema.type === 'string') return [schema.type];
  if (Array.isArray(schema.type)) return schema.type.filter((t): t is string => typeof t === 'string');
  return [];
}

/** Phrases for the patterns the schemas use, so nobody is shown a regular expression. */
const PATTERNS: Record<string, string> = {
  '^[a-z0-9][a-z0-9-]*$': 'an id made of lower-case letters, digits and hyphens, such as reading-enjoyment',
  '\\S': 'some words, not only spaces',
};

/** What a valid value looks like: the words after "must be". Covers every keyword the schemas use. */
export function expectation(schema: Schema): string {
  if ('const' in schema) return literal(schema.const);
  const values = enumValues(schema);
  if (values) return `one of: ${values.map(literal).join(', ')}`;
  const branches = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (Array.isArray(branches)) return branches.map(expectation).join(' or ');
  if (schema.format === 'date') return 'a date written as YYYY-MM-DD';
  if (typeof schema.pattern === 'string') {
    return (
      PATTERNS[schema.pattern] ??
      (typeof schema.description === 'string' ? `as described: ${schema.description}` : 'text in the expected form')
    );
  }
  const types = typesOf(schema).filter((t) => t !== 'null');
  if (types.length === 0) return 'a different value';
  return types.map((t) => typePhrase(t, schema)).join(' or ');
}

function typePhrase(type: string, schema: Schema): string {
  switch (type) {
    case 'integer':
      return `a whole number${rangePhrase(schema)}`;
    case 'number':
      return `a number${rangePhrase(schema)}`;
    case 'string':
      return 'text';
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'a list';
    case 'object':
      return 'a group of "key: value" lines';
    default:
      return type;
  }
}

function rangePhrase(schema: Schema): string {
  const min = typeof schema.minimum === 'number' ? schema.minimum : undefined;
  const max = typeof schema.maximum === 'number' ? schema.maximum : undefined;
  if (min !== undefined && max !== undefined) return ` from ${min} to ${max}`;
  if (min !== undefined) return ` of ${min} or more`;
  if (max !== undefined) return ` of ${max} or less`;
  if (typeof schema.exclusiveMinimum === 'number') return ` greater than ${schema.exclusiveMinimum}`;
  if (typeof schema.exclusiveMaximum === 'number') return ` less than ${schema.exclusiveMaximum}`;
  return '';
}
