// placeholder, regenerated below
import type {ServingCalibration} from "./calibratedEfficiencies.js";
import {DEFAULT_SERVING_EFFICIENCIES} from "./efficiencies.js";
const e = {count: 0, medianAbsoluteError: 0, shareWithin25: 0, shareWithin35: 0, medianRatio: 1, ratioP10: 1, ratioP90: 1};
export const SERVING_CALIBRATION: ServingCalibration = {measurementsSha256: "", pooled: DEFAULT_SERVING_EFFICIENCIES, groups: {}, fit: e, heldOut: e};
