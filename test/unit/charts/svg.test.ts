// Specification of the drawn charts: self-contained, accessible SVG that is byte-identical on every run, in any
// order and time zone, and matches the golden files (UPDATE_GOLDEN=1 rewrites them after an intended change).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analysisReport } from '../../../src/core/analysis/report.js';
import {
  chartsForCycle,
  cycleChartSpecs,
  overviewCharts,
  renderSvg,
  tidySvg,
  type ChartSpec,
} from '../../../src/core/render/charts/index.js';
import { INTERVENTION, MEASURES, cycle } from './fixtures.js';

const GOLDEN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'golden', 'charts');

function spec(id: string): ChartSpec {
  const found = cycleChartSpecs(cycle(), { intervention: INTERVENTION }).find((c) => c.id === id);
  if (!found) throw new Error(`no chart ${id}`);
  return found;
}

async function draw(s: ChartSpec, warnings: string[] = []): Promise<string> {
  return renderSvg(s.spec, { idPrefix: `t-${s.id}`, title: s.title, alt: s.alt, onWarning: (m) => warnings.push(m) });
}

function expectGolden(name: string, svg: string): void {
  const file = path.join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, svg);
  expect(existsSync(file), `${name} is missing: run the tests with UPDATE_GOLDEN=1 and review it`).toBe(true);
  expect(svg).toBe(readFileSync(file, 'utf8'));
}

describe('chart SVG', () => {
  it('matches the golden run chart byte for byte', async () => {
    expectGolden('run-chart.svg', await draw(spec('reads-often-run-chart')));
  });

  it('matches the golden before/after chart byte for byte', async () => {
    expectGolden('before-after.svg', await draw(spec('enjoyment-before-after')));
  });

  it('is the same bytes however many charts were drawn before, and in any time zone', async () => {
    const run = spec('reads-often-run-chart');
    const first = await draw(run);
    await draw(spec('reads-often-xmr'));
    await draw(spec('enjoyment-before-after'));
    expect(await draw(run)).toBe(first);
    const zone = process.env.TZ;
    try {
      for (const tz of ['Pacific/Auckland', 'America/Los_Angeles', 'Europe/London']) {
        process.env.TZ = tz;
        expect(await draw(run)).toBe(first);
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('draws every chart of a cycle and of the overview without a Vega warning', async () => {
    const warnings: string[] = [];
    for (const s of cycleChartSpecs(cycle(), { intervention: INTERVENTION })) await draw(s, warnings);
    expect(warnings).toEqual([]);
    const overview = await overviewCharts(analysisReport([{ id: '01-a', number: 1, measures: MEASURES }]));
    expect(overview.map((c) => c.id)).toEqual(['overview-enjoyment']);
  });

  it('is self-contained and accessible: no scripts, images or links, a title, a description and an aria-label', async () => {
    const charts = await chartsForCycle(cycle(), { intervention: INTERVENTION });
    for (const chart of charts) {
      expect(chart.svg).toMatch(/^<svg [^>]*role="img" aria-label="[^"]+"><title>[^<]+<\/title><desc>[^<]+<\/desc>/);
      expect(chart.svg).not.toMatch(/<script|<image|<foreignObject|href="(?!#)|url\((?!#)/);
      expect(chart.svg).toContain('font-family="sans-serif"');
      expect(chart.svg.endsWith('</svg>\n')).toBe(true);
    }
  });

  it('gives every id its chart prefix, so that charts inlined in one page never share an id', async () => {
    const charts = await chartsForCycle(cycle(), { intervention: INTERVENTION });
    const ids = charts.flatMap((c) => [...c.svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] as string));
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of charts) {
      for (const [, id] of c.svg.matchAll(/\sid="([^"]+)"/g))
        expect(id).toMatch(new RegExp(`^sipp-01-paired-reading-${c.id}-\\d+$`));
    }
  });

  it('escapes the text alternative and rounds coordinates', () => {
    const svg = tidySvg('<svg width="1"><path id="clip7" d="M0.123456,1.5" clip-path="url(#clip7)"/></svg>', {
      idPrefix: 'p',
      title: 'A & B',
      alt: 'Says "hi" <here>',
    });
    expect(svg).toBe(
      '<svg width="1" role="img" aria-label="Says &quot;hi&quot; &lt;here&gt;"><title>A &amp; B</title><desc>Says &quot;hi&quot; &lt;here&gt;</desc><path id="p-1" d="M0.12,1.5" clip-path="url(#p-1)"/></svg>\n',
    );
  });
});
