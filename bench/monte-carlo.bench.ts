/**
 * Monte Carlo engine benchmark (issue #6). Run: `npx tsx --expose-gc bench/monte-carlo.bench.ts`.
 *
 * The model is the cost per million tokens of one accelerator with eight assumptions: six uncertain (lognormal chip
 * price, normal power and PUE, lognormal electricity price and throughput, uniform utilisation) and two fixed (useful
 * life, cost of capital):
 *   capital per hour = price × CRF(r, life) / 8766;  energy per hour = powerKw × PUE × USD/kWh;
 *   USD per Mtok = (capital + energy) / (tokens/s × 3600 × utilisation) × 1e6.
 * Compared, each including sampling, evaluation and the summary (mean, sd, p5…p95):
 *   (a) engine     monteCarlo() from src/uncertainty with `evaluateAt` (reads the sample arrays by index); its record
 *                  mode (`evaluate`, one reused input record) is timed too and reported beside it;
 *   (b) hand loop  the same sampler and PRNG into Float64Arrays, then a hand-written loop of the formula;
 *   (c) squiggle   @quri/squiggle-lang 0.10 `run` of the equivalent program with sampleCount set, returning mean,
 *                  stdev and quantiles (SampleSet.fromDist forces sample sets, so the samples are really drawn).
 * Timings are medians over repeats after warm-up. Targets (issue #6): engine ≥ 10× faster than squiggle at 100k
 * samples, ≥ 50× at 1k, ≤ 1.5× the hand loop; heap for 1,000,000 samples < 200 MB.
 */
import {run} from "@quri/squiggle-lang";
import type {Distribution} from "../src/uncertainty/distribution.js";
import {lognormalFromInterval, normalFromInterval, uniformFromRange} from "../src/uncertainty/interval.js";
import {monteCarlo} from "../src/uncertainty/monteCarlo.js";
import {createRng, type Rng} from "../src/uncertainty/rng.js";
import {sampleInto} from "../src/uncertainty/sample.js";
import {summarize, type SummaryStats} from "../src/uncertainty/summary.js";
import {fillNormal} from "../src/uncertainty/ziggurat.js";

const HOURS_PER_YEAR = 8766; // 365.25 × 24
const SEED = 20240601;

/** 90% intervals of the six uncertain assumptions, and the two fixed ones. */
const ASSUMPTIONS = {
  chipPriceUsd: {p5: 20_000, p95: 40_000},
  powerKw: {p5: 0.95, p95: 1.25},
  pue: {p5: 1.1, p95: 1.4},
  electricityUsdPerKwh: {p5: 0.04, p95: 0.12},
  tokensPerS: {p5: 1_500, p95: 4_000},
  utilisationFraction: {min: 0.4, max: 0.8},
  lifeYears: 4,
  costOfCapitalPerYear: 0.1
};

type Input = "chipPriceUsd" | "powerKw" | "pue" | "electricityUsdPerKwh" | "tokensPerS" | "utilisationFraction";

/** Capital recovery factor of the two fixed assumptions: r(1+r)^n / ((1+r)^n − 1), computed once, as Squiggle does. */
const GROWTH = Math.pow(1 + ASSUMPTIONS.costOfCapitalPerYear, ASSUMPTIONS.lifeYears);
const CRF = (ASSUMPTIONS.costOfCapitalPerYear * GROWTH) / (GROWTH - 1);

const INPUTS: Record<Input, Distribution> = {
  chipPriceUsd: lognormalFromInterval(ASSUMPTIONS.chipPriceUsd),
  powerKw: normalFromInterval(ASSUMPTIONS.powerKw),
  pue: normalFromInterval(ASSUMPTIONS.pue),
  electricityUsdPerKwh: lognormalFromInterval(ASSUMPTIONS.electricityUsdPerKwh),
  tokensPerS: lognormalFromInterval(ASSUMPTIONS.tokensPerS),
  utilisationFraction: uniformFromRange(ASSUMPTIONS.utilisationFraction)
};

/** The model as an author writes it for the engine's indexed mode (`evaluateAt`). */
function costModelAt(
  x: Readonly<Record<Input, Float64Array>>,
  i: number,
  out: Readonly<Record<"costUsdPerMTok", Float64Array>>
): void {
  const capitalUsdPerHour = (x.chipPriceUsd[i]! * CRF) / HOURS_PER_YEAR;
  const energyUsdPerHour = x.powerKw[i]! * x.pue[i]! * x.electricityUsdPerKwh[i]!;
  out.costUsdPerMTok[i] =
    ((capitalUsdPerHour + energyUsdPerHour) / (x.tokensPerS[i]! * 3600 * x.utilisationFraction[i]!)) * 1e6;
}

/** The same model for the record mode (`evaluate`): one reused record per sample. */
function costModel(x: Readonly<Record<Input, number>>, out: Record<"costUsdPerMTok", number>): void {
  const capitalUsdPerHour = (x.chipPriceUsd * CRF) / HOURS_PER_YEAR;
  const energyUsdPerHour = x.powerKw * x.pue * x.electricityUsdPerKwh;
  out.costUsdPerMTok = ((capitalUsdPerHour + energyUsdPerHour) / (x.tokensPerS * 3600 * x.utilisationFraction)) * 1e6;
}

function engine(n: number): SummaryStats {
  return monteCarlo({samples: n, seed: SEED, inputs: INPUTS, outputs: ["costUsdPerMTok"], evaluateAt: costModelAt})
    .outputs.costUsdPerMTok;
}

function engineRecord(n: number): SummaryStats {
  return monteCarlo({samples: n, seed: SEED, inputs: INPUTS, outputs: ["costUsdPerMTok"], evaluate: costModel}).outputs
    .costUsdPerMTok;
}

/** The same sampler and streams, then the formula written out over the typed arrays. */
function handLoop(n: number): SummaryStats {
  const col = (key: Input): Float64Array => sampleInto(INPUTS[key], new Float64Array(n), createRng(SEED, key));
  const price = col("chipPriceUsd");
  const power = col("powerKw");
  const pue = col("pue");
  const elec = col("electricityUsdPerKwh");
  const tps = col("tokensPerS");
  const util = col("utilisationFraction");
  const cost = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const capital = (price[i]! * CRF) / HOURS_PER_YEAR;
    const energy = power[i]! * pue[i]! * elec[i]!;
    cost[i] = ((capital + energy) / (tps[i]! * 3600 * util[i]!)) * 1e6;
  }
  return summarize(cost, {inPlace: true});
}

const SQUIGGLE_PROGRAM = `
chipPriceUsd = SampleSet.fromDist(lognormal({p5: ${ASSUMPTIONS.chipPriceUsd.p5}, p95: ${ASSUMPTIONS.chipPriceUsd.p95}}))
powerKw = SampleSet.fromDist(normal({p5: ${ASSUMPTIONS.powerKw.p5}, p95: ${ASSUMPTIONS.powerKw.p95}}))
pue = SampleSet.fromDist(normal({p5: ${ASSUMPTIONS.pue.p5}, p95: ${ASSUMPTIONS.pue.p95}}))
electricityUsdPerKwh = SampleSet.fromDist(lognormal({p5: ${ASSUMPTIONS.electricityUsdPerKwh.p5}, p95: ${ASSUMPTIONS.electricityUsdPerKwh.p95}}))
tokensPerS = SampleSet.fromDist(lognormal({p5: ${ASSUMPTIONS.tokensPerS.p5}, p95: ${ASSUMPTIONS.tokensPerS.p95}}))
utilisationFraction = SampleSet.fromDist(uniform(${ASSUMPTIONS.utilisationFraction.min}, ${ASSUMPTIONS.utilisationFraction.max}))
lifeYears = ${ASSUMPTIONS.lifeYears}
r = ${ASSUMPTIONS.costOfCapitalPerYear}
growth = (1 + r) ^ lifeYears
crf = r * growth / (growth - 1)
capitalUsdPerHour = chipPriceUsd * crf / ${HOURS_PER_YEAR}
energyUsdPerHour = powerKw * pue * electricityUsdPerKwh
cost = (capitalUsdPerHour + energyUsdPerHour) / (tokensPerS * 3600 * utilisationFraction) * 1e6
{n: List.length(SampleSet.toList(cost)), mean: mean(cost), sd: stdev(cost), p5: quantile(cost, 0.05), p25: quantile(cost, 0.25), p50: quantile(cost, 0.5), p75: quantile(cost, 0.75), p95: quantile(cost, 0.95)}
`;

interface SquiggleSummary {
  n: number;
  mean: number;
  sd: number;
  p5: number;
  p50: number;
  p95: number;
}

async function squiggle(n: number): Promise<SquiggleSummary> {
  const output = await run(SQUIGGLE_PROGRAM, {environment: {sampleCount: n, xyPointLength: 1000, seed: String(SEED)}});
  const result = output.getEndResult();
  if (!result.ok) throw new Error(`squiggle failed: ${result.value.toString()}`);
  const value = result.value;
  if (value.tag !== "Dict") throw new Error(`squiggle returned a ${value.tag}, not a Dict`);
  const read = (key: keyof SquiggleSummary): number => {
    const v = value.value.get(key);
    if (v?.tag !== "Number") throw new Error(`squiggle result has no number ${key}`);
    return v.value;
  };
  const summary: SquiggleSummary = {
    n: read("n"),
    mean: read("mean"),
    sd: read("sd"),
    p5: read("p5"),
    p50: read("p50"),
    p95: read("p95")
  };
  if (summary.n !== n) throw new Error(`squiggle drew ${summary.n} samples, not ${n}`);
  return summary;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Median wall time in ms of `fn` over `repeats` runs after `warmUp` runs. */
async function time(fn: () => unknown, warmUp: number, repeats: number): Promise<number> {
  const [t] = await timeInterleaved([fn], warmUp, repeats);
  return t!;
}

/**
 * Median wall times in ms of several contenders, run in turn within each repeat, so that load from other processes
 * on the machine falls on all of them alike.
 */
async function timeInterleaved(fns: readonly (() => unknown)[], warmUp: number, repeats: number): Promise<number[]> {
  for (let i = 0; i < warmUp; i++) for (const fn of fns) await fn();
  const times: number[][] = fns.map(() => []);
  for (let i = 0; i < repeats; i++) {
    for (let f = 0; f < fns.length; f++) {
      const t0 = performance.now();
      await fns[f]!();
      times[f]!.push(performance.now() - t0);
    }
  }
  return times.map(median);
}

/** Box-Muller (polar-free, trigonometric form) with the same PRNG, for comparison with the ziggurat. */
function fillBoxMuller(out: Float64Array, rng: Rng): void {
  for (let i = 0; i < out.length; i += 2) {
    const radius = Math.sqrt(-2 * Math.log(1 - rng()));
    const angle = 2 * Math.PI * rng();
    out[i] = radius * Math.cos(angle);
    if (i + 1 < out.length) out[i + 1] = radius * Math.sin(angle);
  }
}

function mb(bytes: number): string {
  return `${(bytes / 1048576).toFixed(1)} MB`;
}

const gc = (globalThis as {gc?: () => void}).gc;

async function main(): Promise<void> {
  console.log(`node ${process.version}, ${process.platform}/${process.arch}`);

  // Memory first, so the process's peak RSS reflects this run.
  {
    const n = 1_000_000;
    gc?.();
    const rssBefore = process.memoryUsage().rss;
    const before = process.memoryUsage();
    const result = monteCarlo({
      samples: n,
      seed: SEED,
      inputs: INPUTS,
      outputs: ["costUsdPerMTok"],
      evaluate: costModel,
      keepSamples: true
    });
    const during = process.memoryUsage();
    gc?.();
    const after = process.memoryUsage();
    const retained = after.heapUsed + after.arrayBuffers - (before.heapUsed + before.arrayBuffers);
    const live = during.heapUsed + during.arrayBuffers - (before.heapUsed + before.arrayBuffers);
    console.log(
      `\nmemory, 1,000,000 samples with keepSamples (6 inputs + 1 output kept):` +
        `\n  JS heap + ArrayBuffers: ${mb(live)} live at return, ${mb(retained)} retained after gc` +
        `\n  (heapUsed alone ${mb(after.heapUsed - before.heapUsed)}); process RSS ${mb(rssBefore)} before, peak ${mb(process.resourceUsage().maxRSS * 1024)}` +
        (gc ? "" : "\n  (run with --expose-gc for the after-gc figure)")
    );
    if (result.outputs.costUsdPerMTok.count !== n) throw new Error("memory run lost samples");
  }

  // Same seed and sampler: engine and hand loop must agree bit for bit.
  const a = engine(10_000);
  const b = handLoop(10_000);
  const c = engineRecord(10_000);
  for (const key of ["mean", "sd", "p5", "p50", "p95"] as const) {
    if (a[key] !== b[key] || c[key] !== b[key]) throw new Error(`engine and hand loop disagree on ${key}`);
  }
  const sq = await squiggle(100_000);
  const ours = engine(100_000);
  console.log(
    `\ncost USD/Mtok at 100k samples:` +
      `\n  engine   mean ${ours.mean.toFixed(4)}  p5 ${ours.p5.toFixed(4)}  p50 ${ours.p50.toFixed(4)}  p95 ${ours.p95.toFixed(4)}` +
      `\n  squiggle mean ${sq.mean.toFixed(4)}  p5 ${sq.p5.toFixed(4)}  p50 ${sq.p50.toFixed(4)}  p95 ${sq.p95.toFixed(4)}`
  );

  const col = (text: string, width = 13): string => text.padStart(width);
  console.log(
    `\n${col("samples", 8)}${col("engine")}${col("hand loop")}${col("squiggle")}${col("record mode")}` +
      `${col("engine/hand")}${col("squig/engine", 14)}${col("record/hand")}${col("squig/record", 14)}`
  );
  for (const n of [1_000, 100_000]) {
    const repeats = n <= 1_000 ? 300 : 31;
    const sqRepeats = n <= 1_000 ? 30 : 7;
    // Our three contenders interleaved; squiggle (much slower) interleaved with the engine separately.
    const [tEngine, tHand, tRecord] = (await timeInterleaved(
      [() => engine(n), () => handLoop(n), () => engineRecord(n)],
      repeats >> 2,
      repeats
    )) as [number, number, number];
    const [tSquiggle, tEngine2] = (await timeInterleaved([() => squiggle(n), () => engine(n)], 3, sqRepeats)) as [
      number,
      number
    ];
    const ns = (ms: number): string => col(`${((ms * 1e6) / n).toFixed(1)} ns`);
    const ratio = (x: number, width = 13): string => col(x.toFixed(2), width);
    console.log(
      `${col(String(n), 8)}${ns(tEngine)}${ns(tHand)}${ns(tSquiggle)}${ns(tRecord)}` +
        `${ratio(tEngine / tHand)}${ratio(tSquiggle / tEngine2, 14)}${ratio(tRecord / tHand)}${ratio((tSquiggle / tEngine2) * (tEngine / tRecord), 14)}`
    );
  }

  // Normal sampler: ziggurat vs Box-Muller, same PRNG, 1e6 draws.
  {
    const n = 1_000_000;
    const out = new Float64Array(n);
    const tZig = await time(() => fillNormal(out, createRng(1), 0, 1), 3, 15);
    const tBm = await time(() => fillBoxMuller(out, createRng(1)), 3, 15);
    const rng = createRng(1);
    const tRng = await time(
      () => {
        for (let i = 0; i < n; i++) out[i] = rng();
      },
      3,
      15
    );
    console.log(
      `\nnormal sampler, 1e6 draws: ziggurat ${((tZig * 1e6) / n).toFixed(1)} ns, Box-Muller ${((tBm * 1e6) / n).toFixed(1)} ns` +
        ` (${(tBm / tZig).toFixed(1)}×); the PRNG alone ${((tRng * 1e6) / n).toFixed(1)} ns per draw`
    );
  }
  console.log(
    "(ns = nanoseconds per sample, median of interleaved repeats; engine = evaluateAt (indexed), record mode =" +
      " evaluate (one reused record); squig/engine uses the engine's time from the runs interleaved with squiggle)"
  );
}

await main();
