// network.yaml as text: a new one, a member added or removed, keeping every comment and the order of what is there
// (the same care as measures.yaml's edits). Pure: text in, text out, or a refusal in words.
import { Document, isMap, isSeq, parseDocument, YAMLSeq } from 'yaml';
import { refusal } from '../problems.js';
import { schemaModeline } from '../records/document.js';
import type { NetworkRecord } from '../records/types.generated.js';

export type NetworkMember = NetworkRecord['members'][number];

export const NETWORK_FILE = 'network.yaml';
/** The git-ignored folder of a network where members are pulled to. */
export const NETWORK_CACHE = '.sipp-network';

const STRINGIFY = { lineWidth: 0, nullStr: '', indentSeq: true } as const;

/** A new network.yaml: the schema line for editors, the title and no members yet. */
export function newNetworkText(title: string, schemaPath: string): string {
  const body = new Document({ title, members: [] }).toString(STRINGIFY);
  return [
    schemaModeline(schemaPath),
    '# The partnerships in this network, each from its own Git repository. Add one with:',
    '#   sipp network add <folder or Git address> --name <short-name> [--ref <branch, tag or commit>]',
    body,
  ].join('\n');
}

/** The last part of a member's path or address, without `.git`: what its default name is made from. */
export function sourceStem(source: string): string {
  return (
    source
      .replace(/[/\\]+$/, '')
      .split(/[/\\:]/)
      .pop() ?? ''
  ).replace(/\.git$/, '');
}

/** network.yaml with the member added at the end of `members`; refused when its name is taken. */
export function withMember(text: string, member: NetworkMember): string {
  const doc = parseDocument(text);
  const members = doc.get('members', true);
  const list = isSeq(members) ? members : new YAMLSeq();
  const names = list.items.flatMap((item) => (isMap(item) ? [String(item.get('name'))] : []));
  if (names.includes(member.name))
    throw refusal(`The network already has a member called ${member.name}. Nothing was changed.`, {
      hint: 'Give this one another name with --name, or remove the other first with `sipp network remove`.',
    });
  const node = doc.createNode({ name: member.name, source: member.source, ...(member.ref ? { ref: member.ref } : {}) });
  list.flow = false;
  list.items.push(node);
  if (!isSeq(members)) doc.set('members', list);
  return doc.toString(STRINGIFY);
}

/** network.yaml without the named member; refused, listing the members, when there is none of that name. */
export function withoutMember(text: string, name: string): string {
  const doc = parseDocument(text);
  const members = doc.get('members', true);
  const list = isSeq(members) ? members : new YAMLSeq();
  const index = list.items.findIndex((item) => isMap(item) && item.get('name') === name);
  if (index === -1) {
    const names = list.items.flatMap((item) => (isMap(item) ? [String(item.get('name'))] : []));
    throw refusal(
      `The network has no member called ${name}. ${names.length === 0 ? 'It has no members yet.' : `Its members are: ${names.join(', ')}.`} Nothing was changed.`,
    );
  }
  list.items.splice(index, 1);
  return doc.toString(STRINGIFY);
}
