import {describe, expect, it} from "vitest";
import {
  formatNumber,
  formatStatedNumber,
  formatTable,
  proseWidth,
  PROSE_WIDTH,
  wrapProse
} from "../../src/cli/table.js";

describe("formatNumber", () => {
  it("writes a computed figure by the digit rule (formatDisplayNumber): three significant digits with their zeros", () => {
    // `inference --hardware h100-sxm --model llama-3.1-70b` wrote these with four: 328.6, 1.423, 0.1447, 0.08846.
    expect(formatNumber(328.6)).toBe("329");
    expect(formatNumber(1.423)).toBe("1.42");
    expect(formatNumber(0.1447)).toBe("0.145");
    expect(formatNumber(0.08846)).toBe("0.0885");
    expect(formatNumber(0.1)).toBe("0.100");
    // Every integer digit, grouped; a whole count whole.
    expect(formatNumber(184098)).toBe("184,098");
    expect(formatNumber(118)).toBe("118");
    expect(formatNumber(3.13e-9)).toBe("3.13E\u22129");
    expect(formatNumber(null)).toBe("—");
  });

  it("writes a stated catalog value as its file does", () => {
    // data/hardware.csv: an H100 SXM's 989.4 TFLOP/s BF16 (9.894e14 ÷ 1e12).
    expect(formatStatedNumber(9.894e14 / 1e12)).toBe("989.4");
    expect(formatStatedNumber(30000)).toBe("30000");
    expect(formatStatedNumber(null)).toBe("—");
  });
});

describe("formatTable", () => {
  it("aligns the first column left and the others right", () => {
    expect(formatTable(["a", "b"], [["xx", "1"]])).toBe(["a   b", "--  -", "xx  1"].join("\n"));
  });

  it("wraps a long first cell at spaces, the rest of the row on its first line", () => {
    const text = formatTable(["metric", "value"], [["one two three four", "5%"]], {firstColumnWidth: 9});
    // "one two" (7) fits in 9, "one two three" (13) does not; "  three" (7) fits, "  three four" (12) does not. The
    // column is as wide as its widest line (7), not the limit: "metric" (6) padded to 7, two spaces, "value" (5).
    expect(text).toBe(["metric   value", "-------  -----", "one two     5%", "  three", "  four"].join("\n"));
  });

  it("writes a multi-line cell one line under the other, each aligned in its column", () => {
    // Column 2 is as wide as "[$733M–$3.08B]" (14): the header is "" padded to 3, two spaces, "x" right-aligned in 14.
    const text = formatTable(["", "x"], [["npv", "$1.82B\n[$733M–$3.08B]"]]);
    expect(text).toBe(
      ["                  x", "---  --------------", "npv          $1.82B", "     [$733M–$3.08B]"].join("\n")
    );
  });
});

// An 80-column terminal split every line of `inference`'s 100-column notes again, mid-word (session 42's note).
describe("proseWidth", () => {
  it("is a narrower terminal's width, PROSE_WIDTH on a wide one or off a terminal, and never under 40", () => {
    expect(proseWidth({isTTY: true, columns: 80})).toBe(80);
    expect(proseWidth({isTTY: true, columns: 200})).toBe(PROSE_WIDTH);
    expect(proseWidth({isTTY: false, columns: 80})).toBe(PROSE_WIDTH);
    expect(proseWidth({})).toBe(PROSE_WIDTH);
    expect(proseWidth({isTTY: true, columns: 20})).toBe(40);
  });

  it("wraps prose to the width given", () => {
    const text = "the serving layout is of a kind the serving model is not calibrated on ".repeat(3).trim();
    for (const width of [40, 80]) {
      const lines = wrapProse(text, width).split("\n");
      expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(width);
      expect(lines.join(" ")).toBe(text);
    }
  });
});
