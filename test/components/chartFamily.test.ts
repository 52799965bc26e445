// @vitest-environment jsdom
// The story charts are the one chart family: the chapters call them without a series, the scenario pages with one,
// /compare with several. Colours come from palette.ts, one per concept.
import {describe, expect, it} from "vitest";
import {CashFlowChart} from "../../docs/components/cashFlowChart.js";
import {breakLabel, CostStackChart} from "../../docs/components/costStackChart.js";
import {FleetDayChart} from "../../docs/components/fleetDayChart.js";
import {NpvByCycleChart} from "../../docs/components/npvByCycleChart.js";
import {
  FLEET_COLORS,
  FLEET_DAY_PARTS,
  MOAT_COLORS,
  SERIES_COLORS,
  SPEND_COLORS,
  seriesColorScale,
  WATERFALL_STEPS,
  withOpacity
} from "../../docs/components/palette.js";
import {SpendOverTimeChart} from "../../docs/components/spendOverTimeChart.js";
import {barTitle, WaterfallChart} from "../../docs/components/waterfallChart.js";
import {FlywheelChart} from "../../docs/components/flywheelChart.js";

const months = (series?: string) =>
  [1, 2, 3].map((month) => ({
    ...(series === undefined ? {} : {series}),
    month,
    trainingSpendUsd: 10e6,
    inferenceSpendUsd: month * 4e6,
    cumulativeTrainingSpendUsd: 10e6 * month,
    cumulativeInferenceSpendUsd: 2e6 * month * (month + 1)
  }));

/** Every stroke and fill colour of the chart's marks (legend swatches excluded). */
function inks(chart: Element): Set<string> {
  const found = new Set<string>();
  for (const el of chart.querySelectorAll("svg [stroke], svg [fill]")) {
    for (const name of ["stroke", "fill"]) {
      const value = el.getAttribute(name);
      if (value && value.startsWith("#")) found.add(value);
    }
  }
  return found;
}

/** The legend's swatch labels. */
function legend(chart: Element): string[] {
  return [...chart.querySelectorAll("[class$='-swatch']")].map((s) => s.textContent?.trim() ?? "");
}

describe("SpendOverTimeChart", () => {
  it("draws one series in the training and inference colours, as the chapters call it", () => {
    const chart = SpendOverTimeChart(months());
    expect(legend(chart)).toEqual(["training", "inference"]);
    expect(inks(chart)).toEqual(new Set([SPEND_COLORS.training, SPEND_COLORS.inference]));
    expect(SpendOverTimeChart(months("base"))).toBeTruthy();
  });

  it("draws each month's spend as a step to the next month, the last one too (it read as a tick at the edge)", () => {
    // Months 1–3 by the month: each step spans its month, so the axis runs to month 4, where month 3's step ends.
    const ticks = (chart: Element) =>
      [...chart.querySelectorAll("g[aria-label='x-axis tick label'] text")].map((t) => t.textContent);
    expect(ticks(SpendOverTimeChart(months(), {cumulative: false}))).toContain("4");
    expect(ticks(SpendOverTimeChart(months()))).not.toContain("4");
  });

  it("draws several series one colour each, in the given order", () => {
    const chart = SpendOverTimeChart([...months("base"), ...months("agent-era")], {series: ["base", "agent-era"]});
    expect(legend(chart)).toEqual(["base", "agent-era"]);
    expect(inks(chart)).toEqual(new Set(SERIES_COLORS.slice(0, 2)));
    // Training dashed, inference solid: two lines per series.
    expect(chart.querySelectorAll("g[aria-label=line] path").length).toBe(4);
    expect(chart.querySelectorAll("g[aria-label=line][stroke-dasharray]").length).toBe(1);
  });
});

describe("CostStackChart", () => {
  const rows = (series: string, scale: number) =>
    ["output tokens", "input tokens"].flatMap((group) =>
      ["chipCapital", "energy"].map((component) => ({series, group, component, usdPerMTok: scale}))
    );

  it("draws a bar per group, or with several series a panel per group and a bar per series", () => {
    const one = CostStackChart(rows("base", 1));
    expect(one.querySelectorAll('g[aria-label="fy-axis tick label"] text').length).toBe(0);
    const many = CostStackChart([...rows("base", 1), ...rows("asic-9-months", 2)]);
    expect(many.querySelectorAll("g[aria-label=bar] rect").length).toBe(8);
    const texts = [...many.querySelectorAll("g[aria-label=text] text")].map((t) => t.textContent);
    // Each panel's group above its bars, and each bar's total.
    expect(texts.filter((t) => t?.endsWith("tokens"))).toEqual(["output tokens", "input tokens"]);
    expect(texts.filter((t) => t?.endsWith("USD/Mtok"))).toEqual([
      "2.00 USD/Mtok",
      "4.00 USD/Mtok",
      "2.00 USD/Mtok",
      "4.00 USD/Mtok"
    ]);
  });

  it("breaks a scenario name longer than a phone's margin at a space or after a hyphen, so the axis never clips it", () => {
    // 390 px screen: a 326 px card, a 104 px margin, 16 characters of the 10 px axis font.
    expect(breakLabel("cost-lead-vs-model-lead", 16)).toBe("cost-lead-vs-\nmodel-lead");
    expect(breakLabel("asic-9-months", 16)).toBe("asic-9-months");
    expect(breakLabel("unbreakablescenarioid", 16)).toBe("unbreakablescenarioid");
    expect(breakLabel("Cost lead vs model lead", 17)).toBe("Cost lead vs\nmodel lead");
    expect(breakLabel("ASIC, 24-month cycle", 16)).toBe("ASIC, 24-month\ncycle");
    const chart = CostStackChart([...rows("cost-lead-vs-model-lead", 1), ...rows("base", 2)], {width: 326});
    const ticks = [...chart.querySelectorAll('g[aria-label="y-axis tick label"] text')].map((t) =>
      [...t.querySelectorAll("tspan")].map((s) => s.textContent).join("|")
    );
    expect(ticks).toContain("cost-lead-vs-|model-lead");
  });
});

describe("CashFlowChart and NpvByCycleChart", () => {
  const flow = (series: string) =>
    [0, 1, 2].map((month) => ({
      series,
      month,
      cumulativeDiscountedCashFlowUsd: (month - 1) * 1e8,
      cumulativeCashFlowUsd: (month - 1) * 1.2e8
    }));

  it("draws one program in the in-house colour, with the undiscounted flow when asked", () => {
    const chart = CashFlowChart(flow("base"), {undiscounted: true, payback: false});
    expect(inks(chart)).toEqual(new Set([FLEET_COLORS.inHouse]));
    expect(chart.querySelectorAll("g[aria-label=line]").length).toBe(2);
    expect(chart.querySelectorAll("g[aria-label=dot]").length).toBe(0);
    expect(CashFlowChart(flow("base")).querySelectorAll("g[aria-label=dot] circle").length).toBe(1);
  });

  it("rings each series' own cycle, between whole months too", () => {
    const rows = [0, 6, 12].flatMap((designCycleMonths) =>
      ["base", "asic-9-months"].map((series) => ({series, designCycleMonths, npvUsd: 1e9 - designCycleMonths * 1e7}))
    );
    const current = [
      {series: "base", designCycleMonths: 8.5, npvUsd: 9.15e8},
      {series: "asic-9-months", designCycleMonths: 9, npvUsd: 9.1e8}
    ];
    const chart = NpvByCycleChart(rows, {current, marked: []});
    expect(legend(chart)).toEqual(["base", "asic-9-months"]);
    expect(chart.querySelectorAll("g[aria-label=dot] circle").length).toBe(2);
    const single = NpvByCycleChart(
      rows.filter((r) => r.series === "base"),
      {current: 6}
    );
    expect(inks(single)).toEqual(new Set([FLEET_COLORS.inHouse]));
  });
});

describe("FleetDayChart", () => {
  it("draws the day's cost and its revenue by price part, each bar labelled with its total", () => {
    // DeepSeek's day (deepseek-one-day.md): 1,814 H800s × $2/h × 24 h = $87,072; revenue 342.3B cached input tokens
    // × $0.14 + 265.7B uncached × $0.55 + 168B output × $2.19 per Mtok = $47,923 + $146,133 + $367,920 = $561,975.
    const chart = FleetDayChart([
      {bar: "cost", part: "chipHours", usdPerDay: 87072},
      {bar: "revenue", part: "cacheHitInput", usdPerDay: 47922.56},
      {bar: "revenue", part: "cacheMissInput", usdPerDay: 146132.8},
      {bar: "revenue", part: "output", usdPerDay: 367920}
    ]);
    expect(legend(chart)).toEqual(FLEET_DAY_PARTS.map((p) => p.label));
    expect(inks(chart)).toEqual(new Set(FLEET_DAY_PARTS.map((p) => p.color)));
    expect(chart.querySelectorAll("g[aria-label=bar] rect").length).toBe(4);
    const texts = [...chart.querySelectorAll("g[aria-label=text] text")].map((t) => t.textContent);
    expect(texts).toEqual(["$87,072", "$561,975"]);
    // Its money ticks carry the dollar sign, as the site's other money axes do (they read "50K … 550K").
    const ticks = [...chart.querySelectorAll("g[aria-label='x-axis tick label'] text")].map((t) => t.textContent);
    expect(ticks.length).toBeGreaterThan(2);
    for (const tick of ticks) expect(tick).toMatch(/^\$\d/);
  });
});

describe("palette", () => {
  it("gives the concepts that meet on a page different colours", () => {
    expect(FLEET_COLORS.merchant).not.toBe(FLEET_COLORS.inHouse);
    expect(SPEND_COLORS.training).not.toBe(SPEND_COLORS.inference);
    expect(new Set(Object.values(MOAT_COLORS)).size).toBe(4);
    const concepts = [...Object.values(FLEET_COLORS), ...Object.values(SPEND_COLORS)];
    for (const color of SERIES_COLORS) expect(concepts).not.toContain(color);
  });

  it("colours series in order and writes opacities as rgba()", () => {
    expect(seriesColorScale(["a", "b"])).toEqual({domain: ["a", "b"], range: [SERIES_COLORS[0], SERIES_COLORS[1]]});
    expect(withOpacity("#4269d0", 0.5)).toBe("rgba(66, 105, 208, 0.5)");
  });
});

describe("WaterfallChart", () => {
  it("draws a subtotal from zero after the step it closes, labelled with the running total", () => {
    // logic die 1 + HBM 2 = 3 (the subtotal), + seller's margin 0.5 = 3.5 (the total).
    const rows = [
      {series: "chip", step: "logicDie", value: 1},
      {series: "chip", step: "hbm", value: 2},
      {series: "chip", step: "sellerMargin", value: 0.5}
    ];
    const chart = WaterfallChart(rows, {
      totalLabel: "total",
      subtotals: [{after: "hbm", label: "so far"}],
      format: String
    });
    const ticks = [...chart.querySelectorAll('g[aria-label="y-axis tick label"] text')].map((t) => t.textContent);
    expect(ticks).toEqual(["logic die", "HBM", "so far", "seller's margin", "total"]);
    const values = [...chart.querySelectorAll("g[aria-label=text] text")].map((t) => t.textContent);
    expect(values).toEqual(["1", "2", "3", "0.5", "3.5"]);
  });

  it("says in its tooltip what the cost of sales not itemised is (reader's audit: only the page's text did)", () => {
    const note = WATERFALL_STEPS.find((step) => step.key === "otherCostOfSales");
    expect(note && "note" in note ? note.note : undefined).toContain("yield loss, warranty, logistics");
    expect(
      barTitle({series: "H100", label: "cost of sales, not itemised", value: 0.4, note: "what is left"}, String)
    ).toBe("H100 · cost of sales, not itemised: 0.4 — what is left");
    expect(barTitle({series: "H100", label: "HBM", value: 0.12}, String)).toBe("H100 · HBM: 0.12");
  });
});

describe("FlywheelChart", () => {
  it("ticks chip generations at whole numbers only", () => {
    // Three generations shipped by month 60 (the base flywheel): ticks 0, 1, 2, 3, none at 0.5.
    const months = [0, 20, 40, 60].map((month, i) => ({
      month,
      closedChipGeneration: i,
      openChipGeneration: Math.max(0, i - 1)
    }));
    const chart = FlywheelChart(months as never, {quantity: "generations"});
    const ticks = [...chart.querySelectorAll('g[aria-label="y-axis tick label"] text')].map((t) => t.textContent);
    expect(ticks).toEqual(["0", "1", "2", "3"]);
  });
});

describe("SpendOverTimeChart's leads", () => {
  it("marks each lead training takes back, the later ones 'again', and not the lead for good", () => {
    // Base at its median point: ahead in months 5–26 and 32–36, never for good (trainingVsInference.test.ts).
    const leads = [
      {fromMonth: 5, toMonth: 26},
      {fromMonth: 32, toMonth: 36}
    ];
    const labels = (svg: Element) => [...svg.querySelectorAll("text")].map((text) => text.textContent);
    const chart = SpendOverTimeChart(months(), {width: 640, crossoverMonth: null, leadPeriods: leads});
    expect(labels(chart)).toEqual(
      expect.arrayContaining(["inference ahead, months 5–26", "inference ahead again, months 32–36"])
    );
    // A last lead that is the crossover for good is the dashed rule's, not a dotted one of its own.
    const durable = SpendOverTimeChart(months(), {width: 640, crossoverMonth: 32, leadPeriods: leads});
    expect(labels(durable)).toEqual(
      expect.arrayContaining(["inference ahead for good, month 32", "inference ahead, months 5–26"])
    );
    expect(labels(durable).some((text) => text?.includes("again"))).toBe(false);
  });

  // At 390 px "again, months 32–36" did not fit after its rule, so it ended at the rule and ran back across months 1–5
  // and the first lead's rule (reader's audit): a shorter wording after the rule comes before any wording before it.
  it("puts a lead's label after its rule on a phone, in fewer words", () => {
    const leads = [
      {fromMonth: 5, toMonth: 26},
      {fromMonth: 32, toMonth: 36}
    ];
    // Base's 60 months (the lead's rule at month 32 of 60).
    const sixty = Array.from({length: 60}, (_, i) => ({...months()[0]!, month: i + 1}));
    const chart = SpendOverTimeChart(sixty, {width: 294, crossoverMonth: null, leadPeriods: leads});
    const again = [...chart.querySelectorAll("text")].find((text) => text.textContent?.includes("again"))!;
    expect(again.textContent).toBe("again, 32–36");
    expect(again.closest("[text-anchor]")?.getAttribute("text-anchor") ?? again.getAttribute("text-anchor")).toBe(
      "start"
    );
  });

  // At 390 px base's "inference ahead, months 5–27" ran across the rule at month 29 and its label (new-user trial): a
  // label stops short of the next rule as well as of the plot's edge.
  it("words a lead's label to end before the next lead's rule", () => {
    const leads = [
      {fromMonth: 5, toMonth: 27},
      {fromMonth: 29, toMonth: 37}
    ];
    const sixty = Array.from({length: 60}, (_, i) => ({...months()[0]!, month: i + 1}));
    const texts = (width: number) =>
      [...SpendOverTimeChart(sixty, {width, crossoverMonth: null, leadPeriods: leads}).querySelectorAll("text")].map(
        (text) => text.textContent
      );
    expect(texts(294)).toEqual(expect.arrayContaining(["months 5–27", "again, 29–37"]));
    expect(texts(912)).toEqual(
      expect.arrayContaining(["inference ahead, months 5–27", "inference ahead again, months 29–37"])
    );
  });
});
