/**
 * Serving model benchmark: what one prediction costs a fitter. Run: `npx tsx bench/serving-model.bench.ts`.
 *
 * Times predictMeasurement (memory cap, decode step, two prefills, collectives; src/inference/predictMeasurement.ts)
 * over a spread of measurement shapes and efficiencies, against a peer measured in the same run: the bare memory-bound
 * decode formula (weights ÷ bandwidth), the least any serving model can compute. Prints µs per call and the ratio.
 */
import {DEFAULT_SERVING_EFFICIENCIES, type ServingEfficiencies} from "../src/inference/efficiencies.js";
import {predictMeasurement, type MeasurementShape} from "../src/inference/predictMeasurement.js";
import {loadCatalogs} from "../src/node/catalogFiles.js";

const {hardware, models} = loadCatalogs();
const pick = <T extends {id: string}>(rows: T[], id: string) => rows.find((row) => row.id === id)!;
const shapes: MeasurementShape[] = [
  ["h200-sxm", "llama-2-70b", 1, 1, 8, null],
  ["h100-sxm", "llama-3.1-70b", 2, 1, 2, 1],
  ["mi300x", "llama-3.1-405b", 8, 1, 8, 64],
  ["b200", "deepseek-v3", 8, 8, 8, 64]
].map(([chip, model, tp, ep, chips, concurrency]) => ({
  hardware: pick(hardware, chip as string),
  model: pick(models, model as string),
  precision: "fp8",
  tensorParallel: tp as number,
  expertParallel: ep as number,
  chips: chips as number,
  inputTokens: 2048,
  outputTokens: 512,
  cacheHitFraction: 0,
  concurrency: concurrency as number | null,
  stack: "vllm" as const
}));
const efficiencies: ServingEfficiencies[] = Array.from({length: 64}, (_, i) => ({
  ...DEFAULT_SERVING_EFFICIENCIES,
  bandwidthFraction: 0.5 + (i % 8) / 16,
  computeFraction: 0.3 + (i % 16) / 40
}));

function time(label: string, calls: number, f: (i: number) => number): number {
  let sink = 0;
  for (let i = 0; i < calls / 10; i++) sink += f(i); // warm-up
  const runs: number[] = [];
  for (let r = 0; r < 7; r++) {
    const start = performance.now();
    for (let i = 0; i < calls; i++) sink += f(i);
    runs.push(((performance.now() - start) * 1e3) / calls);
  }
  runs.sort((a, b) => a - b);
  const median = runs[3]!;
  console.log(`${label.padEnd(28)} ${median.toFixed(3)} µs per call (checksum ${sink.toExponential(3)})`);
  return median;
}

const calls = 100_000;
const model = time("predictMeasurement", calls, (i) => {
  const shape = shapes[i % shapes.length]!;
  return predictMeasurement(shape, efficiencies[i % efficiencies.length]!).outputTokensPerSecondPerChip;
});
const peer = time("weights ÷ bandwidth (peer)", calls, (i) => {
  const shape = shapes[i % shapes.length]!;
  const e = efficiencies[i % efficiencies.length]!;
  return (shape.hardware.hbmBandwidthBytesPerS * shape.chips * e.bandwidthFraction) / shape.model.params;
});
console.log(`ratio: predictMeasurement takes ${(model / peer).toFixed(0)}× the bare formula`);
