// The project's settings as every command uses them: sipp.yaml as written, normalised once (the method, the
// suppression threshold, the equity group), and a cycle's own settings (its question.yaml may narrow the equity
// group). Analysis, briefings and import all take these, so they cannot disagree on disclosure.
import type { EquityDefinition } from '../data/aggregate.js';
import type { ProjectFile, QuestionRecord } from './model.js';

/** Groups with fewer learners than this are hidden unless sipp.yaml says otherwise (domain.md: disclosure control). */
export const DEFAULT_SUPPRESSION_THRESHOLD = 5;
/** The method of a project whose sipp.yaml names none. */
export const DEFAULT_METHOD = 'car';

type MethodId = NonNullable<ProjectFile['method']>;
export type EquityGroup = ProjectFile['equityGroup'];

export interface ProjectSettings {
  method: MethodId;
  suppressionThreshold: number;
  /** The project's equity group as written in sipp.yaml, if any. */
  equityGroup: EquityGroup;
}

export interface CycleSettings {
  suppressionThreshold: number;
  /** The cycle's equity group: its question.yaml's when that names a marker, otherwise the project's. */
  equityGroup: EquityGroup;
  /** The same, as far as a table can show it (for import and suppression). */
  equity: EquityDefinition;
  /** SIMD quintiles that make up the equity group; empty when it is not defined by SIMD. */
  equityQuintiles: number[];
}

/** sipp.yaml's data (or undefined when it is missing or has errors), with every default filled in. */
export function projectSettings(data: Partial<ProjectFile> | undefined): ProjectSettings {
  const threshold = data?.suppressionThreshold;
  return {
    method: data?.method ?? DEFAULT_METHOD,
    suppressionThreshold:
      typeof threshold === 'number' && Number.isInteger(threshold) && threshold >= 1
        ? threshold
        : DEFAULT_SUPPRESSION_THRESHOLD,
    equityGroup: data?.equityGroup,
  };
}

/** A cycle's settings: the project's, with the equity group its question.yaml defines (when it names a marker). */
export function cycleSettings(
  project: ProjectSettings,
  question: Pick<Partial<QuestionRecord>, 'equityGroup'> | undefined,
): CycleSettings {
  const equityGroup = question?.equityGroup?.marker ? question.equityGroup : project.equityGroup;
  const equity = equityDefinitionOf(equityGroup);
  return {
    suppressionThreshold: project.suppressionThreshold,
    equityGroup,
    equity,
    equityQuintiles: equity.marker === 'simd-quintile' ? [...equity.quintiles] : [],
  };
}

function equityDefinitionOf(equity: EquityGroup): EquityDefinition {
  if (equity?.marker === 'simd-quintile') {
    const quintiles = (Array.isArray(equity.quintiles) ? equity.quintiles : []).filter(
      (q) => Number.isInteger(q) && q >= 1 && q <= 5,
    );
    return quintiles.length > 0 ? { marker: 'simd-quintile', quintiles } : { marker: 'none' };
  }
  if (equity?.marker === 'free-school-meals') return { marker: 'free-school-meals' };
  return { marker: 'none' };
}
