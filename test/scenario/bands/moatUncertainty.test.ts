import {describe, expect, it} from "vitest";
import {loadCatalogs} from "../../../src/node/catalogFiles.js";
import {loadScenarioLibrary} from "../../../src/node/scenarioLibrary.js";
import {bindScenario, evaluateScenarioPoint} from "../../../src/scenario/evaluate/evaluateScenario.js";
import {moatUncertainty} from "../../../src/scenario/bands/moatUncertainty.js";
import {
  scenarioDistributions,
  scenarioMedianPoint,
  type ScenarioPoint
} from "../../../src/scenario/resolve/scenarioValues.js";

const catalogs = loadCatalogs();
const library = loadScenarioLibrary();

function setup(id: string, overrides: ScenarioPoint = {}) {
  const resolved = library.resolve(id);
  const bound = bindScenario(resolved, catalogs);
  const median = {...scenarioMedianPoint(resolved), ...overrides};
  const point = evaluateScenarioPoint(bound, median);
  const values = {
    "serving.utilization": median["serving.utilization"] as number,
    "moat.catchUpMonths": median["moat.catchUpMonths"] as number,
    "moat.pricePremium": median["moat.pricePremium"] as number,
    "moat.volumeGain": median["moat.volumeGain"] as number,
    "moat.costAdvantage": typeof median["moat.costAdvantage"] === "number" ? median["moat.costAdvantage"] : null
  };
  return {resolved, bound, median, point, values};
}

/** A distribution that draws (almost exactly) one value. */
const at = (v: number) => ({kind: "uniform", min: v, max: v * (1 + 1e-12)}) as const;

describe("moatUncertainty", () => {
  it.each([
    ["cost-lead-vs-model-lead", 0.45, 3],
    ["cost-lead-vs-model-lead", 0.75, 12],
    ["cost-lead-vs-model-lead", 0.3, 0.5],
    ["base", 0.6, 6], // moat.costAdvantage unset: derived from the custom chip
    ["base", 0.2, 9]
  ])("gives the whole scenario's moat in closed form (%s, utilisation %f, catch-up %f months)", (id, u, months) => {
    const {bound, median, point, values} = setup(id);
    const result = moatUncertainty({
      point,
      values,
      distributions: {"serving.utilization": at(u), "moat.catchUpMonths": at(months)},
      samples: 1,
      seed: 1
    });
    const full = evaluateScenarioPoint(bound, {...median, "serving.utilization": u, "moat.catchUpMonths": months});
    expect(result.costLeadValue.mean / full.moat.costLeadValueUsd).toBeCloseTo(1, 6);
    expect(result.modelLeadValue.mean / full.moat.modelLeadValueUsd).toBeCloseTo(1, 6);
    expect(result.margin.mean / (full.moat.costLeadValueUsd - full.moat.modelLeadValueUsd)).toBeCloseTo(1, 6);
    expect(result.baselineCost.mean / full.metrics.costPerMillionTokensUsd).toBeCloseTo(1, 6);
    const last = result.marginFan.at(-1)!;
    expect(last.p50 / (full.moat.costLeadValueUsd - full.moat.modelLeadValueUsd)).toBeCloseTo(1, 6);
    expect(result.marginFan).toHaveLength(full.moat.months.length);
  });

  it("is deterministic for a seed and summarises the scenario's uncertainty", () => {
    const {resolved, point, values} = setup("cost-lead-vs-model-lead");
    const distributions = scenarioDistributions(resolved);
    const run = () => moatUncertainty({point, values, distributions, samples: 2000, seed: 7});
    const a = run();
    expect(run()).toEqual(a);
    expect(a.margin.p5).toBeLessThanOrEqual(a.margin.p50);
    expect(a.margin.p50).toBeLessThanOrEqual(a.margin.p95);
    expect(a.probabilityCostLeadWins).toBeGreaterThanOrEqual(0);
    expect(a.probabilityCostLeadWins).toBeLessThanOrEqual(1);
    expect(a.baselineCostHistogram.reduce((sum, bin) => sum + bin.count, 0)).toBe(2000);
    for (const row of a.marginFan) {
      expect(row.p5).toBeLessThanOrEqual(row.p25);
      expect(row.p25).toBeLessThanOrEqual(row.p50);
      expect(row.p50).toBeLessThanOrEqual(row.p75);
      expect(row.p75).toBeLessThanOrEqual(row.p95);
    }
  });
});
