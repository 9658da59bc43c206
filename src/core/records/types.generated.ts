// Generated from schemas/*.schema.json by `npm run gen:types`. Do not edit by hand.

/* eslint-disable */

/**
 * baseline.yaml: where things stand before the change, and the evidence that it is needed.
 */

export interface BaselineRecord {
  /**
   * When the baseline was taken (YYYY-MM-DD).
   */
  date?: string | null;
  /**
   * The context: the schools, classes and learners, and anything that matters about them.
   */
  context?: string | null;
  /**
   * What the evidence says about the need for this change.
   */
  evidenceOfNeed?: string | null;
  /**
   * Where the baseline evidence comes from.
   */
  dataSources?: {
    /**
     * For example: pupil reading survey, SNSA reading, attendance records.
     */
    name: string;
    /**
     * What it holds and who collected it.
     */
    description?: string | null;
  }[];
  /**
   * Baseline figures, one entry per measure (aggregated figures only).
   */
  values?: {
    /**
     * A short id for a measure, in lower case with hyphens, for example reading-enjoyment. It must match an id in measures.yaml.
     */
    measure: string;
    /**
     * Which learners, for example: all, SIMD 1-2, intervention.
     */
    group?: string | null;
    /**
     * The baseline value, in the measure's unit.
     */
    value?: number | null;
    /**
     * How many learners it is based on.
     */
    n?: number | null;
    /**
     * When it was collected, if not the baseline date.
     */
    date?: string | null;
    /**
     * Free text. Leave it empty until you have an answer.
     */
    note?: string | null;
  }[];
}

/**
 * intervention.yaml: the change you are making, as planned and as it actually happened.
 */

export interface InterventionRecord {
  /**
   * The change, in a sentence or two.
   */
  what?: string | null;
  /**
   * Who delivers it and who takes part.
   */
  who?: string | null;
  /**
   * Which schools and classes.
   */
  where?: string | null;
  /**
   * When it starts (YYYY-MM-DD).
   */
  start?: string | null;
  /**
   * When it ends (YYYY-MM-DD).
   */
  end?: string | null;
  /**
   * How much of it learners get.
   */
  dosage?: {
    /**
     * How many sessions were planned.
     */
    sessionsPlanned?: number | null;
    /**
     * How many sessions took place.
     */
    sessionsDelivered?: number | null;
    /**
     * How long each session lasts, in minutes.
     */
    minutesPerSession?: number | null;
    /**
     * How often, for example: daily, three times a week.
     */
    frequency?: string | null;
  };
  /**
   * What was planned, including the actions (what, who, when, where).
   */
  planned?: string | null;
  /**
   * What actually happened.
   */
  actual?: string | null;
  /**
   * How closely delivery followed the plan: as-planned, adapted or partial.
   */
  fidelity?: 'as-planned' | 'adapted' | 'partial' | null;
  /**
   * A dated log of changes made along the way, with reasons.
   */
  adaptations?: {
    /**
     * A date written as YYYY-MM-DD, for example 2025-09-15.
     */
    date: string | null;
    /**
     * What changed.
     */
    change: string;
    /**
     * Why it changed.
     */
    reason?: string | null;
  }[];
  /**
   * What got in the way.
   */
  challenges?: string | null;
}

/**
 * measures.yaml: how you will know whether the change is an improvement (the measures) and what you found (aggregated results only: pupil-level data stays in data/private/).
 */

export interface MeasuresRecord {
  /**
   * The measures this cycle uses.
   */
  measures?: {
    /**
     * A short id for a measure, in lower case with hyphens, for example reading-enjoyment. It must match an id in measures.yaml.
     */
    id: string;
    /**
     * The measure's name, for example: Reading enjoyment survey score.
     */
    name: string;
    /**
     * outcome (the result for learners), process (whether the change is happening), balancing (whether something else got worse) or qualitative (views and observations).
     */
    type?: 'outcome' | 'process' | 'balancing' | 'qualitative' | null;
    /**
     * score (an average of scores) or yes-no (a count of learners out of a total). Defaults to score.
     */
    kind?: 'score' | 'yes-no';
    /**
     * The unit, for example: points out of 40, % of sessions.
     */
    unit?: string | null;
    /**
     * true when a higher value is better, false when lower is better.
     */
    higherIsBetter?: boolean | null;
    /**
     * Where the figures come from.
     */
    dataSource?: string | null;
    /**
     * A name the partnerships of a network agree for this measure, whatever their own ids, for example snsa-reading: the network view pools the cycles that share it.
     */
    shared?: string | null;
    /**
     * Settings for charts of a dated series of this measure.
     */
    chart?: {
      /**
       * Fix the centre line and limits on this many first points (the baseline period), and on this many first points after each rebase. Leave it out to use every point.
       */
      baselinePoints?: number | null;
      /**
       * The lowest possible value, for example 0.
       */
      floor?: number | null;
      /**
       * The highest possible value, for example 100.
       */
      ceiling?: number | null;
      /**
       * true to leave out moving ranges of 3.267 times the mean moving range or more before the XmR limits are worked out (one unusual jump then does not widen them). Off unless set, as in the Making Data Count spreadsheet.
       */
      screenMovingRanges?: boolean | null;
      /**
       * Dates from which the chart starts a new centre line and new limits (at the first point on or after the date), each with a reason. sipp never rebases by itself.
       */
      rebase?: {
        /**
         * A date written as YYYY-MM-DD, for example 2025-09-15.
         */
        date: string | null;
        /**
         * Why the chart starts a new centre line from this date, for example: the change started.
         */
        reason: string;
      }[];
    };
  }[];
  /**
   * Aggregated before-and-after figures per measure and group.
   */
  results?: {
    /**
     * A short id for a measure, in lower case with hyphens, for example reading-enjoyment. It must match an id in measures.yaml.
     */
    measure: string;
    /**
     * The groups compared, each with its figures before and after the change.
     */
    groups?: {
      /**
       * The group's name as briefings show it, for example: Intervention, SIMD 1-2.
       */
      name: string;
      /**
       * intervention, comparison or all.
       */
      role?: 'intervention' | 'comparison' | 'all' | null;
      /**
       * Which learners by equity marker: all, equity-group, others, or simd-1 to simd-5.
       */
      equity?:
        'all' | 'equity-group' | 'others' | 'simd-1' | 'simd-2' | 'simd-3' | 'simd-4' | 'simd-5' | null;
      /**
       * Figures for one group at one time. Aggregated figures only: never pupil names or codes.
       */
      before?: {
        /**
         * When the figures were collected (for SNSA, the assessment date).
         */
        date?: string | null;
        /**
         * How many learners the figures are based on.
         */
        n: number;
        /**
         * The average score.
         */
        mean?: number | null;
        /**
         * The standard deviation of the scores.
         */
        sd?: number | null;
        /**
         * For a yes/no measure: how many learners answered yes.
         */
        count?: number | null;
      };
      /**
       * Figures for one group at one time. Aggregated figures only: never pupil names or codes.
       */
      after?: {
        /**
         * When the figures were collected (for SNSA, the assessment date).
         */
        date?: string | null;
        /**
         * How many learners the figures are based on.
         */
        n: number;
        /**
         * The average score.
         */
        mean?: number | null;
        /**
         * The standard deviation of the scores.
         */
        sd?: number | null;
        /**
         * For a yes/no measure: how many learners answered yes.
         */
        count?: number | null;
      };
      /**
       * The learners with a score both before and after (sipp data import works it out from the class table): how many (n) and how closely their before and after scores go together (r, from -1 to 1). sipp uses it for the 95% interval of a change without a comparison group.
       */
      paired?: {
        /**
         * How many learners have a score both before and after.
         */
        n: number;
        /**
         * The correlation of their before and after scores (Pearson's r, to 3 decimals).
         */
        r: number;
      };
      /**
       * true when the group's figures are left out to protect learners (disclosure control): the group is named, but it has no before or after.
       */
      suppressed?: boolean;
      /**
       * Why the figures are left out: small-group (fewer learners than the threshold), small-count (too few answered yes, or no), or secondary (they would let a small group be worked out).
       */
      suppression?: 'small-group' | 'small-count' | 'secondary';
    }[];
  }[];
  /**
   * Dated series of values, for run charts (for example attendance rate per week).
   */
  series?: {
    /**
     * A short id for a measure, in lower case with hyphens, for example reading-enjoyment. It must match an id in measures.yaml.
     */
    measure: string;
    /**
     * Which learners, for example: all, SIMD 1-2.
     */
    group?: string | null;
    /**
     * The dated values, one per line, in date order.
     */
    points?: {
      /**
       * A date written as YYYY-MM-DD, for example 2025-09-15.
       */
      date: string | null;
      /**
       * true when the point is left out to protect learners (fewer than the threshold on that date): it has no value or n.
       */
      suppressed?: boolean;
      /**
       * The value on that date. For a yes-no measure, the percentage of learners answering yes (0 to 100).
       */
      value?: number;
      /**
       * How many learners it is based on.
       */
      n?: number | null;
      /**
       * Free text. Leave it empty until you have an answer.
       */
      note?: string | null;
    }[];
  }[];
}

/**
 * network.yaml: the partnerships whose enquiry a network view pulls together, each from its own Git repository. sipp reads them at the ref given and never changes them.
 */

export interface NetworkRecord {
  /**
   * The network's title, for example: Clydemuir and Strathbrae attainment network 2025-26.
   */
  title: string;
  /**
   * The partnerships in the network, one per Git repository.
   */
  members: {
    /**
     * A short name for the member: lower-case letters, digits and hyphens, for example northfield-reading.
     */
    name: string;
    /**
     * Where its repository is: a folder on this computer, or any address `git clone` accepts (https://…, git@…, a bare repository on disk).
     */
    source: string;
    /**
     * The branch, tag or commit to read. Leave it out for the repository's default branch.
     */
    ref?: string | null;
  }[];
}

/**
 * question.yaml: what this cycle wants to find out, for whom, and what you expect to happen.
 */

export interface QuestionRecord {
  /**
   * A short title for the cycle.
   */
  title?: string | null;
  /**
   * The enquiry method of this cycle. Leave it as it is: sipp set it when the cycle started.
   */
  method?: 'car' | 'lesson-study' | 'instructional-rounds' | 'improvement-science' | 'practitioner-enquiry';
  /**
   * A narrow, answerable enquiry question, for example: Does a daily 15-minute paired-reading slot increase how much P5 learners in SIMD quintiles 1-2 enjoy reading?
   */
  question?: string | null;
  /**
   * The focus theme, for example: literacy, numeracy, health and wellbeing, attendance.
   */
  theme?: string | null;
  /**
   * Which learners the enquiry is for.
   */
  targetLearners?: {
    /**
     * Who they are, in a sentence, for example: P4-P7 learners who say they rarely read for pleasure.
     */
    description?: string | null;
    /**
     * School stages, for example [P4, P5].
     *
     * Items: A school stage: ELC (early learning and childcare), P1 to P7 or S1 to S6.
     */
    stages?: (
      'ELC' | 'P1' | 'P2' | 'P3' | 'P4' | 'P5' | 'P6' | 'P7' | 'S1' | 'S2' | 'S3' | 'S4' | 'S5' | 'S6'
    )[];
    /**
     * Curriculum for Excellence levels, for example [first, second].
     *
     * Items: early, first, second, third, fourth or senior-phase.
     */
    cfeLevels?: ('early' | 'first' | 'second' | 'third' | 'fourth' | 'senior-phase')[];
    /**
     * Roughly how many learners.
     */
    number?: number | null;
  };
  /**
   * The learners whose outcomes the partnership most wants to improve, and how they are identified.
   */
  equityGroup?: {
    /**
     * How the group is identified: simd-quintile, free-school-meals, care-experienced, additional-support-needs, eal (English as an additional language), young-carer or other.
     */
    marker?:
      | 'simd-quintile'
      | 'free-school-meals'
      | 'care-experienced'
      | 'additional-support-needs'
      | 'eal'
      | 'young-carer'
      | 'other'
      | null;
    /**
     * The group in words, for example: learners living in SIMD quintiles 1 and 2.
     */
    description?: string | null;
    /**
     * Which SIMD edition was used, for example SIMD 2020v2.
     */
    simdEdition?: string | null;
    /**
     * The SIMD quintiles counted as the equity group (1 is the most deprived 20% of data zones).
     */
    quintiles?: number[];
  };
  /**
   * What you are trying to accomplish, for whom, how much and by when.
   */
  aim?: string | null;
  /**
   * Why this change: the evidence or research it rests on.
   */
  rationale?: string | null;
  /**
   * What you expect to happen, written before you start. Recording it first is what makes the enquiry a test.
   */
  prediction?: string | null;
  /**
   * When you wrote the prediction (YYYY-MM-DD): before you collect any results.
   */
  predictionDate?: string | null;
  /**
   * The prediction in figures, where it names a measure: which way each measure will move and by how much. sipp compares it with what was measured, cycle by cycle, in `sipp status` and the overview briefing.
   */
  predicted?: {
    /**
     * A short id for a measure, in lower case with hyphens, for example reading-enjoyment. It must match an id in measures.yaml.
     */
    measure: string;
    /**
     * up or down: which way the measure will move.
     */
    direction: 'up' | 'down';
    /**
     * How much, in the measure's unit (percentage points for a yes/no measure), for example 3. Leave it out to predict the direction only.
     */
    by?: number | null;
    /**
     * Whose change: intervention (the learners who get the change, the default) or equity-group (the equity group among them).
     */
    group?: 'intervention' | 'equity-group' | null;
  }[];
  /**
   * The evidence that will tell you whether the change is an improvement.
   */
  howWillWeKnow?: string | null;
  /**
   * What success will look like, one point per line.
   */
  successCriteria?: string[];
  /**
   * The learners you plan to compare, written before any data is collected, for `sipp plan`: it says which figures will be hidden as [c] and the smallest difference the design can detect. For example: intervention: { learners: 26, simd: [6, 5, 4, 8, 3] }
   */
  plannedGroups?: {
    /**
     * The learners who get the change.
     */
    intervention?: {
      /**
       * How many learners.
       */
      learners: number;
      /**
       * How many of them live in SIMD quintiles 1, 2, 3, 4 and 5, in that order, for example [6, 5, 4, 6, 5]: a learner whose quintile is not known is left out.
       *
       * @minItems 5
       * @maxItems 5
       */
      simd?: [number, number, number, number, number];
      /**
       * How many of them are registered for free school meals.
       */
      fsm?: number;
    };
    /**
     * The learners who do not (leave it out when there is no comparison group).
     */
    comparison?: {
      /**
       * How many learners.
       */
      learners: number;
      /**
       * How many of them live in SIMD quintiles 1, 2, 3, 4 and 5, in that order, for example [6, 5, 4, 6, 5]: a learner whose quintile is not known is left out.
       *
       * @minItems 5
       * @maxItems 5
       */
      simd?: [number, number, number, number, number];
      /**
       * How many of them are registered for free school meals.
       */
      fsm?: number;
    };
    /**
     * How closely you expect learners' scores before and after to go together (r), for example the `paired: r` an earlier cycle's import wrote. A pre-test makes a smaller difference detectable. Leave it out if you do not know.
     */
    correlation?: number | null;
  } | null;
}

/**
 * reflections.yaml: what happened, what you learned, what you decided and who you shared it with.
 */

export interface ReflectionsRecord {
  /**
   * When the team reflected (YYYY-MM-DD).
   */
  date?: string | null;
  /**
   * What happened compared with your prediction and with the baseline.
   */
  outcomeVsPrediction?: string | null;
  /**
   * What the results of each measure show.
   */
  findings?: {
    /**
     * A short id for a measure, in lower case with hyphens, for example reading-enjoyment. It must match an id in measures.yaml.
     */
    measure: string;
    /**
     * Free text. Leave it empty until you have an answer.
     */
    finding?: string | null;
  }[];
  /**
   * What the team learned.
   */
  learning?: string | null;
  /**
   * The difference it made to learners, especially those in the equity group.
   */
  impactOnLearners?: string | null;
  /**
   * The difference it made to teaching and to how staff work together.
   */
  impactOnPractice?: string | null;
  /**
   * What happens to the change now: adopt (keep it), adapt (change it and test again), abandon (stop it), scale (spread it to more classes or schools) or continue (keep testing as it is).
   */
  decision?: 'adopt' | 'adapt' | 'abandon' | 'scale' | 'continue' | null;
  /**
   * What happens next, and the question for the next cycle.
   */
  nextSteps?: string | null;
  /**
   * Who the learning was shared with, how and when.
   */
  sharedWith?: {
    /**
     * school, cluster, partnership, local-authority, network, learners or parents.
     */
    audience: 'school' | 'cluster' | 'partnership' | 'local-authority' | 'network' | 'learners' | 'parents';
    /**
     * For example: staff meeting, partnership conference, newsletter.
     */
    how?: string | null;
    /**
     * A date written as YYYY-MM-DD, for example 2025-09-15.
     */
    date?: string | null;
  }[];
  /**
   * What learners said about the change.
   */
  learnerVoice?: string | null;
  /**
   * What parents and carers said.
   */
  parentVoice?: string | null;
}

/**
 * sipp.yaml: the enquiry project shared by every cycle: the partnership, the team, the enquiry method, the focus and the equity group.
 */

export interface ProjectFile {
  /**
   * The version of the sipp file format. Leave it as 1.
   */
  schemaVersion: 1;
  /**
   * The enquiry's title, for example: Reading for pleasure across the Northfield partnership.
   */
  title: string;
  /**
   * The school improvement partnership running the enquiry.
   */
  partnership?: {
    /**
     * The partnership's name.
     */
    name?: string | null;
    /**
     * The programme, for example: School Improvement Partnership Programme.
     */
    programme?: string | null;
    /**
     * The local authorities taking part.
     */
    localAuthorities?: string[];
    /**
     * The schools taking part.
     */
    schools?: {
      /**
       * The school's name.
       */
      name: string;
      /**
       * early-learning-and-childcare, primary, secondary, special or all-through.
       */
      sector?: 'early-learning-and-childcare' | 'primary' | 'secondary' | 'special' | 'all-through' | null;
      /**
       * The school's local authority.
       */
      authority?: string | null;
    }[];
  };
  /**
   * The people doing the enquiry, by display name or handle (no e-mail addresses needed).
   */
  team?: {
    /**
     * A display name or handle.
     */
    name: string;
    /**
     * lead, member, facilitator or researcher.
     */
    role?: 'lead' | 'member' | 'facilitator' | 'researcher' | null;
    /**
     * Where they work.
     */
    school?: string | null;
  }[];
  /**
   * The enquiry method new cycles use unless told otherwise. car (Collaborative Action Research) is the default.
   */
  method: 'car' | 'lesson-study' | 'instructional-rounds' | 'improvement-science' | 'practitioner-enquiry';
  /**
   * The improvement focus, for example: reading engagement of P4-P7 learners.
   */
  focus?: string | null;
  /**
   * The learners the enquiry is for. New cycles copy this.
   */
  targetLearners?: {
    /**
     * Who they are, in a sentence, for example: P4-P7 learners who say they rarely read for pleasure.
     */
    description?: string | null;
    /**
     * School stages, for example [P4, P5].
     *
     * Items: A school stage: ELC (early learning and childcare), P1 to P7 or S1 to S6.
     */
    stages?: (
      'ELC' | 'P1' | 'P2' | 'P3' | 'P4' | 'P5' | 'P6' | 'P7' | 'S1' | 'S2' | 'S3' | 'S4' | 'S5' | 'S6'
    )[];
    /**
     * Curriculum for Excellence levels, for example [first, second].
     *
     * Items: early, first, second, third, fourth or senior-phase.
     */
    cfeLevels?: ('early' | 'first' | 'second' | 'third' | 'fourth' | 'senior-phase')[];
    /**
     * Roughly how many learners.
     */
    number?: number | null;
  };
  /**
   * The learners whose outcomes the partnership most wants to improve. New cycles copy this.
   */
  equityGroup?: {
    /**
     * How the group is identified: simd-quintile, free-school-meals, care-experienced, additional-support-needs, eal (English as an additional language), young-carer or other.
     */
    marker?:
      | 'simd-quintile'
      | 'free-school-meals'
      | 'care-experienced'
      | 'additional-support-needs'
      | 'eal'
      | 'young-carer'
      | 'other'
      | null;
    /**
     * The group in words, for example: learners living in SIMD quintiles 1 and 2.
     */
    description?: string | null;
    /**
     * Which SIMD edition was used, for example SIMD 2020v2.
     */
    simdEdition?: string | null;
    /**
     * The SIMD quintiles counted as the equity group (1 is the most deprived 20% of data zones).
     */
    quintiles?: number[];
  };
  /**
   * Groups with fewer learners than this are shown as [c] in briefings, so nobody can be identified. Scottish Government practice is 5.
   */
  suppressionThreshold?: number;
}
