// Prediction first, end to end: `sipp validate` warns when a prediction was written after the data it predicts, by
// the dates in the records, and, in a Git repository, by when each was first committed.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitOn, newProject, sipp, tempDir } from './helpers.js';

const CYCLE = 'cycles/01-paired-reading';

const RESULTS = `measures:
  - id: enjoyment
    name: Reading enjoyment
results:
  - measure: enjoyment
    groups:
      - name: All learners
        before: { n: 20, mean: 10.2 }
        after: { n: 20, mean: 13.9 }
`;

const git = gitOn;

function commitAll(dir: string, day: string, message: string): void {
  git(dir, ['add', '-A']);
  git(dir, ['commit', '--quiet', '--no-verify', '-m', message], day);
}

function edit(dir: string, file: string, change: (text: string) => string): void {
  const absolute = path.join(dir, file);
  writeFileSync(absolute, change(readFileSync(absolute, 'utf8')));
}

const predict = (text: string): string =>
  text.replace(/^prediction:$/m, 'prediction: Enjoyment will rise by 3 points.');
const addResults = (): string => RESULTS;

/** The line of question.yaml's prediction, 1-based. */
function predictionLine(dir: string): number {
  const lines = readFileSync(path.join(dir, CYCLE, 'question.yaml'), 'utf8').split('\n');
  return lines.findIndex((l) => l.startsWith('prediction:')) + 1;
}

/** A CAR project with one cycle, its first version committed on 10 January 2026. */
function repository(): string {
  const dir = newProject();
  expect(sipp(['cycle', 'Paired reading'], { cwd: dir }).code).toBe(0);
  git(dir, ['init', '--quiet']);
  commitAll(dir, '2026-01-10', 'Start');
  return dir;
}

describe('prediction first in a Git repository', () => {
  it('warns at the prediction when it was committed after the results it predicts, naming both dates', () => {
    const dir = repository();
    edit(dir, `${CYCLE}/measures.yaml`, addResults);
    commitAll(dir, '2026-03-03', 'Results');
    edit(dir, `${CYCLE}/question.yaml`, predict);
    commitAll(dir, '2026-03-12', 'Prediction');

    const r = sipp(['validate'], { cwd: dir });
    expect(r.stdout).toBe(
      [
        `${CYCLE}/question.yaml:${predictionLine(dir)}:13: warning: The prediction was first committed to Git on 12 March 2026, after the results it predicts (first committed on 3 March 2026 in measures.yaml). Write predictions, and commit them, before you collect the data, so that they can be tested.`,
        '✔ sipp.yaml and 1 cycle (5 records) are valid, with 1 warning.',
        '',
      ].join('\n'),
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const strict = sipp(['validate', '--strict', '--json'], { cwd: dir });
    expect(strict.code).toBe(1);
    expect(JSON.parse(strict.stdout)).toEqual([
      expect.objectContaining({ rule: 'prediction-first', severity: 'warning', line: predictionLine(dir), column: 13 }),
    ]);
  });

  it('says nothing when the prediction was committed first', () => {
    const dir = repository();
    edit(dir, `${CYCLE}/question.yaml`, predict);
    commitAll(dir, '2026-01-20', 'Prediction');
    edit(dir, `${CYCLE}/measures.yaml`, addResults);
    commitAll(dir, '2026-03-03', 'Results');
    const r = sipp(['validate', '--strict'], { cwd: dir });
    expect(r.stdout).toBe('✔ sipp.yaml and 1 cycle (5 records) are valid.\n');
    expect(r.code).toBe(0);
  });

  it('skips a prediction not committed yet, and a cycle Git does not know', () => {
    const dir = repository();
    edit(dir, `${CYCLE}/measures.yaml`, addResults);
    commitAll(dir, '2026-03-03', 'Results');
    edit(dir, `${CYCLE}/question.yaml`, predict);
    expect(sipp(['validate', '--strict'], { cwd: dir }).code).toBe(0);

    const untracked = repository();
    expect(sipp(['cycle', 'Second'], { cwd: untracked }).code).toBe(0);
    edit(untracked, 'cycles/02-second/question.yaml', predict);
    edit(untracked, 'cycles/02-second/measures.yaml', addResults);
    expect(sipp(['validate', '--strict'], { cwd: untracked }).code).toBe(0);
  });

  it('follows a cycle folder renamed after both were committed', () => {
    const dir = repository();
    edit(dir, `${CYCLE}/measures.yaml`, addResults);
    commitAll(dir, '2026-03-03', 'Results');
    edit(dir, `${CYCLE}/question.yaml`, predict);
    commitAll(dir, '2026-03-12', 'Prediction');
    renameSync(path.join(dir, CYCLE), path.join(dir, 'cycles/01-paired-reading-p5'));
    commitAll(dir, '2026-04-01', 'Rename');
    const r = sipp(['validate', '--json'], { cwd: dir });
    expect(JSON.parse(r.stdout)).toEqual([
      expect.objectContaining({
        file: 'cycles/01-paired-reading-p5/question.yaml',
        message: expect.stringContaining(
          'first committed to Git on 12 March 2026, after the results it predicts (first committed on 3 March 2026',
        ),
      }),
    ]);
  });

  it('works for a project in a folder of a larger repository', () => {
    const repo = tempDir();
    git(repo, ['init', '--quiet']);
    const dir = path.join(repo, 'enquiries', 'reading');
    mkdirSync(dir, { recursive: true });
    expect(sipp(['init', '--yes', '--title', 'Reading', '--school', 'Hillside Primary', '.'], { cwd: dir }).code).toBe(
      0,
    );
    expect(sipp(['cycle', 'Paired reading'], { cwd: dir }).code).toBe(0);
    commitAll(repo, '2026-01-10', 'Start');
    edit(dir, `${CYCLE}/measures.yaml`, addResults);
    commitAll(repo, '2026-03-03', 'Results');
    edit(dir, `${CYCLE}/question.yaml`, predict);
    commitAll(repo, '2026-03-12', 'Prediction');
    const r = sipp(['validate', '--json'], { cwd: dir });
    expect(JSON.parse(r.stdout)).toEqual([
      expect.objectContaining({ file: `${CYCLE}/question.yaml`, rule: 'prediction-first' }),
    ]);
  });
});

describe('prediction first without Git', () => {
  it('warns by the dates in the records, and says nothing of Git when it is not installed', () => {
    const dir = newProject();
    expect(sipp(['cycle', 'Paired reading'], { cwd: dir }).code).toBe(0);
    edit(dir, `${CYCLE}/question.yaml`, (t) => predict(t).replace(/^predictionDate:$/m, 'predictionDate: 2026-04-01'));
    edit(dir, `${CYCLE}/reflections.yaml`, (t) => t.replace(/^date:$/m, 'date: 2026-03-25'));
    const noGit = tempDir();
    const r = sipp(['validate'], { cwd: dir, env: { PATH: noGit } });
    expect(r.stdout).toBe(
      [
        `${CYCLE}/question.yaml:${predictionLine(dir)}:13: warning: The prediction was written on 1 April 2026, after the reflections on the outcome (recorded on 25 March 2026 in reflections.yaml). Write predictions before you collect the data, so that they can be tested.`,
        '✔ sipp.yaml and 1 cycle (5 records) are valid, with 1 warning.',
        '',
      ].join('\n'),
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(sipp(['validate', '--strict'], { cwd: dir, env: { PATH: noGit } }).code).toBe(1);
  });
});
