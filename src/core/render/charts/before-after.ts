// Before and after by group: a dot plot with a hollow dot before, a solid dot after and a line between, the
// two groups of the equity gap in bold, the gap in the subtitle, and hidden ([c]) groups left out with a note.

import type { GroupReport, MeasureReport } from '../../analysis/report-types.js';
import { decimalsFor, formatNumber, formatChange, listInWords } from '../../words.js';
import { CONTEXT, INK, WIDTH, chartConfig, nonEmpty, wrapLines, type VegaLiteSpec } from './theme.js';
import type { ChartSpec } from './types.js';

interface Row {
  group: string;
  /** The group's place in the table, for sorting: a list of names as a sort order breaks on `toString`. */
  order: number;
  before: number | null;
  after: number | null;
}

export function beforeAfterSpec(measure: MeasureReport): ChartSpec | null {
  const yesNo = measure.kind === 'yes-no';
  const shown = measure.groups.filter((g) => !g.suppressed && (g.before.mean !== null || g.after.mean !== null));
  if (shown.length === 0) return null;
  const hidden = measure.groups.filter((g) => g.suppressed).map((g) => g.name);
  const decimals = yesNo ? 1 : decimalsFor(shown.flatMap((g) => [g.before.mean, g.after.mean]));
  const rows: Row[] = shown.map((g, i) => ({ group: g.name, order: i, before: g.before.mean, after: g.after.mean }));
  const dots = rows.flatMap((r) => [
    ...(r.before === null ? [] : [{ group: r.group, order: r.order, time: 'Before', value: r.before }]),
    ...(r.after === null ? [] : [{ group: r.group, order: r.order, time: 'After', value: r.after }]),
  ]);
  // Each row's value label sits right of its rightmost point, so it never runs into the row labels on the left; when
  // the after value is left of the before value the label says which value it is.
  const labels = rows.flatMap((r) => {
    const value = r.after ?? r.before;
    if (value === null) return [];
    const leftwards = r.before !== null && r.after !== null && r.after < r.before;
    const text = valueText(value, yesNo, decimals);
    return [
      {
        group: r.group,
        order: r.order,
        value: leftwards ? (r.before as number) : value,
        text: leftwards ? `after: ${text}` : text,
        rightwards: true,
      },
    ];
  });
  const bold = measure.gap ? [measure.gap.equityGroup, measure.gap.othersGroup] : [];
  const y = {
    field: 'group',
    type: 'nominal',
    sort: { field: 'order', op: 'min' },
    title: null,
    axis: {
      labelLimit: 320,
      labelFontWeight: {
        condition: { test: `indexof(${JSON.stringify(bold)}, datum.value) >= 0`, value: 'bold' },
        value: 'normal',
      },
      grid: true,
      tickBand: 'extent',
      domain: false,
      ticks: false,
    },
  };
  const xTitle = yesNo ? '% answering yes' : (measure.unit ?? 'Mean');
  const x = {
    field: 'value',
    type: 'quantitative',
    title: xTitle,
    scale: yesNo ? { domain: [0, 100] } : { zero: false, nice: false, padding: 16 },
  };
  const subtitle = [
    ...(measure.gap ? [gapLine(measure, decimals)] : []),
    ...(hidden.length > 0 ? [`Not shown ([c]), to protect learners in small groups: ${listInWords(hidden)}`] : []),
  ];
  const alt = beforeAfterAlt(measure, shown, hidden.length, decimals);
  const label = (rightwards: boolean): VegaLiteSpec => ({
    data: { values: labels.filter((l) => l.rightwards === rightwards) },
    mark: { type: 'text', align: rightwards ? 'left' : 'right', dx: rightwards ? 9 : -9, fontSize: 10, color: INK },
    encoding: { x, y, text: { field: 'text', type: 'nominal' } },
  });
  const spec: VegaLiteSpec = {
    description: alt,
    title: { text: measure.name, subtitle: wrapLines(subtitle, WIDTH + 20), subtitlePadding: 6, offset: 12 },
    width: WIDTH - 180,
    height: { step: 26 },
    config: chartConfig(),
    layer: nonEmpty([
      {
        data: { values: rows.filter((r) => r.before !== null && r.after !== null) },
        mark: { type: 'rule', color: CONTEXT, strokeWidth: 2 },
        encoding: { y, x: { ...x, field: 'before' }, x2: { field: 'after' } },
      },
      {
        data: { values: dots },
        mark: { type: 'point', size: 90, strokeWidth: 2, opacity: 1, stroke: INK },
        encoding: {
          y,
          x,
          fill: {
            field: 'time',
            type: 'nominal',
            scale: { domain: ['Before', 'After'], range: ['#ffffff', INK] },
            legend: {
              title: null,
              orient: 'top',
              direction: 'horizontal',
              symbolStrokeColor: INK,
              symbolStrokeWidth: 2,
              symbolType: 'circle',
            },
          },
        },
      },
      label(true),
      label(false),
    ]),
  };
  return {
    id: `${measure.id}-before-after`,
    kind: 'before-after',
    measure: measure.id,
    series: null,
    title: `${measure.name}: before and after, by group`,
    alt,
    notes: [],
    spec,
  };
}

function valueText(value: number, yesNo: boolean, decimals: number): string {
  return yesNo ? `${formatNumber(value, decimals, false)}%` : formatNumber(value, decimals, false);
}

/** "Equity gap: SIMD 1-2 behind SIMD 3-5 by 4.0 points before and 1.3 after (narrowed by 2.7)". */
export function gapLine(measure: MeasureReport, decimals: number): string {
  const gap = measure.gap;
  if (!gap) return '';
  const unit = gap.unit;
  const f = (x: number): string => formatNumber(Math.abs(x), decimals, false);
  const at = (value: number | null, when: string): string | null => {
    if (value === null) return null;
    if (value === 0) return `level ${when}`;
    return `${value > 0 ? 'behind' : 'ahead'} by ${f(value)} ${unit} ${when}`;
  };
  const parts = [at(gap.baseline, 'before'), at(gap.followUp, 'after')].filter((p): p is string => p !== null);
  let text = `Equity gap: ${gap.equityGroup} against ${gap.othersGroup}: ${parts.join(', ')}`;
  if (gap.baseline !== null && gap.followUp !== null && gap.narrowed !== null) {
    const size = Math.abs(Math.abs(gap.baseline) - Math.abs(gap.followUp));
    text +=
      Number(size.toFixed(decimals)) === 0
        ? ' (about the same)'
        : ` (${gap.narrowed ? 'narrowed' : 'widened'} by ${f(size)})`;
  }
  return text;
}

function beforeAfterAlt(
  measure: MeasureReport,
  shown: readonly GroupReport[],
  hiddenCount: number,
  decimals: number,
): string {
  const yesNo = measure.kind === 'yes-no';
  const v = (x: number | null): string => (x === null ? 'not yet measured' : valueText(x, yesNo, decimals));
  const figures = (g: GroupReport): string => {
    if (g.after.mean === null) return `${v(g.before.mean)} before (no after figures yet)`;
    if (g.before.mean === null) return `${v(g.after.mean)} after (no before figures)`;
    return `${v(g.before.mean)} before and ${v(g.after.mean)} after`;
  };
  const main = shown.filter((g) => (g.equity ?? 'all') === 'all').slice(0, 2);
  const highlights = (main.length > 0 ? main : shown.slice(0, 1)).map((g) => {
    const change =
      g.change === null ? '' : ` (${formatChange(g.change, decimals, false)}${yesNo ? ' percentage points' : ''})`;
    return `${g.name} ${figures(g)}${change}`;
  });
  const name = /^[A-Z][a-z]/.test(measure.name) ? measure.name[0]?.toLowerCase() + measure.name.slice(1) : measure.name;
  const first = `Before and after ${name} for ${shown.length} group${shown.length === 1 ? '' : 's'}: ${listInWords(highlights)}.`;
  const gap = measure.gap ? ` ${gapLine(measure, decimals)}.` : '';
  const hidden = hiddenCount > 0 ? ` ${hiddenCount} small group${hiddenCount === 1 ? ' is' : 's are'} not shown.` : '';
  return `${first}${gap}${hidden}`;
}
