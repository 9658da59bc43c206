import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { parseSource } from '../../../src/core/records/source.js';
import {
  CORE_RECORDS,
  CYCLES_DIR,
  PROJECT_FILE,
  schemaFileOf,
  type CycleSource,
  type ProjectFile,
  type ProjectSource,
} from '../../../src/core/records/model.js';
import {
  cycleFolderName,
  equityGroupFor,
  expectedLevels,
  initialCycleRecords,
  initialProjectData,
  sectorFromName,
  EQUITY_MARKERS,
  type InitAnswers,
} from '../../../src/core/records/scaffold.js';
import { validateProject } from '../../../src/core/validate/index.js';
import { createSchemaValidator } from '../../../src/core/validate/validator.js';
import { car } from '../../../src/methods/car/index.js';
import { readSchemas, schemaFilesFor } from '../../../src/project/assets.js';
import { cycleFiles, cycleRecords, projectFiles, withPredictionDate } from '../../../src/project/scaffold.js';
import { gitignoreAdditions, gitignoreText } from '../../../src/project/scaffold-texts.js';

const schemas = readSchemas();
const validator = createSchemaValidator(schemas);

const answers: InitAnswers = {
  title: 'Reading for pleasure',
  partnership: 'Northfield',
  method: 'car',
  schools: ['Hillside Primary', 'Northfield Academy', 'Hillside Primary'],
  authorities: ['Fife'],
  focus: 'reading engagement of P4-P7 learners',
  stages: ['P7', 'P4', 'P5', 'P6'],
  equityMarker: 'simd-quintile',
};

function schemaProperties(file: string): string[] {
  return Object.keys((schemas.get(file)?.properties ?? {}) as object);
}

describe('sipp.yaml as sipp init makes it', () => {
  const data = initialProjectData(answers);

  it('is valid against sipp.schema.json', () => {
    expect(validator.validate('sipp.schema.json', data)).toEqual([]);
  });

  it("has every answer of the schema, in the schema's order, so a teacher sees what there is to fill in", () => {
    expect(Object.keys(data)).toEqual(schemaProperties('sipp.schema.json'));
  });

  it('uses the defaults: SIPP programme, CAR, suppression at 5, SIMD quintiles 1-2 of SIMD 2020v2', () => {
    expect(data.schemaVersion).toBe(1);
    expect(data.partnership?.programme).toBe('School Improvement Partnership Programme');
    expect(data.method).toBe('car');
    expect(data.suppressionThreshold).toBe(5);
    expect(data.equityGroup).toEqual({
      marker: 'simd-quintile',
      description: 'learners living in SIMD quintiles 1 and 2',
      simdEdition: 'SIMD 2020v2',
      quintiles: [1, 2],
    });
  });

  it('lists each school once, with its sector from its name and the only authority', () => {
    expect(data.partnership?.schools).toEqual([
      { name: 'Hillside Primary', sector: 'primary', authority: 'Fife' },
      { name: 'Northfield Academy', sector: 'secondary', authority: 'Fife' },
    ]);
  });

  it('leaves the authority of each school open when there are several authorities', () => {
    const several = initialProjectData({ ...answers, authorities: ['Fife', 'Falkirk'] });
    expect(several.partnership?.schools?.map((s) => s.authority)).toEqual([null, null]);
  });

  it('sorts the target stages and adds the CfE levels expected at them', () => {
    expect(data.targetLearners?.stages).toEqual(['P4', 'P5', 'P6', 'P7']);
    expect(data.targetLearners?.cfeLevels).toEqual(['first', 'second']);
  });

  it('turns blank optional answers into empty answers, not empty strings', () => {
    const bare = initialProjectData({
      ...answers,
      partnership: '  ',
      focus: undefined,
      schools: [],
      authorities: [],
      stages: [],
    });
    expect(bare.partnership?.name).toBeNull();
    expect(bare.focus).toBeNull();
    expect(validator.validate('sipp.schema.json', bare)).toEqual([]);
  });

  it.each(EQUITY_MARKERS.map((m) => m.id))('describes an equity group marked by %s validly', (marker) => {
    const group = equityGroupFor(marker);
    expect(group.marker).toBe(marker);
    expect(validator.validate('sipp.schema.json', { ...data, equityGroup: group })).toEqual([]);
  });
});

describe('the records of a new cycle', () => {
  const project = initialProjectData(answers) as ProjectFile;
  const records = initialCycleRecords(project, { title: 'Paired reading', method: 'car', answers: {} });

  it.each(CORE_RECORDS)('%s.yaml is valid against its schema and has every answer of it', (name) => {
    const data = records[name];
    expect(validator.validate(schemaFileOf(name), data)).toEqual([]);
    expect(Object.keys(data)).toEqual(schemaProperties(schemaFileOf(name)));
  });

  it('copies the target learners and the equity group from sipp.yaml into question.yaml', () => {
    expect(records.question.targetLearners).toEqual({
      description: null,
      stages: ['P4', 'P5', 'P6', 'P7'],
      cfeLevels: ['first', 'second'],
      number: null,
    });
    expect(records.question.equityGroup).toEqual(project.equityGroup);
    expect(records.question.equityGroup).not.toBe(project.equityGroup);
  });

  it('records the title and the method in question.yaml', () => {
    expect(records.question.title).toBe('Paired reading');
    expect(records.question.method).toBe('car');
  });

  it("puts the answers to the method's prompts at their paths, and leaves blank answers open", () => {
    const answered = initialCycleRecords(project, {
      title: 'Paired reading',
      method: 'car',
      answers: {
        question: ' Does paired reading help? ',
        aim: '',
        'targetLearners.description': 'P5 learners who rarely read',
      },
    });
    expect(answered.question.question).toBe('Does paired reading help?');
    expect(answered.question.aim).toBeNull();
    expect(answered.question.targetLearners?.description).toBe('P5 learners who rarely read');
    expect(validator.validate('question.schema.json', answered.question)).toEqual([]);
  });

  it('works from a sipp.yaml with no target learners or equity group', () => {
    const minimal: ProjectFile = { schemaVersion: 1, title: 'Minimal', method: 'car' };
    const bare = initialCycleRecords(minimal, { title: 'Cycle 1', method: 'car', answers: {} });
    expect(validator.validate('question.schema.json', bare.question)).toEqual([]);
  });
});

describe('the files sipp init and sipp cycle write', () => {
  /** Parses written files back, as `sipp validate` would read them from disk. */
  function sourceOf(files: Map<string, string>, cycleDir?: string): ProjectSource {
    const project = parseSource(PROJECT_FILE, files.get(PROJECT_FILE) ?? '');
    const cycles: CycleSource[] = [];
    if (cycleDir) {
      const records = new Map(
        CORE_RECORDS.map((name) => [
          name,
          parseSource(`${cycleDir}/${name}.yaml`, files.get(`${cycleDir}/${name}.yaml`) ?? ''),
        ]),
      );
      cycles.push({ folder: cycleDir.split('/')[1] ?? '', dir: cycleDir, number: 1, slug: 'paired-reading', records });
    }
    return { project, cycles, problems: [] };
  }

  it('make a project and a first cycle that validate with no problems', () => {
    const files = projectFiles(answers);
    const project = parseDocument(files.get(PROJECT_FILE) ?? '').toJS() as ProjectFile;
    const dir = `${CYCLES_DIR}/01-paired-reading`;
    for (const [rel, text] of cycleFiles(
      dir,
      cycleRecords(project, { title: 'Paired reading', method: 'car', answers: {} }, car),
      'car',
    ))
      files.set(rel, text);
    expect(validateProject(sourceOf(files, dir), schemas)).toEqual([]);
  });

  it('start every YAML file with a schema line that points at the copy in .sipp/schemas', () => {
    const files = projectFiles(answers);
    expect(files.get(PROJECT_FILE)?.split('\n')[0]).toBe(
      '# yaml-language-server: $schema=.sipp/schemas/sipp.schema.json',
    );
    const cycle = cycleFiles(
      'cycles/01-x',
      cycleRecords(initialProjectData(answers), { title: 'x', method: 'car', answers: {} }, car),
      'car',
    );
    for (const [rel, text] of cycle) {
      const name = rel.split('/').pop()?.replace('.yaml', '') ?? '';
      expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=../../.sipp/schemas/${name}.schema.json`);
    }
  });

  it("copy the shared schemas and the project method's own, byte for byte", () => {
    for (const method of ['car', 'lesson-study'] as const) {
      const files = projectFiles({ ...answers, method });
      const copies = [...files.keys()].filter((f) => f.startsWith('.sipp/schemas/'));
      const expected = schemaFilesFor(method);
      expect(copies.map((f) => f.replace('.sipp/schemas/', ''))).toEqual([...expected.keys()]);
      for (const copy of copies) {
        expect(files.get(copy)).toBe(readFileSync(expected.get(copy.replace('.sipp/schemas/', ''))!, 'utf8'));
      }
    }
    expect([...schemaFilesFor('lesson-study').keys()]).toContain('lesson-study.schema.json');
    expect([...schemaFilesFor('car').keys()]).not.toContain('lesson-study.schema.json');
  });

  it('show the shape of a team entry under the empty team list, as a comment', () => {
    const text = projectFiles(answers).get(PROJECT_FILE) ?? '';
    expect(text).toMatch(
      /^team: \[\]\n# Replace \[\] with one entry per person.*\n# {3}- name: Ms Ahmed\n# {5}role: lead\n# {5}school: Hillside Primary\n\n/m,
    );
  });

  it('are the same every time (no dates or clocks)', () => {
    expect([...projectFiles(answers)]).toEqual([...projectFiles(answers)]);
  });
});

describe('.gitignore', () => {
  it("keeps briefings and data/private out of Git, except the private folder's README", () => {
    expect(gitignoreText()).toContain('/briefings/\n');
    expect(gitignoreText()).toContain('/data/private/*\n!/data/private/README.md\n');
  });

  it('adds only the lines an existing .gitignore lacks, at its end', () => {
    const existing = 'node_modules/\n/briefings/';
    const added = gitignoreAdditions(existing);
    expect(added.startsWith('\n\n# Added by sipp')).toBe(true);
    expect(added).not.toContain('/briefings/');
    expect(added).toContain('/data/private/*');
    expect(gitignoreAdditions(gitignoreText())).toBe('');
  });
});

describe('helpers', () => {
  it("guesses a school's sector only from clear words in its name", () => {
    expect(sectorFromName("St Mary's Primary School")).toBe('primary');
    expect(sectorFromName('Dunfermline High School')).toBe('secondary');
    expect(sectorFromName('Bell Baxter Academy')).toBe('secondary');
    expect(sectorFromName('Seaview Nursery')).toBe('early-learning-and-childcare');
    expect(sectorFromName('Oakwood')).toBeNull();
  });

  it('maps stages to Curriculum for Excellence levels', () => {
    expect(expectedLevels(['ELC', 'P1'])).toEqual(['early']);
    expect(expectedLevels(['S2'])).toEqual(['third', 'fourth']);
    expect(expectedLevels(['S5', 'P3'])).toEqual(['first', 'senior-phase']);
    expect(expectedLevels([])).toEqual([]);
  });

  it('names a cycle folder from its number and slug, with a fallback and a length limit', () => {
    expect(cycleFolderName('02', 'paired-reading')).toBe('02-paired-reading');
    expect(cycleFolderName('03', '')).toBe('03-cycle');
    const long = cycleFolderName('10', 'does-a-daily-fifteen-minute-paired-reading-slot-increase-enjoyment');
    expect(long).toBe('10-does-a-daily-fifteen-minute-paired');
    expect(long).toMatch(/^\d{2,}-[a-z0-9][a-z0-9-]*$/);
  });
});

describe('withPredictionDate', () => {
  const start = { title: 'Cycle 1', method: 'car' as const, answers: {} as Record<string, string> };

  it('dates a prediction given when the cycle starts', () => {
    expect(withPredictionDate({ ...start, answers: { prediction: 'Scores rise.' } }, '2026-11-23').answers).toEqual({
      prediction: 'Scores rise.',
      predictionDate: '2026-11-23',
    });
  });

  it('leaves the date out when there is no prediction yet, and keeps a date given', () => {
    expect(withPredictionDate({ ...start, answers: { prediction: '  ' } }, '2026-11-23').answers).toEqual({
      prediction: '  ',
    });
    expect(withPredictionDate(start, '2026-11-23').answers).toEqual({});
    const given = { prediction: 'Scores rise.', predictionDate: '2026-09-01' };
    expect(withPredictionDate({ ...start, answers: given }, '2026-11-23').answers).toEqual(given);
  });

  it('puts the date into question.yaml, where the schema expects it', () => {
    const dated = withPredictionDate({ ...start, answers: { prediction: 'Scores rise.' } }, '2026-11-23');
    const question = cycleRecords({ schemaVersion: 1, title: 'T', method: 'car' }, dated, car).get('question');
    expect(question).toMatchObject({ prediction: 'Scores rise.', predictionDate: '2026-11-23' });
    expect(validator.validate('question.schema.json', question)).toEqual([]);
  });
});
