// Colours for terminal output, off unless the context allows them.
import { Chalk, type ChalkInstance } from 'chalk';

export function styles(color: boolean): ChalkInstance {
  return new Chalk({ level: color ? 1 : 0 });
}
