// The serving model against every published measurement (src/node/calibrationData.ts), for /model-accuracy.
// A user mistake in data/ prints one line naming file, line and column, and exits non-zero so nothing is cached.
import {isUserError} from "../../src/errors/userError.js";
import {buildCalibrationData} from "../../src/node/calibrationData.js";

try {
  process.stdout.write(JSON.stringify(buildCalibrationData()));
} catch (error) {
  if (!isUserError(error)) throw error;
  console.error(error.message);
  process.exit(1);
}
