// Generated from src/methods/instructional-rounds/schemas/*.schema.json by `npm run gen:types`. Do not edit by hand.

/* eslint-disable */

/**
 * debrief.yaml: the network's debrief after its visits, in order (describe, then analyse, then predict), and the next level of work. Keep the three phases in this order.
 */

export interface DebriefRecord {
  /**
   * When the network debriefed (YYYY-MM-DD).
   */
  date?: string | null;
  /**
   * Describe: the evidence, sorted from the notes, with no judgements. What did observers see and hear?
   */
  describe?: string[];
  /**
   * Analyse: patterns across classrooms, each with examples (classroom codes). What do the patterns say about the problem of practice?
   */
  analyse?: string[];
  /**
   * Predict: if you were a learner in these classrooms and did everything you were asked, what would you know and be able to do?
   */
  predict?: string[];
  /**
   * What the host school and the network will do, and the support they need, by when.
   */
  nextLevelOfWork?: {
    /**
     * By next week.
     */
    nextWeek?: string[];
    /**
     * By next month.
     */
    nextMonth?: string[];
    /**
     * By the end of the school year.
     */
    endOfYear?: string[];
  };
}

/**
 * rounds.yaml: who visits classrooms together, the problem of practice with its five checks, and the theory of action. Write about the school's practice, never about individual teachers or pupils.
 */

export interface RoundsRecord {
  /**
   * The network of educators who visit classrooms together.
   */
  network?: {
    /**
     * The network's name, for example: Eastbrae Secondary Learning Rounds Network.
     */
    name?: string | null;
    /**
     * The schools in the network, by name. Every visit and the host school must be one of them.
     */
    schools?: string[];
    /**
     * Other services taking part, for example: Eastbrae Educational Psychology Service.
     */
    agencies?: string[];
    /**
     * Who takes part: teachers, school leaders, educational psychologists, support staff, authority officers. Every observer of a visit must be listed here.
     */
    members?: {
      /**
       * How the network refers to the member, for example: Fiona M. (first name and initial) or a role.
       */
      name: string;
      /**
       * Their role, for example: principal teacher of mathematics, educational psychologist.
       */
      role?: string | null;
      /**
       * Their school or service.
       */
      organisation?: string | null;
    }[];
  };
  /**
   * The school whose problem of practice this is. Leave it empty when the whole network shares the problem of practice.
   */
  hostSchool?: string | null;
  /**
   * What the host school wants to understand better about teaching and learning, with the five checks a problem of practice must pass.
   */
  problemOfPractice?: {
    /**
     * The problem of practice in a sentence or two.
     */
    statement?: string | null;
    /**
     * Answer each check yes or no, with a short reason.
     */
    checks?: {
      /**
       * Is it about the instructional core: what the teacher and learners do with the content?
       */
      instructionalCore?: {
        /**
         * yes or no. Leave it empty until the network has discussed it.
         */
        answer?: 'yes' | 'no' | null;
        /**
         * A short reason for the answer.
         */
        why?: string | null;
      };
      /**
       * Can it be seen and heard directly in classrooms?
       */
      observable?: {
        /**
         * yes or no. Leave it empty until the network has discussed it.
         */
        answer?: 'yes' | 'no' | null;
        /**
         * A short reason for the answer.
         */
        why?: string | null;
      };
      /**
       * Is it within the school's control to act on, and could it improve in real time?
       */
      actionable?: {
        /**
         * yes or no. Leave it empty until the network has discussed it.
         */
        answer?: 'yes' | 'no' | null;
        /**
         * A short reason for the answer.
         */
        why?: string | null;
      };
      /**
       * Is it connected to the school's wider improvement plan or strategy?
       */
      linkedToStrategy?: {
        /**
         * yes or no. Leave it empty until the network has discussed it.
         */
        answer?: 'yes' | 'no' | null;
        /**
         * A short reason for the answer.
         */
        why?: string | null;
      };
      /**
       * Would acting on it make a significant difference to learners' attainment?
       */
      highLeverage?: {
        /**
         * yes or no. Leave it empty until the network has discussed it.
         */
        answer?: 'yes' | 'no' | null;
        /**
         * A short reason for the answer.
         */
        why?: string | null;
      };
    };
  };
  /**
   * An "if ... then ..." statement linking what adults will do to what learners will do, for example: If teachers ask learners to explain how they know, then learners will ...
   */
  theoryOfAction?: string | null;
}

/**
 * visits.yaml: the network's classroom visits and the low-inference notes taken in each classroom. Classrooms have codes: never write a teacher's or a pupil's name.
 */

export interface VisitsRecord {
  /**
   * One entry per visit to a school.
   */
  visits?: {
    /**
     * The day of the visit (YYYY-MM-DD).
     */
    date?: string | null;
    /**
     * The school visited: one of the network's schools in rounds.yaml.
     */
    school?: string | null;
    /**
     * Who visited, by the names listed under network members in rounds.yaml.
     */
    observers?: string[];
    /**
     * The questions observers keep in mind in every classroom, taken from the problem of practice.
     */
    focusQuestions?: string[];
    /**
     * The classrooms visited, each with a code.
     */
    classrooms?: {
      /**
       * a short code made of letters, digits and hyphens, such as K1 or S2-M3 (no spaces, and never a teacher's or pupil's name)
       */
      code: string;
      /**
       * The stage of the class, for example S1.
       */
      stage?:
        'ELC' | 'P1' | 'P2' | 'P3' | 'P4' | 'P5' | 'P6' | 'P7' | 'S1' | 'S2' | 'S3' | 'S4' | 'S5' | 'S6';
      /**
       * The subject or curriculum area, for example: Mathematics.
       */
      subject?: string | null;
      /**
       * What the lesson was about when observers arrived, in a few words.
       */
      activity?: string | null;
    }[];
    /**
     * Low-inference notes: what teachers and learners said and did, as a camera would record it, not judgements. One entry per classroom and group of observers.
     */
    observations?: {
      /**
       * The code of a classroom of this visit, for example K1.
       */
      classroom: string;
      /**
       * One thing seen or heard per line, for example: 14 of 22 learners write a method beside their answer; T asks "How do you know?" 6 times.
       */
      notes?: string[];
    }[];
  }[];
}
