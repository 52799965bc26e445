// The calibration's guards on bad input: a measured rate far below its roofline is refused at its cell (it collapsed
// every group's efficiencies and exited 0; breaker), and a fit whose efficiencies or ratios are not finite is refused.
import {describe, expect, it} from "vitest";
import {SERVING_CALIBRATION} from "../../../src/inference/calibratedEfficiencies.js";
import {
  calibrationReport,
  checkCalibrationFinite,
  MIN_ROOFLINE_FRACTION,
  prepareMeasurements,
  rooflineTokensPerSecondPerChip
} from "../../../src/inference/calibration/calibrate.js";
import {measuredTokensPerSecondPerChip} from "../../../src/inference/calibration/measurement.js";
import {groupThousands} from "../../../src/units/groupThousands.js";

/** A bound as the messages write it: four significant digits, thousands grouped ("27,160"; it read "27160"). */
const grouped = (value: number) => groupThousands(Number(value.toPrecision(4)), 20);
import {MEASUREMENT_COLUMNS} from "../../../src/inference/calibration/parseMeasurementsCsv.js";
import {UserError} from "../../../src/errors/userError.js";
import {loadCatalogs} from "../../../src/node/catalogFiles.js";
import {loadMeasurements} from "../../../src/node/measurementFiles.js";

const catalogs = loadCatalogs();
const {measurements, file} = loadMeasurements();
const prepared = prepareMeasurements(measurements, catalogs, file);

function thrown(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return (error as UserError).message;
  }
  throw new Error("expected a UserError");
}

describe("prepareMeasurements", () => {
  it("keeps every bundled measurement at least ten times MIN_ROOFLINE_FRACTION of its roofline", () => {
    const shares = [...prepared.comparable, ...prepared.outOfBand].map(
      (m) => measuredTokensPerSecondPerChip(m.measurement) / rooflineTokensPerSecondPerChip(m)!
    );
    expect(shares.length).toBeGreaterThan(100);
    // The smallest is 0.0022 (rocm-vllm-llama31-70b-fp8-128-2048-bs1-mi300xx8), as MIN_ROOFLINE_FRACTION's docstring says.
    expect(Math.min(...shares)).toBeCloseTo(0.0022, 4);
    expect(Math.min(...shares)).toBeGreaterThanOrEqual(10 * MIN_ROOFLINE_FRACTION);
  });

  it.each([
    ["a prefill row's input rate of 1e-300", "lmsys-sglang-dsv3-prefill-pd-ep32-h100x32-1k", "1e-300"],
    ["a prefill row's input rate of 5e-324", "lmsys-sglang-dsv3-prefill-pd-ep32-h100x32-1k", "5e-324"],
    ["a whole row's output rate of 0.001", "mlperf41-llama2-70b-offline-h100x8-nvidia", "0.001"]
  ])("refuses %s as implausibly low, at the rate's cell", (_, id, rate) => {
    const index = measurements.findIndex((m) => m.id === id);
    const original = measurements[index]!;
    const key = original.phase === "prefill" ? "inputTokensPerSecondPerChip" : "outputTokensPerSecondPerChip";
    const edited = measurements.map((m, i) => (i === index ? {...m, [key]: Number(rate)} : m));
    const tokens = original.phase === "prefill" ? "input" : "output";
    const position = original.positions[MEASUREMENT_COLUMNS.indexOf(`${tokens}_tokens_per_s_per_chip`)]!;
    const roof = rooflineTokensPerSecondPerChip(prepared.comparable.find((m) => m.measurement.id === id)!)!;
    expect(thrown(() => prepareMeasurements(edited, catalogs, file))).toBe(
      `${file}:${position.line}:${position.column}: ${tokens}_tokens_per_s_per_chip: implausibly low: ${tokens} ` +
        "tokens per second per chip under a tenth of the smallest share of the roofline any published measurement " +
        `reached: expected at least ${grouped(roof * MIN_ROOFLINE_FRACTION)} tokens/s per chip ` +
        `(0.02% of the roofline for this shape: ${grouped(roof)} tokens/s per chip), found ${Number(rate)} ` +
        "(is the unit tokens per second per chip?)"
    );
  });
});

describe("checkCalibrationFinite", () => {
  it("passes the committed efficiencies on the bundled file", () => {
    expect(() =>
      checkCalibrationFinite(calibrationReport(prepared, SERVING_CALIBRATION), prepared, file)
    ).not.toThrow();
  });

  it("refuses an efficiency that is not a finite number, naming the group and the efficiency", () => {
    const report = calibrationReport(prepared, {
      pooled: SERVING_CALIBRATION.pooled,
      groups: {hopper: {...SERVING_CALIBRATION.pooled, bandwidthFraction: NaN}}
    });
    expect(thrown(() => checkCalibrationFinite(report, prepared, file))).toBe(
      `${file}: the fit failed: the hopper efficiencies' bandwidthFraction is not a finite number: expected finite ` +
        "efficiencies from the measurements, found NaN (is a measured rate in the wrong unit?)"
    );
  });

  it("refuses a measurement whose model ÷ measured is not finite, at its rate's cell", () => {
    const report = calibrationReport(prepared, SERVING_CALIBRATION);
    const [first, ...rest] = report.rows;
    const broken = {...report, rows: [{...first!, ratio: Infinity}, ...rest]};
    const m = prepared.comparable.find((c) => c.measurement.id === first!.id)!.measurement;
    const position = m.positions[MEASUREMENT_COLUMNS.indexOf(`${first!.tokens}_tokens_per_s_per_chip`)]!;
    expect(thrown(() => checkCalibrationFinite(broken, prepared, file))).toMatch(
      new RegExp(
        `^${file}:${position.line}:${position.column}: ${first!.tokens}_tokens_per_s_per_chip: the fit failed: ` +
          `model ÷ measured is not a finite number: expected a rate the model can be compared with \\(at the ` +
          `${first!.efficiencies} efficiencies it gives [\\d.,]+ tokens/s per chip\\), found ` +
          `${first!.measuredTokensPerSecondPerChip} \\(model ÷ measured Infinity\\)$`
      )
    );
  });
});
