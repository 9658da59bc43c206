// Reading the briefing templates: the built-in ones shipped in templates/, overridden by file name by the
// project's own templates/ folder (partials in templates/partials/ likewise).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_TEMPLATES_DIR } from '../core/records/model.js';
import { refusal } from '../core/problems.js';
import type { TemplateSet, TemplateSource } from '../core/render/index.js';
import { assetDirs } from './assets.js';

const SUFFIX = '.hbs';
const PARTIALS = 'partials';
/** Templates are a few kilobytes; a larger file in templates/ is a mistake, not a template. */
const MAX_TEMPLATE_BYTES = 512 * 1024;

/** Built-in templates and partials, then the project's, so that a project file replaces the built-in one. */
export function readTemplateSet(projectRoot: string): TemplateSet {
  const templates = new Map<string, TemplateSource>();
  const partials = new Map<string, TemplateSource>();
  const own = path.join(projectRoot, PROJECT_TEMPLATES_DIR);
  for (const dir of assetDirs('templates')) {
    readInto(templates, dir, (f) => `built-in template ${f}`);
    readInto(partials, path.join(dir, PARTIALS), (f) => `built-in partial ${PARTIALS}/${f}`);
  }
  readInto(templates, own, (f) => `${PROJECT_TEMPLATES_DIR}/${f}`);
  readInto(partials, path.join(own, PARTIALS), (f) => `${PROJECT_TEMPLATES_DIR}/${PARTIALS}/${f}`);
  return { templates, partials };
}

/** Adds every `*.hbs` file of a folder (not its subfolders) by name without `.hbs`, in name order. */
function readInto(into: Map<string, TemplateSource>, dir: string, originOf: (file: string) => string): void {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return;
  const files = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(SUFFIX))
    .map((e) => e.name)
    .sort();
  for (const file of files) {
    const origin = originOf(file);
    const absolute = path.join(dir, file);
    if (statSync(absolute).size > MAX_TEMPLATE_BYTES) {
      throw refusal(`The briefing template ${origin} is too large to be a template (over 512 KB).`);
    }
    const bytes = readFileSync(absolute);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw refusal(`The briefing template ${origin} is not UTF-8 text. Save it again as UTF-8 in your editor.`);
    }
    into.set(file.slice(0, -SUFFIX.length), { text: text.replace(/^\uFEFF/, ''), origin });
  }
}
