import {describe, expect, it} from "vitest";
import {servingPerformance} from "../../../src/inference/servingPerformance.js";
import {loadCatalogs} from "../../../src/node/catalogFiles.js";
import {loadScenarioLibrary} from "../../../src/node/scenarioLibrary.js";
import {compareServingChips} from "../../../src/scenario/evaluate/chipComparison.js";
import {servingInput} from "../../../src/scenario/evaluate/servingInput.js";
import {bindScenario, evaluateScenarioPoint} from "../../../src/scenario/evaluate/evaluateScenario.js";
import {scenarioMedianPoint} from "../../../src/scenario/resolve/scenarioValues.js";
import {chipHourCost} from "../../../src/tco/chipHourCost.js";
import {costPerMillionTokensUsd} from "../../../src/tco/costPerToken.js";

const catalogs = loadCatalogs();
const bound = bindScenario(loadScenarioLibrary().resolve("base"), catalogs);
const point = scenarioMedianPoint(bound.resolved);
const rows = compareServingChips(bound, point, catalogs.hardware);

describe("compareServingChips", () => {
  it("prices the scenario's own chip exactly as the scenario does when the scenario's TP is the smallest that fits", () => {
    const own = rows.find((row) => row.id === bound.hardware.id)!;
    const ev = evaluateScenarioPoint(bound, {...point, "serving.tensorParallel": own.tensorParallel});
    // The headline measures (blended tokens at demand.inputShare), so /token-economics rings the headline's number.
    expect(own.costUsdPerMTok).toBe(ev.metrics.costPerMillionTokensUsd);
    expect(own.tokensPerSecondPerMw).toBe(ev.metrics.tokensPerSecondPerMw);
    // Blended: 1 ÷ (share ÷ prefill + (1 − share) ÷ decode), each phase at its own rate.
    const share = point["demand.inputShare"] as number;
    expect(own.tokensPerSecondPerChip).toBeCloseTo(
      1 / (share / ev.serving.prefillTokensPerSecondPerChip + (1 - share) / ev.serving.decodeTokensPerSecondPerChip),
      9
    );
  });

  it("leaves out chips without a purchase price and keeps catalog order", () => {
    const priced = catalogs.hardware.filter((h) => h.priceUsd !== null).map((h) => h.id);
    const ids = rows.map((row) => row.id);
    expect(ids.every((id) => priced.includes(id))).toBe(true);
    expect(ids).toEqual(priced.filter((id) => ids.includes(id)));
  });

  it("uses the smallest tensor-parallel degree that holds the batch: one degree lower does not fit", () => {
    for (const row of rows) {
      if (row.tensorParallel === 1) continue;
      const hardware = catalogs.hardware.find((h) => h.id === row.id)!;
      const {input, efficiencies} = servingInput(bound, point, hardware);
      const smaller = servingPerformance({...input, tensorParallel: row.tensorParallel / 2}, efficiencies);
      expect(smaller.memory.maxBatchSize).toBeLessThan(point["serving.batch"] as number);
    }
  });

  it("computes each chip's cost as chip-hour cost ÷ tokens per chip-hour (hand check on one row)", () => {
    const row = rows.find((r) => r.id !== bound.hardware.id)!;
    const hardware = catalogs.hardware.find((h) => h.id === row.id)!;
    const hour = chipHourCost({
      chipPriceUsd: row.priceUsd,
      chipPowerW: hardware.powerW,
      // finance.systemOverhead and power.hostOverhead are unset: each chip's catalog figures (data/hardware.csv).
      systemOverheadFraction: hardware.systemOverheadFraction,
      hostPowerFraction: hardware.systemPowerW / hardware.powerW - 1,
      averageDrawFraction: point["power.averageDraw"] as number,
      pue: point["power.pue"] as number,
      electricityUsdPerKwh: point["power.electricity"] as number,
      facilityCapexUsdPerMw: point["finance.facilityCapexPerMw"] as number,
      facilityLifeYears: point["finance.facilityLife"] as number,
      costOfCapitalPerYear: point["finance.costOfCapital"] as number,
      usefulLifeYears: point["finance.usefulLife"] as number,
      operationsUsdPerChipHour: point["finance.operationsPerChipHour"] as number,
      vendorGrossMarginFraction: point["finance.vendorGrossMargin"] as number
    });
    const expected = costPerMillionTokensUsd({
      chipHourCostUsd: hour.totalUsdPerChipHour,
      tokensPerSecondPerChip: row.tokensPerSecondPerChip,
      utilizationFraction: point["serving.utilization"] as number
    });
    expect(row.costUsdPerMTok).toBeCloseTo(expected, 9);
  });

  it("uses hardware.price for the scenario's own chip when it is set", () => {
    const cheaper = compareServingChips(bound, {...point, "hardware.price": 10_000}, catalogs.hardware);
    expect(cheaper.find((row) => row.id === bound.hardware.id)!.priceUsd).toBe(10_000);
  });
});
