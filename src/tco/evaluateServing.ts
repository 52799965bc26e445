import type {Hardware} from "../catalog/hardware.js";
import type {ModelArchitecture} from "../catalog/model.js";
import type {ServingEfficiencies} from "../inference/efficiencies.js";
import {memoryProblem, servingInputProblem, type ServingProblem} from "../inference/servingChecks.js";
import {servingPerformance, type ServingInput, type ServingResult} from "../inference/servingPerformance.js";
import type {ChipHourCostInput} from "./chipHourCost.js";
import {servingCost, type ServingCostResult} from "./servingCost.js";

/** Everything needed to price tokens of one model served on one chip. */
export interface ServingEconomicsInput extends Omit<ServingInput, "hardware" | "model"> {
  hardware: Hardware;
  model: ModelArchitecture;
  /**
   * How much of each roof the serving software reaches (efficiencies.ts). `inference` and the scenarios take
   * `calibratedEfficiencies(hardware, stack).efficiencies` (fitted on published measurements); DEFAULT_SERVING_EFFICIENCIES
   * and ROOFLINE_EFFICIENCIES are not calibrated and give other figures.
   */
  efficiencies: ServingEfficiencies;
  /**
   * Ownership assumptions; chip price and power come from here, not from the catalog row. `inference`'s, with
   * `defaults = schemaDefaults()`: `catalogChipHour(sharedOwnership(defaults), hardware, hardware.priceUsd,
   * defaults["finance.vendorGrossMargin"])`.
   */
  ownership: ChipHourCostInput;
  /** Fraction of the hour the chips are busy; in (0, 1]. */
  utilizationFraction: number;
  /** Price tokens on rented chips at this USD per chip-hour; null to own them. */
  rentedUsdPerChipHour: number | null;
}

export type ServingEconomicsResult =
  {ok: true; serving: ServingResult; cost: ServingCostResult} | {ok: false; problem: ServingProblem};

/**
 * Serving performance and token cost together; a configuration that cannot run (precision, parallelism, request
 * shape, memory: servingChecks.ts) returns its problem instead.
 */
export function evaluateServing(input: ServingEconomicsInput): ServingEconomicsResult {
  const inputProblem = servingInputProblem(input);
  if (inputProblem) return {ok: false, problem: inputProblem};
  const serving = servingPerformance(input, input.efficiencies);
  const memory = memoryProblem(input, serving);
  if (memory) return {ok: false, problem: memory};
  const cost = servingCost({
    serving,
    ownership: input.ownership,
    utilizationFraction: input.utilizationFraction,
    rentedUsdPerChipHour: input.rentedUsdPerChipHour
  });
  return {ok: true, serving, cost};
}
