import {describe, expect, it} from "vitest";
import {loadCatalogs} from "../../../src/node/catalogFiles.js";
import {loadScenarioLibrary} from "../../../src/node/scenarioLibrary.js";
import {bindScenario, evaluateScenarioPoint} from "../../../src/scenario/evaluate/evaluateScenario.js";
import {flywheelUncertainty} from "../../../src/scenario/bands/flywheelUncertainty.js";
import {
  scenarioDistributions,
  scenarioMedianPoint,
  type ScenarioPoint
} from "../../../src/scenario/resolve/scenarioValues.js";

const resolved = loadScenarioLibrary().resolve("base");
const bound = bindScenario(resolved, loadCatalogs());
const median: ScenarioPoint = {...scenarioMedianPoint(resolved), "flywheel.cycleShorteningPerQuality": 5};
const point = evaluateScenarioPoint(bound, median);
const values = {"serving.utilization": median["serving.utilization"] as number};

describe("flywheelUncertainty", () => {
  it.each([0.2, 0.45, 0.6, 0.75, 0.95])("gives the whole flywheel's cost per token at utilisation %f", (u) => {
    const result = flywheelUncertainty({
      point,
      values,
      distributions: {"serving.utilization": {kind: "uniform", min: u, max: u * (1 + 1e-12)}},
      samples: 1,
      seed: 1
    });
    const full = evaluateScenarioPoint(bound, {...median, "serving.utilization": u});
    expect(result.initialCost.mean / full.metrics.costPerMillionTokensUsd).toBeCloseTo(1, 6);
    expect(result.closedFinalCost.mean / full.flywheel.closedFinalCostUsdPerMTok).toBeCloseTo(1, 6);
    expect(result.openFinalCost.mean / full.flywheel.openFinalCostUsdPerMTok).toBeCloseTo(1, 6);
    result.closedCostFan.forEach((row, t) =>
      expect(row.p50 / full.flywheel.months[t]!.closedCostUsdPerMTok).toBeCloseTo(1, 6)
    );
    // The loop's relative reduction does not depend on utilisation.
    expect(full.metrics.flywheelCostReduction).toBeCloseTo(point.metrics.flywheelCostReduction, 12);
  });

  it("is deterministic for a seed", () => {
    const distributions = scenarioDistributions(resolved);
    const run = () => flywheelUncertainty({point, values, distributions, samples: 1500, seed: 3});
    const a = run();
    expect(run()).toEqual(a);
    expect(a.closedCostFan).toHaveLength(point.flywheel.months.length);
    expect(a.initialCostHistogram.reduce((sum, bin) => sum + bin.count, 0)).toBe(1500);
    expect(a.closedFinalCost.p95).toBeLessThanOrEqual(a.openFinalCost.p95);
  });
});
