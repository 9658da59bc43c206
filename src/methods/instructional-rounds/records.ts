// The Rounds records of a cycle, typed from the generated schema types, and the words used for them.
import type { CycleData } from '../kit.js';
import type { DebriefRecord, RoundsRecord, VisitsRecord } from './types.generated.js';

export type { DebriefRecord, RoundsRecord, VisitsRecord };
export type Visit = NonNullable<VisitsRecord['visits']>[number];
export type Classroom = NonNullable<Visit['classrooms']>[number];
export type Observation = NonNullable<Visit['observations']>[number];
export type Checks = NonNullable<NonNullable<RoundsRecord['problemOfPractice']>['checks']>;
export type CheckName = keyof Checks;
export type Check = NonNullable<Checks[CheckName]>;
export type NextLevelOfWork = NonNullable<DebriefRecord['nextLevelOfWork']>;

export const ROUNDS = 'rounds';
export const VISITS = 'visits';
export const DEBRIEF = 'debrief';

/** The five checks of a problem of practice (City et al., chapter 6), in the order the literature gives them. */
export const CHECKS: readonly { name: CheckName; label: string; question: string }[] = [
  {
    name: 'instructionalCore',
    label: 'instructional core',
    question: 'is it about what the teacher and learners do with the content?',
  },
  { name: 'observable', label: 'observable', question: 'can it be seen and heard directly in classrooms?' },
  {
    name: 'actionable',
    label: 'actionable',
    question: "is it within the school's control to act on, and could it improve in real time?",
  },
  {
    name: 'linkedToStrategy',
    label: 'linked to strategy',
    question: "is it connected to the school's wider improvement plan?",
  },
  {
    name: 'highLeverage',
    label: 'high-leverage',
    question: "would acting on it make a significant difference to learners' attainment?",
  },
];

/** The debrief's phases in the order the protocol runs them. */
export const PHASES = ['describe', 'analyse', 'predict'] as const;
export type Phase = (typeof PHASES)[number];

export const TIMEFRAMES: readonly { name: keyof NextLevelOfWork; label: string }[] = [
  { name: 'nextWeek', label: 'Next week' },
  { name: 'nextMonth', label: 'Next month' },
  { name: 'endOfYear', label: 'By the end of the year' },
];

/** The three records when they passed their schemas, else undefined. */
export function roundsRecords(cycle: CycleData): {
  rounds: RoundsRecord | undefined;
  visits: VisitsRecord | undefined;
  debrief: DebriefRecord | undefined;
} {
  return {
    rounds: cycle.records.get(ROUNDS) as RoundsRecord | undefined,
    visits: cycle.records.get(VISITS) as VisitsRecord | undefined,
    debrief: cycle.records.get(DEBRIEF) as DebriefRecord | undefined,
  };
}

/** Given text: not null, not blank. */
export function hasText(value: string | null | undefined): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** The written items of a list (blank lines left out). */
export function written(items: readonly string[] | undefined): string[] {
  return (items ?? []).filter(hasText);
}
