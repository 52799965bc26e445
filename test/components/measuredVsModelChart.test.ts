// @vitest-environment jsdom
// The measured-vs-modelled scatter (docs/components/measuredVsModelChart.ts): a prefill-only measurement, whose
// figures count prompt tokens, has a mark of its own for each split, named in the legend, and is drawn larger and
// bolder than the output rows it sits among (Hopper's near 7,000 tokens/s; new-user trial).
import {describe, expect, it} from "vitest";
import {
  MARK_SYMBOLS,
  markName,
  markOf,
  MeasuredVsModelChart,
  type MeasuredVsModelRow
} from "../../docs/components/measuredVsModelChart.js";

const row = (id: string, split: "fit" | "held-out", tokens: "input" | "output"): MeasuredVsModelRow => ({
  id,
  family: "hopper",
  split,
  tokens,
  measuredTokensPerSecondPerChip: 7000,
  predictedTokensPerSecondPerChip: 7200,
  ratio: 7200 / 7000
});

describe("MeasuredVsModelChart", () => {
  const rows = [
    row("a", "fit", "output"),
    row("b", "held-out", "output"),
    row("c", "fit", "input"),
    row("d", "held-out", "input")
  ];

  it("gives each split of output and prefill rows its own symbol and legend words", () => {
    const marks = rows.map(markOf);
    expect(marks).toEqual(["fit", "held-out", "prefill-fit", "prefill-held-out"]);
    expect(new Set(marks.map((m) => MARK_SYMBOLS[m])).size).toBe(4);
    expect(marks.map(markName)).toEqual(["fit", "held out", "prefill only, fit", "prefill only, held out"]);
    const chart = MeasuredVsModelChart(rows, {width: 640});
    for (const words of ["prefill only, fit", "prefill only, held out"]) expect(chart.textContent).toContain(words);
  });

  it("draws the prefill rows larger and bolder, over the others, and names no prefill mark when there is none", () => {
    const chart = MeasuredVsModelChart(rows, {width: 640});
    const dots = [...chart.querySelectorAll('g[aria-label="dot"]')];
    expect(dots).toHaveLength(2);
    const widths = dots.map((g) => Number(g.getAttribute("stroke-width") ?? 1.5));
    expect(widths[1]).toBeGreaterThan(widths[0]!);
    const plain = MeasuredVsModelChart(rows.slice(0, 2), {width: 640});
    expect(plain.textContent).not.toContain("prefill only");
  });
});
