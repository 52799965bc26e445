import {describe, expect, it} from "vitest";
import {DEFAULT_SERVING_EFFICIENCIES} from "../../../src/inference/efficiencies.js";
import {MEASUREMENT_COLUMNS, parseMeasurementsCsv} from "../../../src/inference/calibration/parseMeasurementsCsv.js";
import {comparableMeasurement, isComparable} from "../../../src/inference/calibration/measurementShape.js";
import {compareMeasurement} from "../../../src/inference/calibration/predict.js";
import {servingPerformance} from "../../../src/inference/servingPerformance.js";
import {loadCatalogs} from "../../../src/node/catalogFiles.js";

const file = "measurements.csv";
const catalogs = loadCatalogs();

/**
 * LMSYS's prefill of 4K prompts on 4 nodes of 8 H100 (EP32, attention data-parallel, TP1), as data/measurements.csv
 * has it: 50,302 prompt tokens/s per node / 8 = 6,287.75 per chip; 16,384 tokens per device × 32 devices ÷ 4,096
 * tokens per prompt = 128 prompts prefilled together ("Deploying DeepSeek with PD Disaggregation and Large-scale
 * Expert Parallelism on 96 H100 GPUs", May 2025). `chips` 64 makes two such replicas.
 */
function prefillRow(chips = 32, concurrency: string = "128"): string {
  const cells: Record<(typeof MEASUREMENT_COLUMNS)[number], string> = {
    id: "p-1",
    hardware: "h100-sxm",
    chips: String(chips),
    model: "deepseek-v3",
    precision: "fp8",
    kv_cache_dtype: "",
    tensor_parallel: "1",
    expert_parallel: "32",
    scenario: "fixed-batch",
    phase: "prefill",
    input_tokens: "4096",
    output_tokens: "",
    output_tokens_cv: "",
    concurrency,
    max_batch: "",
    software: "SGLang",
    stack: "sglang",
    graph_capture: "unknown",
    input_tokens_per_s_per_chip: "6287.75",
    output_tokens_per_s_per_chip: "",
    output_tokens_per_s_per_user: "",
    ttft_s: "",
    tpot_s: "",
    date: "2025-05",
    source_title: "LMSYS",
    source_url: "https://example.org/lmsys",
    quote: "50302 tokens per second per node",
    notes: ""
  };
  return `${MEASUREMENT_COLUMNS.join(",")}\n${MEASUREMENT_COLUMNS.map((c) => cells[c]).join(",")}\n`;
}

const comparable = (text: string) => {
  const [measurement] = parseMeasurementsCsv(text, {file});
  return comparableMeasurement(measurement!, catalogs, file);
};

describe("comparableMeasurement of a prefill row", () => {
  it("is requests of its prompt length and 1 output token, concurrency the prompts prefilled together", () => {
    expect(comparable(prefillRow())).toMatchObject({
      batching: "concurrency",
      shape: {inputTokens: 4096, outputTokens: 1, concurrency: 128, chips: 32, tensorParallel: 1, expertParallel: 32}
    });
  });

  it("without a published concurrency is skipped with the reason (it has no speed per user to match)", () => {
    expect(comparable(prefillRow(32, ""))).toMatchObject({
      reason: "prompts prefilled together (concurrency) not published for a prefill run"
    });
  });
});

describe("compareMeasurement of a prefill row", () => {
  it("compares the model's prompt tokens per second per chip at concurrency ÷ replicas with the measured input rate", () => {
    const m = comparable(prefillRow(64));
    if (!isComparable(m)) throw new Error("skipped");
    const c = compareMeasurement(m, DEFAULT_SERVING_EFFICIENCIES);
    // 64 chips of EP32 replicas = 2 replicas; 128 prompts ÷ 2 = 64 per replica.
    expect(c).toMatchObject({tokens: "input", batchSizePerReplica: 64, memoryCapped: false, fits: true});
    expect(c.predictedTokensPerSecondPerUser).toBeNull();
    // By hand: a replica prefills 64 prompts × 4,096 tokens in its batch-prefill time, over its 32 chips.
    const serving = servingPerformance(
      {
        hardware: m.hardware,
        model: m.model,
        precision: "fp8",
        batchSize: 64,
        inputTokens: 4096,
        outputTokens: 1,
        cacheHitFraction: 0,
        tensorParallel: 1,
        expertParallel: 32,
        stack: "sglang",
        hbmReserveFraction: null
      },
      DEFAULT_SERVING_EFFICIENCIES
    );
    const byHand = (64 * 4096) / serving.batchPrefill.seconds / 32;
    expect(c.predictedTokensPerSecondPerChip).toBeCloseTo(byHand, 6);
    // model ÷ measured, the measured being 6,287.75 prompt tokens/s per chip.
    expect(c.ratio).toBeCloseTo(byHand / 6287.75, 9);
  });
});

/**
 * NVIDIA's MLPerf v4.1 Llama-2-70B run on 8 H100 (4 TP2 engines, FP8, TensorRT-LLM), as data/measurements.csv has it
 * (mlperf41-llama2-70b-offline-h100x8-nvidia: 222.33 prompt and 290.3 output tokens per request, 3,065.6 output
 * tokens/s per chip), with the engine's cap, the scenario, the concurrency and the speed per user set by each case.
 * Its gpu_batch_size is 896 per TP2 engine (closed/NVIDIA/configs/llama2-70b/Offline/__init__.py L69).
 */
function mlperfRow({
  scenario = "offline",
  maxBatch = "896",
  concurrency = "",
  perUser = ""
}: {
  scenario?: string;
  maxBatch?: string;
  concurrency?: string;
  perUser?: string;
}): string {
  const cells: Record<(typeof MEASUREMENT_COLUMNS)[number], string> = {
    id: "mlperf-1",
    hardware: "h100-sxm",
    chips: "8",
    model: "llama-2-70b",
    precision: "fp8",
    kv_cache_dtype: "",
    tensor_parallel: "2",
    expert_parallel: "1",
    scenario,
    phase: "whole",
    input_tokens: "222.33",
    output_tokens: "290.3",
    output_tokens_cv: "",
    concurrency,
    max_batch: maxBatch,
    software: "TensorRT-LLM",
    stack: "trtllm",
    graph_capture: "unknown",
    input_tokens_per_s_per_chip: "",
    output_tokens_per_s_per_chip: "3065.6",
    output_tokens_per_s_per_user: perUser,
    ttft_s: "",
    tpot_s: "",
    date: "2024-08",
    source_title: "MLPerf Inference v4.1",
    source_url: "https://example.org/mlperf",
    quote: "Tokens per second: 24524.9",
    notes: ""
  };
  return `${MEASUREMENT_COLUMNS.join(",")}\n${MEASUREMENT_COLUMNS.map((c) => cells[c]).join(",")}\n`;
}

describe("compareMeasurement with the engine's cap (max_batch)", () => {
  const compare = (row: string) => {
    const m = comparable(row);
    if (!isComparable(m)) throw new Error("skipped");
    return compareMeasurement(m, DEFAULT_SERVING_EFFICIENCIES);
  };
  // The largest batch that fits a TP2 replica under TensorRT-LLM's whole-request admission, with no cap.
  const fits = compare(mlperfRow({maxBatch: ""})).batchSizePerReplica;

  it("offline: the batch is min(fits, cap), and the comparison says the cap bound", () => {
    expect(fits).toBeGreaterThan(896);
    expect(compare(mlperfRow({maxBatch: ""}))).toMatchObject({engineCapped: false, memoryCapped: false});
    expect(compare(mlperfRow({}))).toMatchObject({batchSizePerReplica: 896, engineCapped: true, memoryCapped: false});
    // A cap above what fits changes nothing.
    expect(compare(mlperfRow({maxBatch: String(Math.ceil(fits) + 1000)}))).toMatchObject({
      batchSizePerReplica: fits,
      engineCapped: false
    });
  });

  it("a published concurrency above the cap runs the cap per replica (the rest queue)", () => {
    // 8,000 requests ÷ 4 replicas = 2,000 per replica, above both what fits and the cap 896: the cap, the lower, binds.
    expect(compare(mlperfRow({concurrency: "8000"}))).toMatchObject({
      batchSizePerReplica: 896,
      engineCapped: true,
      memoryCapped: false
    });
    // Without the cap, memory bounds it.
    expect(compare(mlperfRow({concurrency: "8000", maxBatch: ""}))).toMatchObject({
      batchSizePerReplica: fits,
      engineCapped: false,
      memoryCapped: true
    });
  });

  it("latency-bound: the bisection brackets at min(fits, cap), and stops below it when the speed per user binds", () => {
    // 0.01 tokens/s per user: every batch meets it, so the bisection runs to the top of its bracket.
    const slow = {scenario: "server", perUser: "0.01"};
    expect(compare(mlperfRow(slow))).toMatchObject({batchSizePerReplica: 896, engineCapped: true});
    expect(compare(mlperfRow({...slow, maxBatch: ""}))).toMatchObject({
      batchSizePerReplica: Math.floor(fits),
      engineCapped: false
    });
    // The modelled speed per user at a batch of 100 per replica (400 requests on 4 replicas) as the published one: the
    // largest batch meeting it is 100, below the cap, so the cap did not bind.
    const at100 = compare(mlperfRow({concurrency: "400"})).predictedTokensPerSecondPerUser!;
    expect(compare(mlperfRow({scenario: "server", perUser: String(at100)}))).toMatchObject({
      batchSizePerReplica: 100,
      engineCapped: false
    });
  });
});

describe("compareMeasurement with the KV cache's format (kv_cache_dtype)", () => {
  it("runs a BF16 cache at 2 bytes an element under FP8 weights: more HBM read a step, fewer sequences fit", async () => {
    // TensorRT-LLM's H200 DeepSeek-R1 max-throughput run (data/measurements.csv): FP8 weights, the checkpoint's BF16
    // cache, 1,024 in flight. With the cell empty the model took FP8's 1-byte cache and ran faster.
    const {loadMeasurements} = await import("../../../src/node/measurementFiles.js");
    const row = loadMeasurements().measurements.find((m) => m.id === "trtllm-bestperf-dsr1-1k2k-c1024-h200x8")!;
    expect(row.kvCacheDtype).toBe("bf16");
    const compare = (kvCacheDtype: typeof row.kvCacheDtype) => {
      const m = comparableMeasurement({...row, kvCacheDtype}, catalogs, file);
      if (!isComparable(m)) throw new Error("not comparable");
      return compareMeasurement(m, DEFAULT_SERVING_EFFICIENCIES);
    };
    const bf16 = compare("bf16");
    const fp8 = compare(null);
    expect(bf16.batchSizePerReplica).toBe(fp8.batchSizePerReplica);
    expect(bf16.predictedTokensPerSecondPerChip).toBeLessThan(fp8.predictedTokensPerSecondPerChip);
    expect(compare("fp8").predictedTokensPerSecondPerChip).toBe(fp8.predictedTokensPerSecondPerChip);
  });
});
