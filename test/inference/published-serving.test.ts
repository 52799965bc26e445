import {describe, expect, it} from "vitest";
import {calibratedEfficiencies} from "../../src/inference/calibratedEfficiencies.js";
import {
  DEFAULT_SERVING_EFFICIENCIES,
  ROOFLINE_EFFICIENCIES,
  type ServingEfficiencies
} from "../../src/inference/efficiencies.js";
import {DEFAULT_HBM_RESERVE_FRACTION} from "../../src/inference/memoryFit.js";
import {predictMeasurement} from "../../src/inference/predictMeasurement.js";
import {servingPerformance} from "../../src/inference/servingPerformance.js";
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

const IDEAL = ROOFLINE_EFFICIENCIES;
const DEFAULTS = DEFAULT_SERVING_EFFICIENCIES;

describe("NVIDIA NIM 1.8.0: Llama 3.3 70B, 2 × H100, FP8, TP2, concurrency 1", () => {
  // Source: NIM_LLAMA33_70B_2XH100_FP8 (docs.nvidia.com/nim/benchmarking/llm/1.0.0/performance.md, P).
  const nim = NIM_LLAMA33_70B_2XH100_FP8;
  const serve = (row: {inputTokens: number; outputTokens: number}, efficiencies: ServingEfficiencies) =>
    servingPerformance(
      {
        hardware: byId(hardware, nim.hardware),
        model: byId(models, nim.model),
        precision: nim.weightPrecision,
        batchSize: nim.concurrency,
        inputTokens: row.inputTokens,
        outputTokens: row.outputTokens,
        cacheHitFraction: 0,
        tensorParallel: nim.tensorParallel,
        expertParallel: 1,
        stack: "vllm",
        hbmReserveFraction: DEFAULT_HBM_RESERVE_FRACTION
      },
      efficiencies
    );
  // Decode reads the KV cache of the mean live length: prompt plus half the output.
  const itl = (row: {inputTokens: number; outputTokens: number}, efficiencies: ServingEfficiencies) =>
    serve(row, efficiencies).timePerOutputTokenSeconds;
  const ttft = (row: {inputTokens: number; outputTokens: number}, efficiencies: ServingEfficiencies) =>
    serve(row, efficiencies).timeToFirstTokenSeconds;

  /*
   * Tolerance for the default-efficiency comparison: measured ÷ predicted in [0.9, 1.5].
   * Computed first, with the model's 160 all-reduces per token (2 per layer × 80 layers, 10 µs each) and 0.5 ms of
   * step overhead: ITL 18.58 / 15.23 ms = 1.22 (5000/500) and 18.91 / 15.12 ms = 1.25 (500/2000); TTFT at 5000 tokens
   * 406.77 / 416.0 ms = 0.98. What the model still leaves out adds time: launch gaps beyond the fixed overhead,
   * attention kernels below GEMM efficiency, AIPerf timing each streamed token at the client, tokenisation and HTTP
   * handling. Hence up to +50%. Kernels can beat the assumed 0.8 of HBM bandwidth (~0.9 is reached by streaming
   * kernels), hence down to −10%.
   */
  const LOW = 0.9;
  const HIGH = 1.5;

  it("never predicts an ideal-roofline ITL above the measured ITL", () => {
    // Ideal ITL ≈ (70.55e9 − 1.05e9) B ÷ (2 × 3.35e12 B/s) + KV reads + 160 all-reduces at full NVLink speed
    // ≈ 10.51 ms (5000/500) and 10.42 ms (500/2000).
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
    // 5000 tokens: 2 × (70.55e9 − 2 × 128,256 × 8,192) × 5000 + 4 × 80 × 64 × 128 × 5000² ÷ 2 = 7.28e14 FLOPs
    // ÷ (2 × 1979e12) = 184 ms, plus 160 all-reduces of 5000 × 8192 × 2 B over NVLink (~26 ms): 210 ms.
    // 500 tokens: 20.3 ms ideal against 47.77 ms measured.
    for (const row of [nim.input5000Output500, nim.input500Output2000]) {
      expect(ttft(row, IDEAL)).toBeLessThanOrEqual(row.timeToFirstTokenS);
    }
  });

  it("predicts the 5000-token TTFT within [0.9, 1.5]× of measured at the default fractions", () => {
    // Only the long prompt: at 500 tokens the prefill (41.9 ms predicted) is comparable to the fixed per-request
    // costs (HTTP, tokenisation), which the model is not meant to capture; measured ÷ predicted is 1.14 there.
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

  /** Output tokens/s of 8 single-GPU replicas at the largest batch that fits (Offline: as many as fit). */
  const predict = (hardwareId: string, efficiencies: ServingEfficiencies) => {
    const prediction = predictMeasurement(
      {
        hardware: byId(hardware, hardwareId),
        model,
        precision: "fp8",
        tensorParallel: 1,
        expertParallel: 1,
        chips: 8,
        inputTokens,
        outputTokens,
        cacheHitFraction: 0,
        concurrency: null,
        // A paged cache's mean live length under 10% of HBM held back (vLLM's policy, kvCacheAdmission.ts), as when
        // these bounds were set; the calibration counts TensorRT-LLM's whole-request admission for NVIDIA's rows.
        stack: "vllm"
      },
      efficiencies
    );
    expect(prediction.fits).toBe(true);
    return 8 * prediction.outputTokensPerSecondPerChip;
  };

  /*
   * Tolerance: published ÷ predicted in [0.7, 1.3]. The model serves whole requests with prefill and decode sharing
   * the chips at the mean prompt and output lengths; the submissions batch in flight, overlap prefill with decode and
   * retire short sequences early, which can go either way by tens of percent. At this operating point (H200: batch
   * 1,099 at 367.5 live tokens, decode 161 ms per step, compute-bound) the prediction tests the compute fraction,
   * not the bandwidth fraction or the batch size.
   */
  const TOLERANCE = 0.3;

  it("never predicts an ideal-roofline throughput below the published throughput", () => {
    // H200: 65,261 tok/s ideal ≥ 31,302.7; MI300X: 86,231 ideal ≥ 23,514.8.
    expect(MLPERF_V41_LLAMA2_70B_8XH200.tokensPerS).toBeLessThanOrEqual(predict("h200-sxm", IDEAL));
    expect(MLPERF_V41_LLAMA2_70B_8XMI300X.tokensPerS).toBeLessThanOrEqual(predict("mi300x", IDEAL));
  });

  it("reproduces 8 × H200 (4.1-0048, 31,302.7 tok/s) within ±30% at the default efficiencies", () => {
    // Predicted 31,270 tok/s; published ÷ predicted = 1.001 (the point the 0.48 compute fraction was fitted to).
    const ratio = MLPERF_V41_LLAMA2_70B_8XH200.tokensPerS / predict("h200-sxm", DEFAULTS);
    expect(Math.abs(ratio - 1)).toBeLessThanOrEqual(TOLERANCE);
  });

  // Known calibration gap, kept at the same ±30% rather than widened: predicted 41,336 tok/s against 23,514.8
  // published, ratio 0.569 (the submission reaches ~0.27 of the MI300X's dense FP8 peak, against ~0.48 for the
  // H200 above). Expected to fail until the efficiencies are fitted per chip family and software stack; vitest
  // reports it when it starts passing, and then `it.fails` should become `it`.
  it.fails("reproduces 8 × MI300X (4.1-0002, 23,514.8 tok/s) within ±30% at the default efficiencies", () => {
    const ratio = MLPERF_V41_LLAMA2_70B_8XMI300X.tokensPerS / predict("mi300x", DEFAULTS);
    expect(Math.abs(ratio - 1)).toBeLessThanOrEqual(TOLERANCE);
  });

  // The gap above closes at the efficiencies calibrated per chip family and stack (src/inference/calibration/): this
  // submission is one of the cdna3/vllm measurements the fit used (data/measurements.csv,
  // mlperf41-llama2-70b-offline-mi300xx8-amd), so this checks the fit, not the held-out error (/model-accuracy).
  it("reproduces 8 × MI300X (4.1-0002) and 8 × H200 (4.1-0048) within ±30% at the calibrated efficiencies", () => {
    for (const [id, published] of [
      ["mi300x", MLPERF_V41_LLAMA2_70B_8XMI300X.tokensPerS],
      ["h200-sxm", MLPERF_V41_LLAMA2_70B_8XH200.tokensPerS]
    ] as const) {
      const stack = id === "mi300x" ? "vllm" : "trtllm";
      const {efficiencies} = calibratedEfficiencies(byId(hardware, id), stack);
      const ratio = published / predict(id, efficiencies);
      expect(Math.abs(ratio - 1), id).toBeLessThanOrEqual(TOLERANCE);
    }
  });
});
