// Page loader: one page per scenario file in data/scenarios/ (the config lists them in dynamicPaths). It prints the
// same page as token-ledger's own scenario pages: the scenario's title, description and narrative, the charts, cards
// and sliders of what the scenario is about, every model's charts, the uncertainty bands, every metric and
// assumption with its source, a share link and downloads, all recomputed in the browser when a slider moves.
// A scenario file with errors gets a page that lists them as `npx token-ledger validate` prints them.
import {parseArgs} from "node:util";
import {checkScenarioFiles, dataVersion} from "token-ledger/node";
import {scenarioPageMarkdown} from "token-ledger/components/scenarioPageMarkdown.js";

const {values} = parseArgs({options: {id: {type: "string"}}});
process.stdout.write(scenarioPageMarkdown(values.id ?? "", checkScenarioFiles(), dataVersion(), "package"));
