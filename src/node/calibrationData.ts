import {SERVING_CALIBRATION} from "../inference/calibratedEfficiencies.js";
import {calibrationReport, prepareMeasurements, type CalibrationReport} from "../inference/calibration/calibrate.js";
import {measurementCurves, type MeasurementCurve} from "../inference/calibration/measurementCurves.js";
import type {NamedCatalogs} from "../scenario/narrative/catalogValueName.js";
import type {ChipWiring} from "../inference/communication.js";
import {loadCatalogs} from "./catalogFiles.js";
import {loadMeasurements} from "./measurementFiles.js";

/** What the "How good is the serving model?" page reads: the report at the committed efficiencies, and the curves. */
export interface CalibrationData {
  report: CalibrationReport;
  curves: MeasurementCurve[];
  /** Each chip's and model's name by its id (data/hardware.csv, data/models.csv), for the page to name rows by. */
  names: NamedCatalogs;
  /**
   * The catalog's chips whose scale-up domain is a full mesh (data/hardware.csv's scale_up_topology), with their
   * links, for the page to say what a group of fewer chips gets (src/inference/communication.ts).
   */
  fullMeshChips: FullMeshChip[];
  /** The measurements file, as messages name it. */
  file: string;
}

/** A full-mesh chip of the catalog: its id, name and links. */
export type FullMeshChip = {id: string; name: string} & ChipWiring;

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
    fullMeshChips: catalogs.hardware
      .filter((h) => h.scaleUpTopology === "full-mesh")
      .map((h) => ({
        id: h.id,
        name: h.name,
        scaleUpBandwidthBytesPerS: h.scaleUpBandwidthBytesPerS,
        scaleUpChips: h.scaleUpChips,
        scaleUpTopology: h.scaleUpTopology,
        scaleOutBandwidthBytesPerS: h.scaleOutBandwidthBytesPerS
      })),
    file
  };
}
