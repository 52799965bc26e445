import {UserError} from "../../errors/userError.js";
import type {Distribution} from "../../uncertainty/distribution.js";
import {monteCarlo} from "../../uncertainty/monteCarlo.js";
import {fan, type FanRow} from "../../uncertainty/fan.js";
import {QuantileSketch} from "../../uncertainty/quantileSketch.js";
import {SUMMARY_PS} from "../../uncertainty/summary.js";
import {isInRange, type NumberRange} from "../../units/range.js";
import {
  evaluateScenarioPoint,
  SCENARIO_METRICS,
  type BoundScenario,
  type ScenarioEvaluation,
  type ScenarioMetricName
} from "../evaluate/evaluateScenario.js";
import {keyRange, scenarioKey} from "../file/schema.js";
import {scenarioDistributions, scenarioMedianPoint, type ScenarioPoint} from "../resolve/scenarioValues.js";

/** A metric under uncertainty: its mean and percentiles over the Monte Carlo samples, in the metric's unit. */
export interface MetricSummary {
  mean: number;
  p5: number;
  p50: number;
  p95: number;
  /**
   * Share of samples in which the metric does not occur (a payback or crossover beyond the horizon); the statistics
   * above are over the other samples, and are null when no sample has a value.
   */
  nullShare: number;
}

export interface ScenarioRunOptions {
  /** Monte Carlo samples when any key is a distribution; a positive integer. */
  samples: number;
  /** Seed of the Monte Carlo run; an integer. */
  seed: number;
  /** Largest samples × months whose bands are exact, above which they are sketched (default EXACT_BAND_VALUES). */
  exactBandValues?: number;
}

export interface ScenarioRunResult {
  /** Every model evaluated at the median of each distribution: the series a page charts. */
  point: ScenarioEvaluation;
  /** Keys that are distributions. */
  uncertainKeys: string[];
  /** For a scenario without distributions, the point metrics; otherwise one MetricSummary per metric. */
  metrics: Record<ScenarioMetricName, number | null | MetricSummaryOrNull>;
  /** Samples and seed used; null when nothing was uncertain. */
  monteCarlo: {samples: number; seed: number} | null;
  /** Percentile bands of the time series over the Monte Carlo samples; null when nothing was uncertain. */
  bands: ScenarioBands | null;
}

/**
 * Per-month percentiles (p5, p25, p50, p75, p95) across the Monte Carlo samples of the series the pages chart. A month
 * a sample does not reach (a drawn horizon shorter than the median's) is left out of that month's percentiles.
 */
export interface ScenarioBands {
  /**
   * How the percentiles were found: "exact" (type 7 over every sample, src/uncertainty/quantiles.ts), or, for runs
   * whose samples × months exceed EXACT_BAND_VALUES, a quantile sketch within the stated relative accuracy α
   * (src/uncertainty/quantileSketch.ts: |estimate − exact| ≤ α × the larger magnitude of the two order statistics
   * the percentile lies between).
   */
  quantiles: "exact" | {sketch: "log-buckets"; relativeAccuracy: number};
  /** Cumulative inference spend, USD; step 0 is month 1. */
  cumulativeInferenceSpendUsd: FanRow[];
  /** The custom silicon program's cumulative discounted cash flow, USD; step 0 is month 0 (the NRE). */
  siliconCumulativeDiscountedCashFlowUsd: FanRow[];
}

export type MetricSummaryOrNull = MetricSummary | {mean: null; p5: null; p50: null; p95: null; nullShare: 1};

/**
 * Largest samples × months (both series together) whose bands are exact: 4,000,000 values, 32 MB held at once
 * (16,000 samples of a 5-year horizon). Larger runs use a quantile sketch per month, whose memory does not grow with
 * the samples: a million samples then hold about 30 MB of counts instead of about 1 GB of values. Such a run sketches
 * the metrics' percentiles too (their means stay exact sums), rather than hold 24 columns of samples (192 MB at 1M).
 */
export const EXACT_BAND_VALUES = 4_000_000;

/** Relative accuracy α of the bands' quantile sketch (0.05%: far below the width of any band it draws). */
export const BAND_SKETCH_ACCURACY = 5e-4;

/** The default sample count of `run`: enough for p5/p95 to about ±1% of their spread. */
export const DEFAULT_SCENARIO_SAMPLES = 2000;
export const DEFAULT_SCENARIO_SEED = 1;

/**
 * A sampled value pulled back inside its key's range: a normal for a fraction can stray below 0 or above 1, which no
 * model accepts. Open ends are approached to within 1e-9 of the bound, relative (or 1e-9 absolute near 0).
 */
export function clampToRange(value: number, range: NumberRange): number {
  if (isInRange(value, range)) return value;
  const epsilon = (bound: number) => Math.max(1e-9, Math.abs(bound) * 1e-9);
  if (value <= range.min) return !range.minExclusive ? range.min : range.min + epsilon(range.min);
  return !range.maxExclusive ? range.max : range.max - epsilon(range.max);
}

/**
 * Evaluates a scenario: every model at the median point, and, when any key is a distribution, a seeded Monte Carlo
 * of the headline metrics and of the charted series' bands (each sample evaluates the whole scenario with every
 * uncertain key drawn, clamped into its range). The same scenario, samples and seed give the same result bit for bit.
 */
export function runScenario(
  bound: BoundScenario,
  {samples, seed, exactBandValues = EXACT_BAND_VALUES}: ScenarioRunOptions
): ScenarioRunResult {
  const median = scenarioMedianPoint(bound.resolved);
  const point = evaluateScenarioPoint(bound, median);
  const distributions = scenarioDistributions(bound.resolved);
  const uncertainKeys = Object.keys(distributions);
  if (uncertainKeys.length === 0) {
    return {point, uncertainKeys, metrics: {...point.metrics}, monteCarlo: null, bands: null};
  }
  const ranges = new Map(uncertainKeys.map((path) => [path, keyRange(scenarioKey(path)!)]));
  const sampled: ScenarioPoint = {...median};
  const spendSteps = point.spend.months.length;
  const siliconSteps = point.silicon.months.length;
  const exact = samples * (spendSteps + siliconSteps) <= exactBandValues;
  const spendBands = exact ? exactBands(samples, spendSteps) : sketchBands(spendSteps);
  const siliconBands = exact ? exactBands(samples, siliconSteps) : sketchBands(siliconSteps);
  // A sketched run keeps no column per metric either: each metric's mean is a running sum, its percentiles a sketch.
  const streamed = exact
    ? null
    : SCENARIO_METRICS.map(() => ({sketch: new QuantileSketch(BAND_SKETCH_ACCURACY), sum: 0}));
  const result = monteCarlo<string, string>({
    samples,
    seed,
    inputs: distributions as Record<string, Distribution>,
    outputs: exact ? SCENARIO_METRICS : ["sample"],
    keepSamples: false,
    evaluateAt: (input, i, output) => {
      for (const path of uncertainKeys) sampled[path] = clampToRange(input[path]![i]!, ranges.get(path)!);
      let evaluation;
      try {
        evaluation = evaluateScenarioPoint(bound, sampled);
      } catch (error) {
        if (error instanceof UserError) {
          throw new UserError({
            ...error.detail,
            message: `${error.detail.message} (in a Monte Carlo sample: narrow the distributions so every draw is valid)`
          });
        }
        throw error;
      }
      const {metrics} = evaluation;
      if (streamed) {
        for (let m = 0; m < SCENARIO_METRICS.length; m++) {
          const value = metrics[SCENARIO_METRICS[m]!];
          if (value === null || value !== value) continue;
          streamed[m]!.sketch.add(value);
          streamed[m]!.sum += value;
        }
      } else for (const name of SCENARIO_METRICS) output[name]![i] = metrics[name] ?? NaN;
      const spend = evaluation.spend.months;
      for (let t = 0; t < spendSteps && t < spend.length; t++)
        spendBands.add(i, t, spend[t]!.cumulativeInferenceSpendUsd);
      const silicon = evaluation.silicon.months;
      for (let t = 0; t < siliconSteps && t < silicon.length; t++) {
        siliconBands.add(i, t, silicon[t]!.cumulativeDiscountedCashFlowUsd);
      }
    }
  });
  const bands: ScenarioBands = {
    quantiles: exact ? "exact" : {sketch: "log-buckets", relativeAccuracy: BAND_SKETCH_ACCURACY},
    cumulativeInferenceSpendUsd: spendBands.rows(),
    siliconCumulativeDiscountedCashFlowUsd: siliconBands.rows()
  };
  const metrics = {} as ScenarioRunResult["metrics"];
  SCENARIO_METRICS.forEach((name, m) => {
    const stats = streamed ? sketchStats(streamed[m]!.sketch, streamed[m]!.sum, samples) : result.outputs[name]!;
    const nullShare = stats.nanCount / samples;
    metrics[name] =
      stats.count === 0
        ? {mean: null, p5: null, p50: null, p95: null, nullShare: 1}
        : {mean: stats.mean, p5: stats.p5, p50: stats.p50, p95: stats.p95, nullShare};
  });
  return {point, uncertainKeys, metrics, monteCarlo: {samples, seed}, bands};
}

/** The statistics a run reports of one metric, from its sketch and running sum (over the samples with a value). */
function sketchStats(sketch: QuantileSketch, sum: number, samples: number) {
  const [p5, p50, p95] = sketch.quantiles([0.05, 0.5, 0.95]) as [number, number, number];
  return {count: sketch.count, nanCount: samples - sketch.count, mean: sum / sketch.count, p5, p50, p95};
}

/** Where a run's per-month values go: sample i's value at step t; then the fan rows. */
interface BandAccumulator {
  add(sample: number, step: number, value: number): void;
  rows(): FanRow[];
}

/** Every value kept, step-major (month t of sample i at t × samples + i; NaN where a horizon ends first): exact. */
function exactBands(samples: number, steps: number): BandAccumulator {
  const values = new Float64Array(samples * steps).fill(NaN);
  return {
    add: (sample, step, value) => void (values[step * samples + sample] = value),
    rows: () => fan({values, samples, steps, layout: "step-major"})
  };
}

/** One QuantileSketch per step: memory independent of the sample count, percentiles within BAND_SKETCH_ACCURACY. */
function sketchBands(steps: number): BandAccumulator {
  const sketches = Array.from({length: steps}, () => new QuantileSketch(BAND_SKETCH_ACCURACY));
  return {
    add: (_, step, value) => sketches[step]!.add(value),
    rows: () =>
      sketches.map((sketch, step) => {
        const [p5, p25, p50, p75, p95] = sketch.quantiles(SUMMARY_PS) as [number, number, number, number, number];
        return {step, p5, p25, p50, p75, p95};
      })
  };
}
