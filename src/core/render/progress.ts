// What of a cycle is complete and what is missing, from `sipp status`'s reading of it and the method's list of
// required answers.
import type { CycleStatus } from '../status/index.js';
import { recordFile } from '../records/model.js';
import type { Method } from '../method/contract.js';
import type { ProgressView } from './types.js';
import { sentenceCase } from '../words.js';

export function progressView(method: Method | undefined, status: CycleStatus): ProgressView {
  const requirements = method?.requirements ?? [];
  const missingKeys = new Set(status.missing.map((m) => `${m.record}:${m.field}`));
  const done = requirements
    .filter((r) => !missingKeys.has(`${r.record}:${r.path.join('.')}`))
    .map((r) => sentenceCase(r.label));
  const missing = status.missing.map((m) => ({ label: sentenceCase(m.label), file: recordFile(m.record) }));
  const total = requirements.length;
  return {
    complete: status.complete,
    summary:
      total === 0
        ? 'sipp does not know which answers this method requires'
        : `${done.length} of ${total} required answers recorded`,
    done,
    missing,
    // Status speaks to a terminal, where `sipp brief` is a command to type; on paper the backticks are noise.
    next: status.next.replace(/`([^`]*)`/g, '$1'),
  };
}
