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
  const byGroup = new Map<CalibrationGroup, ComparableMeasurement[]>();
  for (const m of measurements) byGroup.set(calibrationGroup(m), [...(byGroup.get(calibrationGroup(m)) ?? []), m]);
  const split = new Map<string, CalibrationSplit>();
  for (const rows of byGroup.values()) {
    const ids = rows.map((m) => m.measurement.id).sort();
    ids.forEach((id, i) => split.set(id, i % 3 === 2 ? "held-out" : "fit"));
  }
  return split;
}
