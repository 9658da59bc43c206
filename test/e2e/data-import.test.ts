// `sipp data import`: class tables in, aggregated figures out, personal data and bad cells refused with their place.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { EXAMPLES, REPO_ROOT, newProject, sipp, snapshotTree, tempDir } from './helpers.js';
import { DOWN, ENTER, onTerminal } from './terminal.js';

const TABLES = path.join(REPO_ROOT, 'test/fixtures/tables');
const CLASS_30 = readFileSync(path.join(TABLES, 'class-30.csv'), 'utf8');
const MEASURES = 'cycles/01-paired-reading/measures.yaml';

/** A project from `sipp init` with one cycle, `01-paired-reading`. */
function projectWithCycle(): string {
  const dir = newProject();
  const r = sipp(['cycle', '--yes', 'Paired reading'], { cwd: dir });
  if (r.code !== 0) throw new Error(`sipp cycle failed: ${r.stderr}`);
  return dir;
}

/** A copy of the project with a table written into it (outside data/private/). */
function withTable(template: string, name: string, content: string | Buffer): string {
  const dir = tempDir();
  cpSync(template, dir, { recursive: true });
  writeFileSync(path.join(dir, name), content);
  return dir;
}

const measuresOf = (dir: string) =>
  parse(readFileSync(path.join(dir, MEASURES), 'utf8')) as {
    measures: { id: string; name: string; kind?: string }[];
    results: {
      measure: string;
      groups: {
        name: string;
        role: string;
        equity: string;
        before?: Record<string, number>;
        after?: Record<string, number>;
      }[];
    }[];
    series: { measure: string; group: string; points: { date: string; value: number; n: number }[] }[];
  };

let template: string;
beforeAll(() => {
  template = projectWithCycle();
});

describe('sipp data import', () => {
  it('imports a class of 30 into the cycle: figures in measures.yaml, the raw table in data/private/', () => {
    const dir = withTable(template, 'class.csv', CLASS_30);
    const r = sipp(['data', 'import', 'class.csv', '--cycle', '1', '--measure', 'reading-enjoyment'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'Read 30 learners from class.csv for measure reading-enjoyment (scores) in cycle 01-paired-reading.',
    );
    expect(r.stdout).toContain(
      'Columns: learner = A ("learner"), group = B ("group"), simd = C ("simd"), fsm = D ("fsm"), before = E ("before"), after = F ("after").',
    );
    expect(r.stdout).toMatch(/ {2}Intervention {13}n 15 -> 14\n/);
    expect(r.stdout).toMatch(/ {2}Intervention – SIMD 1 {4}left out {2}\(fewer than 5 learners\)\n/);
    expect(r.stdout).toContain(
      'Groups left out are written as `suppressed: true` with no figures, so measures.yaml is safe to share; briefings show them as [c]. What forced it: 4 learners in Intervention – SIMD 1: fewer than 5;',
    );
    expect(r.stdout).toContain('2 learners with no after value are left out of the after figures.');
    expect(r.stdout).toContain('Copied the raw table to data/private/01-paired-reading/reading-enjoyment.csv');
    expect(r.stdout).toContain(
      `Updated ${MEASURES}: added the results of reading-enjoyment (aggregated figures only).`,
    );

    const data = measuresOf(dir);
    expect(data.measures).toEqual([{ id: 'reading-enjoyment', name: 'reading-enjoyment', kind: 'score' }]);
    const groups = data.results[0]?.groups ?? [];
    expect(groups.map((g) => g.name)).toEqual([
      'Intervention',
      'Intervention – SIMD 1-2',
      'Intervention – SIMD 3-5',
      'Intervention – SIMD 1',
      'Intervention – SIMD 5',
      'Comparison',
      'Comparison – SIMD 1-2',
      'Comparison – SIMD 3-5',
      'Comparison – SIMD 1',
      'Comparison – SIMD 5',
    ]);
    expect(groups[0]).toEqual({
      name: 'Intervention',
      role: 'intervention',
      equity: 'all',
      // Worked by hand from class-30.csv (Python's statistics module): SDs to 5 significant figures, and the
      // 14 learners with both scores correlate r = 0.98550.
      before: { n: 15, mean: 23.4, sd: 4.9106 },
      after: { n: 14, mean: 27.6429, sd: 3.3879 },
      paired: { n: 14, r: 0.986 },
    });
    expect(groups[6]).toMatchObject({
      role: 'comparison',
      equity: 'equity-group',
      before: { n: 8, mean: 20.5, sd: 2.4495 },
    });
    // A group of 4 (SIMD 1) is named with no figures, so the record is safe to publish as it stands.
    expect(groups[3]).toEqual({
      name: 'Intervention – SIMD 1',
      role: 'intervention',
      equity: 'simd-1',
      suppressed: true,
      suppression: 'small-group',
    });
    expect(sipp(['validate'], { cwd: dir }).code).toBe(0);

    expect(readFileSync(path.join(dir, 'data/private/01-paired-reading/reading-enjoyment.csv'), 'utf8')).toBe(CLASS_30);
    const v = sipp(['validate'], { cwd: dir });
    expect(v.stdout).toContain('valid');
    expect(v.code).toBe(0);
  });

  it('never writes a learner code into measures.yaml', () => {
    const dir = withTable(template, 'class.csv', CLASS_30);
    expect(
      sipp(['data', 'import', 'class.csv', '--cycle', '01', '--measure', 'reading-enjoyment'], { cwd: dir }).code,
    ).toBe(0);
    const text = readFileSync(path.join(dir, MEASURES), 'utf8');
    for (let i = 1; i <= 30; i += 1) expect(text).not.toContain(`L${String(i).padStart(2, '0')}`);
  });

  it('imports the first sheet of an .xlsx, and does not take its assessment dates for dates of birth', () => {
    const dir = withTable(template, 'class.xlsx', readFileSync(path.join(TABLES, 'class-12.xlsx')));
    const r = sipp(['data', 'import', 'class.xlsx', '--cycle', '01-paired-reading', '--measure', 'spelling'], {
      cwd: dir,
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Read 12 learners from class.xlsx');
    const groups = measuresOf(dir).results[0]?.groups ?? [];
    expect(groups[0]).toEqual({
      name: 'Intervention',
      role: 'intervention',
      equity: 'all',
      before: { n: 6, mean: 23.25, sd: 4.7302 },
      after: { n: 5, mean: 28.1, sd: 2.8373 },
      paired: { n: 5, r: 0.983 },
    });
    expect(readFileSync(path.join(dir, 'data/private/01-paired-reading/spelling.xlsx'))).toEqual(
      readFileSync(path.join(TABLES, 'class-12.xlsx')),
    );
    expect(sipp(['validate'], { cwd: dir }).code).toBe(0);
  });

  it('maps other headings with --columns, and finds usual ones (Pupil code, SIMD quintile) by itself', () => {
    const dir = withTable(template, 'scores.csv', readFileSync(path.join(TABLES, 'class-30-headings.csv')));
    const r = sipp(
      [
        'data',
        'import',
        'scores.csv',
        '--cycle',
        '1',
        '--measure',
        'reading-enjoyment',
        '--columns',
        'before="Sept score", after = "june score"',
      ],
      { cwd: dir },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'Columns: learner = A ("Pupil code"), group = B ("Group"), simd = C ("SIMD quintile"), fsm = D ("FSM"), before = E ("Sept score"), after = F ("June score").',
    );
    expect(measuresOf(dir).results[0]?.groups[0]?.before).toEqual({ n: 15, mean: 23.4, sd: 4.9106 });
  });

  it('refuses, without a terminal, a table whose columns it cannot find, listing its headings (exit 1)', () => {
    const dir = withTable(template, 'scores.csv', readFileSync(path.join(TABLES, 'class-30-headings.csv')));
    const before = snapshotTree(dir);
    const r = sipp(['data', 'import', 'scores.csv', '--cycle', '1', '--measure', 'reading-enjoyment'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'sipp: scores.csv has no `before` or `after` column. Its headings are: A ("Pupil code"), B ("Group"), C ("SIMD quintile"), D ("FSM"), E ("Sept score"), F ("June score"). Nothing was written.',
    );
    expect(r.stderr).toContain('--columns before="<heading>"');
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('imports a dated series of yes/no answers as the percentage of yes per date', () => {
    const dir = withTable(template, 'checkins.csv', readFileSync(path.join(TABLES, 'reading-checkins.csv')));
    const r = sipp(['data', 'import', 'checkins.csv', '--cycle', '1', '--measure', 'reads-for-pleasure'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'Read 60 rows of a dated series from checkins.csv for measure reads-for-pleasure (yes/no)',
    );
    expect(r.stdout).toContain('All learners: 6 dates (2025-09-01 to 2025-11-17), n 9 to 10 per date');
    expect(r.stdout).toContain(
      "The table has a row per learner per date: sipp worked out each date's figure from the learners' values.",
    );
    const suppressed = (measuresOf(dir).series[0]?.points ?? []).filter(
      (p) => (p as { suppressed?: boolean }).suppressed,
    );
    expect(suppressed.length).toBeGreaterThan(0);
    const data = measuresOf(dir);
    expect(data.measures).toEqual([{ id: 'reads-for-pleasure', name: 'reads-for-pleasure', kind: 'yes-no' }]);
    expect(data.series).toHaveLength(1);
    expect(data.series[0]?.group).toBe('All learners');
    expect(data.series[0]?.points.map((p) => p.date)).toEqual([
      '2025-09-01',
      '2025-09-15',
      '2025-09-29',
      '2025-10-13',
      '2025-11-03',
      '2025-11-17',
    ]);
    // A date where fewer than 5 answered yes (or no) keeps only its date: "2 of 9 said no" would point at learners.
    for (const point of suppressed) expect(Object.keys(point).sort()).toEqual(['date', 'suppressed']);
    for (const point of data.series[0]?.points ?? [])
      if (!(point as { suppressed?: boolean }).suppressed) expect((point.value * point.n) % 100).toBeCloseTo(0, 0);
    expect(sipp(['validate'], { cwd: dir }).code).toBe(0);
  });

  it('keeps every comment and line of measures.yaml it does not replace, byte for byte', () => {
    const dir = withTable(template, 'class.csv', CLASS_30);
    const head = [
      '# yaml-language-server: $schema=../../.sipp/schemas/measures.schema.json',
      '# Our measures: agreed at the partnership meeting.   Keep this spacing.',
      '',
      'measures:',
      '  # The survey everyone uses.',
      '  - id: reading-enjoyment',
      '    name: Reading enjoyment survey score   # out of 40',
      '    type: outcome',
      '    unit: points out of 40',
      '    higherIsBetter: true',
      'results:',
      '  # Imported in August; replaced by each import.',
    ];
    const tail = ['series: []', '# Last line comment.', ''];
    writeFileSync(
      path.join(dir, MEASURES),
      [...head, '  - measure: reading-enjoyment', '    groups: []', ...tail].join('\n'),
    );
    expect(
      sipp(['data', 'import', 'class.csv', '--cycle', '1', '--measure', 'reading-enjoyment'], { cwd: dir }).code,
    ).toBe(0);
    const text = readFileSync(path.join(dir, MEASURES), 'utf8');
    expect(
      text.startsWith(`${head.join('\n')}\n  - measure: reading-enjoyment\n    groups:\n      - name: Intervention\n`),
    ).toBe(true);
    expect(text.endsWith(`\n${tail.join('\n')}`)).toBe(true);
    expect(sipp(['validate'], { cwd: dir }).code).toBe(0);
  });

  it('keeps an earlier import and adds a suffix for a different table; the same table again makes no copy', () => {
    const dir = withTable(template, 'class.csv', CLASS_30);
    const args = ['data', 'import', 'class.csv', '--cycle', '1', '--measure', 'reading-enjoyment', '--yes'];
    expect(sipp(args, { cwd: dir }).code).toBe(0);
    const again = sipp(args, { cwd: dir });
    expect(again.stdout).toContain('The raw table was already in data/private/01-paired-reading/reading-enjoyment.csv');
    expect(again.stdout).toContain('replaced the earlier results of reading-enjoyment');
    writeFileSync(
      path.join(dir, 'class.csv'),
      CLASS_30.replace('L30,comparison,3,no,25,27', 'L30,comparison,3,no,25,29'),
    );
    expect(sipp(args, { cwd: dir }).stdout).toContain(
      'Copied the raw table to data/private/01-paired-reading/reading-enjoyment-2.csv',
    );
    expect(readFileSync(path.join(dir, 'data/private/01-paired-reading/reading-enjoyment.csv'), 'utf8')).toBe(CLASS_30);
    expect(measuresOf(dir).results).toHaveLength(1);
  });

  it('adds data/private/ to .gitignore when the project does not ignore it, keeping the file', () => {
    const dir = withTable(template, 'class.csv', CLASS_30);
    writeFileSync(path.join(dir, '.gitignore'), 'node_modules/\n');
    writeFileSync(path.join(dir, 'data/private/.gitignore'), '');
    expect(
      sipp(['data', 'import', 'class.csv', '--cycle', '1', '--measure', 'reading-enjoyment'], { cwd: dir }).code,
    ).toBe(0);
    expect(readFileSync(path.join(dir, '.gitignore'), 'utf8')).toMatch(
      /^node_modules\/\n# Pupil-level data never goes into Git[^\n]*\n[^\n]*\n\/data\/private\/\*\n!\/data\/private\/README.md\n!\/data\/private\/.gitignore\n$/,
    );
  });
});

/** A class table: each row `group,simd,before,after`, learners numbered in order. */
const classTable = (rows: string[]): string =>
  ['learner,group,simd,before,after', ...rows.map((row, i) => `L${String(i + 1).padStart(2, '0')},${row}`)].join('\n') +
  '\n';

describe('sipp data import keeps every figure of a small group out of tracked files (issue 8)', () => {
  it('writes one SIMD 5 learner in the intervention group as suppressed, with nothing that gives the score away', () => {
    const rows = [
      ...Array.from({ length: 12 }, (_, i) => `intervention,${1 + (i % 2)},${15 + i},${18 + i}`),
      ...Array.from({ length: 6 }, (_, i) => `intervention,${3 + (i % 2)},${16 + i},${19 + i}`),
      'intervention,5,19,23',
      ...Array.from({ length: 14 }, (_, i) => `comparison,${1 + (i % 4)},${15 + i},${16 + i}`),
    ];
    const dir = withTable(template, 'class.csv', classTable(rows));
    const r = sipp(['data', 'import', 'class.csv', '--cycle', '1', '--measure', 'reading-enjoyment'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const text = readFileSync(path.join(dir, MEASURES), 'utf8');
    expect(text).not.toMatch(/n: [1-4]\b/);
    const groups = measuresOf(dir).results[0]?.groups ?? [];
    expect(groups.find((g) => g.equity === 'simd-5' && g.role === 'intervention')).toEqual({
      name: 'Intervention – SIMD 5',
      role: 'intervention',
      equity: 'simd-5',
      suppressed: true,
      suppression: 'small-group',
    });
    // Every group written with figures has 5 or more learners; validate's small-group rule finds nothing to work out.
    for (const group of groups)
      for (const figures of [group.before, group.after]) if (figures) expect(figures.n).toBeGreaterThanOrEqual(5);
    expect(r.stdout).toContain('1 learner in Intervention – SIMD 5: fewer than 5');
    expect(sipp(['validate'], { cwd: dir }).code).toBe(0);
  });

  it('hides the complement rather than the equity group: 11 in SIMD 1-2 and 3 in SIMD 3-5', () => {
    const rows = [
      ...Array.from({ length: 11 }, (_, i) => `intervention,${1 + (i % 2)},${15 + i},${19 + i}`),
      ...Array.from({ length: 3 }, (_, i) => `intervention,${3 + i},${20 + i},${21 + i}`),
    ];
    const dir = withTable(template, 'class.csv', classTable(rows));
    const r = sipp(['data', 'import', 'class.csv', '--cycle', '1', '--measure', 'reading-enjoyment'], { cwd: dir });
    expect(r.code).toBe(0);
    const groups = measuresOf(dir).results[0]?.groups ?? [];
    const equityGroup = groups.find((g) => g.equity === 'equity-group');
    expect(equityGroup?.before).toMatchObject({ n: 11 });
    expect(equityGroup?.after).toMatchObject({ n: 11 });
    expect(groups.find((g) => g.equity === 'others')).toMatchObject({ suppressed: true, suppression: 'small-group' });
    expect(groups.find((g) => g.equity === 'all')).toMatchObject({ suppressed: true, suppression: 'secondary' });
    expect(r.stdout).toContain('3 learners in Intervention – SIMD 3-5: fewer than 5');
    expect(sipp(['validate'], { cwd: dir }).code).toBe(0);
  });

  it('is checked by sipp validate: a hand-typed group of 4 is an error at its line, with the fix', () => {
    const dir = withTable(template, 'class.csv', CLASS_30);
    writeFileSync(
      path.join(dir, MEASURES),
      `measures:
  - id: reading-enjoyment
    name: Reading enjoyment
results:
  - measure: reading-enjoyment
    groups:
      - name: SIMD 5
        role: intervention
        equity: simd-5
        before: { n: 4, mean: 27.8, sd: 5.6 }
`,
    );
    const v = sipp(['validate'], { cwd: dir });
    expect(v.code).toBe(1);
    expect(v.stdout + v.stderr).toContain(
      `${MEASURES}:10:22: \`n\` is 4: the group has fewer than 5 learners, so a learner could be recognised from these figures in a record shared in Git. Replace its \`before:\` and \`after:\` with \`suppressed: true\``,
    );
    expect(sipp(['brief'], { cwd: dir }).code).toBe(1);
  });
});

describe('sipp data import refuses bad cells', () => {
  const TABLE = [
    'learner,group,simd,fsm,before,after',
    'L01,intervention,1,yes,18,24',
    'L02,intervention,7,yes,21,27',
    'L03,treatment,2,maybe,twenty,28',
    'L01,comparison,1,no,22,23',
    ',comparison,2,no,20,21',
    'L06,,2,no,20,21',
    '',
  ].join('\n');

  it('reports every bad cell as file:row:column, exits 1 and writes nothing', () => {
    const dir = withTable(template, 'bad.csv', TABLE);
    const before = snapshotTree(dir);
    const r = sipp(['data', 'import', 'bad.csv', '--cycle', '1', '--measure', 'reading-enjoyment'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      [
        'bad.csv:3:C: "7" is not a SIMD quintile: write a whole number from 1 (most deprived) to 5, or leave the cell empty if it is not known.',
        'bad.csv:4:B: "treatment" is not a group sipp knows: write intervention or comparison.',
        'bad.csv:4:D: "maybe" is not yes or no: write yes or no for free school meal registration, or leave the cell empty if it is not known.',
        'bad.csv:4:E: "twenty" is not a number: write the score as a number, or leave the cell empty if the learner has no score.',
        'bad.csv:5:A: Learner code "L01" is already on row 2: each learner needs a row of their own.',
        'bad.csv:6:A: The learner code is empty: give every learner a code, such as L01.',
        'bad.csv:7:B: The group is empty: write intervention or comparison.',
        'sipp: bad.csv was not imported: 7 cells need fixing. Nothing was written.',
        '',
      ].join('\n'),
    );
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('reports a bad date in a series', () => {
    const dir = withTable(template, 'series.csv', 'learner,date,value\nL01,2025-09-15,80\nL02,31/02/2025,70\n');
    const before = snapshotTree(dir);
    const r = sipp(['data', 'import', 'series.csv', '--cycle', '1', '--measure', 'attendance'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'series.csv:3:B: "31/02/2025" is not a date: write dates as 2025-09-15 or 15/09/2025.\n',
    );
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('shows the first 50 problems and counts the rest', () => {
    const rows = Array.from({ length: 60 }, (_, i) => `L${i},intervention,1,yes,x,1`);
    const dir = withTable(template, 'many.csv', ['learner,group,simd,fsm,before,after', ...rows].join('\n'));
    const r = sipp(['data', 'import', 'many.csv', '--cycle', '1', '--measure', 'reading-enjoyment'], { cwd: dir });
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(52);
    expect(lines[49]).toMatch(/^many.csv:51:E: "x" is not a number/);
    expect(lines[50]).toBe('... and 10 more problems.');
    expect(lines[51]).toBe('sipp: many.csv was not imported: 60 cells need fixing. Nothing was written.');
  });
});

describe('sipp data import refuses personal data', () => {
  const cases: Array<[string, string, string[], string]> = [
    [
      'a column of names, by its heading',
      'First name',
      ['Emma', 'Liam'],
      'people.csv:2:B: Column B ("First name") looks like it holds names (by its heading).',
    ],
    [
      'a column of names, by its values',
      'Pupil',
      ['', 'Emma Smith', "Liam O'Neill", 'Ava McLean'],
      'people.csv:3:B: Column B ("Pupil") looks like it holds names.',
    ],
    [
      'e-mail addresses',
      'Contact',
      ['', 'parent@example.org'],
      'people.csv:3:B: Column B ("Contact") looks like it holds e-mail addresses.',
    ],
    [
      'dates of birth, by heading',
      'DOB',
      ['2016-03-14'],
      'people.csv:2:B: Column B ("DOB") looks like it holds dates of birth (by its heading).',
    ],
    [
      'dates of birth, by their values',
      'Born on',
      ['', '14/03/2016'],
      'people.csv:3:B: Column B ("Born on") looks like it holds dates of birth (dates that would make a learner 2 to 20 years old).',
    ],
    [
      'Scottish Candidate Numbers',
      'Ref',
      ['123456789'],
      'people.csv:2:B: Column B ("Ref") looks like it holds Scottish Candidate Numbers (nine-digit numbers, the form of a Scottish Candidate Number).',
    ],
    ['postcodes', 'Home', ['', '', 'G12 8QQ'], 'people.csv:4:B: Column B ("Home") looks like it holds postcodes.'],
  ];

  for (const [what, heading, cells, line] of cases) {
    it(`refuses ${what}, naming the column and row, and writes nothing`, () => {
      const rows = ['L01', 'L02', 'L03', 'L04'].map((code, i) => `${code},"${cells[i] ?? ''}",${20 + i},${22 + i}`);
      const dir = withTable(template, 'people.csv', [`learner,${heading},before,after`, ...rows, ''].join('\n'));
      const before = snapshotTree(dir);
      const r = sipp(['data', 'import', 'people.csv', '--cycle', '1', '--measure', 'reading-enjoyment'], { cwd: dir });
      expect(r.code).toBe(1);
      expect(r.stderr.split('\n')[0]).toBe(line);
      expect(r.stderr).toContain(
        'sipp: people.csv was not imported: a column looks like personal data. Nothing was written.',
      );
      expect(r.stderr).toContain('--allow-column "<heading>"');
      expect(snapshotTree(dir)).toEqual(before);
    });
  }

  it('imports a column allowed with --allow-column after a warning, keeping it out of measures.yaml', () => {
    const table =
      'learner,Reading buddy,before,after\nL01,Emma Smith,20,24\nL02,Liam Brown,21,25\nL03,Ava Reid,22,26\n';
    const dir = withTable(template, 'buddies.csv', table);
    const r = sipp(
      [
        'data',
        'import',
        'buddies.csv',
        '--cycle',
        '1',
        '--measure',
        'reading-enjoyment',
        '--allow-column',
        'reading buddy',
      ],
      { cwd: dir },
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'warning: buddies.csv: column B ("Reading buddy") looks like it holds names; importing it anyway because of --allow-column. ' +
        'Nothing from it goes into measures.yaml (only aggregated figures do), but the raw copy in data/private/ keeps it: delete the column from the table if the enquiry does not need it.\n',
    );
    const text = readFileSync(path.join(dir, MEASURES), 'utf8');
    for (const name of ['Emma', 'Liam', 'Ava', 'L01']) expect(text).not.toContain(name);
    expect(readFileSync(path.join(dir, 'data/private/01-paired-reading/reading-enjoyment.csv'), 'utf8')).toBe(table);
  });
});

describe('sipp data import reads tables as spreadsheets export them', () => {
  /** class-30.csv as a spreadsheet program might save it: separator, line ending, quoting and blank rows. */
  const exported = (opts: { separator: string; decimalComma?: boolean }): string => {
    const [heading = '', ...rows] = CLASS_30.trimEnd().split('\n');
    const quotedHeading = heading
      .split(',')
      .map((h) => `"${h}"`)
      .join(opts.separator);
    const body = rows.map((row) => {
      const cells = row.split(',');
      // A decimal comma for a whole score (24 written 24,0) reads as the same number.
      if (opts.decimalComma && cells[5] !== '') cells[5] = `${cells[5]},0`;
      return cells.join(opts.separator);
    });
    const blank = opts.separator.repeat(5);
    return [quotedHeading, ...body, blank, blank, ''].join('\r\n');
  };
  const importOf = (name: string, content: string | Buffer) => {
    const dir = withTable(template, name, content);
    const r = sipp(['data', 'import', name, '--cycle', '1', '--measure', 'reading-enjoyment'], { cwd: dir });
    return { r, dir, measures: readFileSync(path.join(dir, MEASURES), 'utf8') };
  };
  let plain: string;
  beforeAll(() => {
    plain = importOf('class.csv', CLASS_30).measures;
  });

  const variants: Array<[string, () => Buffer]> = [
    [
      'Excel\'s "CSV UTF-8": a byte-order mark, Windows line endings, quoted headings and blank rows at the end',
      () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(exported({ separator: ',' }), 'utf8')]),
    ],
    [
      'a European Excel "CSV": semicolons, decimal commas, Windows line endings and blank rows at the end',
      () => Buffer.from(exported({ separator: ';', decimalComma: true }), 'utf8'),
    ],
    ['a tab-separated export', () => Buffer.from(exported({ separator: '\t' }), 'utf8')],
  ];
  for (const [what, bytes] of variants) {
    it(`gives the same figures for ${what}`, () => {
      const content = bytes();
      const { r, dir, measures } = importOf('export.csv', content);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Read 30 learners from export.csv');
      expect(measures).toBe(plain);
      expect(readFileSync(path.join(dir, 'data/private/01-paired-reading/reading-enjoyment.csv'))).toEqual(content);
    });
  }

  it("refuses an .xlsx with a text score and a column of e-mail addresses, by the sheet's own rows and columns", () => {
    const dir = withTable(template, 'class.xlsx', readFileSync(path.join(TABLES, 'class-12-problems.xlsx')));
    const before = snapshotTree(dir);
    const r = sipp(['data', 'import', 'class.xlsx', '--cycle', '1', '--measure', 'spelling'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n').slice(0, 3)).toEqual([
      'class.xlsx:2:H: Column H ("Parent email") looks like it holds e-mail addresses (by its heading).',
      'class.xlsx:5:E: "absent" is not a number: write the score as a number, or leave the cell empty if the learner has no score.',
      'sipp: class.xlsx was not imported: a column looks like personal data, and 1 cell needs fixing. Nothing was written.',
    ]);
    expect(snapshotTree(dir)).toEqual(before);
  });
});

describe('sipp data import is called wrongly', () => {
  const run = (args: string[]) => {
    const dir = withTable(template, 'class.csv', CLASS_30);
    const before = snapshotTree(dir);
    const r = sipp(['data', 'import', ...args], { cwd: dir });
    expect(snapshotTree(dir)).toEqual(before);
    return r;
  };

  it('lists the cycles for an unknown --cycle (exit 2)', () => {
    const r = run(['class.csv', '--cycle', '3', '--measure', 'reading-enjoyment']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('sipp: There is no cycle 3. The cycles are: 01-paired-reading.');
  });

  it('refuses a measure id that is not one (exit 2)', () => {
    const r = run(['class.csv', '--cycle', '1', '--measure', 'Reading Enjoyment']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"Reading Enjoyment" is not a measure id');
  });

  it('refuses an unknown --columns name, and a heading the table does not have (exit 2)', () => {
    const unknown = run(['class.csv', '--cycle', '1', '--measure', 'm', '--columns', 'score="Sept"']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('"score" is not a column sipp knows');
    const missing = run(['class.csv', '--cycle', '1', '--measure', 'm', '--columns', 'before="Sept score"']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--columns maps before to "Sept score", but class.csv has no column headed that.');
  });

  it('refuses an --allow-column heading the table does not have (exit 2)', () => {
    const r = run(['class.csv', '--cycle', '1', '--measure', 'm', '--allow-column', 'Name']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--allow-column: class.csv has no column headed "Name".');
  });

  it('refuses a file that is not .csv or .xlsx (exit 2), and a file that is not there (exit 1)', () => {
    const wrong = run(['class.xls', '--cycle', '1', '--measure', 'm']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('sipp imports .csv and .xlsx files; class.xls is a .xls file.');
    const missing = run(['nothing.csv', '--cycle', '1', '--measure', 'm']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('There is no file nothing.csv.');
  });
});

describe('sipp data import into the example project', () => {
  const example = path.join(EXAMPLES, 'northfield-reading');

  it("adds a new measure's figures and the project stays valid", () => {
    const dir = tempDir();
    cpSync(example, dir, { recursive: true });
    writeFileSync(path.join(dir, 'class.csv'), CLASS_30);
    const measures = path.join(dir, 'cycles/01-paired-reading/measures.yaml');
    const original = readFileSync(measures, 'utf8');
    const r = sipp(['data', 'import', 'class.csv', '--cycle', '1', '--measure', 'spelling-age'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const text = readFileSync(measures, 'utf8');
    // Everything before the new entries is as it was.
    const resultsEnd = original.indexOf('\nseries:');
    expect(text.startsWith(original.slice(0, original.indexOf('\nresults:')))).toBe(true);
    expect(text).toContain(original.slice(original.indexOf('\nresults:'), resultsEnd));
    expect(text).toContain(original.slice(resultsEnd));
    expect(sipp(['validate'], { cwd: dir }).code).toBe(0);
  });
});

describe('sipp data import on a terminal', () => {
  it("asks for the columns it cannot find, offering the table's headings", () => {
    const dir = withTable(template, 'scores.csv', readFileSync(path.join(TABLES, 'class-30-headings.csv')));
    const r = onTerminal(['data', 'import', 'scores.csv', '--cycle', '1', '--measure', 'reading-enjoyment'], dir, [
      { expect: 'Which column holds the scores before (before)?', keys: [ENTER] },
      // Sept score was taken for before: June score comes first now.
      { expect: 'Which column holds the scores after (after)?', keys: [ENTER] },
      { expect: 'Read 30 learners', keys: [] },
    ]);
    expect(r.waitingFor).toBeUndefined();
    expect(r.code).toBe(0);
    expect(r.screen).toContain('E ("Sept score")');
    expect(r.screen).toContain('before = E ("Sept score"), after = F ("June score")');
    expect(measuresOf(dir).results[0]?.groups[0]?.after).toEqual({ n: 14, mean: 27.6429, sd: 3.3879 });
  });

  it('asks before replacing earlier figures, and writes nothing when told no', () => {
    const dir = withTable(template, 'class.csv', CLASS_30);
    expect(
      sipp(['data', 'import', 'class.csv', '--cycle', '1', '--measure', 'reading-enjoyment'], { cwd: dir }).code,
    ).toBe(0);
    const before = snapshotTree(dir);
    const r = onTerminal(['data', 'import', 'class.csv', '--cycle', '1', '--measure', 'reading-enjoyment'], dir, [
      { expect: 'Replace the earlier results of reading-enjoyment', keys: ['n', ENTER] },
      { expect: 'Nothing was written.', keys: [] },
    ]);
    expect(r.waitingFor).toBeUndefined();
    expect(r.code).toBe(1);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('lets the teacher say the table has no before column', () => {
    const dir = withTable(template, 'june.csv', 'Code,June score\nL01,20\nL02,22\n');
    const r = onTerminal(['data', 'import', 'june.csv', '--cycle', '1', '--measure', 'reading-enjoyment'], dir, [
      { expect: 'Which column holds the scores before (before)?', keys: [DOWN, ENTER] },
      { expect: 'Which column holds the scores after (after)?', keys: [ENTER] },
      { expect: 'Read 2 learners', keys: [] },
    ]);
    expect(r.waitingFor).toBeUndefined();
    expect(r.code).toBe(0);
    // Two learners are too few to show: the group is named, with no figures.
    expect(measuresOf(dir).results[0]?.groups).toEqual([
      { name: 'All learners', role: 'all', equity: 'all', suppressed: true, suppression: 'small-group' },
    ]);
  });
});
