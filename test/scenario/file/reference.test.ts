import {describe, expect, it} from "vitest";
import {EXAMPLE_SCENARIO, scenarioReferenceMarkdown} from "../../../src/scenario/file/reference.js";
import {parseScenario} from "../../../src/scenario/file/parseScenario.js";
import {RESERVED_KEYS, SCENARIO_KEYS} from "../../../src/scenario/file/schema.js";
import {DIMENSIONS} from "../../../src/units/quantity.js";

describe("scenarioReferenceMarkdown", () => {
  const reference = scenarioReferenceMarkdown();

  it("documents every key, dimension and reserved key", () => {
    for (const def of SCENARIO_KEYS) expect(reference).toContain(`| \`${def.path}\` |`);
    for (const info of Object.values(DIMENSIONS)) expect(reference).toContain(`| ${info.name} |`);
    for (const reserved of RESERVED_KEYS) expect(reference).toContain(`| \`${reserved.key}\` |`);
    expect(reference).toContain("## Distributions");
  });

  it("shows each key's unit, range, default and source in its row", () => {
    const row = reference.split("\n").find((line) => line.startsWith("| `power.electricity` |"));
    expect(row).toBe(
      "| `power.electricity` | USD/kWh | in USD/kWh, USD/MWh or $/kWh | [0, 10] | `0.0826 USD/kWh` | yes | " +
        "Price of electricity delivered to the facility. | US industrial average 2025, EIA, via Epoch AI energy.py / " +
        "cost_analysis_standalone.py |"
    );
  });

  it("has a table row with the same number of cells as its header on every table line", () => {
    for (const line of reference.split("\n").filter((l) => l.startsWith("| `") && l.includes("` | "))) {
      const cells = line.split(/(?<!\\)\|/).length - 2;
      expect([2, 4, 8]).toContain(cells);
    }
  });

  it("shows an example that parses", () => {
    const example = parseScenario({file: "example.md", text: EXAMPLE_SCENARIO});
    expect(example.extends?.id).toBe("base");
    expect(Object.keys(example.values)).toContain("silicon.nre");
  });
});
