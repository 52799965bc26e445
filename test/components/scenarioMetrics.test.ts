// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {ScenarioProvenance} from "../../docs/components/scenarioMetrics.js";

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
