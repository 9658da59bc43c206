// `npm run bench`: a benchmark, not a test. Builds a synthetic project of 500 cycles from the example's records in a
// temporary folder, then reports the median wall time of `sipp validate`, `sipp brief`, `sipp --version` and a bare
// `node -e ""`. Aims (from the issue): --version within 1.3x of bare Node start-up, validate under 1 s. sipp's
// parse cache is kept in the temporary folder too, and validate is timed with and without it.
// Options: --cycles <n> (default 500), --runs <n> (runs of the fast commands, default 15), --keep (keep the
// synthetic project and print where it is, to look into a slow or failing command).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const bin = path.join(root, 'bin', 'sipp.js');
const example = path.join(root, 'examples', 'northfield-reading');
const RECORDS = ['question', 'baseline', 'intervention', 'measures', 'reflections'];

const cycles = numberOption('--cycles', 500);
const fastRuns = numberOption('--runs', 15);
const slowRuns = Math.max(3, Math.round(fastRuns / 3));
const keep = process.argv.includes('--keep');

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

/** A copy of the example with its cycles replaced by `count` renumbered copies of the example's own cycles. */
function syntheticProject(dir, count) {
  cpSync(example, dir, { recursive: true });
  const cyclesDir = path.join(dir, 'cycles');
  const templates = readdirSync(cyclesDir)
    .sort()
    .map((folder) => ({
      slug: folder.replace(/^\d+-/, ''),
      records: Object.fromEntries(
        RECORDS.map((r) => [r, readFileSync(path.join(cyclesDir, folder, `${r}.yaml`), 'utf8')]),
      ),
    }));
  rmSync(cyclesDir, { recursive: true });
  for (let n = 1; n <= count; n++) {
    // Every cycle but the last is a copy of the complete first cycle; the last is the in-progress one.
    const template = n === count ? templates[templates.length - 1] : templates[0];
    const folder = path.join(cyclesDir, `${String(n).padStart(2, '0')}-${template.slug}`);
    mkdirSync(folder, { recursive: true });
    for (const [record, text] of Object.entries(template.records)) {
      const renamed = record === 'question' ? text.replace(/^title: (.*)$/m, `title: $1 (cycle ${n})`) : text;
      writeFileSync(path.join(folder, `${record}.yaml`), renamed);
    }
  }
}

/** Runs a command once; returns its wall time in milliseconds, or throws with its output when it fails. */
function timeOnce(args, cwd, env) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) {
    const output = `${r.stdout ?? ''}${r.stderr ?? ''}`.split('\n').slice(0, 15).join('\n');
    throw new Error(`\`${args.slice(1).join(' ') || args.join(' ')}\` exited with ${r.status ?? r.signal}:\n${output}`);
  }
  return ms;
}

/** Median wall time over `runs` runs, after one warm-up run (file cache, not the JIT: each run is a new process). */
function measure(args, cwd, runs, { before = () => {}, env = {} } = {}) {
  before(-1);
  timeOnce(args, cwd, env);
  const times = [];
  for (let i = 0; i < runs; i++) {
    before(i);
    times.push(timeOnce(args, cwd, env));
  }
  times.sort((a, b) => a - b);
  const mid = Math.floor(times.length / 2);
  const median = times.length % 2 ? times[mid] : (times[mid - 1] + times[mid]) / 2;
  return { median, min: times[0], max: times[times.length - 1], runs };
}

const work = mkdtempSync(path.join(tmpdir(), 'sipp-bench-'));
let failed = false;
try {
  const project = path.join(work, 'project');
  syntheticProject(project, cycles);
  console.log(`Synthetic project: ${cycles} cycles in ${project}\n`);

  const out = path.join(work, 'briefings');
  const clearOut = () => rmSync(out, { recursive: true, force: true });
  // sipp keeps a cache of parsed files per project: keep it in the temporary folder (SIPP_CACHE_DIR), and time
  // validate both without it (as on a first run, or with SIPP_NO_CACHE=1) and with it (as on every later run).
  const cached = { env: { SIPP_CACHE_DIR: path.join(work, 'cache') } };
  const uncached = { env: { SIPP_NO_CACHE: '1' } };
  const results = [
    ['node -e ""', measure(['-e', ''], project, fastRuns)],
    ['sipp --version', measure([bin, '--version'], project, fastRuns, cached)],
    [`sipp validate (${cycles} cycles, no cache)`, measure([bin, 'validate'], project, slowRuns, uncached)],
    [`sipp validate (${cycles} cycles, cached)`, measure([bin, 'validate'], project, slowRuns, cached)],
    [
      `sipp brief (${cycles} cycles)`,
      measure([bin, 'brief', '--out', out], project, slowRuns, { ...cached, before: clearOut }),
    ],
  ];

  const width = Math.max(...results.map(([name]) => name.length));
  const ms = (x) => `${x.toFixed(0).padStart(7)} ms`;
  console.log(
    `${'command'.padEnd(width)}  ${'median'.padStart(10)}  ${'min'.padStart(10)}  ${'max'.padStart(10)}  runs`,
  );
  for (const [name, r] of results) {
    console.log(`${name.padEnd(width)}  ${ms(r.median)}  ${ms(r.min)}  ${ms(r.max)}  ${r.runs}`);
  }

  const [bare, version, uncachedValidate, cachedValidate] = results.map(([, r]) => r.median);
  const ratio = version / bare;
  const verdict = (ok) => (ok ? 'ok' : 'MISSED');
  console.log('');
  console.log(`--version / bare node: ${ratio.toFixed(2)}x  (aim: at most 1.3x) ${verdict(ratio <= 1.3)}`);
  for (const [label, ms] of [
    ['no cache', uncachedValidate],
    ['cached', cachedValidate],
  ]) {
    console.log(
      `validate, ${cycles} cycles, ${label}: ${(ms / 1000).toFixed(2)} s  (aim: under 1 s) ${verdict(ms < 1000)}`,
    );
  }
} catch (e) {
  console.error(`The benchmark stopped: ${e instanceof Error ? e.message : String(e)}`);
  failed = true;
} finally {
  if (keep) console.log(`\nKept the synthetic project in ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
