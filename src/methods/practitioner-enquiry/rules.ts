// Practitioner enquiry's own check: evidence from learners is gathered only with the enquiry's ethics written
// down (BERA Ethical Guidelines for Educational Research, 2018: informed consent and the right to withdraw).
import type { Problem } from '../kit.js';
import { problemAt } from '../kit.js';
import { isEmptyAnswer } from '../kit.js';
import type { CycleData } from '../kit.js';
import { PE_RECORD } from './questions.js';
import type { PractitionerEnquiryRecord } from './types.generated.js';
import { recordOf } from '../kit.js';

export const ETHICS_RULE = 'practitioner-enquiry-ethics';

export function practitionerEnquiryRules(cycle: CycleData): Problem[] {
  const file = cycle.source.records.get(PE_RECORD);
  const record = cycle.records.get(PE_RECORD) as PractitionerEnquiryRecord | undefined;
  if (!file || !record || !isEmptyAnswer(record.ethics)) return [];
  const evidence = learnerEvidence(cycle);
  if (!evidence) return [];
  return [
    problemAt(
      file,
      'ethics' in record ? ['ethics'] : [],
      `Evidence from learners is recorded (${evidence}), but the enquiry does not say how it is kept ethical. Write under \`ethics\` how learners (and parents and carers, where needed) were told about the enquiry and could choose not to take part, and that their work is kept under codes, never names.`,
      ETHICS_RULE,
      'warning',
    ),
  ];
}

/** Where the cycle first holds evidence gathered from learners, in words; undefined when it holds none yet. */
function learnerEvidence(cycle: CycleData): string | undefined {
  const baseline = recordOf(cycle, 'baseline');
  const measures = recordOf(cycle, 'measures');
  const reflections = recordOf(cycle, 'reflections');
  if (!isEmptyAnswer(baseline?.values)) return 'baseline values in baseline.yaml';
  if (!isEmptyAnswer(measures?.results) || !isEmptyAnswer(measures?.series)) return 'results in measures.yaml';
  if (!isEmptyAnswer(reflections?.learnerVoice)) return 'what learners said, in reflections.yaml';
  return undefined;
}
