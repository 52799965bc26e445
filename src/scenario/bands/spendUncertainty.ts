import {trainingVsInference} from "../../strategy/trainingVsInference.js";
import type {Distribution} from "../../uncertainty/distribution.js";
import {monteCarlo} from "../../uncertainty/monteCarlo.js";
import {fan, type FanRow} from "../../uncertainty/fan.js";
import {type SummaryStats} from "../../uncertainty/summary.js";
import type {ScenarioEvaluation} from "../evaluate/evaluateScenario.js";
import {clampToRange} from "../run/scenarioDraws.js";
import {keyRange, scenarioKey} from "../file/schema.js";

/**
 * Monte Carlo of spend over time under an uncertain serving utilisation. A chip-hour costs the same however busy the
 * chip is, so the serving cost per token scales exactly as u₀ ÷ u; every sample re-runs the spend model
 * (trainingVsInference) with that cost and the point's other inputs. Training spend does not depend on utilisation.
 * The draws are runScenario's: the key's own random stream (createRng(seed, "serving.utilization")), clamped into its
 * range, so with the same samples and seed the bands equal a run's where utilisation is the only uncertain key the
 * spend reads (base: $6.67B–$11.0B at month 60, /training-vs-inference and /compare alike; a stream named "u" gave
 * $6.72B–$11.1B).
 */
export interface SpendUncertaintyInput {
  /** The scenario evaluated at the point (with the page's controls applied). */
  point: ScenarioEvaluation;
  /** Serving utilisation at the point. */
  utilization: number;
  /** Its distribution; when absent, every sample equals the point. */
  distribution: Distribution | undefined;
  samples: number;
  seed: number;
}

export interface SpendUncertaintyResult {
  /** Percentiles of cumulative inference spend by month (step = month − 1), USD. */
  cumulativeInferenceFan: FanRow[];
  /**
   * Month inference overtakes training for good (trainingVsInference's durableCrossoverMonth), over the samples that
   * have one.
   */
  crossoverMonth: SummaryStats;
  /**
   * Share of samples in which inference overtakes training for good within the horizon (cumulative inference spend
   * above training from some month to the horizon's end), fraction in [0, 1]. A sample whose inference passes training
   * only until the next run is not counted.
   */
  probabilityCrossover: number;
  /**
   * Inference's share of all spend over the horizon (fraction in [0, 1]), over the samples that spend anything: the
   * statistic of a run's inferenceShareOfSpend, so that a chapter's moved figure is the median its static one is (the
   * chapter set a point's 33% against the report's median 34%; reader's audit).
   */
  inferenceShareOfSpend: SummaryStats;
}

/** The one key drawn: its name is its random stream's, as in runScenario. */
const KEY = "serving.utilization";

export function spendUncertainty(input: SpendUncertaintyInput): SpendUncertaintyResult {
  const {point, utilization: u0, samples} = input;
  const range = keyRange(scenarioKey("serving.utilization")!);
  const steps = point.spendInput.horizonMonths;
  const cumulative = new Float64Array(samples * steps);
  let crossovers = 0;
  const result = monteCarlo<typeof KEY, "crossover" | "share">({
    samples,
    seed: input.seed,
    // A utilisation set to one value (a link's `serving.utilization=0.5`) is a point: every draw is u0 (a uniform
    // from u0 to u0 was refused as inverted bounds, and the chapter showed error cells; breaker).
    inputs: {[KEY]: input.distribution ?? {kind: "point", value: u0}} as Record<typeof KEY, Distribution>,
    outputs: ["crossover", "share"],
    evaluateAt: (sampled, i, out) => {
      const u = input.distribution ? clampToRange(sampled[KEY][i]!, range) : u0;
      const spend = trainingVsInference({
        ...point.spendInput,
        servingCostUsdPerMTok: point.spendInput.servingCostUsdPerMTok * (u0 / u)
      });
      // Step-major (month t of sample i at t × samples + i): each month's draws are contiguous for the fan.
      for (let t = 0, at = i; t < steps; t++, at += samples)
        cumulative[at] = spend.months[t]!.cumulativeInferenceSpendUsd;
      if (spend.inferenceShareOfTotal !== null) out.share[i] = spend.inferenceShareOfTotal;
      if (spend.durableCrossoverMonth !== null) {
        out.crossover[i] = spend.durableCrossoverMonth;
        crossovers++;
      }
    }
  });
  return {
    cumulativeInferenceFan: fan({values: cumulative, samples, steps, layout: "step-major"}),
    crossoverMonth: result.outputs.crossover,
    probabilityCrossover: crossovers / samples,
    inferenceShareOfSpend: result.outputs.share
  };
}
