#!/usr/bin/env node
// `sipp --version` is answered here, before any other module loads, so it starts as fast as Node itself.
import { readFileSync } from 'node:fs';
const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V'))
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
else process.exitCode = await (await import('../dist/cli/main.js')).main(argv);
