// The CI workflow a project or a network keeps in its repository (issue 11, "Collaboration on Git hosting"): on every
// push and pull request, `sipp validate` (or the network's pull and status), then the briefings kept as a build
// artifact, with sipp pinned to the version that wrote the file. Only the briefings folder is uploaded: data/private/
// is git-ignored, so it is never in the checkout, and the artifact names briefings/ alone besides.
export type CiProvider = 'github' | 'gitlab';
export type CiKind = 'project' | 'network';

export const CI_FILES: Record<CiProvider, string> = {
  github: '.github/workflows/sipp.yml',
  gitlab: '.gitlab-ci.yml',
};

/** The commands the workflow runs, in order; the last writes the briefings to briefings/. */
function steps(kind: CiKind, version: string): string[] {
  const sipp = `npx --yes sipp@${version}`;
  return kind === 'project'
    ? [`${sipp} validate`, `${sipp} brief --out briefings`]
    : [`${sipp} network pull`, `${sipp} network status`, `${sipp} network brief --out briefings`];
}

export function workflowText(provider: CiProvider, kind: CiKind, version: string): string {
  const run = steps(kind, version);
  const what =
    kind === 'project'
      ? 'checks every record and makes the briefings'
      : 'pulls the members and makes the network briefing';
  if (provider === 'github')
    return [
      `# Written by sipp ${version} (sipp ci init): ${what} on every push and pull request.`,
      '# Only briefings/ is kept as an artifact; data/private/ is git-ignored and never in the checkout.',
      'name: sipp',
      'on: [push, pull_request]',
      'jobs:',
      '  sipp:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - uses: actions/setup-node@v4',
      '        with:',
      "          node-version: '20'",
      ...run.map((command) => `      - run: ${command}`),
      '      - uses: actions/upload-artifact@v4',
      '        with:',
      '          name: briefings',
      '          path: briefings/',
      '',
    ].join('\n');
  return [
    `# Written by sipp ${version} (sipp ci init): ${what} on every push and merge request.`,
    '# Only briefings/ is kept as an artifact; data/private/ is git-ignored and never in the checkout.',
    'sipp:',
    '  image: node:20',
    '  script:',
    ...run.map((command) => `    - ${command}`),
    '  artifacts:',
    '    paths:',
    '      - briefings/',
    '',
  ].join('\n');
}
