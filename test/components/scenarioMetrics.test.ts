// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {BandsSummary, ScenarioMetricsTable, ScenarioProvenance} from "../../docs/components/scenarioMetrics.js";
import type {MetricRow} from "../../docs/components/scenarioPage.js";
import {bandsMetrics, SCENARIO_TOPICS} from "../../docs/components/scenarioTopics.js";

describe("ScenarioProvenance", () => {
  const sets = ["power.electricity=0.12 USD/kWh", "demand.agentMultiplier=100"];

  it("names the static report without changes, and the changes a recomputation ran with", () => {
    expect(ScenarioProvenance([]).textContent).toBe(
      "Figures from the static report built with the site (1,000 Monte Carlo samples, seed 1)."
    );
    const ran = ScenarioProvenance(sets, {state: {fromReport: false, failure: null}});
    expect(ran.textContent).toBe(
      "Recomputed in your browser with 2 changes: power.electricity=0.12 USD/kWh, demand.agentMultiplier=100 " +
        "(1,000 Monte Carlo samples, seed 1)."
    );
    expect(ran.dataset.notRun).toBeUndefined();
  });

  it("says the figures are the file's when the changes cannot be evaluated", () => {
    // After a refused slider move the page shows the scenario without the sets (settledScenarioPageState), and the
    // caption still read "Recomputed in your browser with 2 changes".
    const p = ScenarioProvenance(sets, {state: {fromReport: true, failure: "these settings cannot be evaluated"}});
    expect(p.dataset.notRun).toBe("sets");
    expect(p.textContent).not.toContain("Recomputed");
    expect(p.textContent).toBe(
      "Figures for the scenario as filed, from the static report built with the site (1,000 Monte Carlo samples, " +
        "seed 1): the 2 changes as set cannot be evaluated together, so none of them is run (see “Not run as set” above)."
    );
    const one = ScenarioProvenance(sets.slice(0, 1), {state: {fromReport: true, failure: "cannot be evaluated"}});
    expect(one.textContent).toContain("the change as set cannot be evaluated, so it is not run");
  });

  it("says the figures are at the medians when only the Monte Carlo failed", () => {
    const p = ScenarioProvenance(sets, {state: {fromReport: false, failure: "the Monte Carlo failed"}});
    expect(p.dataset.notRun).toBe("monte-carlo");
    expect(p.textContent).toContain("every figure at the median of each distribution");
    expect(p.textContent).not.toContain("1,000 Monte Carlo samples");
  });
});

describe("BandsSummary", () => {
  // Display units (MUSD for the money metrics), as metricRows writes them.
  const rows = [
    {name: "siliconNpvUsd", label: "silicon program NPV", unit: "MUSD", value: 2300, p5: 1900, p95: 2700, nullShare: 0},
    {
      name: "costLeadValueUsd",
      label: "gross profit from a cost lead",
      unit: "MUSD",
      value: 5000,
      p5: 4000,
      p95: 6000,
      nullShare: 0
    },
    {
      name: "modelLeadValueUsd",
      label: "gross profit from a model lead",
      unit: "MUSD",
      value: 800,
      p5: 300,
      p95: 1500,
      nullShare: 0
    }
  ] as MetricRow[];
  const keys = ["serving.utilization", "moat.catchUpMonths"];

  it("gives the spread of what the page is about: the cost-lead page's two leads, not the silicon NPV", () => {
    // The cost-lead page's summary gave the silicon program's NPV (reader's audit).
    const moat = SCENARIO_TOPICS.filter((t) => t.id === "moat");
    const text = BandsSummary(rows, keys, null, {about: bandsMetrics(moat)}).textContent!;
    expect(text).toContain("In 90% of the draws the gross profit from a cost lead lies within $4.00–6.00B");
    expect(text).toContain("and the gross profit from a model lead within $0.300–1.50B.");
    expect(text).not.toContain("NPV");
  });

  it("gives the silicon program's NPV on a page with no topic of its own", () => {
    expect(bandsMetrics([])).toEqual(["siliconNpvUsd", "inferenceOvertakesTrainingMonth"]);
    const text = BandsSummary(rows, keys, null).textContent!;
    expect(text).toContain("In 90% of the draws the silicon program's NPV lies within $1.90–2.70B.");
    expect(text).not.toContain("cost lead");
  });
});

describe("ScenarioMetricsTable", () => {
  it("writes a median and its interval at one scale, as `run` does", () => {
    // The fleet's day read "$1.16M" beside "$891,865–$1.47M" (new-user trial); a median under a million beside an
    // interval reaching one read "$950,000".
    const row = (value: number, p5: number, p95: number) =>
      ({
        name: "fleetCostPerDayUsd",
        label: "fleet cost of one day",
        unit: "USD",
        value,
        p5,
        p95,
        nullShare: 0
      }) as MetricRow;
    const cells = (r: MetricRow) =>
      [...ScenarioMetricsTable([r]).querySelectorAll("tbody td")].slice(1).map((td) => td.textContent);
    expect(cells(row(1.16e6, 891_865, 1.47e6))).toEqual(["$1.16M", "$0.892–1.47M"]);
    expect(cells(row(9.5e5, 7e5, 1.2e6))).toEqual(["$0.950M", "$0.700–1.20M"]);
    expect(cells(row(9.5e5, 7e5, 9.9e5))).toEqual(["$950,000", "$700,000–990,000"]);
  });
});
