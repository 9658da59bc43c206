// The first data of a project's sipp.yaml and of a new cycle's records: every answer present and empty, so
// teachers see what to fill in, and valid against the schemas as scaffolded.
import { DEFAULT_SUPPRESSION_THRESHOLD } from './settings.js';
import type {
  BaselineRecord,
  CoreRecordName,
  InterventionRecord,
  MeasuresRecord,
  ProjectFile,
  QuestionRecord,
  ReflectionsRecord,
} from './model.js';

export type Stage = NonNullable<NonNullable<ProjectFile['targetLearners']>['stages']>[number];
export type CfeLevel = NonNullable<NonNullable<ProjectFile['targetLearners']>['cfeLevels']>[number];
export type EquityMarker = NonNullable<NonNullable<ProjectFile['equityGroup']>['marker']>;
type MethodId = ProjectFile['method'];

/** School stages in the order of the enum in common.schema.json. */
export const STAGES: readonly Stage[] = [
  'ELC',
  'P1',
  'P2',
  'P3',
  'P4',
  'P5',
  'P6',
  'P7',
  'S1',
  'S2',
  'S3',
  'S4',
  'S5',
  'S6',
];
const CFE_LEVELS: readonly CfeLevel[] = ['early', 'first', 'second', 'third', 'fourth', 'senior-phase'];

/** The ways of marking the equity group, named as the group they pick out. */
export const EQUITY_MARKERS: readonly { id: EquityMarker; name: string }[] = [
  { id: 'simd-quintile', name: 'Learners living in SIMD quintiles 1 and 2 (SIMD 2020v2)' },
  { id: 'free-school-meals', name: 'Learners registered for free school meals' },
  { id: 'care-experienced', name: 'Care-experienced learners' },
  { id: 'additional-support-needs', name: 'Learners with additional support needs' },
  { id: 'eal', name: 'Learners with English as an additional language' },
  { id: 'young-carer', name: 'Young carers' },
  { id: 'other', name: 'Other learners (describe them in sipp.yaml)' },
];

export const DEFAULT_PROGRAMME = 'School Improvement Partnership Programme';
export const DEFAULT_SIMD_EDITION = 'SIMD 2020v2';

/** What `sipp init` asks for, by flag or prompt. */
export interface InitAnswers {
  title: string;
  partnership?: string | undefined;
  method: MethodId;
  schools: readonly string[];
  authorities: readonly string[];
  focus?: string | undefined;
  stages: readonly Stage[];
  equityMarker: EquityMarker;
}

export function initialProjectData(answers: InitAnswers): ProjectFile {
  const authorities = unique(answers.authorities);
  // With one authority every school is in it; with several, the teacher says which.
  const onlyAuthority = authorities.length === 1 ? (authorities[0] ?? null) : null;
  const stages = sortedStages(answers.stages);
  return {
    schemaVersion: 1,
    title: answers.title.trim(),
    partnership: {
      name: textOrNull(answers.partnership),
      programme: DEFAULT_PROGRAMME,
      localAuthorities: authorities,
      schools: unique(answers.schools).map((name) => ({
        name,
        sector: sectorFromName(name),
        authority: onlyAuthority,
      })),
    },
    team: [],
    method: answers.method,
    focus: textOrNull(answers.focus),
    targetLearners: { description: null, stages, cfeLevels: expectedLevels(stages), number: null },
    equityGroup: equityGroupFor(answers.equityMarker),
    suppressionThreshold: DEFAULT_SUPPRESSION_THRESHOLD,
  };
}

export function equityGroupFor(marker: EquityMarker): NonNullable<ProjectFile['equityGroup']> {
  if (marker === 'simd-quintile') {
    return {
      marker,
      description: 'learners living in SIMD quintiles 1 and 2',
      simdEdition: DEFAULT_SIMD_EDITION,
      quintiles: [1, 2],
    };
  }
  const descriptions: Record<Exclude<EquityMarker, 'simd-quintile'>, string | null> = {
    'free-school-meals': 'learners registered for free school meals',
    'care-experienced': 'care-experienced learners',
    'additional-support-needs': 'learners with additional support needs',
    eal: 'learners with English as an additional language',
    'young-carer': 'young carers',
    other: null,
  };
  return { marker, description: descriptions[marker] };
}

/** A school's sector guessed from its name ("Hillside Primary" is primary); null when the name does not say. */
export function sectorFromName(name: string): 'primary' | 'secondary' | 'early-learning-and-childcare' | null {
  // English names, and Gaelic-medium schools by their Gaelic names (bun-sgoil, àrd-sgoil, sgoil-àraich).
  if (/\bprimary\b|(^|\s)bun-?sgoil/i.test(name)) return 'primary';
  if (/\b(high school|academy|secondary|grammar school)\b|(^|\s)[àa]rd-?sgoil/i.test(name)) return 'secondary';
  if (/\b(nursery|early learning|elc)\b|(^|\s)sgoil-?[àa]raich/i.test(name)) return 'early-learning-and-childcare';
  return null;
}

/**
 * The Curriculum for Excellence levels learners at these stages are expected to work at: Early (ELC-P1),
 * First (to P4), Second (to P7), Third and Fourth (S1-S3), Senior phase (S4-S6). Education Scotland's levels.
 */
export function expectedLevels(stages: readonly Stage[]): CfeLevel[] {
  const levels = new Set<CfeLevel>();
  for (const stage of stages) {
    if (stage === 'ELC' || stage === 'P1') levels.add('early');
    else if (stage === 'P2' || stage === 'P3' || stage === 'P4') levels.add('first');
    else if (stage === 'P5' || stage === 'P6' || stage === 'P7') levels.add('second');
    else if (stage === 'S1' || stage === 'S2' || stage === 'S3') levels.add('third').add('fourth');
    else levels.add('senior-phase');
  }
  return CFE_LEVELS.filter((l) => levels.has(l));
}

export function sortedStages(stages: readonly Stage[]): Stage[] {
  return STAGES.filter((s) => stages.includes(s));
}

/** What `sipp cycle` knows when it starts a cycle. */
export interface CycleStart {
  title: string;
  method: MethodId;
  /** Answers to the method's cycle prompts, by dotted path in question.yaml (`aim`, `targetLearners.description`). */
  answers: Readonly<Record<string, string>>;
}

export interface CycleRecords {
  question: QuestionRecord;
  baseline: BaselineRecord;
  intervention: InterventionRecord;
  measures: MeasuresRecord;
  reflections: ReflectionsRecord;
}

/** The five records of a new cycle, in spine order, pre-filled from sipp.yaml where that helps. */
export function initialCycleRecords(project: ProjectFile, start: CycleStart): CycleRecords {
  return {
    question: initialQuestion(project, start),
    baseline: { date: null, context: null, evidenceOfNeed: null, dataSources: [], values: [] },
    intervention: {
      what: null,
      who: null,
      where: null,
      start: null,
      end: null,
      dosage: { sessionsPlanned: null, sessionsDelivered: null, minutesPerSession: null, frequency: null },
      planned: null,
      actual: null,
      fidelity: null,
      adaptations: [],
      challenges: null,
    },
    measures: { measures: [], results: [], series: [] },
    reflections: {
      date: null,
      outcomeVsPrediction: null,
      findings: [],
      learning: null,
      impactOnLearners: null,
      impactOnPractice: null,
      decision: null,
      nextSteps: null,
      sharedWith: [],
      learnerVoice: null,
      parentVoice: null,
    },
  } satisfies Record<CoreRecordName, object>;
}

function initialQuestion(project: ProjectFile, start: CycleStart): QuestionRecord {
  const learners = project.targetLearners;
  const question: QuestionRecord = {
    title: start.title.trim(),
    method: start.method,
    question: null,
    theme: null,
    targetLearners: {
      description: learners?.description ?? null,
      stages: [...(learners?.stages ?? [])],
      cfeLevels: [...(learners?.cfeLevels ?? [])],
      number: learners?.number ?? null,
    },
    equityGroup: structuredClone(project.equityGroup ?? { marker: null, description: null }),
    aim: null,
    rationale: null,
    prediction: null,
    predictionDate: null,
    predicted: [],
    howWillWeKnow: null,
    successCriteria: [],
    plannedGroups: null,
  };
  for (const [name, answer] of Object.entries(start.answers))
    setAnswer(question as Record<string, unknown>, name.split('.'), answer);
  return question;
}

/** What `applyAnswers` needs to know of a method's prompt (src/methods/types.ts PromptSpec). */
export interface AnswerSpec {
  name: string;
  record?: string;
  kind?: 'text' | 'list';
  /** With `kind: 'list'`: what each item is stored as, instead of text (case pupils as `- code: A`). */
  listItem?: (item: string) => unknown;
}

/** The key of a prompt's answer: its dotted path, prefixed by its record when that is not question.yaml. */
export function answerKey(prompt: AnswerSpec): string {
  return prompt.record && prompt.record !== 'question' ? `${prompt.record}:${prompt.name}` : prompt.name;
}

/**
 * Puts each answer into its record at its prompt's dotted path (`lesson-study:researchFocus`); a list prompt's
 * answer is split at commas. Answers no prompt asks for go into question.yaml, as `sipp cycle --question` does.
 */
export function applyAnswers(
  records: Record<string, object>,
  prompts: readonly AnswerSpec[],
  answers: Readonly<Record<string, string>>,
): void {
  for (const [key, answer] of Object.entries(answers)) {
    const prompt = prompts.find((p) => answerKey(p) === key);
    const record = records[prompt?.record ?? 'question'];
    if (!record) continue;
    const items = answer
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== '');
    const listItem = prompt?.listItem;
    const value = prompt?.kind === 'list' ? (listItem ? items.map(listItem) : items) : answer;
    setAnswer(record as Record<string, unknown>, (prompt?.name ?? key).split('.'), value);
  }
}

/** Puts a prompt's answer at its dotted path; a blank answer leaves the question open. */
function setAnswer(record: Record<string, unknown>, path: readonly string[], answer: string | readonly unknown[]): void {
  const value = typeof answer === 'string' ? answer.trim() : answer;
  const [head, ...rest] = path;
  if (value === '' || value.length === 0 || head === undefined) return;
  if (rest.length === 0) {
    record[head] = value;
    return;
  }
  const child = record[head];
  const next =
    child !== null && typeof child === 'object' && !Array.isArray(child) ? (child as Record<string, unknown>) : {};
  record[head] = next;
  setAnswer(next, rest, value);
}

/** The folder name of a cycle: `02-paired-reading`; `cycle` when the title has no letters or digits sipp can use. */
export function cycleFolderName(prefix: string, slug: string): string {
  return `${prefix}-${shortSlug(slug) || 'cycle'}`;
}

/** Slugs stay short enough to read in a file list: cut at a hyphen near 40 characters. */
function shortSlug(slug: string, max = 40): string {
  const clean = slug
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > 10 ? cut.slice(0, lastHyphen) : cut).replace(/-$/, '');
}

function textOrNull(text: string | undefined): string | null {
  const t = text?.trim();
  return t ? t : null;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter((v) => v !== ''))];
}
