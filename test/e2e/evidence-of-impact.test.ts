// Issue 4, "Done when", end to end: a class of 30 imported into the example project, analysed and briefed; tables
// with each kind of bad cell and each kind of personal data refused with the place named and nothing changed.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, REPO_ROOT, hashTree, sipp, tempDir } from './helpers.js';

const TABLES = path.join(REPO_ROOT, 'test/fixtures/tables');
/** 30 learners (L01-L30): group, SIMD quintile, fsm, before and after scores; two have no after score. */
const CLASS_30 = readFileSync(path.join(TABLES, 'class-30.csv'), 'utf8');
const CHECKINS = readFileSync(path.join(TABLES, 'reading-checkins.csv'), 'utf8');
const CYCLE = 'cycles/01-paired-reading';
const IMPORT = ['data', 'import', 'class.csv', '--cycle', '1', '--measure', 'comprehension'];

/** The measure is defined before the import, as a team would: the import adds its results. */
const DEFINITION = `  - id: comprehension
    name: Reading comprehension check
    type: outcome
    kind: score
    unit: points out of 40
    higherIsBetter: true
`;

/** A copy of `template` in a new temporary folder. */
function copyOf(template: string): string {
  const dir = tempDir();
  cpSync(template, dir, { recursive: true });
  return dir;
}

/** The table's lines, with `change` applied to the line of one learner (`L07`) or to the heading line (`0`). */
function edited(table: string, learner: string, change: (line: string) => string): string {
  return table
    .split('\n')
    .map((line, i) => (line.startsWith(`${learner},`) || (learner === '0' && i === 0) ? change(line) : line))
    .join('\n');
}

/** class-30.csv with one more column on the right: its heading, then one cell per learner. */
function withColumn(heading: string, cell: (i: number) => string): string {
  const lines = CLASS_30.trimEnd().split('\n');
  return `${lines.map((line, i) => `${line},${i === 0 ? heading : cell(i - 1)}`).join('\n')}\n`;
}

/** HTML text with the character references Handlebars writes turned back into characters. */
function decodeEntities(html: string): string {
  return html.replace(/&#x([0-9a-f]+);|&(quot|amp|lt|gt);/gi, (_, hex: string | undefined, name: string | undefined) =>
    hex
      ? String.fromCodePoint(parseInt(hex, 16))
      : (({ quot: '"', amp: '&', lt: '<', gt: '>' } as Record<string, string>)[name ?? ''] ?? ''),
  );
}

let example: string;
let imported: string;
beforeAll(() => {
  example = tempDir();
  cpSync(path.join(EXAMPLES, 'northfield-reading'), example, { recursive: true });
  const measures = path.join(example, CYCLE, 'measures.yaml');
  writeFileSync(measures, readFileSync(measures, 'utf8').replace('\nresults:\n', `\n${DEFINITION}results:\n`));
  imported = copyOf(example);
  writeFileSync(path.join(imported, 'class.csv'), CLASS_30);
  const r = sipp(IMPORT, { cwd: imported });
  if (r.code !== 0) throw new Error(`the import of class-30.csv failed: ${r.stderr}`);
});

describe('a class of 30 in the example project: import, analyse, brief', () => {
  it('imports the table: aggregated figures in measures.yaml, the raw table in data/private/', () => {
    const dir = copyOf(example);
    writeFileSync(path.join(dir, 'class.csv'), CLASS_30);
    const r = sipp(IMPORT, { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'Read 30 learners from class.csv for measure comprehension (scores) in cycle 01-paired-reading.',
    );
    expect(readFileSync(path.join(dir, 'data/private/01-paired-reading/comprehension.csv'), 'utf8')).toBe(CLASS_30);
    const text = readFileSync(path.join(dir, CYCLE, 'measures.yaml'), 'utf8');
    expect(text).toContain(DEFINITION);
    expect(text).not.toMatch(/\bL\d\d\b/);
    expect(sipp(['validate'], { cwd: dir }).code).toBe(0);
  });

  it('analyses it: figures worked out by hand from the table', () => {
    const r = sipp(['analyse', '1', '--json'], { cwd: imported });
    expect(r.code, r.stderr).toBe(0);
    const measure = JSON.parse(r.stdout).cycles[0].measures.find((m: { id: string }) => m.id === 'comprehension');
    const row = (g: { name: string; before: { n: number; mean: number; sd: number }; after: typeof g.before }) => [
      g.name,
      g.before.n,
      g.before.mean,
      g.before.sd,
      g.after.n,
      g.after.mean,
      g.after.sd,
    ];
    // From class-30.csv (measures.yaml keeps 5 significant figures of the SD, issue 12): the intervention's 15
    // before scores add up to 351, 351 / 15 = 23.4; its 14 after scores to 387, 387 / 14 = 27.6429. SIMD 1 has 5
    // learners before but 4 after, and SIMD 5 has 2: both are hidden in both groups. (Checked in Python.)
    expect(measure.groups.map(row)).toEqual([
      ['Intervention', 15, 23.4, 4.9106, 14, 27.6429, 3.3879],
      ['Intervention – SIMD 1-2', 9, 20, 2.7386, 8, 25.25, 2.1213],
      ['Intervention – SIMD 3-5', 6, 28.5, 1.8708, 6, 30.8333, 1.472],
      ['Intervention – SIMD 1', null, null, null, null, null, null],
      ['Intervention – SIMD 5', null, null, null, null, null, null],
      ['Comparison', 15, 24.1333, 4.6884, 14, 25.0714, 4.8272],
      ['Comparison – SIMD 1-2', 8, 20.5, 2.4495, 8, 21.5, 2.4495],
      ['Comparison – SIMD 3-5', 7, 28.2857, 2.5635, 6, 29.8333, 2.137],
      ['Comparison – SIMD 1', null, null, null, null, null, null],
      ['Comparison – SIMD 5', null, null, null, null, null, null],
    ]);
    expect(measure.groups.map((g: { suppressed: boolean }) => g.suppressed)).toEqual([
      false, false, false, true, true, false, false, false, true, true,
    ]); // prettier-ignore
    expect(measure.groups[0].change).toBe(4.2429); // 27.6429 - 23.4
    // Intervention SIMD 3-5 minus SIMD 1-2: 28.5 - 20 = 8.5 before, 30.8333 - 25.25 = 5.5833 after: narrowed by 2.9167.
    expect(measure.gap).toMatchObject({
      baseline: 8.5,
      followUp: 5.5833,
      change: -2.9167,
      narrowed: true,
      denominators: { baseline: { equityN: 9, othersN: 6 }, followUp: { equityN: 8, othersN: 6 } },
    });
    // s_p = √((13 × 3.3879² + 13 × 4.8272²) / 26) = 4.1701; d = (27.6429 - 25.0714) / 4.1701 = 0.6166;
    // J(26) = 0.97083; g = 0.5987; SE = J √(28/196 + d²/56) = 0.3756; CI 0.5987 ± 1.959964 × 0.3756 = -0.1374 to
    // 1.3347. 0.60 is 7 months (EEF).
    expect(measure.effectSize).toMatchObject({
      hedgesG: 0.5987,
      ci95: [-0.1374, 1.3347],
      monthsProgress: 7,
      basis: 'comparison',
    });
  });

  it('briefs it: the figures in the cycle briefing, hidden groups as [c] in every cell and nowhere else', () => {
    const dir = copyOf(imported);
    const r = sipp(['brief', '1'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const read = (file: string): string => readFileSync(path.join(dir, 'briefings', file), 'utf8');
    const sectionOf = (text: string, start: string, end: string): string => {
      const at = text.indexOf(start);
      expect(at, start).toBeGreaterThanOrEqual(0);
      const stop = text.indexOf(end, at + start.length);
      return text.slice(at, stop < 0 ? undefined : stop);
    };
    const sections = {
      markdown: sectionOf(read('01-paired-reading.md'), '### Reading comprehension check', '\n### '),
      html: decodeEntities(sectionOf(read('01-paired-reading.html'), '>Reading comprehension check</h3>', '<h3')),
    };
    for (const [format, section] of Object.entries(sections)) {
      /** The table row of a group: from its name to the end of the row. */
      const rowOf = (name: string): string => {
        const at = [`| ${name} |`, `>${name}</th>`].map((s) => section.indexOf(s)).find((i) => i >= 0) ?? -1;
        expect(at, `${format}: row ${name}`).toBeGreaterThanOrEqual(0);
        const end = [section.indexOf('\n', at), section.indexOf('</tr>', at)].filter((i) => i >= 0);
        return section.slice(at + name.length + 2, format === 'html' ? Math.max(...end) : Math.min(...end));
      };
      expect(rowOf('Intervention').match(/[+\d.]+/g), format).toEqual([
        '15', '23.40', '4.91', '14', '27.64', '3.39', '+4.24',
      ]); // prettier-ignore
      for (const hidden of [
        'Intervention – SIMD 1',
        'Intervention – SIMD 5',
        'Comparison – SIMD 1',
        'Comparison – SIMD 5',
      ]) {
        const cells = rowOf(hidden);
        expect(cells.match(/\[c\]/g)?.length, `${format}: ${hidden}`).toBe(7);
        expect(cells, `${format}: ${hidden}`).not.toMatch(/\d/);
      }
      expect(section, format).toMatch(/Hedges['’] g = 0\.60 \(95% confidence interval [−-]0\.14 to 1\.33\)/);
      expect(section, format).toMatch(/8\.50 points behind[^.]*before \(n = 9 and 6\)[^.]*5\.58 points behind after/);
    }
    // The hidden groups' means and SDs (SIMD 1: 18.8 -> 24.0 and 18.5 -> 19.5; SIMD 5: 30.5 -> 32.5 and
    // 31.5 -> 32.0) appear nowhere in the section, in its chart's text or in the chart's description.
    const chart = read('01-paired-reading.charts/comprehension-before-after.svg');
    const chartWords = [...chart.matchAll(/<text[^>]*>([^<]*)<\/text>|aria-label="([^"]*)"|<desc>([^<]*)<\/desc>/g)]
      .map((m) => m.slice(1).join(' '))
      .join('\n');
    expect(chartWords).toContain('27.64');
    const hiddenFigures = [
      '18.8',
      '24.0',
      '18.5',
      '19.5',
      '30.5',
      '32.5',
      '31.5',
      '32.0',
      '2.59',
      '2.16',
      '1.29',
      '0.71',
      '1.41',
    ];
    // (The inline SVG of the HTML is the same chart: its coordinates are left out, its words checked above.)
    const htmlWords = sections.html.replace(/<svg[\s\S]*?<\/svg>/g, '');
    for (const text of [sections.markdown, htmlWords, chartWords]) {
      for (const figure of hiddenFigures)
        expect(text).not.toMatch(new RegExp(`(?<![\\d.])${figure.replace('.', '\\.')}0?(?!\\d)`));
    }
  });
});

describe('a table with a bad cell is refused, naming its row and column, and nothing changes', () => {
  const cases: Array<[string, string, string, string]> = [
    [
      'text in a score column',
      edited(CLASS_30, 'L07', (l) => l.replace(',29,31', ',absent,31')),
      'class.csv:8:E: "absent" is not a number: write the score as a number, or leave the cell empty if the learner has no score.',
      'comprehension',
    ],
    [
      'an out-of-range SIMD quintile',
      edited(CLASS_30, 'L12', (l) => l.replace(',1,yes,', ',6,yes,')),
      'class.csv:13:C: "6" is not a SIMD quintile: write a whole number from 1 (most deprived) to 5, or leave the cell empty if it is not known.',
      'comprehension',
    ],
    [
      'a free school meals answer that is not yes or no',
      edited(CLASS_30, 'L20', (l) => l.replace(',yes,', ',sometimes,')),
      'class.csv:21:D: "sometimes" is not yes or no: write yes or no for free school meal registration, or leave the cell empty if it is not known.',
      'comprehension',
    ],
    [
      'a learner code used twice',
      edited(CLASS_30, 'L25', (l) => l.replace('L25,', 'L14,')),
      'class.csv:26:A: Learner code "L14" is already on row 15: each learner needs a row of their own.',
      'comprehension',
    ],
    [
      'a date that does not exist in a dated series',
      CHECKINS.replace('L01,29/09/2025,', 'L01,31/09/2025,'),
      'class.csv:4:B: "31/09/2025" is not a date: write dates as 2025-09-15 or 15/09/2025.',
      'reads-for-pleasure-weekly',
    ],
  ];

  for (const [what, table, line, measure] of cases) {
    it(`refuses ${what} (exit 1)`, () => {
      expect(table).not.toBe(measure === 'comprehension' ? CLASS_30 : CHECKINS);
      const dir = copyOf(imported);
      writeFileSync(path.join(dir, 'class.csv'), table);
      const before = hashTree(dir);
      const r = sipp(['data', 'import', 'class.csv', '--cycle', '1', '--measure', measure], { cwd: dir });
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`${line}\nsipp: class.csv was not imported: 1 cell needs fixing. Nothing was written.\n`);
      expect(hashTree(dir)).toBe(before);
    });
  }
});

describe('a table with personal data is refused, naming its column and row, and nothing changes', () => {
  const FIRST = ['Ava', 'Callum', 'Isla', 'Lewis', 'Freya', 'Rory', 'Skye', 'Finlay', 'Eilidh', 'Euan'];
  const LAST = ['MacLeod', 'Campbell', 'Stewart', 'Robertson', 'Murray', 'Paterson'];
  const name = (i: number): string => `${FIRST[i % FIRST.length]} ${LAST[i % LAST.length]}`;
  const cases: Array<[string, string, string]> = [
    [
      'a column of names',
      withColumn('Pupil name', name),
      'class.csv:2:G: Column G ("Pupil name") looks like it holds names (by its heading).',
    ],
    [
      'e-mail addresses',
      withColumn('Parent contact', (i) => (i < 3 ? '' : `parent${i}@example.org`)),
      'class.csv:5:G: Column G ("Parent contact") looks like it holds e-mail addresses.',
    ],
    [
      'dates of birth',
      withColumn('Date of birth', (i) => `${String(1 + (i % 28)).padStart(2, '0')}/0${1 + (i % 9)}/2016`),
      'class.csv:2:G: Column G ("Date of birth") looks like it holds dates of birth (by its heading).',
    ],
    [
      'Scottish Candidate Numbers',
      withColumn('SQA ref', (i) => String(170_000_000 + 7919 * i)),
      'class.csv:2:G: Column G ("SQA ref") looks like it holds Scottish Candidate Numbers (nine-digit numbers, the form of a Scottish Candidate Number).',
    ],
    [
      'postcodes',
      withColumn('Area', (i) => (i === 0 ? '' : `G${11 + (i % 9)} ${1 + (i % 8)}QQ`)),
      'class.csv:3:G: Column G ("Area") looks like it holds postcodes.',
    ],
  ];

  for (const [what, table, line] of cases) {
    it(`refuses ${what} (exit 1)`, () => {
      const dir = copyOf(imported);
      writeFileSync(path.join(dir, 'class.csv'), table);
      const before = hashTree(dir);
      const r = sipp(IMPORT, { cwd: dir });
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      const lines = r.stderr.split('\n');
      expect(lines[0]).toBe(line);
      expect(lines[1]).toBe(
        'sipp: class.csv was not imported: a column looks like personal data. Nothing was written.',
      );
      expect(lines[2]).toContain(
        'if a column is not what it looks like, import again with --allow-column "<heading>".',
      );
      expect(hashTree(dir)).toBe(before);
    });
  }

  it('--allow-column lets one named column through after a warning, and only that one', () => {
    const buddy = withColumn('Reading buddy', name);
    const both = edited(buddy, '0', (l) => `${l},Home postcode`)
      .split('\n')
      .map((l, i) => (i === 0 || l === '' ? l : `${l},G${11 + (i % 9)} 8QQ`))
      .join('\n');
    const dir = copyOf(imported);
    writeFileSync(path.join(dir, 'class.csv'), both);
    const before = hashTree(dir);
    const refused = sipp([...IMPORT, '--yes', '--allow-column', 'Reading buddy'], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.stderr.split('\n').slice(0, 3)).toEqual([
      expect.stringMatching(
        /^warning: class\.csv: column G \("Reading buddy"\) looks like it holds names; importing it anyway because of --allow-column\./,
      ),
      'class.csv:2:H: Column H ("Home postcode") looks like it holds postcodes (by its heading).',
      'sipp: class.csv was not imported: a column looks like personal data. Nothing was written.',
    ]);
    expect(hashTree(dir)).toBe(before);

    writeFileSync(path.join(dir, 'class.csv'), buddy);
    const allowed = sipp([...IMPORT, '--yes', '--allow-column', 'Reading buddy'], { cwd: dir });
    expect(allowed.code, allowed.stderr).toBe(0);
    expect(allowed.stderr).toBe(
      'warning: class.csv: column G ("Reading buddy") looks like it holds names; importing it anyway because of --allow-column. ' +
        'Nothing from it goes into measures.yaml (only aggregated figures do), but the raw copy in data/private/ keeps it: delete the column from the table if the enquiry does not need it.\n',
    );
    const measures = readFileSync(path.join(dir, CYCLE, 'measures.yaml'), 'utf8');
    for (let i = 0; i < 30; i += 1) expect(measures).not.toContain(name(i));
    expect(readFileSync(path.join(dir, 'data/private/01-paired-reading/comprehension-2.csv'), 'utf8')).toBe(buddy);
  });
});
