import {loadCatalogs} from "./src/node/catalogFiles.js";
import {locateScenario} from "./src/node/scenarioFiles.js";
import {bindScenario, ScenarioStages} from "./src/scenario/evaluate/evaluateScenario.js";
import {scenarioMedianPoint} from "./src/scenario/resolve/scenarioValues.js";
import {merchantChipHour, merchantChipPriceUsd, sharedOwnership} from "./src/scenario/evaluate/ownershipInput.js";
import {chipHourCost} from "./src/tco/chipHourCost.js";
const {id, library} = locateScenario("base");
const bound = bindScenario(library.resolve(id), loadCatalogs());
const base = scenarioMedianPoint(bound.resolved);
console.log("keys in point", Object.keys(base).length);
const point = {...base};
const s0 = new ScenarioStages(bound, point);
const reuse = {serving: s0.serving, chipPriceUsd: s0.chipPriceUsd, blendedTokensPerSecondPerChip: s0.blendedTokensPerSecondPerChip};
const price = s0.chipPriceUsd;
function time(label: string, f: () => number) {
  for (let r = 0; r < 3; r++) {
    const t = performance.now(); let acc = 0;
    for (let i = 0; i < 1_000_000; i++) { point["power.electricity"] = 0.04 + (i % 1000) * 8e-5; acc += f(); }
    if (r === 2) console.log(label.padEnd(30), (performance.now() - t).toFixed(0), "ms", acc > 0);
  }
}
time("stages alloc", () => (new ScenarioStages(bound, point, reuse), 1));
time("sharedOwnership", () => sharedOwnership(point).costOfCapitalPerYear ?? 1);
time("merchantChipHour", () => merchantChipHour(bound, point, sharedOwnership(point), price).chipPriceUsd);
time("chipHourCost(...)", () => chipHourCost(merchantChipHour(bound, point, sharedOwnership(point), price)).totalUsdPerChipHour);
time("stages cost", () => new ScenarioStages(bound, point, reuse).costUsdPerMTok);
import {sweepScenarioChunks} from "./src/scenario/run/sweepScenario.js";
import {linspace} from "./src/uncertainty/sweep.js";
for (const n of [1000, 1000, 1_000_000, 1_000_000]) {
  const t = performance.now();
  const axes = [{path: "serving.utilization", values: linspace(0.3, 0.9, n / 1000)}, {path: "power.electricity", values: linspace(0.04, 0.12, 1000)}];
  const {chunks} = sweepScenarioChunks({bound, axes, metrics: ["costPerMillionTokensUsd"]});
  let k = 0;
  for (const c of chunks) k += c.rows;
  console.log("sweep", n, (performance.now() - t).toFixed(0), "ms");
}
