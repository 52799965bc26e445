import {describe, expect, it} from "vitest";
import {
  axisTickFormat,
  formatDisplayNumber,
  formatRatio,
  formatUsd,
  sameDecimals
} from "../../docs/components/format.js";

/** The labels Plot writes for `ticks` with a tickFormat: called with each tick, its index and all the ticks. */
const labels = (format: (v: number, i?: number, ticks?: readonly number[]) => string, ticks: number[]) =>
  ticks.map((tick, i) => format(tick, i, ticks));

describe("axisTickFormat", () => {
  it("gives the ticks of one axis one number of decimals: no whole tick '1' beside '1.80'", () => {
    expect(labels(axisTickFormat(formatDisplayNumber), [1, 1.2, 1.4, 1.6, 1.8])).toEqual([
      "1.0",
      "1.2",
      "1.4",
      "1.6",
      "1.8"
    ]);
    expect(labels(axisTickFormat(), [0.2, 0.25, 0.3])).toEqual(["0.20", "0.25", "0.30"]);
    expect(labels(axisTickFormat(), [-1, -0.5, 0, 0.5, 1])).toEqual(["−1.0", "−0.5", "0.0", "0.5", "1.0"]);
  });

  it("leaves whole ticks whole and keeps grouping", () => {
    expect(labels(axisTickFormat(), [0, 1000, 2000])).toEqual(["0", "1,000", "2,000"]);
  });

  it("matches decimals within one scale word, not across ('$500M' beside '$1.0B')", () => {
    expect(labels(axisTickFormat(formatUsd), [0, 5e8, 1e9, 1.5e9, 2e9])).toEqual([
      "$0",
      "$500M",
      "$1.0B",
      "$1.5B",
      "$2.0B"
    ]);
  });

  it("writes a value on its own (a tooltip, no tick list) as the format does", () => {
    expect(axisTickFormat(formatDisplayNumber)(1.8)).toBe("1.80");
  });

  it("only adds or removes zeros, never rounds: sameDecimals", () => {
    expect(sameDecimals(["1", "1.25", "1.50"])).toEqual(["1.00", "1.25", "1.50"]);
    expect(sameDecimals(["1.5E−7", "2"])).toEqual(["1.5E−7", "2"]);
  });
});

describe("formatRatio", () => {
  it("writes a whole ratio with its decimals: '1.00' beside '0.994'", () => {
    expect(formatRatio(1)).toBe("1.00");
    expect(formatRatio(0.994)).toBe("0.994");
    expect(formatRatio(1.19)).toBe("1.19");
  });
});
