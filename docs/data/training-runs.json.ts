// The training model against every published run (src/node/trainingRunsData.ts), for /model-accuracy.
// A user mistake in data/ is written as {problems} for the page to show (src/node/loaderJson.ts).
import {writeLoaderJson} from "../../src/node/loaderJson.js";
import {buildTrainingRunsData} from "../../src/node/trainingRunsData.js";

writeLoaderJson(buildTrainingRunsData);
