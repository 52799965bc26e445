import {Worker} from "node:worker_threads";
import {loadCatalogs} from "./src/node/catalogFiles.js";
import {locateScenario} from "./src/node/scenarioLibrary.js";
import {bindScenario} from "./src/scenario/evaluate/evaluateScenario.js";
import {linspace} from "./src/uncertainty/linspace.js";
import {sweepScenarioChunks} from "./src/scenario/run/sweepScenario.js";
const kind = process.argv[2];
const {id, library} = locateScenario("base");
const bound = bindScenario(library.resolve(id), loadCatalogs());
const axes = [{path: "serving.utilization", values: linspace(0.3, 0.9, 1000)}, {path: "power.electricity", values: linspace(0.04, 0.12, 1000)}];
const metrics = ["costPerMillionTokensUsd"] as any;
let w: Worker | undefined;
if (kind === "idleworker") w = new Worker("setInterval(()=>{}, 1000)", {eval: true, execArgv: []});
if (kind === "pqworker") w = new Worker(new URL("./.pq.tmp.mjs", import.meta.url), {workerData: {columns: ["a"], required: [], path: "/tmp/zz.parquet"}, execArgv: []});
if (kind === "posting") w = new Worker(new URL("./.pq.tmp.mjs", import.meta.url), {workerData: {columns: ["a"], required: [], path: "/tmp/zz.parquet"}, execArgv: [], env: {NOENC: "1"}});
const t0 = performance.now();
let s = 0;
for (const c of sweepScenarioChunks({bound, axes, metrics}).chunks) {
  if (kind === "copy") for (const v of Object.values(c.values)) s += (v as Float64Array).slice(0, c.rows)[0]!;
  if (kind === "posting") { const copy = (c.values as any).costPerMillionTokensUsd.slice(0, c.rows); w!.postMessage({rows: c.rows, values: {a: copy}}, [copy.buffer]); }
  s += c.rows;
}
console.log(kind, ((performance.now() - t0) / 1000).toFixed(3));
await w?.terminate();
