import {describe, expect, it} from "vitest";
import {siliconShipNote} from "../../../src/scenario/run/siliconShipNote.js";
import {loadCatalogs} from "../../../src/node/catalogFiles.js";
import {loadScenarioLibrary} from "../../../src/node/scenarioLibrary.js";
import {bindScenario, evaluateScenarioPoint} from "../../../src/scenario/evaluate/evaluateScenario.js";
import {scenarioMedianPoint} from "../../../src/scenario/resolve/scenarioValues.js";

/** A program that is or is not deployed, with months whose custom shares are `shares`. */
const program = (deployed: boolean, shares: number[]) =>
  siliconShipNote({
    silicon: {deployed, months: shares.map((customShare, month) => ({month, customShare}))}
  } as unknown as Parameters<typeof siliconShipNote>[0]);

describe("siliconShipNote", () => {
  it("notes a cheaper chip that serves in no month of the horizon, and nothing otherwise", () => {
    expect(program(true, [0, 0, 0])).toContain("the custom chip ships after the horizon");
    expect(program(true, [0, 0, 0.5])).toBeNull();
    // Not deployed (no cheaper per token): its figures already say it never serves.
    expect(program(false, [0, 0, 0])).toBeNull();
  });

  it("is said for openai-2024 (an 18-month cycle in a 12-month year) and for no other bundled scenario", () => {
    const library = loadScenarioLibrary();
    const catalogs = loadCatalogs();
    const noted = library.index.ids.filter((id) => {
      const bound = bindScenario(library.resolve(id), catalogs);
      return siliconShipNote(evaluateScenarioPoint(bound, scenarioMedianPoint(bound.resolved))) !== null;
    });
    // openai-2024.md: horizon.months 12; base.md: silicon.designCycle 18 months.
    expect(noted).toEqual(["openai-2024"]);
  });
});
