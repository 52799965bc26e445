import {describe, expect, it} from "vitest";
import {loadCatalogs} from "../../../src/node/catalogFiles.js";
import {loadScenarioLibrary} from "../../../src/node/scenarioLibrary.js";
import {bindScenario, evaluateScenarioPoint} from "../../../src/scenario/evaluate/evaluateScenario.js";
import {scenarioMedianPoint} from "../../../src/scenario/resolve/scenarioValues.js";
import {spendUncertainty} from "../../../src/scenario/bands/spendUncertainty.js";
import {runScenario} from "../../../src/scenario/run/runScenario.js";
import {scenarioDrawMedianPoint} from "../../../src/scenario/run/scenarioDraws.js";
import type {Distribution} from "../../../src/uncertainty/distribution.js";

const resolved = loadScenarioLibrary().resolve("base");
const bound = bindScenario(resolved, loadCatalogs());
const median = scenarioMedianPoint(resolved);
const point = evaluateScenarioPoint(bound, median);
const u0 = median["serving.utilization"] as number;

describe("spendUncertainty", () => {
  it.each([0.3, 0.5, 0.9])("at utilisation %f gives the full scenario's inference spend", (u) => {
    const one = spendUncertainty({
      point,
      utilization: u0,
      distribution: {kind: "uniform", min: u, max: u * (1 + 1e-12)},
      samples: 1,
      seed: 1
    });
    const full = evaluateScenarioPoint(bound, {...median, "serving.utilization": u});
    const last = full.spend.months.at(-1)!.cumulativeInferenceSpendUsd;
    expect(one.cumulativeInferenceFan.at(-1)!.p50 / last).toBeCloseTo(1, 9);
    expect(one.probabilityCrossover).toBe(full.spend.durableCrossoverMonth === null ? 0 : 1);
  });

  it("with utilisation set to one value (no distribution), gives that value's spend in every band (it threw)", () => {
    // /training-vs-inference?set=serving.utilization%3D0.5 showed error cells: a uniform from u0 to u0 has inverted
    // bounds (breaker).
    const bands = spendUncertainty({point, utilization: u0, distribution: undefined, samples: 100, seed: 1});
    const last = point.spend.months.at(-1)!.cumulativeInferenceSpendUsd;
    const row = bands.cumulativeInferenceFan.at(-1)!;
    for (const q of ["p5", "p25", "p50", "p75", "p95"] as const) expect(row[q] / last).toBeCloseTo(1, 12);
    expect(bands.probabilityCrossover).toBe(point.spend.durableCrossoverMonth === null ? 0 : 1);
  });

  it("counts a draw's crossover only when inference stays ahead to the horizon's end", () => {
    // base: every draw's inference passes training within the first months (the first run is paid for by month 4)
    // and every draw's training takes the lead back with a later, dearer run, ending the 60 months ahead (base's
    // median draw: $17.0B of training against $7.97B of inference). None overtakes for good.
    const bands = spendUncertainty({
      point,
      utilization: u0,
      distribution: resolved.values["serving.utilization"]!.value as Distribution,
      samples: 200,
      seed: 1
    });
    expect(point.spend.firstCrossoverMonth).not.toBeNull();
    expect(point.spend.durableCrossoverMonth).toBeNull();
    expect(bands.probabilityCrossover).toBe(0);
  });

  it("draws runScenario's utilisations: base's bands are the run's, every month", () => {
    // base's only uncertain key the spend reads is serving.utilization: with the key's own random stream, the same
    // 1,000 draws (seed 1) give the run's per-month bands. /training-vs-inference read $6.72B–$11.1B at month 60
    // beside /compare's $6.67B–$11B when the chapter drew from a stream named "u".
    const run = runScenario(bound, {samples: 1000, seed: 1});
    const drawn = scenarioDrawMedianPoint(resolved, {samples: 1000, seed: 1});
    const bands = spendUncertainty({
      point: evaluateScenarioPoint(bound, drawn),
      utilization: drawn["serving.utilization"] as number,
      distribution: resolved.values["serving.utilization"]!.value as Distribution,
      samples: 1000,
      seed: 1
    });
    const expected = run.bands!.cumulativeInferenceSpendUsd;
    expect(bands.cumulativeInferenceFan).toHaveLength(expected.length);
    bands.cumulativeInferenceFan.forEach((row, t) => {
      for (const q of ["p5", "p25", "p50", "p75", "p95"] as const)
        expect(row[q] / expected[t]![q] - 1).toBeCloseTo(0, 12);
    });
    // Inference's share of all spend, the same statistic as the run's metric: /training-vs-inference set a point's 33%
    // after a move against the static median's 34% (reader's audit).
    const share = run.metrics.inferenceShareOfSpend as {p5: number; p50: number; p95: number};
    for (const q of ["p5", "p50", "p95"] as const)
      expect(bands.inferenceShareOfSpend[q] / share[q] - 1).toBeCloseTo(0, 12);
  });

  it("is deterministic, and its bands are ordered", () => {
    const run = () =>
      spendUncertainty({
        point,
        utilization: u0,
        distribution: {kind: "lognormal", mu: Math.log(u0), sigma: 0.15},
        samples: 500,
        seed: 3
      });
    const a = run();
    expect(run()).toEqual(a);
    for (const row of a.cumulativeInferenceFan) {
      expect(row.p5).toBeLessThanOrEqual(row.p50);
      expect(row.p50).toBeLessThanOrEqual(row.p95);
    }
  });
});
