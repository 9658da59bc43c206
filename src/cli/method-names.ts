// Method names for people, in messages: `car (Collaborative Action Research)`.
import { findMethod, listMethods } from '../methods/registry.js';

export function methodName(id: string): string {
  return findMethod(id)?.name ?? id;
}

/** `car (Collaborative Action Research), lesson-study (Lesson Study), …`, for lists of the methods. */
export function knownMethodsText(): string {
  return listMethods()
    .map((m) => `${m.id} (${m.name})`)
    .join(', ');
}
