// The row ranges are the catalog cells' in base units: every row the catalogs hold lies in them, and a number just past
// a cell's bound is refused by both.
import {describe, expect, it} from "vitest";
import {checkHardwareRow, checkModelRow, HARDWARE_ROW_RANGES, MODEL_ROW_RANGES} from "../../src/catalog/rowRanges.js";
import {loadCatalogs} from "../../src/node/catalogFiles.js";

const {hardware, models} = loadCatalogs();

describe("checkHardwareRow and checkModelRow", () => {
  it("pass every row of data/hardware.csv and data/models.csv", () => {
    for (const row of hardware) expect(() => checkHardwareRow(row), row.id).not.toThrow();
    for (const row of models) expect(() => checkModelRow(row), row.id).not.toThrow();
  });

  it("take the cells' bounds in base units: 0.01 TFLOP/s is 1e10 FLOP/s, 0.01 TB/s 1e10 bytes/s, 1e-6 B params 1,000", () => {
    expect(HARDWARE_ROW_RANGES.bf16FlopsPerS.min).toBe(1e10);
    expect(HARDWARE_ROW_RANGES.hbmBandwidthBytesPerS.min).toBe(1e10);
    expect(MODEL_ROW_RANGES.params.min).toBeCloseTo(1000, 9);
    const h100 = hardware.find((h) => h.id === "h100-sxm")!;
    expect(() => checkHardwareRow({...h100, powerW: 0.5})).toThrow(/^hardware\.powerW: /);
    expect(() => checkHardwareRow({...h100, scaleUpChips: 1.5})).toThrow(/^hardware\.scaleUpChips: /);
  });
});
