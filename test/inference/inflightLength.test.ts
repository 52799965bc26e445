import {describe, expect, it} from "vitest";
import {DEFAULT_SERVING_EFFICIENCIES} from "../../src/inference/efficiencies.js";
import {inflightOutputTokens} from "../../src/inference/inflightLength.js";
import {kvTokensHeldPerSequence} from "../../src/inference/kvCacheAdmission.js";
import {servingPerformance, type ServingInput} from "../../src/inference/servingPerformance.js";
import {loadCatalogs} from "../../src/node/catalogFiles.js";

/** A deterministic generator of uniform draws in [0, 1) (mulberry32), so the simulation below is repeatable. */
function uniform(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The mean output length of the requests in a continuously refilled batch, counted at every decode step: `slots`
 * slots, each taking the next request from the queue as soon as its request has generated all its tokens.
 */
function simulatedInflightOutput(lengths: readonly number[], slots: number, steps: number): number {
  let next = 0;
  const take = () => lengths[next++ % lengths.length]!;
  const slot = Array.from({length: slots}, () => ({length: take(), left: 0}));
  for (const s of slot) s.left = s.length;
  let sum = 0;
  let count = 0;
  for (let step = 0; step < steps; step++) {
    for (const s of slot) {
      sum += s.length;
      count++;
      if (--s.left === 0) {
        s.length = take();
        s.left = s.length;
      }
    }
  }
  return sum / count;
}

describe("inflightOutputTokens: the requests in flight lean towards the long answers", () => {
  it("is mean × (1 + CV²): MLPerf's Mixtral set, 144.84 tokens at CV 0.7781, holds 232.5 in flight", () => {
    // 144.84 × (1 + 0.7781²) = 144.84 × 1.60544 = 232.53 (the set's E[o²] ÷ E[o]: inflightLength.ts).
    expect(inflightOutputTokens(144.84, 0.7781)).toBeCloseTo(232.53, 2);
    expect(inflightOutputTokens(512, 0)).toBe(512);
    expect(inflightOutputTokens(512, 1)).toBe(1024);
  });

  it("matches a batch that refills as requests finish, counted step by step (within 1%)", () => {
    // Exponential answer lengths of mean 200 (CV 1): the in-flight mean is 200 × (1 + 1) = 400.
    const draw = uniform(7);
    const lengths = Array.from({length: 20_000}, () => Math.max(1, Math.round(-200 * Math.log(1 - draw()))));
    const mean = lengths.reduce((a, b) => a + b, 0) / lengths.length;
    const sd = Math.sqrt(lengths.reduce((a, b) => a + (b - mean) ** 2, 0) / lengths.length);
    const simulated = simulatedInflightOutput(lengths, 64, 40_000);
    expect(simulated / inflightOutputTokens(mean, sd / mean)).toBeGreaterThan(0.99);
    expect(simulated / inflightOutputTokens(mean, sd / mean)).toBeLessThan(1.01);
    // And every answer the same length: the in-flight mean is that length.
    expect(simulatedInflightOutput([300], 16, 2_000)).toBe(300);
  });

  it("raises the live KV tokens a request holds, not the whole request a scheduler reserves before the answer", () => {
    // live: 4,096 + 512 × (1 + 1²) ÷ 2 = 4,608; whole: 4,096 + 512, the reservation made at admission.
    expect(kvTokensHeldPerSequence("live", 4096, 512, 1)).toBe(4608);
    expect(kvTokensHeldPerSequence("live", 4096, 512, 0)).toBe(4352);
    expect(kvTokensHeldPerSequence("whole", 4096, 512, 1)).toBe(4608);
    expect(kvTokensHeldPerSequence("whole", 4096, 512, 0)).toBe(4608);
    // Past CV 1 the live tokens in flight pass the reservation's stand-in: 4,096 + 512 × (1 + 2²) ÷ 2 = 5,376.
    expect(kvTokensHeldPerSequence("whole", 4096, 512, 2)).toBe(5376);
    expect(kvTokensHeldPerSequence("live", 4096, 512, 2)).toBe(5376);
  });

  it("slows the decode step and, on a paged stack, shrinks the batch that fits; TensorRT-LLM's batch is as before", () => {
    const {hardware, models} = loadCatalogs();
    const input: ServingInput = {
      hardware: hardware.find((h) => h.id === "h100-sxm")!,
      model: models.find((m) => m.id === "llama-3.1-70b")!,
      precision: "fp8",
      batchSize: 32,
      inputTokens: 4096,
      outputTokens: 512,
      cacheHitFraction: 0,
      tensorParallel: 2,
      expertParallel: 1,
      stack: "vllm",
      hbmReserveFraction: null
    };
    const even = servingPerformance(input, DEFAULT_SERVING_EFFICIENCIES);
    const spread = servingPerformance({...input, outputTokensCv: 1}, DEFAULT_SERVING_EFFICIENCIES);
    expect(even.kvContextTokens).toBe(4352);
    expect(spread.kvContextTokens).toBe(4608);
    expect(spread.decode.seconds).toBeGreaterThan(even.decode.seconds);
    expect(spread.outputTokensPerSecondPerChip).toBeLessThan(even.outputTokensPerSecondPerChip);
    expect(spread.memory.maxBatchSize).toBeLessThan(even.memory.maxBatchSize);
    const trt = {...input, stack: "trtllm" as const};
    expect(servingPerformance({...trt, outputTokensCv: 1}, DEFAULT_SERVING_EFFICIENCIES).memory.maxBatchSize).toBe(
      servingPerformance(trt, DEFAULT_SERVING_EFFICIENCIES).memory.maxBatchSize
    );
    // Absent is 0: every request the same length.
    expect(servingPerformance({...input, outputTokensCv: 0}, DEFAULT_SERVING_EFFICIENCIES)).toEqual(even);
  });
});
