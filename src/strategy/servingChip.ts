import {chipHourCost, type ChipHourCostInput, type ChipHourCostResult} from "../tco/chipHourCost.js";
import {costPerMillionTokensBreakdown, tokensPerChipHour, type CostPerTokenBreakdown} from "../tco/costPerToken.js";
import {checkObject, checkRange, checkRanges, type NumberRange, type RangeTable} from "../units/range.js";

/**
 * One accelerator as a serving fleet sees it: what an hour of it costs (the TCO inputs) and how many tokens it
 * serves in that hour. The strategy models take one of these for merchant hardware and one for custom silicon.
 *
 *   cost per million tokens = chip-hour cost ÷ (tokens/s × 3600 × utilisation) × 10^6      (src/tco/costPerToken.ts)
 */
export interface ServingChipInput {
  /** Cost inputs of one accelerator-hour; `vendorGrossMarginFraction` is the margin of whoever sells the chip. */
  chipHour: ChipHourCostInput;
  /** Tokens per second one accelerator produces while busy, tokens/s; in [0.001, 1e9]. */
  tokensPerSecondPerChip: number;
  /** Fraction of the hour the accelerator is busy serving; in [0.01, 1]. */
  utilizationFraction: number;
}

export interface ServingChipCostResult {
  /** The chip-hour cost and its parts, USD per chip-hour. */
  chipHour: ChipHourCostResult;
  /** Tokens one accelerator serves in an hour at its utilisation, tokens. */
  tokensPerChipHour: number;
  /** Cost per million tokens, USD, split by component (sums to `total`), with the vendor's margin inside it. */
  perMTok: CostPerTokenBreakdown;
  /** Tokens per second per W of accelerator board power while busy, tokens/s/W. */
  tokensPerSecondPerW: number;
}

/** Valid ranges of the TCO inputs (the units are in src/tco/chipHourCost.ts); finite upper bounds keep outputs finite. */
export const CHIP_HOUR_COST_RANGES: RangeTable<ChipHourCostInput> = {
  chipPriceUsd: {min: 1, max: 1e7},
  systemOverheadFraction: {min: 0, max: 50},
  chipPowerW: {min: 1, max: 1e5},
  hostPowerFraction: {min: 0, max: 5},
  averageDrawFraction: {min: 0.01, max: 1},
  pue: {min: 1, max: 3},
  electricityUsdPerKwh: {min: 0, max: 10},
  facilityCapexUsdPerMw: {min: 0, max: 1e9},
  facilityLifeYears: {min: 1, max: 50},
  costOfCapitalPerYear: {min: 0, max: 1},
  usefulLifeYears: {min: 0.5, max: 30},
  operationsUsdPerChipHour: {min: 0, max: 1e4},
  vendorGrossMarginFraction: {min: 0, max: 1, maxExclusive: true}
};

/** Valid ranges of a serving chip's throughput (tokens/s) and utilisation (fraction of the hour). */
export const SERVING_CHIP_RANGES = {
  tokensPerSecondPerChip: {min: 0.001, max: 1e9},
  utilizationFraction: {min: 0.01, max: 1}
} as const satisfies Record<string, NumberRange>;

/** Throws a UserError naming `prefix.field` unless every field of `chip` is in range. */
export function checkServingChip(chip: ServingChipInput, prefix: string): void {
  checkObject(prefix, chip, "a serving chip object");
  checkObject(`${prefix}.chipHour`, chip.chipHour, "chip-hour cost inputs");
  checkRanges(chip.chipHour, CHIP_HOUR_COST_RANGES, `${prefix}.chipHour`);
  checkRange(
    `${prefix}.tokensPerSecondPerChip`,
    chip.tokensPerSecondPerChip,
    SERVING_CHIP_RANGES.tokensPerSecondPerChip
  );
  checkRange(`${prefix}.utilizationFraction`, chip.utilizationFraction, SERVING_CHIP_RANGES.utilizationFraction);
}

/** Chip-hour cost, tokens per chip-hour and cost per million tokens of one serving accelerator. Does not validate. */
export function servingChipCost(chip: ServingChipInput): ServingChipCostResult {
  const hour = chipHourCost(chip.chipHour);
  const throughput = {
    tokensPerSecondPerChip: chip.tokensPerSecondPerChip,
    utilizationFraction: chip.utilizationFraction
  };
  return {
    chipHour: hour,
    tokensPerChipHour: tokensPerChipHour(throughput),
    perMTok: costPerMillionTokensBreakdown(hour, throughput),
    tokensPerSecondPerW: chip.tokensPerSecondPerChip / chip.chipHour.chipPowerW
  };
}
