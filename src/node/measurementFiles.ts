import {relative, resolve} from "node:path";
import type {Measurement} from "../inference/calibration/measurement.js";
import {GRAPH_CAPTURES} from "../inference/calibration/measurement.js";
import {measurementColumnsOf, parseMeasurementsCsv} from "../inference/calibration/parseMeasurementsCsv.js";
import {readCsvRecords} from "../catalog/csvCells.js";
import {DATA_DIR, realPath} from "./paths.js";
import {readCsvText} from "./readText.js";

/** The published serving measurements file, data/measurements.csv. */
export const MEASUREMENTS_FILE = resolve(DATA_DIR, "measurements.csv");

/**
 * Reads and validates data/measurements.csv (or `path`); `file` is the path as messages show it. The package's own
 * file must have every column; another (`calibration --measurements FILE`) may lack `graph_capture` (written before
 * it): its rows then take "unknown", and `notes` holds one line saying so, for the command to print; or
 * `output_tokens_cv`: its rows then take every request the same length, and a note says so too (the fit moves with it).
 * Throws: UserError when the file cannot be read; UserErrors for bad cells (parseMeasurementsCsv).
 */
export function loadMeasurements(path = MEASUREMENTS_FILE): {
  measurements: Measurement[];
  file: string;
  text: string;
  notes: string[];
} {
  const rel = relative(process.cwd(), path);
  const file = rel.startsWith("..") ? path : rel;
  // Why it cannot be read, as a catalog's error says (readCsvText): a folder was only "cannot read" (breaker).
  const text = readCsvText(path, file, "measurements");
  const allColumns = realPath(path) === realPath(MEASUREMENTS_FILE);
  const measurements = parseMeasurementsCsv(text, {file, allColumns});
  const columns = allColumns ? null : measurementColumnsOf(readCsvRecords(text, {file}).header?.cells);
  const notes = [
    ...(columns && !columns.includes("graph_capture") ? [graphCaptureNote(file, measurements.length)] : []),
    ...(columns && !columns.includes("output_tokens_cv") ? [outputSpreadNote(file, measurements.length)] : [])
  ];
  return {measurements, file, text, notes};
}

/** The note for a measurements file without the `output_tokens_cv` column: its requests are taken as all alike. */
function outputSpreadNote(file: string, rows: number): string {
  return (
    `${file}:1:1: no 'output_tokens_cv' column, so its ${rows === 1 ? "measurement takes" : `${rows} measurements take`} ` +
    `every answer the same length; where a benchmark's answers vary, add an 'output_tokens_cv' column after ` +
    `'output_tokens' holding their spread (standard deviation ÷ mean, e.g. 0.778 for MLPerf's Mixtral set), empty ` +
    `where they do not vary`
  );
}

/** The note for a measurements file without the `graph_capture` column: its rows are read as "unknown". */
function graphCaptureNote(file: string, rows: number): string {
  return (
    `${file}:1:1: no 'graph_capture' column, so its ${rows === 1 ? "measurement takes" : `${rows} measurements take`} ` +
    `graph_capture 'unknown'; to say whether a run captured its steps as graphs, add a 'graph_capture' column after ` +
    `'stack' holding one of ${GRAPH_CAPTURES.join(", ")} on every row`
  );
}
