// A custom chip's die area written as a bare number far below any accelerator's: `--set silicon.dieArea=0.001` (a die a
// thousandth of a square millimetre) ran with no word (breaker).
import {describe, expect, it} from "vitest";
import {
  bareDieAreaNote,
  DIE_AREA_NOTE_BELOW_MM2,
  SMALLEST_PUBLISHED_ACCELERATOR_DIE_MM2
} from "../../../src/scenario/run/bareDieAreaNote.js";
import {runCli} from "../../cli/runCli.js";

// Google's first TPU, "≤331 mm²" (Jouppi et al., ISCA 2017, Table 2); the note is under a tenth of it.
const REASON = "under a tenth of the smallest published accelerator die (Google's first TPU, at most 331 mm²)";

describe("bareDieAreaNote", () => {
  it("notes a bare die area under a tenth of the smallest published accelerator die, 33.1 mm²", () => {
    expect(SMALLEST_PUBLISHED_ACCELERATOR_DIE_MM2).toBe(331);
    expect(DIE_AREA_NOTE_BELOW_MM2).toBeCloseTo(33.1, 12); // 331 × 0.1
    expect(bareDieAreaNote({"silicon.dieArea": {value: 0.001, written: "0.001"}})).toBe(
      `silicon.dieArea 0.001 is 0.001 mm² (a bare number is in mm²), ${REASON}: check the value.`
    );
    // 8.14 cm² (the file notation's example) is 814 mm², within the 858 mm² reticle: offered.
    expect(bareDieAreaNote({"silicon.dieArea": {value: 8.14, written: "8.14"}})).toBe(
      `silicon.dieArea 8.14 is 8.14 mm² (a bare number is in mm²), ${REASON}: write 8.14 cm² if that was meant.`
    );
    // 10 to 20 cm² would be 1,000–2,000 mm², past the reticle: no cm² offered.
    expect(
      bareDieAreaNote({"silicon.dieArea": {value: {kind: "lognormal", mu: 2.6, sigma: 0.2}, written: "10 to 20"}})
    ).toBe(`silicon.dieArea 10 to 20 is 10 mm² to 20 mm² (a bare number is in mm²), ${REASON}: check the value.`);
  });

  it("takes a die at or above the floor, or written with a unit, as meant", () => {
    expect(bareDieAreaNote({"silicon.dieArea": {value: 33.1, written: "33.1"}})).toBeNull();
    expect(bareDieAreaNote({"silicon.dieArea": {value: 100, written: "100"}})).toBeNull();
    expect(bareDieAreaNote({"silicon.dieArea": {value: 0.5, written: "0.5 mm²"}})).toBeNull();
  });

  it("is among run's notes on stderr, naming the --set", async () => {
    const {code, stderr} = await runCli(["run", "asic-9-months", "--set", "silicon.dieArea=0.001", "--json"]);
    expect(code).toBe(0);
    expect(stderr).toContain(
      "token-ledger: note: asic-9-months: silicon.dieArea 0.001 (--set silicon.dieArea=0.001) is 0.001 mm² " +
        `(a bare number is in mm²), ${REASON}: check the value.`
    );
  });
});
