import {describe, expect, it} from "vitest";
import {kvCacheAdmission, kvTokensHeldPerSequence, servingMemoryFit} from "../../src/inference/kvCacheAdmission.js";
import {DEFAULT_HBM_RESERVE_FRACTION, replicaWeightBytes} from "../../src/inference/memoryFit.js";
import {predictMeasurement} from "../../src/inference/predictMeasurement.js";
import {DEFAULT_SERVING_EFFICIENCIES} from "../../src/inference/efficiencies.js";
import {replicaLayout} from "../../src/inference/parallelism.js";
import {loadCatalogs} from "../../src/node/catalogFiles.js";

const {hardware, models} = loadCatalogs();

describe("kvCacheAdmission", () => {
  it("gives TensorRT-LLM's KV cache 90% of the HBM left after the weights, and counts whole requests", () => {
    // 160 GB of HBM, 140 GB of weights: TensorRT-LLM's KV cache takes 0.9 × 20 = 18 GB, so weights and KV use 158 GB,
    // a reserve of 2 GB = 1.25% of the HBM (0.1 × (1 − 140 ÷ 160) = 0.0125).
    const {reserveFraction, admission} = kvCacheAdmission("trtllm", {hbmBytes: 160e9, weightBytes: 140e9});
    expect(reserveFraction).toBeCloseTo(0.0125, 12);
    expect(160e9 * (1 - reserveFraction)).toBeCloseTo(140e9 + 0.9 * 20e9, 0);
    expect(admission).toBe("whole");
  });

  it("keeps 10% of the whole HBM back on every other stack, and counts live tokens", () => {
    for (const stack of ["vllm", "sglang", "jax", "neuron", "other"] as const) {
      expect(kvCacheAdmission(stack, {hbmBytes: 160e9, weightBytes: 140e9})).toEqual({
        reserveFraction: DEFAULT_HBM_RESERVE_FRACTION,
        admission: "live"
      });
    }
  });

  it("holds nothing back under TensorRT-LLM when the weights fill the HBM, so the weights are checked against all of it", () => {
    // 0.1 × (1 − weights ÷ HBM), with the weights' share at most 1: TensorRT-LLM takes 90% of what the weights leave.
    expect(kvCacheAdmission("trtllm", {hbmBytes: 160e9, weightBytes: 170e9}).reserveFraction).toBe(0);
    expect(kvCacheAdmission("trtllm", {hbmBytes: 160e9, weightBytes: 160e9}).reserveFraction).toBe(0);
    expect(kvCacheAdmission("vllm", {hbmBytes: 160e9, weightBytes: 170e9}).reserveFraction).toBe(0.1);
  });

  it("holds input + output tokens per whole request and input + output ÷ 2 per live one", () => {
    expect(kvTokensHeldPerSequence("whole", 128, 2048)).toBe(2176);
    expect(kvTokensHeldPerSequence("live", 128, 2048)).toBe(1152);
  });

  it("sets the offline batch: Llama 3.1 70B in BF16 on two A100s, 37 requests under TensorRT-LLM and 33 under vLLM", () => {
    // Weights 141.1 GB on 2 × 85.3 GB = 170.6 GB: 10% of the whole HBM back leaves 12.5 GB of KV cache, for requests
    // of 1,152 live tokens on average (128 in, 2,048 out) at 327,680 B a token: 33; TensorRT-LLM's 90% of the free
    // 29.5 GB is 26.6 GB, held for whole requests of 2,176 tokens: 37.
    const a100 = hardware.find((h) => h.id === "a100-sxm-80gb")!;
    const model = models.find((m) => m.id === "llama-3.1-70b")!;
    const layout = replicaLayout(2, 1);
    const weightBytes = replicaWeightBytes(model, layout, 2);
    const trt = kvCacheAdmission("trtllm", {hbmBytes: a100.hbmCapacityBytes * 2, weightBytes});
    const shape = {
      hardware: a100,
      model,
      precision: "bf16" as const,
      tensorParallel: 2,
      expertParallel: 1,
      chips: 2,
      inputTokens: 128,
      outputTokens: 2048,
      cacheHitFraction: 0,
      concurrency: null
    };
    expect(trt.admission).toBe("whole");
    const whole = predictMeasurement({...shape, stack: "trtllm"}, DEFAULT_SERVING_EFFICIENCIES);
    const live = predictMeasurement({...shape, stack: "vllm"}, DEFAULT_SERVING_EFFICIENCIES);
    const freeBytes = a100.hbmCapacityBytes * 2 - weightBytes;
    const kvPerToken = 2 * 80 * 8 * 128 * 2; // K and V × 80 layers × 8 KV heads × 128 dims × 2 bytes = 327,680 B
    expect(whole.batchSizePerReplica).toBe(Math.floor((0.9 * freeBytes) / (2176 * kvPerToken)));
    expect(live.batchSizePerReplica).toBe(
      Math.floor((a100.hbmCapacityBytes * 2 * 0.9 - weightBytes) / (1152 * kvPerToken))
    );
    expect([whole.batchSizePerReplica, live.batchSizePerReplica]).toEqual([37, 33]);
  });

  it("decides a scenario's largest batch as the calibration's: the stack's reserve unless one is set, its admission", () => {
    // Llama 3.1 70B in BF16 on two A100s, 128 in and 2,048 out (the same replica as above).
    const a100 = hardware.find((h) => h.id === "a100-sxm-80gb")!;
    const model = models.find((m) => m.id === "llama-3.1-70b")!;
    const replica = {
      hbmCapacityBytes: a100.hbmCapacityBytes,
      model,
      layout: replicaLayout(2, 1),
      bytesPerParam: 2,
      kvBytesPerElement: 2,
      inputTokens: 128,
      outputTokens: 2048
    };
    expect(servingMemoryFit({...replica, stack: "trtllm", hbmReserveFraction: null}).maxBatchSize).toBe(37);
    expect(servingMemoryFit({...replica, stack: "vllm", hbmReserveFraction: null}).maxBatchSize).toBe(33);
    // A reserve the scenario sets (serving.hbmReserve) replaces the stack's; the admission stays the stack's.
    const set = servingMemoryFit({...replica, stack: "trtllm", hbmReserveFraction: 0.1});
    expect(set).toMatchObject({reserveFraction: 0.1, admission: "whole", kvTokensPerSequence: 2176});
    // 10% of 170.6 GB held back leaves 12.5 GB after the weights: 17 whole requests of 0.71 GB.
    expect(set.maxBatchSize).toBe(Math.floor((a100.hbmCapacityBytes * 2 * 0.9 - set.weightBytes) / (2176 * 327680)));
    expect(set.maxBatchSize).toBe(17);
  });
});
