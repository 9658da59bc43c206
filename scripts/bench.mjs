// `npm run bench`: a benchmark, not a test. In a temporary folder it builds a synthetic project of 500 cycles
// from the example's own records (also committed to a Git repository, as teams keep it) and a class table of
// 10,000 learners, then times the built CLI, each command in a new process, as a teacher runs it: start-up
// (`--version`, `--help`) beside a bare `node -e ""`; `validate` with no cache, on a first run (empty cache, which
// it fills) and with the cache filled; `brief`; `data import` of the table and `analyse`. It prints the median,
// minimum and maximum wall time of several runs and, on Linux, the median CPU time (which a busy machine
// stretches far less), and checks the aims of issue 2 on the medians: --version within 1.3x of bare Node,
// validate of 500 cycles under 1 s; and those of issue 10 (section 5), beside peers run on the same files in the
// same run (js-yaml + ajv, PyYAML + jsonschema; each row shows its peak memory): validate of 500 cycles cold
// within 0.8 s, of 5,000 cycles within 4 s and 200 MB, brief of 500 cycles within 3 s cold (beside a
// Handlebars-only render of the same records) and 1 s when one cycle changed. It fails only when a command fails,
// never on a slow time.
// Options: --cycles <n> (default 500), --big <n> (cycles of the large project, default 5000), --runs <n> (runs of the start-up commands, default 15; the slow ones
// get a third of that, at least 3), --rows <n> (learners in the table, default 10000), --keep (keep the
// temporary folder and print where it is, to look into a slow or failing command).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const bin = path.join(root, 'bin', 'sipp.js');
const example = path.join(root, 'examples', 'northfield-reading');
const RECORDS = ['question', 'baseline', 'intervention', 'measures', 'reflections'];

const cycles = numberOption('--cycles', 500);
const fastRuns = numberOption('--runs', 15);
const rows = numberOption('--rows', 10_000);
const slowRuns = Math.max(3, Math.round(fastRuns / 3));
const keep = process.argv.includes('--keep');
// Cycle numbers run 01 to 999, so in a project of 5,000 cycles the folders past 999 are reported as misnamed (the
// run exits 1 for that); every record of every cycle is still read and checked, which is what is timed.
const bigCycles = numberOption('--big', 5000);

/** Adds a series of `count` daily points to the first measure of a measures.yaml. */
function appendLongSeries(file, count) {
  const text = readFileSync(file, 'utf8');
  const measure = /^\s*- id: ([a-z0-9-]+)/m.exec(text)?.[1];
  const start = Date.UTC(1990, 0, 1);
  const points = Array.from({ length: count }, (_, i) => {
    const date = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
    return `      - { date: ${date}, value: ${40 + ((i * 7919) % 21)} }`;
  });
  const series = `  - measure: ${measure}\n    group: Every day\n    points:\n${points.join('\n')}\n`;
  writeFileSync(
    file,
    text.replace(
      /^series:.*$/m,
      (line) => `series:\n${series}${line.replace(/^series:\s*\[\]\s*$/, '').replace(/^series:/, '')}`,
    ),
  );
}

/**
 * The peers of `validate` (issue 10): the same files read and checked against the same schemas by js-yaml + ajv
 * in Node and by PyYAML + jsonschema in Python, with no line numbers, no rules across records and no messages
 * for teachers. Each is written into the work folder; a peer whose libraries are missing is left out.
 */
function validatePeers(work) {
  const peers = [];
  const ajvPath = path.join(root, 'node_modules', 'ajv', 'dist', '2020.js');
  let jsYaml;
  try {
    jsYaml = createRequire(path.join(root, 'package.json')).resolve('js-yaml');
  } catch {
    jsYaml = undefined;
  }
  if (jsYaml && existsSync(ajvPath)) {
    const script = path.join(work, 'peer-ajv.cjs');
    writeFileSync(
      script,
      `const fs = require('node:fs'), path = require('node:path');
const yaml = require(${JSON.stringify(jsYaml)});
const Ajv = require(${JSON.stringify(ajvPath)}).default;
const addFormats = require(${JSON.stringify(path.join(root, 'node_modules', 'ajv-formats'))});
const schemas = ${JSON.stringify(path.join(root, 'schemas'))};
const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false });
addFormats(ajv, ['date']);
for (const f of fs.readdirSync(schemas)) ajv.addSchema(JSON.parse(fs.readFileSync(path.join(schemas, f), 'utf8')));
let errors = 0;
const check = (file, record) => { if (!ajv.validate(record + '.schema.json', yaml.load(fs.readFileSync(file, 'utf8'), { schema: yaml.CORE_SCHEMA }))) errors += ajv.errors.length; };
check('sipp.yaml', 'sipp');
for (const c of fs.readdirSync('cycles')) for (const r of ${JSON.stringify(RECORDS)}) check(path.join('cycles', c, r + '.yaml'), r);
`,
    );
    peers.push(['js-yaml + ajv, the same files (a peer)', [script]]);
  }
  const python = spawnSync('python3', ['-c', 'import yaml, jsonschema, referencing'], { encoding: 'utf8' });
  if (python.status === 0) {
    const script = path.join(work, 'peer-jsonschema.py');
    writeFileSync(
      script,
      `import json, os, resource, yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
schemas = ${JSON.stringify(path.join(root, 'schemas'))}
loaded = {f: json.load(open(os.path.join(schemas, f))) for f in os.listdir(schemas)}
registry = Registry().with_resources([(f, Resource.from_contents(s)) for f, s in loaded.items()])
validators = {f: Draft202012Validator(s, registry=registry) for f, s in loaded.items()}
Loader = getattr(yaml, 'CSafeLoader', yaml.SafeLoader)
errors = 0
def check(file, record):
    global errors
    with open(file) as f:
        errors += sum(1 for _ in validators[record + '.schema.json'].iter_errors(yaml.load(f, Loader=Loader)))
check('sipp.yaml', 'sipp')
for c in os.listdir('cycles'):
    for r in ${JSON.stringify(RECORDS).replace(/"/g, "'")}:
        check(os.path.join('cycles', c, r + '.yaml'), r)
out = os.environ.get('SIPP_BENCH_MAXRSS')
if out:
    open(out, 'w').write(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))
`,
    );
    peers.push(['PyYAML + jsonschema, the same files (a peer)', ['python3', script]]);
  }
  return peers;
}

/**
 * The peer of `brief` (issue 10): the same records read with js-yaml and rendered with Handlebars into one HTML
 * file per cycle, every answer written out, with no analysis, no charts and no disclosure control. Its time is
 * what templating alone costs; undefined when js-yaml is missing.
 */
function briefPeer(work) {
  let jsYaml;
  try {
    jsYaml = createRequire(path.join(root, 'package.json')).resolve('js-yaml');
  } catch {
    return undefined;
  }
  const script = path.join(work, 'peer-handlebars.cjs');
  writeFileSync(
    script,
    `const fs = require('node:fs'), path = require('node:path');
const yaml = require(${JSON.stringify(jsYaml)});
const Handlebars = require(${JSON.stringify(path.join(root, 'node_modules', 'handlebars'))});
Handlebars.registerPartial('value', '{{#if (isList this)}}<ul>{{#each this}}<li>{{> value this}}</li>{{/each}}</ul>{{else if (isGroup this)}}<dl>{{#each this}}<dt>{{@key}}</dt><dd>{{> value this}}</dd>{{/each}}</dl>{{else}}{{this}}{{/if}}');
Handlebars.registerHelper('isList', (v) => Array.isArray(v));
Handlebars.registerHelper('isGroup', (v) => v !== null && typeof v === 'object' && !Array.isArray(v));
const page = Handlebars.compile('<!doctype html><html><head><meta charset="utf-8"><title>{{title}}</title></head><body><h1>{{title}}</h1>{{#each records}}<section><h2>{{@key}}</h2>{{> value this}}</section>{{/each}}</body></html>');
const out = process.argv[2];
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });
for (const c of fs.readdirSync('cycles').sort()) {
  const records = {};
  for (const r of ${JSON.stringify(RECORDS)}) records[r] = yaml.load(fs.readFileSync(path.join('cycles', c, r + '.yaml'), 'utf8'));
  fs.writeFileSync(path.join(out, c + '.html'), page({ title: records.question.title, records }));
}
`,
  );
  return [script];
}

function numberOption(name, fallback) {
  const i = process.argv.indexOf(name);
  const value = i === -1 ? fallback : Number(process.argv[i + 1]);
  if (!Number.isInteger(value) || value < 1) {
    console.error(`${name} needs a whole number of 1 or more.`);
    process.exit(2);
  }
  return value;
}

if (!existsSync(path.join(root, 'dist', 'cli', 'main.js'))) {
  console.error('sipp is not built yet: run `npm run build` first (`npm run bench` does it for you).');
  process.exit(1);
}

/**
 * A copy of the example with `count` cycles made from the example's two: a complete cycle (every record filled
 * in, about 20 KB) and a lighter one in progress (about 9 KB), taken in turn, so a record is 3 KB on average,
 * what a team writes in a cycle. Each cycle has its own number, folder and title. Returns the YAML's size.
 */
function syntheticProject(dir, count) {
  cpSync(example, dir, { recursive: true });
  const cyclesDir = path.join(dir, 'cycles');
  const templates = readdirSync(cyclesDir)
    .sort()
    .map((folder) => ({
      slug: folder.replace(/^\d+-/, ''),
      records: RECORDS.map((r) => [r, readFileSync(path.join(cyclesDir, folder, `${r}.yaml`), 'utf8')]),
    }));
  rmSync(cyclesDir, { recursive: true });
  let bytes = readFileSync(path.join(dir, 'sipp.yaml')).length;
  for (let n = 1; n <= count; n++) {
    const template = templates[(n - 1) % templates.length];
    const folder = path.join(cyclesDir, `${String(n).padStart(2, '0')}-${template.slug}`);
    mkdirSync(folder, { recursive: true });
    for (const [record, text] of template.records) {
      // Each cycle's figures differ a little (means and series values), so that every chart differs, as in a real
      // project: identical copies would let the in-memory chart memo hide most of the cost of drawing (issue 10).
      const own =
        record === 'question'
          ? text.replace(/^title: (.*)$/m, `title: $1 (cycle ${n})`)
          : record === 'measures'
            ? text.replace(
                /\b(mean|value): (\d+(?:\.\d+)?)/g,
                (_, key, v) => `${key}: ${(Number(v) + (n % 23) / 10).toFixed(1)}`,
              )
            : text;
      writeFileSync(path.join(folder, `${record}.yaml`), own);
      bytes += Buffer.byteLength(own);
    }
  }
  return bytes;
}

/** Makes `dir` a Git repository with everything in one commit, as `sipp init` does; false without git. */
function commitAll(dir) {
  const identity = ['-c', 'user.name=sipp bench', '-c', 'user.email=bench@example.org', '-c', 'commit.gpgsign=false'];
  for (const args of [
    ['init', '--quiet'],
    ['add', '--all'],
    [...identity, 'commit', '--quiet', '-m', 'Synthetic project'],
  ]) {
    const r = spawnSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' } });
    if (r.status !== 0) return false;
  }
  return true;
}

/** A pupil-level table as a spreadsheet exports it: pseudonymous codes, two groups, SIMD, FSM, two scores. */
function classTable(count) {
  const lines = ['learner,group,simd,fsm,before,after'];
  for (let i = 1; i <= count; i++) {
    const simd = 1 + ((i * 7) % 5);
    const before = 12 + ((i * 13) % 25);
    const gain = (i % 2 === 1 ? 3 : 1) + (i % 4);
    const group = i % 2 === 1 ? 'intervention' : 'comparison';
    lines.push(
      `P${String(i).padStart(5, '0')},${group},${simd},${simd <= 2 ? 'yes' : 'no'},${before},${Math.min(40, before + gain)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** A learner-level dated series: `learners` codes, each with a yes/no answer on each of `dates` weekly dates. */
function seriesTable(learners, dates) {
  const lines = ['learner,date,value'];
  const start = Date.UTC(2020, 0, 6);
  for (let d = 0; d < dates; d++) {
    const date = new Date(start + d * 7 * 86_400_000).toISOString().slice(0, 10);
    for (let i = 1; i <= learners; i++)
      lines.push(`S${String(i).padStart(4, '0')},${date},${(i * 31 + d * 17) % 3 === 0 ? 'no' : 'yes'}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * CPU time (user + system, ms) of this process's finished children, from Linux's /proc/self/stat (fields 16
 * and 17, in clock ticks of 10 ms); undefined elsewhere. A busy machine stretches wall times, hardly CPU times.
 */
function childrenCpuMs() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return undefined;
  }
}

/**
 * Peak memory: a node command is run with a preload that writes its maximum resident set size (KB) to the file
 * named by SIPP_BENCH_MAXRSS when it exits; a Python peer writes its own. `preload` and `rssFile` are set up in
 * the work folder below.
 */
function readPeakMb() {
  try {
    const kb = Number(readFileSync(rssFile, 'utf8').trim());
    rmSync(rssFile, { force: true });
    return Number.isFinite(kb) && kb > 0 ? kb / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs a command once; returns its wall and CPU times in ms, or throws with its output when it fails (exits with
 * a code not in `exits`).
 */
function timeOnce(args, cwd, env, exits = [0]) {
  const command = args[0] === 'python3' ? 'python3' : process.execPath;
  const commandArgs = args[0] === 'python3' ? args.slice(1) : ['--require', preload, ...args];
  rmSync(rssFile, { force: true });
  const cpuBefore = childrenCpuMs();
  const start = process.hrtime.bigint();
  const r = spawnSync(command, commandArgs, {
    cwd,
    encoding: 'utf8',
    // 5,000 cycles' problems are several MB of output: past spawnSync's 1 MB, the command would be stopped.
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', SIPP_BENCH_MAXRSS: rssFile, ...env },
  });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  const cpuAfter = childrenCpuMs();
  if (!exits.includes(r.status)) {
    const output = `${r.stdout ?? ''}${r.stderr ?? ''}`.split('\n').slice(0, 15).join('\n');
    throw new Error(`\`${args.join(' ')}\` exited with ${r.status ?? r.signal}:\n${output}`);
  }
  return {
    wall,
    cpu: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore,
    mb: readPeakMb(),
  };
}

function median(sorted) {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Times `runs` runs, each in a new process, after `warmups` untimed ones (they fill the operating system's file
 * cache, so the first timed run reads files from memory like the others). `before` runs before every run,
 * timed or not, outside the timing: it puts back what the command changes.
 */
function measure(args, cwd, { runs, warmups = 1, before = () => {}, env = {}, exits = [0] }) {
  for (let i = 0; i < warmups; i++) {
    before();
    timeOnce(args, cwd, env, exits);
  }
  const samples = [];
  for (let i = 0; i < runs; i++) {
    before();
    samples.push(timeOnce(args, cwd, env, exits));
  }
  const walls = samples.map((t) => t.wall).sort((a, b) => a - b);
  const cpus = samples.every((t) => t.cpu !== undefined) ? samples.map((t) => t.cpu).sort((a, b) => a - b) : [];
  const mbs = samples.every((t) => t.mb !== undefined) ? samples.map((t) => t.mb).sort((a, b) => a - b) : [];
  return {
    mb: mbs.length > 0 ? median(mbs) : undefined,
    median: median(walls),
    min: walls[0],
    max: walls[walls.length - 1],
    cpu: cpus.length > 0 ? median(cpus) : undefined,
    runs,
  };
}

const work = mkdtempSync(path.join(tmpdir(), 'sipp-bench-'));
const preload = path.join(work, 'peak-memory.cjs');
const rssFile = path.join(work, 'peak-memory.txt');
writeFileSync(
  preload,
  `process.on('exit', () => { if (process.env.SIPP_BENCH_MAXRSS) require('node:fs').writeFileSync(process.env.SIPP_BENCH_MAXRSS, String(process.resourceUsage().maxRSS)); });\n`,
);
let failed = false;
try {
  const project = path.join(work, 'project');
  const bytes = syntheticProject(project, cycles);
  const records = cycles * RECORDS.length;
  console.log(
    `Synthetic project: ${cycles} cycles, ${records} records, ${(bytes / 1024 / 1024).toFixed(1)} MB of YAML ` +
      `(${(bytes / records / 1024).toFixed(1)} KB a record on average), in ${project}`,
  );

  // The same records ten times over (issue 10 asks about 5,000 cycles), timed once each: memory must stay flat.
  const big = path.join(work, 'project-big');
  const bigBytes = bigCycles > 0 ? syntheticProject(big, bigCycles) : 0;
  if (bigCycles > 0)
    console.log(
      `Large project: ${bigCycles.toLocaleString('en-GB')} cycles, ${(bigBytes / 1024 / 1024).toFixed(1)} MB of YAML, in ${big}` +
        (bigCycles > 999
          ? ' (the folders numbered past 999 are reported as misnamed; every record is read and checked)'
          : ''),
    );
  // A fifth of the project, for how the memory of `sipp brief` grows with the number of cycles.
  const smallCycles = Math.max(1, Math.round(cycles / 5));
  const fifth = path.join(work, 'project-fifth');
  syntheticProject(fifth, smallCycles);
  const peers = validatePeers(work);
  const handlebarsPeer = briefPeer(work);

  // Teams keep their projects in Git, and some rules read its history: the same project, committed.
  const inGit = path.join(work, 'project-in-git');
  cpSync(project, inGit, { recursive: true });
  const committed = commitAll(inGit);
  if (!committed) console.log('git is not installed (or failed): the rows for a project in Git are left out.');

  // The cache of parsed files lives in the temporary folder, never in the user's ~/.cache.
  const cacheDir = path.join(work, 'cache');
  const cached = { SIPP_CACHE_DIR: cacheDir };
  const noCache = { SIPP_NO_CACHE: '1', SIPP_CACHE_DIR: cacheDir };
  const emptyCache = () => rmSync(cacheDir, { recursive: true, force: true });
  const out = path.join(work, 'briefings');
  const noBriefings = () => rmSync(out, { recursive: true, force: true });
  // One cycle's figure moves a little before each run: the rest are as the last run left them.
  let touches = 0;
  const touchOneCycle = () => {
    const file = path.join(project, 'cycles', readdirSync(path.join(project, 'cycles')).sort()[0], 'measures.yaml');
    touches += 1;
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        /\bmean: (\d+(?:\.\d+)?)/,
        (_, v) => `mean: ${(Number(v) + 0.1 * (touches % 2 ? 1 : -1)).toFixed(1)}`,
      ),
    );
  };

  // A copy of the example (two cycles) takes the class table: importing it replaces cycle 1's reading scores.
  const small = path.join(work, 'import');
  cpSync(example, small, { recursive: true });
  writeFileSync(path.join(small, 'class.csv'), classTable(rows));
  const measuresFile = path.join(small, 'cycles', '01-paired-reading', 'measures.yaml');
  const measuresText = readFileSync(measuresFile, 'utf8');
  const freshImport = () => {
    writeFileSync(measuresFile, measuresText);
    rmSync(path.join(small, 'data', 'private', '01-paired-reading'), { recursive: true, force: true });
  };
  // The example again, with one hand-kept dated series of 12,000 points (a school's daily attendance over decades):
  // its run-chart limits once took 22 s; analysed beside the plain example, the ratio is the cost of the length.
  const longSeries = path.join(work, 'long-series');
  cpSync(example, longSeries, { recursive: true });
  appendLongSeries(path.join(longSeries, 'cycles', '02-reading-buddies-at-home', 'measures.yaml'), 12_000);
  const plain = path.join(work, 'plain-example');
  cpSync(example, plain, { recursive: true });

  const importArgs = ['data', 'import', 'class.csv', '--cycle', '1', '--measure', 'reading-enjoyment', '--yes'];
  // 10,000 dated rows (100 learners × 100 weeks), and its floor: csv-parse reading the same file.
  writeFileSync(path.join(small, 'checkins.csv'), seriesTable(100, 100));
  const seriesArgs = ['data', 'import', 'checkins.csv', '--cycle', '1', '--measure', 'reads-for-pleasure', '--yes'];
  const parseFloor = [
    '--input-type=module',
    '-e',
    `import { parse } from ${JSON.stringify(path.join(root, 'node_modules', 'csv-parse', 'lib', 'sync.js'))}; import { readFileSync } from 'node:fs'; parse(readFileSync('checkins.csv'));`,
  ];

  const fast = { runs: fastRuns, warmups: 2 };
  const slow = { runs: slowRuns };
  const sections = [
    [
      'Start-up',
      [
        ['node -e ""', () => measure(['-e', ''], project, fast)],
        ['sipp --version', () => measure([bin, '--version'], project, fast)],
        ['sipp --help', () => measure([bin, '--help'], project, fast)],
      ],
    ],
    [
      `${cycles} cycles`,
      [
        ...peers.map(([name, args]) => [name, () => measure(args, project, slow)]),
        ['sipp validate, no cache', () => measure([bin, 'validate'], project, { ...slow, env: noCache })],
        [
          'sipp validate, first run (fills the cache)',
          () => measure([bin, 'validate'], project, { ...slow, env: cached, before: emptyCache }),
        ],
        ['sipp validate, cache filled', () => measure([bin, 'validate'], project, { ...slow, env: cached })],
        ...(handlebarsPeer
          ? [
              [
                'js-yaml + Handlebars, the same records (a peer)',
                () => measure([...handlebarsPeer, out], project, { ...slow, before: noBriefings }),
              ],
            ]
          : []),
        [
          'sipp brief (Markdown and HTML)',
          () =>
            measure([bin, 'brief', '--out', out], project, { ...slow, warmups: 0, env: noCache, before: noBriefings }),
        ],
        [
          'sipp brief, charts drawn in its own process (one run)',
          () =>
            measure([bin, 'brief', '--out', out], project, {
              runs: 1,
              warmups: 0,
              env: { ...noCache, SIPP_CHART_WORKERS: '0' },
              before: noBriefings,
            }),
        ],
        [
          `sipp brief, ${smallCycles} cycles (a fifth; one run)`,
          () =>
            measure([bin, 'brief', '--out', out], fifth, { runs: 1, warmups: 0, env: noCache, before: noBriefings }),
        ],
        [
          'sipp brief, one cycle changed since the last run',
          () =>
            measure([bin, 'brief', '--out', out], project, {
              ...slow,
              warmups: 1,
              env: cached,
              before: touchOneCycle,
            }),
        ],
      ],
    ],
    [
      `${bigCycles.toLocaleString('en-GB')} cycles (one run each)`,
      [
        ...peers.map(([name, args]) => [`${name} `, () => measure(args, big, { runs: 1 })]),
        [
          'sipp validate, no cache ',
          // Exit 1: the folders numbered past 999 are reported as misnamed.
          () => measure([bin, 'validate'], big, { runs: 1, env: noCache, exits: bigCycles > 999 ? [1] : [0] }),
        ],
      ].filter(() => bigCycles > 0),
    ],
    [
      `The same ${cycles} cycles in a Git repository (one commit)`,
      [
        ['sipp validate, no cache (Git)', () => measure([bin, 'validate'], inGit, { ...slow, env: noCache })],
        ['sipp validate, cache filled (Git)', () => measure([bin, 'validate'], inGit, { ...slow, env: cached })],
      ].filter(() => committed),
    ],
    [
      `A class table of ${rows.toLocaleString('en-GB')} learners`,
      [
        [
          `sipp data import (${rows} rows)`,
          () => measure([bin, ...importArgs], small, { ...slow, before: freshImport }),
        ],
        ['sipp analyse (after the import)', () => measure([bin, 'analyse'], small, slow)],
      ],
    ],
    [
      'A learner-level dated series of 10,000 rows',
      [
        ['csv-parse alone (the floor)', () => measure(parseFloor, small, slow)],
        [
          'sipp data import (10,000 dated rows)',
          () => measure([bin, ...seriesArgs], small, { ...slow, before: freshImport }),
        ],
      ],
    ],
    [
      'A dated series of 12,000 points',
      [
        ['sipp analyse, the example', () => measure([bin, 'analyse'], plain, slow)],
        ['sipp analyse, with the long series', () => measure([bin, 'analyse'], longSeries, slow)],
      ],
    ],
  ];

  const load = loadavg()[0];
  console.log(
    `Node ${process.version}, ${availableParallelism()} cores, load average ${load.toFixed(2)} at the start.`,
  );
  if (load > availableParallelism() / 2) console.log('The machine is busy: times will be longer and vary more.');

  const ms = (x) => `${x.toFixed(0).padStart(6)} ms`;
  const results = new Map();
  const width = Math.max(
    ...sections.flatMap(([title, rowsOfSection]) => [title.length, ...rowsOfSection.map(([name]) => name.length + 2)]),
  );
  for (const [title, rowsOfSection] of sections) {
    if (rowsOfSection.length === 0) continue;
    console.log(
      `\n${title.padEnd(width)}  ${'median'.padStart(9)}  ${'min'.padStart(9)}  ${'max'.padStart(9)}  ${'cpu'.padStart(9)}  ${'peak'.padStart(7)}  runs`,
    );
    for (const [name, run] of rowsOfSection) {
      const r = run();
      results.set(name, r);
      const cpu = r.cpu === undefined ? '-'.padStart(9) : ms(r.cpu);
      const mb = r.mb === undefined ? '-'.padStart(7) : `${r.mb.toFixed(0).padStart(4)} MB`;
      console.log(`  ${name.padEnd(width - 2)}  ${ms(r.median)}  ${ms(r.min)}  ${ms(r.max)}  ${cpu}  ${mb}  ${r.runs}`);
    }
  }

  const bare = results.get('node -e ""');
  const version = results.get('sipp --version');
  const verdict = (ok) => (ok ? 'ok' : 'MISSED');
  const ratio = (a, b) => `${(a / b).toFixed(2)}x`;
  const seconds = (x) => `${(x / 1000).toFixed(2)} s`;
  const cpuRatio = version.cpu !== undefined && bare.cpu ? `, CPU ${ratio(version.cpu, bare.cpu)}` : '';
  console.log('\nAims (issue 2), judged on the median wall times:');
  console.log(
    `  sipp --version / node -e "": ${ratio(version.median, bare.median)} (min ${ratio(version.min, bare.min)}${cpuRatio}); ` +
      `aim at most 1.3x: ${verdict(version.median <= 1.3 * bare.median)}`,
  );
  for (const name of ['sipp validate, no cache', 'sipp validate, cache filled', 'sipp validate, cache filled (Git)']) {
    if (!results.has(name)) continue;
    const { median, min } = results.get(name);
    console.log(`  ${name}: ${seconds(median)} (min ${seconds(min)}); aim under 1 s: ${verdict(median < 1000)}`);
  }
  const BRIEF_PEER = 'js-yaml + Handlebars, the same records (a peer)';
  const memory = (r) => (r.mb === undefined ? '' : `, ${r.mb.toFixed(0)} MB`);
  console.log('Aims (issue 10, section 5), judged on the median wall times and peak memory:');
  const aim = (name, label, limitMs, limitMb) => {
    const r = results.get(name);
    if (!r) return;
    const mbOk = limitMb === undefined || r.mb === undefined || r.mb <= limitMb;
    const mbAim = limitMb === undefined ? '' : ` and ${limitMb} MB`;
    const vsPeers = (name.includes('validate') ? peers : name.includes('brief') ? [[BRIEF_PEER]] : [])
      .map(([peer]) => [peer.split(',')[0], results.get(name.endsWith(' ') ? `${peer} ` : peer)])
      .filter(([, p]) => p)
      .map(([peer, p]) => `${ratio(r.median, p.median)} ${peer}`)
      .join(', ');
    console.log(
      `  ${label}: ${seconds(r.median)}${memory(r)}${vsPeers ? ` (${vsPeers})` : ''}; ` +
        `aim ${seconds(limitMs)}${mbAim}: ${verdict(r.median <= limitMs && mbOk)}`,
    );
  };
  aim('sipp validate, no cache', `sipp validate, ${cycles} cycles, no cache`, 800);
  aim('sipp validate, no cache ', `sipp validate, ${bigCycles.toLocaleString('en-GB')} cycles, no cache`, 4000, 200);
  aim('sipp brief (Markdown and HTML)', `sipp brief, ${cycles} cycles, cold`, 3000);
  aim('sipp brief, one cycle changed since the last run', `sipp brief, ${cycles} cycles, one changed`, 1000);
  const briefAll = results.get('sipp brief (Markdown and HTML)');
  const briefFifth = results.get(`sipp brief, ${smallCycles} cycles (a fifth; one run)`);
  if (briefAll?.mb && briefFifth?.mb)
    console.log(
      `  sipp brief, peak memory of ${cycles} cycles / of ${smallCycles}: ${ratio(briefAll.mb, briefFifth.mb)} ` +
        `(${Math.round(briefFifth.mb)} MB -> ${Math.round(briefAll.mb)} MB); aim flat (1.00x): ` +
        verdict(briefAll.mb <= briefFifth.mb * 1.1),
    );
  const long = results.get('sipp analyse, with the long series');
  const peer = results.get('sipp analyse, the example');
  console.log(
    `  sipp analyse with a 12,000-point series / without it: ${ratio(long.median, peer.median)} ` +
      `(the cost of the series grows linearly; it took 22 s before issue 8)`,
  );
} catch (e) {
  console.error(`The benchmark stopped: ${e instanceof Error ? e.message : String(e)}`);
  failed = true;
} finally {
  if (keep) console.log(`\nKept the synthetic project, the class table and the cache in ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
