import {describe, expect, it} from "vitest";
import {fleetCapacityNote} from "../../../src/scenario/run/fleetCapacityNote.js";
import type {RunReport} from "../../../src/scenario/run/runReport.js";

/** A report carrying only the two metrics the note reads. */
function report(fleetChips: number, fleetUtilizationNeeded: number): RunReport {
  return {metrics: {fleetChips, fleetUtilizationNeeded}} as unknown as RunReport;
}

describe("fleetCapacityNote", () => {
  it("says nothing when the chips suffice (the model's own sizing gives serving.utilization, at most 1)", () => {
    expect(fleetCapacityNote(report(48_600, 0.6))).toBeNull();
    expect(fleetCapacityNote(report(1000, 1))).toBeNull();
  });

  it("does not round a shortfall to 100%", () => {
    expect(fleetCapacityNote(report(5016, 1.0002))).toContain("busy just over 100% of every hour");
  });

  it("names the chips, the share of their hours needed and the count at full use when they do not", () => {
    // 1,000 chips busy 250% of every hour: 1,000 × 2.5 = 2,500 chips at full use.
    expect(fleetCapacityNote(report(1000, 2.5))).toBe(
      "fleet.chips (1,000 chips) is fewer chips than the serving model needs for the day's tokens: they would be busy " +
        "250% of every hour, 2,500 chips at full use. Either this fleet serves more tokens per chip than the model " +
        "does, or it cannot serve the day; the cost and margins count only fleet.chips."
    );
  });

  it("sets the fleet's own cost per million tokens beside the model's where the scenario states the day's tokens", () => {
    // deepseek-one-day: $87,072 a day for 608B + 168B tokens = 87,072 ÷ 776e9 × 1e6 = 0.1122 USD/Mtok (new user: its
    // 0.488 headline and this read as one figure 4× apart).
    const deepseek = {
      assumptions: {"fleet.inputTokensPerDay": {value: 608e9}, "fleet.outputTokensPerDay": {value: 168e9}},
      metrics: {
        fleetChips: 1814,
        fleetUtilizationNeeded: 2.52,
        fleetCostPerDayUsd: 87_072,
        costPerMillionTokensUsd: 0.488
      }
    } as unknown as RunReport;
    expect(fleetCapacityNote(deepseek)).toMatch(
      / At this fleet's own figures a million tokens costs 0\.112 USD\/Mtok \(fleet cost per day ÷ the day's tokens\), against the 0\.488 USD\/Mtok the model gives at serving\.utilization\.$/
    );
    // Tokens from demand (not stated as a day's tokens): no such sentence.
    expect(fleetCapacityNote(report(1000, 2.5))).not.toContain("own figures");
  });
});
