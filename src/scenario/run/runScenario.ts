import {UserError} from "../../errors/userError.js";
import type {Distribution} from "../../uncertainty/distribution.js";
import {monteCarlo} from "../../uncertainty/monteCarlo.js";
import {fan, type FanRow} from "../../uncertainty/fan.js";
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
  /** Cumulative inference spend, USD; step 0 is month 1. */
  cumulativeInferenceSpendUsd: FanRow[];
  /** The custom silicon program's cumulative discounted cash flow, USD; step 0 is month 0 (the NRE). */
  siliconCumulativeDiscountedCashFlowUsd: FanRow[];
}

export type MetricSummaryOrNull = MetricSummary | {mean: null; p5: null; p50: null; p95: null; nullShare: 1};

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
export function runScenario(bound: BoundScenario, {samples, seed}: ScenarioRunOptions): ScenarioRunResult {
  const median = scenarioMedianPoint(bound.resolved);
  const point = evaluateScenarioPoint(bound, median);
  const distributions = scenarioDistributions(bound.resolved);
  const uncertainKeys = Object.keys(distributions);
  if (uncertainKeys.length === 0) {
    return {point, uncertainKeys, metrics: {...point.metrics}, monteCarlo: null, bands: null};
  }
  const ranges = new Map(uncertainKeys.map((path) => [path, keyRange(scenarioKey(path)!)]));
  const sampled: ScenarioPoint = {...median};
  // Step-major series (month t of sample i at t × samples + i), NaN where a sample's horizon ends first.
  const spendSteps = point.spend.months.length;
  const siliconSteps = point.silicon.months.length;
  const spendSeries = new Float64Array(samples * spendSteps).fill(NaN);
  const siliconSeries = new Float64Array(samples * siliconSteps).fill(NaN);
  const result = monteCarlo({
    samples,
    seed,
    inputs: distributions as Record<string, Distribution>,
    outputs: SCENARIO_METRICS,
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
      for (const name of SCENARIO_METRICS) output[name]![i] = metrics[name] ?? NaN;
      const spend = evaluation.spend.months;
      for (let t = 0; t < spendSteps && t < spend.length; t++) {
        spendSeries[t * samples + i] = spend[t]!.cumulativeInferenceSpendUsd;
      }
      const silicon = evaluation.silicon.months;
      for (let t = 0; t < siliconSteps && t < silicon.length; t++) {
        siliconSeries[t * samples + i] = silicon[t]!.cumulativeDiscountedCashFlowUsd;
      }
    }
  });
  const bands: ScenarioBands = {
    cumulativeInferenceSpendUsd: fan({values: spendSeries, samples, steps: spendSteps, layout: "step-major"}),
    siliconCumulativeDiscountedCashFlowUsd: fan({
      values: siliconSeries,
      samples,
      steps: siliconSteps,
      layout: "step-major"
    })
  };
  const metrics = {} as ScenarioRunResult["metrics"];
  for (const name of SCENARIO_METRICS) {
    const stats = result.outputs[name];
    const nullShare = stats.nanCount / samples;
    metrics[name] =
      stats.count === 0
        ? {mean: null, p5: null, p50: null, p95: null, nullShare: 1}
        : {mean: stats.mean, p5: stats.p5, p50: stats.p50, p95: stats.p95, nullShare};
  }
  return {point, uncertainKeys, metrics, monteCarlo: {samples, seed}, bands};
}
