// `npm run bench` (second part): the network view at scale (issue 11). In a temporary folder it makes N members
// (default 200), each a bare Git repository of a partnership with 10 cycles made from the Northfield example (the
// intervention's after mean varied per member, so effects differ), a network over them, and times the built CLI:
// `network pull` once (members in parallel), then `network status`, `network analyse` and `network brief`, each
// beside a bare `node -e ""` in the same run (the ratio is what to compare: these machines are noisy), and the same
// commands on half the members, to show that time grows linearly with members. A benchmark, not a test: it fails
// only when a command fails. Options: --members <n>, --runs <n> (default 3), --keep.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const bin = path.join(root, 'bin', 'sipp.js');
const example = path.join(root, 'examples', 'northfield-reading');
const option = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const members = option('--members', 200);
const runs = option('--runs', 3);
const CYCLES = 10;
const work = mkdtempSync(path.join(tmpdir(), 'sipp-bench-network-'));
const git = (cwd, ...args) => {
  const r = spawnSync('git', ['-c', 'user.email=bench@example.org', '-c', 'user.name=Bench', ...args], {
    cwd,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
};

/** One member: the example with its two cycles repeated to CYCLES, the after mean moved by `shift`. */
function member(dir, shift) {
  cpSync(example, dir, { recursive: true });
  const cycles = path.join(dir, 'cycles');
  const templates = readdirSync(cycles).sort();
  for (const t of templates) renameSync(path.join(cycles, t), path.join(dir, `template-${t}`));
  for (let n = 1; n <= CYCLES; n++) {
    const t = templates[(n - 1) % templates.length];
    const folder = path.join(cycles, `${String(n).padStart(2, '0')}-${t.replace(/^\d+-/, '')}`);
    cpSync(path.join(dir, `template-${t}`), folder, { recursive: true });
    const measures = path.join(folder, 'measures.yaml');
    writeFileSync(
      measures,
      readFileSync(measures, 'utf8').replace(
        'n: 91, mean: 27.2, sd: 5.9',
        `n: 91, mean: ${(27.2 + shift).toFixed(2)}, sd: 5.9`,
      ),
    );
  }
  for (const t of templates) rmSync(path.join(dir, `template-${t}`), { recursive: true });
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'The enquiry so far');
}

function network(name, count) {
  const dir = path.join(work, name);
  spawnSync(process.execPath, [bin, 'network', 'init', dir, '--title', `Bench network of ${count}`], {
    encoding: 'utf8',
  });
  const list = Array.from(
    { length: count },
    (_, i) => `  - name: m${i + 1}\n    source: ${path.join(work, 'repos', `m${i + 1}.git`)}\n`,
  );
  writeFileSync(path.join(dir, 'network.yaml'), `title: Bench network of ${count}\nmembers:\n${list.join('')}`);
  return dir;
}

function time(args, cwd) {
  const start = process.hrtime.bigint();
  const r = spawnSync(args[0], args.slice(1), { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0 && !(args.includes('pull') && r.status === 1)) {
    console.error(`${args.slice(2).join(' ')} failed (${r.status}): ${r.stderr.slice(0, 500)}`);
    process.exit(1);
  }
  return ms;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const sippTimes = (args, cwd) =>
  median(Array.from({ length: runs }, () => time([process.execPath, bin, ...args], cwd)));

console.log(`Making ${members} member repositories of ${CYCLES} cycles each in ${work} …`);
const made = Date.now();
for (let i = 1; i <= members; i++) {
  const dir = path.join(work, 'members', `m${i}`);
  member(dir, ((i * 37) % 41) / 10 - 2);
  git(work, 'clone', '-q', '--bare', dir, path.join('repos', `m${i}.git`));
}
console.log(`  made in ${((Date.now() - made) / 1000).toFixed(1)} s\n`);

const full = network('full', members);
const half = network('half', Math.floor(members / 2));
const floor = median(Array.from({ length: runs }, () => time([process.execPath, '-e', ''], work)));
const pull = time([process.execPath, bin, 'network', 'pull'], full);
time([process.execPath, bin, 'network', 'pull'], half);
const rows = [['network pull (once)', pull, null, 60_000]];
for (const [command, aim] of [
  ['status', 2_000],
  ['analyse', 3_000],
  ['brief', 10_000],
]) {
  const all = sippTimes(['network', command], full);
  const halfTime = sippTimes(['network', command], half);
  rows.push([`network ${command}`, all, all / halfTime, aim]);
}
console.log(`node -e "" (the floor): ${floor.toFixed(0)} ms\n`);
console.log(
  `${'command'.padEnd(24)} ${'median'.padStart(9)} ${'× floor'.padStart(8)} ${`${members} vs ${Math.floor(members / 2)}`.padStart(12)}  aim`,
);
for (const [name, ms, growth, aim] of rows)
  console.log(
    `${name.padEnd(24)} ${`${ms.toFixed(0)} ms`.padStart(9)} ${(ms / floor).toFixed(1).padStart(8)} ${growth === null ? ''.padStart(12) : `${growth.toFixed(2)}x`.padStart(12)}  under ${aim / 1000} s: ${ms < aim ? 'met' : 'NOT met'}`,
  );
console.log('\n(Twice the members should take at most about twice as long: 2.00x or less.)');
if (process.argv.includes('--keep')) console.log(`\nKept: ${work}`);
else rmSync(work, { recursive: true, force: true });
