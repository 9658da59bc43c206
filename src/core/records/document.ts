// Turning record data into the YAML text sipp writes: a schema line for editors, then each answer with its guidance as a comment.
import { Document, isMap, isPair, isScalar } from 'yaml';
import type { YAMLMap } from 'yaml';

type Schema = Record<string, unknown>;

/** The first line of every YAML file sipp writes, so VS Code's YAML extension validates it offline. */
export function schemaModeline(schemaPath: string): string {
  return `# yaml-language-server: $schema=${schemaPath}`;
}

/**
 * YAML text for a new file: the schema line, then the data, with each top-level key preceded by its
 * description from the schema (the same words editors show on hover).
 */
export function newRecordText(
  data: Record<string, unknown>,
  schema: Schema,
  schemaPath: string,
  schemas: ReadonlyMap<string, Schema>,
  examples: ReadonlyMap<string, unknown> = new Map(),
): string {
  const doc = new Document(data);
  if (isMap(doc.contents)) commentKeys(doc.contents, schema, schemas);
  doc.commentBefore = ` ${schemaModeline(schemaPath).slice(2)}`;
  const body = doc.toString({ lineWidth: 0, nullStr: '', indentSeq: true });
  // `key:` followed by nothing reads as "not answered yet": drop the trailing space the null leaves.
  return withListExamples(body.replace(/: $/gm, ':'), examples);
}

/**
 * Under each empty list (`dataSources: []`), one item of the right shape as a comment, so that a teacher sees
 * which keys an item takes without reading a schema (issue 9: "new records show their shape").
 */
function withListExamples(text: string, examples: ReadonlyMap<string, unknown>): string {
  let out = text;
  for (const [key, item] of examples) {
    const example = new Document([item]).toString({ lineWidth: 0, indentSeq: true }).trimEnd().split('\n');
    const grouped = item !== null && typeof item === 'object';
    const lines = [
      grouped
        ? '# Replace [] with one entry per item, each with these keys, for example:'
        : '# Replace [] with one line per item, for example:',
      ...example.map((line) => `#   ${line}`),
    ];
    out = out.replace(new RegExp(`^${key}: \\[\\]$`, 'm'), (line) => [line, ...lines].join('\n'));
  }
  return out;
}

/** The lines withListExamples writes under `key: []`, removed once the list gets its first real entry. */
export function withoutListExample(text: string, key: string): string {
  return text.replace(
    new RegExp(
      `^(${key}: \\[\\])\\n# Replace \\[\\] with one (?:entry|line) per item[^\\n]*\\n(?:#   [^\\n]*\\n)*`,
      'm',
    ),
    '$1\n',
  );
}

function commentKeys(map: YAMLMap, schema: Schema, schemas: ReadonlyMap<string, Schema>): void {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  for (const item of map.items) {
    if (!isPair(item) || !isScalar(item.key)) continue;
    const property = properties[String(item.key.value)];
    if (!property) continue;
    const description = descriptionOf(property, schemas);
    if (description) item.key.commentBefore = ` ${description}`;
  }
}

/** A property's description, following a `$ref` to a shared definition when it has none of its own. */
function descriptionOf(property: Schema, schemas: ReadonlyMap<string, Schema>): string | undefined {
  if (typeof property.description === 'string') return property.description;
  const ref = property.$ref;
  if (typeof ref !== 'string') return undefined;
  const [file, pointer] = ref.split('#');
  const target = file ? schemas.get(file) : undefined;
  const def = pointer
    ?.split('/')
    .filter(Boolean)
    .reduce<unknown>((node, key) => (node as Schema | undefined)?.[key], target);
  const text = (def as Schema | undefined)?.description;
  return typeof text === 'string' ? text : undefined;
}
