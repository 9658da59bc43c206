// Generated from src/methods/practitioner-enquiry/schemas/*.schema.json by `npm run gen:types`. Do not edit by hand.

/* eslint-disable */

/**
 * practitioner-enquiry.yaml: what a practitioner enquiry adds to the five records of the cycle: how it fits in with your school's priorities and your own professional learning, who supports you, and how you keep it ethical.
 */

export interface PractitionerEnquiryRecord {
  /**
   * How the enquiry fits in with your school's priorities and with your own professional learning.
   */
  fit?: {
    /**
     * The priority in your school improvement plan (or the National Improvement Framework) that the enquiry serves, for example: raising attainment in writing for learners registered for free school meals.
     */
    schoolPriority?: string | null;
    /**
     * The parts of the GTCS Professional Standards the enquiry develops, for example: the Standard for Career-Long Professional Learning, 'developing as an enquiring professional'.
     */
    professionalStandards?: string | null;
    /**
     * How it fits your professional review and development (PRD) and your Professional Update.
     */
    professionalLearning?: string | null;
  };
  /**
   * The colleague who supports you and asks the hard questions, by role, for example: principal teacher of English at a cluster school.
   */
  criticalFriend?: string | null;
  /**
   * How learners (and parents and carers, where needed) were told about the enquiry and could choose not to take part, and how their work and views are kept: codes, never names (BERA Ethical Guidelines for Educational Research).
   */
  ethics?: string | null;
}
