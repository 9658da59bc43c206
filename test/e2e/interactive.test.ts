// sipp's prompts answered on a real pseudo-terminal, driven by python3's pty module: each step waits for the
// prompt's text on the screen before it types, so the test does not depend on timing.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, newProject, snapshotTree, tempDir } from './helpers.js';

const DRIVER = String.raw`
import fcntl, json, os, pty, re, select, struct, sys, termios, time
spec = json.load(sys.stdin)
pid, fd = pty.fork()
if pid == 0:
    os.chdir(spec['cwd'])
    os.execve(spec['argv'][0], spec['argv'], spec['env'])
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', 50, 160, 0, 0))
raw = b''
ansi = re.compile(r'\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|\x1b[=>78]')
def screen():
    return ansi.sub('', raw.decode('utf-8', 'replace'))
def pump(timeout):
    global raw
    ready, _, _ = select.select([fd], [], [], timeout)
    if not ready:
        return True
    try:
        chunk = os.read(fd, 65536)
    except OSError:
        return False
    if not chunk:
        return False
    raw += chunk
    return True
seen = 0
for step in spec['steps']:
    deadline = time.time() + 15
    while True:
        text = screen()
        at = text.find(step['expect'], seen)
        if at >= 0:
            seen = at + len(step['expect'])
            break
        if time.time() > deadline or not pump(0.05):
            print(json.dumps({'code': -1, 'screen': screen(), 'waitingFor': step['expect']}))
            sys.exit(0)
    time.sleep(0.05)
    for key in step['keys']:
        os.write(fd, key.encode())
        time.sleep(0.03)
deadline = time.time() + 15
while time.time() < deadline and pump(0.1):
    pass
_, status = os.waitpid(pid, 0)
print(json.dumps({'code': os.waitstatus_to_exitcode(status), 'screen': screen()}))
`;

interface Step {
  /** Text to wait for on the screen (after the previous step's). */
  expect: string;
  /** Keys to type then, one at a time. */
  keys: string[];
}

const ENTER = '\r';
const DOWN = '\x1b[B';
const SPACE = ' ';
const CTRL_C = '\x03';

/** Runs `sipp <args>` on a pseudo-terminal, answering each prompt as it appears. */
function onTerminal(args: string[], cwd: string, steps: Step[]): { code: number; screen: string; waitingFor?: string } {
  const spec = {
    cwd,
    argv: [process.execPath, BIN, ...args],
    env: {
      PATH: process.env.PATH ?? '',
      HOME: cwd,
      TERM: 'xterm-256color',
      NO_COLOR: '1',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'Test Teacher',
      GIT_AUTHOR_EMAIL: 'teacher@example.org',
      GIT_COMMITTER_NAME: 'Test Teacher',
      GIT_COMMITTER_EMAIL: 'teacher@example.org',
    },
    steps,
  };
  const r = spawnSync('python3', ['-c', DRIVER], { input: JSON.stringify(spec), encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`pty driver failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as { code: number; screen: string; waitingFor?: string };
}

const type = (text: string): string[] => [text, ENTER];

describe('sipp init on a terminal', () => {
  it('asks each question and writes the answers', () => {
    const dir = tempDir();
    const r = onTerminal(['init', 'enquiry'], dir, [
      { expect: 'Title of the enquiry', keys: type('Reading for pleasure') },
      { expect: 'Name of the partnership', keys: type('Northfield') },
      { expect: 'Enquiry method for new cycles', keys: [ENTER] },
      { expect: 'School taking part 1', keys: type('Hillside Primary') },
      { expect: 'School taking part 2', keys: type('Bell Academy') },
      { expect: 'School taking part 3', keys: [ENTER] },
      { expect: 'Local authority 1', keys: type('Fife') },
      { expect: 'Local authority 2', keys: [ENTER] },
      { expect: 'Improvement focus', keys: type('reading engagement of P5-P6 learners') },
      // ELC, P1 … P5: five steps down to P5; tick it and P6.
      { expect: 'Stages of the target learners', keys: [DOWN, DOWN, DOWN, DOWN, DOWN, SPACE, DOWN, SPACE, ENTER] },
      { expect: 'Which learners does the partnership most want to help', keys: [DOWN, ENTER] },
      { expect: 'Started the enquiry project', keys: [] },
    ]);
    expect(r.waitingFor).toBeUndefined();
    expect(r.code).toBe(0);
    expect(r.screen).toContain('Lesson Study (coming in a later version)');
    expect(r.screen).toContain('cd enquiry');
    const data = parse(readFileSync(path.join(dir, 'enquiry', 'sipp.yaml'), 'utf8')) as Record<string, unknown>;
    expect(data).toMatchObject({
      title: 'Reading for pleasure',
      partnership: {
        name: 'Northfield',
        localAuthorities: ['Fife'],
        schools: [{ name: 'Hillside Primary' }, { name: 'Bell Academy' }],
      },
      method: 'car',
      focus: 'reading engagement of P5-P6 learners',
      targetLearners: { stages: ['P5', 'P6'], cfeLevels: ['second'] },
      equityGroup: { marker: 'free-school-meals' },
    });
    expect(existsSync(path.join(dir, 'enquiry', '.git'))).toBe(true);
  });

  it('does not ask again for what the flags gave', () => {
    const dir = tempDir();
    const r = onTerminal(
      [
        'init',
        '--no-git',
        '--title',
        'T',
        '--partnership',
        'P',
        '--method',
        'car',
        '--school',
        'S',
        '--authority',
        'A',
        '--focus',
        'F',
      ],
      dir,
      [
        { expect: 'Stages of the target learners', keys: [ENTER] },
        { expect: 'Which learners does the partnership most want to help', keys: [ENTER] },
        { expect: 'Started the enquiry project', keys: [] },
      ],
    );
    expect(r.code).toBe(0);
    expect(r.screen).not.toContain('Title of the enquiry');
    expect(r.screen).not.toContain('School taking part');
    expect(parse(readFileSync(path.join(dir, 'sipp.yaml'), 'utf8'))).toMatchObject({
      title: 'T',
      equityGroup: { marker: 'simd-quintile' },
    });
  });

  it('asks nothing with --yes', () => {
    const dir = tempDir();
    const r = onTerminal(['init', '--yes', '--no-git', '--title', 'T'], dir, [
      { expect: 'Started the enquiry project', keys: [] },
    ]);
    expect(r.code).toBe(0);
    expect(existsSync(path.join(dir, 'sipp.yaml'))).toBe(true);
  });

  it('writes nothing when Ctrl-C is pressed in a prompt', () => {
    const dir = tempDir();
    const r = onTerminal(['init'], dir, [
      { expect: 'Title of the enquiry', keys: type('Reading for pleasure') },
      { expect: 'Name of the partnership', keys: type('Northfield') },
      { expect: 'Enquiry method for new cycles', keys: [ENTER] },
      { expect: 'School taking part 1', keys: [CTRL_C] },
      { expect: 'Cancelled: nothing was written.', keys: [] },
    ]);
    expect(r.waitingFor).toBeUndefined();
    expect(r.code).toBe(1);
    expect(r.screen).not.toMatch(/\n\s+at /);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('sipp cycle on a terminal', () => {
  it("asks the title and the method's questions, and writes the answers into question.yaml", () => {
    const dir = newProject();
    const r = onTerminal(['cycle'], dir, [
      { expect: 'A short title for this cycle', keys: type('Paired reading') },
      { expect: 'What is the enquiry question?', keys: type('Does paired reading help P5 learners enjoy reading?') },
      { expect: 'What is the aim', keys: [ENTER] },
      { expect: 'What do you predict', keys: type('Enjoyment scores rise by a fifth') },
      { expect: 'Started cycle 1', keys: [] },
    ]);
    expect(r.code).toBe(0);
    const question = parse(readFileSync(path.join(dir, 'cycles/01-paired-reading/question.yaml'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(question).toMatchObject({
      title: 'Paired reading',
      question: 'Does paired reading help P5 learners enjoy reading?',
      aim: null,
      prediction: 'Enjoyment scores rise by a fifth',
    });
  });

  it('offers "Cycle N" as the title', () => {
    const dir = newProject();
    const r = onTerminal(['cycle', '--question', 'Q?'], dir, [
      { expect: 'A short title for this cycle', keys: [ENTER] },
      { expect: 'What is the aim', keys: [ENTER] },
      { expect: 'What do you predict', keys: [ENTER] },
      { expect: 'Started cycle 1', keys: [] },
    ]);
    expect(r.code).toBe(0);
    expect(r.screen).not.toContain('What is the enquiry question?');
    expect(existsSync(path.join(dir, 'cycles/01-cycle-1/question.yaml'))).toBe(true);
  });

  it('writes nothing when Ctrl-C is pressed in a prompt', () => {
    const dir = newProject();
    writeFileSync(path.join(dir, 'notes.md'), 'ours\n');
    const before = snapshotTree(dir);
    const r = onTerminal(['cycle', 'Paired reading'], dir, [
      { expect: 'What is the enquiry question?', keys: type('Q?') },
      { expect: 'What is the aim', keys: [CTRL_C] },
      { expect: 'Cancelled: nothing was written.', keys: [] },
    ]);
    expect(r.code).toBe(1);
    expect(snapshotTree(dir)).toEqual(before);
  });
});
