import {describe, expect, it} from "vitest";
import {DEFAULT_SERVING_EFFICIENCIES} from "../../src/inference/efficiencies.js";
import {predictMeasurement, type MeasurementShape} from "../../src/inference/predictMeasurement.js";
import {servingPerformance} from "../../src/inference/servingPerformance.js";
import {loadCatalogs} from "../../src/node/catalogFiles.js";

const {hardware, models} = loadCatalogs();
const hw = (id: string) => hardware.find((row) => row.id === id)!;
const model = (id: string) => models.find((row) => row.id === id)!;

// InferenceX-like shape: 8 × B200, DeepSeek-V3 FP4 TP8 EP8, 8k in / 1k out, 64 requests in flight.
const shape: MeasurementShape = {
  hardware: hw("b200"),
  model: model("deepseek-v3"),
  precision: "fp4",
  tensorParallel: 8,
  expertParallel: 8,
  chips: 8,
  inputTokens: 8192,
  outputTokens: 1024,
  cacheHitFraction: 0,
  concurrency: 64,
  stack: "vllm"
};

describe("predictMeasurement", () => {
  it("is servingPerformance at concurrency ÷ replicas, per chip", () => {
    const p = predictMeasurement(shape, DEFAULT_SERVING_EFFICIENCIES);
    expect(p).toMatchObject({fits: true, replicas: 1, batchSizePerReplica: 64, memoryCapped: false});
    const direct = servingPerformance(
      {...shape, batchSize: 64, tensorParallel: 8, expertParallel: 8, hbmReserveFraction: null},
      DEFAULT_SERVING_EFFICIENCIES
    );
    expect(p.outputTokensPerSecondPerChip).toBe(direct.outputTokensPerSecondPerChip);
    expect(p.outputTokensPerSecondPerUser).toBe(direct.outputTokensPerSecondPerUser);
  });

  it("splits a system's concurrency over its data-parallel replicas", () => {
    // 8 chips as 4 replicas of TP2: 64 requests → 16 per replica.
    const llama = {
      ...shape,
      model: model("llama-3.1-70b"),
      precision: "fp8" as const,
      tensorParallel: 2,
      expertParallel: 1
    };
    const p = predictMeasurement(llama, DEFAULT_SERVING_EFFICIENCIES);
    expect(p.replicas).toBe(4);
    expect(p.batchSizePerReplica).toBe(16);
    // One request on 4 replicas: one works at batch 1, three idle: a quarter of a busy replica's per-chip rate.
    const lone = predictMeasurement({...llama, concurrency: 1}, DEFAULT_SERVING_EFFICIENCIES);
    expect(lone.batchSizePerReplica).toBe(1);
    expect(lone.outputTokensPerSecondPerChip).toBeCloseTo(lone.serving!.outputTokensPerSecondPerChip / 4, 9);
  });

  it("fills memory offline, and caps a concurrency that does not fit", () => {
    const offline = predictMeasurement({...shape, concurrency: null}, DEFAULT_SERVING_EFFICIENCIES);
    expect(offline.batchSizePerReplica).toBe(offline.serving!.memory.maxBatchSize);
    const capped = predictMeasurement({...shape, concurrency: 1e6}, DEFAULT_SERVING_EFFICIENCIES);
    expect(capped.memoryCapped).toBe(true);
    expect(capped.batchSizePerReplica).toBe(offline.batchSizePerReplica);
  });

  it("says when nothing fits instead of throwing", () => {
    const p = predictMeasurement(
      {...shape, hardware: hw("h100-sxm"), precision: "bf16", tensorParallel: 1, expertParallel: 1, chips: 1},
      DEFAULT_SERVING_EFFICIENCIES
    );
    expect(p).toMatchObject({fits: false, outputTokensPerSecondPerChip: 0, serving: null});
  });
});
