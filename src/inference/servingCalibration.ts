import type {ServingEfficiencies} from "./efficiencies.js";

/** The error of the serving model on a set of published measurements (model ÷ measured output tokens/s per chip). */
export interface ServingModelError {
  count: number;
  /** Median of |model ÷ measured − 1|. */
  medianAbsoluteError: number;
  /** Share with |model ÷ measured − 1| ≤ 0.25, and ≤ 0.35. */
  shareWithin25: number;
  shareWithin35: number;
  /** Median, 10th and 90th percentiles of model ÷ measured. */
  medianRatio: number;
  ratioP10: number;
  ratioP90: number;
}

/** What a calibration left for the model to use: efficiencies per chip family and stack, and the error it showed. */
export interface ServingCalibration {
  /** SHA-256 of data/measurements.csv as fitted. */
  measurementsSha256: string;
  pooled: ServingEfficiencies;
  /** Per "family/stack" ("hopper/trtllm") and per family ("hopper"), where enough measurements were fitted. */
  groups: Readonly<Record<string, ServingEfficiencies>>;
  /** Error on the measurements fitted, and on those held out of the fit. */
  fit: ServingModelError;
  heldOut: ServingModelError;
  /**
   * Error on whole systems held out of a refit (systemSplit, calibration/split.ts: every third chip, chip count, model,
   * precision, parallelism and stack of each group, with all its runs): the error to expect on an unmeasured system.
   * The efficiencies above are not this refit's. Null when too few measurements are left to refit.
   */
  heldOutBySystem: ServingModelError | null;
  /**
   * Error on the measurements outside the calibrated band (calibration/scope.ts: data-parallel attention with wide
   * expert parallelism, prefill on the same chips), which no efficiency was fitted on: what a layout of that kind
   * can expect (calibratedBandNote.ts says so where one is modelled). Null when the measurements hold none.
   */
  outOfBand: OutOfBandError | null;
}

/** The error on the measurements outside the calibrated band, with their extremes and what they measured. */
export interface OutOfBandError extends ServingModelError {
  /** Smallest and largest model ÷ measured (with a handful of runs, plainer than the 10th and 90th percentiles). */
  ratioMin: number;
  ratioMax: number;
  /** The model ids and the chip ids of those runs, each once, sorted. */
  models: string[];
  hardware: string[];
}
