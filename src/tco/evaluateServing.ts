import type {Hardware} from "../catalog/hardware.js";
import type {ModelArchitecture} from "../catalog/model.js";
import type {ServingEfficiencies} from "../inference/efficiencies.js";
import {memoryProblem, servingInputProblem, type ServingProblem} from "../inference/servingChecks.js";
import {servingPerformance, type ServingInput, type ServingResult} from "../inference/servingPerformance.js";
import type {ChipHourCostInput} from "./chipHourCost.js";
import {servingCost, type ServingCostResult} from "./servingCost.js";
import {HARDWARE_CELL_RANGES} from "../catalog/parseHardwareCsv.js";
import {checkHardwareRow, checkModelRow} from "../catalog/rowRanges.js";
import {CHIP_HOUR_COST_RANGES, SERVING_CHIP_RANGES} from "../strategy/servingChip.js";
import {
  checkFiniteResult,
  checkNullableRange,
  checkObject,
  checkRange,
  checkRanges,
  type NumberRange,
  type RangeTable
} from "../units/range.js";

/** Everything needed to price tokens of one model served on one chip. */
export interface ServingEconomicsInput extends Omit<ServingInput, "hardware" | "model"> {
  hardware: Hardware;
  model: ModelArchitecture;
  /**
   * How much of each roof the serving software reaches (efficiencies.ts). `inference` and the scenarios take
   * `calibratedEfficiencies(hardware, stack).efficiencies` (fitted on published measurements);
   * DEFAULT_SERVING_EFFICIENCIES and ROOFLINE_EFFICIENCIES are not calibrated and give other figures.
   */
  efficiencies: ServingEfficiencies;
  /**
   * Ownership assumptions; chip price and power come from here, not from the catalog row. `inference`'s, with
   * `defaults = schemaDefaults()`: `catalogChipHour(sharedOwnership(defaults), hardware, hardware.priceUsd,
   * defaults["finance.vendorGrossMargin"])`.
   */
  ownership: ChipHourCostInput;
  /** Fraction of the hour the chips are busy; in [0.01, 1] (SERVING_CHIP_RANGES.utilizationFraction). */
  utilizationFraction: number;
  /** Price tokens on rented chips at this USD per chip-hour; null to own them. */
  rentedUsdPerChipHour: number | null;
}

export type ServingEconomicsResult =
  {ok: true; serving: ServingResult; cost: ServingCostResult} | {ok: false; problem: ServingProblem};

/**
 * Serving performance and token cost together; a configuration that cannot run (precision, parallelism, request
 * shape, memory: servingChecks.ts) returns its problem instead. A utilisation, ownership or rented price out of range
 * throws a UserError naming the field (checkServingEconomics below). The efficiencies' ranges are those
 * ServingEfficiencies documents, open at 0 and, for the seconds, unbounded above (no fitted value is excluded):
 * efficiencies each in range but extreme (a bandwidth fraction of 5e-324, a step overhead of 10^308 s) serve no
 * token in finite time, and throw a UserError naming the efficiencies and their values (checkServingFinite below)
 * rather than price tokens at Infinity.
 */
export function evaluateServing(input: ServingEconomicsInput): ServingEconomicsResult {
  checkServingEconomics(input);
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
  checkServingFinite(input.efficiencies, cost);
  return {ok: true, serving, cost};
}

/**
 * Throws checkFiniteResult's error, naming the efficiencies, unless every cost per million tokens is finite. The other
 * inputs have finite ranges or are checked by servingChecks.ts, so a cost that is not finite comes from the
 * efficiencies: a roof reached at almost none of it, or seconds per step without bound.
 */
function checkServingFinite(efficiencies: ServingEfficiencies, cost: ServingCostResult): void {
  const costs = [
    cost.costPerMillionOutputTokensUsd,
    cost.costPerMillionInputTokensUsd,
    cost.costPerMillionOutputTokensAllInUsd,
    cost.output.total,
    cost.input.total
  ];
  const notFinite = costs.find((value) => !Number.isFinite(value));
  if (notFinite === undefined) return;
  const named = Object.fromEntries(Object.entries(efficiencies).map(([key, value]) => [`efficiencies.${key}`, value]));
  checkFiniteResult(notFinite, "cost per million tokens (chip-hour cost ÷ tokens served in it)", named);
}

/**
 * The ownership ranges of an owned chip: the strategy models' (CHIP_HOUR_COST_RANGES), but a host power fraction
 * only >= 0 and finite, as a catalog row's system_power_w ÷ power_w − 1 (or a custom chip's flags) may give it.
 */
const OWNED_RANGES: RangeTable<ChipHourCostInput> = {
  ...CHIP_HOUR_COST_RANGES,
  hostPowerFraction: {min: 0, max: Infinity, maxExclusive: true}
};

/**
 * On rented chips the purchase price does not price tokens, so 0 is taken for a chip with none; it is still a number
 * up to the owned range's top, as the owned chip-hour the result reports is built from it (NaN gave a NaN chip-hour
 * beside the rented figures; breaker).
 */
const RENTED_RANGES: RangeTable<ChipHourCostInput> = {
  ...OWNED_RANGES,
  chipPriceUsd: {min: 0, max: OWNED_RANGES.chipPriceUsd.max}
};

/**
 * Throws a UserError naming the field (`utilizationFraction`, `ownership.costOfCapitalPerYear`) of a value the
 * economics cannot take: a missing hardware or model row, or one with a number outside the catalog's ranges
 * (checkHardwareRow, checkModelRow), an hbmReserveFraction outside [0, 1), a kvBytesPerElement outside (0, 4], a
 * utilisation outside [0.01, 1] (60 for 60% priced tokens 100 times too cheap), a missing ownership or efficiencies,
 * an ownership field or efficiency outside its range or not a number, a rented price outside data/hardware.csv's
 * hourly_usd range. The command line and the scenario schema check the same ranges first; a
 * script may not.
 */
function checkServingEconomics(input: ServingEconomicsInput): void {
  // A missing row threw a TypeError deep in the roofline ("reading 'fp8FlopsPerS'"; modeller's trial).
  checkObject("hardware", input.hardware, 'a hardware row, e.g. findById(catalogs.hardware, id, "hardware")');
  checkObject("model", input.model, 'a model row, e.g. findById(catalogs.models, id, "model")');
  // Each number in the catalog's range: a script's row with a bandwidth of −1 priced tokens at −$10B per million and
  // returned ok (breaker).
  checkHardwareRow(input.hardware);
  checkModelRow(input.model);
  // Both were read unchecked: a KV element of 0 bytes priced tokens below the real cost and returned ok, a reserve of
  // −0.5 returned ok, and 1.5 or NaN blamed tensorParallel for a negative usable HBM (modeller's trial).
  checkNullableRange("hbmReserveFraction", input.hbmReserveFraction, HBM_RESERVE_RANGE, "the stack's own reserve");
  if (input.kvBytesPerElement !== undefined) {
    checkRange("kvBytesPerElement", input.kvBytesPerElement, KV_BYTES_PER_ELEMENT_RANGE);
  }
  checkRange("utilizationFraction", input.utilizationFraction, SERVING_CHIP_RANGES.utilizationFraction);
  const rented = input.rentedUsdPerChipHour !== null;
  checkNullableRange(
    "rentedUsdPerChipHour",
    input.rentedUsdPerChipHour,
    HARDWARE_CELL_RANGES.hourly_usd,
    "owned chips"
  );
  checkObject("ownership", input.ownership, "chip-hour cost inputs");
  checkRanges(input.ownership, rented ? RENTED_RANGES : OWNED_RANGES, "ownership");
  const efficienciesExpected = "serving efficiencies, e.g. calibratedEfficiencies(hardware, stack).efficiencies";
  checkObject("efficiencies", input.efficiencies, efficienciesExpected);
  checkRanges(input.efficiencies, EFFICIENCY_RANGES, "efficiencies");
}

/** HBM held back from the KV cache: [0, 1), as serving.hbmReserve's range (the scenario schema). */
const HBM_RESERVE_RANGE: NumberRange = {min: 0, max: 1, maxExclusive: true};
/**
 * Bytes per KV-cache element: above 0, at most 4 (fp32, the widest a serving stack keeps; fp8 is 1 and bf16 2,
 * DEFAULT_KV_BYTES_PER_ELEMENT).
 */
const KV_BYTES_PER_ELEMENT_RANGE: NumberRange = {min: 0, max: 4, minExclusive: true};

/** Finite and >= 0. */
const NON_NEGATIVE: NumberRange = {min: 0, max: Infinity, maxExclusive: true};
/** A share of a roof reached: above 0, at most all of it. */
const REACHED: NumberRange = {min: 0, max: 1, minExclusive: true};

/**
 * Each efficiency's range as ServingEfficiencies documents it (efficiencies.ts); every calibrated family and stack,
 * DEFAULT_SERVING_EFFICIENCIES and ROOFLINE_EFFICIENCIES lie in it. An object without them ({}) priced tokens at NaN
 * and returned ok (breaker).
 */
const EFFICIENCY_RANGES: RangeTable<ServingEfficiencies> = {
  bandwidthFraction: REACHED,
  computeFraction: REACHED,
  communicationFraction: REACHED,
  expertAllToAllFraction: REACHED,
  collectiveLatencySeconds: NON_NEGATIVE,
  stepOverheadSeconds: NON_NEGATIVE,
  kernelOverlapFraction: {min: 0, max: 1}
};
