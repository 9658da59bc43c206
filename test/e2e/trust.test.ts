// Issue 8, sections 2-5, the quick cases: links out of the project, --out where briefings cannot go, read-only
// folders and full disks as plain messages with nothing half-written, leftovers of a killed run, and the project
// lock. The many-process and kill tests are in test/slow/trust.test.ts.
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  EXAMPLES,
  NOBODY,
  REPO_ROOT,
  hashTree,
  newProject,
  projectWithClassTable,
  sipp,
  tempDir,
  type RunAs,
} from './helpers.js';

const DISK_FULL = path.join(REPO_ROOT, 'test/fixtures/faults/disk-full.mjs');
const SIGNAL_WHILE_LOCKING = path.join(REPO_ROOT, 'test/fixtures/faults/signal-while-locking.mjs');
const MEASURES = 'cycles/01-paired-reading/measures.yaml';

function example(name = 'northfield-reading'): string {
  const dir = tempDir();
  cpSync(path.join(EXAMPLES, name), dir, { recursive: true });
  return dir;
}

const importArgs = ['data', 'import', 'class.csv', '--cycle', '1', '--measure', 'reading-enjoyment'];

describe('sipp never writes through a link out of the project', () => {
  it('refuses to import into a measures.yaml that is a link to a file elsewhere, which stays as it was', () => {
    const dir = projectWithClassTable();
    const outside = path.join(tempDir(), 'someone-elses.yaml');
    writeFileSync(outside, readFileSync(path.join(dir, MEASURES)));
    const before = readFileSync(outside, 'utf8');
    // The record is replaced by a link to the outside file.
    rmSync(path.join(dir, MEASURES));
    symlinkSync(outside, path.join(dir, MEASURES));
    const r = sipp(importArgs, { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${MEASURES} is a link (a symbolic link) to ${outside}, outside the project`);
    expect(r.stderr).not.toContain('unexpected');
    expect(readFileSync(outside, 'utf8')).toBe(before);
    expect(existsSync(path.join(dir, 'data/private/01-paired-reading'))).toBe(false);
  });

  it('refuses to add to a .gitignore that is a link to a file elsewhere', () => {
    const dir = projectWithClassTable();
    const outside = path.join(tempDir(), 'gitignore');
    writeFileSync(outside, 'node_modules/\n');
    // Without data/private/'s own .gitignore, the import must add data/private/ to the project's.
    rmSync(path.join(dir, 'data/private/.gitignore'));
    rmSync(path.join(dir, '.gitignore'));
    symlinkSync(outside, path.join(dir, '.gitignore'));
    const r = sipp(importArgs, { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('.gitignore is a link (a symbolic link)');
    expect(readFileSync(outside, 'utf8')).toBe('node_modules/\n');
  });

  it('refuses to write briefings into a briefings/ folder that is a link to a folder elsewhere', () => {
    const dir = example();
    const outside = tempDir();
    symlinkSync(outside, path.join(dir, 'briefings'));
    const r = sipp(['brief'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('briefings (on the way to briefings/01-paired-reading.md) is a link');
    expect(readdirSync(outside)).toEqual([]);
  });

  it('refuses to start a cycle in a cycles/ folder that is a link to a folder elsewhere', () => {
    const dir = newProject();
    const outside = tempDir();
    rmSync(path.join(dir, 'cycles'), { recursive: true });
    symlinkSync(outside, path.join(dir, 'cycles'));
    const r = sipp(['cycle', '--yes', 'Paired reading'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cycles (on the way to cycles/01-paired-reading/question.yaml) is a link');
    expect(readdirSync(outside)).toEqual([]);
  });
});

describe('sipp brief --out refuses folders where briefings cannot go (exit 2)', () => {
  it.each([
    ['/', 'the top folder of the computer'],
    ['cycles', "inside the project's cycles/ folder"],
    ['cycles/01-paired-reading', "inside the project's cycles/ folder"],
    ['cycles/01-paired-reading/printed', "inside the project's cycles/ folder"],
  ])('--out %s', (out, words) => {
    const dir = example();
    const hash = hashTree(dir);
    const r = sipp(['brief', '--out', out], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(words);
    expect(hashTree(dir)).toBe(hash);
    expect(sipp(['validate'], { cwd: dir }).code).toBe(0);
  });

  it('--out a file (exit 1), naming it', () => {
    const dir = example();
    writeFileSync(path.join(dir, 'notes.txt'), 'mine\n');
    const r = sipp(['brief', '--out', 'notes.txt'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('notes.txt is a file, not a folder');
    expect(readFileSync(path.join(dir, 'notes.txt'), 'utf8')).toBe('mine\n');
  });
});

/** Runs as an unprivileged user (tests run as root, for whom nothing is read-only). */
function readOnly(dir: string): { as?: RunAs } {
  if (process.getuid?.() !== 0) {
    chmodSync(dir, 0o555);
    return {};
  }
  chmodSync(dir, 0o755);
  for (const sub of ['cycles', 'cycles/01-paired-reading', 'data', '.sipp', '.sipp/schemas'])
    if (existsSync(path.join(dir, sub))) chmodSync(path.join(dir, sub), 0o755);
  return { as: NOBODY };
}

describe('a read-only project folder is a plain message, and nothing changes', () => {
  it.each([
    ['cycle', ['cycle', '--yes', 'Book bags']],
    ['data import', importArgs],
    ['brief', ['brief']],
  ])('sipp %s', (_, args) => {
    const dir = projectWithClassTable();
    const hash = hashTree(dir);
    const r = sipp(args, { cwd: dir, ...readOnly(dir) });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/sipp is not allowed to change .+: it is read-only for you/);
    expect(r.stderr).not.toContain('unexpected');
    expect(hashTree(dir)).toBe(hash);
  });
});

describe('a full disk is a plain message, and nothing is left half-made', () => {
  const full = (dir: string) => ({ SIPP_TEST_DISK_FULL: dir, NODE_OPTIONS: `--import=${DISK_FULL}` });

  it.each([
    ['cycle', ['cycle', '--yes', 'Book bags'], 'cycles/02-book-bags/question.yaml'],
    ['data import', importArgs, 'data/private/01-paired-reading/reading-enjoyment.csv'],
    ['brief', ['brief'], 'briefings/'],
  ])('sipp %s', (_, args, file) => {
    const dir = projectWithClassTable();
    const hash = hashTree(dir);
    const r = sipp(args, { cwd: dir, env: full(dir) });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`The disk is full: sipp could not write ${file}`);
    expect(r.stderr).toContain('No file was left half-written.');
    expect(r.stderr).not.toContain('unexpected');
    expect(hashTree(dir)).toBe(hash);
  });

  it('sipp init leaves no half-made project', () => {
    const parent = tempDir();
    const r = sipp(['init', '--yes', '--no-git', '--title', 'T', 'enquiry'], { cwd: parent, env: full(parent) });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('The disk is full');
    expect(readdirSync(parent)).toEqual([]);
  });
});

describe('what a killed sipp left behind', () => {
  it('is ignored by validate and brief, and removed by the next command that writes', () => {
    const dir = example();
    const leftovers = [
      'cycles/01-paired-reading/measures.yaml.2218447915',
      'sipp.yaml.93021877',
      'briefings/01-paired-reading.html.4011987234',
    ];
    mkdirSync(path.join(dir, 'briefings'), { recursive: true });
    for (const file of leftovers) writeFileSync(path.join(dir, file), 'half a file');
    const v = sipp(['validate'], { cwd: dir });
    expect(v.code).toBe(0);
    expect(v.stdout + v.stderr).not.toContain('2218447915');
    const b = sipp(['brief'], { cwd: dir });
    expect(b.code).toBe(0);
    expect(b.stdout).not.toContain('4011987234');
    for (const file of leftovers) expect(existsSync(path.join(dir, file)), file).toBe(false);
  });

  it('keeps a file of the team that only looks like one in a folder sipp does not write', () => {
    const dir = example();
    writeFileSync(path.join(dir, 'templates', 'notes.md.20250101'), 'ours');
    expect(sipp(['brief'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(path.join(dir, 'templates', 'notes.md.20250101'), 'utf8')).toBe('ours');
  });
});

describe('the project lock', () => {
  it('makes a second sipp wait, then say plainly that another is working on the project', () => {
    const dir = projectWithClassTable();
    mkdirSync(path.join(dir, '.sipp.lock')); // held, and fresh
    const hash = hashTree(dir);
    const r = sipp(['cycle', '--yes', 'Book bags'], { cwd: dir, env: { SIPP_LOCK_WAIT: '0.3' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Another sipp is working on this project, so this one changed nothing.');
    expect(hashTree(dir)).toBe(hash);
  });

  it('is gone when Ctrl-C (SIGTERM) comes after the lock folder is made and before it is fully taken', () => {
    const dir = projectWithClassTable();
    const hash = hashTree(dir);
    const r = sipp(['cycle', '--yes', 'Book bags'], {
      cwd: dir,
      env: { SIPP_TEST_SIGNAL_WHILE_LOCKING: '1', NODE_OPTIONS: `--import=${SIGNAL_WHILE_LOCKING}` },
    });
    expect(r.code).toBe(-1); // ended by the signal, with no exit code
    expect(existsSync(path.join(dir, '.sipp.lock'))).toBe(false);
    expect(hashTree(dir)).toBe(hash);
  });

  it('is taken over when a killed sipp left it behind, and is gone after the command', () => {
    const dir = projectWithClassTable();
    const lock = path.join(dir, '.sipp.lock');
    mkdirSync(lock);
    const longAgo = new Date(Date.now() - 60_000);
    utimesSync(lock, longAgo, longAgo);
    const r = sipp(['cycle', '--yes', 'Book bags'], { cwd: dir, env: { SIPP_LOCK_WAIT: '0.3' } });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(path.join(dir, 'cycles/02-book-bags/question.yaml'))).toBe(true);
    expect(existsSync(lock)).toBe(false);
  });
});

describe('faults are messages, not internal errors (issue 8, section 5)', () => {
  it('draws groups named toString, valueOf and constructor', () => {
    const dir = example();
    const file = path.join(dir, MEASURES);
    const text = readFileSync(file, 'utf8')
      .replace('- name: Intervention classes', '- name: toString')
      .replace('- name: Comparison classes (Lochanside)', '- name: valueOf')
      .replace(/^ {4}group: .*$/m, '    group: constructor');
    writeFileSync(file, text);
    const r = sipp(['brief'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(dir, 'briefings/01-paired-reading.md'), 'utf8')).toContain('toString');
  });

  it('gives one short problem for an oddly numbered cycle folder, and numbers the next cycle after the real ones', () => {
    const dir = example();
    for (const folder of ['999999999999999999999-x', '2025-26-reading', '9999999-x'])
      mkdirSync(path.join(dir, 'cycles', folder));
    const v = sipp(['validate'], { cwd: dir });
    expect(v.code).toBe(1);
    const lines = (v.stdout + v.stderr).split('\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(400);
    expect(v.stdout + v.stderr).toContain('Rename `2025-26-reading` to `03-2025-26-reading`');
    expect(v.stdout + v.stderr).not.toContain('unexpected');
    const c = sipp(['cycle', '--yes', 'Next one'], { cwd: dir });
    expect(c.stderr).toBe('');
    expect(existsSync(path.join(dir, 'cycles/03-next-one/question.yaml'))).toBe(true);
  });

  it('shows control characters in record text as symbols on the terminal, and never writes them into briefings', () => {
    const dir = example();
    const question = path.join(dir, 'cycles/01-paired-reading/question.yaml');
    writeFileSync(
      question,
      readFileSync(question, 'utf8').replace(/^title: .*$/m, 'title: "Paired \\e[2J\\e]0;owned\\a reading"'),
    );
    for (const args of [['status'], ['cycle', 'list'], ['analyse'], ['validate']]) {
      const r = sipp(args, { cwd: dir });
      // eslint-disable-next-line no-control-regex -- BEL and ESC must not reach the terminal
      expect(r.stdout + r.stderr, args.join(' ')).not.toMatch(/[\u0007\u001b]/);
    }
    expect(sipp(['cycle', 'list'], { cwd: dir }).stdout).toContain('Paired ␛[2J␛]0;owned␇ reading');
    expect(sipp(['brief'], { cwd: dir }).code).toBe(0);
    const written = readdirSync(path.join(dir, 'briefings'), { recursive: true, withFileTypes: true }).filter((e) =>
      e.isFile(),
    );
    for (const entry of written) {
      const text = readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
      // eslint-disable-next-line no-control-regex -- the characters XML forbids
      expect(text, entry.name).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    }
  });

  it('refuses a score too large to show, at its row and column', () => {
    const dir = projectWithClassTable();
    writeFileSync(path.join(dir, 'big.csv'), 'learner,group,before,after\nL1,intervention,12,1e300\n');
    const hash = hashTree(dir);
    const r = sipp(['data', 'import', 'big.csv', '--cycle', '1', '--measure', 'reading-enjoyment'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('big.csv:2:D: "1e300" is too large a number for a score');
    expect(hashTree(dir)).toBe(hash);
  });

  it('refuses a workbook over the size limit before reading it', () => {
    const dir = projectWithClassTable();
    writeFileSync(path.join(dir, 'huge.xlsx'), Buffer.alloc(11 * 1024 * 1024, 1));
    const r = sipp(['data', 'import', 'huge.xlsx', '--cycle', '1', '--measure', 'reading-enjoyment'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('huge.xlsx is 11 MB: too large for a class table (sipp reads workbooks of up to 10 MB)');
  });

  it('with .sipp/schemas a file, a Lesson Study cycle is refused plainly and leaves no half-made folder', () => {
    const dir = projectWithClassTable();
    rmSync(path.join(dir, '.sipp/schemas'), { recursive: true });
    writeFileSync(path.join(dir, '.sipp/schemas'), 'not a folder');
    const hash = hashTree(dir);
    const r = sipp(['cycle', '--yes', '--method', 'lesson-study', 'LS'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/sipp needs a folder at \.sipp\/schemas\/\S+, or on the way to it, but there is a file/);
    expect(r.stderr).not.toContain('unexpected');
    expect(hashTree(dir)).toBe(hash);
  });
});
