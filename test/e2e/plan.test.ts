// `sipp plan` through the built CLI: the planned groups from question.yaml or the flags, what briefings will hide,
// the minimum detectable effect in words and JSON, and each error path.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { newProject, sipp, snapshotTree, tempDir } from './helpers.js';

const QUESTION = 'cycles/01-paired-reading/question.yaml';

let template: string;
beforeAll(() => {
  template = newProject();
  const r = sipp(['cycle', '--yes', 'Paired reading'], { cwd: template });
  if (r.code !== 0) throw new Error(r.stderr);
});

function project(planned?: string): string {
  const dir = tempDir();
  cpSync(template, dir, { recursive: true });
  // A new question.yaml ends with `plannedGroups:` unanswered: the team writes its groups there.
  const file = path.join(dir, QUESTION);
  if (planned) writeFileSync(file, readFileSync(file, 'utf8').replace(/^plannedGroups:\n/m, planned));
  return dir;
}

const PLANNED = `plannedGroups:
  intervention: { learners: 26, simd: [6, 5, 4, 8, 3] }
  comparison: { learners: 24, simd: [5, 6, 5, 5, 3] }
`;

describe('sipp plan', () => {
  it("reads question.yaml's planned groups: which breakdowns will be [c], and the smallest effect it can detect", () => {
    const dir = project(PLANNED);
    const before = snapshotTree(dir);
    const r = sipp(['plan'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'Plan for cycle 01-paired-reading: 26 learners in the intervention group, 24 learners in the comparison group (from question.yaml).',
    );
    expect(r.stdout).toMatch(/ {2}Intervention – SIMD 1-2 +11 {2}shown\n/);
    expect(r.stdout).toMatch(/ {2}Intervention – SIMD 5 +3 {2}\[c\] {2}fewer than 5 learners\n/);
    // (qt(0.975, 48) + qt(0.8, 48)) × √(1/26 + 1/24) = 0.8095: 10 months (EEF).
    expect(r.stdout).toContain('Smallest effect this design can detect: 0.81');
    expect(r.stdout).toContain('about 10 months of additional progress (EEF Toolkit)');
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('prints the JSON contract with --json: mdes unrounded, each breakdown with why it is hidden', () => {
    const dir = project(`${PLANNED}  correlation: 0.7\n`);
    expect(readFileSync(path.join(dir, QUESTION), 'utf8')).toContain('correlation: 0.7');
    const r = sipp(['plan', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as {
      cycle: string;
      mdes: number;
      df: number;
      correlation: number;
      mdesMonths: number;
      groups: { name: string; n: number; hidden: string | null }[];
    };
    expect(json.cycle).toBe('01-paired-reading');
    expect(json.df).toBe(48);
    // 0.809524 × √(1 - 0.49) = 0.578118.
    expect(json.mdes).toBeCloseTo(0.578118, 5);
    expect(json.correlation).toBe(0.7);
    expect(json.mdesMonths).toBe(7);
    expect(json.groups.find((g) => g.name === 'Comparison – SIMD 5')).toEqual({
      name: 'Comparison – SIMD 5',
      role: 'comparison',
      equity: 'simd-5',
      n: 3,
      hidden: 'small-group',
    });
  });

  it('takes the group sizes from the flags, and says there is no MDES without a comparison group', () => {
    const dir = project();
    const flags = sipp(['plan', '--intervention', '11', '--comparison', '11'], { cwd: dir });
    expect(flags.code).toBe(0);
    expect(flags.stdout).toContain('(from the flags)');
    expect(flags.stdout).toContain('Smallest effect this design can detect: 1.26');
    expect(flags.stdout).toContain('No equity-group breakdown planned');
    const alone = sipp(['plan', '--intervention', '28'], { cwd: dir });
    expect(alone.code).toBe(0);
    expect(alone.stdout).toContain('No comparison group is planned, so there is no minimum detectable effect');
    const none = sipp(['plan', '--intervention', '28', '--comparison', '0', '--json'], { cwd: dir });
    expect((JSON.parse(none.stdout) as { mdes: number | null }).mdes).toBeNull();
  });

  it('refuses (exit 1) when nothing says how many learners are planned, showing what to write', () => {
    const r = sipp(['plan'], { cwd: project() });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('sipp does not know how many learners you plan to compare in cycle 01-paired-reading.');
    expect(r.stderr).toContain('plannedGroups:\n    intervention: { learners: 26, simd: [6, 5, 4, 6, 5] }');
  });

  it('gives a usage error (exit 2) for a size or a correlation that is not one, and for an unknown cycle', () => {
    const dir = project(PLANNED);
    const size = sipp(['plan', '--intervention', '2x'], { cwd: dir });
    expect(size.code).toBe(2);
    expect(size.stderr).toContain('--intervention "2x" is not a number of learners');
    const r = sipp(['plan', '--correlation', '1.2'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--correlation "1.2" is not a correlation');
    const cycle = sipp(['plan', '--cycle', '7'], { cwd: dir });
    expect(cycle.code).toBe(2);
    expect(cycle.stderr).toContain('There is no cycle 7.');
  });

  it('refuses a plan whose SIMD split adds up to more than the group, at its line (validate says the same)', () => {
    const dir = project(`plannedGroups:\n  intervention: { learners: 10, simd: [3, 3, 3, 3, 3] }\n`);
    const lines = readFileSync(path.join(dir, QUESTION), 'utf8').split('\n').length - 1;
    const v = sipp(['validate'], { cwd: dir });
    expect(v.code).toBe(1);
    expect(v.stdout + v.stderr).toContain(`${QUESTION}:${lines}:`);
    expect(v.stdout + v.stderr).toContain(
      '`simd` adds up to 15 learners, more than the 10 in the group: each learner is in one quintile at most.',
    );
    const r = sipp(['plan'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('so nothing was planned');
  });

  it('keeps the SIMD split of question.yaml when a flag changes the size and the split still fits', () => {
    const dir = project(PLANNED);
    const r = sipp(['plan', '--intervention', '30', '--json'], { cwd: dir });
    const json = JSON.parse(r.stdout) as { groups: { name: string; n: number }[] };
    expect(json.groups.find((g) => g.name === 'Intervention')?.n).toBe(30);
    expect(json.groups.find((g) => g.name === 'Intervention – SIMD 1-2')?.n).toBe(11);
    const smaller = sipp(['plan', '--intervention', '20'], { cwd: dir });
    expect(smaller.stdout.replace(/\s+/g, ' ')).toContain(
      'The SIMD or free school meal split of the intervention group in question.yaml adds up to more than --intervention 20, so it is left out.',
    );
  });
});
