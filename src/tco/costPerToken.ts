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
  /** Cost of one accelerator-hour, USD; >= 0. */
  chipHourCostUsd: number;
  /** Tokens per second one accelerator produces while busy; > 0. */
  tokensPerSecondPerChip: number;
  /** Fraction of the hour the accelerator is busy; in (0, 1]. */
  utilizationFraction: number;
}

/** Tokens one accelerator serves in an hour at the given throughput and utilisation. */
export function tokensPerChipHour({
  tokensPerSecondPerChip,
  utilizationFraction
}: Omit<CostPerTokenInput, "chipHourCostUsd">): number {
  return tokensPerSecondPerChip * SECONDS_PER_HOUR * utilizationFraction;
}

export function costPerMillionTokensUsd(input: CostPerTokenInput): number {
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
