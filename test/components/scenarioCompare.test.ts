// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {CompareAssumptionsTable} from "../../docs/components/scenarioCompare.js";
import {assumptionRows} from "../../docs/components/scenarioPage.js";
import {loadScenarioLibrary} from "../../src/node/scenarioLibrary.js";

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
