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
    tensor_parallel: "1",
    expert_parallel: "32",
    scenario: "fixed-batch",
    phase: "prefill",
    input_tokens: "4096",
    output_tokens: "",
    concurrency,
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
