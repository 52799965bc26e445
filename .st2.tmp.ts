import {loadCatalogs} from "./src/node/catalogFiles.js";
import {locateScenario} from "./src/node/scenarioFiles.js";
import {bindScenario, ScenarioStages} from "./src/scenario/evaluate/evaluateScenario.js";
import {METRIC_READERS} from "./src/scenario/evaluate/metrics.js";
import {scenarioMedianPoint} from "./src/scenario/resolve/scenarioValues.js";
import {linspace} from "./src/uncertainty/sweep.js";
const {id, library} = locateScenario("base");
const bound = bindScenario(library.resolve(id), loadCatalogs());
const base = scenarioMedianPoint(bound.resolved);
const point = {...base};
const s0 = new ScenarioStages(bound, point);
const reuse = {serving: s0.serving, chipPriceUsd: s0.chipPriceUsd, blendedTokensPerSecondPerChip: s0.blendedTokensPerSecondPerChip};
const U = linspace(0.3, 0.9, 1000), E = linspace(0.04, 0.12, 1000);
const out = new Float64Array(65536);
const reader = METRIC_READERS["costPerMillionTokensUsd"];
for (let r = 0; r < 3; r++) {
  let t = performance.now(); let rows = 0;
  for (const u of U) for (const e of E) { point["serving.utilization"] = u; point["power.electricity"] = e; out[rows] = new ScenarioStages(bound, point, reuse).costUsdPerMTok; rows = (rows + 1) & 65535; }
  console.log("direct", (performance.now() - t).toFixed(0));
  t = performance.now();
  for (const u of U) for (const e of E) { point["serving.utilization"] = u; point["power.electricity"] = e; out[rows] = reader(new ScenarioStages(bound, point, reuse)) ?? NaN; rows = (rows + 1) & 65535; }
  console.log("reader", (performance.now() - t).toFixed(0));
  const paths = ["serving.utilization", "power.electricity"];
  t = performance.now();
  for (const u of U) for (const e of E) { point[paths[0]!] = u; point[paths[1]!] = e; out[rows] = reader(new ScenarioStages(bound, point, reuse)) ?? NaN; rows = (rows + 1) & 65535; }
  console.log("dyn keys", (performance.now() - t).toFixed(0));
}
