import {UserError} from "../../errors/userError.js";
import type {Distribution} from "../../uncertainty/distribution.js";
import {monteCarlo} from "../../uncertainty/monteCarlo.js";
import {fan, type FanRow} from "../../uncertainty/fan.js";
import {ExactQuantiles} from "../../uncertainty/exactQuantiles.js";
import {QuantileSketch} from "../../uncertainty/quantileSketch.js";
import {SUMMARY_PS} from "../../uncertainty/summary.js";
import {
  evaluateScenarioDraw,
  evaluateScenarioPoint,
  SCENARIO_METRICS,
  type BoundScenario,
  type ScenarioDraw,
  type ScenarioEvaluation,
  type ScenarioMetricName
} from "../evaluate/evaluateScenario.js";
import {keyRange, scenarioKey} from "../file/schema.js";
import {scenarioMedianPoint, type ScenarioPoint} from "../resolve/scenarioValues.js";
import {rejectedDrawError} from "./rejectedDraw.js";
import {clampToRange, drawnDistributions, scenarioDrawMedianPoint} from "./scenarioDraws.js";

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
  /** Monte Carlo samples when any key is a distribution; a positive integer (default DEFAULT_SCENARIO_SAMPLES, run's). */
  samples?: number;
  /** Seed of the Monte Carlo run; an integer (default DEFAULT_SCENARIO_SEED, run's). */
  seed?: number;
  /**
   * Largest samples × months held at once (default EXACT_BAND_VALUES): a larger run sketches its bands and metrics in
   * a first pass, then finds the exact percentiles in more passes over the same draws (ExactQuantiles), each holding
   * at most this many values near the percentiles.
   */
  exactBandValues?: number;
  /** Above exactBandValues, stop after the first pass: percentiles within BAND_SKETCH_ACCURACY (default false). */
  sketchOnly?: boolean;
}

export interface ScenarioRunResult {
  /**
   * Every model evaluated at one point, each uncertain key at the median of its draws (scenarioDrawMedianPoint, same
   * samples and seed): the series a page charts.
   */
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
   * How the percentiles were found: "exact" (type 7 over every sample, src/uncertainty/quantiles.ts; a run whose
   * samples × months exceed EXACT_BAND_VALUES finds the same numbers in passes of bounded memory,
   * src/uncertainty/exactQuantiles.ts), or, with `sketchOnly`, a quantile sketch within the stated relative accuracy
   * α (src/uncertainty/quantileSketch.ts: |estimate − exact| ≤ α × the larger magnitude of the two order statistics
   * the percentile lies between).
   */
  quantiles: "exact" | {sketch: "log-buckets"; relativeAccuracy: number};
  /** Cumulative inference spend, USD; step 0 is month 1. */
  cumulativeInferenceSpendUsd: FanRow[];
  /** The custom silicon program's cumulative discounted cash flow, USD; step 0 is month 0 (the NRE). */
  siliconCumulativeDiscountedCashFlowUsd: FanRow[];
  /**
   * The same program's NPV had the chip been designed in `step` months (its npvByDesignCycle), USD; step 0 to the
   * horizon. Over the same draws as the metrics, so the p50 at the scenario's own cycle is siliconNpvUsd's median, and
   * at another cycle the median of a scenario that differs only in silicon.designCycle.
   */
  siliconNpvByDesignCycleUsd: FanRow[];
  /**
   * The inference tax chapter's years (src/strategy/inferenceTax.ts InferenceTaxYear), USD in the year; step 0 is year
   * 1: spend on the merchant fleet, on the same fleet bought in house, and the tax recovered (their difference). Year
   * 1's recovered p50 is inferenceTaxRecoveredFirstYearUsd's median.
   */
  inferenceTaxMerchantSpendByYearUsd: FanRow[];
  inferenceTaxInHouseSpendByYearUsd: FanRow[];
  inferenceTaxRecoveredByYearUsd: FanRow[];
  /**
   * The inference tax's cost stack, USD per million tokens: step k is the k-th row of InferenceTaxResult.stack (the
   * merchant fleet's components, then the in-house fleet's, in that result's order).
   */
  inferenceTaxStackUsdPerMTok: FanRow[];
}

export type MetricSummaryOrNull = MetricSummary | {mean: null; p5: null; p50: null; p95: null; nullShare: 1};

/**
 * Largest samples × steps (the banded series together) held at once: 4,000,000 values, 32 MB (about 19,000 samples
 * of a 5-year horizon's series: three of 60–61 steps, three of 5, one of 12). A larger run first fills a quantile
 * sketch per step and per metric, whose memory does not grow with the samples (tens of MB of counts at a million
 * samples instead of about 1.5 GB of values; the metrics' means stay exact sums), then draws the same samples again,
 * keeping only the values in the sketch buckets that hold the percentiles (at most this many per pass, usually far
 * fewer), which gives the exact percentiles.
 */
export const EXACT_BAND_VALUES = 4_000_000;

/** Samples whose values a run's first sketching pass gathers before adding them, sketch by sketch (a few MB). */
const SKETCH_BLOCK_SAMPLES = 1024;

/** Relative accuracy α of the bands' quantile sketch (0.05%: far below the width of any band it draws). */
export const BAND_SKETCH_ACCURACY = 5e-4;

/**
 * The sample count of `run` by default, of the static site and of a page that recomputes: one count everywhere, so
 * that with the same seed the CLI, the site's figures and a scenario page print the same median and band (issue #13).
 * At 1,000 draws the standard error of p5 or p95 is about 2% of the p5–p95 width (for a normal: √(0.05 × 0.95 / 1000)
 * ÷ φ(1.645) = 0.067σ, against a width of 3.29σ).
 */
export const DEFAULT_SCENARIO_SAMPLES = 1000;
export const DEFAULT_SCENARIO_SEED = 1;

/**
 * Evaluates a scenario: when any key is a distribution, a seeded Monte Carlo of the headline metrics and of the charted
 * series' bands (each sample evaluates the whole scenario with every uncertain key drawn, clamped into its range), and
 * every model at one point, each uncertain key at the median of its draws (scenarioDrawMedianPoint). The same
 * scenario, samples and seed give the same result bit for bit; without options, `run`'s defaults (1,000 samples,
 * seed 1: a call without them threw a TypeError; modeller's trial).
 *
 * @param bound The scenario bound to its catalog rows (bindScenario).
 * @param options ScenarioRunOptions: samples (an integer in [1, MAX_MONTE_CARLO_SAMPLES]) and seed (a whole
 *   number within ±(2^53 − 1)).
 * @returns ScenarioRunResult: `metrics` each in its METRIC_INFO unit, a number or null without distributions, else a
 *   MetricSummary ({mean, p5, p50, p95, nullShare}); `bands` per month; `point` (evaluateScenarioPoint's result).
 * @throws UserError naming `samples` or `seed` for a count or seed outside those ranges; a UserError at the scenario
 *   key for a value a model rejects, at the point or in a draw (rejectedDraw.ts: the draw's value named).
 */
export function runScenario(
  bound: BoundScenario,
  {
    samples = DEFAULT_SCENARIO_SAMPLES,
    seed = DEFAULT_SCENARIO_SEED,
    exactBandValues = EXACT_BAND_VALUES,
    sketchOnly = false
  }: ScenarioRunOptions = {}
): ScenarioRunResult {
  // A bound that is no count sent every run down the slow sketching path (−1, NaN, null; breaker); 0 sketches every
  // run, on purpose.
  if (!(Number.isSafeInteger(exactBandValues) && exactBandValues >= 0)) {
    throw new UserError({
      path: "exactBandValues",
      message: "not a whole number of values",
      expected: `a whole number of values, 0 or more (default ${EXACT_BAND_VALUES})`,
      found: String(exactBandValues)
    });
  }
  const distributions = drawnDistributions(bound.resolved);
  const uncertainKeys = Object.keys(distributions);
  if (uncertainKeys.length === 0) {
    const point = evaluateScenarioPoint(bound, scenarioMedianPoint(bound.resolved));
    return {point, uncertainKeys, metrics: {...point.metrics}, monteCarlo: null, bands: null};
  }
  const median = scenarioDrawMedianPoint(bound.resolved, {samples, seed});
  const point = evaluateScenarioPoint(bound, median);
  const ranges = new Map(uncertainKeys.map((path) => [path, keyRange(scenarioKey(path)!)]));
  const sampled: ScenarioPoint = {...median};
  const taxYears = <K extends keyof ScenarioBands>(
    key: K,
    field: "merchantSpendUsd" | "inHouseSpendUsd" | "recoveredUsd"
  ) => ({
    key,
    steps: point.tax.years.length,
    at: (evaluation: ScenarioDraw, t: number) => evaluation.tax.years[t]?.[field] ?? NaN
  });
  // The banded series: what each sample adds at each step (spend step t is month t + 1, silicon step t is month t,
  // cycle step t is a t-month design cycle, tax step t is year t + 1), in ScenarioBands order.
  const series = [
    {
      key: "cumulativeInferenceSpendUsd",
      steps: point.spend.months.length,
      at: (evaluation: ScenarioDraw, t: number) => evaluation.spend.months[t]?.cumulativeInferenceSpendUsd ?? NaN
    },
    {
      key: "siliconCumulativeDiscountedCashFlowUsd",
      steps: point.silicon.months.length,
      at: (evaluation: ScenarioDraw, t: number) => evaluation.silicon.months[t]?.cumulativeDiscountedCashFlowUsd ?? NaN
    },
    {
      key: "siliconNpvByDesignCycleUsd",
      steps: point.silicon.npvByDesignCycle.length,
      at: (evaluation: ScenarioDraw, t: number) => evaluation.silicon.npvByDesignCycle[t]?.npvUsd ?? NaN
    },
    taxYears("inferenceTaxMerchantSpendByYearUsd", "merchantSpendUsd"),
    taxYears("inferenceTaxInHouseSpendByYearUsd", "inHouseSpendUsd"),
    taxYears("inferenceTaxRecoveredByYearUsd", "recoveredUsd"),
    {
      key: "inferenceTaxStackUsdPerMTok",
      steps: point.tax.stack.length,
      at: (evaluation: ScenarioDraw, t: number) => evaluation.tax.stack[t]?.usdPerMTok ?? NaN
    }
  ] as const satisfies readonly {
    key: Exclude<keyof ScenarioBands, "quantiles">;
    steps: number;
    at: (evaluation: ScenarioDraw, t: number) => number;
  }[];
  const exact = samples * series.reduce((sum, s) => sum + s.steps, 0) <= exactBandValues;
  /** One pass of the Monte Carlo over the same draws (the seed decides them), each sample's evaluation to `use`. */
  const pass = (
    outputs: readonly string[],
    use: (evaluation: ScenarioDraw, i: number, output: Record<string, Float64Array>) => void
  ) =>
    monteCarlo<string, string>({
      samples,
      seed,
      inputs: distributions as Record<string, Distribution>,
      outputs,
      keepSamples: false,
      evaluateAt: (input, i, output) => {
        for (const path of uncertainKeys) sampled[path] = clampToRange(input[path]![i]!, ranges.get(path)!);
        let evaluation;
        try {
          evaluation = evaluateScenarioDraw(bound, sampled);
        } catch (error) {
          if (error instanceof UserError) {
            throw rejectedDrawError({bound, error, sampled, median, uncertainKeys, draw: i, samples, seed});
          }
          throw error;
        }
        use(evaluation, i, output);
      }
    });
  const metricAt = (evaluation: ScenarioDraw, m: number) => evaluation.metrics[SCENARIO_METRICS[m]!] ?? NaN;

  if (exact) {
    const values = series.map((s) => new Float64Array(samples * s.steps));
    const result = pass(SCENARIO_METRICS, (evaluation, i, output) => {
      for (let m = 0; m < SCENARIO_METRICS.length; m++) output[SCENARIO_METRICS[m]!]![i] = metricAt(evaluation, m);
      series.forEach((s, k) => {
        for (let t = 0; t < s.steps; t++) values[k]![t * samples + i] = s.at(evaluation, t);
      });
    });
    const bands = {
      quantiles: "exact",
      ...Object.fromEntries(
        series.map((s, k) => [s.key, fan({values: values[k]!, samples, steps: s.steps, layout: "step-major"})])
      )
    } as ScenarioBands;
    const metrics = runMetrics(samples, (m) => result.outputs[SCENARIO_METRICS[m]!]!);
    return {point, uncertainKeys, metrics, monteCarlo: {samples, seed}, bands};
  }

  // Pass 1: a sketch per month of each series and per metric (and each metric's running sum, for its mean). The values
  // are gathered SKETCH_BLOCK_SAMPLES samples at a time and added one sketch after another: added as each sample came,
  // every add touched another sketch's counts (about 250 sketches a sample), and cache misses made an add cost twice
  // as much. A sketch depends only on the values it is given, and each sum takes them in sample order, as before.
  const sketch = () => new QuantileSketch(BAND_SKETCH_ACCURACY);
  const seriesSketches = series.map((s) => Array.from({length: s.steps}, sketch));
  // Every step of every series, in series order: the layout of stepBlock.
  const stepSketches = seriesSketches.flat();
  const metricSketches = SCENARIO_METRICS.map(sketch);
  const sums = SCENARIO_METRICS.map(() => 0);
  const block = Math.min(SKETCH_BLOCK_SAMPLES, samples);
  const metricBlock = new Float64Array(SCENARIO_METRICS.length * block);
  const stepBlock = new Float64Array(stepSketches.length * block);
  let filled = 0;
  const flush = () => {
    for (let m = 0; m < SCENARIO_METRICS.length; m++) {
      const sketch = metricSketches[m]!;
      for (let i = m * block, end = i + filled; i < end; i++) {
        const value = metricBlock[i]!;
        if (value !== value) continue;
        sketch.add(value);
        sums[m]! += value;
      }
    }
    for (let j = 0; j < stepSketches.length; j++) {
      const sketch = stepSketches[j]!;
      for (let i = j * block, end = i + filled; i < end; i++) sketch.add(stepBlock[i]!);
    }
    filled = 0;
  };
  pass(["sample"], (evaluation) => {
    for (let m = 0; m < SCENARIO_METRICS.length; m++) metricBlock[m * block + filled] = metricAt(evaluation, m);
    let j = 0;
    for (const s of series) for (let t = 0; t < s.steps; t++) stepBlock[j++ * block + filled] = s.at(evaluation, t);
    if (++filled === block) flush();
  });
  flush();
  const METRIC_PS = [0.05, 0.5, 0.95];
  const seriesQuantiles = seriesSketches.map((sketches) => sketches.map((s) => s.quantiles(SUMMARY_PS)));
  const metricQuantiles = metricSketches.map((s) => s.quantiles(METRIC_PS));
  if (!sketchOnly) {
    // Passes 2, 3, …: the same draws again, each pass keeping the values near the percentiles of as many series and
    // metrics as fit in exactBandValues (ExactQuantiles), until every percentile is exact.
    const jobs = [
      ...series.flatMap((each, k) =>
        seriesSketches[k]!.map((s, t) => ({
          exact: new ExactQuantiles(s, SUMMARY_PS),
          add: (evaluation: ScenarioDraw, e: ExactQuantiles) => e.add(each.at(evaluation, t)),
          done: (q: number[]) => (seriesQuantiles[k]![t] = q)
        }))
      ),
      ...metricSketches.map((s, m) => ({
        exact: new ExactQuantiles(s, METRIC_PS),
        add: (evaluation: ScenarioDraw, e: ExactQuantiles) => e.add(metricAt(evaluation, m)),
        done: (q: number[]) => (metricQuantiles[m] = q)
      }))
    ].filter((job) => {
      if (job.exact.heldValues > 0) return true;
      // No value, or all equal: known from the sketch without another pass.
      job.done(job.exact.quantiles());
      return false;
    });
    while (jobs.length > 0) {
      const group = [jobs.shift()!];
      let held = group[0]!.exact.heldValues;
      while (jobs.length > 0 && held + jobs[0]!.exact.heldValues <= exactBandValues) {
        held += jobs[0]!.exact.heldValues;
        group.push(jobs.shift()!);
      }
      pass(["sample"], (evaluation) => {
        for (const job of group) job.add(evaluation, job.exact);
      });
      for (const job of group) job.done(job.exact.quantiles());
    }
  }
  const row = (step: number, q: number[]) => {
    const [p5, p25, p50, p75, p95] = q as [number, number, number, number, number];
    return {step, p5, p25, p50, p75, p95};
  };
  const bands = {
    quantiles: sketchOnly ? {sketch: "log-buckets", relativeAccuracy: BAND_SKETCH_ACCURACY} : "exact",
    ...Object.fromEntries(series.map((s, k) => [s.key, seriesQuantiles[k]!.map((q, t) => row(t, q))]))
  } as ScenarioBands;
  const metrics = runMetrics(samples, (m) => {
    const count = metricSketches[m]!.count;
    const [p5, p50, p95] = metricQuantiles[m]! as [number, number, number];
    return {count, nanCount: samples - count, mean: sums[m]! / count, p5, p50, p95};
  });
  return {point, uncertainKeys, metrics, monteCarlo: {samples, seed}, bands};
}

/** Each metric's summary over the samples, from its statistics (over the samples with a value). */
function runMetrics(
  samples: number,
  statsOf: (m: number) => {count: number; nanCount: number; mean: number; p5: number; p50: number; p95: number}
): ScenarioRunResult["metrics"] {
  const metrics = {} as ScenarioRunResult["metrics"];
  SCENARIO_METRICS.forEach((name, m) => {
    const stats = statsOf(m);
    const nullShare = stats.nanCount / samples;
    metrics[name] =
      stats.count === 0
        ? {mean: null, p5: null, p50: null, p95: null, nullShare: 1}
        : {mean: stats.mean, p5: stats.p5, p50: stats.p50, p95: stats.p95, nullShare};
  });
  return metrics;
}
