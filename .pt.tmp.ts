import {loadCatalogs} from "./src/node/catalogFiles.js";
import {locateScenario} from "./src/node/scenarioFiles.js";
import {applyOverrides} from "./src/scenario/resolve/applyOverrides.js";
import {bindScenario, evaluateScenarioPoint} from "./src/scenario/evaluate/evaluateScenario.js";
import {scenarioMedianPoint} from "./src/scenario/resolve/scenarioValues.js";
const {id, library} = locateScenario("asic-9-months");
const resolved = library.resolve(id);
const catalogs = loadCatalogs();
const sets = ["serving.utilization=55%"];
for (let r = 0; r < 200; r++) {
  const t0 = performance.now();
  const edited = applyOverrides(resolved, sets, "--set");
  const t1 = performance.now();
  const bound = bindScenario(edited, catalogs);
  const t2 = performance.now();
  const med = scenarioMedianPoint(edited);
  const t3 = performance.now();
  evaluateScenarioPoint(bound, med);
  const t4 = performance.now();
  if (r % 50 === 49) console.log("apply", (t1-t0).toFixed(2), "bind", (t2-t1).toFixed(2), "median", (t3-t2).toFixed(2), "eval", (t4-t3).toFixed(2));
}
