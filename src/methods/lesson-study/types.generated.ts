// Generated from src/methods/lesson-study/schemas/*.schema.json by `npm run gen:types`. Do not edit by hand.

/* eslint-disable */

/**
 * lesson-study.yaml: who is in the Lesson Study group, the ground rules you agreed, and the case pupils you will watch in every research lesson (Dudley, Research Lesson Study). The research focus is the enquiry question in question.yaml. Case pupils are codes (A, B, C), never names.
 */

export interface LessonStudyRecord {
  /**
   * The teachers who plan, teach and observe the research lessons together, and the ground rules you agreed.
   */
  group?: {
    /**
     * The members of the group, one per line, for example: Mrs Aitken (P5, Braeside Primary). Two or three teachers or more.
     */
    members?: string[];
    /**
     * The ground rules you agreed, one per line, for example: The research lesson belongs to all of us, not to the teacher who teaches it.
     */
    groundRules?: string[];
  };
  /**
   * Three case pupils (or six, nine …), each typifying a group of learners in the class. Give each a code such as A, B or C, never a name: briefings are shared beyond the school.
   */
  casePupils?: {
    /**
     * The case pupil's code: A, B, C (or 1, 2, 3) … Never a name or initials.
     */
    code: string | number;
    /**
     * The group of learners this pupil typifies, for example: confident with whole numbers, guesses with fractions.
     */
    typifies?: string | null;
  }[];
}

/**
 * research-lessons.yaml: the research lessons in the order they are taught (usually three). Each lesson is planned with a prediction for every case pupil at every stage, observed with an observer for every case pupil, followed by short case-pupil interviews and a post-lesson discussion that starts with the case pupils. `sipp lesson add` adds the next lesson.
 */

export interface ResearchLessonsRecord {
  /**
   * The research lessons, first to last. Add the next one with `sipp lesson add`: it carries forward the case pupils, their observers and what the last discussion asked to change.
   */
  lessons?: {
    /**
     * The day the lesson is taught and observed (YYYY-MM-DD).
     */
    date?: string | null;
    /**
     * The day the group planned the lesson and wrote its predictions (YYYY-MM-DD): before it is taught. sipp warns when it is later than the lesson.
     */
    plannedOn?: string | null;
    /**
     * Who teaches it. The lesson belongs to the whole group, not to the teacher who teaches it.
     */
    taughtBy?: string | null;
    /**
     * The class and school, for example: P5, Braeside Primary.
     */
    class?: string | null;
    /**
     * What the pupils are to learn in this lesson.
     */
    learningIntention?: string | null;
    /**
     * From the second research lesson on: what you changed because of the previous post-lesson discussion, one change per line. `sipp lesson add` copies in what that discussion asked to change: edit it to say what you did.
     */
    changedSinceLast?: string[];
    /**
     * What success in this lesson looks like for each case pupil, by code, for example  A: Places 1/3 and 1/6 correctly on a number line.
     */
    successCriteria?: {
      /**
       * Free text. Leave it empty until you have an answer.
       *
       * This interface was referenced by `undefined`'s JSON-Schema definition
       * via the `patternProperty` ".".
       */
      [k: string]: string | null | undefined;
    };
    /**
     * Who watches each case pupil, by code, so that no case pupil is missed, for example  A: Mr Boyle. One observer may watch more than one pupil.
     */
    observers?: {
      /**
       * Free text. Leave it empty until you have an answer.
       *
       * This interface was referenced by `undefined`'s JSON-Schema definition
       * via the `patternProperty` ".".
       */
      [k: string]: string | null | undefined;
    };
    /**
     * The stages of the lesson in order, each with how you predict each case pupil will respond (written when you plan) and how they did respond (written by their observer).
     */
    stages?: {
      /**
       * The stage and its timing, for example: Starter (10 min): fraction wall warm-up.
       */
      stage?: string | null;
      /**
       * How you predict each case pupil will respond at this stage, by code, written before the lesson.
       */
      predicted?: {
        /**
         * Free text. Leave it empty until you have an answer.
         *
         * This interface was referenced by `undefined`'s JSON-Schema definition
         * via the `patternProperty` ".".
         */
        [k: string]: string | null | undefined;
      };
      /**
       * How each case pupil actually responded at this stage, by code, written by their observer during the lesson.
       */
      observed?: {
        /**
         * Free text. Leave it empty until you have an answer.
         *
         * This interface was referenced by `undefined`'s JSON-Schema definition
         * via the `patternProperty` ".".
         */
        [k: string]: string | null | undefined;
      };
    }[];
    /**
     * Notes of a short interview with each case pupil after the lesson, by code: what they enjoyed, what they learned, what they can do now, what helped, and how they know how well they did.
     */
    interviews?: {
      /**
       * Free text. Leave it empty until you have an answer.
       *
       * This interface was referenced by `undefined`'s JSON-Schema definition
       * via the `patternProperty` ".".
       */
      [k: string]: string | null | undefined;
    };
    /**
     * The discussion after the lesson: the case pupils first, then the teaching, then what to change in the next research lesson.
     */
    discussion?: {
      /**
       * When the discussion took place (YYYY-MM-DD), ideally the same day as the lesson.
       */
      date?: string | null;
      /**
       * For each case pupil, by code: the progress they made, whether they responded as predicted, and what to change for them.
       */
      casePupils?: {
        /**
         * This interface was referenced by `undefined`'s JSON-Schema definition
         * via the `patternProperty` ".".
         */
        [k: string]:
          | {
              /**
               * The progress the pupil made in the lesson, and whether it was enough.
               */
              progress?: string | null;
              /**
               * Did the pupil respond as you predicted: yes, partly or no.
               */
              matchedPrediction?: 'yes' | 'partly' | 'no' | null;
              /**
               * What to change in the next research lesson to help this pupil learn more. `sipp lesson add` carries it into the next lesson.
               */
              change?: string | null;
            }
          | undefined;
      };
      /**
       * What the group noticed about the teaching, after discussing the case pupils.
       */
      teaching?: string | null;
      /**
       * What to change in the next research lesson, one change per line. `sipp lesson add` carries these into the next lesson.
       */
      changesForNext?: string[];
    };
  }[];
}
