// Each member of a network read from its cached copy as sipp reads any project (src/project/open.ts), with its
// cycles' status, measure reports and track record: the input of the network's status and analysis.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { memberFacts, type MemberFacts, type MemberInput } from '../core/network/analyse.js';
import type { NetworkMember } from '../core/network/network-file.js';
import { cycleMeasureReports } from '../core/analysis/report.js';
import { projectTrackRecord } from '../core/predictions/track-record.js';
import type { ProjectFile } from '../core/records/model.js';
import { projectStatus } from '../core/status/index.js';
import { findMethod } from '../methods/registry.js';
import { packageVersion } from './assets.js';
import { cachedMember, memberCache, type CachedMember } from './network.js';
import { openProject } from './open.js';

const FACTS_FILE = 'sipp-facts.json';

/**
 * Each member's facts: remembered beside its pulled copy for the commit and sipp version they were worked out for
 * (.git/sipp-facts.json), so that status, analyse and brief read one small file per member until the next pull
 * brings a new commit. Cost grows with what changed.
 */
export async function readMembers(root: string, members: readonly NetworkMember[]): Promise<MemberFacts[]> {
  return Promise.all(members.map((m) => readFacts(root, m)));
}

async function readFacts(root: string, member: NetworkMember): Promise<MemberFacts> {
  const cached = await cachedMember(root, member.name);
  const memo = path.join(memberCache(root, member.name), '.git', FACTS_FILE);
  const version = packageVersion();
  const named = { name: member.name, source: member.source, ref: member.ref ?? null };
  if (cached?.commit) {
    try {
      const saved = JSON.parse(readFileSync(memo, 'utf8')) as {
        version?: string;
        commit?: string;
        facts?: MemberFacts;
      };
      if (saved.version === version && saved.commit === cached.commit && saved.facts)
        return { ...saved.facts, ...named, pulledAt: cached.pulledAt };
    } catch {
      // Not worked out yet for this commit, or unreadable: work it out again below.
    }
  }
  const facts = memberFacts(readMember(memberCache(root, member.name), named, cached));
  if (cached?.commit) {
    try {
      writeFileSync(memo, JSON.stringify({ version, commit: cached.commit, facts }));
    } catch {
      // A cache that cannot be written only costs time on the next run.
    }
  }
  return facts;
}

/** A member's project read from its copy; `cached` is null when it was never pulled (its copy has no sipp.yaml). */
function readMember(
  copy: string,
  base: Pick<MemberInput, 'name' | 'source' | 'ref'>,
  cached: CachedMember | null,
): MemberInput {
  if (!cached) return { ...base, pulledAt: null, lastCommit: null, committers: 0, project: null };
  const opened = openProject(copy, { need: 'readable' });
  const status = projectStatus(opened.source, opened.problems, findMethod);
  // Cycles whose records have errors are left out of the analysis (the status row says which).
  const leftOut = new Set(status.cycles.filter((s) => s.problems.length > 0).map((s) => s.folder));
  const valid = opened.cycles.filter((c) => !leftOut.has(c.source.folder));
  const reports = new Map(valid.map((cycle) => [cycle.source.folder, cycleMeasureReports(cycle, opened.settings)]));
  return {
    ...base,
    pulledAt: cached.pulledAt,
    lastCommit: cached.lastCommit,
    committers: cached.committers,
    project: {
      file: opened.source.project.data as Partial<ProjectFile> | undefined,
      problems: opened.problems,
      cycles: valid,
      statuses: status.cycles,
      reports,
      trackRecord: projectTrackRecord(opened.settings, valid, findMethod, (c) => reports.get(c.source.folder) ?? []),
    },
  };
}
