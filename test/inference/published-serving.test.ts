import {describe, expect, it} from "vitest";
import {DEFAULT_HBM_RESERVE_FRACTION, memoryFit} from "../../src/inference/memoryFit.js";
import {BYTES_PER_PARAM} from "../../src/inference/precision.js";
import {
  DEFAULT_ACHIEVABLE_BANDWIDTH_FRACTION,
  DEFAULT_ACHIEVABLE_COMPUTE_FRACTION,
  replicaHardware,
  servingPerformance
} from "../../src/inference/servingPerformance.js";
import {workloadOutputTokensPerSecondPerChip} from "../../src/inference/workloadThroughput.js";
import {loadCatalogs} from "../../src/node/catalogFiles.js";
import {
  MLPERF_LLAMA2_70B_OPENORCA_LENGTHS,
  MLPERF_V41_LLAMA2_70B_8XH200,
  MLPERF_V41_LLAMA2_70B_8XMI300X,
  NIM_LLAMA33_70B_2XH100_FP8
} from "../fixtures/published.js";

const {hardware, models} = loadCatalogs();
const byId = <T extends {id: string}>(rows: T[], id: string): T => {
  const row = rows.find((r) => r.id === id);
  if (!row) throw new Error(`no catalog row ${id}`);
  return row;
};

const IDEAL = {achievableBandwidthFraction: 1, achievableComputeFraction: 1};
const DEFAULTS = {
  achievableBandwidthFraction: DEFAULT_ACHIEVABLE_BANDWIDTH_FRACTION,
  achievableComputeFraction: DEFAULT_ACHIEVABLE_COMPUTE_FRACTION
};
type Fractions = typeof IDEAL;

describe("NVIDIA NIM 1.8.0: Llama 3.3 70B, 2 × H100, FP8, TP2, concurrency 1", () => {
  // Source: NIM_LLAMA33_70B_2XH100_FP8 (docs.nvidia.com/nim/benchmarking/llm/1.0.0/performance.md, P).
  const nim = NIM_LLAMA33_70B_2XH100_FP8;
  const serve = (contextTokens: number, fractions: Fractions) =>
    servingPerformance({
      hardware: byId(hardware, nim.hardware),
      model: byId(models, nim.model),
      precision: nim.weightPrecision,
      batchSize: nim.concurrency,
      contextTokens,
      tensorParallel: nim.tensorParallel,
      hbmReserveFraction: DEFAULT_HBM_RESERVE_FRACTION,
      ...fractions
    });
  // Decode reads the KV cache of the average position: prompt plus half the output.
  const itl = (row: {inputTokens: number; outputTokens: number}, fractions: Fractions) =>
    serve(row.inputTokens + row.outputTokens / 2, fractions).timePerOutputTokenSeconds;
  const ttft = (row: {inputTokens: number}, fractions: Fractions) =>
    serve(row.inputTokens, fractions).timeToFirstTokenSeconds;

  /*
   * Tolerance for the default-fraction comparison: measured ÷ predicted in [0.9, 1.5].
   * Computed first: ITL 18.58 / 13.32 ms = 1.39 (5000/500) and 18.91 / 13.21 ms = 1.43 (500/2000); TTFT at 5000
   * tokens 406.77 / 310.9 ms = 1.31. The model leaves out only costs that add time: for ITL, 2 all-reduces per layer
   * × 80 layers = 160 small NVLink all-reduces per token (~5–10 µs each, 0.8–1.6 ms), launch and synchronisation
   * gaps between several hundred kernels per step, sampling, and AIPerf timing each streamed token at the client;
   * for TTFT, 160 all-reduces of 5000 × 8192 × 2 B = 82 MB of activations (~25–30 ms on NVLink if not overlapped),
   * attention kernels below GEMM efficiency, tokenisation and HTTP handling. Hence up to +50%. Kernels can beat
   * the assumed 0.8 of HBM bandwidth (~0.9 is reached by streaming kernels), hence down to −10%.
   */
  const LOW = 0.9;
  const HIGH = 1.5;

  it("never predicts an ideal-roofline ITL above the measured ITL", () => {
    // Ideal ITL ≈ 70.55e9 B ÷ (2 × 3.35e12 B/s) + KV reads ≈ 10.66 ms (5000/500) and 10.57 ms (500/2000).
    for (const row of [nim.input5000Output500, nim.input500Output2000]) {
      expect(itl(row, IDEAL)).toBeLessThanOrEqual(row.interTokenLatencyS);
    }
  });

  it("predicts ITL within [0.9, 1.5]× of measured at the default fractions", () => {
    for (const row of [nim.input5000Output500, nim.input500Output2000]) {
      const ratio = row.interTokenLatencyS / itl(row, DEFAULTS);
      expect(ratio).toBeGreaterThanOrEqual(LOW);
      expect(ratio).toBeLessThanOrEqual(HIGH);
    }
  });

  it("never predicts an ideal-roofline TTFT above the measured TTFT", () => {
    // 5000 tokens: 2 × 70.55e9 × 5000 + 2 × 80 × 64 × 128 × 5000² = 7.38e14 FLOPs ÷ (2 × 1979e12) = 186.5 ms.
    // 500 tokens: 17.9 ms ideal against 47.77 ms measured.
    for (const row of [nim.input5000Output500, nim.input500Output2000]) {
      expect(ttft(row, IDEAL)).toBeLessThanOrEqual(row.timeToFirstTokenS);
    }
  });

  it("predicts the 5000-token TTFT within [0.9, 1.5]× of measured at the default fractions", () => {
    // Only the long prompt: at 500 tokens the prefill (29.9 ms predicted) is smaller than the fixed per-request
    // costs, and measured ÷ predicted is 1.60, which a compute roofline is not meant to capture.
    const row = nim.input5000Output500;
    const ratio = row.timeToFirstTokenS / ttft(row, DEFAULTS);
    expect(ratio).toBeGreaterThanOrEqual(LOW);
    expect(ratio).toBeLessThanOrEqual(HIGH);
  });
});

describe("MLPerf Inference v4.1, llama2-70b-99, Offline, 8 accelerators, FP8 weights and KV, TP1 per GPU", () => {
  const model = byId(models, "llama-2-70b");
  // Mean prompt of the 24,576-sample OpenOrca set, 222.33 tokens (MLPERF_LLAMA2_70B_OPENORCA_LENGTHS, S); whole
  // tokens as the workload takes. Prefill FLOPs are linear in the prompt except causal attention (~2% here), so the
  // mean prompt stands for the skewed distribution (median 152, max 1,021).
  const inputTokens = Math.round(MLPERF_LLAMA2_70B_OPENORCA_LENGTHS.meanInputTokens);
  // Generated tokens per sample in NVIDIA's 4.1-0048 accuracy run (MLPERF_V41_LLAMA2_70B_8XH200, P); used for both
  // systems (AMD's own figure was not read; ±2% here moves the prediction by under 1%).
  const outputTokens = MLPERF_V41_LLAMA2_70B_8XH200.tokensPerSample;

  /** Output tokens/s of 8 single-GPU replicas at the largest batch that fits (average sequence length). */
  const predict = (hardwareId: string, fractions: Fractions) => {
    const hw = byId(hardware, hardwareId);
    const fit = memoryFit({
      model,
      hbmBytes: hw.hbmBytes,
      tensorParallel: 1,
      bytesPerParam: BYTES_PER_PARAM.fp8,
      kvBytesPerElement: 1,
      contextTokens: inputTokens + outputTokens,
      reserveFraction: DEFAULT_HBM_RESERVE_FRACTION
    });
    expect(fit.fits).toBe(true);
    const perChip = workloadOutputTokensPerSecondPerChip({
      model,
      hardware: replicaHardware({hardware: hw, precision: "fp8", tensorParallel: 1, ...fractions}),
      bytesPerParam: BYTES_PER_PARAM.fp8,
      kvBytesPerElement: 1,
      batchSize: fit.maxBatchSize,
      inputTokens,
      outputTokens
    });
    return 8 * perChip;
  };

  /*
   * Tolerance: published ÷ predicted in [0.7, 1.3]. Our workload model is a static batch (prefill every prompt,
   * then decode together, all outputs the mean length); the submissions batch in flight, overlap prefill with
   * decode and retire short sequences early, which can go either way by tens of percent. At this operating point
   * (H200: batch 688, decode 80 ms compute vs 29 ms memory per step) the prediction is compute-bound, so it tests the
   * compute fraction, not the bandwidth fraction or the batch size.
   */
  const TOLERANCE = 0.3;

  it("never predicts an ideal-roofline throughput below the published throughput", () => {
    // H200: 64,800 tok/s ideal ≥ 31,302.7; MI300X: 81,761 ideal ≥ 23,514.8.
    expect(MLPERF_V41_LLAMA2_70B_8XH200.tokensPerS).toBeLessThanOrEqual(predict("h200-sxm", IDEAL));
    expect(MLPERF_V41_LLAMA2_70B_8XMI300X.tokensPerS).toBeLessThanOrEqual(predict("mi300x", IDEAL));
  });

  it("reproduces 8 × H200 (4.1-0048, 31,302.7 tok/s) within ±30% at the default fractions", () => {
    // Predicted 38,880 tok/s; published ÷ predicted = 0.805 (an achievable compute fraction of 0.48 would match).
    const ratio = MLPERF_V41_LLAMA2_70B_8XH200.tokensPerS / predict("h200-sxm", DEFAULTS);
    expect(Math.abs(ratio - 1)).toBeLessThanOrEqual(TOLERANCE);
  });

  // Known calibration gap, kept at the same ±30% rather than widened: predicted 51,373 tok/s against 23,514.8
  // published, ratio 0.458 (the submission reaches ~0.27 of the MI300X's dense FP8 peak, against ~0.48 for the
  // H200 above). Expected to fail until the achievable compute fraction depends on the chip; vitest reports it
  // when it starts passing, and then `it.fails` should become `it`.
  it.fails("reproduces 8 × MI300X (4.1-0002, 23,514.8 tok/s) within ±30% at the default fractions", () => {
    const ratio = MLPERF_V41_LLAMA2_70B_8XMI300X.tokensPerS / predict("mi300x", DEFAULTS);
    expect(Math.abs(ratio - 1)).toBeLessThanOrEqual(TOLERANCE);
  });
});
