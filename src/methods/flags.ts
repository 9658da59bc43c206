// The command-line flags of the methods' cycle questions (`sipp cycle --research-focus …`), gathered from every
// method so that `sipp cycle --help` lists them and commander accepts them.
import { answerKey } from '../core/records/scaffold.js';
import { listMethods } from './registry.js';
import type { Method, MethodId } from '../core/method/contract.js';

/** Flags `sipp cycle` has whatever the method; a method's question cannot take one of these names. */
const RESERVED = new Set(['question', 'method', 'yes', 'help', 'json']);

export interface MethodFlag {
  /** Without dashes: `research-focus`. */
  name: string;
  help: string;
  /** The methods whose cycles take this flag. */
  methods: MethodId[];
}

/** Every method's cycle flags, one entry per flag name, in the order the methods list them. */
export function methodFlags(methods: readonly Method[] = listMethods()): MethodFlag[] {
  const flags = new Map<string, MethodFlag>();
  for (const method of methods) {
    for (const prompt of method.cyclePrompts) {
      if (!prompt.flag) continue;
      if (RESERVED.has(prompt.flag.name)) throw new Error(`${method.id}: the flag --${prompt.flag.name} is sipp's own`);
      const known = flags.get(prompt.flag.name);
      if (known) known.methods.push(method.id);
      else flags.set(prompt.flag.name, { name: prompt.flag.name, help: prompt.flag.help, methods: [method.id] });
    }
  }
  return [...flags.values()];
}

/** commander's name for a flag's value: `research-focus` -> `researchFocus`. */
export function flagOptionKey(name: string): string {
  return name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/**
 * The answers given as flags for a cycle of `method`, by answer key, and the flags given that belong only to
 * other methods (a usage error for the caller to report).
 */
export function answersFromFlags(
  method: Method,
  options: Readonly<Record<string, unknown>>,
  methods: readonly Method[] = listMethods(),
): { answers: Record<string, string>; foreign: MethodFlag[] } {
  const answers: Record<string, string> = {};
  const foreign: MethodFlag[] = [];
  for (const flag of methodFlags(methods)) {
    const value = options[flagOptionKey(flag.name)];
    if (typeof value !== 'string') continue;
    const prompt = method.cyclePrompts.find((p) => p.flag?.name === flag.name);
    if (prompt) answers[answerKey(prompt)] = value;
    else foreign.push(flag);
  }
  return { answers, foreign };
}
