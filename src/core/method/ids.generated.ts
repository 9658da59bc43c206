// Generated from schemas/common.schema.json ($defs.method.enum) by `npm run gen:types`. Do not edit by hand.
export const METHOD_IDS = [
  'car',
  'lesson-study',
  'instructional-rounds',
  'improvement-science',
  'practitioner-enquiry',
] as const;
