import {describe, expect, it} from "vitest";
import {runScenarioRequest} from "../../../src/node/scenarioRun.js";
import {scenarioFilesIn} from "../../../src/node/scenarioFiles.js";
import {demandBoundNote, trainingBoundNote, WORLD_GDP_USD_PER_YEAR} from "../../../src/scenario/run/worldGdpNotes.js";
import type {ScenarioEvaluation} from "../../../src/scenario/evaluate/evaluateScenario.js";

/** An evaluation carrying only the spend series' last month, as the note reads it. */
function point(month: number, inferenceSpendUsd: number): Pick<ScenarioEvaluation, "spend"> {
  return {spend: {months: [{month, inferenceSpendUsd}]}} as unknown as Pick<ScenarioEvaluation, "spend">;
}

describe("demandBoundNote", () => {
  it("fires when the horizon month's inference spend × 12 passes world GDP, $110T (IMF WEO, October 2024)", () => {
    expect(WORLD_GDP_USD_PER_YEAR).toBe(110e12);
    // $10T in month 240 × 12 = $120T a year > $110T.
    expect(demandBoundNote(point(240, 10e12))).toMatch(
      /^the demand this scenario implies at the horizon \(month 240\)/
    );
    expect(demandBoundNote(point(240, 10e12))).toContain("costs $120T a year to serve, more than world GDP");
    // $9T × 12 = $108T a year < $110T.
    expect(demandBoundNote(point(240, 9e12))).toBeNull();
  });

  it("names the keys that drive demand when the legal growth rates compound past it over 240 months", () => {
    const sets = [
      "horizon.months=240",
      "demand.growthPerYear=10",
      "demand.tokensPerUserGrowth=10",
      "demand.agentGrowth=10"
    ];
    const {result} = runScenarioRequest({scenario: "base", sets, samples: 50, seed: 1});
    const note = demandBoundNote(result.point)!;
    for (const key of [
      "demand.users",
      "demand.tokensPerUserPerDay",
      "demand.agentMultiplier",
      "demand.growthPerYear",
      "demand.tokensPerUserGrowth",
      "demand.agentGrowth",
      "horizon.months"
    ])
      expect(note).toContain(key);
    // Demand grows 1,000% a year at most (cappedDemandGrowth): 11^20 ≈ 6.7e20 over 20 years, so the bill is scientific.
    expect(note).toMatch(/costs \$[\d.]+E\d+ a year/);
  });

  it("says when a year's training passes world GDP, naming the training keys (base over 240 months)", () => {
    // base: a $56.2M final run × 5, growing 2.4× a generation (training.costGrowth), one generation a year: year 20's
    // generation costs about 281e6 × 2.4^19 ≈ $4.7E15 (the run's own figure is printed by `run`).
    const {result} = runScenarioRequest({scenario: "base", sets: ["horizon.months=240"], samples: 50, seed: 1});
    const note = trainingBoundNote(result.point)!;
    expect(note).toMatch(/spends \$4\.\d\dE15 in year 20, more than world GDP/);
    for (const key of ["training.costGrowth", "training.cadence", "horizon.months"]) expect(note).toContain(key);
    // The 60-month base case stays far below it: year 5's generation costs about $10B.
    expect(trainingBoundNote(runScenarioRequest({scenario: "base", sets: [], samples: 50, seed: 1}).result.point)).toBe(
      null
    );
  });

  it.each(scenarioFilesIn().map((file) => [file]))("says nothing for the bundled %s", (file) => {
    const {result} = runScenarioRequest({scenario: file, sets: [], samples: 50, seed: 1});
    expect(demandBoundNote(result.point)).toBeNull();
    expect(trainingBoundNote(result.point)).toBeNull();
  });
});
