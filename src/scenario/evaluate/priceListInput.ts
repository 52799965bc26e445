// The price list (src/tco/priceList.ts) at one point, beside its reverse key map (model input → scenario key; see
// modelKeys.ts): the pricing.* menu on a day of the fleet.* workload, against the fleet's daily cost.
import {blendedTokensPerSecondPerChip} from "../../tco/blendedThroughput.js";
import {fleetCostPerDayUsd, type PriceListInput} from "../../tco/priceList.js";
import {SECONDS_PER_DAY} from "../../units/si.js";
import type {ScenarioPoint} from "../resolve/scenarioValues.js";
import {DEMAND_TOKENS_KEYS, MERCHANT_COST_KEYS, SERVING_THROUGHPUT_KEYS} from "./demandInput.js";
import {computedFrom, num, type ModelKeys} from "./modelKeys.js";

/** A key that may be unset (null): its number, or null. */
function optionalNum(value: ScenarioPoint[string] | undefined, path: string): number | null {
  return value === null || value === undefined ? null : num(value, path);
}

/**
 * The price of a rented chip-hour of the serving fleet: fleet.chipHourPrice in USD per chip-hour, or null when the
 * scenario owns its chips (the key unset). When set, every serving cost of the scenario is priced from it (cost per
 * token, the inference bill, the fleet's day); the owned chip-hour still prices the merchant chip in the inference-tax
 * and custom-silicon comparisons, which are about owning.
 */
export function rentedUsdPerChipHour(point: ScenarioPoint): number | null {
  return optionalNum(point["fleet.chipHourPrice"], "fleet.chipHourPrice");
}

/** What the fleet stage knows at a point besides the keys: the merchant's demand, throughput and chip-hour. */
export interface FleetDrivers {
  /** Tokens demanded per day (src/strategy/demand.ts). */
  demandTokensPerDay: number;
  /** Prompt tokens per second per chip while prefilling (the serving model's); > 0. */
  prefillTokensPerSecondPerChip: number;
  /** Output tokens per second per chip while decoding (the serving model's); > 0. */
  decodeTokensPerSecondPerChip: number;
  /** Owned cost of a chip-hour of serving.hardware, USD. */
  ownedUsdPerChipHour: number;
}

/** One day of the fleet: tokens in and out, the chips that serve them, the price of a chip-hour, and the cost. */
export interface FleetDay {
  inputTokens: number;
  outputTokens: number;
  /** Average chips serving over the day (fleet.chips, or sized by the serving model at serving.utilization). */
  chips: number;
  /**
   * Share of those chips' hours the day's tokens need at the serving model's throughput: tokens ÷ (chips × blended
   * tokens/s per chip × 86,400), blended at the day's own mix of input and output. serving.utilization when the model sizes the fleet; with fleet.chips, above 1 means
   * the model's throughput could not serve the day on that many chips. Null when the day has no tokens: a share of
   * no demand (a model-sized fleet read serving.utilization, "58%", beside 0 chips; breaker).
   */
  utilizationNeeded: number | null;
  usdPerChipHour: number;
  costUsd: number;
}

/**
 * The day's workload and cost: fleet.inputTokensPerDay / fleet.outputTokensPerDay, or the demand split by
 * demand.inputShare; fleet.chips, or the chips the serving model needs at serving.utilization (tokens ÷ (blended
 * tokens/s × 86,400 × utilisation)); fleet.chipHourPrice, or the owned chip-hour cost. The blend is the day's own
 * input share, each token at its phase's rate (blendedThroughput.ts): a day given by fleet.inputTokensPerDay and
 * fleet.outputTokensPerDay was blended at demand.inputShare instead (deepseek-one-day: 608B ÷ 776B = 78.4% input
 * blended at base's 75%, 124% of the fleet's hours needed where the day's own mix needs 117%).
 */
export function fleetDay(point: ScenarioPoint, drivers: FleetDrivers): FleetDay {
  const inputShare = num(point["demand.inputShare"], "demand.inputShare");
  const inputTokens =
    optionalNum(point["fleet.inputTokensPerDay"], "fleet.inputTokensPerDay") ?? drivers.demandTokensPerDay * inputShare;
  const outputTokens =
    optionalNum(point["fleet.outputTokensPerDay"], "fleet.outputTokensPerDay") ??
    drivers.demandTokensPerDay * (1 - inputShare);
  const utilization = num(point["serving.utilization"], "serving.utilization");
  const tokens = inputTokens + outputTokens;
  const chipSecondsAtFullUse =
    tokens > 0
      ? tokens /
        blendedTokensPerSecondPerChip({
          inputShare: inputTokens / tokens,
          prefillTokensPerSecondPerChip: drivers.prefillTokensPerSecondPerChip,
          decodeTokensPerSecondPerChip: drivers.decodeTokensPerSecondPerChip
        })
      : 0;
  const fleetChips = optionalNum(point["fleet.chips"], "fleet.chips");
  const chips = fleetChips ?? chipSecondsAtFullUse / (SECONDS_PER_DAY * utilization);
  // Sized by the model, the fleet is busy serving.utilization by construction; with no tokens there is nothing to be
  // busy with, whether the model sizes the fleet (0 chips) or fleet.chips does.
  let utilizationNeeded: number | null = null;
  if (tokens > 0) {
    utilizationNeeded = fleetChips === null ? utilization : chipSecondsAtFullUse / (fleetChips * SECONDS_PER_DAY);
  }
  const usdPerChipHour = rentedUsdPerChipHour(point) ?? drivers.ownedUsdPerChipHour;
  const costUsd = fleetCostPerDayUsd(chips, usdPerChipHour);
  return {inputTokens, outputTokens, chips, utilizationNeeded, usdPerChipHour, costUsd};
}

export function priceListInput(point: ScenarioPoint, day: FleetDay): PriceListInput {
  return {
    menu: {
      inputCacheHitUsdPerMTok: num(point["pricing.inputCacheHit"], "pricing.inputCacheHit"),
      inputCacheMissUsdPerMTok: num(point["pricing.inputCacheMiss"], "pricing.inputCacheMiss"),
      outputUsdPerMTok: num(point["pricing.output"], "pricing.output"),
      batchShareFraction: num(point["pricing.batchShare"], "pricing.batchShare"),
      batchDiscountFraction: num(point["pricing.batchDiscount"], "pricing.batchDiscount"),
      priorityShareFraction: num(point["pricing.priorityShare"], "pricing.priorityShare"),
      priorityPremiumFraction: num(point["pricing.priorityPremium"], "pricing.priorityPremium")
    },
    mix: {
      inputTokens: day.inputTokens,
      cacheHitFraction: num(point["serving.cacheHit"], "serving.cacheHit"),
      outputTokens: day.outputTokens,
      reasoningTokens: 0
    },
    costUsd: day.costUsd
  };
}

const DAY_TOKENS_KEYS = [...DEMAND_TOKENS_KEYS, "demand.inputShare"] as const;

export const PRICE_LIST_KEYS: ModelKeys = {
  "menu.inputCacheHitUsdPerMTok": "pricing.inputCacheHit",
  "menu.inputCacheMissUsdPerMTok": "pricing.inputCacheMiss",
  "menu.outputUsdPerMTok": "pricing.output",
  "menu.batchShareFraction": "pricing.batchShare",
  "menu.batchDiscountFraction": "pricing.batchDiscount",
  "menu.priorityShareFraction": "pricing.priorityShare",
  "menu.tierShares": computedFrom("pricing.priorityShare", "pricing.batchShare"),
  "menu.priorityPremiumFraction": "pricing.priorityPremium",
  "mix.inputTokens": computedFrom("fleet.inputTokensPerDay", ...DAY_TOKENS_KEYS),
  "mix.outputTokens": computedFrom("fleet.outputTokensPerDay", ...DAY_TOKENS_KEYS),
  "mix.cacheHitFraction": "serving.cacheHit",
  costUsd: computedFrom(
    "fleet.chips",
    "fleet.chipHourPrice",
    "fleet.inputTokensPerDay",
    "fleet.outputTokensPerDay",
    ...DAY_TOKENS_KEYS,
    ...new Set([...MERCHANT_COST_KEYS, ...SERVING_THROUGHPUT_KEYS])
  )
};
