// A project on disk opened as `sipp brief` opens it, for tests that render its briefings: sipp.yaml's data, and every
// cycle with its method and status.
import { allCycleData, projectData } from '../../../src/core/records/cycle-data.js';
import type { ProjectFile } from '../../../src/core/records/model.js';
import type { OverviewCycle } from '../../../src/core/render/index.js';
import { projectStatus } from '../../../src/core/status/index.js';
import { validateProject } from '../../../src/core/validate/index.js';
import { findMethod } from '../../../src/methods/registry.js';
import { readSchemas } from '../../../src/project/assets.js';
import { loadProject } from '../../../src/project/load.js';

export function openedForBriefings(root: string): { project: ProjectFile; cycles: OverviewCycle[] } {
  const source = loadProject(root);
  const problems = validateProject(source, readSchemas(), { findMethod });
  const statuses = projectStatus(source, problems, findMethod).cycles;
  const cycles = allCycleData(source, problems).map((cycle, i) => ({
    cycle,
    method: findMethod(cycle.method),
    status: statuses[i]!,
  }));
  return { project: projectData(source, problems) as ProjectFile, cycles };
}
