// Generated from src/methods/improvement-science/schemas/*.schema.json by `npm run gen:types`. Do not edit by hand.

/* eslint-disable */

/**
 * drivers.yaml (Improvement Science): the aim (what are we trying to accomplish?) and the driver diagram that leads to it: primary drivers, the secondary drivers behind them, and the change ideas you could test (what changes can we make?).
 */

export interface DriversRecord {
  /**
   * What are we trying to accomplish? A good aim has four parts: what will improve, for whom, how much (from the baseline to the target) and by when.
   */
  aim?: {
    /**
     * What will improve, for example: attendance in the first term of S1.
     */
    what?: string | null;
    /**
     * For whom, for example: learners moving from P7 to S1 who live in SIMD quintiles 1 and 2.
     */
    forWhom?: string | null;
    /**
     * How much, from the baseline to the target, for example: from 86% to 92% of possible sessions.
     */
    howMuch?: string | null;
    /**
     * By when: a date, for example 2026-12-18, or a point in the year, for example the end of S1 term 2 (December 2026).
     */
    byWhen?: string | null;
  };
  /**
   * The few big things that must change for the aim to be reached (usually 2 to 5).
   */
  primaryDrivers?: {
    /**
     * A short id in lower case with hyphens, for example trusted-adult. Ids are unique across drivers.yaml.
     */
    id: string;
    /**
     * The primary driver, for example: Learners feel they belong at the academy before they start.
     */
    name: string;
  }[];
  /**
   * The more specific things behind each primary driver, each linked to the primary drivers it feeds.
   */
  secondaryDrivers?: {
    /**
     * A short id in lower case with hyphens, for example trusted-adult. Ids are unique across drivers.yaml.
     */
    id: string;
    /**
     * The secondary driver, for example: Every learner knows a trusted adult at the academy.
     */
    name: string;
    /**
     * The ids of the primary drivers it feeds, for example [belonging].
     *
     * @minItems 1
     *
     * Items: A short id in lower case with hyphens, for example trusted-adult. Ids are unique across drivers.yaml.
     */
    primary: [string, ...string[]];
  }[];
  /**
   * Changes you could test, each linked to the drivers (primary or secondary) it acts on. Test them in pdsa.yaml.
   */
  changeIdeas?: {
    /**
     * A short id in lower case with hyphens, for example trusted-adult. Ids are unique across drivers.yaml.
     */
    id: string;
    /**
     * The change idea, for example: A welcome phone call home from the S1 pastoral teacher in June.
     */
    name: string;
    /**
     * The ids of the primary or secondary drivers it acts on, for example [trusted-adult].
     *
     * @minItems 1
     *
     * Items: A short id in lower case with hyphens, for example trusted-adult. Ids are unique across drivers.yaml.
     */
    drivers: [string, ...string[]];
  }[];
}

/**
 * pdsa.yaml (Improvement Science): small tests of change, each a Plan-Do-Study-Act cycle that tests one change idea from drivers.yaml. Write the plan and its predictions before the test.
 */

export interface PdsaRecord {
  /**
   * The PDSA cycles, in the order they were run.
   */
  cycles?: {
    /**
     * A short id for this PDSA cycle, for example pdsa-1.
     */
    id: string;
    /**
     * A short title, for example: Welcome calls with one P7 class.
     */
    title?: string | null;
    /**
     * The id of the change idea in drivers.yaml that this cycle tests.
     */
    changeIdea: string;
    /**
     * What the cycle is for: collect-information (find out more before changing anything), develop (shape the change), test (see whether it works) or implement (make it part of how things are done).
     */
    purpose?: 'collect-information' | 'develop' | 'test' | 'implement' | null;
    /**
     * Plan: the objective, the questions with a prediction for each, who does what, when and where, and how the data will be collected.
     */
    plan?: {
      /**
       * When the plan and its predictions were written (YYYY-MM-DD), before the test.
       */
      date?: string | null;
      /**
       * What this cycle sets out to do.
       */
      objective?: string | null;
      /**
       * The questions this cycle will answer, each with a prediction.
       */
      questions?: {
        /**
         * A short id, for example q1, that the study's results refer to.
         */
        id: string;
        /**
         * The question, for example: Will families answer a call from the academy in June?
         */
        question: string;
        /**
         * What you predict the answer will be, written before the test, for example: 20 of the 26 families will answer.
         */
        prediction?: string | null;
      }[];
      /**
       * Who does what, when and where.
       */
      tasks?: {
        /**
         * The task.
         */
        what: string;
        /**
         * Who does it (a role, not a pupil).
         */
        who?: string | null;
        /**
         * When, for example: week beginning 2 June.
         */
        when?: string | null;
        /**
         * Where, for example: Craigmount Primary, P7 class.
         */
        where?: string | null;
      }[];
      /**
       * What data will be collected, by whom, from whom and when.
       */
      dataCollection?: string | null;
      /**
       * The ids of the measures in measures.yaml that this cycle collects, for example [welcome-calls-answered].
       *
       * Items: A short id for a measure, in lower case with hyphens, for example reading-enjoyment. It must match an id in measures.yaml.
       */
      measures?: string[];
    };
    /**
     * Do: carry out the test and record what happened.
     */
    do?: {
      /**
       * When the test was carried out (its first day), YYYY-MM-DD.
       */
      date?: string | null;
      /**
       * Was it carried out as planned? as-planned, adapted (changed along the way) or partial (only part of it happened).
       */
      fidelity?: 'as-planned' | 'adapted' | 'partial' | null;
      /**
       * What was done, and any changes to the plan.
       */
      whatHappened?: string | null;
      /**
       * What the team noticed (no pupil names).
       */
      observations?: string | null;
      /**
       * Anything that happened that nobody expected.
       */
      unexpected?: string | null;
    };
    /**
     * Study: the results, compared with each prediction, and what the team learned.
     */
    study?: {
      /**
       * When the team studied the results (YYYY-MM-DD).
       */
      date?: string | null;
      /**
       * The result for each question of the plan, against its prediction.
       */
      results?: {
        /**
         * The id of the question in the plan, for example q1.
         */
        question: string;
        /**
         * What the data showed, for example: 22 of 26 families answered.
         */
        result?: string | null;
        /**
         * Did the result match the prediction? as-predicted, partly or not-as-predicted.
         */
        matched?: 'as-predicted' | 'partly' | 'not-as-predicted' | null;
      }[];
      /**
       * What the team learned, including why results differed from the predictions.
       */
      learning?: string | null;
    };
    /**
     * Act: what happens to the change idea now, and why.
     */
    act?: {
      /**
       * adopt (keep the change as it is), adapt (change it and test again) or abandon (stop testing it).
       */
      decision?: 'adopt' | 'adapt' | 'abandon' | null;
      /**
       * Why: the evidence from the study behind the decision.
       */
      rationale?: string | null;
      /**
       * What the next PDSA cycle will test, or how the change will be spread.
       */
      nextCycle?: string | null;
    };
  }[];
}
