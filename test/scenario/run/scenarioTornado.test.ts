import {describe, expect, it} from "vitest";
import {loadCatalogs} from "../../../src/node/catalogFiles.js";
import {loadScenarioLibrary} from "../../../src/node/scenarioLibrary.js";
import {bindScenario, evaluateScenarioPoint} from "../../../src/scenario/evaluate/evaluateScenario.js";
import {scenarioTornado} from "../../../src/scenario/run/scenarioTornado.js";
import {scenarioDistributions, scenarioMedianPoint} from "../../../src/scenario/resolve/scenarioValues.js";
import {distributionQuantile} from "../../../src/uncertainty/closedForm.js";

const resolved = loadScenarioLibrary().resolve("cost-lead-vs-model-lead");
const bound = bindScenario(resolved, loadCatalogs());
const point = scenarioMedianPoint(resolved);
const margin = (ev: ReturnType<typeof evaluateScenarioPoint>) => ev.moat.costLeadValueUsd - ev.moat.modelLeadValueUsd;

describe("scenarioTornado", () => {
  const distributions = scenarioDistributions(resolved);
  const result = scenarioTornado({
    bound,
    point,
    metric: margin,
    distributions,
    pointKeys: ["moat.pricePremium", "moat.costAdvantage", "market.price"]
  });

  it("swings distribution keys p5→p95 and point keys ±20%, each end a whole-scenario evaluation", () => {
    expect(result.outputAtBase).toBeCloseTo(margin(evaluateScenarioPoint(bound, point)), 0);
    const catchUp = result.rows.find((r) => r.input === "moat.catchUpMonths")!;
    expect(catchUp.swingKind).toBe("p5–p95");
    expect(catchUp.low).toBeCloseTo(distributionQuantile(distributions["moat.catchUpMonths"]!, 0.05), 9);
    expect(catchUp.outputAtHigh).toBeCloseTo(
      margin(evaluateScenarioPoint(bound, {...point, "moat.catchUpMonths": catchUp.high})),
      0
    );
    const premium = result.rows.find((r) => r.input === "moat.pricePremium")!;
    expect(premium.swingKind).toBe("±20%");
    expect(premium.low).toBeCloseTo((point["moat.pricePremium"] as number) * 0.8, 12);
    expect(premium.high).toBeCloseTo((point["moat.pricePremium"] as number) * 1.2, 12);
    expect(premium.outputAtLow).toBeCloseTo(
      margin(evaluateScenarioPoint(bound, {...point, "moat.pricePremium": premium.low})),
      0
    );
  });

  it("sorts rows by swing and leaves the point unchanged", () => {
    for (let i = 1; i < result.rows.length; i++)
      expect(result.rows[i - 1]!.swing).toBeGreaterThanOrEqual(result.rows[i]!.swing);
    expect(point).toEqual(scenarioMedianPoint(resolved));
  });
});
