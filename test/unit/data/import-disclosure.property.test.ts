// Property (issue 8, section 1): whatever the class table, what `sipp data import` writes into measures.yaml (a
// tracked file) holds no figure of a group under the threshold, and none that lets such a group be worked out from
// the others: the written record passes the `small-group` rule, and the groups it shows need no further hiding.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { hiddenGroups } from '../../../src/core/analysis/group-disclosure.js';
import { resolveColumns } from '../../../src/core/data/columns.js';
import { planImport } from '../../../src/core/data/import-plan.js';
import { tableFromRows } from '../../../src/core/data/table.js';
import type { MeasuresRecord } from '../../../src/core/records/model.js';
import { cycleSettings, projectSettings } from '../../../src/core/records/settings.js';
import { VALID_PROJECT, cycleFiles, validate } from '../validate/project-from.js';

const SIMD_12 = { marker: 'simd-quintile', quintiles: [1, 2] } as const;
const PROJECT = `${VALID_PROJECT}equityGroup:\n  marker: simd-quintile\n  quintiles: [1, 2]\n`;

const learner = (yesNo: boolean) =>
  fc.record({
    group: fc.constantFrom('intervention', 'comparison'),
    simd: fc.constantFrom('1', '2', '3', '4', '5', ''),
    before: yesNo
      ? fc.constantFrom('yes', 'no', '')
      : fc.oneof(fc.integer({ min: 0, max: 40 }).map(String), fc.constant('')),
    after: yesNo
      ? fc.constantFrom('yes', 'no', '')
      : fc.oneof(fc.integer({ min: 0, max: 40 }).map(String), fc.constant('')),
  });

const classTable = fc
  .boolean()
  .chain((yesNo) =>
    fc.record({ yesNo: fc.constant(yesNo), learners: fc.array(learner(yesNo), { minLength: 1, maxLength: 60 }) }),
  );

describe('sipp data import writes no figure of a small group', () => {
  it('for random class tables: the record passes the small-group rule and shows no group that must be hidden', () => {
    let written = 0;
    let withSuppressed = 0;
    fc.assert(
      fc.property(classTable, fc.integer({ min: 3, max: 10 }), ({ yesNo, learners }, threshold) => {
        const rows = [
          ['learner', 'group', 'simd', 'before', 'after'],
          ...learners.map((l, i) => [`L${String(i + 1).padStart(2, '0')}`, l.group, l.simd, l.before, l.after]),
        ];
        const table = tableFromRows(rows);
        const measuresText = `measures:\n  - id: enjoyment\n    name: Reading enjoyment\n    kind: ${yesNo ? 'yes-no' : 'score'}\n`;
        const settings = cycleSettings(
          projectSettings({ equityGroup: SIMD_12, suppressionThreshold: threshold } as never),
          undefined,
        );
        let plan;
        try {
          plan = planImport({
            label: 'class.csv',
            table,
            columns: resolveColumns(table.headings).columns,
            measure: 'enjoyment',
            measuresFile: 'cycles/01-paired-reading/measures.yaml',
            measuresText,
            settings,
            asOf: '2026-06-01',
            allowColumns: [],
            fitsSchema: () => true,
          });
        } catch {
          return; // a table with nothing to write is refused with a message, and nothing is written
        }
        if (!plan.ok) return;
        const record = parse(plan.edit.text) as MeasuresRecord;
        const groups = record.results?.[0]?.groups ?? [];
        const shown = groups.filter((g) => g.suppressed !== true);
        written += 1;
        if (shown.length < groups.length) withSuppressed += 1;
        for (const group of shown)
          for (const time of ['before', 'after'] as const) {
            const n = group[time]?.n;
            if (typeof n === 'number') expect(n === 0 || n >= threshold, `${group.name} ${time} n ${n}`).toBe(true);
          }
        expect(hiddenGroups(shown, { threshold, equityQuintiles: [1, 2], yesNo })).toEqual(new Set());
        const files = {
          'sipp.yaml': `${PROJECT}suppressionThreshold: ${threshold}\n`,
          ...cycleFiles('01-paired-reading', { measures: plan.edit.text }),
        };
        expect(validate(files).filter((p) => p.severity === 'error')).toEqual([]);
      }),
      { numRuns: 150 },
    );
    // Not vacuous: most tables are written, and many of them have groups left out.
    expect(written).toBeGreaterThan(75);
    expect(withSuppressed).toBeGreaterThan(20);
  });
});
