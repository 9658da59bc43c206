// sipp with the Improvement Science method, end to end: a project and cycles made with flags, every validation
// rule broken once (exact message, file, line and column), status, guide and the briefing's driver diagram.
import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, newProject, sipp, tempDir } from '../helpers.js';

const EXAMPLE = 'kilbrannan-attendance';
const CYCLE = 'cycles/01-attendance-at-transition-2025-26';

/** A copy of the Improvement Science example in a temporary folder. */
function example(): string {
  const dir = path.join(tempDir('sipp-is-'), EXAMPLE);
  cpSync(path.join(EXAMPLES, EXAMPLE), dir, { recursive: true });
  return dir;
}

/** Replaces text in a record of the example's cycle; fails the test when the text is not there exactly once. */
function edit(dir: string, record: string, from: string | RegExp, to: string): string {
  const file = path.join(dir, CYCLE, `${record}.yaml`);
  const text = readFileSync(file, 'utf8');
  const count =
    typeof from === 'string' ? text.split(from).length - 1 : (text.match(new RegExp(from, 'g')) ?? []).length;
  expect(count, `${record}.yaml should hold ${String(from)} once`).toBe(1);
  const changed = text.replace(from, to);
  writeFileSync(file, changed);
  return changed;
}

/** `line:col` of `needle` in `text` (1-based, as sipp prints them), found after each of `after` in turn. */
function at(text: string, needle: string, ...after: string[]): string {
  const start = after.reduce((from, anchor) => text.indexOf(anchor, from), 0);
  expect(start, `${after.join(' then ')} should be in the file`).toBeGreaterThanOrEqual(0);
  const offset = text.indexOf(needle, start);
  expect(offset, `${needle} should be in the file`).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${(before[before.length - 1]?.length ?? 0) + 1}`;
}

/** The problem lines `sipp validate` printed. */
function problemLines(stdout: string): string[] {
  return stdout.split('\n').filter((line) => line.startsWith('cycles/') || line.startsWith('sipp.yaml'));
}

describe('sipp init and sipp cycle with --method improvement-science', () => {
  it('start a cycle with drivers.yaml and pdsa.yaml, the aim taken from flags, that validates', () => {
    const dir = newProject(['--method', 'improvement-science']);
    const r = sipp(
      [
        'cycle',
        'Attendance at transition',
        '--aim-what',
        'Attendance in the first term of S1',
        '--aim-for-whom',
        'S1 learners living in SIMD quintiles 1 and 2',
        '--aim-how-much',
        'From 86% to 92% of sessions',
        '--aim-by-when',
        '2025-12-19',
      ],
      { cwd: dir },
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('(Improvement Science)');
    expect(r.stdout).toContain(
      'question.yaml  baseline.yaml  intervention.yaml  measures.yaml  reflections.yaml  drivers.yaml  pdsa.yaml',
    );
    const drivers = readFileSync(path.join(dir, 'cycles/01-attendance-at-transition/drivers.yaml'), 'utf8');
    expect(drivers).toContain(
      [
        'aim:',
        '  what: Attendance in the first term of S1',
        '  forWhom: S1 learners living in SIMD quintiles 1 and 2',
        '  howMuch: From 86% to 92% of sessions',
        '  byWhen: 2025-12-19',
      ].join('\n'),
    );
    expect(drivers.split('\n')[0]).toBe('# yaml-language-server: $schema=../../.sipp/schemas/drivers.schema.json');
    const pdsa = readFileSync(path.join(dir, 'cycles/01-attendance-at-transition/pdsa.yaml'), 'utf8');
    expect(pdsa).toContain('cycles: []');
    const v = sipp(['validate'], { cwd: dir });
    expect(v.stdout).toBe('✔ sipp.yaml and 1 cycle (7 records) are valid.\n');
    expect(v.code).toBe(0);
  });

  it('start an Improvement Science cycle in a CAR project with --method', () => {
    const dir = newProject();
    const r = sipp(['cycle', 'PDSA trial', '--method', 'improvement-science', '--aim-what', 'Attendance'], {
      cwd: dir,
    });
    expect(r.code).toBe(0);
    const question = readFileSync(path.join(dir, 'cycles/01-pdsa-trial/question.yaml'), 'utf8');
    expect(question).toContain('method: improvement-science');
    expect(readFileSync(path.join(dir, 'cycles/01-pdsa-trial/drivers.yaml'), 'utf8')).toContain('  what: Attendance\n');
  });

  it('refuse an aim flag for a cycle of another method (exit 2), writing nothing', () => {
    const dir = newProject();
    const r = sipp(['cycle', 'Paired reading', '--aim-what', 'Reading'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      '--aim-what is for Improvement Science cycles, and this cycle is Collaborative Action Research. Nothing was written.',
    );
    expect(readdirSync(path.join(dir, 'cycles'))).toEqual(['.gitkeep']);
  });
});

describe('sipp status with an Improvement Science cycle', () => {
  it('names what the driver diagram and the PDSA cycles still need', () => {
    const dir = newProject(['--method', 'improvement-science']);
    sipp(['cycle', 'Attendance', '--aim-what', 'Attendance in S1'], { cwd: dir });
    const r = sipp(['status'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Stage     question (1 of 5)');
    expect(r.stdout).toMatch(
      /drivers\.yaml: the aim: for whom, the aim: how much, the aim: by when, at least one\s+primary driver/,
    );
    expect(r.stdout).toContain('pdsa.yaml: at least one PDSA cycle');
    // The aim sipp cycle started is still to finish, not wrong: validate warns and passes.
    const v = sipp(['validate'], { cwd: dir });
    expect(v.code).toBe(0);
    expect(v.stdout).toContain('warning: The aim is missing `forWhom`');
  });

  it('says the example cycle is complete', () => {
    const r = sipp(['status'], { cwd: example() });
    expect(r.stdout).toContain('Stage     complete');
  });
});

describe('sipp guide improvement-science', () => {
  it('prints the Model for Improvement, the records and the facilitator prompts, offline', () => {
    const r = sipp(['guide', 'improvement-science'], { cwd: tempDir() });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('Improvement Science (improvement-science)');
    for (const text of [
      '1. What are we trying to accomplish? (the aim, in drivers.yaml)',
      '  drivers.yaml       The aim in four parts',
      '  pdsa.yaml          Small tests of change',
      'Adopt: is the evidence strong enough',
    ]) {
      expect(r.stdout).toContain(text);
    }
  });
});

describe('sipp validate on an Improvement Science cycle', () => {
  it('finds no problem in the example', () => {
    const r = sipp(['validate'], { cwd: example() });
    expect(r.stdout).toBe('✔ sipp.yaml and 1 cycle (7 records) are valid.\n');
    expect(r.code).toBe(0);
  });

  it('reports a PDSA cycle that tests an unknown change idea', () => {
    const dir = example();
    const text = edit(dir, 'pdsa', 'changeIdea: morning-check-in', 'changeIdea: morning-checkin');
    const r = sipp(['validate'], { cwd: dir });
    expect(problemLines(r.stdout)).toEqual([
      `${CYCLE}/pdsa.yaml:${at(text, 'morning-checkin')}: PDSA cycle pdsa-2 tests the change idea \`morning-checkin\`, which is not in drivers.yaml. Did you mean \`morning-check-in\`?`,
    ]);
    expect(r.code).toBe(1);
  });

  it('reports a change idea linked to an unknown driver', () => {
    const dir = example();
    const text = edit(dir, 'drivers', 'drivers: [trusted-adult]', 'drivers: [trusted-adlt]');
    const r = sipp(['validate'], { cwd: dir });
    expect(problemLines(r.stdout)).toEqual([
      `${CYCLE}/drivers.yaml:${at(text, 'trusted-adlt')}: The change idea "A two-minute morning check-in with a trusted adult for lear…" is linked to \`trusted-adlt\`, which is not a driver in drivers.yaml. Did you mean \`trusted-adult\`?`,
    ]);
    expect(r.code).toBe(1);
  });

  it('reports a secondary driver linked to an unknown primary driver', () => {
    const dir = example();
    const text = edit(dir, 'drivers', /primary: \[belonging\]\n(?= {2}- id: friendships)/, 'primary: [belong]\n');
    const r = sipp(['validate'], { cwd: dir });
    expect(problemLines(r.stdout)).toEqual([
      `${CYCLE}/drivers.yaml:${at(text, 'belong]')}: The secondary driver "Every learner knows at least one trusted adult at the acade…" is linked to \`belong\`, which is not a primary driver in drivers.yaml. Did you mean \`belonging\`?`,
    ]);
    expect(r.code).toBe(1);
  });

  it('reports primary drivers with no aim to lead to', () => {
    const dir = example();
    const text = edit(dir, 'drivers', /aim:\n( {2}.*\n)+/, '');
    const r = sipp(['validate'], { cwd: dir });
    expect(problemLines(r.stdout)).toEqual([
      `${CYCLE}/drivers.yaml:${at(text, 'primaryDrivers:')}: The driver diagram has primary drivers but no aim for them to lead to. Write the aim under \`aim:\`: what will improve, for whom, how much and by when.`,
    ]);
    expect(r.code).toBe(1);
  });

  it('reports an aim that lacks one of its four parts', () => {
    const dir = example();
    const text = edit(dir, 'drivers', / {2}byWhen: .*\n/, '');
    const r = sipp(['validate'], { cwd: dir });
    expect(problemLines(r.stdout)).toEqual([
      `${CYCLE}/drivers.yaml:${at(text, 'aim:')}: The aim is missing \`byWhen\`: the date it is to be reached by. An aim needs all four parts: what, for whom, how much and by when.`,
    ]);
    expect(r.code).toBe(1);
  });

  it('reports an id used twice in drivers.yaml', () => {
    const dir = example();
    const text = edit(dir, 'drivers', 'id: buddy-groups', 'id: welcome-call');
    const r = sipp(['validate'], { cwd: dir });
    const first = at(text, 'welcome-call').split(':')[0];
    expect(problemLines(r.stdout)).toEqual([
      `${CYCLE}/drivers.yaml:${at(text, 'welcome-call', 'id: morning-check-in')}: The id \`welcome-call\` is used twice in drivers.yaml (first on line ${first}). Give each driver and change idea its own id.`,
    ]);
    expect(r.code).toBe(1);
  });

  it('reports a PDSA id used twice', () => {
    const dir = example();
    const text = edit(dir, 'pdsa', 'id: pdsa-3', 'id: pdsa-2');
    const r = sipp(['validate'], { cwd: dir });
    const first = at(text, 'id: pdsa-2').split(':')[0];
    expect(problemLines(r.stdout)).toEqual([
      `${CYCLE}/pdsa.yaml:${at(text, 'pdsa-2', 'Run the adapted check-in')}: The PDSA cycle id \`pdsa-2\` is used twice in pdsa.yaml (first on line ${first}). Give each PDSA cycle its own id, for example pdsa-3.`,
    ]);
    expect(r.code).toBe(1);
  });

  it('reports a measure id in a PDSA plan that measures.yaml does not define', () => {
    const dir = example();
    const text = edit(dir, 'pdsa', 'measures: [check-ins-attended]', 'measures: [check-ins-atended]');
    const r = sipp(['validate'], { cwd: dir });
    expect(problemLines(r.stdout)).toEqual([
      `${CYCLE}/pdsa.yaml:${at(text, 'check-ins-atended')}: PDSA cycle pdsa-2 collects the measure \`check-ins-atended\`, which is not defined in this cycle's measures.yaml. Did you mean \`check-ins-attended\`?`,
    ]);
    expect(r.code).toBe(1);
  });

  it('reports a study result for a question the plan does not have', () => {
    const dir = example();
    const text = edit(
      dir,
      'pdsa',
      '- question: q3\n          result: Six to seven',
      '- question: q4\n          result: Six to seven',
    );
    const r = sipp(['validate'], { cwd: dir });
    expect(problemLines(r.stdout)).toEqual([
      `${CYCLE}/pdsa.yaml:${at(text, 'q4')}: This result is for the question \`q4\`, which the plan of PDSA cycle pdsa-3 does not have. Its questions are \`q1\`, \`q2\`, \`q3\`.`,
    ]);
    expect(r.code).toBe(1);
  });

  it('reports a family of measures with no outcome measure', () => {
    const dir = example();
    const text = edit(dir, 'measures', 'type: outcome', 'type: qualitative');
    const r = sipp(['validate'], { cwd: dir });
    expect(problemLines(r.stdout)).toEqual([
      `${CYCLE}/measures.yaml:${at(text, 'measures:')}: There is no outcome measure: mark at least one measure \`type: outcome\` (the result for learners that the aim is about, for example attendance).`,
    ]);
    expect(r.code).toBe(1);
  });

  it('reports a family of measures with no process measure', () => {
    const dir = example();
    const file = path.join(dir, CYCLE, 'measures.yaml');
    const text = readFileSync(file, 'utf8').replaceAll('type: process', 'type: qualitative');
    writeFileSync(file, text);
    const r = sipp(['validate'], { cwd: dir });
    expect(problemLines(r.stdout)).toEqual([
      `${CYCLE}/measures.yaml:${at(text, 'measures:')}: There is no process measure: mark at least one measure \`type: process\` (whether the changes are happening as planned, for example the share of welcome calls made).`,
    ]);
    expect(r.code).toBe(1);
  });

  it('warns, without failing, when there is no balancing measure; --strict fails', () => {
    const dir = example();
    const text = edit(dir, 'measures', 'type: balancing', 'type: process');
    const expected = [
      `${CYCLE}/measures.yaml:${at(text, 'measures:')}: warning: There is no balancing measure: add one with \`type: balancing\` to check that nothing else gets worse because of the changes (for example staff time, or the attendance of other learners).`,
    ];
    const r = sipp(['validate'], { cwd: dir });
    expect(problemLines(r.stdout)).toEqual(expected);
    expect(r.code).toBe(0);
    const strict = sipp(['validate', '--strict'], { cwd: dir });
    expect(problemLines(strict.stdout)).toEqual(expected);
    expect(strict.code).toBe(1);
  });

  it('warns when a study result has no prediction to compare with', () => {
    const dir = example();
    const text = edit(dir, 'pdsa', / {10}prediction: Nine of the twelve.*\n/, '');
    const r = sipp(['validate'], { cwd: dir });
    expect(problemLines(r.stdout)).toEqual([
      `${CYCLE}/pdsa.yaml:${at(text, 'q1', 'id: pdsa-2', 'results:')}: warning: The result for question \`q1\` of PDSA cycle pdsa-2 has no prediction to compare it with: the plan gives none for that question. Write predictions in the plan before the test.`,
    ]);
    expect(r.code).toBe(0);
    expect(sipp(['validate', '--strict'], { cwd: dir }).code).toBe(1);
  });

  it('warns when an act decision has no rationale', () => {
    const dir = example();
    const text = edit(dir, 'pdsa', / {6}rationale: >-\n {8}Same-day contact(.*\n)+?(?= {6}nextCycle)/, '');
    const r = sipp(['validate'], { cwd: dir });
    expect(problemLines(r.stdout)).toEqual([
      `${CYCLE}/pdsa.yaml:${at(text, 'adopt', 'id: pdsa-3')}: warning: PDSA cycle pdsa-3 decides to adopt the change idea but gives no reason. Write the evidence behind the decision under \`rationale:\`, so that partners can see why.`,
    ]);
    expect(r.code).toBe(0);
    expect(sipp(['validate', '--strict'], { cwd: dir }).code).toBe(1);
  });

  it('warns when the predictions of a PDSA plan are dated after its test, naming both dates', () => {
    const dir = example();
    const text = edit(dir, 'pdsa', 'date: 2025-05-08', 'date: 2025-05-20');
    const r = sipp(['validate'], { cwd: dir });
    const warning = (q: string, prediction: string): string =>
      `${CYCLE}/pdsa.yaml:${at(text, prediction)}: warning: The prediction for question ${q} of PDSA cycle pdsa-1 was written on 20 May 2025, after the test of PDSA cycle pdsa-1 (recorded on 19 May 2025 in pdsa.yaml). Write predictions before you collect the data, so that they can be tested.`;
    expect(problemLines(r.stdout)).toEqual([
      warning('q1', '18 of the 24'),
      warning('q2', 'Mostly uniform'),
      warning('q3', 'At least 22 of the 24'),
    ]);
    expect(r.code).toBe(0);
  });
});

describe('sipp brief on an Improvement Science cycle', () => {
  it('draws the driver diagram as inline SVG in HTML and as a Mermaid block in Markdown, escaping hostile labels', () => {
    const dir = example();
    edit(
      dir,
      'drivers',
      'name: Families trust the academy and know whom to contact',
      `name: 'Families "trust" <the> academy & #1 [start]'`,
    );
    const out = path.join(dir, 'out');
    const r = sipp(['brief', '--out', out], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const html = readFileSync(path.join(out, '01-attendance-at-transition-2025-26.html'), 'utf8');
    expect(html).toMatch(/<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="driver-diagram" [^>]*role="img"/);
    expect(html).toContain('<title id="driver-diagram-title">Driver diagram</title>');
    expect(html).toContain('>Families &#34;trust&#34;</tspan>');
    expect(html).toContain('&#60;the&#62;');
    expect(html).toContain(
      '<li><span class="kind">Primary driver:</span> Families &quot;trust&quot; &lt;the&gt; academy &amp; #1 [start]',
    );
    expect(html).not.toContain('<the>');
    const md = readFileSync(path.join(out, '01-attendance-at-transition-2025-26.md'), 'utf8');
    const mermaid = /```mermaid\n([\s\S]*?)\n```\n/.exec(md)?.[1] ?? '';
    expect(mermaid.split('\n')[0]).toBe('flowchart LR');
    expect(mermaid).toContain('p2["Families #quot;trust#quot; #lt;the#gt;');
    expect(mermaid).toContain('#amp; #35;1 [start]"]');
    expect(mermaid).toContain('    aim --- p1');
    expect(md).toContain('  - **Primary driver:** Families "trust" &lt;the&gt; academy & #1 [start]');
    expect(md).toContain(
      '| pdsa-3 | A text and a call home on the first morning of any absence, from the named contact | Done | Done | Done | Done |',
    );
    expect(md).toContain('## 7. For the next meeting: adopt, adapt or abandon?');
  });

  it('renders a fresh cycle, saying what is not there yet', () => {
    const dir = newProject(['--method', 'improvement-science']);
    sipp(['cycle', 'Attendance'], { cwd: dir });
    const out = path.join(dir, 'out');
    const r = sipp(['brief', '--out', out], { cwd: dir });
    expect(r.code).toBe(0);
    const md = readFileSync(path.join(out, '01-attendance.md'), 'utf8');
    expect(md).toContain(
      '_No driver diagram yet: add primary drivers, secondary drivers and change ideas to drivers.yaml._',
    );
    expect(md).toContain('_No PDSA cycles yet: plan the first small test of a change idea in pdsa.yaml._');
    expect(md).toContain('_The aim is not complete yet: 0 of 4 parts recorded._');
  });
});
