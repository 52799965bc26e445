import type {ServingResult} from "../inference/servingPerformance.js";
import {chipHourCost, type ChipHourCostInput, type ChipHourCostResult} from "./chipHourCost.js";
import {costPerMillionTokensBreakdown, type CostPerTokenBreakdown} from "./costPerToken.js";
import {tokensPerSecondPerMw} from "./tokensPerMw.js";

/**
 * The cost of serving tokens: a chip-hour's cost spread over the output tokens (decode) or the input tokens
 * (prefill) the chip serves in that hour. A request of I input and O output tokens costs
 * I × input cost + O × output cost, each priced by the chip time it uses.
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
  /** USD per million output tokens, by component (owned chips) — sums to `total`. */
  output: CostPerTokenBreakdown;
  /** USD per million input (prompt) tokens, by component (owned chips). */
  input: CostPerTokenBreakdown;
  /** USD per million output tokens at `chipHourCostUsd`. */
  costPerMillionOutputTokensUsd: number;
  /** USD per million input tokens at `chipHourCostUsd`. */
  costPerMillionInputTokensUsd: number;
  /** Output tokens per second per MW of facility power. */
  outputTokensPerSecondPerMw: number;
}

export function servingCost(input: ServingCostInput): ServingCostResult {
  const chipHour = chipHourCost(input.ownership);
  const utilizationFraction = input.utilizationFraction;
  const output = costPerMillionTokensBreakdown(chipHour, {
    tokensPerSecondPerChip: input.serving.tokensPerSecondPerChip,
    utilizationFraction
  });
  const inputCost = costPerMillionTokensBreakdown(chipHour, {
    tokensPerSecondPerChip: input.serving.prefillTokensPerSecondPerChip,
    utilizationFraction
  });
  const chipHourCostUsd = input.rentedUsdPerChipHour ?? chipHour.totalUsdPerChipHour;
  const scale = chipHourCostUsd / chipHour.totalUsdPerChipHour;
  return {
    chipHour,
    chipHourCostUsd,
    output,
    input: inputCost,
    costPerMillionOutputTokensUsd: output.total * scale,
    costPerMillionInputTokensUsd: inputCost.total * scale,
    outputTokensPerSecondPerMw: tokensPerSecondPerMw({
      tokensPerSecondPerChip: input.serving.tokensPerSecondPerChip,
      utilizationFraction,
      facilityPowerKwPerChip: chipHour.facilityPowerKw
    })
  };
}
