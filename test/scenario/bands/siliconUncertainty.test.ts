import {describe, expect, it} from "vitest";
import {loadCatalogs} from "../../../src/node/catalogFiles.js";
import {loadScenarioLibrary} from "../../../src/node/scenarioLibrary.js";
import {bindScenario, evaluateScenarioPoint} from "../../../src/scenario/evaluate/evaluateScenario.js";
import {scenarioDistributions, scenarioMedianPoint} from "../../../src/scenario/resolve/scenarioValues.js";
import {siliconUncertainty, SILICON_UNCERTAIN_KEYS} from "../../../src/scenario/bands/siliconUncertainty.js";

const resolved = loadScenarioLibrary().resolve("asic-9-months");
const bound = bindScenario(resolved, loadCatalogs());
const median = scenarioMedianPoint(resolved);
const point = evaluateScenarioPoint(bound, median);
const values = Object.fromEntries(
  [...SILICON_UNCERTAIN_KEYS, "silicon.designCycle", "silicon.rampMonths"].map((key) => [key, median[key] as number])
) as Parameters<typeof siliconUncertainty>[0]["values"];

describe("siliconUncertainty", () => {
  it.each([
    [0.45, 0.8, 100e6],
    [0.75, 1.2, 500e6],
    [0.3, 0.5, 200e6],
    [0.6, 1, 150e6]
  ])("gives the full program's NPV in closed form at utilisation %f, relative throughput %f, NRE %f", (u, r, nre) => {
    // One sample drawn at exactly these values: point distributions at the chosen values.
    const result = siliconUncertainty({
      point,
      values,
      distributions: {
        "serving.utilization": {kind: "uniform", min: u, max: u * (1 + 1e-12)},
        "silicon.relativeThroughput": {kind: "uniform", min: r, max: r * (1 + 1e-12)},
        "silicon.nre": {kind: "uniform", min: nre, max: nre * (1 + 1e-12)}
      },
      samples: 1,
      seed: 1
    });
    const full = evaluateScenarioPoint(bound, {
      ...median,
      "serving.utilization": u,
      "silicon.relativeThroughput": r,
      "silicon.nre": nre
    });
    expect(result.npv.mean / full.metrics.siliconNpvUsd).toBeCloseTo(1, 6);
    expect(result.merchantCost.mean / full.silicon.merchantCostUsdPerMTok).toBeCloseTo(1, 6);
    const last = result.cashFlowFan.at(-1)!;
    expect(last.p50 / full.silicon.months.at(-1)!.cumulativeDiscountedCashFlowUsd).toBeCloseTo(1, 6);
  });

  it("is deterministic for a seed and summarises the scenario's uncertainty", () => {
    const distributions = scenarioDistributions(resolved);
    const run = () => siliconUncertainty({point, values, distributions, samples: 2000, seed: 7});
    const a = run();
    expect(run()).toEqual(a);
    expect(a.npv.p5).toBeLessThan(a.npv.p50);
    expect(a.npv.p50).toBeLessThan(a.npv.p95);
    expect(a.probabilityNpvPositive).toBeGreaterThanOrEqual(0);
    expect(a.probabilityNpvPositive).toBeLessThanOrEqual(1);
    expect(a.cashFlowFan).toHaveLength(point.silicon.months.length);
    expect(a.tornado.rows.map((row) => row.input).sort()).toEqual(Object.keys(distributions).sort());
    expect(a.merchantCostHistogram.reduce((sum, bin) => sum + bin.count, 0)).toBe(2000);
  });
});
