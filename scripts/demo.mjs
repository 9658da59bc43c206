// `npm run demo`: runs the built sipp on a copy of the bundled example project, in a fresh temporary folder,
// and says where the briefings went. It never writes into the repository.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const bin = path.join(root, 'bin', 'sipp.js');
const example = 'northfield-reading';

if (!existsSync(path.join(root, 'dist', 'cli', 'main.js'))) {
  console.error('sipp is not built yet: run `npm run build` first (`npm run demo` does it for you).');
  process.exit(1);
}

const project = path.join(mkdtempSync(path.join(tmpdir(), 'sipp-demo-')), example);
cpSync(path.join(root, 'examples', example), project, { recursive: true });
console.log(`Copied examples/${example} to ${project}\n`);

/** Runs one sipp command in the project, showing it and its output; stops the demo if it fails. */
function step(args) {
  console.log(`$ sipp ${args.join(' ')}`);
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: project, stdio: 'inherit' });
  if (result.status !== 0) {
    const why = result.error ? result.error.message : `exit code ${result.status ?? result.signal}`;
    console.error(`\nThe demo stopped: \`sipp ${args.join(' ')}\` failed (${why}). The project is in ${project}`);
    process.exit(1);
  }
  console.log('');
}

step(['validate']);
step(['status']);
step(['brief']);

const briefings = path.join(project, 'briefings');
const files = existsSync(briefings)
  ? readdirSync(briefings, { recursive: true })
      .map(String)
      .filter((f) => statSync(path.join(briefings, f)).isFile())
      .sort()
  : [];
if (files.length === 0) {
  console.error(`The demo stopped: \`sipp brief\` wrote nothing to ${briefings}`);
  process.exit(1);
}
// The briefings themselves; the SVG charts beside the Markdown ones are counted, not listed one by one.
const documents = files.filter((f) => !f.endsWith('.svg'));
const charts = files.length - documents.length;
console.log('The briefings are in:');
for (const file of documents) console.log(`  ${path.join(briefings, file)}`);
if (charts > 0) console.log(`(and ${charts} SVG charts for the Markdown briefings, in the .charts folders beside them)`);
const overview = files.find((f) => path.basename(f).startsWith('overview') && f.endsWith('.html'));
if (overview) console.log(`\nOpen ${path.join(briefings, overview)} in a browser, or print it.`);
// The network view over the bundled partnerships: each example becomes a bare Git repository, as a partnership's
// own hosting would hold it, then the network pulls them and writes its briefing.
const networkDir = path.join(path.dirname(project), 'network');
cpSync(path.join(root, 'examples', 'network'), networkDir, { recursive: true });
const git = (cwd, ...args) =>
  spawnSync('git', ['-c', 'user.email=demo@example.org', '-c', 'user.name=Demo', ...args], { cwd, encoding: 'utf8' });
for (const name of readdirSync(path.join(root, 'examples')).filter((e) => existsSync(path.join(root, 'examples', e, 'sipp.yaml')))) {
  const work = path.join(path.dirname(project), 'work', name);
  cpSync(path.join(root, 'examples', name), work, { recursive: true });
  git(work, 'init', '-q');
  git(work, 'add', '-A');
  git(work, 'commit', '-q', '-m', 'The enquiry so far');
  git(networkDir, 'clone', '-q', '--bare', work, path.join('repos', `${name}.git`));
}
console.log(`\nThe example network (examples/network) over the bundled partnerships, in ${networkDir}:\n`);
for (const args of [['network', 'pull'], ['network', 'status'], ['network', 'brief']]) {
  console.log(`$ sipp ${args.join(' ')}`);
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: networkDir, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\nThe demo stopped: \`sipp ${args.join(' ')}\` failed. The network is in ${networkDir}`);
    process.exit(1);
  }
  console.log('');
}
console.log(`The network briefing is in:\n  ${path.join(networkDir, 'briefings', 'network.html')}`);

console.log(`\nThe demo project stays in ${project}. Try editing a record there, then:`);
console.log(`  node ${path.relative(process.cwd(), bin) || bin} -C ${project} validate`);
