import {describe, expect, it} from "vitest";
import {compareScenarioIds, sortScenarioIds} from "../../../src/scenario/resolve/scenarioOrder.js";

describe("sortScenarioIds", () => {
  it("lists base first, then ids in natural order: numbers as numbers, case aside", () => {
    expect(
      sortScenarioIds(["openai-2024", "asic-24-months", "base", "Agent-era", "asic-9-months", "deepseek-one-day"])
    ).toEqual(["base", "Agent-era", "asic-9-months", "asic-24-months", "deepseek-one-day", "openai-2024"]);
  });

  it("orders ids equal but for case the same way whatever the input order", () => {
    expect(sortScenarioIds(["a", "A"])).toEqual(sortScenarioIds(["A", "a"]));
    expect(compareScenarioIds("base", "base")).toBe(0);
  });
});
