// The enquiry methods sipp knows. Adding a method: a folder under src/methods/ and one line here.
import { car } from './car/index.js';
import type { Method, MethodId } from './types.js';

const METHODS: readonly Method[] = [car];

export function listMethods(): readonly Method[] {
  return METHODS;
}

export function findMethod(id: string): Method | undefined {
  return METHODS.find((m) => m.id === id);
}

export function methodIds(): MethodId[] {
  return METHODS.map((m) => m.id);
}
