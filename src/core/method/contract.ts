// What an enquiry method is to sipp: its records, what "complete" means, its guidance, prompts and templates.
import type { PathSegment } from '../records/source.js';
import type { CoreRecordName, CycleSource, ProjectFile } from '../records/model.js';
import type { Problem } from '../problems.js';
import type { AdherenceLine, PredictionOutcome } from '../predictions/types.js';

export type MethodId = NonNullable<ProjectFile['method']>;

/** The stages of the enquiry spine; every method's records hang off these. */
export type Stage = CoreRecordName;

/** A record a method adds to the five core records (e.g. Lesson Study's research lessons). */
export interface ExtraRecord {
  name: string;
  /** The spine stage it belongs to, for status. */
  stage: Stage;
  title: string;
}

/** An answer a cycle needs before its stage is complete (empty answers are allowed while in progress). */
export interface Requirement {
  record: string;
  path: PathSegment[];
  /** What is missing, in a teacher's words: "the enquiry question". */
  label: string;
}

/** A question asked interactively, described as data so that the core stays free of I/O. */
export interface PromptSpec {
  /** Dotted path of the answer in its record, e.g. `question` or `targetLearners.description`. */
  name: string;
  /** The record the answer goes into (default `question`), e.g. one of the method's extra records. */
  record?: string;
  message: string;
  default?: string;
  required?: boolean;
  /**
   * The command-line flag that gives this answer without a prompt, without dashes (e.g. `research-focus` for
   * `--research-focus <text>`), with its help text. Methods may share a flag when it means the same thing.
   */
  flag?: { name: string; help: string };
  /** `list`: the answer is a comma-separated list (case pupil codes A, B, C), stored as an array of text. */
  kind?: 'text' | 'list';
  /** With `kind: 'list'`: what each item is stored as, instead of text (case pupils: `{ code: 'A', typifies: null }`). */
  listItem?: (item: string) => unknown;
}

/** One place in a cycle's records that a prediction or its data lives at (see `Method.predictions`). */
export interface PredictionPlace {
  /** The record it is in: `question`, `measures`, or one of the method's own records. */
  record: string;
  /** Path of the answer in the record, e.g. `['prediction']` or `['lessons', 0, 'predictions', 2]`. */
  path: PathSegment[];
  /** The date the record gives it (YYYY-MM-DD), when it has one; null or absent when it has none. */
  date?: string | null;
  /**
   * What it is, in a teacher's words, as the warning names it: "the prediction for case pupil A", "the observed
   * response of case pupil A". Defaults: "the prediction" and "the data it predicts".
   */
  label?: string;
}

/** A prediction and the data it predicts: the prediction should be written (and committed) first. */
export interface PredictionPair {
  prediction: PredictionPlace;
  data: PredictionPlace;
}

/** A typed view of one cycle's data, for rules, status and briefings. */
export interface CycleData {
  source: CycleSource;
  method: MethodId;
  /** Record data by name; absent when the record is missing or has schema problems. */
  records: Map<string, Record<string, unknown>>;
}

export interface Method {
  id: MethodId;
  name: string;
  /** One sentence: what the method is and when to choose it. */
  summary: string;
  /** Records beyond the five core ones. */
  extraRecords: ExtraRecord[];
  requirements: Requirement[];
  /** What to do next, by the stage a cycle is at. */
  nextSteps: Record<Stage, string>;
  /** Prompts for the facilitator's next meeting. */
  facilitatorPrompts: string[];
  /** Offline guidance: the method's stages and what each record is for (`sipp guide`). */
  guide: string;
  /** Questions `sipp cycle` asks when interactive. */
  cyclePrompts: PromptSpec[];
  /** Base name of the method's cycle briefing template, e.g. `car` for templates/car.cycle.md.hbs. */
  template: string;
  /**
   * Initial data of the method's extra records for a new cycle, which may start from the project file (the
   * partnership's schools). The answers to `cyclePrompts` are put in place afterwards, at each prompt's record and path.
   */
  scaffoldExtra?: (project: ProjectFile) => Record<string, Record<string, unknown>>;
  /**
   * The method's own records shaped for its briefing templates, as `methodDetail` in the view. Plain strings are
   * escaped by the renderer; wrap text sipp built itself (an SVG, a Mermaid diagram) in `Verbatim`.
   */
  briefingView?: (cycle: CycleData) => Record<string, unknown>;
  /** Method-specific checks across the cycle's records. */
  rules?: (cycle: CycleData) => Problem[];
  /**
   * The cycle's predictions, each with the data it predicts, for the generic `prediction-first` warning: a
   * prediction dated after its data (by the `date`s given here), or first committed to Git after its data (by the
   * lines at `path`), is reported at the prediction's place. Return only pairs whose prediction and data are both
   * filled in. Absent: the core pairs, `corePredictionPairs(cycle)` from src/core/validate/rules/prediction-first.ts
   * (question.yaml's prediction against the results after the change, the series points after the change and the
   * reflections). To keep those and add your own: `predictions: (c) => [...corePredictionPairs(c), ...yours(c)]`.
   */
  predictions?: (cycle: CycleData) => PredictionPair[];
  /**
   * The method's own predictions with what happened (PDSA questions with their study results), for the track record
   * of predictions in `sipp status` and the overview. Absent: only question.yaml's `predicted` figures count.
   */
  predictionOutcomes?: (cycle: CycleData) => PredictionOutcome[];
  /** How closely the cycle follows the method, line by line (Improvement Science: Taylor et al. 2014 per PDSA chain). */
  adherence?: (cycle: CycleData) => AdherenceLine[];
}
