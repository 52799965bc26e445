// A figure over ten times any bundled chip's is likely written in the next-smaller unit: a bf16_tflops of 989400 (the
// H100's 989.4 TFLOP/s in GFLOP/s) was blamed on fp8_tflops, or passed with fp8_tflops blank (breaker).
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {readCsvRecords} from "../../src/catalog/csvCells.js";
import {
  farAboveBundled,
  farAboveCellHint,
  farAboveCellSentence,
  FP8_PER_BF16,
  MOST_BUNDLED_FIGURES,
  plausibleBesidePair,
  type MostBundledColumn
} from "../../src/catalog/mostBundledFigures.js";

const text = readFileSync(new URL("../../data/hardware.csv", import.meta.url), "utf8");
const {header, records} = readCsvRecords(text, {file: "data/hardware.csv"});

describe("MOST_BUNDLED_FIGURES", () => {
  it.each(Object.keys(MOST_BUNDLED_FIGURES) as MostBundledColumn[])(
    "gives %s's most bundled value and its chip",
    (column) => {
      const index = header!.cells.indexOf(column);
      const rows = records.map((record) => ({id: record.cells[0]!, value: Number(record.cells[index])}));
      const most = Math.max(...rows.map((row) => row.value));
      expect(MOST_BUNDLED_FIGURES[column].most).toBe(most);
      expect(rows.filter((row) => row.value === most).map((row) => row.id)).toContain(
        MOST_BUNDLED_FIGURES[column].chip
      );
      // No bundled row is noted.
      expect(rows.filter((row) => farAboveBundled(column, row.value))).toEqual([]);
    }
  );
});

describe("farAboveCellSentence", () => {
  it("notes a figure over ten times the most bundled chip's, with the cell the next-smaller unit gives", () => {
    expect(farAboveCellSentence("bf16_tflops", " 989400 ")).toBe(
      "bf16_tflops 989400 is 989,400 TFLOP/s, over ten times any bundled chip's (the most, gb200's, is 2500 " +
        "TFLOP/s): write 989.4 if 989400 GFLOP/s was meant"
    );
    // fp8_tflops's: the H100's 1979 in GFLOP/s (it read "out of range" alone; breaker).
    expect(farAboveCellSentence("fp8_tflops", "1979000")).toBe(
      "fp8_tflops 1979000 is 1,979,000 TFLOP/s, over ten times any bundled chip's (the most, gb200's, is 5000 " +
        "TFLOP/s): write 1979 if 1979000 GFLOP/s was meant"
    );
    expect(farAboveCellSentence("fp8_tflops", "50000")).toBeNull();
  });

  it("takes ten times the most and less, an empty cell and a cell that is not a plain number as meant", () => {
    expect(farAboveCellSentence("bf16_tflops", "25000")).toBeNull();
    expect(farAboveCellSentence("bf16_tflops", "2500")).toBeNull();
    expect(farAboveCellSentence("bf16_tflops", "")).toBeNull();
    // A unit in the cell is the cell's own error.
    expect(farAboveCellSentence("bf16_tflops", "989400 GFLOP/s")).toBeNull();
  });

  // 9 followed by 400 zeros read "is ∞ TFLOP/s … write Infinity if …", its 400 digits printed twice (breaker).
  it("gives none for a number too large for a double, and cuts a long one", () => {
    expect(farAboveCellSentence("bf16_tflops", `9${"0".repeat(400)}`)).toBeNull();
    const sentence = farAboveCellSentence("bf16_tflops", `9${"0".repeat(300)}`)!;
    expect(sentence).toMatch(/^bf16_tflops 9000+…/);
    expect(sentence.length).toBeLessThan(300);
  });
});

// fp8_tflops 9000000 beside a BF16 of 989.4 was offered "write 9000", nine times the BF16 peak, and bf16_tflops
// 30000000 beside an FP8 of 1979 "write 30000", fifteen times the FP8 peak (breaker): a figure is offered only when
// plausible beside the row's other peak.
describe("FP8_PER_BF16", () => {
  it("holds every bundled chip with both peaks", () => {
    const bf16 = header!.cells.indexOf("bf16_tflops");
    const fp8 = header!.cells.indexOf("fp8_tflops");
    const ratios = records
      .filter((record) => record.cells[fp8] !== "")
      .map((record) => Number(record.cells[fp8]) / Number(record.cells[bf16]));
    expect(ratios.length).toBeGreaterThan(10);
    expect(Math.min(...ratios)).toBeGreaterThanOrEqual(FP8_PER_BF16.least);
    expect(Math.max(...ratios)).toBeLessThanOrEqual(FP8_PER_BF16.most);
  });
});

describe("farAboveCellSentence beside the paired peak", () => {
  it("offers a figure 1 to 4 times the BF16 peak for fp8_tflops, and a quarter to all of FP8's for bf16_tflops", () => {
    expect(farAboveCellSentence("fp8_tflops", "1979000", "989.4")).toMatch(/write 1979 if 1979000 GFLOP\/s was meant$/);
    expect(farAboveCellSentence("fp8_tflops", "3957000", "989.4")).toMatch(/write 3957 if/);
    expect(farAboveCellSentence("bf16_tflops", "989400", "1979")).toMatch(/write 989.4 if 989400 GFLOP\/s was meant$/);
    // Both in GFLOP/s: each is checked beside the other's thousandth.
    expect(farAboveCellSentence("bf16_tflops", "989400", "1979000")).toMatch(/write 989.4 if/);
    expect(farAboveCellSentence("fp8_tflops", "1979000", "989400")).toMatch(/write 1979 if/);
  });

  it("offers none beside a peak it is implausible next to", () => {
    // 9000 is 9.1 times 989.4; 600 is under it. The note still says how far above any chip's the cell is; the hint
    // for a cell above its range (farAboveCellHint) is then none, the range error saying the rest.
    expect(farAboveCellSentence("fp8_tflops", "9000000", "989.4")).toBe(
      "fp8_tflops 9000000 is 9,000,000 TFLOP/s, over ten times any bundled chip's (the most, gb200's, is 5000 TFLOP/s)"
    );
    expect(farAboveCellHint("fp8_tflops", "9000000", "989.4")).toBeNull();
    expect(farAboveCellSentence("fp8_tflops", "600000", "989.4")).not.toMatch(/write/);
    expect(farAboveCellHint("fp8_tflops", "600000", "989.4")).toBeNull();
    // 30000 is 15 times 1979; 400 under a quarter of it.
    expect(farAboveCellHint("bf16_tflops", "30000000", "1979")).toBeNull();
    expect(farAboveCellSentence("bf16_tflops", "400000", "1979")).not.toMatch(/write/);
    expect(farAboveCellHint("bf16_tflops", "400000", "1979")).toBeNull();
    // Plausible: the hint is the sentence.
    expect(farAboveCellHint("fp8_tflops", "1979000", "989.4")).toBe(
      farAboveCellSentence("fp8_tflops", "1979000", "989.4")
    );
  });

  it("offers it unchecked beside an empty cell (a chip without FP8) or one that is no plain number", () => {
    expect(farAboveCellSentence("bf16_tflops", "989400", "")).toMatch(/write 989.4 if/);
    expect(farAboveCellSentence("fp8_tflops", "1979000", "989.4 TFLOP/s")).toMatch(/write 1979 if/);
    expect(plausibleBesidePair("fp8_tflops", 1979, "0")).toBe(true);
    expect(plausibleBesidePair("fp8_tflops", 989.4, "989.4")).toBe(true);
    expect(plausibleBesidePair("fp8_tflops", 4 * 989.4, "989.4")).toBe(true);
  });
});
