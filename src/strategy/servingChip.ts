import {
  _chipHourCost,
  CHIP_HOUR_INPUT_RANGES,
  type ChipHourCostInput,
  type ChipHourCostResult
} from "../tco/chipHourCost.js";
import {
  COST_PER_TOKEN_RANGES,
  costPerMillionTokensBreakdown,
  tokensPerChipHour,
  type CostPerTokenBreakdown
} from "../tco/costPerToken.js";
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

/**
 * Valid ranges of the TCO inputs for the strategy models and the scenario keys (the units are in
 * src/tco/chipHourCost.ts): chipHourCost's own (CHIP_HOUR_INPUT_RANGES), with a purchase price of at least 1 USD and
 * finite upper bounds on price and overheads that keep outputs finite.
 */
export const CHIP_HOUR_COST_RANGES: RangeTable<ChipHourCostInput> = {
  ...CHIP_HOUR_INPUT_RANGES,
  chipPriceUsd: {min: 1, max: 1e7},
  systemOverheadFraction: {min: 0, max: 50},
  hostPowerFraction: {min: 0, max: 5}
};

/** Valid ranges of a serving chip's throughput (tokens/s) and utilisation (fraction of the hour). */
export const SERVING_CHIP_RANGES = {
  tokensPerSecondPerChip: COST_PER_TOKEN_RANGES.tokensPerSecondPerChip,
  utilizationFraction: COST_PER_TOKEN_RANGES.utilizationFraction
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

/**
 * Chip-hour cost, tokens per chip-hour and cost per million tokens of one serving accelerator. Does not validate: the
 * strategy models check their chips first (checkServingChip, within chipHourCost's ranges), once per run.
 */
export function servingChipCost(chip: ServingChipInput): ServingChipCostResult {
  const hour = _chipHourCost(chip.chipHour);
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
