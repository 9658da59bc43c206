// Each member of a network read from its cached copy as sipp reads any project (src/project/open.ts), with its
// cycles' status, measure reports and track record: the input of the network's status and analysis.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { MemberInput } from '../core/network/analyse.js';
import type { NetworkMember } from '../core/network/network-file.js';
import { measureReports } from '../core/analysis/report.js';
import { projectTrackRecord } from '../core/predictions/track-record.js';
import { recordOf } from '../core/records/cycle-data.js';
import { PROJECT_FILE, type ProjectFile } from '../core/records/model.js';
import { cycleSettings } from '../core/records/settings.js';
import { projectStatus } from '../core/status/index.js';
import { findMethod } from '../methods/registry.js';
import { cachedMember, memberCache } from './network.js';
import { openProject } from './open.js';

export async function readMembers(root: string, members: readonly NetworkMember[]): Promise<MemberInput[]> {
  return Promise.all(members.map((m) => readMember(root, m)));
}

async function readMember(root: string, member: NetworkMember): Promise<MemberInput> {
  const base = { name: member.name, source: member.source, ref: member.ref ?? null };
  const cache = memberCache(root, member.name);
  const cached = await cachedMember(root, member.name);
  if (!cached || !existsSync(path.join(cache, PROJECT_FILE)))
    return { ...base, pulledAt: null, lastCommit: null, committers: 0, project: null };
  const opened = openProject(cache, { need: 'readable' });
  const status = projectStatus(opened.source, opened.problems, findMethod);
  // Cycles whose records have errors are left out of the analysis (the status row says which).
  const valid = opened.cycles.filter(
    (c) => !status.cycles.some((s) => s.folder === c.source.folder && s.problems.length > 0),
  );
  const reports = new Map(
    valid.map((cycle) => {
      const settings = cycleSettings(opened.settings, recordOf(cycle, 'question'));
      return [
        cycle.source.folder,
        measureReports(recordOf(cycle, 'measures'), {
          suppressionThreshold: settings.suppressionThreshold,
          equityQuintiles: settings.equityQuintiles,
        }),
      ] as const;
    }),
  );
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
