// Practitioner enquiry's rule and briefing view, on cycles built in memory.
import { describe, expect, it } from 'vitest';
import { allCycleData } from '../../../../src/core/records/cycle-data.js';
import { practitionerEnquiry } from '../../../../src/methods/practitioner-enquiry/index.js';
import { practitionerEnquiryView } from '../../../../src/methods/practitioner-enquiry/briefing.js';
import { practitionerEnquiryRules } from '../../../../src/methods/practitioner-enquiry/rules.js';
import type { CycleData } from '../../../../src/core/method/contract.js';
import { cycleFiles, projectFrom, type Files } from '../../validate/project-from.js';

const DIR = 'cycles/01-writing';

function cycle(records: Files): CycleData {
  const files = { ...cycleFiles('01-writing'), ...records };
  const [data] = allCycleData(projectFrom(files), []);
  if (!data) throw new Error('no cycle');
  return data;
}

describe('the ethics rule', () => {
  const results = 'measures:\n  - id: m\n    name: M\nresults:\n  - measure: m\n';

  it("warns at `ethics` when learners' evidence is recorded and ethics is empty", () => {
    const found = practitionerEnquiryRules(
      cycle({
        [`${DIR}/practitioner-enquiry.yaml`]: 'criticalFriend: PT English\nethics:\n',
        [`${DIR}/measures.yaml`]: results,
      }),
    );
    expect(found.map((p) => [p.file, p.line, p.column, p.rule, p.severity])).toEqual([
      [`${DIR}/practitioner-enquiry.yaml`, 2, 1, 'practitioner-enquiry-ethics', 'warning'],
    ]);
    expect(found[0]?.message).toContain('Evidence from learners is recorded (results in measures.yaml)');
  });

  it('names the baseline first when it holds values', () => {
    const found = practitionerEnquiryRules(
      cycle({
        [`${DIR}/practitioner-enquiry.yaml`]: 'ethics: ""\n',
        [`${DIR}/baseline.yaml`]: 'values:\n  - measure: m\n    value: 3\n',
        [`${DIR}/measures.yaml`]: results,
      }),
    );
    expect(found[0]?.message).toContain('(baseline values in baseline.yaml)');
  });

  it('says nothing before any evidence, once ethics is written, or without the record', () => {
    expect(practitionerEnquiryRules(cycle({ [`${DIR}/practitioner-enquiry.yaml`]: 'ethics:\n' }))).toEqual([]);
    expect(
      practitionerEnquiryRules(
        cycle({
          [`${DIR}/practitioner-enquiry.yaml`]: 'ethics: Learners could opt out.\n',
          [`${DIR}/measures.yaml`]: results,
        }),
      ),
    ).toEqual([]);
    expect(practitionerEnquiryRules(cycle({ [`${DIR}/measures.yaml`]: results }))).toEqual([]);
  });
});

describe('the briefing view', () => {
  it('shows each GTCS question as answered, partly answered or not yet answered', () => {
    const view = practitionerEnquiryView(
      cycle({
        [`${DIR}/question.yaml`]: 'question: Does talk help?\nprediction: Scores rise.\n',
        [`${DIR}/intervention.yaml`]: 'what: Paired talk.\n',
        [`${DIR}/practitioner-enquiry.yaml`]: 'criticalFriend: PT English\n',
      }),
    );
    expect(view.summary).toBe('1 of 11 questions answered');
    expect(view.questions.slice(0, 4).map((q) => [q.number, q.question, q.status, q.missing])).toEqual([
      [1, "What's the problem?", 'Answered', []],
      [2, 'How does it fit in?', 'Not yet answered', ['How it fits in: the school priority it serves']],
      [3, "What's already known?", 'Not yet answered', ['What is already known: reading, research, colleagues']],
      [4, 'How will you tackle it?', 'Partly answered', ['The date you wrote the prediction']],
    ]);
    expect(view.criticalFriend).toEqual({ recorded: true, text: 'PT English', paragraphs: ['PT English'] });
    expect(view.predictionDate.recorded).toBe(false);
  });

  it('lists every requirement under one of the questions', () => {
    const labels = practitionerEnquiryView(cycle({})).questions.flatMap((q) => q.missing);
    expect(labels).toHaveLength(practitionerEnquiry.requirements.length);
  });
});

describe('the method', () => {
  it('scaffolds its own record so that it validates, with the prediction pairs of the core', () => {
    expect(practitionerEnquiry.scaffoldExtra?.({ schemaVersion: 1 } as never)).toEqual({
      'practitioner-enquiry': {
        fit: { schoolPriority: null, professionalStandards: null, professionalLearning: null },
        criticalFriend: null,
        ethics: null,
      },
    });
    const pairs = practitionerEnquiry.predictions?.(
      cycle({ [`${DIR}/question.yaml`]: 'prediction: Up.\n', [`${DIR}/reflections.yaml`]: 'date: 2026-03-01\n' }),
    );
    expect(pairs?.map((p) => [p.prediction.record, p.data.record, p.data.date])).toEqual([
      ['question', 'reflections', '2026-03-01'],
    ]);
  });
});
