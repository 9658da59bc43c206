// A network folder on disk: finding it, reading and writing network.yaml, and pulling each member's repository with
// git into the git-ignored cache (.sipp-network/<name>), several at once. A member's own repository is only read:
// a folder is fetched from at its ref, so its working tree is never touched.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { NETWORK_CACHE, NETWORK_FILE, type NetworkMember } from '../core/network/network-file.js';
import { refusal, usageError, type Problem } from '../core/problems.js';
import { parseSource } from '../core/records/source.js';
import type { NetworkRecord } from '../core/records/types.generated.js';
import { createSchemaValidator } from '../core/validate/validator.js';
import { schemaProblems } from '../core/validate/schema-problems.js';
import { readSchemas } from './assets.js';
import { findFolderWith } from './find-root.js';
import { PROJECT_FILE } from '../core/records/model.js';

const run = promisify(execFile);

/** How many members are fetched at once. */
export const PULL_CONCURRENCY = 6;
/** How much history a pull fetches: enough to count who committed lately. */
export const PULL_DEPTH = 200;
/** What a pull learned of a member's copy (commit, dates, committers), beside it in .git/. */
const PULL_FACTS = 'sipp-member.json';

export function findNetworkRoot(start: string): string | null {
  return findFolderWith(start, NETWORK_FILE);
}

export function requireNetworkRoot(start: string): string {
  if (!existsSync(start) || !statSync(start).isDirectory()) throw usageError(`The folder ${start} does not exist.`);
  const root = findNetworkRoot(start);
  if (!root)
    throw usageError(
      `This folder is not inside a network folder (no ${NETWORK_FILE} here or in any folder above it).`,
      'Make one with `sipp network init <folder> --title "…"`, or run `sipp -C <network folder> network …`.',
    );
  return root;
}

export interface NetworkFile {
  root: string;
  text: string;
  data: NetworkRecord | undefined;
  problems: Problem[];
}

/** network.yaml read and checked against its schema. */
export function readNetwork(root: string): NetworkFile {
  const text = readFileSync(path.join(root, NETWORK_FILE), 'utf8');
  const file = parseSource(NETWORK_FILE, text);
  const problems = [...file.problems];
  if (file.data !== undefined) {
    const validator = createSchemaValidator(readSchemas());
    problems.push(...schemaProblems(file, validator.validate('network.schema.json', file.data)));
  }
  const errors = problems.filter((p) => p.severity === 'error');
  return { root, text, data: errors.length === 0 ? (file.data as NetworkRecord) : undefined, problems };
}

/** Where a member is pulled to. */
export function memberCache(root: string, name: string): string {
  return path.join(root, NETWORK_CACHE, name);
}

/** A local folder is fetched from by its absolute path (relative to the network folder); anything else as given. */
export function resolveSource(root: string, source: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source) || /^[^/\\]+@[^:]+:/.test(source)) return source;
  const local = path.resolve(root, source);
  return existsSync(local) ? local : source;
}

export type PullResult = { name: string; ok: true; commit: string } | { name: string; ok: false; why: string };

/** Fetches one member at its ref into the cache and checks that it is a sipp project. */
export async function pullMember(root: string, member: NetworkMember): Promise<PullResult> {
  const cache = memberCache(root, member.name);
  const git = (args: string[]) => run('git', ['-C', cache, ...args], { maxBuffer: 16 * 1024 * 1024 });
  try {
    if (!existsSync(path.join(cache, '.git'))) {
      mkdirSync(cache, { recursive: true });
      await git(['init', '-q']);
    }
    await git(['fetch', '-q', '--depth', String(PULL_DEPTH), resolveSource(root, member.source), member.ref ?? 'HEAD']);
    await git(['checkout', '-q', '-f', '--detach', 'FETCH_HEAD']);
    await git(['clean', '-q', '-f', '-d', '-x']);
  } catch (e) {
    return { name: member.name, ok: false, why: gitFailure(e, member) };
  }
  if (!existsSync(path.join(cache, PROJECT_FILE)))
    return {
      name: member.name,
      ok: false,
      why: `it is not a sipp project: there is no ${PROJECT_FILE} at ${member.ref ?? 'its default branch'}`,
    };
  // What status needs from git, worked out once here: status then reads one small file per member.
  const log = (await git(['log', '--format=%cI%x09%aE', 'HEAD'])).stdout.split('\n').filter((l) => l !== '');
  const full = (await git(['rev-parse', 'HEAD'])).stdout.trim();
  const facts: CachedMember = {
    commit: full,
    pulledAt: new Date().toISOString(),
    lastCommit: log[0]?.split('\t')[0] ?? null,
    committers: new Set(log.map((l) => l.split('\t')[1])).size,
  };
  writeFileSync(path.join(cache, '.git', PULL_FACTS), JSON.stringify(facts));
  return { name: member.name, ok: true, commit: full.slice(0, 7) };
}

/** Every member pulled, PULL_CONCURRENCY at once, each result reported as it comes. */
export async function pullMembers(
  root: string,
  members: readonly NetworkMember[],
  onResult: (result: PullResult) => void,
): Promise<PullResult[]> {
  const results: PullResult[] = new Array<PullResult>(members.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < members.length) {
      const index = next;
      next += 1;
      const result = await pullMember(root, members[index] as NetworkMember);
      results[index] = result;
      onResult(result);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PULL_CONCURRENCY, members.length) }, worker));
  return results;
}

function gitFailure(e: unknown, member: NetworkMember): string {
  const stderr = String((e as { stderr?: unknown }).stderr ?? (e as Error).message ?? '');
  if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'git is not installed on this computer';
  if (/couldn't find remote ref|not our ref|unadvertised object/i.test(stderr))
    return `it has no branch, tag or commit called ${member.ref ?? 'HEAD'}`;
  if (
    /does not appear to be a git repository|Could not read from remote|unable to access|not found|No such file/i.test(
      stderr,
    )
  )
    return `${member.source} could not be reached (no Git repository there, or no connection)`;
  const first = stderr.split('\n').find((l) => l.trim() !== '') ?? 'git failed';
  return first.replace(/^fatal: /, '');
}

/** When a member was last pulled (ISO), and the date and authors of its commits as fetched. */
export interface CachedMember {
  /** The commit pulled (full hash). */
  commit: string | null;
  pulledAt: string | null;
  lastCommit: string | null;
  committers: number;
}

export async function cachedMember(root: string, name: string): Promise<CachedMember | null> {
  const cache = memberCache(root, name);
  if (!existsSync(path.join(cache, PROJECT_FILE))) return null;
  try {
    const facts = JSON.parse(readFileSync(path.join(cache, '.git', PULL_FACTS), 'utf8')) as Partial<CachedMember>;
    return {
      commit: typeof facts.commit === 'string' ? facts.commit : null,
      pulledAt: typeof facts.pulledAt === 'string' ? facts.pulledAt : null,
      lastCommit: typeof facts.lastCommit === 'string' ? facts.lastCommit : null,
      committers: typeof facts.committers === 'number' ? facts.committers : 0,
    };
  } catch {
    return { commit: null, pulledAt: null, lastCommit: null, committers: 0 };
  }
}

/** The network the command runs in, with its members; refused (exit 1) when network.yaml has errors. */
export function openNetwork(cwd: string, notDone: string): { root: string; data: NetworkRecord } {
  const root = requireNetworkRoot(cwd);
  const network = readNetwork(root);
  const errors = network.problems.filter((p) => p.severity === 'error');
  if (!network.data || errors.length > 0)
    throw refusal(
      `${NETWORK_FILE} has ${errors.length === 1 ? 'a problem' : `${errors.length} problems`}, so ${notDone}:`,
      {
        problems: errors,
        hint: `Fix ${errors.length === 1 ? 'it' : 'them'} and run the command again.`,
      },
    );
  return { root, data: network.data };
}
