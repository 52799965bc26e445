import {describe, expect, it} from "vitest";
import {loadCatalogs} from "../../src/node/catalogFiles.js";
import {loadScenarioLibrary} from "../../src/node/scenarioFiles.js";
import {bindScenario, SCENARIO_METRICS, type BoundScenario} from "../../src/scenario/evaluateScenario.js";
import {inRange, parseRange} from "../../src/scenario/keyRange.js";
import {parseScenario} from "../../src/scenario/parseScenario.js";
import {resolveScenario} from "../../src/scenario/resolveScenario.js";
import {clampToRange, runScenario, type MetricSummary} from "../../src/scenario/runScenario.js";
import {userErrorsOf} from "./helpers.js";

const catalogs = loadCatalogs();
const library = loadScenarioLibrary();

/** A scenario written inline, extending the bundled ones when it says so. */
function inline(frontMatter: string): BoundScenario {
  const parsed = parseScenario({file: "inline.md", text: `---\n${frontMatter}\n---\n`});
  const lookup = (id: string) => (id === parsed.id ? parsed : library.index.lookup(id));
  return bindScenario(resolveScenario(parsed.id, lookup), catalogs);
}

describe("runScenario", () => {
  it("reports plain numbers and monteCarlo null for a scenario without distributions", () => {
    const bound = inline("serving.utilization: 0.7\nsilicon.nre: $200M");
    const result = runScenario(bound, {samples: 100, seed: 1});
    expect(result.monteCarlo).toBeNull();
    expect(result.uncertainKeys).toEqual([]);
    expect(result.metrics).toEqual(result.point.metrics);
    for (const name of SCENARIO_METRICS) {
      const value = result.metrics[name];
      expect(value === null || typeof value === "number", name).toBe(true);
    }
  });

  it("summarises every metric as {mean, p5, p50, p95, nullShare} when a key is a distribution", () => {
    const result = runScenario(inline("serving.utilization: 0.5 to 0.8"), {samples: 400, seed: 7});
    expect(result.monteCarlo).toEqual({samples: 400, seed: 7});
    expect(result.uncertainKeys).toEqual(["serving.utilization"]);
    for (const name of SCENARIO_METRICS) {
      const summary = result.metrics[name] as MetricSummary;
      expect(Object.keys(summary).sort(), name).toEqual(["mean", "nullShare", "p5", "p50", "p95"]);
      if (summary.mean === null) continue;
      expect(summary.p5, name).toBeLessThanOrEqual(summary.p50);
      expect(summary.p50, name).toBeLessThanOrEqual(summary.p95);
    }
    // Cost per token falls as utilisation rises, so its spread is real; the chip-hour does not depend on it.
    const cost = result.metrics.costPerMillionTokensUsd as MetricSummary;
    expect(cost.p95).toBeGreaterThan(cost.p5 * 1.2);
    const hour = result.metrics.chipHourCostUsd as MetricSummary;
    expect(hour.p95).toBe(hour.p5);
  });

  it("evaluates the series (point) at the median of each distribution", () => {
    const uncertain = runScenario(inline("serving.utilization: 0.4 to 0.9"), {samples: 50, seed: 1});
    const median = runScenario(inline(`serving.utilization: ${Math.sqrt(0.4 * 0.9)}`), {samples: 50, seed: 1});
    expect(uncertain.point.metrics.costPerMillionTokensUsd).toBeCloseTo(
      median.point.metrics.costPerMillionTokensUsd,
      12
    );
  });

  it("is deterministic: the same seed gives the same result, another seed other numbers", () => {
    const bound = inline("serving.utilization: 0.5 to 0.8\nsilicon.nre: $100M to $500M");
    const a = runScenario(bound, {samples: 300, seed: 42});
    const b = runScenario(bound, {samples: 300, seed: 42});
    const c = runScenario(bound, {samples: 300, seed: 43});
    expect(b.metrics).toEqual(a.metrics);
    expect(c.metrics.costPerMillionTokensUsd).not.toEqual(a.metrics.costPerMillionTokensUsd);
    expect(c.metrics.siliconNpvUsd).not.toEqual(a.metrics.siliconNpvUsd);
  });

  it("reports the share of samples in which an event does not happen within the horizon", () => {
    // A payback after the design cycle, which straddles the 60-month horizon.
    const result = runScenario(inline("extends: asic-9-months\nsilicon.designCycle: 30 months to 70 months"), {
      samples: 400,
      seed: 3
    });
    const payback = result.metrics.siliconPaybackMonth as MetricSummary;
    expect(payback.nullShare).toBeGreaterThan(0);
    expect(payback.nullShare).toBeLessThan(1);
    expect(payback.p95).toBeLessThanOrEqual(60);
    // Every sample has an NPV.
    expect((result.metrics.siliconNpvUsd as MetricSummary).nullShare).toBe(0);
  });

  it("a sample that breaks a model is an error naming the key and the Monte Carlo", () => {
    // Draws of utilisation below 1% are in the key's range but not the inference tax model's.
    const bound = inline("serving.utilization: 0.003 to 0.5");
    const [error] = userErrorsOf(() => runScenario(bound, {samples: 200, seed: 1}));
    expect(error!.path).toBe("serving.utilization");
    expect(error!.message).toMatch(/in a Monte Carlo sample/);
  });

  it("rejects a bad sample count or seed", () => {
    const bound = inline("serving.utilization: 0.5 to 0.8");
    expect(userErrorsOf(() => runScenario(bound, {samples: 0, seed: 1}))[0]!.path).toBe("samples");
    expect(userErrorsOf(() => runScenario(bound, {samples: 10, seed: 1.5}))[0]!.message).toMatch(/seed/);
  });
});

describe("clampToRange", () => {
  it.each([
    ["(0, 1]", 0.5, 0.5],
    ["(0, 1]", 1.5, 1],
    ["(0, 1]", -0.2, 1e-9],
    ["[0, 1)", 1.2, 1 - 1e-9],
    ["[0, 1)", -3, 0],
    ["(-1, 100]", -2, -1 + 1e-9],
    ["[3, 120]", 1, 3],
    ["[1, ∞)", 1e300, 1e300],
    ["(0, 1e6)", 2e6, 1e6 - 1e-3]
  ])("pulls a draw into %s: %d → %d", (text, value, expected) => {
    const range = parseRange(text);
    const clamped = clampToRange(value, range);
    expect(inRange(clamped, range)).toBe(true);
    expect(clamped).toBeCloseTo(expected, 12);
  });
});
