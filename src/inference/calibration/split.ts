import type {ComparableMeasurement} from "./measurementShape.js";
import type {ChipFamily} from "../../catalog/chipFamily.js";
import type {SoftwareStack} from "./measurement.js";

/** The unit efficiencies are fitted per: a chip family and a software stack ("hopper/trtllm"). */
export type CalibrationGroup = `${ChipFamily}/${SoftwareStack}`;

export function calibrationGroup(m: ComparableMeasurement): CalibrationGroup {
  return `${m.hardware.family}/${m.measurement.stack}`;
}

/** Which side of the fit a measurement is on. */
export type CalibrationSplit = "fit" | "held-out";

/**
 * The stated split: within each group, measurements in id order; every third one (the 3rd, 6th, …) is held out of
 * the fit and used only to report the error. Deterministic, and independent of the measured values, so the held-out
 * error is not chosen after the fact.
 */
export function calibrationSplit(measurements: readonly ComparableMeasurement[]): Map<string, CalibrationSplit> {
  return everyThirdUnit(measurements, (m) => m.measurement.id);
}

/**
 * The system a measurement ran on, whatever its workload: chip, chip count, model, precision, tensor parallelism and
 * software stack. An MLPerf submission's offline, server and interactive runs, the points of one concurrency sweep
 * and one system's request lengths are one system.
 */
export function measurementSystem(m: ComparableMeasurement): string {
  const {hardware, chips, model, precision, tensorParallel, stack} = m.measurement;
  return [hardware, chips, model, precision, tensorParallel ?? "", stack].join("|");
}

/**
 * A stricter split, for a second estimate of the error: within each group, the systems (measurementSystem) in the
 * order of their first id; every third one is held out whole, with all its runs. calibrationSplit holds out one
 * measurement in three, often beside a fitted near copy (a server run beside its submission's offline one, one point
 * of a concurrency sweep beside the next), so its error is the model's on systems the fit has as good as seen; this
 * one's is the error to expect on a system nobody has measured (a numbers audit). Deterministic, and independent of
 * the measured values.
 */
export function systemSplit(measurements: readonly ComparableMeasurement[]): Map<string, CalibrationSplit> {
  return everyThirdUnit(measurements, measurementSystem);
}

/**
 * Within each group, the units `unitOf` names (a measurement, a system) in the order of their first id; every third
 * one (the 3rd, 6th, …) is held out with all its measurements.
 */
function everyThirdUnit(
  measurements: readonly ComparableMeasurement[],
  unitOf: (m: ComparableMeasurement) => string
): Map<string, CalibrationSplit> {
  const byGroup = new Map<CalibrationGroup, Map<string, string[]>>();
  for (const m of measurements) {
    const units = byGroup.get(calibrationGroup(m)) ?? new Map<string, string[]>();
    byGroup.set(calibrationGroup(m), units);
    units.set(unitOf(m), [...(units.get(unitOf(m)) ?? []), m.measurement.id]);
  }
  const split = new Map<string, CalibrationSplit>();
  for (const units of byGroup.values()) {
    const ordered = [...units.values()].map((ids) => [...ids].sort()).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
    ordered.forEach((ids, i) => {
      for (const id of ids) split.set(id, i % 3 === 2 ? "held-out" : "fit");
    });
  }
  return split;
}
