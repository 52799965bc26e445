import {describe, expect, it} from "vitest";
import {loadCatalogs} from "../../../src/node/catalogFiles.js";
import {loadScenarioLibrary} from "../../../src/node/scenarioLibrary.js";
import {SERVING_CALIBRATION} from "../../../src/inference/calibratedEfficiencies.js";
import {bindScenario} from "../../../src/scenario/evaluate/evaluateScenario.js";
import {customChipServing} from "../../../src/scenario/evaluate/customChipServing.js";
import {scenarioMedianPoint} from "../../../src/scenario/resolve/scenarioValues.js";
import {resolveScenario} from "../../../src/scenario/resolve/resolveScenario.js";

const catalogs = loadCatalogs();
const library = loadScenarioLibrary();
const bound = bindScenario(
  resolveScenario("asic-9-months", (id) => library.index.lookup(id)),
  catalogs
);
const point = scenarioMedianPoint(bound.resolved);
const chip = (id: string) => catalogs.hardware.find((h) => h.id === id)!;

describe("a custom chip served by the calibrated model", () => {
  it("is 1× the merchant when it is the merchant chip", () => {
    expect(customChipServing(bound, point, chip("h100-sxm")).relativeThroughput).toBeCloseTo(1, 12);
  });

  it("derives the catalog custom ASIC's throughput relative to an H100, inside a band twice the held-out width", () => {
    // The band held out by system (whole systems left out of a refit), the error on a system nobody has measured.
    const r = customChipServing(bound, point, chip("custom-inference-asic"));
    expect(r.relativeThroughput).toBeGreaterThan(0);
    const {ratioP10, ratioP90} = SERVING_CALIBRATION.heldOutBySystem!;
    expect(r.relativeThroughputBand.low).toBeCloseTo(r.relativeThroughput / ratioP90 ** 2, 12);
    expect(r.relativeThroughputBand.high).toBeCloseTo(r.relativeThroughput / ratioP10 ** 2, 12);
    expect(r.relativeThroughputBand.low).toBeLessThan(r.relativeThroughput);
    expect(r.relativeThroughputBand.high).toBeGreaterThan(r.relativeThroughput);
  });
});
