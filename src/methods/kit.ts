// The one module a method imports from sipp's core (in the spirit of typescript-eslint's rule `util` kit): the method
// contract, record types, problems at a place, answer and words helpers, and the generic prediction pairs. A method
// never reaches into core internals, so the core can change behind this list.
export type * from '../core/method/contract.js';
export { refusal, usageError, type Problem, type Severity } from '../core/problems.js';
export type {
  BaselineRecord,
  CoreRecordName,
  CycleSource,
  InterventionRecord,
  MeasuresRecord,
  ProjectFile,
  QuestionRecord,
  ReflectionsRecord,
} from '../core/records/model.js';
export { parseSource, positionOf, positionOfOffset, type PathSegment, type SourceFile } from '../core/records/source.js';
export { cycleNamed } from '../core/records/select-cycles.js';
export { CORE_RECORDS, recordFile } from '../core/records/model.js';
export { recordOf } from '../core/records/cycle-data.js';
export type { Answer } from '../core/render/types.js';
export { Verbatim } from '../core/render/markdown.js';
export {
  answer,
  dateAnswer,
  dateInWords,
  decisionLabel,
  fidelityLabel,
  isGiven,
  listInWords,
  sentenceCase,
} from '../core/words.js';
export { isEmptyAnswer, valueAt } from '../core/status/answers.js';
export { keepOriginalLines } from '../core/data/keep-lines.js';
export { problemAt } from '../core/validate/rules/context.js';
export { quote } from '../core/validate/describe.js';
export { closestMatch } from '../core/validate/suggest.js';
export { corePredictionPairs } from '../core/validate/rules/prediction-first.js';
export type { AdherenceCriterion, AdherenceLine, Outcome, PredictionOutcome } from '../core/predictions/types.js';
