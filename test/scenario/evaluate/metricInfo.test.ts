import {describe, expect, it} from "vitest";
import {loadCatalogs} from "../../../src/node/catalogFiles.js";
import {loadScenarioLibrary} from "../../../src/node/scenarioLibrary.js";
import {bindScenario, evaluateScenarioPoint} from "../../../src/scenario/evaluate/evaluateScenario.js";
import {glossaryPageMarkdown} from "../../../src/node/glossary.js";
import {METRIC_INFO} from "../../../src/scenario/evaluate/metricInfo.js";
import {scenarioMedianPoint} from "../../../src/scenario/resolve/scenarioValues.js";
import {keyUnit} from "../../../src/scenario/run/runReport.js";
import {DIMENSIONS} from "../../../src/units/quantity.js";

const catalogs = loadCatalogs();
const library = loadScenarioLibrary();

describe("METRIC_INFO units", () => {
  it("gives a ratio, not a fraction, to the metrics whose values exceed 1", () => {
    // Modeller's report: `run base --json` gave "fraction" for costProfitMargin 1.31 and `run deepseek-one-day` for
    // costProfitMargin 5.45 and fleetUtilizationNeeded 2.52; `run asic-9-months` for flywheelUserGain 1.46.
    for (const name of ["costProfitMargin", "fleetUtilizationNeeded", "flywheelUserGain"] as const) {
      expect(METRIC_INFO[name].unit, name).toBe("ratio");
    }
    expect(METRIC_INFO.siliconRelativeThroughput.unit).toBe("ratio");
  });

  it("takes its unit words from the dimensions, as the scenario keys do", () => {
    expect(DIMENSIONS.plain.baseUnit).toBe("ratio");
    // A plain key: compare --json's assumptionUnits and run --json's assumptions gave "" for it.
    expect(keyUnit("demand.agentMultiplier")).toBe("ratio");
    expect(keyUnit("power.pue")).toBe("ratio");
    expect(keyUnit("serving.utilization")).toBe(DIMENSIONS.fraction.baseUnit);
  });

  // Every bundled scenario at its median point: a metric called a fraction lies in [0, 1].
  describe.each(library.index.ids)("%s", (id) => {
    it("has every metric in unit fraction between 0 and 1", () => {
      const bound = bindScenario(library.resolve(id), catalogs);
      const {metrics} = evaluateScenarioPoint(bound, scenarioMedianPoint(bound.resolved));
      for (const [name, value] of Object.entries(metrics)) {
        if (METRIC_INFO[name as keyof typeof METRIC_INFO].unit !== "fraction" || value === null) continue;
        expect(value, name).toBeGreaterThanOrEqual(0);
        expect(value, name).toBeLessThanOrEqual(1);
      }
    });
  });
});

describe("METRIC_INFO labels", () => {
  it("names costProfitMargin in plain words, DeepSeek's term after them, and the glossary's entry has both", () => {
    // "cost profit margin (profit ÷ cost)" read oddly to a strategy reader; DeepSeek's term stays recognisable.
    expect(METRIC_INFO.costProfitMargin.label).toBe("markup on cost (DeepSeek's cost profit margin)");
    const entry = glossaryPageMarkdown()
      .split("\n")
      .find((line) => line.includes('<span id="cost-profit-margin">'));
    expect(entry).toMatch(/\*\*Cost profit margin \(markup on cost\)\*\*/);
    expect(entry).toContain("a markup on cost");
  });
});
