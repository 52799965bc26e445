import {beforeEach, describe, expect, it, vi} from "vitest";
import {loadCatalogs} from "../../../src/node/catalogFiles.js";
import {loadScenarioLibrary} from "../../../src/node/scenarioLibrary.js";
import {bindScenario, evaluateScenarioPoint} from "../../../src/scenario/evaluate/evaluateScenario.js";
import type {ScenarioPoint} from "../../../src/scenario/resolve/scenarioValues.js";
import {DEFAULT_SCENARIO_SAMPLES, DEFAULT_SCENARIO_SEED} from "../../../src/scenario/run/runScenario.js";
import {scenarioDrawMedianPoint} from "../../../src/scenario/run/scenarioDraws.js";
import {
  parseSweepAxis,
  sweepPlan,
  sweepScenario,
  sweepScenarioChunks
} from "../../../src/scenario/run/sweepScenario.js";

/** Calls of the chip-hour model, and whether the chip-hour's input reads a second varied key at some values. */
const probe = vi.hoisted(() => ({chipHourCalls: 0, readsUtilizationAboveElectricity: Infinity}));

vi.mock("../../../src/tco/chipHourCost.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../../src/tco/chipHourCost.js")>();
  return {
    ...original,
    _chipHourCost: (...args: Parameters<typeof original._chipHourCost>) => {
      probe.chipHourCalls += 1;
      return original._chipHourCost(...args);
    }
  };
});

// A chip-hour input whose keys read depend on a value read: above an electricity price it reads serving.utilization
// too (and its result then depends on it), as a model with a branch on a varied key would.
vi.mock("../../../src/scenario/evaluate/ownershipInput.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../../src/scenario/evaluate/ownershipInput.js")>();
  return {
    ...original,
    merchantChipHour: (...args: Parameters<typeof original.merchantChipHour>) => {
      const input = original.merchantChipHour(...args);
      const point: ScenarioPoint = args[1];
      if ((point["power.electricity"] as number) <= probe.readsUtilizationAboveElectricity) return input;
      return {
        ...input,
        operationsUsdPerChipHour: input.operationsUsdPerChipHour + (point["serving.utilization"] as number)
      };
    }
  };
});

const scenario = bindScenario(loadScenarioLibrary().resolve("base"), loadCatalogs());
const base = scenarioDrawMedianPoint(scenario.resolved, {
  samples: DEFAULT_SCENARIO_SAMPLES,
  seed: DEFAULT_SCENARIO_SEED
});

/** Each row's metrics against a full evaluation at its point (evaluateScenarioPoint: no stage reused), bit for bit. */
function expectFullEvaluations(rows: Record<string, number | null>[], metrics: readonly string[]): void {
  for (const row of rows) {
    const point = {
      ...base,
      "serving.utilization": row["serving.utilization"]!,
      "power.electricity": row["power.electricity"]!
    };
    const expected = evaluateScenarioPoint(scenario, point).metrics as unknown as Record<string, number | null>;
    for (const name of metrics) expect(row[name], `${name} at ${JSON.stringify(point)}`).toBe(expected[name]);
  }
}

describe("sweep: a stage that reads some of the varied keys runs once per combination of their values", () => {
  beforeEach(() => {
    probe.chipHourCalls = 0;
    probe.readsUtilizationAboveElectricity = Infinity;
  });

  it("the chip-hour of a utilisation × electricity grid runs per electricity value, not per point", () => {
    const axes = [parseSweepAxis("serving.utilization=0.3:0.9:20"), parseSweepAxis("power.electricity=0.04:0.12:10")];
    const metrics = ["costPerMillionTokensUsd", "chipHourCostUsd"] as const;
    const rows = sweepScenario({bound: scenario, axes, metrics: [...metrics]});
    expect(rows).toHaveLength(200);
    // Hand count: 10 electricity values, each computed at the first point that has it and once more where its keys
    // are recorded (20); the base point's stages add a few (the metrics' and the record of what each stage reads).
    // Computed per point, it would be 200 or more.
    expect(probe.chipHourCalls).toBeGreaterThanOrEqual(20);
    expect(probe.chipHourCalls).toBeLessThanOrEqual(30);
    expectFullEvaluations(rows, metrics);
  });

  it("a stage whose reads depend on a varied key's value is computed at every point once it reads another", () => {
    // Above 0.1 USD/kWh the chip-hour reads serving.utilization too: an entry kept by electricity alone there would
    // give every utilisation the first one's chip-hour.
    probe.readsUtilizationAboveElectricity = 0.1;
    // 8 × 5 points: 5 electricity values of 8 points each, the fewest a stage is cached for.
    const axes = [parseSweepAxis("serving.utilization=0.2:0.9:8"), parseSweepAxis("power.electricity=0.04:0.12:5")];
    const metrics = ["costPerMillionTokensUsd", "chipHourCostUsd"] as const;
    const rows = sweepScenario({bound: scenario, axes, metrics: [...metrics]});
    const atTop = rows.filter((row) => row["power.electricity"] === 0.12).map((row) => row.chipHourCostUsd);
    expect(new Set(atTop).size).toBe(8);
    expectFullEvaluations(rows, metrics);
  });

  it("blocks evaluated a call each share a SweepPlan: one set-up, and caches that fill across blocks", () => {
    // A worker of parallelSweep evaluates one block per call. 200 points in 8 blocks of 25, 10 electricity values.
    const axes = [parseSweepAxis("serving.utilization=0.3:0.9:20"), parseSweepAxis("power.electricity=0.04:0.12:10")];
    const metrics = ["costPerMillionTokensUsd"] as const;
    const whole = sweepScenario({bound: scenario, axes, metrics: [...metrics]}).map(
      (row) => row.costPerMillionTokensUsd
    );
    probe.chipHourCalls = 0;
    const plan = sweepPlan();
    const blocks: number[] = [];
    for (let startRow = 0; startRow < 200; startRow += 25) {
      const {chunks} = sweepScenarioChunks({
        bound: scenario,
        axes,
        metrics: [...metrics],
        plan,
        startRow,
        endRow: startRow + 25,
        chunkRows: 25
      });
      for (const chunk of chunks) blocks.push(...chunk.values.costPerMillionTokensUsd!.subarray(0, chunk.rows));
    }
    expect(blocks).toEqual(whole);
    // As for one call (the first test's count): without the plan each of the 8 blocks set up and refilled its cache.
    expect(probe.chipHourCalls).toBeLessThanOrEqual(30);
    // A plan is for one sweep: another grid is refused.
    const other = [parseSweepAxis("serving.utilization=0.3:0.9:20"), parseSweepAxis("power.electricity=0.04:0.12:11")];
    expect(() => [...sweepScenarioChunks({bound: scenario, axes: other, metrics: [...metrics], plan}).chunks]).toThrow(
      "a SweepPlan is for one sweep"
    );
  });

  it("keeps no stage whose combinations would serve fewer than 8 points each", () => {
    // 4 × 5 points: the chip-hour's 5 electricity values would serve 4 points each: computed at every point (20), as
    // each filled entry costs a second computation and its memory (breaker: 256 × 256 × 2 points ran slower).
    const axes = [parseSweepAxis("serving.utilization=0.3:0.9:4"), parseSweepAxis("power.electricity=0.04:0.12:5")];
    sweepScenario({bound: scenario, axes, metrics: ["costPerMillionTokensUsd"]});
    expect(probe.chipHourCalls).toBeGreaterThanOrEqual(20);
  });
});
