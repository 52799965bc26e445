import {checkFiniteResult, checkObject, checkRanges, type NumberRange, type RangeTable} from "../units/range.js";
import {HOURS_PER_YEAR, KILO} from "../units/si.js";
import {capitalRecoveryFactor} from "./capitalRecovery.js";

/**
 * The cost of owning and running one accelerator for one hour, and what it is made of.
 *
 * capital per year = price × CRF(cost of capital, life)        for the chip, its share of the system, the facility
 * energy per hour  = power per chip (kW) × average draw × PUE × electricity price
 * total per hour   = Σ capital per year ÷ hours per year + energy + operations
 *
 * The vendor's margin is the part of the chip capital charge that pays the hardware vendor's gross margin:
 * chip capital × gross margin. It is inside `chipCapitalUsdPerHour`, not added to the total.
 *
 * The cost of capital is the part of the three capital charges that is the return on the money, not its recovery:
 * a capital charge is price × CRF, of which price ÷ life is straight-line depreciation and price × (CRF − 1 ÷ life)
 * the financing. It too is inside the capital charges, not added to the total.
 */
export interface ChipHourCostInput {
  /** Purchase price of one accelerator, USD; >= 0 (0 stands in for a rented chip, whose price prices no token). */
  chipPriceUsd: number;
  /** Server, networking and storage bought with each accelerator, as a multiple of its price; >= 0. */
  systemOverheadFraction: number;
  /** Accelerator board power (TDP), W; in [1, 100,000]. */
  chipPowerW: number;
  /** Host, network and cooling-inside-the-rack power per accelerator, as a multiple of chip power; >= 0. */
  hostPowerFraction: number;
  /** Average draw over the year as a fraction of peak (chip + host) power; in [0.01, 1]. */
  averageDrawFraction: number;
  /** Power usage effectiveness of the facility; in [1, 3]. */
  pue: number;
  /** Electricity price, USD per kWh; in [0, 10]. */
  electricityUsdPerKwh: number;
  /** Facility build cost (shell, power, cooling) per MW of IT load, USD; in [0, 10^9]. */
  facilityCapexUsdPerMw: number;
  /** Years over which the facility is recovered; in [1, 50]. */
  facilityLifeYears: number;
  /** Cost of capital per year, as a fraction; in [0, 1]. */
  costOfCapitalPerYear: number;
  /** Years over which the accelerator and its system are recovered; in [0.5, 30]. */
  usefulLifeYears: number;
  /** Staff, maintenance, software and support per accelerator-hour, USD; in [0, 10,000]. */
  operationsUsdPerChipHour: number;
  /** The hardware vendor's gross margin on the accelerator price, as a fraction; in [0, 1). */
  vendorGrossMarginFraction: number;
}

export interface ChipHourCostResult {
  /** Total cost of one accelerator-hour, USD: the sum of the five components below. */
  totalUsdPerChipHour: number;
  /** Capital charge for the accelerator itself, USD per hour. */
  chipCapitalUsdPerChipHour: number;
  /** Capital charge for its share of servers, networking and storage, USD per hour. */
  systemCapitalUsdPerChipHour: number;
  /** Capital charge for its share of the facility, USD per hour. */
  facilityCapitalUsdPerChipHour: number;
  /** Electricity, USD per hour. */
  energyUsdPerChipHour: number;
  /** Operations, USD per hour. */
  operationsUsdPerChipHour: number;
  /** Part of `chipCapitalUsdPerChipHour` that is the hardware vendor's gross margin, USD per hour. */
  vendorMarginUsdPerChipHour: number;
  /**
   * Part of the three capital charges that is the return on capital (capital × (CRF − 1 ÷ life)), USD per hour; the
   * rest of them is straight-line depreciation.
   */
  costOfCapitalUsdPerChipHour: number;
  /** IT power per accelerator at peak (chip + host), kW. */
  itPowerKw: number;
  /** Facility power per accelerator at average draw (IT × draw × PUE), kW. */
  facilityPowerKw: number;
}

/** The parts of a chip-hour cost that sum to its total, in display order. */
export const CHIP_HOUR_COMPONENTS = [
  "chipCapital",
  "systemCapital",
  "facilityCapital",
  "energy",
  "operations"
] as const;
export type ChipHourComponent = (typeof CHIP_HOUR_COMPONENTS)[number];

/**
 * The parts of a chip-hour cost in words, as every table and chart names them (the cost stack's legend,
 * docs/components/palette.ts; `inference`'s cost table).
 */
export const CHIP_HOUR_COMPONENT_NAMES: Readonly<Record<ChipHourComponent, string>> = {
  chipCapital: "chip capital",
  systemCapital: "servers & network",
  facilityCapital: "facility",
  energy: "energy",
  operations: "operations"
};

/** Finite and >= 0. */
const NON_NEGATIVE: NumberRange = {min: 0, max: Infinity, maxExclusive: true};

/**
 * The ranges chipHourCost checks, its fields' documented ranges: the widest any caller may pass. The strategy models
 * and the scenario keys take narrower ones for some fields (CHIP_HOUR_COST_RANGES, src/strategy/servingChip.ts); here
 * a price may be 0 (the stand-in for a rented chip: trainingSetupInput, evaluateServing) and a catalog row's system
 * and host overheads are bounded only by being finite (data/hardware.csv's system_power_w ÷ power_w − 1).
 */
export const CHIP_HOUR_INPUT_RANGES: RangeTable<ChipHourCostInput> = {
  chipPriceUsd: NON_NEGATIVE,
  systemOverheadFraction: NON_NEGATIVE,
  chipPowerW: {min: 1, max: 1e5},
  hostPowerFraction: NON_NEGATIVE,
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

/**
 * The chip-hour cost and its parts (formulas above). Throws a UserError at `input` when it is not an object, else
 * naming the field, its range and the value found for a field outside CHIP_HOUR_INPUT_RANGES (NaN, a negative price,
 * an average draw of 60 meant as 60%; a field left out is "missing", text "not a number").
 */
export function chipHourCost(input: ChipHourCostInput): ChipHourCostResult {
  checkObject("input", input, "an object of chip-hour cost inputs (ChipHourCostInput)");
  checkRanges(input, CHIP_HOUR_INPUT_RANGES);
  const result = _chipHourCost(input);
  // The price and the two overheads are bounded only by being finite: together they may overflow the total (a price
  // of 1e308 with a system overhead of 1e308 returned Infinity; breaker). Each part is at most the total.
  checkFiniteResult(result.totalUsdPerChipHour, "chip-hour cost = capital charges + energy + operations", {
    chipPriceUsd: input.chipPriceUsd,
    systemOverheadFraction: input.systemOverheadFraction,
    hostPowerFraction: input.hostPowerFraction
  });
  return result;
}

/**
 * chipHourCost without the check of its input (arquero's verb/_verb split): for callers whose input is already
 * checked, once per Monte Carlo draw or sweep point. The scenario pipeline (ScenarioStages) builds it from keys the
 * schema's ranges hold, each inside CHIP_HOUR_INPUT_RANGES, and a catalog chip's row; the strategy models check their
 * chips first (checkServingChip). The check cost a 1M-point sweep about 20 ns a point (bench/sweep.bench.ts).
 */
export function _chipHourCost(input: ChipHourCostInput): ChipHourCostResult {
  const crfIt = capitalRecoveryFactor({ratePerPeriod: input.costOfCapitalPerYear, periods: input.usefulLifeYears});
  const crfFacility = capitalRecoveryFactor({
    ratePerPeriod: input.costOfCapitalPerYear,
    periods: input.facilityLifeYears
  });
  const itPowerKw = (input.chipPowerW * (1 + input.hostPowerFraction)) / KILO;
  const facilityPowerKw = itPowerKw * input.averageDrawFraction * input.pue;
  const chipCapitalUsdPerChipHour = (input.chipPriceUsd * crfIt) / HOURS_PER_YEAR;
  const systemCapitalUsdPerChipHour = (input.chipPriceUsd * input.systemOverheadFraction * crfIt) / HOURS_PER_YEAR;
  // The facility is sized for peak IT power, so its capital is charged on itPowerKw, not the average draw.
  const facilityCapitalUsdPerChipHour =
    ((itPowerKw / KILO) * input.facilityCapexUsdPerMw * crfFacility) / HOURS_PER_YEAR;
  const energyUsdPerChipHour = facilityPowerKw * input.electricityUsdPerKwh;
  const operationsUsdPerChipHour = input.operationsUsdPerChipHour;
  const totalUsdPerChipHour =
    chipCapitalUsdPerChipHour +
    systemCapitalUsdPerChipHour +
    facilityCapitalUsdPerChipHour +
    energyUsdPerChipHour +
    operationsUsdPerChipHour;
  return {
    totalUsdPerChipHour,
    chipCapitalUsdPerChipHour,
    systemCapitalUsdPerChipHour,
    facilityCapitalUsdPerChipHour,
    energyUsdPerChipHour,
    operationsUsdPerChipHour,
    vendorMarginUsdPerChipHour: chipCapitalUsdPerChipHour * input.vendorGrossMarginFraction,
    costOfCapitalUsdPerChipHour:
      (chipCapitalUsdPerChipHour + systemCapitalUsdPerChipHour) * (1 - 1 / (crfIt * input.usefulLifeYears)) +
      facilityCapitalUsdPerChipHour * (1 - 1 / (crfFacility * input.facilityLifeYears)),
    itPowerKw,
    facilityPowerKw
  };
}
