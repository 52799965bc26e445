import {SECONDS_PER_HOUR, TOKENS_PER_MILLION} from "../units/si.js";
import {CHIP_HOUR_COMPONENTS, type ChipHourComponent, type ChipHourCostResult} from "./chipHourCost.js";

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

/** Splits a chip-hour cost into USD per million tokens, component by component. */
export function costPerMillionTokensBreakdown(
  chipHour: ChipHourCostResult,
  throughput: Omit<CostPerTokenInput, "chipHourCostUsd">
): CostPerTokenBreakdown {
  const tokensPerHour = tokensPerChipHour(throughput);
  const perMillion = (usdPerHour: number) => (usdPerHour / tokensPerHour) * TOKENS_PER_MILLION;
  const parts = {} as Record<ChipHourComponent, number>;
  for (const component of CHIP_HOUR_COMPONENTS) {
    parts[component] = perMillion(chipHour[`${component}UsdPerChipHour`]);
  }
  const total = perMillion(chipHour.totalUsdPerChipHour);
  const vendorMargin = perMillion(chipHour.vendorMarginUsdPerChipHour);
  return {...parts, total, vendorMargin, vendorMarginShare: total > 0 ? vendorMargin / total : 0};
}
