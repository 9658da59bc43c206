// Golden files: the fixture project's briefings, compared byte for byte with what sipp renders now.
// After an intentional change to the templates or view models, rewrite them with
//   UPDATE_GOLDEN=1 npx vitest run test/golden
// and review the diff of test/golden/brief-project/ like code, in the same commit. The charts of the Markdown
// briefings are golden files too (in <briefing>.charts/): open a changed one to look at it.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allCycleData, projectData } from '../../src/core/records/cycle-data.js';
import type { ProjectFile } from '../../src/core/records/model.js';
import { FORMATS } from '../../src/core/render/index.js';
import { renderBriefings } from '../../src/core/render/briefings.js';
import { projectStatus } from '../../src/core/status/index.js';
import { validateProject } from '../../src/core/validate/index.js';
import { findMethod } from '../../src/methods/registry.js';
import { readSchemas } from '../../src/project/assets.js';
import { loadProject } from '../../src/project/load.js';
import { readTemplateSet } from '../../src/project/templates.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));

const FIXTURE = path.resolve(HERE, '..', 'fixtures', 'brief-project');
const GOLDEN = path.join(HERE, 'brief-project');
const update = process.env.UPDATE_GOLDEN === '1';

/** Every file below `dir`, as paths relative to it with forward slashes. */
function filesBelow(dir: string, rel = ''): string[] {
  if (!existsSync(path.join(dir, rel))) return [];
  return readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const child = rel ? `${rel}/${e.name}` : e.name;
    return e.isDirectory() ? filesBelow(dir, child) : [child];
  });
}

async function renderFixture() {
  const source = loadProject(FIXTURE);
  const problems = validateProject(source, readSchemas(), { findMethod });
  expect(problems, 'the fixture project must be valid').toEqual([]);
  const statuses = projectStatus(source, problems, findMethod).cycles;
  const cycles = allCycleData(source, problems).map((cycle, i) => ({ cycle, method: findMethod(cycle.method), status: statuses[i]! }));
  return (await renderBriefings(projectData(source, problems) as ProjectFile, cycles, cycles, FORMATS, readTemplateSet(FIXTURE))).files;
}

describe('the briefings of test/fixtures/brief-project', async () => {
  const rendered = await renderFixture();
  if (update) {
    for (const { file, text } of rendered) {
      mkdirSync(path.dirname(path.join(GOLDEN, file)), { recursive: true });
      writeFileSync(path.join(GOLDEN, file), text);
    }
  }

  it('are the files in test/golden/brief-project, no more and no fewer', () => {
    expect(rendered.map((r) => r.file).sort()).toEqual(filesBelow(GOLDEN).sort());
  });

  it('include the charts of the Markdown briefings as SVG files beside them', () => {
    const svgs = rendered.filter((r) => r.file.endsWith('.svg')).map((r) => r.file);
    expect(svgs).toContain('01-paired-reading.charts/reading-enjoyment-before-after.svg');
    expect(svgs).toContain('overview.charts/overview-reading-enjoyment.svg');
  });

  it.each(rendered.map((r) => [r.file, r.text] as const))('%s matches its golden file byte for byte', (file, text) => {
    const golden = readFileSync(path.join(GOLDEN, file), 'utf8');
    // Compared as lines first, so that a failure shows where the difference is.
    expect(text.split('\n')).toEqual(golden.split('\n'));
    expect(Buffer.from(text).equals(Buffer.from(golden))).toBe(true);
  });
});
