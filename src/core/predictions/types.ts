// The track record of predictions (issue 12, section 5): how each prediction turned out, and how closely the PDSA
// chains of an Improvement Science cycle follow the method (Taylor et al. 2014). Shared by the core and the methods.

/** How a prediction turned out; the words PDSA study results use (pdsa.schema.json `matched`). */
export type Outcome = 'as-predicted' | 'partly' | 'not-as-predicted';

/** One prediction and what happened, as a method records it (a PDSA question) or as sipp works it out. */
export interface PredictionOutcome {
  /** contract: the cycle folder. */
  cycle: string;
  /** contract: where the prediction is, for example `question.yaml` or `pdsa.yaml, pdsa-2, q1`. */
  where: string;
  /** contract: the prediction in words. */
  predicted: string;
  /** contract: what was measured or found, in words; null while there is no result. */
  measured: string | null;
  /** contract: null while there is no result (or the figure is hidden as [c]). */
  outcome: Outcome | null;
}

/** One of the five features of the PDSA method (Taylor et al. 2014) and whether a chain shows it. */
export interface AdherenceCriterion {
  id: 'iterative' | 'prediction' | 'small-scale' | 'data-over-time' | 'documented';
  label: string;
  met: boolean;
  /** Why not, in words, when not met. */
  why: string | null;
}

/** A chain of PDSA cycles testing one change idea, with the features it shows. */
export interface AdherenceLine {
  cycle: string;
  changeIdea: string;
  pdsaCycles: number;
  criteria: AdherenceCriterion[];
  met: number;
}
