import {describe, expect, it} from "vitest";
import {trainingLengthNote} from "../../../src/scenario/run/trainingLengthNote.js";

/** An evaluation's training run of `days` beside the spend model's run length and cadence (months). */
const at = (days: number, runMonths = 4, cadenceMonths = 12) =>
  trainingLengthNote({
    training: {wallClockDays: days},
    spendInput: {trainingRunMonths: runMonths, generationCadenceMonths: cadenceMonths}
  } as Parameters<typeof trainingLengthNote>[0]);

describe("trainingLengthNote", () => {
  it("says nothing for a run that fits in training.runMonths (base: 76.6 days in 4 months, 121.75 days)", () => {
    expect(at(76.6)).toBeNull();
    expect(at(121.75)).toBeNull();
  });

  it("notes a run longer than training.runMonths, in months: 200 days ÷ 30.4375 days a month = 6.6 months", () => {
    expect(at(200)).toBe(
      "the final training run takes 200 days (6.6 months) on training.chips at training.mfu, longer than the 4 months " +
        "(training.runMonths) over which the spend over time spends each generation: the run's cost is the same on any " +
        "number of chips, but not its timing. More training.chips, or a training.runMonths of 7 months, makes the two " +
        "agree."
    );
  });

  it("adds the cadence when the run outlasts the months between generations (400 days = 13.1 months > 12)", () => {
    expect(at(400)).toContain("13.1 months");
    expect(at(400)).toContain(", and longer than the 12 months between generations (training.cadence):");
  });

  it("gives years from 24 months on, to a tenth below 100 (1,354 days = 3.7 years; 1,353,504 days = 3,706 years)", () => {
    // Days and years from a thousand at three significant figures, as every time is (formatPriceNumber); it read
    // "1,353,504 days (3,706 years)". 1,353,504 ÷ 365.25 = 3,705.7 years.
    expect(at(1_354)).toContain("1,350 days (3.7 years)");
    expect(at(1_353_504)).toContain("1,350,000 days (3,710 years)");
  });

  it("offers a longer training.runMonths only within training.cadence and the key's 120 months", () => {
    // 400 days is 13.1 months: past a 12-month cadence, so more chips only.
    expect(at(400)).toContain("More training.chips makes the two agree.");
    expect(at(400, 4, 24)).toContain("More training.chips, or a training.runMonths of 14 months, makes the two agree.");
    expect(at(4_000, 4, 120)).toContain("More training.chips makes the two agree.");
  });
});
