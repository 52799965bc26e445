// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {NarrativeChangedNote} from "../../docs/components/narrativeChangedNote.js";
import {applyShareSets} from "../../docs/components/urlState.js";
import {loadCatalogs} from "../../src/node/catalogFiles.js";
import {loadScenarioLibrary} from "../../src/node/scenarioLibrary.js";

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
      ["serving.hardware", "Serving accelerator: NVIDIA B200 (HGX/DGX, 1000 W); as filed, NVIDIA H100 SXM5 80GB"],
      ["silicon.designCycle", "Chip design cycle: 24 months; as filed, 9 months"]
    ]);
  });

  it("lists a default the page sets, even to its value, and tells apart values that read alike", () => {
    // base.md leaves silicon.dieArea unset (default 800 mm²); setting it prices the custom chip from its die, so the
    // figures change though the value does not (breaker). power.pue 1.2 (base.md) against 1.2001 reads "1.2" twice.
    const {resolved} = applyShareSets(filed, ["silicon.dieArea=800 mm2", "power.pue=1.2001", "silicon.designCycle=9"]);
    const note = NarrativeChangedNote(filed, resolved, catalogs);
    const items = [...note.querySelectorAll("li")].map((li) => li.textContent);
    expect(items).toEqual([
      "PUE: 1.2001; as filed, 1.2",
      "Custom chip die area: 800 mm²; not set in the file (800 mm² by default)"
    ]);
  });
});
