import { describe, expect, it } from 'vitest';
import { findPersonalData } from '../../../src/core/data/personal-data.js';
import { tableFromRows } from '../../../src/core/data/table.js';

const AS_OF = '2025-11-20';
const CODES = ['L01', 'L02', 'L03', 'L04', 'L05', 'L06'];

/** A table with a learner column and one more column of the given heading and cells. */
function withColumn(heading: string, cells: readonly string[]) {
  return tableFromRows([['learner', heading], ...cells.map((c, i) => [CODES[i] ?? `L${i + 10}`, c])]);
}

const find = (heading: string, cells: readonly string[], dateColumn?: number) =>
  findPersonalData(withColumn(heading, cells), { asOf: AS_OF, dateColumn });

describe('findPersonalData', () => {
  it('finds a column of names by its heading, at the first filled row', () => {
    expect(find('First name', ['', 'Emma', 'Liam'])).toEqual([
      { column: 1, heading: 'First name', kind: 'names', row: 3, by: 'heading' },
    ]);
    for (const heading of ['Name', 'forename', 'SURNAME', 'Pupil name', 'last_name', 'Full Name']) {
      expect(find(heading, ['x1', 'x2'])[0]?.kind).toBe('names');
    }
  });

  it('finds names by their values, whatever the heading', () => {
    const names = ['Emma Smith', "Liam O'Neill", 'Ava McLean', 'Noah de Souza', 'SMITH, Isla', 'Anne-Marie Boyd'];
    expect(find('Pupil', names)).toEqual([{ column: 1, heading: 'Pupil', kind: 'names', row: 2, by: 'values' }]);
    expect(find('Who', ['L?', 'Grace', 'Mia', 'Jack', 'Olivia'])[0]).toMatchObject({ kind: 'names', row: 3 });
  });

  it('does not take yes/no answers, groups, codes, class names or levels for names', () => {
    const columns: Array<[string, string[]]> = [
      ['fsm', ['Yes', 'No', 'Yes', 'No', 'No', 'Yes']],
      ['group', ['Intervention', 'Comparison', 'Intervention', 'Comparison', 'Control', 'Intervention']],
      ['code', ['P5-07', 'P5-08', 'AB12', 'C', 'B', 'A']],
      ['class', ['Birch', 'Birch', 'Rowan', 'Rowan', 'Birch', 'Rowan']],
      ['level', ['First', 'Second', 'Early', 'First', 'Second', 'Second']],
      ['comment', ['Enjoys reading', 'absent in June', 'Moved school', '', 'Much more confident', 'new to class']],
      ['score', ['21', '24.5', '', '30', '18', '27']],
    ];
    for (const [heading, cells] of columns) expect(find(heading, cells), heading).toEqual([]);
  });

  it('finds e-mail addresses by value and by heading', () => {
    expect(find('Contact', ['', 'none', 'parent@example.org'])).toEqual([
      { column: 1, heading: 'Contact', kind: 'email', row: 4, by: 'values' },
    ]);
    expect(find('E-mail', ['x'])[0]?.kind).toBe('email');
  });

  it('finds dates of birth by heading, and by dates that make a learner 2 to 20 years old', () => {
    expect(find('DOB', ['2016-03-14'])[0]).toMatchObject({ kind: 'date-of-birth', by: 'heading' });
    expect(find('Date of birth', ['x'])[0]?.kind).toBe('date-of-birth');
    expect(find('Info', ['', '14/03/2016'])).toEqual([
      { column: 1, heading: 'Info', kind: 'date-of-birth', row: 3, by: 'values' },
    ]);
    expect(find('Info', ['2005-11-20'])[0]?.kind).toBe('date-of-birth');
  });

  it('does not take recent or very old dates, or the dates of a series, for dates of birth', () => {
    expect(find('Assessed', ['2025-09-15', '15/09/2024'])).toEqual([]);
    expect(find('Started', ['2004-01-01'])).toEqual([]);
    expect(find('Info', ['2016-03-14'], 1)).toEqual([]);
  });

  it('finds Scottish Candidate Numbers: nine digits, or the heading', () => {
    expect(find('Ref', ['12', '123456789'])).toEqual([
      { column: 1, heading: 'Ref', kind: 'candidate-number', row: 3, by: 'values' },
    ]);
    expect(find('Ref', ['123 456 789'])[0]?.kind).toBe('candidate-number');
    expect(find('Ref', ['12345678'])).toEqual([]);
    expect(find('SCN', ['x'])[0]?.kind).toBe('candidate-number');
    expect(find('Candidate number', ['x'])[0]?.kind).toBe('candidate-number');
  });

  it('finds postcodes by value and by heading', () => {
    expect(find('Home', ['', 'G12 8QQ'])).toEqual([
      { column: 1, heading: 'Home', kind: 'postcode', row: 3, by: 'values' },
    ]);
    expect(find('Home', ['eh11ab'])[0]?.kind).toBe('postcode');
    expect(find('Post code', ['x'])[0]?.kind).toBe('postcode');
  });

  it('ignores a column that is empty, whatever its heading', () => {
    expect(find('Surname', ['', '', ''])).toEqual([]);
  });

  it('reports every column, left to right, each once', () => {
    const table = tableFromRows([
      ['learner', 'Name', 'score', 'Email'],
      ['L01', 'Emma Smith', '20', 'a@b.co'],
      ['L02', 'Liam Brown', '21', 'c@d.co'],
    ]);
    expect(findPersonalData(table, { asOf: AS_OF }).map((f) => [f.column, f.kind])).toEqual([
      [1, 'names'],
      [3, 'email'],
    ]);
  });
});
