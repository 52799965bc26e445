import type {Hardware} from "../catalog/hardware.js";
import type {ModelArchitecture} from "../catalog/model.js";
import {memoryProblem, precisionProblem, type ServingProblem} from "../inference/servingChecks.js";
import {servingPerformance, type ServingInput, type ServingResult} from "../inference/servingPerformance.js";
import type {ChipHourCostInput} from "./chipHourCost.js";
import {servingCost, type ServingCostResult} from "./servingCost.js";

/** Everything needed to price tokens of one model served on one chip. */
export interface ServingEconomicsInput extends Omit<ServingInput, "hardware" | "model"> {
  hardware: Hardware;
  model: ModelArchitecture;
  /** Ownership assumptions; chip price and power come from here, not from the catalog row. */
  ownership: ChipHourCostInput;
  /** Fraction of the hour the chips are busy; in (0, 1]. */
  utilizationFraction: number;
  /** Price tokens on rented chips at this USD per chip-hour; null to own them. */
  rentedUsdPerChipHour: number | null;
}

export type ServingEconomicsResult =
  {ok: true; serving: ServingResult; cost: ServingCostResult} | {ok: false; problem: ServingProblem};

/** Roofline performance and token cost together; a configuration that cannot run returns its problem instead. */
export function evaluateServing(input: ServingEconomicsInput): ServingEconomicsResult {
  const precision = precisionProblem(input.hardware, input.precision);
  if (precision) return {ok: false, problem: precision};
  const serving = servingPerformance(input);
  const memory = memoryProblem(serving, input.batchSize, input.tensorParallel);
  if (memory) return {ok: false, problem: memory};
  const cost = servingCost({
    serving,
    ownership: input.ownership,
    utilizationFraction: input.utilizationFraction,
    rentedUsdPerChipHour: input.rentedUsdPerChipHour
  });
  return {ok: true, serving, cost};
}
