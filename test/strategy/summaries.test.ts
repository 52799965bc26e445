import {describe, expect, it} from "vitest";
import {flywheel, flywheelSummary, type FlywheelInput} from "../../src/strategy/flywheel.js";
import {lastResult} from "../../src/strategy/lastResult.js";
import {moat, moatSummary} from "../../src/strategy/moat.js";
import {siliconProgram, siliconProgramSummary} from "../../src/strategy/siliconProgram.js";
import {trainingVsInference, trainingVsInferenceSummary} from "../../src/strategy/trainingVsInference.js";
import {
  EXAMPLE_FLYWHEEL_INPUT,
  EXAMPLE_MOAT_INPUT,
  EXAMPLE_SILICON_PROGRAM_INPUT,
  EXAMPLE_TRAINING_VS_INFERENCE_INPUT
} from "./fixtures.js";

/** Every field of `summary` is the same value as the full result's (Object.is: the same double, bit for bit). */
function expectSameFigures(summary: object, full: object) {
  for (const [key, value] of Object.entries(summary)) {
    expect(Object.is(value, (full as Record<string, unknown>)[key]) || typeof value === "object", key).toBe(true);
    if (typeof value === "object") expect(value, key).toEqual((full as Record<string, unknown>)[key]);
  }
}

describe("lastResult", () => {
  it("returns the previous result for the same arguments and recomputes for others", () => {
    let calls = 0;
    const twice = lastResult((a: number, b: number) => ({sum: a + b, call: ++calls}));
    const first = twice(1, 2);
    expect(twice(1, 2)).toBe(first);
    expect(twice(1, 3)).toEqual({sum: 4, call: 2});
    expect(twice(1, 2)).toEqual({sum: 3, call: 3});
    // Object.is: NaN is the same argument, 0 and -0 are not.
    expect(twice(NaN, 0)).toBe(twice(NaN, 0));
    expect(twice(0, -0)).not.toBe(twice(0, 0));
  });
});

describe("the strategy models' summaries", () => {
  // Costs per token as a sweep over utilisation and electricity gives them, one after the other (the models keep the
  // parts that do not depend on the cost from the previous call): each summary is the full model's figures.
  const costs = [0.45, 0.3, 1.7, 0.45, 12];

  it("moatSummary gives moat's figures without the months, bit for bit", () => {
    for (const baselineCostUsdPerMTok of costs) {
      const input = {...EXAMPLE_MOAT_INPUT, baselineCostUsdPerMTok};
      expectSameFigures(moatSummary(input), moat(input));
      expect(moatSummary(input)).not.toHaveProperty("months");
    }
  });

  it("trainingVsInferenceSummary gives the spend's figures without the months, bit for bit", () => {
    for (const servingCostUsdPerMTok of costs) {
      const input = {...EXAMPLE_TRAINING_VS_INFERENCE_INPUT, servingCostUsdPerMTok};
      expectSameFigures(trainingVsInferenceSummary(input), trainingVsInference(input));
    }
  });

  it("siliconProgramSummary gives the program's figures without the series, bit for bit, deployed or not", () => {
    const {merchant} = EXAMPLE_SILICON_PROGRAM_INPUT;
    for (const electricityUsdPerKwh of [0.02, 0.08, 0.5, 3]) {
      for (const utilizationFraction of [0.2, 0.9]) {
        const input = {
          ...EXAMPLE_SILICON_PROGRAM_INPUT,
          merchant: {...merchant, utilizationFraction, chipHour: {...merchant.chipHour, electricityUsdPerKwh}}
        };
        const full = siliconProgram(input);
        const summary = siliconProgramSummary(input);
        expectSameFigures(summary, full);
        expect(summary).not.toHaveProperty("months");
        expect(summary.customChipsAtHorizonEnd).toBe(full.months.at(-1)!.customChips);
      }
    }
    // A custom chip dearer per token than the merchant one is not deployed: no savings, NPV = −NRE.
    const dear = {...EXAMPLE_SILICON_PROGRAM_INPUT, merchant: {...merchant, tokensPerSecondPerChip: 1e6}};
    expect(siliconProgramSummary(dear).deployed).toBe(false);
    expectSameFigures(siliconProgramSummary(dear), siliconProgram(dear));
  });

  it("flywheelSummary gives flywheel's figures, reusing its loops only while nothing but c_0 changes", () => {
    const inputs: FlywheelInput[] = [
      ...costs.map((initialCostUsdPerMTok) => ({...EXAMPLE_FLYWHEEL_INPUT, initialCostUsdPerMTok})),
      {...EXAMPLE_FLYWHEEL_INPUT, adoptionRatePerMonth: 0.3},
      {...EXAMPLE_FLYWHEEL_INPUT, adoptionRatePerMonth: 0.3, initialCostUsdPerMTok: 0},
      {...EXAMPLE_FLYWHEEL_INPUT, costReductionPerChipGeneration: 0.1, initialCostUsdPerMTok: 3}
    ];
    for (const input of inputs) {
      const full = flywheel(input);
      const summary = flywheelSummary(input);
      expectSameFigures(summary, full);
      // The average reduction is the mean of the series the full result holds.
      let closed = 0;
      let open = 0;
      for (const row of full.months.slice(1)) {
        closed += row.closedCostUsdPerMTok;
        open += row.openCostUsdPerMTok;
      }
      expect(summary.averageCostReductionFraction).toBe(open > 0 ? 1 - closed / open : 0);
    }
  });
});
