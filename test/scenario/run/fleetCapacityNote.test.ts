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
});
