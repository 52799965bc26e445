// Issue 18, item 1: a share link's sets are checked by running what the page will run (the median and the Monte
// Carlo), and a state whose Monte Carlo fails later (a slider moved) settles with a failure message instead of
// throwing inside the page's timer, which left the page hanging.
import {describe, expect, it} from "vitest";
import {loadCatalogs} from "../../src/node/catalogFiles.js";
import {loadScenarioLibrary} from "../../src/node/scenarioLibrary.js";
import {bindScenario} from "../../src/scenario/evaluate/evaluateScenario.js";
import {runReport} from "../../src/scenario/run/runReport.js";
import {DEFAULT_SCENARIO_SEED, runScenario} from "../../src/scenario/run/runScenario.js";
import {
  SCENARIO_PAGE_SAMPLES,
  scenarioPageCheck,
  settledScenarioPagePoint,
  settledScenarioPageState
} from "../../docs/components/scenarioPage.js";
import {applyShareSets, parseShareQuery} from "../../docs/components/urlState.js";

const catalogs = loadCatalogs();
const library = loadScenarioLibrary();
const base = library.resolve("base");
const report = runReport(
  base,
  runScenario(bindScenario(base, catalogs), {samples: SCENARIO_PAGE_SAMPLES, seed: DEFAULT_SCENARIO_SEED})
);

describe("share-link sets are checked by the page's own run", () => {
  it("ignores serving.hbmReserve=0.05 to 0.95, whose median passes but whose draws do not fit, naming the setting", () => {
    const {sets} = parseShareQuery("?set=serving.hbmReserve%3D0.05%20to%200.95&set=power.pue%3D1.3");
    const state = applyShareSets(base, sets, {check: scenarioPageCheck(catalogs)});
    expect(state.applied).toEqual(["power.pue=1.3"]);
    expect(state.ignored).toHaveLength(1);
    expect(state.ignored[0]!.set).toBe("serving.hbmReserve=0.05 to 0.95");
    // The error is at the setting the link changed (not base.md's serving.tensorParallel, which would be named), and
    // the notice lists that setting before the reason, which starts with what is wrong.
    expect(state.ignored[0]!.reason).toMatch(/^the model does not fit/);
    expect(state.ignored[0]!.reason).toContain("in a Monte Carlo sample");
  });

  it("says a setting was dropped for clashing with one applied before it, when the error names the other key", () => {
    // Breaker: the notice dropped silicon.chip with a reason about silicon.relativeThroughput and nothing else.
    const asic = library.resolve("asic-9-months");
    const {sets} = parseShareQuery("?set=silicon.chip%3Dcustom-inference-asic&set=silicon.relativeThroughput%3D1.5");
    const state = applyShareSets(asic, sets, {check: scenarioPageCheck(catalogs)});
    // The link's sets are taken in schema order: silicon.relativeThroughput first, then silicon.chip, which clashes.
    expect(state.applied).toEqual(["silicon.relativeThroughput=1.5"]);
    expect(state.ignored).toEqual([
      {
        set: "silicon.chip=custom-inference-asic",
        reason: expect.stringMatching(
          /^clashes with silicon\.relativeThroughput, which this link also sets \(kept\): silicon\.relativeThroughput: the custom chip's throughput is derived from silicon\.chip/
        )
      }
    ]);
  });

  it("tries a failed setting again after the others, and gives the reason against the final state", () => {
    // Breaker, session 16: serving.hardware=trainium2 was dropped for lacking a purchase price the same link sets, and
    // the real clash (TensorRT-LLM does not run on Trainium2) went unsaid.
    const {sets} = parseShareQuery(
      "?set=serving.stack%3Dtrtllm&set=serving.hardware%3Dtrainium2&set=hardware.price%3D20000"
    );
    const state = applyShareSets(base, sets, {check: scenarioPageCheck(catalogs)});
    expect(state.ignored.map((item) => item.set)).toEqual(["serving.hardware=trainium2"]);
    expect(state.ignored[0]!.reason).toContain("TensorRT-LLM does not run on trainium2");
    expect(state.ignored[0]!.reason).not.toContain("no purchase price");
    // Without the stack, the chip takes the link's price, whichever comes first.
    const {sets: chipFirst} = parseShareQuery("?set=serving.hardware%3Dtrainium2&set=hardware.price%3D20000");
    expect(applyShareSets(base, chipFirst, {check: scenarioPageCheck(catalogs)}).ignored).toEqual([]);
  });

  it("runs the check once when every set passes", () => {
    let runs = 0;
    const state = applyShareSets(base, ["power.pue=1.3", "serving.utilization=0.5"], {check: () => void runs++});
    expect(state.applied).toHaveLength(2);
    expect(runs).toBe(1);
  });
});

describe("settledScenarioPageState", () => {
  it("falls back to the median with a failure message when the Monte Carlo fails", () => {
    const state = settledScenarioPageState(report, base, catalogs, ["serving.hbmReserve=0.05 to 0.95"]);
    expect(state.failure).toMatch(/^the Monte Carlo failed, so every figure is at the median/);
    expect(state.bands).toBeNull();
    expect(typeof state.metrics.costPerMillionTokensUsd).toBe("number");
    expect(Number.isFinite(state.metrics.costPerMillionTokensUsd as number)).toBe(true);
  });

  it("falls back to the scenario without the sets when even the median fails", () => {
    const state = settledScenarioPageState(report, base, catalogs, ["serving.batch=1000000"]);
    expect(state.failure).toMatch(/^these settings cannot be evaluated/);
    expect(state.fromReport).toBe(true);
  });

  it("has no failure for a state that runs", () => {
    expect(settledScenarioPageState(report, base, catalogs, ["power.pue=1.3"]).failure).toBeNull();
  });
});

describe("settledScenarioPagePoint", () => {
  it("draws the scenario without the sets when they cannot be evaluated at the median", () => {
    const {resolved, point} = settledScenarioPagePoint(base, catalogs, ["serving.batch=1000000"]);
    expect(resolved.values["serving.batch"]!.origin.kind).not.toBe("override");
    expect(point.metrics.costPerMillionTokensUsd).toBeGreaterThan(0);
  });
});
