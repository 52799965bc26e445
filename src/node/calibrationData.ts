import {SERVING_CALIBRATION} from "../inference/calibratedEfficiencies.js";
import {calibrationReport, prepareMeasurements, type CalibrationReport} from "../inference/calibration/calibrate.js";
import {measurementCurves, type MeasurementCurve} from "../inference/calibration/measurementCurves.js";
import type {NamedCatalogs} from "../scenario/narrative/catalogValueName.js";
import {loadCatalogs} from "./catalogFiles.js";
import {loadMeasurements} from "./measurementFiles.js";

/** What the "How good is the serving model?" page reads: the report at the committed efficiencies, and the curves. */
export interface CalibrationData {
  report: CalibrationReport;
  curves: MeasurementCurve[];
  /** Each chip's and model's name by its id (data/hardware.csv, data/models.csv), for the page to name rows by. */
  names: NamedCatalogs;
  /** The measurements file, as messages name it. */
  file: string;
}

/**
 * Compares the serving model at its committed efficiencies (src/inference/servingCalibration.generated.ts) with every
 * measurement of data/measurements.csv: no refit (that is `token-ledger calibration --write`), so it is quick.
 */
export function buildCalibrationData(): CalibrationData {
  const {measurements, file} = loadMeasurements();
  const catalogs = loadCatalogs();
  const prepared = prepareMeasurements(measurements, catalogs, file);
  const named = (rows: readonly {id: string; name: string}[]) => rows.map(({id, name}) => ({id, name}));
  return {
    report: calibrationReport(prepared, SERVING_CALIBRATION, SERVING_CALIBRATION.heldOutBySystem),
    curves: measurementCurves(prepared.comparable, SERVING_CALIBRATION),
    names: {hardware: named(catalogs.hardware), models: named(catalogs.models)},
    file
  };
}
