import {loadCatalogs} from "./src/node/catalogFiles.js";
import {locateScenario} from "./src/node/scenarioLibrary.js";
import {bindScenario, SCENARIO_METRICS} from "./src/scenario/evaluate/evaluateScenario.js";
import {sweepScenarioChunks} from "./src/scenario/run/sweepScenario.js";
import {linspace} from "./src/uncertainty/linspace.js";
const {id, library} = locateScenario("base");
const bound = bindScenario(library.resolve(id), loadCatalogs());
const axes = [{path: "serving.utilization", values: linspace(0.3, 0.9, +(process.env.U ?? 100))}, {path: "power.electricity", values: linspace(0.04, 0.12, 1000)}];
const sets = process.argv.slice(2).length ? process.argv.slice(2).map((s) => s.split(",")) : [["chipHourCostUsd"], ["revenuePerMwHourUsd"], ["tokensPerSecondPerMw"], ["costPerMillionTokensUsd"],["inferenceTaxShare"],["siliconNpvUsd"],["trainingCostUsd"],["inferenceSpendUsd"],["modelLeadValueUsd"],["flywheelCostReduction"],["fleetCostPerDayUsd"], [...SCENARIO_METRICS]];
for (let rep = 0; rep < 2; rep++) for (const metrics of sets) {
  const t = performance.now();
  const {chunks} = sweepScenarioChunks({bound, axes, metrics: metrics as any});
  let n = 0; for (const c of chunks) n += c.rows;
  if (rep) console.log(((performance.now() - t) / n * 1000).toFixed(2), "µs/pt", metrics.length > 3 ? "all" : metrics.join(","));
}
