// The committed efficiencies (src/inference/servingCalibration.generated.ts) are what a fit on data/measurements.csv
// gives, and the model's error on the measurements held out of that fit meets issue 11's bar.
import {createHash} from "node:crypto";
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {SERVING_CALIBRATION} from "../../../src/inference/calibratedEfficiencies.js";
import {calibrate, calibrationReport, prepareMeasurements} from "../../../src/inference/calibration/calibrate.js";
import {calibrationSplit, measurementSystem, systemSplit} from "../../../src/inference/calibration/split.js";
import {loadCatalogs} from "../../../src/node/catalogFiles.js";
import {loadMeasurements} from "../../../src/node/measurementFiles.js";

const catalogs = loadCatalogs();
const {measurements, file, text} = loadMeasurements();

describe("the committed calibration", () => {
  it("was fitted on the data/measurements.csv in the tree (else run `npx token-ledger calibration --write`)", () => {
    expect(createHash("sha256").update(text).digest("hex")).toBe(SERVING_CALIBRATION.measurementsSha256);
  });

  it("is what a fresh fit gives, efficiency by efficiency", {timeout: 60_000}, () => {
    const fresh = calibrate(measurements, catalogs, file);
    const committed = {pooled: SERVING_CALIBRATION.pooled, ...SERVING_CALIBRATION.groups};
    const refit = {pooled: fresh.efficiencies.pooled, ...fresh.efficiencies.groups};
    expect(Object.keys(refit).sort()).toEqual(Object.keys(committed).sort());
    for (const [group, efficiencies] of Object.entries(refit)) {
      for (const [name, value] of Object.entries(efficiencies)) {
        const saved = (committed as unknown as Record<string, Record<string, number>>)[group]![name]!;
        // Relative to the saved value; a fixed 0 (kernelOverlapFraction) must stay exactly 0.
        expect(Math.abs(value - saved) / (Math.abs(saved) || 1), `${group}.${name}`).toBeLessThan(1e-9);
      }
    }
  });
});

describe("the model against published measurements, at the committed efficiencies", () => {
  const report = calibrationReport(prepareMeasurements(measurements, catalogs, file), SERVING_CALIBRATION);

  it("compares at least 30 measurements and holds about a third out of the fit", () => {
    expect(report.rows.length).toBeGreaterThanOrEqual(30);
    expect(report.heldOut.count).toBeGreaterThanOrEqual(report.rows.length / 4);
  });

  // Issue 11's bar: on the held-out measurements, median |model/measured − 1| ≤ 20% and at least 80% within 35%.
  it("meets the bar on the measurements held out of the fit", () => {
    expect(report.heldOut.medianAbsoluteError).toBeLessThanOrEqual(0.2);
    expect(report.heldOut.shareWithin35).toBeGreaterThanOrEqual(0.8);
  });

  it("has no chip family with a median model/measured outside 0.75–1.33", () => {
    for (const {family, all} of report.families) {
      expect(all.medianRatio, family).toBeGreaterThanOrEqual(0.75);
      expect(all.medianRatio, family).toBeLessThanOrEqual(1.33);
    }
  });

  it("gives the Ampere median and row count the openai-2024 narrative types (it read 0.96 beside 0.967; audit)", () => {
    // A narrative's live values are its own scenario's; the calibration's are not among them, so the figure is typed.
    const ampere = report.families.find(({family}) => family === "ampere")!.all;
    const narrative = readFileSync("data/scenarios/openai-2024.md", "utf8").replace(/\s+/g, " ");
    expect(narrative).toContain(`model ÷ measured ${ampere.medianRatio.toFixed(2)} over ${ampere.count} A100 rows`);
  });

  it("gives the share of held-out systems within a quarter the base narrative types ('about eight in ten')", () => {
    // base.md: "on systems whose runs were all held out of its fit, about eight in ten lie within a quarter of what was
    // measured": the whole-system refit's share within 25% as `calibration --write` records it (34 of 41 today), in
    // tenths.
    const words = ["none", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
    const narrative = readFileSync("data/scenarios/base.md", "utf8").replace(/\s+/g, " ");
    const match = /held out of its fit, about (\w+) in ten lie within a quarter of what was measured/.exec(narrative);
    expect(match, "base.md no longer says 'about … in ten lie within a quarter': update this test").not.toBeNull();
    expect(match![1]).toBe(words[Math.round(SERVING_CALIBRATION.heldOutBySystem!.shareWithin25 * 10)]);
  });

  it("reports the same held-out error the generated module records", () => {
    expect(report.heldOut.medianAbsoluteError).toBeCloseTo(SERVING_CALIBRATION.heldOut.medianAbsoluteError, 9);
    expect(report.heldOut.ratioP90).toBeCloseTo(SERVING_CALIBRATION.heldOut.ratioP90, 9);
  });
});

describe("calibrationSplit", () => {
  it("holds out every third measurement of each family and stack, in id order, whatever the input order", () => {
    const {comparable} = prepareMeasurements(measurements, catalogs, file);
    const a = calibrationSplit(comparable);
    const b = calibrationSplit([...comparable].reverse());
    expect([...a.entries()].sort()).toEqual([...b.entries()].sort());
    const held = [...a.values()].filter((s) => s === "held-out").length;
    expect(held).toBeGreaterThan(comparable.length / 4);
    expect(held).toBeLessThan(comparable.length / 2);
  });
});

describe("systemSplit", () => {
  it("holds out whole systems, every third of each family and stack, whatever the input order", () => {
    const {comparable} = prepareMeasurements(measurements, catalogs, file);
    const a = systemSplit(comparable);
    expect([...a.entries()].sort()).toEqual([...systemSplit([...comparable].reverse()).entries()].sort());
    // A system's runs are on one side: MLPerf v5.1's B200 Llama 2 70B offline, server and interactive runs.
    const sides = new Map<string, Set<string>>();
    for (const m of comparable) {
      const side = sides.get(measurementSystem(m)) ?? new Set<string>();
      sides.set(measurementSystem(m), side.add(a.get(m.measurement.id)!));
    }
    expect([...sides.values()].every((side) => side.size === 1)).toBe(true);
    const b200 = ["offline", "server", "interactive"].map((s) => a.get(`mlperf51-llama2-70b-${s}-b200x8-nvidia`));
    expect(new Set(b200).size).toBe(1);
    const heldSystems = [...sides.values()].filter((side) => side.has("held-out")).length;
    expect(heldSystems).toBeGreaterThan(sides.size / 5);
    expect(heldSystems).toBeLessThan(sides.size / 2);
  });
});
