// The parts of a briefing that describe the project: partnership, schools, team, learners and equity group.
import type { ProjectFile } from '../records/model.js';
import { projectSettings } from '../records/settings.js';
import type { DisclosureView, EquityGroupView, LearnersView, ProjectView } from './types.js';
import {
  answer,
  cfeLevelLabel,
  equityMarkerLabel,
  formatCount,
  listInWords,
  sectorLabel,
  teamRoleLabel,
} from '../words.js';

type Learners = ProjectFile['targetLearners'];
type Equity = ProjectFile['equityGroup'];

export function projectView(project: ProjectFile, methodName: string): ProjectView {
  const partnership = project.partnership ?? {};
  const authorities = (partnership.localAuthorities ?? []).filter((a) => a.trim() !== '');
  return {
    title: project.title,
    partnership: answer(partnership.name),
    programme: answer(partnership.programme),
    focus: answer(project.focus),
    authorities: answer(listInWords(authorities)),
    schools: (partnership.schools ?? []).map((s) => ({
      name: s.name,
      sector: sectorLabel(s.sector),
      authority: s.authority?.trim() ?? '',
    })),
    team: (project.team ?? []).map((m) => ({
      name: m.name,
      role: teamRoleLabel(m.role),
      school: m.school?.trim() ?? '',
    })),
    method: methodName,
  };
}

export function learnersView(learners: Learners): LearnersView {
  return {
    description: answer(learners?.description),
    stages: answer(listInWords(learners?.stages ?? [])),
    cfeLevels: answer(listInWords((learners?.cfeLevels ?? []).map(cfeLevelLabel))),
    number: answer(typeof learners?.number === 'number' ? formatCount(learners.number) : null),
  };
}

export function equityGroupView(equity: Equity): EquityGroupView {
  const isSimd = equity?.marker === 'simd-quintile';
  return {
    description: answer(equity?.description),
    marker: answer(equityMarkerLabel(equity?.marker)),
    simdEdition: answer(isSimd ? equity?.simdEdition : null),
    quintiles: answer(isSimd ? listInWords([...(equity?.quintiles ?? [])].sort((a, b) => a - b).map(String)) : null),
    isSimd,
  };
}

export function thresholdOf(project: ProjectFile): number {
  return projectSettings(project).suppressionThreshold;
}

export function disclosureView(threshold: number, applies: boolean, anySuppressed: boolean): DisclosureView {
  return {
    threshold: String(threshold),
    note:
      `Figures marked [c] are not shown because the group has fewer than ${threshold} learners, or because they would ` +
      `let someone work out the figures of such a group (Scottish Government practice). [x] marks a figure not recorded.`,
    applies,
    anySuppressed,
  };
}
