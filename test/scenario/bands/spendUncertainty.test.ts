import {describe, expect, it} from "vitest";
import {loadCatalogs} from "../../../src/node/catalogFiles.js";
import {loadScenarioLibrary} from "../../../src/node/scenarioFiles.js";
import {bindScenario, evaluateScenarioPoint} from "../../../src/scenario/evaluate/evaluateScenario.js";
import {scenarioMedianPoint} from "../../../src/scenario/resolve/scenarioValues.js";
import {spendUncertainty} from "../../../src/scenario/bands/spendUncertainty.js";

const resolved = loadScenarioLibrary().resolve("base");
const bound = bindScenario(resolved, loadCatalogs());
const median = scenarioMedianPoint(resolved);
const point = evaluateScenarioPoint(bound, median);
const u0 = median["serving.utilization"] as number;

describe("spendUncertainty", () => {
  it.each([0.3, 0.5, 0.9])("at utilisation %f gives the full scenario's inference spend", (u) => {
    const one = spendUncertainty({
      point,
      utilization: u0,
      distribution: {kind: "uniform", min: u, max: u * (1 + 1e-12)},
      samples: 1,
      seed: 1
    });
    const full = evaluateScenarioPoint(bound, {...median, "serving.utilization": u});
    const last = full.spend.months.at(-1)!.cumulativeInferenceSpendUsd;
    expect(one.cumulativeInferenceFan.at(-1)!.p50 / last).toBeCloseTo(1, 9);
    expect(one.probabilityCrossover).toBe(full.spend.crossoverMonth === null ? 0 : 1);
  });

  it("is deterministic, and its bands are ordered", () => {
    const run = () =>
      spendUncertainty({
        point,
        utilization: u0,
        distribution: {kind: "lognormal", mu: Math.log(u0), sigma: 0.15},
        samples: 500,
        seed: 3
      });
    const a = run();
    expect(run()).toEqual(a);
    for (const row of a.cumulativeInferenceFan) {
      expect(row.p5).toBeLessThanOrEqual(row.p50);
      expect(row.p50).toBeLessThanOrEqual(row.p95);
    }
  });
});
