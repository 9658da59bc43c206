// Specification of the chart specs: what each chart draws, marks and says, checked on the Vega-Lite JSON.
import { describe, expect, it } from 'vitest';
import { analysisReport } from '../../../src/core/analysis/report.js';
import { cycleChartSpecs, overviewChartSpecs, type ChartSpec } from '../../../src/core/render/charts/index.js';
import { INTERVENTION, MEASURES, cycle } from './fixtures.js';
import type { MeasuresRecord } from '../../../src/core/records/model.js';
import type { CycleReport } from '../../../src/core/analysis/report-types.js';

type Json = Record<string, unknown>;

/** Every layer of a spec, flattened. */
function layers(spec: Json): Json[] {
  const own = (spec.layer as Json[] | undefined) ?? [];
  return own.flatMap((layer) => [layer, ...layers(layer)]);
}

function rowsOf(layer: Json): Json[] {
  return ((layer.data as { values?: Json[] } | undefined)?.values ?? []) as Json[];
}

function markOf(layer: Json): Json {
  const mark = layer.mark;
  return typeof mark === 'string' ? { type: mark } : (mark as Json);
}

function chart(kind: ChartSpec['kind']): ChartSpec {
  const found = cycleChartSpecs(cycle(), { intervention: INTERVENTION }).find((c) => c.kind === kind);
  if (!found) throw new Error(`no ${kind} chart`);
  return found;
}

describe('cycle charts', () => {
  it('are, per measure, before/after by group, then a run chart and an XmR chart per series, with unique ids', () => {
    const specs = cycleChartSpecs(cycle(), { intervention: INTERVENTION });
    expect(specs.map((s) => s.id)).toEqual(['enjoyment-before-after', 'reads-often-run-chart', 'reads-often-xmr']);
    for (const s of specs) {
      expect(s.alt.length).toBeGreaterThan(20);
      expect(s.spec.description).toBe(s.alt);
      expect((s.spec.config as Json).font).toBe('sans-serif');
    }
  });
});

describe('the before/after chart', () => {
  it('leaves hidden groups out of its data and names them in a note', () => {
    const c = chart('before-after');
    const groups = new Set(
      layers(c.spec)
        .flatMap(rowsOf)
        .map((r) => r.group),
    );
    expect(groups).toContain('Intervention classes');
    expect(groups).not.toContain('Comparison, SIMD 5');
    const subtitle = ((c.spec.title as Json).subtitle as string[]).join(' ');
    expect(subtitle).toMatch(/Not shown \(\[c\]\).*Comparison, SIMD 5/);
    expect(JSON.stringify(c.spec)).not.toContain('27.0');
  });

  it('puts each value label right of its row, saying "after" when the after value is left of the before value', () => {
    const record = structuredClone(MEASURES);
    const groups = record.results?.[0]?.groups ?? [];
    // Comparison classes fall from 24.6 to 19.3: the label goes right of 24.6, not into the row labels.
    if (groups[1]?.after) groups[1].after.mean = 19.3;
    const report = analysisReport([{ id: '01', number: 1, measures: record }], { suppressionThreshold: 5 });
    const spec = cycleChartSpecs(report.cycles[0] as CycleReport).find((c) => c.kind === 'before-after') as ChartSpec;
    const texts = layers(spec.spec).filter((l) => markOf(l).type === 'text');
    expect(texts.every((l) => markOf(l).align === 'left')).toBe(true);
    const labels = texts.flatMap(rowsOf);
    expect(labels.find((r) => r.group === 'Comparison classes')).toMatchObject({ value: 24.6, text: 'after: 19.3' });
    expect(labels.find((r) => r.group === 'Intervention classes')).toMatchObject({ value: 27.2, text: '27.2' });
  });

  it('states the equity gap and marks its two groups in bold', () => {
    const c = chart('before-after');
    const subtitle = ((c.spec.title as Json).subtitle as string[]).join(' ');
    expect(subtitle).toMatch(
      /Equity gap: Intervention, SIMD 1-2 against Intervention, SIMD 3-5: behind by 4\.0 points before, behind by 1\.3 points after \(narrowed by 2\.7\)/,
    );
    expect(JSON.stringify(c.spec)).toContain('\\"Intervention, SIMD 1-2\\",\\"Intervention, SIMD 3-5\\"');
    expect(c.alt).toMatch(/Intervention classes 24\.1 before and 27\.2 after \(\+3\.1\)/);
    expect(c.alt).toMatch(/1 small group is not shown/);
  });

  it('tells before from after by fill (hollow and solid), not by colour alone', () => {
    const dots = layers(chart('before-after').spec).find((l) => markOf(l).type === 'point') as Json;
    const fill = (dots.encoding as Json).fill as Json;
    expect(fill.scale).toEqual({ domain: ['Before', 'After'], range: ['#ffffff', '#111111'] });
  });
});

describe('the run chart', () => {
  it("puts each signal's label beyond the highest (or lowest) point of its run, clear of the data line", () => {
    const c = chart('run-chart');
    const bold = layers(c.spec).filter((l) => markOf(l).type === 'text' && markOf(l).fontWeight === 'bold');
    const labels = bold.flatMap((l) => rowsOf(l).map((r) => ({ value: r.value, above: (markOf(l).dy as number) < 0 })));
    expect(labels.length).toBeGreaterThan(0);
    const series = cycle().measures.find((m) => m.id === 'reads-often')?.series[0];
    const runs = (series?.runChart?.signals ?? []).map((sg) =>
      (series?.points ?? []).slice(sg.fromIndex, sg.toIndex + 1).map((p) => p.value),
    );
    for (const label of labels)
      expect(runs.some((run) => label.value === (label.above ? Math.max(...run) : Math.min(...run)))).toBe(true);
  });

  it('draws the median, and the intervention start and adaptations within the series as labelled rules', () => {
    const c = chart('run-chart');
    const all = layers(c.spec);
    const median = all.flatMap(rowsOf).find((r) => r.label === 'Median');
    expect(median).toMatchObject({ y: 41.5, labelled: true });
    const events = all
      .filter((l) => markOf(l).type === 'text')
      .flatMap(rowsOf)
      .map((r) => r.label);
    expect(events).toEqual(expect.arrayContaining(['Start', 'Adaptation 1']));
    // Events after the last point (the second adaptation, the end) are not drawn.
    expect(events).not.toContain('Adaptation 2');
    expect(events).not.toContain('End');
    expect(c.notes).toEqual(
      expect.arrayContaining(['Adaptation 1, 3 Nov 2025: Added five minutes of book talk. (Pairs finished early.)']),
    );
  });

  it('marks signal points by shape and fill, and labels each signal in words', () => {
    const c = chart('run-chart');
    const markers = layers(c.spec).find(
      (l) => ((l.encoding as Json | undefined)?.shape as Json | undefined)?.field === 'key',
    ) as Json;
    const shape = (markers.encoding as Json).shape as { scale: { domain: string[]; range: string[] } };
    expect(shape.scale.domain).toEqual(['Shift, concern', 'Shift, improvement']);
    expect(shape.scale.range).toEqual(['square', 'square']);
    const fill = (markers.encoding as Json).fill as { scale: { range: string[] } };
    expect(fill.scale.range[0]).toBe('#ffffff');
    expect(rowsOf(markers).length).toBe(14);
    const labels = layers(c.spec)
      .flatMap(rowsOf)
      .map((r) => r.text);
    expect(labels).toContain('Shift');
  });

  it('has a text alternative with what it shows and its signals', () => {
    const c = chart('run-chart');
    expect(c.alt).toMatch(
      /^Run chart of reads for pleasure most days for Intervention classes: 14 points from 25 Aug 2025 to 9 Mar 2026, median 41\.5\./,
    );
    expect(c.alt).toMatch(/7 points in a row below the median from 25 Aug 2025 to 17 Nov 2025: a shift \(a concern\)/);
    expect(c.alt).toMatch(
      /7 points in a row above the median from 1 Dec 2025 to 9 Mar 2026: a shift \(an improvement\)/,
    );
    expect(c.alt).toMatch(/too few runs/);
  });

  it('uses UTC dates on a UTC time scale, so charts do not depend on the time zone', () => {
    const x = ((layers(chart('run-chart').spec).find((l) => markOf(l).type === 'line') as Json).encoding as Json)
      .x as Json;
    expect(x).toMatchObject({ type: 'temporal', scale: { type: 'utc' } });
  });
});

describe('the XmR chart', () => {
  it('draws the mean solid and the process limits dashed, with their values; a P′ chart a step per point', () => {
    // The fixture's yes/no series records n at every point, so its control chart is a P′ chart.
    const c = chart('xmr');
    expect(c.title).toMatch(/P′ chart/);
    const rules = layers(c.spec).filter((l) => markOf(l).type === 'rule');
    const solid = rules.find((l) => rowsOf(l).some((r) => r.label === 'Mean')) as Json;
    const dashed = rules.find((l) => rowsOf(l).some((r) => r.label === 'Upper limit')) as Json;
    expect(markOf(solid).strokeDash).toBeUndefined();
    expect(markOf(dashed).strokeDash).toEqual([6, 4]);
    const labels = rowsOf(dashed).map((r) => r.label);
    expect(labels.filter((l) => l === 'Upper limit').length).toBe(labels.filter((l) => l === 'Lower limit').length);
    expect(labels.filter((l) => l === 'Upper limit').length).toBeGreaterThan(1);
    expect(new Set(labels)).toEqual(new Set(['Upper limit', 'Lower limit']));
  });

  it('marks the special-cause points and names them in its text alternative', () => {
    const c = chart('xmr');
    const keys = layers(c.spec)
      .flatMap(rowsOf)
      .map((r) => r.key)
      .filter(Boolean);
    expect(keys).toContain('Outside limits, improvement');
    expect(c.alt).toMatch(/Signals: outside the process limits: .*\(an improvement\)/);
  });
});

describe('overview charts', () => {
  it('show each outcome measure before and after each cycle, for all learners and the equity group', () => {
    const report = analysisReport([
      { id: '01-a', number: 1, measures: MEASURES },
      { id: '02-b', number: 2, measures: MEASURES },
    ]);
    const specs = overviewChartSpecs(report);
    expect(specs.map((s) => s.id)).toEqual(['overview-enjoyment']);
    const points = rowsOf(specs[0]?.spec as Json);
    expect(points.filter((p) => p.series === 'All learners').map((p) => p.value)).toEqual([24.1, 27.2, 24.1, 27.2]);
    expect(points.filter((p) => p.series === 'Equity group')).toHaveLength(4);
    expect(specs[0]?.alt).toMatch(/^Reading enjoyment score across 2 cycles: all learners 24\.1 \(cycle 1 before\)/);
    // The same groups in both cycles: one line per series; the axis does not start at 0, and says so.
    expect(new Set(points.map((p) => p.line))).toEqual(new Set(['All learners 0', 'Equity group 0']));
    const subtitle = ((specs[0]?.spec.title as Json).subtitle as string[]).join(' ');
    expect(subtitle).toMatch(/The vertical axis starts at \d+, not at 0/);
  });

  it('break the line between cycles with different cohorts, and say so', () => {
    const other = structuredClone(MEASURES);
    for (const group of other.results?.[0]?.groups ?? [])
      group.name = group.name.replace('Intervention classes', 'P4-P5 classes');
    const specs = overviewChartSpecs(
      analysisReport([
        { id: '01-a', number: 1, measures: MEASURES },
        { id: '02-b', number: 2, measures: other },
      ]),
    );
    const points = rowsOf(specs[0]?.spec as Json).filter((p) => p.series === 'All learners');
    expect(points.map((p) => p.line)).toEqual(['All learners 0', 'All learners 0', 'All learners 1', 'All learners 1']);
    const subtitle = ((specs[0]?.spec.title as Json).subtitle as string[]).join(' ');
    expect(subtitle).toContain('A line breaks where the cycles were with different groups of learners');
  });
});

describe('overview charts of a measure whose only group is the equity group', () => {
  it('draw and name it as the equity group, never as all learners', () => {
    const only: MeasuresRecord = {
      measures: [
        { id: 'enjoyment', name: 'Reading enjoyment score', type: 'outcome', kind: 'score', higherIsBetter: true },
      ],
      results: [
        {
          measure: 'enjoyment',
          groups: [
            {
              name: 'SIMD 1-2 learners',
              role: 'intervention',
              equity: 'equity-group',
              before: { n: 20, mean: 22, sd: 5 },
              after: { n: 20, mean: 25, sd: 5 },
            },
          ],
        },
      ],
    };
    const specs = overviewChartSpecs(analysisReport([{ id: '01-a', number: 1, measures: only }]));
    const points = rowsOf(specs[0]?.spec as Json);
    expect(points.map((p) => p.series)).toEqual(['Equity group', 'Equity group']);
    expect(points.map((p) => p.value)).toEqual([22, 25]);
  });
});
