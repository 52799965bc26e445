import {describe, expect, it} from "vitest";
import {followedChipNote} from "../../../src/scenario/run/followedChipNote.js";
import {loadCatalogs} from "../../../src/node/catalogFiles.js";
import {loadScenarioLibrary} from "../../../src/node/scenarioLibrary.js";
import {applyOverrides} from "../../../src/scenario/resolve/applyOverrides.js";
import {bindScenario, evaluateScenarioPoint} from "../../../src/scenario/evaluate/evaluateScenario.js";
import {scenarioMedianPoint} from "../../../src/scenario/resolve/scenarioValues.js";

const library = loadScenarioLibrary();
const catalogs = loadCatalogs();

/** followedChipNote of a bundled scenario with `sets` applied as `--set` would. */
function noteOf(id: string, sets: string[], flag = "--set"): string | null {
  const resolved = applyOverrides(library.resolve(id), sets, flag);
  const bound = bindScenario(resolved, catalogs);
  return followedChipNote(evaluateScenarioPoint(bound, scenarioMedianPoint(resolved)), resolved.values);
}

describe("followedChipNote", () => {
  it("names the training runs and the relative custom chip that a --set serving chip carries along", () => {
    const note = noteOf("asic-9-months", ["serving.hardware=b200"]);
    expect(note).toContain("serving.hardware b200 moves what follows it too");
    expect(note).toContain("the training runs are costed on b200 chips (training.hardware is not set)");
    // asic-9-months.md:9 writes silicon.relativeThroughput 0.8 to 1.2.
    expect(note).toContain(
      "the custom chip's silicon.relativeThroughput, 0.8–1.2× (90% interval), is now a multiple of b200 throughput"
    );
    expect(note).toContain("Set training.hardware or silicon.chip to keep them on another chip.");
  });

  it("leaves out what is set: a training chip of its own, a custom chip named by its catalog row", () => {
    const trainingSet = noteOf("asic-9-months", ["serving.hardware=b200", "training.hardware=h100-sxm"]);
    expect(trainingSet).not.toContain("training runs");
    expect(trainingSet).toContain("Set silicon.chip to keep it on another chip.");
    // silicon.chip: the custom chip goes through the serving model (customServing), not × the serving chip.
    const both = noteOf("asic-9-months", [
      "serving.hardware=b200",
      "training.hardware=h100-sxm",
      "silicon.chip=trainium2"
    ]);
    expect(both).toBeNull();
  });

  it("says nothing for a chip a scenario file names, or with no serving chip set", () => {
    expect(noteOf("asic-9-months", [])).toBeNull();
    expect(noteOf("base", ["power.pue=1.3"])).toBeNull();
    // base's own chip set again moves nothing (base.md: serving.hardware h100-sxm; breaker).
    expect(noteOf("base", ["serving.hardware=h100-sxm"])).toBeNull();
    // A page's link sets it as --set does: the same note.
    expect(noteOf("base", ["serving.hardware=mi300x"], "URL")).toContain("serving.hardware mi300x moves");
  });
});
