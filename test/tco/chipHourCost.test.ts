import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {capitalRecoveryFactor} from "../../src/tco/capitalRecovery.js";
import {UserError} from "../../src/errors/userError.js";
import {CHIP_HOUR_COMPONENTS, CHIP_HOUR_INPUT_RANGES, chipHourCost} from "../../src/tco/chipHourCost.js";
import {COST_PER_TOKEN_RANGES} from "../../src/tco/costPerToken.js";
import {keyRange, scenarioKey} from "../../src/scenario/file/schema.js";
import type {NumberRange} from "../../src/units/range.js";
import {arbitraryOwnership, HAND_CASE} from "./fixtures.js";

describe("capitalRecoveryFactor", () => {
  it("matches annuity tables", () => {
    // 10%, 5 years: 0.1·1.1⁵/(1.1⁵ − 1) = 0.161051/0.61051 = 0.263797
    expect(capitalRecoveryFactor({ratePerPeriod: 0.1, periods: 5})).toBeCloseTo(0.263797, 6);
    // 0%: straight line, 1/5
    expect(capitalRecoveryFactor({ratePerPeriod: 0, periods: 5})).toBe(0.2);
  });

  it("is continuous at a zero rate", () => {
    expect(capitalRecoveryFactor({ratePerPeriod: 1e-9, periods: 5})).toBeCloseTo(0.2, 8);
  });
});

describe("chipHourCost", () => {
  it("computes each component by hand", () => {
    const r = chipHourCost(HAND_CASE);
    const hoursPerYear = 8766; // 365.25 × 24
    // chip: 30,000 × 0.263797 / 8766 = 0.902797 USD/h
    expect(r.chipCapitalUsdPerChipHour).toBeCloseTo((30_000 * 0.2637975) / hoursPerYear, 5);
    // system: a quarter of that
    expect(r.systemCapitalUsdPerChipHour).toBeCloseTo(r.chipCapitalUsdPerChipHour * 0.25, 12);
    // IT power 0.7 kW × 1.82 = 1.274 kW; facility power at average draw = 1.274 × 0.7 × 1.2 = 1.07016 kW
    expect(r.itPowerKw).toBeCloseTo(1.274, 12);
    expect(r.facilityPowerKw).toBeCloseTo(1.07016, 12);
    // energy 1.07016 kW × 0.08 USD/kWh = 0.0856128 USD/h
    expect(r.energyUsdPerChipHour).toBeCloseTo(0.0856128, 9);
    // facility: 0.001274 MW × 12e6 USD/MW × CRF(10%, 14) / 8766; CRF = 0.1·1.1¹⁴/(1.1¹⁴ − 1) = 0.1357462
    expect(r.facilityCapitalUsdPerChipHour).toBeCloseTo((0.001274 * 12e6 * 0.1357462) / hoursPerYear, 6);
    expect(r.operationsUsdPerChipHour).toBe(0.1);
    expect(r.vendorMarginUsdPerChipHour).toBeCloseTo(r.chipCapitalUsdPerChipHour * 0.75, 12);
  });

  it("has parts that sum to the total", () => {
    fc.assert(
      fc.property(arbitraryOwnership(), (input) => {
        const r = chipHourCost(input);
        const sum = CHIP_HOUR_COMPONENTS.reduce((s, c) => s + r[`${c}UsdPerChipHour`], 0);
        expect(sum).toBeCloseTo(r.totalUsdPerChipHour, 9);
      })
    );
  });
});

describe("chipHourCost input checks", () => {
  it("throws a UserError naming the field, its range and the value for NaN, a negative or a percent", () => {
    // A library caller's slips: the cost used to come back NaN, negative or 60 times too high, silently.
    expect(() => chipHourCost({...HAND_CASE, chipPriceUsd: NaN})).toThrow(
      new UserError({
        path: "chipPriceUsd",
        message: "out of range",
        expected: "a number in [0, ∞)",
        found: "NaN"
      })
    );
    expect(() => chipHourCost({...HAND_CASE, electricityUsdPerKwh: -0.08})).toThrow(
      /^electricityUsdPerKwh: out of range/
    );
    expect(() => chipHourCost({...HAND_CASE, averageDrawFraction: 70})).toThrow(
      "averageDrawFraction: out of range: expected a number in [0.01, 1], found 70"
    );
  });

  it("throws a UserError, not Infinity, for fields each in range whose total overflows", () => {
    expect(() => chipHourCost({...HAND_CASE, chipPriceUsd: 1e308, systemOverheadFraction: 1e308})).toThrow(
      /^chipPriceUsd, systemOverheadFraction, hostPowerFraction: inputs too extreme together/
    );
    expect(() => chipHourCost({...HAND_CASE, hostPowerFraction: 1e308})).toThrow(/inputs too extreme together/);
  });

  it("takes a price of 0, the stand-in for a rented chip (trainingSetupInput, evaluateServing)", () => {
    const r = chipHourCost({...HAND_CASE, chipPriceUsd: 0});
    expect(r.chipCapitalUsdPerChipHour).toBe(0);
    expect(r.totalUsdPerChipHour).toBeGreaterThan(0);
  });

  // The quick check is written field by field: each field's range must be in it, as in CHIP_HOUR_INPUT_RANGES.
  it.each(Object.keys(CHIP_HOUR_INPUT_RANGES))("rejects %s out of its range, at either end", (field) => {
    const range = CHIP_HOUR_INPUT_RANGES[field as keyof typeof CHIP_HOUR_INPUT_RANGES];
    const below = range.min - (range.min === 0 ? 1 : Math.abs(range.min) * 0.5);
    const above = Number.isFinite(range.max) ? (range.maxExclusive ? range.max : range.max * 2) : Infinity;
    for (const value of [NaN, below, above, "1" as unknown as number]) {
      expect(() => chipHourCost({...HAND_CASE, [field]: value}), `${field} = ${value}`).toThrow(
        new RegExp(`^${field}: ${typeof value === "number" ? "out of range" : "not a number"}`)
      );
    }
  });

  it("the scenario keys a chip-hour is built from lie inside its ranges (why the pipeline calls _chipHourCost)", () => {
    // ScenarioStages and the sweep skip the check per point (sharedOwnership, merchantChipHour in ownershipInput.ts):
    // sound only while each key's schema range is inside the field's. Most keys take the model's range
    // (CHIP_HOUR_COST_RANGES in schema.ts); this guards the others (a price, the overheads) and any that stops doing so.
    const fields: Record<string, keyof typeof CHIP_HOUR_INPUT_RANGES> = {
      "hardware.price": "chipPriceUsd",
      "finance.systemOverhead": "systemOverheadFraction",
      "power.hostOverhead": "hostPowerFraction",
      "power.averageDraw": "averageDrawFraction",
      "power.pue": "pue",
      "power.electricity": "electricityUsdPerKwh",
      "finance.facilityCapexPerMw": "facilityCapexUsdPerMw",
      "finance.facilityLife": "facilityLifeYears",
      "finance.costOfCapital": "costOfCapitalPerYear",
      "finance.usefulLife": "usefulLifeYears",
      "finance.operationsPerChipHour": "operationsUsdPerChipHour",
      "finance.vendorGrossMargin": "vendorGrossMarginFraction"
    };
    for (const [path, field] of Object.entries(fields)) {
      expect(rangeInside(keyRange(scenarioKey(path)!), CHIP_HOUR_INPUT_RANGES[field]), path).toBe(true);
    }
    // The same for the serving utilisation and a rented chip-hour, into costPerMillionTokensUsd.
    const utilization = keyRange(scenarioKey("serving.utilization")!);
    expect(rangeInside(utilization, COST_PER_TOKEN_RANGES.utilizationFraction)).toBe(true);
    expect(rangeInside(keyRange(scenarioKey("fleet.chipHourPrice")!), COST_PER_TOKEN_RANGES.chipHourCostUsd)).toBe(
      true
    );
  });
});

/** True when every number `inner` holds, `outer` holds too (each end compared with its exclusivity). */
function rangeInside(inner: NumberRange, outer: NumberRange): boolean {
  const low = inner.min > outer.min || (inner.min === outer.min && (inner.minExclusive || !outer.minExclusive));
  const high = inner.max < outer.max || (inner.max === outer.max && (inner.maxExclusive || !outer.maxExclusive));
  return low && high;
}
