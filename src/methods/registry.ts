// The enquiry methods sipp knows. Adding a method: a folder under src/methods/ and one line here.
import { car } from './car/index.js';
import { lessonStudy } from './lesson-study/index.js';
import { instructionalRounds } from './instructional-rounds/index.js';
import { improvementScience } from './improvement-science/index.js';
import { practitionerEnquiry } from './practitioner-enquiry/index.js';
import type { Method, MethodId } from '../core/method/contract.js';
import { METHOD_IDS } from '../core/method/ids.generated.js';

// Keyed by every id of the schema's enum (ids.generated.ts): a method missing here, or one the schema does not
// allow, is a type error.
const BY_ID: { readonly [Id in MethodId]: Method } = {
  car,
  'lesson-study': lessonStudy,
  'instructional-rounds': instructionalRounds,
  'improvement-science': improvementScience,
  'practitioner-enquiry': practitionerEnquiry,
};
const METHODS: readonly Method[] = METHOD_IDS.map((id) => BY_ID[id]);

export function listMethods(): readonly Method[] {
  return METHODS;
}

export function findMethod(id: string): Method | undefined {
  return Object.hasOwn(BY_ID, id) ? BY_ID[id as MethodId] : undefined;
}

/**
 * The method of an id the schemas allow. Every id in common.schema.json's `method` enum has a method here
 * (test/unit/methods/registry.test.ts keeps the two in step), so a validated record always finds its method.
 */
export function methodById(id: MethodId): Method {
  const method = findMethod(id);
  if (!method) throw new Error(`sipp has no method "${id}", although the schemas allow it`);
  return method;
}

export function methodIds(): MethodId[] {
  return METHODS.map((m) => m.id);
}
