// Page loader: one page per data/scenarios/<id>.md (observablehq.config.ts lists every id in dynamicPaths). It prints
// the page's Markdown (docs/components/scenarioPageMarkdown.ts, which a report project's loader prints too): the
// scenario's title, description and narrative, then cells that recompute in the browser when a control or the URL
// changes. A scenario file with errors gets a page that lists them where `validate` would.
import {parseArgs} from "node:util";
import {isUserError} from "../../src/errors/userError.js";
import {checkScenarioFiles} from "../../src/node/scenarioCheck.js";
import {dataVersion} from "../../src/node/dataVersion.js";
import {scenarioPageMarkdown} from "../components/scenarioPageMarkdown.js";

const {
  values: {id}
} = parseArgs({options: {id: {type: "string"}}});

try {
  if (!id) throw new Error("the scenario page loader needs --id");
  process.stdout.write(scenarioPageMarkdown(id, checkScenarioFiles(), dataVersion(), "repository"));
} catch (error) {
  if (!isUserError(error)) throw error;
  console.error(error.message);
  process.exit(1);
}
