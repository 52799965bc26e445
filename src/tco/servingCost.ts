import type {ServingResult} from "../inference/servingPerformance.js";
import {chipHourCost, type ChipHourCostInput, type ChipHourCostResult} from "./chipHourCost.js";
import {costPerMillionTokensBreakdown, costPerMillionTokensUsd, type CostPerTokenBreakdown} from "./costPerToken.js";
import {tokensPerSecondPerMw} from "./tokensPerMw.js";

/**
 * The cost of serving tokens. A request's chip time is its share of a prefill and of (output − 1) decode steps; the
 * split prices output tokens at the decode rate (decode steps only) and input tokens at the prefill rate, so that a
 * request of I input and O output tokens costs about I × input cost + O × output cost. The all-in figure charges
 * every chip-second to output tokens instead (whole requests, prefill included), as offline throughput does.
 */
export interface ServingCostInput {
  serving: ServingResult;
  ownership: ChipHourCostInput;
  /** Fraction of the hour the chips are busy; in (0, 1]. */
  utilizationFraction: number;
  /** Cloud price of a chip-hour, USD, to price tokens on rented chips instead of owned ones; null to own. */
  rentedUsdPerChipHour: number | null;
}

export interface ServingCostResult {
  chipHour: ChipHourCostResult;
  /** The chip-hour cost used: rented price when given, otherwise the owned total. */
  chipHourCostUsd: number;
  /** True when chipHourCostUsd is the rented price (rentedUsdPerChipHour given), false when it is the owned total. */
  rented: boolean;
  /** USD per million output tokens at the decode rate, by component (owned chips) — sums to `total`. */
  output: CostPerTokenBreakdown;
  /** USD per million input (prompt) tokens at the prefill rate, by component (owned chips). */
  input: CostPerTokenBreakdown;
  /** USD per million output tokens at the decode rate (decode time only; input tokens carry the prefill time). */
  costPerMillionOutputTokensUsd: number;
  /** USD per million input tokens at the prefill rate. */
  costPerMillionInputTokensUsd: number;
  /** USD per million output tokens charging them all the chip time of whole requests, prefill included. */
  costPerMillionOutputTokensAllInUsd: number;
  /** Output tokens per second per MW of facility power, whole requests (prefill included). */
  outputTokensPerSecondPerMw: number;
}

/**
 * The cost of serving tokens (ServingCostInput → ServingCostResult, USD per chip-hour and per million tokens).
 *
 * Throws: chipHourCost's UserError naming the first ownership field out of its range.
 */
export function servingCost(input: ServingCostInput): ServingCostResult {
  return servingCostAt(chipHourCost(input.ownership), input);
}

/**
 * servingCost with the chip-hour already computed from `input.ownership` (a scenario's pipeline has it, from inputs
 * its schema keeps in range: computing and checking it again cost a third of this stage in a sweep). Does not validate.
 */
export function servingCostAt(chipHour: ChipHourCostResult, input: ServingCostInput): ServingCostResult {
  const utilizationFraction = input.utilizationFraction;
  const output = costPerMillionTokensBreakdown(chipHour, {
    tokensPerSecondPerChip: input.serving.decodeTokensPerSecondPerChip,
    utilizationFraction
  });
  const inputCost = costPerMillionTokensBreakdown(chipHour, {
    tokensPerSecondPerChip: input.serving.prefillTokensPerSecondPerChip,
    utilizationFraction
  });
  const allIn = costPerMillionTokensBreakdown(chipHour, {
    tokensPerSecondPerChip: input.serving.outputTokensPerSecondPerChip,
    utilizationFraction
  });
  const chipHourCostUsd = input.rentedUsdPerChipHour ?? chipHour.totalUsdPerChipHour;
  // The owned cost scaled to the rented price, unless the owned chip-hour is 0 (a rented chip priced at 0 with free
  // power, facility and operations, as a script may pass it): 2 ÷ 0 × 0 gave NaN; the rented price over the tokens of
  // a chip-hour is the same figure (costPerMillionTokensUsd).
  const owned = chipHour.totalUsdPerChipHour;
  const scale = chipHourCostUsd === owned ? 1 : owned > 0 ? chipHourCostUsd / owned : undefined;
  const perMTok = (ownedPerMTok: number, tokensPerSecondPerChip: number): number =>
    scale === undefined
      ? costPerMillionTokensUsd({chipHourCostUsd, tokensPerSecondPerChip, utilizationFraction})
      : ownedPerMTok * scale;
  return {
    chipHour,
    chipHourCostUsd,
    rented: input.rentedUsdPerChipHour !== null,
    output,
    input: inputCost,
    costPerMillionOutputTokensUsd: perMTok(output.total, input.serving.decodeTokensPerSecondPerChip),
    costPerMillionInputTokensUsd: perMTok(inputCost.total, input.serving.prefillTokensPerSecondPerChip),
    costPerMillionOutputTokensAllInUsd: perMTok(allIn.total, input.serving.outputTokensPerSecondPerChip),
    outputTokensPerSecondPerMw: tokensPerSecondPerMw({
      tokensPerSecondPerChip: input.serving.outputTokensPerSecondPerChip,
      utilizationFraction,
      facilityPowerKwPerChip: chipHour.facilityPowerKw
    })
  };
}
