// Specification of the charts in briefings: where the view model puts each drawn chart, how the HTML and Markdown
// templates show it, that the records' words are escaped inside it, and which files `renderBriefings` makes.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { MeasuresRecord } from '../../../src/core/records/model.js';
import { renderBriefings } from '../../../src/core/render/briefings.js';
import { placeCharts } from '../../../src/core/render/chart-views.js';
import { chartsForCycle, type Chart } from '../../../src/core/render/charts/index.js';
import { cycleBriefing, cycleMeasureReports } from '../../../src/core/render/cycle.js';
import { isGeneratedBriefing, renderBriefing } from '../../../src/core/render/render.js';
import { car } from '../../../src/methods/car/index.js';
import { readTemplateSet } from '../../../src/project/templates.js';
import { INTERVENTION, MEASURES } from '../charts/fixtures.js';
import { cycleOf, project, statusOf } from './fixtures.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const builtIn = readTemplateSet(path.join(HERE, 'no-such-project'));

function chart(id: string, measure: string, series: number | null, notes: string[] = []): Chart {
  return {
    id,
    kind: series === null ? 'before-after' : 'run-chart',
    measure,
    series,
    title: id,
    alt: `About ${id}`,
    notes,
    svg: `<svg id="${id}"/>`,
  };
}

/** The chart fixture's cycle (a scored measure by group, a yes/no measure with a dated series) as a project cycle. */
function chartCycle(measures: MeasuresRecord = MEASURES) {
  return cycleOf({ measures, intervention: INTERVENTION });
}

async function drawnBriefing(measures: MeasuresRecord = MEASURES) {
  const cycle = chartCycle(measures);
  const reports = cycleMeasureReports(project, cycle);
  const charts = await chartsForCycle(
    { id: cycle.source.folder, number: cycle.source.number, measures: reports },
    { intervention: INTERVENTION },
  );
  return cycleBriefing(project, cycle, car, statusOf(cycle), { measures: reports, charts });
}

describe('placing charts in a briefing', () => {
  it('puts a measure’s own charts under it and each series’ charts under that series, with the file beside the briefing', () => {
    const placed = placeCharts(
      [
        chart('a-before-after', 'a', null),
        chart('a-run-chart', 'a', 0),
        chart('a-run-chart-2', 'a', 1),
        chart('b-before-after', 'b', null),
      ],
      '01-paired-reading',
      'a',
      2,
    );
    expect(placed.measure.map((c) => c.id)).toEqual(['a-before-after']);
    expect(placed.series.map((s) => s.map((c) => c.id))).toEqual([['a-run-chart'], ['a-run-chart-2']]);
    expect(placed.measure[0]?.file).toBe('01-paired-reading.charts/a-before-after.svg');
    expect(placed.measure[0]?.svg).toBe('<svg id="a-before-after"/>');
  });

  it('lists the dated events once when a series’ XmR chart marks the same ones as its run chart', () => {
    const events = ['The intervention started on 6 Oct 2025.', 'Adaptation 1, 27 Oct 2025: moved to Thursday.'];
    const placed = placeCharts([chart('a-run-chart', 'a', 0, events), chart('a-xmr', 'a', 0, events)], '01-x', 'a', 1);
    expect(placed.series[0]?.map((c) => c.notes)).toEqual([events, []]);
  });

  it('makes the text alternative safe as the text of a Markdown image, and the file name safe as a link', () => {
    const odd = { ...chart('a-run-chart', 'a', 0), alt: 'Group [A] and ] stray [' };
    const [view] = placeCharts([odd], '01-our cycle', 'a', 1).series[0] ?? [];
    expect(view?.alt).toBe('Group (A) and ) stray (');
    expect(view?.file).toBe('01-our%20cycle.charts/a-run-chart.svg');
  });
});

describe('a cycle briefing with its charts', async () => {
  const view = await drawnBriefing();

  it('has the before/after chart under its measure and the run and XmR charts under the series', () => {
    const enjoyment = view.results.find((m) => m.id === 'enjoyment');
    const often = view.results.find((m) => m.id === 'reads-often');
    expect(enjoyment?.charts.map((c) => c.id)).toEqual(['enjoyment-before-after']);
    expect(often?.charts).toEqual([]);
    expect(often?.series[0]?.charts.map((c) => c.kind)).toEqual(['run-chart', 'xmr']);
    expect(often?.series[0]?.charts[0]?.alt).toMatch(/^Run chart of .*Signals: .*shift/);
    expect(often?.series[0]?.charts[0]?.notes.join(' ')).toContain('The intervention started on');
  });

  it('draws each in HTML as a figure: the SVG as markup, then its title, its text alternative and its events', () => {
    const html = renderBriefing(builtIn, 'car.cycle.html', view, 'html');
    const figures = [
      ...html.matchAll(
        /<figure class="chart" id="chart-([^"]+)">\s*<svg [\s\S]*?<\/svg>\s*<figcaption>([\s\S]*?)<\/figcaption>/g,
      ),
    ];
    expect(figures.map((f) => f[1])).toEqual(['enjoyment-before-after', 'reads-often-run-chart', 'reads-often-xmr']);
    expect(figures[1]?.[2]).toContain(
      '<strong>Reads for pleasure most days: run chart (Intervention classes).</strong> Run chart of',
    );
    expect(figures[1]?.[2]).toContain('<ul class="chart-notes">');
    expect(html).not.toContain('&lt;svg');
  });

  it('links each in Markdown to its SVG file with the text alternative, and leaves the SVG markup out', () => {
    const md = renderBriefing(builtIn, 'car.cycle.md', view, 'md');
    const images = [...md.matchAll(/^!\[([^\]]+)\]\(([^)]+)\)$/gm)];
    expect(images.map((m) => m[2])).toEqual([
      '01-paired-reading.charts/enjoyment-before-after.svg',
      '01-paired-reading.charts/reads-often-run-chart.svg',
      '01-paired-reading.charts/reads-often-xmr.svg',
    ]);
    expect(images[0]?.[1]).toMatch(/^Before and after reading enjoyment score for \d groups: /);
    expect(md).not.toContain('<svg');
  });
});

describe('the words of the records inside a chart', () => {
  it('are escaped in the SVG and in its caption: a name with markup is shown, never run', async () => {
    const hostile = '<script>alert("x")</script> & <b>Co</b>';
    const measures: MeasuresRecord = {
      ...MEASURES,
      measures: (MEASURES.measures ?? []).map((m) => ({ ...m, name: `${m.name} ${hostile}` })),
    };
    const view = await drawnBriefing(measures);
    const html = renderBriefing(builtIn, 'car.cycle.html', view, 'html');
    const svgs = [...html.matchAll(/<svg [\s\S]*?<\/svg>/g)].map((m) => m[0]);
    expect(svgs).toHaveLength(3);
    for (const svg of svgs) {
      expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;Co&lt;/b&gt;');
      expect(svg).not.toMatch(/<script|<b>/);
    }
    expect(html).not.toMatch(/<script|<b>/);
    const md = renderBriefing(builtIn, 'car.cycle.md', view, 'md');
    expect(md).not.toMatch(/<script|<b>/);
  });
});

describe('the files renderBriefings makes', async () => {
  const cycle = chartCycle();
  const cycles = [{ cycle, method: car, status: statusOf(cycle) }];
  const render = async (formats: ('md' | 'html')[], charts = true) =>
    (await renderBriefings(project, cycles, cycles, formats, builtIn, { charts })).files;

  it('are, for Markdown, the briefings and an SVG file per chart beside each, marked as made by sipp', async () => {
    const files = await render(['md']);
    expect(files.map((f) => f.file)).toEqual([
      '01-paired-reading.md',
      '01-paired-reading.charts/enjoyment-before-after.svg',
      '01-paired-reading.charts/reads-often-run-chart.svg',
      '01-paired-reading.charts/reads-often-xmr.svg',
      'overview.md',
      'overview.charts/overview-enjoyment.svg',
    ]);
    for (const f of files) expect(isGeneratedBriefing(f.text), f.file).toBe(true);
  });

  it('are, for HTML, the briefings alone (the charts are inside them)', async () => {
    const files = await render(['html']);
    expect(files.map((f) => f.file)).toEqual(['01-paired-reading.html', 'overview.html']);
    expect(files[0]?.text.match(/<figure class="chart"/g)).toHaveLength(3);
  });

  it('have no charts when asked for none', async () => {
    const files = await render(['md', 'html'], false);
    expect(files.map((f) => f.file)).toEqual([
      '01-paired-reading.md',
      '01-paired-reading.html',
      'overview.md',
      'overview.html',
    ]);
    expect(files.some((f) => f.text.includes('<figure') || f.text.includes('.svg)'))).toBe(false);
  });

  it('are the same bytes every time, in any time zone', async () => {
    const first = await render(['md', 'html']);
    const zone = process.env.TZ;
    try {
      for (const tz of ['Pacific/Auckland', 'America/Los_Angeles']) {
        process.env.TZ = tz;
        expect(await render(['md', 'html'])).toEqual(first);
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});
