// A figure under a tenth of any bundled chip's is likely written in the next-larger unit: a project's scale_up_gbps of
// 0.45 (0.45 TB/s) priced tokens at 29.6 USD/Mtok against 0.874 with no word (breaker).
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {readCsvRecords} from "../../src/catalog/csvCells.js";
import {
  farBelowBundled,
  farBelowCellSentence,
  LEAST_BUNDLED_FIGURES,
  type LeastBundledColumn
} from "../../src/catalog/leastBundledFigures.js";

const text = readFileSync(new URL("../../data/hardware.csv", import.meta.url), "utf8");
const {header, records} = readCsvRecords(text, {file: "data/hardware.csv"});

describe("LEAST_BUNDLED_FIGURES", () => {
  it.each(Object.keys(LEAST_BUNDLED_FIGURES) as LeastBundledColumn[])(
    "gives %s's least bundled value and its chip",
    (column) => {
      const index = header!.cells.indexOf(column);
      const rows = records.map((record) => ({id: record.cells[0]!, value: Number(record.cells[index])}));
      const least = Math.min(...rows.map((row) => row.value));
      expect(LEAST_BUNDLED_FIGURES[column].least).toBe(least);
      expect(rows.filter((row) => row.value === least).map((row) => row.id)).toContain(
        LEAST_BUNDLED_FIGURES[column].chip
      );
      // No bundled row is noted.
      expect(rows.filter((row) => farBelowBundled(column, row.value))).toEqual([]);
    }
  );
});

describe("farBelowCellSentence", () => {
  it("notes a figure under a tenth of the least bundled chip's, with the cell the next-larger unit gives", () => {
    expect(farBelowCellSentence("scale_up_gbps", "0.45")).toBe(
      "scale_up_gbps 0.45 is 0.45 GB/s, under a tenth of any bundled chip's (the least, tpu-v3's, is 80 GB/s): " +
        "write 450 if 0.45 TB/s was meant"
    );
    expect(farBelowCellSentence("bf16_tflops", "0.989")).toBe(
      "bf16_tflops 0.989 is 0.989 TFLOP/s, under a tenth of any bundled chip's (the least, tpu-v3's, is 123 " +
        "TFLOP/s): write 989 if 0.989 PFLOP/s was meant"
    );
    expect(farBelowCellSentence("power_w", "1.2")).toContain("write 1200 if 1.2 kW was meant");
    expect(farBelowCellSentence("system_power_w", " 1.8 ")).toContain("write 1800 if 1.8 kW was meant");
  });

  it("takes a tenth of the least and more, an empty cell and a cell that is not a plain number as meant", () => {
    expect(farBelowCellSentence("scale_up_gbps", "8")).toBeNull();
    expect(farBelowCellSentence("scale_up_gbps", "450")).toBeNull();
    expect(farBelowCellSentence("power_w", "14")).toBeNull();
    expect(farBelowCellSentence("power_w", "")).toBeNull();
    expect(farBelowCellSentence("power_w", "0")).toBeNull();
    // A unit in the cell is the cell's own error ("700W": write the plain number).
    expect(farBelowCellSentence("power_w", "1.2kW")).toBeNull();
  });
});
