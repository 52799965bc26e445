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
  /** Purchase price of one accelerator, USD; > 0. */
  chipPriceUsd: number;
  /** Server, networking and storage bought with each accelerator, as a fraction of its price; >= 0. */
  systemOverheadFraction: number;
  /** Accelerator board power (TDP), W; > 0. */
  chipPowerW: number;
  /** Host, network and cooling-inside-the-rack power per accelerator, as a fraction of chip power; >= 0. */
  hostPowerFraction: number;
  /** Average draw over the year as a fraction of peak (chip + host) power; in (0, 1]. */
  averageDrawFraction: number;
  /** Power usage effectiveness of the facility; >= 1. */
  pue: number;
  /** Electricity price, USD per kWh; >= 0. */
  electricityUsdPerKwh: number;
  /** Facility build cost (shell, power, cooling) per MW of IT load, USD; >= 0. */
  facilityCapexUsdPerMw: number;
  /** Years over which the facility is recovered; > 0. */
  facilityLifeYears: number;
  /** Cost of capital per year, as a fraction; >= 0. */
  costOfCapitalPerYear: number;
  /** Years over which the accelerator and its system are recovered; > 0. */
  usefulLifeYears: number;
  /** Staff, maintenance, software and support per accelerator-hour, USD; >= 0. */
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

export function chipHourCost(input: ChipHourCostInput): ChipHourCostResult {
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
