import type {Distribution} from "../../uncertainty/distribution.js";
import {monteCarlo} from "../../uncertainty/monteCarlo.js";
import {histogram, type HistogramRow} from "../../uncertainty/histogram.js";
import {summarize, type SummaryStats} from "../../uncertainty/summary.js";
import {type FanRow} from "../../uncertainty/fan.js";
import type {ScenarioEvaluation} from "../evaluate/evaluateScenario.js";
import {clampToRange} from "../run/scenarioDraws.js";
import {keyRange, scenarioKey} from "../file/schema.js";

/** The key whose uncertainty the flywheel page propagates (the others stay at their point values). */
export const FLYWHEEL_UNCERTAIN_KEYS = ["serving.utilization"] as const;
export type FlywheelUncertainKey = (typeof FLYWHEEL_UNCERTAIN_KEYS)[number];

/**
 * Monte Carlo of the flywheel's cost per token over the merchant GPU utilisation u, without re-running the
 * simulation per sample. The flywheel starts from the scenario's blended cost c₀, which scales as u₀ ÷ u (a chip-hour
 * costs the same and serves u ÷ u₀ as many tokens). Nothing else in the simulation depends on c₀: chip generations
 * follow model quality, and addressable users depend on the ratio c₀ ÷ c_t (src/strategy/flywheel.ts). So each sample
 * is exact:
 *   cost per Mtok at month t, either loop = c_t(point) × u₀ ÷ u
 * and the loop's relative cost reduction does not depend on u at all. Since every month's cost is the same positive
 * multiple c_t of the factor u₀ ÷ u, its percentiles are c_t × the factor's percentiles (type-7 interpolation is
 * linear), so the fan needs one summary of the factor, not one selection per month.
 * test/scenario/flywheelUncertainty.test.ts checks this against the whole scenario, sample by sample.
 */
export interface FlywheelUncertaintyInput {
  /** The scenario evaluated at the point (with the page's controls applied). */
  point: ScenarioEvaluation;
  /** The point's utilisation, a fraction. */
  values: Record<FlywheelUncertainKey, number>;
  /** Its distribution, if it has one. */
  distributions: Partial<Record<FlywheelUncertainKey, Distribution>>;
  samples: number;
  seed: number;
  /** Histogram bins of the starting cost per million tokens (default 30). */
  bins?: number;
}

export interface FlywheelUncertaintyResult {
  /** Cost per million tokens at the start (the scenario's blended merchant cost), USD. */
  initialCost: SummaryStats;
  initialCostHistogram: HistogramRow[];
  /** Cost per million tokens at the horizon, loop closed, USD. */
  closedFinalCost: SummaryStats;
  /** Cost per million tokens at the horizon, loop open, USD. */
  openFinalCost: SummaryStats;
  /** Percentiles of the closed loop's cost per million tokens by month (step = month 0 … H), USD. */
  closedCostFan: FanRow[];
}

export function flywheelUncertainty(input: FlywheelUncertaintyInput): FlywheelUncertaintyResult {
  const {point, values, samples} = input;

  const months = point.flywheel.months;
  const steps = months.length;
  const closed = Float64Array.from(months, (m) => m.closedCostUsdPerMTok);
  const openFinal = months[steps - 1]!.openCostUsdPerMTok;
  const u0 = values["serving.utilization"];
  const range = keyRange(scenarioKey("serving.utilization")!);
  const distribution = input.distributions["serving.utilization"];
  const result = monteCarlo<string, "factor" | "initialCost" | "closedFinalCost" | "openFinalCost">({
    samples,
    seed: input.seed,
    inputs: distribution ? {"serving.utilization": distribution} : {none: {kind: "uniform", min: 0, max: 1}},
    outputs: ["factor", "initialCost", "closedFinalCost", "openFinalCost"],
    keepSamples: true,
    evaluateAt: (sampled, i, out) => {
      const column = sampled["serving.utilization"];
      const k = column ? u0 / clampToRange(column[i]!, range) : 1;
      out.factor[i] = k;
      out.initialCost[i] = closed[0]! * k;
      out.closedFinalCost[i] = closed[steps - 1]! * k;
      out.openFinalCost[i] = openFinal * k;
    }
  });
  const factor = result.outputs.factor;
  return {
    initialCost: result.outputs.initialCost,
    initialCostHistogram: histogram(result.outputSamples!.initialCost, {bins: input.bins ?? 30}),
    closedFinalCost: result.outputs.closedFinalCost,
    openFinalCost: result.outputs.openFinalCost,
    closedCostFan: Array.from(closed, (c, step) => ({
      step,
      p5: c * factor.p5,
      p25: c * factor.p25,
      p50: c * factor.p50,
      p75: c * factor.p75,
      p95: c * factor.p95
    }))
  };
}
