import {leadStrengthInMonth} from "../../strategy/moat.js";
import type {Distribution} from "../../uncertainty/distribution.js";
import {monteCarlo} from "../../uncertainty/monteCarlo.js";
import {fanOfColumns, type FanRow} from "../../uncertainty/fan.js";
import {histogram, type HistogramRow} from "../../uncertainty/histogram.js";
import {probabilityAbove, type SummaryStats} from "../../uncertainty/summary.js";
import {TOKENS_PER_MILLION} from "../../units/si.js";
import type {ScenarioEvaluation} from "../evaluate/evaluateScenario.js";
import {clampToRange} from "../run/scenarioDraws.js";
import {keyRange, scenarioKey} from "../file/schema.js";

/** The keys whose uncertainty the moat page propagates (the others stay at their point values). */
export const MOAT_UNCERTAIN_KEYS = ["serving.utilization", "moat.catchUpMonths"] as const;
export type MoatUncertainKey = (typeof MOAT_UNCERTAIN_KEYS)[number];

/**
 * Monte Carlo of the moat comparison over the merchant GPU utilisation u and the catch-up time T, without
 * re-evaluating the scenario per sample. Around a point evaluation (utilisation u₀; the moat's monthly market price
 * P_m, baseline cost C_m and volume V_m in millions of tokens), each sample is exact:
 *   baseline cost       C_m × u₀ ÷ u        (a chip-hour costs the same and serves u ÷ u₀ as many tokens)
 *   cost advantage      a = moat.costAdvantage, or when unset the custom chip's saving 1 − c_C ÷ c_M (0 if c_C ≥ c_M)
 *   lead strength       L_m(T)              (leadStrengthInMonth, src/strategy/moat.ts)
 *   model lead, month   V_m (1 + σ L_m)(P_m (1 + π L_m) − C_m u₀/u) − V_m (P_m − C_m u₀/u)
 *   cost lead, month    V_m × a × C_m u₀/u
 *   margin at month m   Σ_{i ≤ m} cost lead − model lead (positive: the cost lead is ahead)
 * test/scenario/moatUncertainty.test.ts checks this against the whole scenario, sample by sample.
 */
export interface MoatUncertaintyInput {
  /** The scenario evaluated at the point (with the page's controls applied). */
  point: ScenarioEvaluation;
  /** The point's values, base units: the uncertain keys, the premiums, and moat.costAdvantage (null when derived). */
  values: Record<MoatUncertainKey | "moat.pricePremium" | "moat.volumeGain", number> & {
    "moat.costAdvantage": number | null;
  };
  /** Distributions of the uncertain keys that have one (the others stay at the point). */
  distributions: Partial<Record<MoatUncertainKey, Distribution>>;
  samples: number;
  seed: number;
  /** Histogram bins of the baseline cost per million tokens (default 30). */
  bins?: number;
}

export interface MoatUncertaintyResult {
  /** Cost lead's value − model lead's value over the horizon, USD. */
  margin: SummaryStats;
  /** Share of samples in which the cost lead is worth more. */
  probabilityCostLeadWins: number;
  /** Cumulative gross profit a cost lead adds, USD. */
  costLeadValue: SummaryStats;
  /** Cumulative gross profit a model lead adds, USD. */
  modelLeadValue: SummaryStats;
  /** Baseline (merchant) cost per million tokens at month 1, USD. */
  baselineCost: SummaryStats;
  baselineCostHistogram: HistogramRow[];
  /** Percentiles of the cumulative margin by month (step 0 = month 1), USD. */
  marginFan: FanRow[];
}

export function moatUncertainty(input: MoatUncertaintyInput): MoatUncertaintyResult {
  const {point, values, samples} = input;
  const months = point.moat.months;
  const steps = months.length;
  const price = Float64Array.from(months, (m) => m.marketPriceUsdPerMTok);
  const cost = Float64Array.from(months, (m) => m.baselineCostUsdPerMTok);
  const millions = Float64Array.from(months, (m) => m.baselineTokens / TOKENS_PER_MILLION);
  const u0 = values["serving.utilization"];
  const premium = values["moat.pricePremium"];
  const volumeGain = values["moat.volumeGain"];
  const fixedAdvantage = values["moat.costAdvantage"];
  const merchant0 = point.silicon.merchantCostUsdPerMTok;
  const custom0 = point.silicon.customCostUsdPerMTok;
  const advantage = (k: number) => {
    if (fixedAdvantage !== null) return fixedAdvantage;
    const merchant = merchant0 * k;
    return custom0 < merchant ? 1 - custom0 / merchant : 0;
  };

  const keys = MOAT_UNCERTAIN_KEYS.filter((key) => input.distributions[key] !== undefined);
  const ranges = Object.fromEntries(MOAT_UNCERTAIN_KEYS.map((key) => [key, keyRange(scenarioKey(key)!)]));
  const inputs = Object.fromEntries(keys.map((key) => [key, input.distributions[key]!])) as Record<
    MoatUncertainKey,
    Distribution
  >;
  const column = (key: MoatUncertainKey, sampled: Readonly<Record<string, Float64Array>>, i: number) =>
    sampled[key] ? clampToRange(sampled[key]![i]!, ranges[key]!) : values[key];

  // Months outside, draws inside: each draw's running totals advance one month per fan column, so each month's
  // margins are contiguous and no samples × months array is held.
  let marginFan: FanRow[] = [];
  const result = monteCarlo<string, "margin" | "costLead" | "modelLead" | "baselineCost">({
    samples,
    seed: input.seed,
    inputs: keys.length ? inputs : {none: {kind: "uniform", min: 0, max: 1}},
    outputs: ["margin", "costLead", "modelLead", "baselineCost"],
    keepSamples: true,
    evaluateBatch: (sampled, out) => {
      const k = new Float64Array(samples);
      const catchUp = new Float64Array(samples);
      const a = new Float64Array(samples);
      for (let i = 0; i < samples; i++) {
        k[i] = u0 / column("serving.utilization", sampled, i);
        catchUp[i] = column("moat.catchUpMonths", sampled, i);
        a[i] = advantage(k[i]!);
        out.baselineCost[i] = cost[0]! * k[i]!;
      }
      // Month t + 1 has no lead left in any draw once t >= the longest catch-up (leadStrengthInMonth).
      let longestCatchUp = 0;
      for (let i = 0; i < samples; i++) longestCatchUp = Math.max(longestCatchUp, catchUp[i]!);
      const modelLead = out.modelLead.fill(0);
      const costLead = out.costLead.fill(0);
      marginFan = fanOfColumns({
        samples,
        steps,
        fillColumn: (t, margin) => {
          const p = price[t]!;
          const v = millions[t]!;
          const ct = cost[t]!;
          if (t >= longestCatchUp) {
            // Every lead has decayed (lead strength 0): the model lead adds exactly 0, so only the cost lead moves.
            for (let i = 0; i < samples; i++) {
              costLead[i]! += v * a[i]! * (ct * k[i]!);
              margin[i] = costLead[i]! - modelLead[i]!;
            }
            return;
          }
          for (let i = 0; i < samples; i++) {
            const lead = leadStrengthInMonth(t + 1, catchUp[i]!);
            const c = cost[t]! * k[i]!;
            modelLead[i]! += v * (1 + volumeGain * lead) * (p * (1 + premium * lead) - c) - v * (p - c);
            costLead[i]! += v * a[i]! * c;
            margin[i] = costLead[i]! - modelLead[i]!;
          }
        }
      });
      for (let i = 0; i < samples; i++) out.margin[i] = costLead[i]! - modelLead[i]!;
    }
  });
  const outputs = result.outputSamples!;
  return {
    margin: result.outputs.margin,
    probabilityCostLeadWins: probabilityAbove(outputs.margin, 0),
    costLeadValue: result.outputs.costLead,
    modelLeadValue: result.outputs.modelLead,
    baselineCost: result.outputs.baselineCost,
    baselineCostHistogram: histogram(outputs.baselineCost, {bins: input.bins ?? 30}),
    marginFan
  };
}
