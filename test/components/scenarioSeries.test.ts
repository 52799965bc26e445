import {describe, expect, it} from "vitest";
import {
  coincidingLines,
  costBlendNote,
  costPartRows,
  cycleRows,
  dwarfedLines,
  fleetDayRows,
  scenarioChartNames,
  withChartNames
} from "../../docs/components/scenarioSeries.js";
import {scenarioPagePoint} from "../../docs/components/scenarioPage.js";
import {loadCatalogs} from "../../src/node/catalogFiles.js";
import {locateScenario} from "../../src/node/scenarioLibrary.js";

describe("cycleRows", () => {
  it("continues the NPV curve flat past the horizon to the scenario's own design cycle", () => {
    // openai-2024: a 12-month horizon (calendar 2024) and the design cycle it inherits from base (longer); a chip
    // designed for longer than the horizon lands after it, so its NPV is the horizon's (the NRE alone).
    const {id, library} = locateScenario("openai-2024");
    const {point, resolved} = scenarioPagePoint(library.resolve(id), loadCatalogs(), []);
    const cycle = resolved.values["silicon.designCycle"]!.value as number;
    const curve = point.silicon.npvByDesignCycle;
    expect(curve.at(-1)!.designCycleMonths).toBe(12);
    expect(cycle).toBeGreaterThan(12);
    const rows = cycleRows(id, point, cycle);
    expect(rows).toHaveLength(curve.length + 1);
    expect(rows.at(-1)).toEqual({series: id, designCycleMonths: Math.ceil(cycle), npvUsd: curve.at(-1)!.npvUsd});
    expect(rows.at(-1)!.npvUsd).toBeCloseTo(point.silicon.npvUsd, 0); // the scenario's own NPV, marked on the chart
    expect(cycleRows(id, point)).toHaveLength(curve.length); // nothing to extend to
  });
});

describe("fleetDayRows", () => {
  it("gives DeepSeek's published day: $87,072 of GPU time against R1's prices on its tokens", () => {
    // deepseek-one-day.md, from DeepSeek's "DeepSeek-V3/R1 Inference System Overview" (Feb 2025): 1,814 H800s rented
    // at $2 per GPU-hour, 24 h: 1,814 × 2 × 24 = $87,072 (DeepSeek publishes $87,072 per day). Tokens: 608B input,
    // 56.3% from the on-disk cache (342.304B at $0.14/Mtok = $47,922.56; 265.696B at $0.55/Mtok = $146,132.80), and
    // 168B output at $2.19/Mtok = $367,920. Their sum, $561,975.36, is DeepSeek's published $562,027 within 0.01%
    // (DeepSeek rounds its token counts to billions).
    const {id, library} = locateScenario("deepseek-one-day");
    const {point} = scenarioPagePoint(library.resolve(id), loadCatalogs(), []);
    const rows = fleetDayRows(id, point);
    const part = (name: string) => rows.find((r) => r.part === name)!.usdPerDay;
    expect(rows.map((r) => [r.bar, r.part])).toEqual([
      ["cost", "chipHours"],
      ["revenue", "cacheHitInput"],
      ["revenue", "cacheMissInput"],
      ["revenue", "output"]
    ]);
    expect(part("chipHours")).toBeCloseTo(87072, 6);
    expect(part("cacheHitInput")).toBeCloseTo(47922.56, 6);
    expect(part("cacheMissInput")).toBeCloseTo(146132.8, 6);
    expect(part("output")).toBeCloseTo(367920, 6);
    const revenue = rows.filter((r) => r.bar === "revenue").reduce((sum, r) => sum + r.usdPerDay, 0);
    expect(revenue).toBeCloseTo(point.priceList.revenueUsd, 6);
    expect(Math.abs(revenue - 562027) / 562027).toBeLessThan(1e-4);
  });

  it("spreads a batch tier's discount over the revenue parts, which still sum to the day's revenue", () => {
    // Half the tokens on a 50%-off batch tier: revenue is 1 − 0.5 × 0.5 = 75% of the list, in every part.
    const {id, library} = locateScenario("deepseek-one-day");
    const sets = ["pricing.batchShare=0.5", "pricing.batchDiscount=0.5"];
    const list = fleetDayRows(id, scenarioPagePoint(library.resolve(id), loadCatalogs(), []).point);
    const {point} = scenarioPagePoint(library.resolve(id), loadCatalogs(), sets);
    const rows = fleetDayRows(id, point);
    for (const [i, row] of rows.entries()) {
      expect(row.usdPerDay).toBeCloseTo(list[i]!.usdPerDay * (row.bar === "revenue" ? 0.75 : 1), 6);
    }
    const revenue = rows.filter((r) => r.bar === "revenue").reduce((sum, r) => sum + r.usdPerDay, 0);
    expect(revenue).toBeCloseTo(point.priceList.revenueUsd, 6);
  });
});

describe("costPartRows", () => {
  it("sets a rented fleet's cost per token (the metrics') beside the owned chips' parts", () => {
    const catalogs = loadCatalogs();
    const {id, library} = locateScenario("deepseek-one-day");
    const {point} = scenarioPagePoint(library.resolve(id), catalogs, []);
    const rows = costPartRows(id, point);
    const total = (group: string) => rows.filter((r) => r.group === group).reduce((sum, r) => sum + r.usdPerMTok, 0);
    expect([...new Set(rows.map((r) => r.group))]).toEqual([
      "output tokens, owned",
      "output tokens, rented",
      "input tokens, owned",
      "input tokens, rented"
    ]);
    // The rented bars are the metrics the page's table shows (a chip-hour at fleet.chipHourPrice, $2 for an H800),
    // the owned bars the same tokens at the owned chip-hour's parts: the chart read 1.01 beside a table's 1.11.
    expect(total("output tokens, rented")).toBe(point.metrics.costPerMillionOutputTokensUsd);
    expect(total("input tokens, rented")).toBe(point.metrics.costPerMillionInputTokensUsd);
    expect(total("output tokens, owned")).toBeCloseTo(point.cost.output.total, 12);
    expect(total("output tokens, rented") / total("output tokens, owned")).toBeCloseTo(
      point.cost.chipHourCostUsd / point.cost.chipHour.totalUsdPerChipHour,
      12
    );
    // An owned fleet has no rented bars and unlabelled groups, unless /compare asks for "owned" beside a renter.
    const base = scenarioPagePoint(library.resolve("base"), catalogs, []).point;
    expect([...new Set(costPartRows("base", base).map((r) => r.group))]).toEqual(["output tokens", "input tokens"]);
    expect(costPartRows("base", base, {ownedLabel: true})[0]!.group).toBe("output tokens, owned");
  });
});

describe("coincidingLines", () => {
  const row = (series: string, month: number, a: number, b: number) => ({series, month, a, b});
  it("names the series each line draws identically, every month, and nothing when none do", () => {
    // x and z are the same in a and b; y matches x in b only; w differs in both.
    const rows = [
      ...[1, 2].map((m) => row("x", m, m, 10 * m)),
      ...[1, 2].map((m) => row("y", m, m + 1, 10 * m)),
      ...[1, 2].map((m) => row("z", m, m, 10 * m)),
      ...[1, 2].map((m) => row("w", m, -m, -m))
    ];
    expect(coincidingLines(rows, {first: "a", second: "b"})).toBe("x and z (first); x, y and z (second)");
    expect(
      coincidingLines(
        rows.filter((r) => r.series !== "z"),
        {first: "a"}
      )
    ).toBe("");
    // Equal in one month only is not the same line.
    expect(
      coincidingLines([row("p", 1, 1, 1), row("p", 2, 2, 2), row("q", 1, 1, 1), row("q", 2, 3, 3)], {a: "a"})
    ).toBe("");
  });

  it("finds base's spend under asic-24-months' (a custom chip changes the program, not the spend)", () => {
    const {library} = locateScenario("base");
    const catalogs = loadCatalogs();
    const spend = (id: string) =>
      scenarioPagePoint(library.resolve(id), catalogs, []).point.spend.months.map((m) => ({series: id, ...m}));
    const rows = [...spend("base"), ...spend("asic-24-months"), ...spend("agent-era")];
    expect(coincidingLines(rows, {inference: "cumulativeInferenceSpendUsd"})).toBe(
      "base and asic-24-months (inference)"
    );
  });
});

describe("scenarioChartNames", () => {
  it("names a scenario by its label, else its id, and tells two of one label apart by their ids", () => {
    expect(scenarioChartNames([{id: "base", label: "Base case"}, {id: "agent-era"}])).toEqual({
      base: "Base case",
      "agent-era": "agent-era"
    });
    expect(
      scenarioChartNames([
        {id: "a", label: "Same"},
        {id: "b", label: "Same"}
      ])
    ).toEqual({
      a: "Same (a)",
      b: "Same (b)"
    });
  });

  it("never gives two scenarios one name, even when a told-apart name is another's label", () => {
    // a and b share "X" → "X (a)", "X (b)"; c is labelled "X (a)" itself (breaker): a and c become their ids.
    expect(
      scenarioChartNames([
        {id: "a", label: "X"},
        {id: "b", label: "X"},
        {id: "c", label: "X (a)"}
      ])
    ).toEqual({a: "a", b: "X (b)", c: "c"});
    // A label that is another scenario's id: that scenario keeps its id, the labelled one is told apart.
    expect(scenarioChartNames([{id: "p"}, {id: "q", label: "p"}])).toEqual({p: "p", q: "p (q)"});
  });

  it("withChartNames renames each row's series and keeps the rest", () => {
    expect(withChartNames([{series: "base", month: 1}], {base: "Base case"})).toEqual([
      {series: "Base case", month: 1}
    ]);
  });
});

describe("costBlendNote", () => {
  it("says the headline blends the two bars at the scenario's input share", () => {
    expect(costBlendNote(0.25)).toBe(
      "decode (output) and prefill (input) tokens, which the headline blends at 25% input"
    );
    expect(costBlendNote(null)).toBe("decode (output) and prefill (input) tokens, which the headline blends");
  });
});

describe("dwarfedLines", () => {
  const rows = (series: string, values: number[]) => values.map((v, month) => ({series, month, a: v, b: -v / 2}));

  it("names a series whose largest |value| is ten times every other's, with the others' largest", () => {
    // Agent era at $54B against $3B and $2.5B (the /compare cash-flow chart, rounded): 18 times the next.
    const data = [
      ...rows("Agent era", [0, 10e9, 54e9]),
      ...rows("Base case", [0, 1e9, 3e9]),
      ...rows("9-month ASIC", [0, -2.5e9])
    ];
    expect(dwarfedLines(data, ["a", "b"])).toEqual({series: ["Agent era"], restReach: 3e9});
  });

  it("names two series that both stand ten times above the rest, and none when the gap is under ten times", () => {
    const two = [...rows("A", [50]), ...rows("B", [40]), ...rows("C", [3])];
    expect(dwarfedLines(two, ["a"])).toEqual({series: ["A", "B"], restReach: 3});
    expect(dwarfedLines([...rows("A", [29]), ...rows("B", [3])], ["a"])).toBeNull();
    // A negative reach counts by its size: −40 against 3.
    expect(dwarfedLines([...rows("A", [-40]), ...rows("B", [3])], ["a"])).toEqual({series: ["A"], restReach: 3});
  });

  it("says nothing for one series, or against a series that is zero throughout (nothing to scale)", () => {
    expect(dwarfedLines(rows("A", [50]), ["a"])).toBeNull();
    expect(dwarfedLines([...rows("A", [50]), ...rows("B", [0, 0])], ["a"])).toBeNull();
  });
});
