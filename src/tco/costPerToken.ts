import {checkFiniteResult, checkObject, checkRanges, type RangeTable} from "../units/range.js";
import {SECONDS_PER_HOUR, TOKENS_PER_MILLION} from "../units/si.js";
import type {ChipHourComponent, ChipHourCostResult} from "./chipHourCost.js";

/**
 * Cost per million tokens = cost of a chip-hour ÷ tokens the chip actually serves in that hour, × 10^6:
 *
 *   USD/Mtok = chipHourUsd ÷ (tokens/s per chip × 3600 × utilisation) × 10^6
 *
 * Utilisation is the fraction of the hour the chip spends serving at the given throughput (the rest is idle,
 * waiting for load, or reserved headroom).
 */
export interface CostPerTokenInput {
  /** Cost of one accelerator-hour, USD; >= 0 and finite (a rented price or chipHourCost's total). */
  chipHourCostUsd: number;
  /** Tokens per second one accelerator produces while busy; in [0.001, 10^9]. */
  tokensPerSecondPerChip: number;
  /** Fraction of the hour the accelerator is busy; in [0.01, 1] (0.6 for 60%). */
  utilizationFraction: number;
}

/**
 * The ranges costPerMillionTokensUsd checks, its fields' documented ranges; the serving chip's throughput and
 * utilisation ranges (SERVING_CHIP_RANGES, src/strategy/servingChip.ts) are these. The result is finite for any
 * chip-hour cost below 10^280 USD: the fewest tokens an hour may serve is 0.001 × 3600 × 0.01 = 0.036.
 */
export const COST_PER_TOKEN_RANGES: RangeTable<CostPerTokenInput> = {
  chipHourCostUsd: {min: 0, max: Infinity, maxExclusive: true},
  tokensPerSecondPerChip: {min: 0.001, max: 1e9},
  utilizationFraction: {min: 0.01, max: 1}
};

/** Tokens one accelerator serves in an hour at the given throughput and utilisation. */
export function tokensPerChipHour({
  tokensPerSecondPerChip,
  utilizationFraction
}: Omit<CostPerTokenInput, "chipHourCostUsd">): number {
  return tokensPerSecondPerChip * SECONDS_PER_HOUR * utilizationFraction;
}

/**
 * USD per million tokens (formula above). Throws a UserError at `input` when it is not an object, else naming the
 * field, its range and the value found for a field outside COST_PER_TOKEN_RANGES (NaN, a negative cost, a utilisation
 * of 60 meant as 60%).
 */
export function costPerMillionTokensUsd(input: CostPerTokenInput): number {
  checkObject("input", input, "an object of a chip-hour cost, tokens per second and utilisation (CostPerTokenInput)");
  checkRanges(input, COST_PER_TOKEN_RANGES);
  const result = _costPerMillionTokensUsd(input);
  // A chip-hour cost from 10^280 USD, in its range, overflows at the fewest tokens an hour (1e306 returned Infinity).
  checkFiniteResult(result, "cost per million tokens = chipHourCostUsd ÷ tokens per chip-hour × 10^6", {
    chipHourCostUsd: input.chipHourCostUsd,
    tokensPerSecondPerChip: input.tokensPerSecondPerChip,
    utilizationFraction: input.utilizationFraction
  });
  return result;
}

/**
 * costPerMillionTokensUsd without the check of its input (the verb/_verb split, as _chipHourCost): for the scenario
 * pipeline's once-per-point call, whose chip-hour cost, throughput and utilisation are already checked.
 */
export function _costPerMillionTokensUsd(input: CostPerTokenInput): number {
  return (input.chipHourCostUsd / tokensPerChipHour(input)) * TOKENS_PER_MILLION;
}

export type CostPerTokenBreakdown = Record<ChipHourComponent, number> & {
  /** Sum of the components, USD per million tokens. */
  total: number;
  /** Part of `chipCapital` that is the hardware vendor's gross margin, USD per million tokens. */
  vendorMargin: number;
  /** vendorMargin ÷ total: the share of each token's cost that is the vendor's margin (the inference tax). */
  vendorMarginShare: number;
};

/** USD per hour as USD per million tokens at `tokensPerHour`. */
function perMillion(usdPerHour: number, tokensPerHour: number): number {
  return (usdPerHour / tokensPerHour) * TOKENS_PER_MILLION;
}

/** Splits a chip-hour cost into USD per million tokens, component by component. */
export function costPerMillionTokensBreakdown(
  chipHour: ChipHourCostResult,
  throughput: Omit<CostPerTokenInput, "chipHourCostUsd">
): CostPerTokenBreakdown {
  const tokensPerHour = tokensPerChipHour(throughput);
  // Field by field, in CHIP_HOUR_COMPONENTS order, with no closure: a Monte Carlo calls this several times per draw.
  const total = perMillion(chipHour.totalUsdPerChipHour, tokensPerHour);
  const vendorMargin = perMillion(chipHour.vendorMarginUsdPerChipHour, tokensPerHour);
  return {
    chipCapital: perMillion(chipHour.chipCapitalUsdPerChipHour, tokensPerHour),
    systemCapital: perMillion(chipHour.systemCapitalUsdPerChipHour, tokensPerHour),
    facilityCapital: perMillion(chipHour.facilityCapitalUsdPerChipHour, tokensPerHour),
    energy: perMillion(chipHour.energyUsdPerChipHour, tokensPerHour),
    operations: perMillion(chipHour.operationsUsdPerChipHour, tokensPerHour),
    total,
    vendorMargin,
    vendorMarginShare: total > 0 ? vendorMargin / total : 0
  } satisfies Record<ChipHourComponent, number> & CostPerTokenBreakdown;
}
