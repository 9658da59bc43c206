// The command-line parser's own error lines (commander's), said in sipp's words: what is missing or wrong, and
// how to see the command's options with an example.

const RULES: ReadonlyArray<[RegExp, (m: RegExpExecArray) => string]> = [
  [
    /^error: required option '([^' ]+)(?: ([^']+))?' not specified$/,
    (m) => `This command needs ${m[1]}${m[2] ? ` ${m[2]}` : ''}, and it was not given.`,
  ],
  [/^error: missing required argument '([^']+)'$/, (m) => `This command needs <${m[1]}>, and it was not given.`],
  [
    /^error: option '([^' ]+)(?: [^']+)?' argument missing$/,
    (m) => `${m[1]} needs a value after it, for example ${m[1]} 1.`,
  ],
  [
    /^error: option '([^' ]+)(?: [^']+)?' argument '([^']*)' is invalid\. Allowed choices are (.+)\.$/,
    (m) => `${m[1]} cannot be "${m[2]}": choose one of ${m[3]}.`,
  ],
  [/^error: unknown option '([^']+)'(.*)$/s, (m) => `There is no option ${m[1]} for this command.${m[2] ?? ''}`],
  [/^error: unknown command '([^']+)'(.*)$/s, (m) => `There is no command "${m[1]}" in sipp.${m[2] ?? ''}`],
  [
    /^error: too many arguments(?: for '([^']+)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
    (m) =>
      `Too many words after the command${m[1] ? ` ${m[1]}` : ''}: it takes ${m[2]} and got ${m[3]}. Put text with spaces in quotes, for example "Paired reading".`,
  ],
];

/** commander's error text (one or more lines) in sipp's words, with where to find help. */
export function sippUsageError(text: string): string {
  const lines = text.trimEnd().split('\n');
  const first = lines[0] ?? '';
  const rest = lines
    .slice(1)
    .join('\n')
    .replace(/^\(Did you mean (.+)\?\)$/m, 'Did you mean $1?');
  for (const [pattern, say] of RULES) {
    const match = pattern.exec(first);
    if (match) {
      const said = say(match).replace(/\s*\(Did you mean (.+)\?\)/, ' Did you mean $1?');
      return `sipp: ${said}${rest ? `\n${rest}` : ''}\nRun the command with --help to see its options and an example.\n`;
    }
  }
  return text.replace(/^error: /, 'sipp: ');
}
