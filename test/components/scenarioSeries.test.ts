import {describe, expect, it} from "vitest";
import {cycleRows} from "../../docs/components/scenarioSeries.js";
import {scenarioPagePoint} from "../../docs/components/scenarioPage.js";
import {loadCatalogs} from "../../src/node/catalogFiles.js";
import {locateScenario} from "../../src/node/scenarioFiles.js";

describe("cycleRows", () => {
  it("continues the NPV curve flat past the horizon to the scenario's own design cycle", () => {
    // openai-2024: a 12-month horizon (calendar 2024) and the design cycle it inherits from base (longer); a chip
    // designed for longer than the horizon lands after it, so its NPV is the horizon's (the NRE alone).
    const {id, library} = locateScenario("openai-2024");
    const {point, resolved} = scenarioPagePoint(library.resolve(id), loadCatalogs(), []);
    const cycle = resolved.values["silicon.designCycle"]!.value as number;
    const curve = point.silicon.npvByDesignCycle;
    expect(curve.at(-1)!.designCycleMonths).toBe(12);
    expect(cycle).toBeGreaterThan(12);
    const rows = cycleRows(id, point, cycle);
    expect(rows).toHaveLength(curve.length + 1);
    expect(rows.at(-1)).toEqual({series: id, designCycleMonths: Math.ceil(cycle), npvUsd: curve.at(-1)!.npvUsd});
    expect(rows.at(-1)!.npvUsd).toBeCloseTo(point.silicon.npvUsd, 0); // the scenario's own NPV, marked on the chart
    expect(cycleRows(id, point)).toHaveLength(curve.length); // nothing to extend to
  });
});
