/**
 * Sweep benchmark (issue #17). Run: `npx tsx bench/sweep.bench.ts` (add `all` to also time every metric at 300,000
 * and 1,000,000 points and the installed command, each case three times: about 3–4 minutes on a quiet 2-core machine
 * by the README's timings, 9.6 minutes at load 8–11).
 *
 * The grid is `base` over serving.utilization × power.electricity (1,000 × 1,000 = 1,000,000 points, and 100 × 1,000
 * = 100,000), as in `token-ledger sweep base --vary serving.utilization=0.3:0.9:1000 --vary
 * power.electricity=0.04:0.12:1000 --metrics costPerMillionTokensUsd --out grid.parquet`. Compared, each in its own
 * child process so that its peak resident memory (process.resourceUsage().maxRSS) is its own, one after the other in
 * this run, so that both see the same machine load:
 *   (a) sweep      parallelSweepChunks → openTableFile, the command's path: columns in blocks, written as Parquet row
 *                  groups to a temporary file renamed into place; a sweep whose first block says the rest takes over
 *                  2 s is evaluated by worker threads, one per core (the all-metrics case), the row says how many;
 *   (b) columns    sweepScenarioChunks alone: the same evaluation into its column blocks, no file written;
 *   (c) hand loop  the practical limit: the same evaluation written by hand, the serving model run once (no varied key
 *                  feeds it) and, per point, the library's chip-hour cost and cost per token into a Float64Array;
 *   (d) writer     the Parquet writing alone: the sweep's three columns (the grid's two axes and a cost column made
 *                  before the clock starts) through openTableFile in the sweep's blocks, no evaluation: the part
 *                  of (a) that is the Parquet writer's (hyparquet-writer, the snappy package's SNAPPY), so (a) ≥ (d)
 *                  + what the evaluation takes.
 * Each child times its loop after loading the catalogs and scenarios, in wall time and in CPU time (process.cpuUsage,
 * every thread of the process: steadier than wall time on a machine shared with other work, though a sweep that
 * overlaps threads gains in wall time only); each case runs three times and the medians are printed. With `all`, the
 * installed (compiled) command is also timed whole, start-up included, when dist-lib/ is fresh (`npm run build:lib`):
 * the TypeScript sources' worker threads run slower than the compiled code users run. Targets (issue #17): sweep ≤ 2×
 * the hand loop, ≤ 10 s, peak ≤ 300 MB, flat from 100k to 1M points.
 */
import {execFileSync, spawnSync} from "node:child_process";
import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {compiledIsFresh} from "../bin/compiledIsFresh.js";
import {loadCatalogs} from "../src/node/catalogFiles.js";
import {locateScenario} from "../src/node/scenarioLibrary.js";
import {openTableFile} from "../src/node/tableFileWriter.js";
import {bindScenario, SCENARIO_METRICS, type ScenarioMetricName} from "../src/scenario/evaluate/evaluateScenario.js";
import {merchantChipHour, merchantChipPriceUsd, sharedOwnership} from "../src/scenario/evaluate/ownershipInput.js";
import {scenarioServing, servingInput} from "../src/scenario/evaluate/servingInput.js";
import {scenarioMedianPoint} from "../src/scenario/resolve/scenarioValues.js";
import {linspace} from "../src/uncertainty/linspace.js";
import {SWEEP_CHUNK_ROWS, sweepRequiredColumns, sweepScenarioChunks} from "../src/scenario/run/sweepScenario.js";
import {parallelSweepChunks} from "../src/node/parallelSweep.js";
import {_chipHourCost} from "../src/tco/chipHourCost.js";
import {blendedTokensPerSecondPerChip} from "../src/tco/blendedThroughput.js";
import {_costPerMillionTokensUsd} from "../src/tco/costPerToken.js";

interface ChildResult {
  seconds: number;
  /** CPU time of the whole process over the same span (process.cpuUsage: every thread), steadier than wall time on a
   *  loaded machine; null for the installed CLI, timed from outside. */
  cpuSeconds: number | null;
  peakRssMb: number;
  checksum: number;
  /** Worker threads the sweep started (parallelSweep.ts: only for a sweep whose first block says it is long). */
  workers: number;
}

const UTILIZATION = [0.3, 0.9] as const;
type Kind = "sweep" | "columns" | "hand" | "writer";
const ROOT = fileURLToPath(new URL("..", import.meta.url));
/** Runs of each case; the median is reported (a 2-core machine shared with other work is noisy). */
const RUNS = 3;
const ELECTRICITY = [0.04, 0.12] as const;

/** Runs a case RUNS times, each in a fresh process, and returns the run with the median time. */
function runChild(kind: Kind, points: number, metrics: string, workers = 0): ChildResult {
  const runs = Array.from({length: RUNS}, () => runChildOnce(kind, points, metrics, workers));
  const cpu = runs.map((run) => run.cpuSeconds!).sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
  // The run with the median wall time, with the median CPU time of the runs (each its own median).
  return {...runs.sort((a, b) => a.seconds - b.seconds)[Math.floor(RUNS / 2)]!, cpuSeconds: cpu};
}

/** `workers`: the sweep's --workers (0: its default, one per core). */
function runChildOnce(kind: Kind, points: number, metrics: string, workers: number): ChildResult {
  const output = execFileSync(
    process.execPath,
    ["--import", "tsx", fileURLToPath(import.meta.url), "--child", kind, String(points), metrics, String(workers)],
    {encoding: "utf8", stdio: ["ignore", "pipe", "inherit"]}
  );
  return JSON.parse(output.trim().split("\n").at(-1)!) as ChildResult;
}

async function child(
  kind: string,
  points: number,
  metrics: ScenarioMetricName[],
  threads: number
): Promise<ChildResult> {
  const {id, library} = locateScenario("base");
  const bound = bindScenario(library.resolve(id), loadCatalogs());
  const steps = points / 1000;
  const utilization = linspace(UTILIZATION[0], UTILIZATION[1], steps);
  const electricity = linspace(ELECTRICITY[0], ELECTRICITY[1], 1000);
  // The writer's input, made before the clock starts: the grid's axes and a cost column, in the sweep's blocks.
  const blocks = kind === "writer" ? writerBlocks(utilization, electricity) : [];
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  let checksum = 0;
  let workers = 0;
  if (kind === "writer") {
    const dir = mkdtempSync(join(tmpdir(), "sweep-bench-"));
    const columns = ["serving.utilization", "power.electricity", "costPerMillionTokensUsd"];
    const file = openTableFile(join(dir, "grid.parquet"), ".parquet", {columns, requiredColumns: columns});
    for (const {rows, values} of blocks) {
      file.append(rows, values);
      checksum += values.costPerMillionTokensUsd![0]!;
    }
    file.finish();
    rmSync(dir, {recursive: true, force: true});
  } else if (kind === "columns") {
    const axes = [
      {path: "serving.utilization", values: utilization},
      {path: "power.electricity", values: electricity}
    ];
    for (const chunk of sweepScenarioChunks({bound, axes, metrics}).chunks) checksum += chunk.values[metrics[0]!]![0]!;
  } else if (kind === "sweep") {
    const dir = mkdtempSync(join(tmpdir(), "sweep-bench-"));
    const axes = [
      {path: "serving.utilization", values: utilization},
      {path: "power.electricity", values: electricity}
    ];
    const {columns, chunks} = parallelSweepChunks({
      bound,
      axes,
      metrics,
      onWorkers: (count) => (workers = count),
      ...(threads > 0 ? {workers: threads} : {})
    });
    const file = openTableFile(join(dir, "grid.parquet"), ".parquet", {
      columns,
      requiredColumns: sweepRequiredColumns(columns)
    });
    for await (const chunk of chunks) {
      if (chunk.rows === 0) continue;
      file.append(chunk.rows, chunk.values);
      checksum += chunk.values[metrics[0]!]![0]!;
    }
    file.finish();
    rmSync(dir, {recursive: true, force: true});
  } else {
    const base = scenarioMedianPoint(bound.resolved);
    const serving = scenarioServing(bound, servingInput(bound, base));
    const blended = blendedTokensPerSecondPerChip({
      inputShare: base["demand.inputShare"] as number,
      prefillTokensPerSecondPerChip: serving.prefillTokensPerSecondPerChip,
      decodeTokensPerSecondPerChip: serving.decodeTokensPerSecondPerChip
    });
    const cost = new Float64Array(points);
    const point = {...base};
    const price = merchantChipPriceUsd(bound, base);
    let i = 0;
    for (const u of utilization) {
      for (const e of electricity) {
        point["power.electricity"] = e;
        const hour = _chipHourCost(merchantChipHour(bound, point, sharedOwnership(point), price));
        cost[i++] = _costPerMillionTokensUsd({
          chipHourCostUsd: hour.totalUsdPerChipHour,
          tokensPerSecondPerChip: blended,
          utilizationFraction: u
        });
      }
    }
    checksum = cost[0]! + cost[points - 1]!;
  }
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return {seconds, cpuSeconds, peakRssMb: process.resourceUsage().maxRSS / 1024, checksum, workers};
}

/** The sweep's three columns over the grid in blocks of SWEEP_CHUNK_ROWS rows (the cost column a smooth stand-in). */
function writerBlocks(
  utilization: readonly number[],
  electricity: readonly number[]
): {rows: number; values: Record<string, Float64Array>}[] {
  const total = utilization.length * electricity.length;
  const blocks = [];
  for (let start = 0; start < total; start += SWEEP_CHUNK_ROWS) {
    const rows = Math.min(SWEEP_CHUNK_ROWS, total - start);
    const u = new Float64Array(rows);
    const e = new Float64Array(rows);
    const cost = new Float64Array(rows);
    for (let i = 0; i < rows; i++) {
      u[i] = utilization[Math.floor((start + i) / electricity.length)]!;
      e[i] = electricity[(start + i) % electricity.length]!;
      cost[i] = (1 + 10 * e[i]!) / u[i]!;
    }
    blocks.push({rows, values: {"serving.utilization": u, "power.electricity": e, costPerMillionTokensUsd: cost}});
  }
  return blocks;
}

const args = process.argv.slice(2);
if (args[0] === "--child") {
  const metrics = args[3]!.split(",") as ScenarioMetricName[];
  process.stdout.write(JSON.stringify(await child(args[1]!, Number(args[2]), metrics, Number(args[4]))) + "\n");
} else {
  const cost = "costPerMillionTokensUsd";
  const cpuText = (r: ChildResult) => (r.cpuSeconds === null ? "" : `${r.cpuSeconds.toFixed(2)} s CPU`);
  const cpuRatio = (r: ChildResult, peer: ChildResult) =>
    r.cpuSeconds === null || peer.cpuSeconds === null ? "" : ` (CPU ${(r.cpuSeconds / peer.cpuSeconds).toFixed(1)}×)`;
  const row = (label: string, r: ChildResult, peer?: ChildResult) =>
    console.log(
      `${label.padEnd(42)} ${r.seconds.toFixed(2).padStart(7)} s ${cpuText(r).padStart(12)} ` +
        `${r.peakRssMb.toFixed(0).padStart(6)} MB peak` +
        (peer ? `   ${(r.seconds / peer.seconds).toFixed(1)}× the hand loop${cpuRatio(r, peer)}` : "") +
        (r.workers ? `   (${r.workers} worker threads)` : "")
    );
  console.log(
    `sweep of base, serving.utilization × power.electricity; each case in a fresh process, median of ${RUNS}`
  );
  const hand1m = runChild("hand", 1_000_000, cost);
  const columns1m = runChild("columns", 1_000_000, cost);
  const writer1m = runChild("writer", 1_000_000, cost);
  const sweep100k = runChild("sweep", 100_000, cost);
  const sweep1m = runChild("sweep", 1_000_000, cost);
  row("hand loop, cost per token, 1,000,000 points", hand1m);
  row("columns only --metrics cost, 1,000,000", columns1m, hand1m);
  row("Parquet writing alone, 3 columns, 1,000,000", writer1m, hand1m);
  row("to Parquet --metrics cost, 100,000 points", sweep100k);
  row("to Parquet --metrics cost, 1,000,000 points", sweep1m, hand1m);
  console.log(`peak memory, 1M ÷ 100k points: ${(sweep1m.peakRssMb / sweep100k.peakRssMb).toFixed(2)}`);
  if (args.includes("all")) {
    const every = SCENARIO_METRICS.join(",");
    const columnsAll = runChild("columns", 1_000_000, every);
    // 300,000 points (5 blocks): enough for the workers to start, as at 1,000,000, so that the two peaks compare.
    const all300k = runChild("sweep", 300_000, every);
    const all1m = runChild("sweep", 1_000_000, every);
    const all1mOneThread = runChild("sweep", 1_000_000, every, 1);
    row(`columns only, all ${SCENARIO_METRICS.length} metrics, 1,000,000`, columnsAll);
    row(`to Parquet, all ${SCENARIO_METRICS.length} metrics, 300,000 points`, all300k);
    row(`to Parquet, all ${SCENARIO_METRICS.length} metrics, 1,000,000`, all1m);
    row(`to Parquet, all ${SCENARIO_METRICS.length} metrics, 1,000,000, --workers 1`, all1mOneThread);
    console.log(`peak memory, all metrics, 1M ÷ 300k points: ${(all1m.peakRssMb / all300k.peakRssMb).toFixed(2)}`);
    // What a user runs: the command itself, compiled (dist-lib/; the workers above load the sources through tsx's
    // CommonJS hook, slower than the compiled code). The whole process, start-up included.
    if (compiledIsFresh(new URL("../", import.meta.url))) {
      row("installed CLI, all metrics, 1,000,000", runCliSweep(0));
      row("installed CLI, all metrics, 1,000,000, --workers 1", runCliSweep(1));
    } else console.log("installed CLI: dist-lib/ is missing or older than src/; run `npm run build:lib` to time it");
  }
}

/**
 * `token-ledger sweep` of every metric over the 1M-point grid to a temporary Parquet file, RUNS times, under
 * /usr/bin/time for the peak resident memory of the whole process (its worker threads included); the median run.
 */
function runCliSweep(workers: number): ChildResult {
  const dir = mkdtempSync(join(tmpdir(), "sweep-bench-cli-"));
  const runs = Array.from({length: RUNS}, () => {
    const args = [
      ...["-f", "%e %M", process.execPath, join(ROOT, "bin/token-ledger.js"), "sweep", "base"],
      ...["--vary", "serving.utilization=0.3:0.9:1000", "--vary", "power.electricity=0.04:0.12:1000"],
      ...(workers > 0 ? ["--workers", String(workers)] : []),
      ...["--out", join(dir, "grid.parquet")]
    ];
    const result = spawnSync("/usr/bin/time", args, {encoding: "utf8"});
    if (result.status !== 0) throw new Error(`token-ledger sweep exited ${result.status}: ${result.stderr}`);
    const [seconds, peakKb] = result.stderr.trim().split("\n").at(-1)!.split(" ").map(Number);
    return {seconds: seconds!, cpuSeconds: null, peakRssMb: peakKb! / 1024, checksum: 0, workers: 0};
  });
  rmSync(dir, {recursive: true, force: true});
  return runs.sort((a, b) => a.seconds - b.seconds)[Math.floor(RUNS / 2)]!;
}
