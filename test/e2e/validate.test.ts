// `sipp validate` end to end: the built CLI on projects written into temporary folders.
import { chmodSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, NOBODY, newProject, sipp, snapshotTree, tempDir, type RunResult } from './helpers.js';

const PROJECT = `# yaml-language-server: $schema=.sipp/schemas/sipp.schema.json
schemaVersion: 1
title: Reading for pleasure
method: car
partnership:
  name: Northfield
  schools:
    - name: Hillside Primary
      sector: primary
`;

const RECORDS = {
  question: 'title: Paired reading\nquestion: Does paired reading help?\ntargetLearners:\n  stages: [P5]\n',
  baseline: 'date: 2025-08-28\nvalues:\n  - measure: reading-enjoyment\n    value: 24.1\n    n: 94\n',
  intervention: 'what: Paired reading\nstart: 2025-09-01\nend: 2026-03-20\n',
  measures: 'measures:\n  - id: reading-enjoyment\n    name: Reading enjoyment survey score\n    kind: score\n',
  reflections: 'date: 2026-03-26\ndecision: adopt\n',
};

type Content = string | Uint8Array | { folder: true };

/** A project folder: sipp.yaml and cycle 01 with valid records, with some files replaced (null removes one). */
function project(files: Record<string, Content | null> = {}): string {
  const dir = tempDir();
  const all: Record<string, Content | null> = { 'sipp.yaml': PROJECT };
  for (const [name, text] of Object.entries(RECORDS)) all[`cycles/01-paired-reading/${name}.yaml`] = text;
  Object.assign(all, files);
  for (const [file, content] of Object.entries(all)) {
    if (content === null) continue;
    const absolute = path.join(dir, file);
    if (typeof content === 'object' && 'folder' in content) {
      mkdirSync(absolute, { recursive: true });
      continue;
    }
    mkdirSync(path.dirname(absolute), { recursive: true });
    writeFileSync(absolute, content);
  }
  return dir;
}

const record = (name: keyof typeof RECORDS): string => `cycles/01-paired-reading/${name}.yaml`;

/** Runs `sipp validate` in a project and checks the output's shape: problem lines, then one summary line. */
function validate(
  dir: string,
  args: string[] = [],
): { code: number; lines: string[]; summary: string; stderr: string } {
  const r = sipp(['validate', ...args], { cwd: dir });
  const all = r.stdout.split('\n');
  expect(all.pop()).toBe('');
  const summary = all.pop() ?? '';
  return { code: r.code, lines: all, summary, stderr: r.stderr };
}

describe('sipp validate', () => {
  it('says a valid project is valid, and exits 0', () => {
    const r = validate(project());
    expect(r).toEqual({ code: 0, lines: [], summary: '✔ sipp.yaml and 1 cycle (5 records) are valid.', stderr: '' });
  });

  it('counts the cycles and records it checked', () => {
    const dir = project(Object.fromEntries(Object.entries(RECORDS).map(([n, t]) => [`cycles/02-next/${n}.yaml`, t])));
    expect(validate(dir).summary).toBe('✔ sipp.yaml and 2 cycles (10 records) are valid.');
    const bare = tempDir();
    writeFileSync(path.join(bare, 'sipp.yaml'), PROJECT);
    expect(validate(bare).summary).toBe('✔ sipp.yaml (no cycles yet) is valid.');
  });

  it('prints every problem as path:line:col: message, sorted, then a summary, and exits 1', () => {
    const dir = project({
      [record('reflections')]: 'date: 2026-03-26\ndecision: keep\n',
      [record('question')]: 'title: Paired reading\npredicton: More reading\n',
      'sipp.yaml': `${PROJECT}focsu: reading\n`,
    });
    const r = validate(dir);
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([
      'cycles/01-paired-reading/question.yaml:2:1: Unknown key `predicton`. Did you mean `prediction`?',
      'cycles/01-paired-reading/reflections.yaml:2:11: `decision` must be one of: adopt, adapt, abandon, scale, continue; got "keep"',
      'sipp.yaml:10:1: Unknown key `focsu`. Did you mean `focus`?',
    ]);
    expect(r.summary).toBe('✖ 3 problems in 3 files.');
    expect(r.stderr).toBe('');
  });

  it('prints only a JSON array with --json', () => {
    const dir = project({
      [record('measures')]:
        'measures:\n  - id: reading-enjoyment\n    name: R\nresults:\n  - measure: reading-enjoyment\n    groups:\n      - name: P5\n        before:\n          n: twelve\n',
    });
    const r = sipp(['validate', '--json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual([
      {
        file: 'cycles/01-paired-reading/measures.yaml',
        line: 9,
        column: 14,
        message: '`n` must be a whole number of 0 or more, got "twelve"',
        rule: 'type',
        severity: 'error',
      },
    ]);
  });

  it('prints an empty JSON array for a valid project', () => {
    const r = sipp(['validate', '--json'], { cwd: project() });
    expect(r).toEqual({ code: 0, stdout: '[]\n', stderr: '' });
  });

  it('works with -C from another folder, and from a subfolder of the project', () => {
    const dir = project({ [record('reflections')]: 'decision: keep\n' });
    const elsewhere = sipp(['-C', dir, 'validate'], { cwd: tempDir() });
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.stdout).toContain('cycles/01-paired-reading/reflections.yaml:1:11: `decision` must be one of');
    const inside = sipp(['validate'], { cwd: path.join(dir, 'cycles', '01-paired-reading') });
    expect(inside.stdout).toBe(elsewhere.stdout);
  });

  it('accepts what sipp init and sipp cycle write, answers still empty', () => {
    const dir = newProject();
    expect(sipp(['cycle', '--yes', 'Paired reading'], { cwd: dir }).code).toBe(0);
    expect(sipp(['validate'], { cwd: dir })).toEqual({
      code: 0,
      stdout: '✔ sipp.yaml and 1 cycle (5 records) are valid.\n',
      stderr: '',
    });
  });

  it('accepts the bundled example project', () => {
    const examples = readdirSync(EXAMPLES).filter((name) => existsSync(path.join(EXAMPLES, name, 'sipp.yaml')));
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) {
      const r = sipp(['-C', path.join(EXAMPLES, example), 'validate', '--json'], { cwd: tempDir() });
      expect({ example, ...r }).toEqual({ example, code: 0, stdout: '[]\n', stderr: '' });
    }
  });

  it('outside a project exits 2 and says to run sipp init', () => {
    const r = sipp(['validate'], { cwd: tempDir() });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/not inside a sipp project/);
    expect(r.stderr).toContain('sipp init');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('changes nothing in the project', () => {
    const dir = project({ [record('reflections')]: 'decision: keep\n' });
    const before = snapshotTree(dir);
    validate(dir);
    sipp(['validate', '--json'], { cwd: dir });
    expect(snapshotTree(dir)).toEqual(before);
  });
});

describe('sipp validate on bad input: exit 1, a clear message, never a crash', () => {
  const only = (files: Record<string, Content | null>): { code: number; lines: string[]; stderr: string } => {
    const r = validate(project(files));
    expect(r.summary).toMatch(/^✖ \d+ problems? in \d+ files?\.$/);
    return { code: r.code, lines: r.lines, stderr: r.stderr };
  };

  it('malformed YAML', () => {
    expect(only({ [record('question')]: 'title: "Paired reading\nquestion: x\n' })).toEqual({
      code: 1,
      lines: [
        'cycles/01-paired-reading/question.yaml:1:8: This quoted text is never closed. Add the closing quote at the end of the text.',
      ],
      stderr: '',
    });
  });

  it('a colon inside unquoted text', () => {
    expect(only({ [record('question')]: 'question: Does it work: really?\n' }).lines).toEqual([
      'cycles/01-paired-reading/question.yaml:1:11: This text contains a colon followed by a space (": "), which YAML reads as the start of another key. Put the whole text in double quotes ("…").',
    ]);
  });

  it('wrong types', () => {
    expect(
      only({ [record('baseline')]: 'date: 2025-08-28\nvalues:\n  - measure: reading-enjoyment\n    n: twelve\n' })
        .lines,
    ).toEqual(['cycles/01-paired-reading/baseline.yaml:4:8: `n` must be a whole number of 0 or more, got "twelve"']);
  });

  it('unknown keys', () => {
    expect(only({ [record('intervention')]: 'what: x\nwhoo: Ms Wilson\n' }).lines).toEqual([
      'cycles/01-paired-reading/intervention.yaml:2:1: Unknown key `whoo`. Did you mean `who`?',
    ]);
  });

  it('an empty file', () => {
    expect(only({ [record('intervention')]: '' }).lines).toEqual([
      'cycles/01-paired-reading/intervention.yaml:1:1: This file is empty. It should hold "key: value" lines; restore it from Git if it was emptied by mistake.',
    ]);
  });

  it('a binary file', () => {
    expect(
      only({ [record('measures')]: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]) }).lines,
    ).toEqual([
      'cycles/01-paired-reading/measures.yaml:1:1: This is not a text file (it looks like a binary file, such as a spreadsheet or an image). Records are YAML text.',
    ]);
  });

  it('a folder where a file should be', () => {
    expect(only({ [record('reflections')]: { folder: true } }).lines).toEqual([
      'cycles/01-paired-reading/reflections.yaml:1:1: This should be a file, but it is a folder. Move the folder elsewhere and restore the file.',
    ]);
    const dir = project({ 'sipp.yaml': null });
    mkdirSync(path.join(dir, 'sipp.yaml'));
    expect(validate(dir).lines).toEqual([
      'sipp.yaml:1:1: This should be a file, but it is a folder. Move the folder elsewhere and restore the file.',
    ]);
  });

  it('a very large file', () => {
    const lines = only({ [record('question')]: `title: ${'x'.repeat(3 * 1024 * 1024)}\n` }).lines;
    expect(lines).toEqual([
      'cycles/01-paired-reading/question.yaml:1:1: This file is 3.0 MB; a record should be a few kilobytes of text. Keep large data in data/private/ and only figures here.',
    ]);
  });

  it('a YAML alias bomb', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]`),
    ].join('\n');
    const lines = only({ [record('question')]: `${bomb}\n` }).lines;
    expect(lines).toEqual([
      'cycles/01-paired-reading/question.yaml:2:8: This file repeats aliases (*name) so many times that reading it would take huge amounts of memory. Write the values out instead of using aliases.',
    ]);
  });

  it('lists and mappings nested thousands deep', () => {
    expect(
      only({
        [record('question')]: `title: ${'['.repeat(5000)}${']'.repeat(5000)}\n`,
        [record('baseline')]: `date: ${'{a: '.repeat(5000)}1${'}'.repeat(5000)}\n`,
      }).lines,
    ).toEqual([
      'cycles/01-paired-reading/baseline.yaml:1:259: Lists and "key: value" groups are nested more than 64 levels deep here. A record needs only a few levels: check the indentation and the brackets.',
      'cycles/01-paired-reading/question.yaml:1:71: Lists and "key: value" groups are nested more than 64 levels deep here. A record needs only a few levels: check the indentation and the brackets.',
    ]);
  });

  it('__proto__, constructor and prototype keys', () => {
    const lines = only({
      [record('question')]: 'title: x\n__proto__:\n  isAdmin: true\nconstructor: x\nprototype: y\n',
    }).lines;
    expect(lines.map((l) => l.replace(/\. The keys allowed here are: .*$/, ''))).toEqual([
      'cycles/01-paired-reading/question.yaml:2:1: Unknown key `__proto__`',
      'cycles/01-paired-reading/question.yaml:4:1: Unknown key `constructor`',
      'cycles/01-paired-reading/question.yaml:5:1: Unknown key `prototype`',
    ]);
    expect(lines[0]).toMatch(
      /The keys allowed here are: title, method, question, theme, targetLearners, equityGroup, aim, rationale, prediction, predictionDate, predicted, howWillWeKnow, successCriteria, plannedGroups\.$/,
    );
  });

  it('a top-level list instead of "key: value" lines', () => {
    expect(only({ [record('reflections')]: '- adopt\n- continue\n' }).lines).toEqual([
      'cycles/01-paired-reading/reflections.yaml:1:1: This file should be made of "key: value" lines, but it holds a list (lines starting with "- "). Start each line with a key such as `title:`.',
    ]);
  });

  it('duplicate keys', () => {
    expect(only({ [record('reflections')]: 'decision: adopt\nlearning: x\ndecision: adapt\n' }).lines).toEqual([
      'cycles/01-paired-reading/reflections.yaml:3:1: The key `decision` appears twice in the same place. Keep one of them.',
    ]);
  });

  it('tabs', () => {
    expect(
      only({ 'sipp.yaml': 'schemaVersion: 1\ntitle: x\nmethod: car\npartnership:\n\tname: Northfield\n' }).lines,
    ).toEqual(['sipp.yaml:5:1: A tab is used for indentation here. YAML needs spaces: replace the tab with spaces.']);
  });

  it('text that is not UTF-8', () => {
    expect(only({ [record('question')]: new Uint8Array([...Buffer.from('title: Caf'), 0xe9, 0x0a]) }).lines).toEqual([
      'cycles/01-paired-reading/question.yaml:1:1: This file is not saved as UTF-8 text. Save it again as UTF-8 in your editor.',
    ]);
  });

  it('`cycles` that is a file instead of a folder', () => {
    const dir = project();
    rmSync(path.join(dir, 'cycles'), { recursive: true });
    writeFileSync(path.join(dir, 'cycles'), 'notes\n');
    expect(validate(dir)).toEqual({
      code: 1,
      lines: [
        'cycles:1:1: `cycles` should be a folder, but it is a file. Move the file elsewhere and restore the folder from Git.',
      ],
      summary: '✖ 1 problem in 1 file.',
      stderr: '',
    });
  });

  it('a record, a cycle folder or the cycles folder that sipp may not read', () => {
    const unreadable = (relative: string): string[] => {
      const dir = project();
      const r = withoutPermission(dir, relative, () => sipp(['validate'], { cwd: dir, ...runAsUnprivileged(dir) }));
      expect(r.stderr).toBe('');
      expect(r.code).toBe(1);
      return r.stdout.split('\n').slice(0, -2);
    };
    expect(unreadable(record('question'))).toEqual([
      'cycles/01-paired-reading/question.yaml:1:1: sipp is not allowed to read this file. Check its permissions.',
    ]);
    expect(unreadable('cycles/01-paired-reading')).toEqual([
      'cycles/01-paired-reading:1:1: sipp is not allowed to open this cycle folder. Check its permissions.',
    ]);
    expect(unreadable('cycles')).toEqual([
      'cycles:1:1: sipp is not allowed to open `cycles`. Check its permissions.',
    ]);
  });

  it('symbolic links that lead back to themselves, or nowhere', () => {
    const dir = project({ [record('baseline')]: null });
    symlinkSync('baseline.yaml', path.join(dir, record('baseline')));
    symlinkSync('02-loop', path.join(dir, 'cycles', '02-loop'));
    symlinkSync('../elsewhere/03-gone', path.join(dir, 'cycles', '03-gone'));
    expect(validate(dir).lines).toEqual([
      'cycles/01-paired-reading/baseline.yaml:1:1: This file is a link (a symbolic link) that leads back to itself. Replace the link with the file itself.',
      'cycles/02-loop:1:1: This cycle folder is a link (a symbolic link) that leads back to itself. Replace the link with the folder itself.',
      'cycles/03-gone:1:1: This cycle folder is a link (a symbolic link) to a folder that does not exist. Replace the link with the folder itself.',
    ]);

    const loops = project();
    renameSync(path.join(loops, 'sipp.yaml'), path.join(loops, 'sipp.yaml.bak'));
    symlinkSync('sipp.yaml', path.join(loops, 'sipp.yaml'));
    rmSync(path.join(loops, 'cycles'), { recursive: true });
    symlinkSync('cycles', path.join(loops, 'cycles'));
    expect(validate(loops)).toEqual({
      code: 1,
      lines: [
        'cycles:1:1: `cycles` is a link (a symbolic link) that leads back to itself. Replace the link with the folder itself.',
        'sipp.yaml:1:1: This file is a link (a symbolic link) that leads back to itself. Replace the link with the file itself.',
      ],
      summary: '✖ 2 problems in 2 files.',
      stderr: '',
    });
  });

  it('a missing record file', () => {
    expect(only({ [record('baseline')]: null }).lines).toEqual([
      'cycles/01-paired-reading/baseline.yaml:1:1: This cycle has no baseline.yaml. Restore it from Git, or copy it from another cycle and clear the answers.',
    ]);
  });

  it('a missing sipp.yaml key', () => {
    expect(only({ 'sipp.yaml': 'schemaVersion: 1\nmethod: car\n' }).lines).toEqual([
      'sipp.yaml:1:1: `title` is missing: sipp.yaml needs a title',
    ]);
  });

  it('many mistakes in one project, each reported once', () => {
    const r = only({
      'sipp.yaml': 'schemaVersion: 1\ntitle: x\nmethod: car\n\tfocus: y\n',
      [record('question')]: '',
      [record('baseline')]: null,
      [record('measures')]: new Uint8Array([0, 1, 2]),
      [record('reflections')]: 'decision: keep\n',
    });
    expect(r.lines.map((l) => l.slice(0, l.indexOf(': '))).sort()).toEqual(
      [
        'cycles/01-paired-reading/baseline.yaml:1:1',
        'cycles/01-paired-reading/measures.yaml:1:1',
        'cycles/01-paired-reading/question.yaml:1:1',
        'cycles/01-paired-reading/reflections.yaml:1:11',
        'sipp.yaml:4:1',
      ].sort(),
    );
    expect(r.stderr).toBe('');
  });
});

describe('sipp validate across records', () => {
  it('reports a measure id that measures.yaml does not define, at the id', () => {
    const lines = validate(
      project({ [record('reflections')]: 'findings:\n  - measure: reading-enjoymnt\n    finding: Up\n' }),
    ).lines;
    expect(lines).toEqual([
      "cycles/01-paired-reading/reflections.yaml:2:14: Measure `reading-enjoymnt` is not defined in this cycle's measures.yaml. Did you mean `reading-enjoyment`?",
    ]);
  });

  it('reports dates out of order, naming both', () => {
    const lines = validate(
      project({ [record('intervention')]: 'what: x\nstart: 2025-09-01\nend: 2025-08-01\n' }),
    ).lines;
    expect(lines).toEqual([
      'cycles/01-paired-reading/intervention.yaml:3:6: The intervention ends on 2025-08-01, before it starts (2025-09-01). Check both dates.',
    ]);
  });

  it('reports a gap in the cycle numbering at the folder after the gap', () => {
    const dir = project(Object.fromEntries(Object.entries(RECORDS).map(([n, t]) => [`cycles/03-third/${n}.yaml`, t])));
    const r = validate(dir);
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([
      'cycles/03-third:1:1: There is no cycle 02 before this one (number 03): cycles are numbered 01, 02, 03, … with no gaps. Restore the missing cycle from Git, or renumber this folder and the ones after it.',
    ]);
    const json = JSON.parse(sipp(['validate', '--json'], { cwd: dir }).stdout) as Array<{ rule: string; file: string }>;
    expect(json.map((p) => [p.file, p.rule])).toEqual([['cycles/03-third', 'cycle-numbering']]);
  });
});

describe('sipp validate on a large project', () => {
  it('remembers unchanged files between runs in the cache folder, outside the project', () => {
    const files: Record<string, string> = {};
    for (let n = 2; n <= 26; n++)
      for (const [name, text] of Object.entries(RECORDS))
        files[`cycles/${String(n).padStart(2, '0')}-c/${name}.yaml`] = text;
    const dir = project(files);
    const cacheDir = tempDir('sipp-cache-');
    const env = { SIPP_CACHE_DIR: cacheDir };
    const before = snapshotTree(dir);
    const first = sipp(['validate'], { cwd: dir, env });
    expect(first.stdout).toBe('✔ sipp.yaml and 26 cycles (130 records) are valid.\n');
    const projects = readdirSync(path.join(cacheDir, 'projects'));
    expect(projects).toHaveLength(1);
    // A file of the cache per cycle folder, and one for sipp.yaml.
    const shards = (): string[] => readdirSync(path.join(cacheDir, 'projects', projects[0] as string)).sort();
    expect(shards()).toHaveLength(27);
    expect(shards().every((f) => f.endsWith('.json'))).toBe(true);
    writeFileSync(path.join(dir, 'cycles', '07-c', 'reflections.yaml'), 'decision: keep\n');
    const second = sipp(['validate'], { cwd: dir, env });
    expect(second.code).toBe(1);
    expect(second.stdout).toBe(
      'cycles/07-c/reflections.yaml:1:11: `decision` must be one of: adopt, adapt, abandon, scale, continue; got "keep"\n✖ 1 problem in 1 file.\n',
    );
    expect(sipp(['validate'], { cwd: dir, env })).toEqual(second);
    writeFileSync(path.join(dir, 'cycles', '07-c', 'reflections.yaml'), RECORDS.reflections);
    expect(snapshotTree(dir)).toEqual(before);
    // A cycle folder that is no more (removed here) is forgotten: the cache keeps only what the project holds.
    const kept = shards();
    rmSync(path.join(dir, 'cycles', '26-c'), { recursive: true });
    expect(sipp(['validate'], { cwd: dir, env }).stdout).toBe('✔ sipp.yaml and 25 cycles (125 records) are valid.\n');
    expect(shards()).toHaveLength(26);
    expect(kept).toEqual(expect.arrayContaining(shards()));
  });
});

/**
 * Runs `run` with `relative` (a file or folder of the project) made unreadable by `chmod 000`, then restores it.
 * chmod does not stop root, so as root the project is opened to others and sipp runs as `nobody` instead.
 */
function withoutPermission(dir: string, relative: string, run: () => RunResult): RunResult {
  const target = path.join(dir, relative);
  const mode = relative.endsWith('.yaml') ? 0o644 : 0o755;
  chmodSync(target, 0o000);
  try {
    return run();
  } finally {
    chmodSync(target, mode);
  }
}

/** Options for `sipp()` under which `chmod 000` denies reading: as is, or as `nobody` when the tests run as root. */
function runAsUnprivileged(dir: string): { as?: typeof NOBODY } {
  if (process.getuid?.() !== 0) return {};
  // mkdtemp makes the folder private to its owner; what it holds is already readable by others (umask 022).
  chmodSync(dir, 0o755);
  return { as: NOBODY };
}
