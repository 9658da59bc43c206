// Every enquiry method id the schemas allow, with a name for people, whether or not this version has it yet.
import type { MethodId } from '../methods/types.js';
import { findMethod, methodIds } from '../methods/registry.js';

/** The method ids of common.schema.json, in its order, with their names (those not yet in sipp keep one here). */
const NAMES: Record<MethodId, string> = {
  car: 'Collaborative Action Research',
  'lesson-study': 'Lesson Study',
  'instructional-rounds': 'Instructional (Learning) Rounds',
  'improvement-science': 'Improvement Science (Model for Improvement, PDSA)',
  'practitioner-enquiry': 'Practitioner enquiry',
};

export const ALL_METHOD_IDS = Object.keys(NAMES) as MethodId[];

export function methodName(id: string): string {
  return findMethod(id)?.name ?? NAMES[id as MethodId] ?? id;
}

/** `car (Collaborative Action Research)`, for lists of the methods this version knows. */
export function knownMethodsText(): string {
  return methodIds()
    .map((id) => `${id} (${methodName(id)})`)
    .join(', ');
}

/** A refusal message for a method the schemas allow but this version of sipp cannot run yet. */
export function notYetText(id: string): string {
  return `${methodName(id)} (${id}) cycles cannot be started yet: the method is coming in a later version of sipp. This version knows ${knownMethodsText()}.`;
}
