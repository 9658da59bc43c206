// Builds a project in memory from file texts, the way src/project/load.ts reads one from disk, for pure tests.
import { CORE_RECORDS, CYCLE_FOLDER, type CycleSource, type ProjectSource } from '../../../src/core/records/model.js';
import { parseSource, type SourceFile } from '../../../src/core/records/source.js';
import type { Problem } from '../../../src/core/problems.js';
import { validateProject } from '../../../src/core/validate/index.js';
import { readSchemas } from '../../../src/project/assets.js';

/** Files by path relative to the project root: `sipp.yaml`, `cycles/01-x/question.yaml`, … */
export type Files = Record<string, string>;

export const VALID_PROJECT = `schemaVersion: 1
title: Reading for pleasure
method: car
partnership:
  name: Northfield
  schools:
    - name: Hillside Primary
      sector: primary
`;

export function projectFrom(files: Files): ProjectSource {
  const project = parseSource('sipp.yaml', files['sipp.yaml'] ?? VALID_PROJECT);
  const cycles = new Map<string, CycleSource>();
  for (const [file, text] of Object.entries(files)) {
    const match = /^cycles\/([^/]+)\/([^/]+)\.yaml$/.exec(file);
    if (!match) continue;
    const [, folder = '', name = ''] = match;
    let cycle = cycles.get(folder);
    if (!cycle) {
      const named = CYCLE_FOLDER.exec(folder);
      cycle = {
        folder,
        dir: `cycles/${folder}`,
        number: named ? Number(named[1]) : null,
        slug: named?.[2] ?? folder,
        records: new Map<string, SourceFile>(),
      };
      cycles.set(folder, cycle);
    }
    cycle.records.set(name, parseSource(file, text));
  }
  const sorted = [...cycles.values()].sort((a, b) => a.folder.localeCompare(b.folder, 'en'));
  return { project, cycles: sorted, problems: [] };
}

/** A cycle whose five records are valid and empty, with some records replaced. */
export function cycleFiles(
  folder: string,
  records: Partial<Record<(typeof CORE_RECORDS)[number], string>> = {},
): Files {
  const files: Files = {};
  for (const name of CORE_RECORDS) files[`cycles/${folder}/${name}.yaml`] = records[name] ?? '{}\n';
  return files;
}

export function validate(files: Files): Problem[] {
  return validateProject(projectFrom(files), readSchemas());
}

/** `file:line:col: message` lines, as `sipp validate` prints them. */
export function lines(files: Files): string[] {
  return validate(files).map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`);
}
