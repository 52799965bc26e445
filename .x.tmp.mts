import {Worker} from "node:worker_threads";
import {loadCatalogs} from "./src/node/catalogFiles.js";
import {locateScenario} from "./src/node/scenarioLibrary.js";
import {openTableFile} from "./src/node/tableFileWriter.js";
import {bindScenario} from "./src/scenario/evaluate/evaluateScenario.js";
import {linspace} from "./src/uncertainty/linspace.js";
import {sweepRequiredColumns, sweepScenarioChunks} from "./src/scenario/run/sweepScenario.js";
const kind = process.argv[2];
const {id, library} = locateScenario("base");
const bound = bindScenario(library.resolve(id), loadCatalogs());
const axes = [{path: "serving.utilization", values: linspace(0.3, 0.9, 1000)}, {path: "power.electricity", values: linspace(0.04, 0.12, 1000)}];
const metrics = ["costPerMillionTokensUsd"] as any;
const t0 = performance.now();
if (kind === "columns") {
  let s = 0; for (const c of sweepScenarioChunks({bound, axes, metrics}).chunks) s += c.rows;
} else if (kind === "inline") {
  const {columns, chunks} = sweepScenarioChunks({bound, axes, metrics});
  const f = openTableFile("/tmp/g1.parquet", ".parquet", {columns, requiredColumns: sweepRequiredColumns(columns)});
  for (const c of chunks) if (c.rows) f.append(c.rows, c.values);
  f.finish();
} else {
  const {columns, chunks} = sweepScenarioChunks({bound, axes, metrics});
  const w = new Worker(new URL("./.pq.tmp.mjs", import.meta.url), {workerData: {columns, required: sweepRequiredColumns(columns), path: "/tmp/g2.parquet"}, execArgv: []});
  let inflight = 0; let wake: (() => void) | null = null; let done: (() => void) | null = null;
  w.on("message", (m) => { if (m.ready) console.log("ready at", (performance.now()-t0).toFixed(0)); if (m.enc !== undefined) console.log("worker encode ms", m.enc.toFixed(0)); if (m.ack) { inflight--; wake?.(); wake = null; } if (m.done) done?.(); });
  for (const c of chunks) {
    if (!c.rows) continue;
    const values: Record<string, Float64Array> = {};
    const transfer = [];
    for (const [k, v] of Object.entries(c.values)) { const copy = (v as Float64Array).slice(0, c.rows); values[k] = copy; transfer.push(copy.buffer); }
    w.postMessage({rows: c.rows, values}, transfer); inflight++;
    if (inflight >= 64) await new Promise<void>((r) => (wake = r));
  }
  const tEval = performance.now() - t0;
  await new Promise<void>((r) => { done = r; w.postMessage({finish: true}); });
  console.log("eval+post done at", tEval.toFixed(0), "ms");
  await w.terminate();
}
console.log(kind, ((performance.now() - t0) / 1000).toFixed(3), "s", (process.resourceUsage().maxRSS / 1024).toFixed(0), "MB");
