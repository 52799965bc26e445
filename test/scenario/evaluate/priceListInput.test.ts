import {describe, expect, it} from "vitest";
import {fleetDay} from "../../../src/scenario/evaluate/priceListInput.js";
import type {ScenarioPoint} from "../../../src/scenario/resolve/scenarioValues.js";

/** The keys fleetDay reads: half the tokens input, fleet workload and chips from demand and the model. */
function point(fleet: {chips?: number} = {}): ScenarioPoint {
  return {
    "demand.inputShare": 0.5,
    "fleet.inputTokensPerDay": null,
    "fleet.outputTokensPerDay": null,
    "fleet.chips": fleet.chips ?? null,
    "fleet.chipHourPrice": null,
    "serving.utilization": 0.6
  };
}

/** 100 tokens/s per busy chip in either phase, $2 a chip-hour. */
const drivers = (demandTokensPerDay: number, rates = {prefill: 100, decode: 100}) => ({
  demandTokensPerDay,
  prefillTokensPerSecondPerChip: rates.prefill,
  decodeTokensPerSecondPerChip: rates.decode,
  ownedUsdPerChipHour: 2
});

describe("fleetDay", () => {
  it("sizes the fleet at serving.utilization when it has tokens to serve", () => {
    // 8.64e8 tokens ÷ (100 tokens/s × 86,400 s) = 100 chip-days at full use; ÷ 0.6 = 166.7 chips busy 60%.
    const day = fleetDay(point(), drivers(8.64e8));
    expect(day.chips).toBeCloseTo(100 / 0.6, 9);
    expect(day.utilizationNeeded).toBe(0.6);
    // 100 chips of fleet.chips at full use: 8.64e8 ÷ (100 × 100 × 86,400) = 1.
    expect(fleetDay(point({chips: 100}), drivers(8.64e8)).utilizationNeeded).toBeCloseTo(1, 12);
  });

  it("gives no share of the fleet's hours to a day without tokens (it read serving.utilization, 60%, beside 0 chips)", () => {
    const sized = fleetDay(point(), drivers(0));
    expect(sized.chips).toBe(0);
    expect(sized.costUsd).toBe(0);
    expect(sized.utilizationNeeded).toBeNull();
    // fleet.chips without tokens: the chips still cost (100 × $2 × 24 h = $4,800), but need no hours.
    const owned = fleetDay(point({chips: 100}), drivers(0));
    expect(owned.costUsd).toBe(4800);
    expect(owned.utilizationNeeded).toBeNull();
  });

  it("needs each of the day's tokens at its own phase's rate, whatever demand.inputShare says", () => {
    // A day of 3.6e8 input and 0.36e8 output tokens (91% input) with demand.inputShare 0.5, prefill 1,000 and decode
    // 100 tokens/s per chip: 3.6e8 ÷ 1,000 + 0.36e8 ÷ 100 = 3.6e5 + 3.6e5 = 7.2e5 chip-seconds, ÷ (10 chips × 86,400 s)
    // = 0.8333. Blended at the point's 50% (1 ÷ (0.5 ÷ 1,000 + 0.5 ÷ 100) = 181.8 tokens/s) it read
    // 3.96e8 ÷ 181.8 ÷ 864,000 = 2.52.
    const day = fleetDay(
      {
        ...point({chips: 10}),
        "fleet.inputTokensPerDay": 3.6e8,
        "fleet.outputTokensPerDay": 0.36e8
      },
      drivers(0, {prefill: 1000, decode: 100})
    );
    expect(day.utilizationNeeded).toBeCloseTo(7.2e5 / 864000, 12);
  });
});
