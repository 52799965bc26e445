// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {CompareAssumptionsTable, CompareMetricsTable} from "../../docs/components/scenarioCompare.js";
import {assumptionRows, metricRows} from "../../docs/components/scenarioPage.js";
import {loadScenarioLibrary} from "../../src/node/scenarioLibrary.js";
import {SCENARIO_METRICS} from "../../src/scenario/evaluate/metrics.js";
import {setsNoPrices} from "../../src/scenario/run/reportFormat.js";

describe("the compare page's assumptions table", () => {
  it("lists an unset key that follows a differing one at the value it takes, as compare does (training.hardware)", () => {
    // test/fixtures/scenarios/h200-serving.md sets serving.hardware: h200-sxm and no training.hardware, which is then
    // the serving chip (bindScenario): its training run moves to H200s too, and the table says so.
    const library = loadScenarioLibrary(["test/fixtures/scenarios/h200-serving.md"]);
    const column = (id: string) => ({id, title: id, metrics: [], assumptions: assumptionRows(library.resolve(id))});
    const table = CompareAssumptionsTable([column("base"), column("h200-serving")]);
    const row = (key: string) => table.querySelector<HTMLTableRowElement>(`tr[data-key="${key}"]`);
    const cells = (key: string) => [...row(key)!.cells].slice(1).map((cell) => cell.textContent);
    expect(cells("serving.hardware")).toEqual(["h100-sxm", "h200-sxm"]);
    expect(cells("training.hardware")).toEqual([
      "h100-sxm (as serving accelerator)",
      "h200-sxm (as serving accelerator)"
    ]);
    // training.model follows serving.model, which both serve alike: no row.
    expect(row("training.model")).toBeNull();
  });
});

describe("the compare page's metrics table", () => {
  it("marks the price-list metrics of a scenario that sets no prices, the note once naming it, as compare does", () => {
    const library = loadScenarioLibrary();
    const column = (id: string) => {
      const resolved = library.resolve(id);
      // Every metric at 0.5: the marks depend on the scenario's prices, not on its figures.
      const metrics = Object.fromEntries(SCENARIO_METRICS.map((name) => [name, 0.5])) as Parameters<
        typeof metricRows
      >[0];
      return {
        id,
        title: id,
        metrics: metricRows(metrics),
        assumptions: [],
        setsNoPrices: setsNoPrices(resolved.values)
      };
    };
    const columns = ["base", "asic-9-months", "deepseek-one-day"].map(column);
    expect(columns.map((c) => c.setsNoPrices)).toEqual([true, true, false]);
    const box = CompareMetricsTable(columns);
    const marks = (metric: string) =>
      [...box.querySelectorAll(`tr[data-metric="${metric}"] td.scenario-number`)].map(
        (cell) => cell.querySelector(".scenario-footnote-mark")?.textContent ?? ""
      );
    // The default list's mark is `compare`'s (FOOTNOTE_MARKS): it was the first free one here, †.
    expect(marks("priceListGrossMargin")).toEqual(["*", "*", ""]);
    expect(marks("costPerMillionTokensUsd")).toEqual(["", "", ""]);
    const notes = [...box.querySelectorAll(".scenario-footnotes p")].map((p) => p.textContent);
    expect(notes.filter((text) => text!.includes("default price list"))).toEqual([
      "* at the default price list, GPT-4o's API prices: base and asic-9-months set no prices."
    ]);
  });
});
