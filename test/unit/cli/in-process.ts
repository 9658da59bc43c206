// Running sipp in-process on a "terminal" whose questions are answered by the test (CliContext.prompts).
import type { Prompts } from '../../../src/cli/context.js';
import { main, type Io } from '../../../src/cli/main.js';

/** Runs `sipp <args>` in `cwd` as if on a terminal, with these prompts; what it printed, and its exit code. */
export async function runInProcess(
  cwd: string,
  args: string[],
  prompts: Prompts,
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = {
    cwd,
    env: { NO_COLOR: '1' },
    stdinTTY: true,
    stdoutTTY: true,
    stderrTTY: true,
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    prompts,
  };
  const code = await main(args, io);
  return { code, out, err };
}
