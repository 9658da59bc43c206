// The plain-text files `sipp init` writes beside sipp.yaml: what each folder is for, in a teacher's words.
import {
  BRIEFINGS_DIR,
  CYCLES_DIR,
  PRIVATE_DATA_DIR,
  PROJECT_TEMPLATES_DIR,
  SCHEMA_COPY_DIR,
} from '../core/records/model.js';

/** Lines the project's .gitignore needs: briefings are made again from the records; pupil data never goes into Git. */
export const GITIGNORE_LINES: readonly string[] = [
  `/${BRIEFINGS_DIR}/`,
  `/${PRIVATE_DATA_DIR}/*`,
  `!/${PRIVATE_DATA_DIR}/README.md`,
  `!/${PRIVATE_DATA_DIR}/.gitignore`,
];

export function gitignoreText(): string {
  return [
    '# Briefings are made from the records by `sipp brief`: make them again rather than keeping them in Git.',
    GITIGNORE_LINES[0],
    "# Pupil-level data never goes into Git. Only the folder's README (and its own .gitignore) are kept,",
    '# so that every copy of the project has the folder and explains it.',
    ...GITIGNORE_LINES.slice(1),
    '',
  ].join('\n');
}

/** The lines of .gitignore an existing file lacks, to add at its end (nothing the teacher wrote is changed). */
export function gitignoreAdditions(existing: string): string {
  const present = new Set(existing.split(/\r?\n/).map((l) => l.trim()));
  const missing = GITIGNORE_LINES.filter((l) => !present.has(l));
  if (missing.length === 0) return '';
  const separator = existing === '' || existing.endsWith('\n') ? '' : '\n';
  return `${separator}\n# Added by sipp: briefings are made again from the records; pupil-level data never goes into Git.\n${missing.join('\n')}\n`;
}

/** data/private/ guards itself, so pupil data stays out of Git even if the top-level .gitignore is edited. */
export function privateGitignoreText(): string {
  return [
    '# Everything in this folder stays out of Git except this file and the README.',
    '*',
    '!.gitignore',
    '!README.md',
    '',
  ].join('\n');
}

export function privateReadmeText(suppressionThreshold: number): string {
  return `# Private data: pupil-level records stay here

Keep raw, pupil-level data in this folder: class lists, survey returns, assessment exports, anything
with a pupil's name, code or date of birth.

- Git ignores everything in this folder except this README, so none of it is shared when the project
  is pushed or copied. That also means Git does not back it up: keep it on storage your school or
  local authority approves.
- sipp never reads this folder and never puts anything from it in a briefing.
- Put only aggregated figures (how many learners, averages, counts) in a cycle's baseline.yaml and
  measures.yaml. Groups with fewer than ${suppressionThreshold} learners are shown as [c] in briefings, so nobody can
  be identified.
- Delete the data when the enquiry no longer needs it, as your data protection guidance says.
`;
}

export function templatesReadmeText(): string {
  return `# Your own briefing templates (optional)

\`sipp brief\` renders briefings from its built-in Handlebars templates, kept in the \`templates/\` folder
of the sipp package. To change one for this project, copy it into this folder and keep its file name:
a file here replaces the built-in file with the same name.

- \`car.cycle.md.hbs\`: the briefing for one Collaborative Action Research cycle
- \`overview.md.hbs\`: the project overview
- \`partials/<name>.hbs\`: a piece shared by several templates; put your version in \`templates/partials/\`

Leave this folder with only this README to use the built-in templates.
`;
}

export interface ProjectReadme {
  title: string;
  partnership: string | null;
  programme: string | null;
}

export function projectReadmeText(p: ProjectReadme): string {
  const who = [p.partnership, p.programme ? `(${p.programme})` : null].filter(Boolean).join(' ');
  return `# ${p.title}

${who ? `An enquiry of ${who}, kept` : 'An enquiry kept'} as plain text files with sipp:
each enquiry cycle is a folder of five short records that the team fills in as the cycle goes.

## Working on it

\`\`\`sh
sipp cycle "A short title"   # start the next enquiry cycle
sipp status                  # what each cycle still needs, and what to do next
sipp validate                # check every file and explain any problem
sipp brief                   # briefings for the partnership meeting, in ${BRIEFINGS_DIR}/
sipp guide                   # how the enquiry method works
\`\`\`

## What is where

| Path | What it holds |
| --- | --- |
| \`sipp.yaml\` | the project: partnership, schools, team, method, focus and equity group |
| \`${CYCLES_DIR}/\` | one folder per enquiry cycle (\`01-…\`, \`02-…\`), each with question, baseline, intervention, measures and reflections |
| \`${PRIVATE_DATA_DIR}/\` | pupil-level data: never in Git, never in a briefing |
| \`${PROJECT_TEMPLATES_DIR}/\` | this project's own versions of the briefing templates (optional) |
| \`${SCHEMA_COPY_DIR}/\` | the rules of each file, so editors such as VS Code can check them as you type |
| \`${BRIEFINGS_DIR}/\` | briefings made by \`sipp brief\` (not kept in Git: make them again) |
`;
}
