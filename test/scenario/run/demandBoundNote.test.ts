import {describe, expect, it} from "vitest";
import {runScenarioRequest} from "../../../src/node/scenarioRun.js";
import {scenarioFilesIn} from "../../../src/node/scenarioFiles.js";
import {demandBoundNote, WORLD_GDP_USD_PER_YEAR} from "../../../src/scenario/run/demandBoundNote.js";
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

  it.each(scenarioFilesIn().map((file) => [file]))("says nothing for the bundled %s", (file) => {
    const {result} = runScenarioRequest({scenario: file, sets: [], samples: 50, seed: 1});
    expect(demandBoundNote(result.point)).toBeNull();
  });
});
