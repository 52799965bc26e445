// The training model against every published run (src/node/trainingRunsData.ts), for /model-accuracy.
// A user mistake in data/ prints one line naming file, line and column, and exits non-zero so nothing is cached.
import {isUserError} from "../../src/errors/userError.js";
import {buildTrainingRunsData} from "../../src/node/trainingRunsData.js";

try {
  process.stdout.write(JSON.stringify(buildTrainingRunsData()));
} catch (error) {
  if (!isUserError(error)) throw error;
  console.error(error.message);
  process.exit(1);
}
