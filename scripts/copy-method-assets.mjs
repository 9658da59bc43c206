// Copies each method's schemas/ and templates/ (src/methods/<id>/) beside its compiled code in dist/methods/<id>/,
// since tsc copies only code. Part of `npm run build`.
import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const from = path.join(root, 'src', 'methods');
const to = path.join(root, 'dist', 'methods');

for (const method of readdirSync(from, { withFileTypes: true }).filter((e) => e.isDirectory())) {
  for (const kind of ['schemas', 'templates']) {
    const target = path.join(to, method.name, kind);
    rmSync(target, { recursive: true, force: true });
    const source = path.join(from, method.name, kind);
    if (existsSync(source)) cpSync(source, target, { recursive: true });
  }
}
