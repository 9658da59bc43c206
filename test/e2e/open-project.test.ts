// Every command opens a project the same way (src/project/open.ts), so they agree on what is wrong with it:
// a problem that `sipp validate` reports (even one only a method's own rules find) is seen by status, cycle list,
// analyse and brief too.
import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, sipp, tempDir } from './helpers.js';

function copyExample(name: string): string {
  const dir = tempDir();
  cpSync(path.join(EXAMPLES, name), dir, { recursive: true });
  return dir;
}

interface StatusJson {
  problems: string[];
  cycles: { folder: string; stage: string | null; complete: boolean; problems: string[]; next: string }[];
}

describe('opening a project', () => {
  it("agrees across commands when only a method's own rule finds the problem (a host school not in the network)", () => {
    const dir = copyExample('lochbrae-learning-rounds');
    const cycles = readdirSync(path.join(dir, 'cycles')).sort();
    const first = cycles[0] ?? '';
    const rounds = path.join(dir, 'cycles', first, 'rounds.yaml');
    writeFileSync(rounds, readFileSync(rounds, 'utf8').replace(/^hostSchool: .*$/m, 'hostSchool: Nowhere High School'));

    const validate = sipp(['validate'], { cwd: dir });
    expect(validate.code).toBe(1);
    expect(validate.stdout).toContain(
      `cycles/${first}/rounds.yaml:39:13: Nowhere High School is not one of the network's schools`,
    );

    const status = sipp(['status', '--json'], { cwd: dir });
    expect(status.code).toBe(0);
    const cycle = (JSON.parse(status.stdout) as StatusJson).cycles.find((c) => c.folder === first);
    expect(cycle?.complete).toBe(false);
    expect(cycle?.problems).toEqual([`cycles/${first}/rounds.yaml`]);
    expect(cycle?.next).not.toContain('sipp brief');

    const text = sipp(['status'], { cwd: dir });
    expect(text.stdout).toContain('rounds.yaml has problems: run `sipp validate` to see them');

    const list = sipp(['cycle', 'list'], { cwd: dir });
    expect(list.stdout).toMatch(new RegExp(`${first}.*has problems: run sipp validate`));

    const analyse = sipp(['analyse'], { cwd: dir });
    expect(analyse.code).toBe(1);
    expect(analyse.stderr).toContain('The project has a problem');
    expect(analyse.stderr).toContain(`cycles/${first}/rounds.yaml:39:13:`);
    // brief renders the cycles without problems and names the one it left out (issue 10), exit 1.
    const brief = sipp(['brief'], { cwd: dir });
    expect(brief.code).toBe(1);
    expect(brief.stderr).toContain(`Not rendered: ${first}, which has a problem:`);
    expect(brief.stderr).toContain(`cycles/${first}/rounds.yaml:39:13:`);
  });

  const examples = readdirSync(EXAMPLES)
    .filter((name) => existsSync(path.join(EXAMPLES, name, 'sipp.yaml')))
    .sort();
  it.each(examples)('finds %s valid in validate, status and analyse alike', (name) => {
    const dir = copyExample(name);
    expect(sipp(['validate'], { cwd: dir }).code).toBe(0);
    const status = JSON.parse(sipp(['status', '--json'], { cwd: dir }).stdout) as StatusJson;
    expect(status.problems).toEqual([]);
    expect(status.cycles.flatMap((c) => c.problems)).toEqual([]);
    expect(sipp(['analyse', '--json'], { cwd: dir }).code).toBe(0);
  });
});
