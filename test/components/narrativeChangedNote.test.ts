// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {NarrativeChangedNote} from "../../docs/components/narrativeChangedNote.js";
import {applyShareSets} from "../../docs/components/urlState.js";
import {loadCatalogs} from "../../src/node/catalogFiles.js";
import {loadScenarioLibrary} from "../../src/node/scenarioFiles.js";

describe("the note above a changed scenario's narrative", () => {
  const library = loadScenarioLibrary();
  const filed = library.resolve("asic-9-months");
  const catalogs = loadCatalogs();

  it("is hidden while the page shows the scenario as filed", () => {
    const note = NarrativeChangedNote(filed, filed, catalogs);
    expect(note.hidden).toBe(true);
    expect(note.textContent).toBe("");
  });

  it("names each changed assumption in words, at its new value and the file's", () => {
    // data/scenarios/asic-9-months.md: silicon.designCycle 9 months; base.md: serving.hardware h100-sxm.
    const {resolved} = applyShareSets(filed, ["silicon.designCycle=24 months", "serving.hardware=b200"]);
    const note = NarrativeChangedNote(filed, resolved, catalogs);
    expect(note.hidden).toBe(false);
    expect(note.querySelector("p")!.textContent).toBe(
      "Changed from the scenario's file (2 assumptions). The text below was written for the file's values: its " +
        "underlined figures follow the changes, its words do not."
    );
    const items = [...note.querySelectorAll("li")].map((li) => [li.dataset.key, li.textContent]);
    expect(items).toEqual([
      ["serving.hardware", "Serving accelerator: NVIDIA B200 (HGX/DGX, 1000 W); the file has NVIDIA H100 SXM5 80GB"],
      ["silicon.designCycle", "Chip design cycle: 24 months; the file has 9 months"]
    ]);
  });
});
