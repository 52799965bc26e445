// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {formatDisplayNumber} from "../../docs/components/format.js";
import {movesMetric, TornadoChart, unevenCaption} from "../../docs/components/tornadoChart.js";

const row = (input: string, outputAtLow: number, outputAtHigh: number) => ({
  input,
  base: 1,
  low: 0.8,
  high: 1.2,
  outputAtLow,
  outputAtHigh,
  swing: Math.abs(outputAtHigh - outputAtLow)
});

describe("TornadoChart", () => {
  it("draws no empty row for an input that does not move the metric, and names it in the caption", () => {
    // The chapters' tornadoes showed rows of zero effect with no word why (reader's audit).
    const rows = [row("a", 80, 130), row("b", 100, 100), row("c", 100 * (1 + 1e-12), 100)];
    const chart = TornadoChart(rows, {base: 100, labels: {a: "alpha", b: "beta", c: "gamma"}});
    const ticks = [...chart.querySelectorAll('g[aria-label="y-axis tick label"] text')].map((t) => t.textContent);
    expect(ticks).toEqual(["alpha"]);
    expect(chart.querySelector("figcaption")?.textContent).toBe(
      "No bar for beta and gamma: moving them from one end to the other leaves this figure where it is " +
        "(it does not depend on them here)."
    );
  });

  it("names in the caption the inputs whose bars are too short to see, with how far they move the metric", () => {
    // /moat's price decline and volume gain drew no visible bar and the caption did not say they barely move the
    // verdict (strategy reader's review). Swings from the base of 100: alpha 50 (the longest), beta 0.4 and gamma 0.2,
    // under 1% of 50 (0.5); delta 0.6, over it, is left out.
    const rows = [row("a", 50, 130), row("b", 100.4, 99.9), row("c", 99.8, 100.1), row("d", 100.6, 99.6)];
    const labels = {a: "alpha", b: "beta", c: "gamma", d: "delta"};
    const chart = TornadoChart(rows, {base: 100, labels});
    // Still drawn: the rows keep their labels on the axis.
    const ticks = [...chart.querySelectorAll('g[aria-label="y-axis tick label"] text')].map((t) => t.textContent);
    expect(ticks).toEqual(["alpha", "beta", "gamma", "delta"]);
    expect(chart.querySelector("figcaption")?.textContent).toBe(
      "Beta and gamma barely move this figure: at most 0.400 either way, under 1% of the longest bar's swing, " +
        "too little for a bar to show."
    );
    // Every bar long enough to see: no caption.
    expect(TornadoChart([row("a", 80, 130), row("b", 99, 101)], {base: 100}).querySelector("figcaption")).toBeNull();
  });

  it("gives a narrow chart's value axis at least three ticks to read the bars against", () => {
    // /flywheel's tornado at 390 px (a 260 px chart) had one tick, "6", on 4.6–7.6% (new-user trial).
    const rows = [row("a", 4.7, 7.0), row("b", 5.3, 7.5), row("c", 5.3, 5.9)];
    const chart = TornadoChart(rows, {base: 5.3, width: 260});
    const ticks = chart.querySelectorAll('g[aria-label="x-axis tick label"] text');
    expect(ticks.length).toBeGreaterThanOrEqual(3);
  });

  it("puts a tick at or beyond both ends of every bar", () => {
    // /custom-silicon's NPV tornado at 1280 and 390 px (USD millions, as the page scales them; read off its bars): base
    // $2.29B, serving utilisation from $3.87B at p5 to $1.02B at p95. On the bars' own extent its axis had two ticks,
    // $2B and $3B, and the longest bar's ends could not be read against it (reader's audit).
    const rows = [row("utilisation", 3870, 1020), row("throughput", 1700, 2850), row("nre", 2400, 2100)];
    for (const width of [260, 400]) {
      const chart = TornadoChart(rows, {base: 2290, width});
      const ticks = [...chart.querySelectorAll('g[aria-label="x-axis tick"] path')].map((tick) =>
        Number(/translate\(([-\d.]+)/.exec(tick.getAttribute("transform") ?? "")?.[1])
      );
      const bars = [...chart.querySelectorAll('g[aria-label="bar"] rect')].map((bar) => {
        const x = Number(bar.getAttribute("x"));
        return {from: x, to: x + Number(bar.getAttribute("width"))};
      });
      expect(ticks.length).toBeGreaterThanOrEqual(3);
      expect(bars).toHaveLength(6);
      // Pixels; a half-pixel for Plot's rounding of the ticks' positions.
      expect(Math.min(...ticks)).toBeLessThanOrEqual(Math.min(...bars.map((b) => b.from)) + 0.5);
      expect(Math.max(...ticks)).toBeGreaterThanOrEqual(Math.max(...bars.map((b) => b.to)) - 0.5);
    }
  });

  it("labels the base's rule with what it is and its value, above the bars", () => {
    // /flywheel's rule at the base case (5.3%) had no label: the bars' common start was not said (reader's audit).
    // Its words say what the base is, one run with every uncertain assumption at its median (scenarioTornado's
    // outputAtBase), as /custom-silicon's table writes it: "base case", the default until then, read as the base
    // scenario on /moat, whose scenario is another ("base case $3.33B").
    const rows = [row("a", 4.7, 7.0), row("b", 5.3, 7.5)];
    const chart = TornadoChart(rows, {base: 5.3, valueFormat: (v) => `${v.toFixed(1)}%`});
    const label = chart.querySelector('g[aria-label="text"] text');
    expect(label?.textContent).toBe("all at median 5.3%");
    // Centred on the rule, as the base lies inside the bars' span: Plot writes no text-anchor for its default, middle.
    expect(chart.querySelector('g[aria-label="text"]')?.getAttribute("text-anchor")).toBeNull();
    // Another page's words; the default valueFormat, the display numbers' 3 significant digits.
    const today = TornadoChart(rows, {base: 5.3, baseLabel: "today"}).querySelector('g[aria-label="text"] text');
    expect(today?.textContent).toBe(`today ${formatDisplayNumber(5.3)}`);
  });

  it("runs the base's label away from the edge when every bar starts there (all swings raise the metric)", () => {
    const chart = TornadoChart([row("a", 100, 130), row("b", 100, 110)], {base: 100});
    const anchor = (chart.querySelector('g[aria-label="text"]') as Element).getAttribute("text-anchor");
    expect(anchor).toBe("start");
  });

  it("has no caption when every input moves the metric", () => {
    const chart = TornadoChart([row("a", 80, 130), row("b", 100, 101)], {base: 100});
    expect(chart.querySelector("figcaption")).toBeNull();
  });
});

describe("a tornado of a metric that moves in steps", () => {
  // /flywheel's tornado: adoption rate and data capture had a bar on one side only, and the design cycle raised the
  // saving both ways, as whole chip generations ship in whole months; the page did not say so (new-user trial).
  const rows = [row("a", 80, 130), row("b", 100, 110), row("c", 100, 90), row("d", 105, 120), row("e", 100, 100)];
  const labels = {a: "alpha", b: "beta", c: "gamma", d: "delta", e: "epsilon"};

  it("names the bars that reach one way only or the same way at both ends, with the page's reason", () => {
    expect(unevenCaption(rows, 100, labels, "it moves in steps")).toBe(
      "Beta and gamma move this figure one way only, and delta raises it at both ends: it moves in steps."
    );
    expect(unevenCaption([row("d", 95, 90), row("f", 120, 130)], 100, {}, "steps")).toBe(
      "F raises this figure at both ends, and d lowers it at both ends: steps."
    );
    expect(unevenCaption([row("a", 80, 130)], 100, labels, "steps")).toBe("");
  });

  it("says it in the chart's caption, before the bars it does not draw, only where the page gives the reason", () => {
    const chart = TornadoChart(rows, {base: 100, labels, inSteps: "it moves in steps"});
    expect(chart.querySelector("figcaption")?.textContent).toBe(
      "Beta and gamma move this figure one way only, and delta raises it at both ends: it moves in steps. " +
        "No bar for epsilon: moving it from one end to the other leaves this figure where it is " +
        "(it does not depend on it here)."
    );
    expect(TornadoChart(rows, {base: 100, labels}).querySelector("figcaption")?.textContent).toMatch(/^No bar for/);
  });
});

describe("movesMetric", () => {
  it("counts a swing above rounding at either end", () => {
    expect(movesMetric({outputAtLow: 100, outputAtHigh: 100.001}, 100)).toBe(true);
    expect(movesMetric({outputAtLow: 99.999, outputAtHigh: 100}, 100)).toBe(true);
    expect(movesMetric({outputAtLow: 100, outputAtHigh: 100 + 1e-8}, 100)).toBe(false);
    expect(movesMetric({outputAtLow: 0, outputAtHigh: 0}, 0)).toBe(false);
  });
});
