// The enquiry methods sipp knows. Adding a method: a folder under src/methods/ and one line here.
import { car } from './car/index.js';
import { lessonStudy } from './lesson-study/index.js';
import { instructionalRounds } from './instructional-rounds/index.js';
import { improvementScience } from './improvement-science/index.js';
import { practitionerEnquiry } from './practitioner-enquiry/index.js';
import type { Method, MethodId } from './types.js';

const METHODS: readonly Method[] = [car, lessonStudy, instructionalRounds, improvementScience, practitionerEnquiry];

export function listMethods(): readonly Method[] {
  return METHODS;
}

export function findMethod(id: string): Method | undefined {
  return METHODS.find((m) => m.id === id);
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
