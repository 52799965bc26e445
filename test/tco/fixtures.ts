import fc from "fast-check";
import type {ChipHourCostInput} from "../../src/tco/chipHourCost.js";

/** A case worked by hand in chipHourCost.test.ts. */
export const HAND_CASE: ChipHourCostInput = {
  chipPriceUsd: 30_000,
  systemOverheadFraction: 0.25,
  chipPowerW: 700,
  hostPowerFraction: 0.82,
  averageDrawFraction: 0.7,
  pue: 1.2,
  electricityUsdPerKwh: 0.08,
  facilityCapexUsdPerMw: 12e6,
  facilityLifeYears: 14,
  costOfCapitalPerYear: 0.1,
  usefulLifeYears: 5,
  operationsUsdPerChipHour: 0.1,
  vendorGrossMarginFraction: 0.75
};

/** Realistic ranges of every ownership input, for property tests. */
export function arbitraryOwnership(): fc.Arbitrary<ChipHourCostInput> {
  const d = (min: number, max: number) => fc.double({min, max, noNaN: true, noDefaultInfinity: true});
  return fc.record({
    chipPriceUsd: d(1_000, 100_000),
    systemOverheadFraction: d(0, 1),
    chipPowerW: d(100, 2_000),
    hostPowerFraction: d(0, 1.5),
    averageDrawFraction: d(0.05, 1),
    pue: d(1, 2),
    electricityUsdPerKwh: d(0, 0.5),
    facilityCapexUsdPerMw: d(0, 40e6),
    facilityLifeYears: d(5, 30),
    costOfCapitalPerYear: d(0, 0.3),
    usefulLifeYears: d(1, 10),
    operationsUsdPerChipHour: d(0, 1),
    vendorGrossMarginFraction: d(0, 0.9)
  });
}
