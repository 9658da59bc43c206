// sipp on a real pseudo-terminal, driven by python3's pty module: each step waits for the prompt's text on the
// screen before it types, so a test does not depend on timing. Shared by every end-to-end test that answers
// prompts.
import { spawnSync } from 'node:child_process';
import { BIN } from './helpers.js';

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

export interface Step {
  /** Text to wait for on the screen (after the previous step's). */
  expect: string;
  /** Keys to type then, one at a time. */
  keys: string[];
}

export const ENTER = '\r';
export const DOWN = '\x1b[B';
export const SPACE = ' ';
export const CTRL_C = '\x03';

/** The keys that type a line of text and press Enter. */
export const type = (text: string): string[] => [text, ENTER];

/** Runs `sipp <args>` on a pseudo-terminal, answering each prompt as it appears. */
export function onTerminal(
  args: string[],
  cwd: string,
  steps: Step[],
): { code: number; screen: string; waitingFor?: string } {
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
