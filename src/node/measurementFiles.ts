import {relative, resolve} from "node:path";
import type {Measurement} from "../inference/calibration/measurement.js";
import {parseMeasurementsCsv} from "../inference/calibration/parseMeasurementsCsv.js";
import {DATA_DIR} from "./paths.js";
import {readCsvText} from "./readText.js";

/** The published serving measurements file, data/measurements.csv. */
export const MEASUREMENTS_FILE = resolve(DATA_DIR, "measurements.csv");

/**
 * Reads and validates data/measurements.csv (or `path`); `file` is the path as messages show it.
 * Throws: UserError when the file cannot be read; UserErrors for bad cells (parseMeasurementsCsv).
 */
export function loadMeasurements(path = MEASUREMENTS_FILE): {measurements: Measurement[]; file: string; text: string} {
  const rel = relative(process.cwd(), path);
  const file = rel.startsWith("..") ? path : rel;
  // Why it cannot be read, as a catalog's error says (readCsvText): a folder was only "cannot read" (breaker).
  const text = readCsvText(path, file, "measurements");
  return {measurements: parseMeasurementsCsv(text, {file}), file, text};
}
