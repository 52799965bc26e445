// The serving model against every published measurement (src/node/calibrationData.ts), for /model-accuracy.
// A user mistake in data/ is written as {problems} for the page to show (src/node/loaderJson.ts).
import {writeLoaderJson} from "../../src/node/loaderJson.js";
import {buildCalibrationData} from "../../src/node/calibrationData.js";

writeLoaderJson(buildCalibrationData);
