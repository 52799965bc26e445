import {describe, expect, it} from "vitest";
import {loadCatalogs} from "../../../src/node/catalogFiles.js";
import {loadScenarioLibrary} from "../../../src/node/scenarioLibrary.js";
import {bindScenario, evaluateScenarioPoint} from "../../../src/scenario/evaluate/evaluateScenario.js";
import {scenarioMedianPoint, type ScenarioPoint} from "../../../src/scenario/resolve/scenarioValues.js";

const bound = bindScenario(loadScenarioLibrary().resolve("asic-9-months"), loadCatalogs());
const median = scenarioMedianPoint(bound.resolved);

/** The custom chip's server and network per chip, USD, at the median with these keys changed. */
function systemUsd(changes: ScenarioPoint): number {
  const hour = evaluateScenarioPoint(bound, {...median, ...changes}).custom.chipHour;
  return hour.chipPriceUsd * hour.systemOverheadFraction;
}

describe("the custom chip's server and network", () => {
  it("are the merchant chip's in USD, not a fraction of a chip bought near cost", () => {
    // data/hardware.csv h100-sxm: price $31,120 (HGX board per GPU), system_overhead 0.50 → $15,560 per accelerator,
    // whatever the custom chip costs below that: asic-9-months' $12,000 and a $3,000 chip alike.
    expect(systemUsd({})).toBeCloseTo(31120 * 0.5, 6);
    expect(systemUsd({"silicon.unitCost": 3000})).toBeCloseTo(31120 * 0.5, 6);
  });

  it("scale with the custom chip's price when it is dearer than the merchant's", () => {
    // $40,000 × 0.50 = $20,000.
    expect(systemUsd({"silicon.unitCost": 40000})).toBeCloseTo(20000, 6);
  });

  it("are silicon.systemCost when set, and the merchant's follow finance.systemOverhead", () => {
    expect(systemUsd({"silicon.systemCost": 5000})).toBeCloseTo(5000, 6);
    // finance.systemOverhead 0.235 (a DGX price: network only) → $31,120 × 0.235 = $7,313.20.
    expect(systemUsd({"finance.systemOverhead": 0.235})).toBeCloseTo(31120 * 0.235, 6);
  });

  it("cost the custom chip more per token than the old fraction of its price did", () => {
    const now = evaluateScenarioPoint(bound, median).silicon.customCostUsdPerMTok;
    const old = evaluateScenarioPoint(bound, {...median, "silicon.systemCost": 12000 * 0.5}).silicon
      .customCostUsdPerMTok;
    expect(now).toBeGreaterThan(old);
  });
});
