import {customShareInMonth} from "../../strategy/siliconProgram.js";
import type {Distribution} from "../../uncertainty/distribution.js";
import {monteCarlo} from "../../uncertainty/monteCarlo.js";
import {tornado, type TornadoResult} from "../../uncertainty/sensitivity.js";
import {fanOfColumns, type FanRow} from "../../uncertainty/fan.js";
import {histogram, type HistogramRow} from "../../uncertainty/histogram.js";
import {probabilityAbove, type SummaryStats} from "../../uncertainty/summary.js";
import {TOKENS_PER_MILLION} from "../../units/si.js";
import type {ScenarioEvaluation} from "../evaluate/evaluateScenario.js";
import {clampToRange} from "../run/scenarioDraws.js";
import {keyRange, scenarioKey} from "../file/schema.js";

/** The keys whose uncertainty the silicon page propagates quickly (the others stay at their point values). */
export const SILICON_UNCERTAIN_KEYS = ["serving.utilization", "silicon.relativeThroughput", "silicon.nre"] as const;
export type SiliconUncertainKey = (typeof SILICON_UNCERTAIN_KEYS)[number];

/**
 * Monte Carlo of the custom-silicon program over utilisation, the custom chip's relative throughput and the NRE,
 * without re-running the program per sample. Around a point evaluation (u₀, r₀, NRE₀, merchant cost c_M0 and custom
 * cost c_C0 per Mtok), every quantity the page charts is exact in closed form:
 *   merchant cost      c_M = c_M0 × u₀ ÷ u          (a chip-hour costs the same; it serves u ÷ u₀ as many tokens)
 *   custom cost        c_C = c_C0 × r₀ ÷ r          (the custom chip's tokens/s scale with r)
 *   saving per Mtok    s   = max(0, c_M − c_C)      (a chip that is not cheaper is never deployed)
 *   K(m)               = Σ_{i ≤ m} demand_i × custom share_i × discount_i × cost factor_i ÷ 10⁶
 *                        (independent of u, r and NRE; the cost factor is the serving cost decline's)
 *   cumulative discounted cash flow at m = −NRE + s × K(m);   NPV = that at the horizon
 * test/scenario/siliconUncertainty.test.ts checks this against siliconProgram() sample by sample.
 */
export interface SiliconUncertaintyInput {
  /** The scenario evaluated at the point (with the page's controls applied). */
  point: ScenarioEvaluation;
  /** The point's values of the uncertain keys and of the cycle and ramp, base units. */
  values: Record<SiliconUncertainKey | "silicon.designCycle" | "silicon.rampMonths", number>;
  /** Distributions of the uncertain keys that have one (the others stay at the point). */
  distributions: Partial<Record<SiliconUncertainKey, Distribution>>;
  /**
   * The point's respin probability and the months a respin adds (silicon.respinProbability, silicon.respinMonths);
   * absent: no respin. They stay at the point; the expected respin cost is in the point's expectedNreUsd.
   */
  respin?: {probability: number; months: number};
  samples: number;
  seed: number;
  /** Histogram bins of the merchant cost per million tokens (default 30). */
  bins?: number;
}

export interface SiliconUncertaintyResult {
  /** NPV over the samples, USD. */
  npv: SummaryStats;
  /** Share of samples with NPV > 0. */
  probabilityNpvPositive: number;
  /** Blended merchant cost per million tokens over the samples, USD. */
  merchantCost: SummaryStats;
  /** Histogram of the merchant cost per million tokens. */
  merchantCostHistogram: HistogramRow[];
  /** Percentiles of the cumulative discounted cash flow by month (step = month 0 … H), USD. */
  cashFlowFan: FanRow[];
  /** NPV swings of each uncertain key from its p5 to its p95, the others at the point. */
  tornado: TornadoResult<SiliconUncertainKey>;
}

export function siliconUncertainty(input: SiliconUncertaintyInput): SiliconUncertaintyResult {
  const {point, values} = input;
  const months = point.silicon.months;
  const respin = {probability: input.respin?.probability ?? 0, months: input.respin?.months ?? 0};
  // The NRE paid at month 0 includes the expected respin cost: a drawn silicon.nre shifts it one for one.
  const respinNreUsd = point.silicon.expectedNreUsd - values["silicon.nre"];
  const steps = months.length;
  const exposure = new Float64Array(steps);
  let running = 0;
  for (let t = 0; t < steps; t++) {
    const row = months[t]!;
    if (row.month > 0) {
      // The expected share over first-time success and a respin (siliconProgram.ts), at the point's respin keys.
      const p = respin.probability;
      const share =
        (1 - p) * customShareInMonth(row.month, values["silicon.designCycle"], values["silicon.rampMonths"]) +
        (p > 0
          ? p *
            customShareInMonth(row.month, values["silicon.designCycle"] + respin.months, values["silicon.rampMonths"])
          : 0);
      running += (row.demandTokens * share * row.discountFactor * row.costFactor) / TOKENS_PER_MILLION;
    }
    exposure[t] = running;
  }
  const u0 = values["serving.utilization"];
  const r0 = values["silicon.relativeThroughput"];
  const merchant0 = point.silicon.merchantCostUsdPerMTok;
  const custom0 = point.silicon.customCostUsdPerMTok;
  const horizonExposure = exposure[steps - 1]!;
  const savingAt = (u: number, r: number) => Math.max(0, merchant0 * (u0 / u) - custom0 * (r0 / r));
  const npvAt = (u: number, r: number, nre: number) => -nre + savingAt(u, r) * horizonExposure;

  const keys = SILICON_UNCERTAIN_KEYS.filter((key) => input.distributions[key] !== undefined);
  const ranges = Object.fromEntries(SILICON_UNCERTAIN_KEYS.map((key) => [key, keyRange(scenarioKey(key)!)]));
  const inputs = Object.fromEntries(keys.map((key) => [key, input.distributions[key]!])) as Record<
    SiliconUncertainKey,
    Distribution
  >;
  const {samples} = input;
  const column = (key: SiliconUncertainKey, sampled: Readonly<Record<string, Float64Array>>, i: number) =>
    sampled[key] ? clampToRange(sampled[key]![i]!, ranges[key]!) : values[key];

  const nre = new Float64Array(samples);
  const saving = new Float64Array(samples);
  // With nothing uncertain, one degenerate "distribution" keeps the engine's shape and seed handling.
  const result = monteCarlo<string, "npv" | "merchantCost">({
    samples,
    seed: input.seed,
    inputs: keys.length ? inputs : {none: {kind: "uniform", min: 0, max: 1}},
    outputs: ["npv", "merchantCost"],
    keepSamples: true,
    evaluateAt: (sampled, i, out) => {
      const u = column("serving.utilization", sampled, i);
      // Each draw's NRE and saving are kept: the cash flow at month t is −NRE_i + saving_i × K(t), for the fan.
      nre[i] = column("silicon.nre", sampled, i) + respinNreUsd;
      saving[i] = savingAt(u, column("silicon.relativeThroughput", sampled, i));
      out.npv[i] = -nre[i]! + saving[i]! * horizonExposure;
      out.merchantCost[i] = merchant0 * (u0 / u);
    }
  });
  const npvSamples = result.outputSamples!.npv;
  const costSamples = result.outputSamples!.merchantCost;
  return {
    npv: result.outputs.npv,
    probabilityNpvPositive: probabilityAbove(npvSamples, 0),
    merchantCost: result.outputs.merchantCost,
    merchantCostHistogram: histogram(costSamples, {bins: input.bins ?? 30}),
    cashFlowFan: fanOfColumns({
      samples,
      steps,
      fillColumn: (t, cashFlow) => {
        const k = exposure[t]!;
        for (let i = 0; i < samples; i++) cashFlow[i] = -nre[i]! + saving[i]! * k;
      }
    }),
    tornado: tornado<SiliconUncertainKey>({
      inputs: inputs,
      base: values,
      evaluate: (x) =>
        npvAt(
          clampToRange(x["serving.utilization"], ranges["serving.utilization"]!),
          clampToRange(x["silicon.relativeThroughput"], ranges["silicon.relativeThroughput"]!),
          clampToRange(x["silicon.nre"], ranges["silicon.nre"]!) + respinNreUsd
        )
    })
  };
}
