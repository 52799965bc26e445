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

  describe("the engine's cap on sequences per replica (maxBatch)", () => {
    // The shape offline without a cap: the batch is the largest that fits, memory.maxBatchSize; the cases below
    // set the cap against it.
    const free = predictMeasurement({...shape, concurrency: null}, DEFAULT_SERVING_EFFICIENCIES);
    const fits = free.batchSizePerReplica;
    const direct = (batchSize: number) =>
      servingPerformance({...shape, batchSize, hbmReserveFraction: null}, DEFAULT_SERVING_EFFICIENCIES);

    it("a cap below what fits lowers the offline batch to the cap: min(fits, cap)", () => {
      expect(fits).toBeGreaterThan(64);
      const capped = predictMeasurement({...shape, concurrency: null, maxBatch: 64}, DEFAULT_SERVING_EFFICIENCIES);
      // min(fits, 64) = 64 since fits > 64 (above); the throughput is servingPerformance's at batch 64.
      expect(capped).toMatchObject({batchSizePerReplica: 64, engineCapped: true, memoryCapped: false});
      expect(capped.outputTokensPerSecondPerChip).toBe(direct(64).outputTokensPerSecondPerChip);
      expect(capped.outputTokensPerSecondPerChip).toBeLessThan(free.outputTokensPerSecondPerChip);
    });

    it("a cap at or above what fits changes nothing", () => {
      for (const maxBatch of [Math.ceil(fits), Math.ceil(fits) * 2]) {
        const p = predictMeasurement({...shape, concurrency: null, maxBatch}, DEFAULT_SERVING_EFFICIENCIES);
        // min(fits, cap) = fits: the same batch and figures as without a cap.
        expect(p).toMatchObject({batchSizePerReplica: fits, engineCapped: false, memoryCapped: false});
        expect(p.outputTokensPerSecondPerChip).toBe(free.outputTokensPerSecondPerChip);
      }
      // A concurrency below the cap runs as published: 64 per replica, cap 100.
      const under = predictMeasurement({...shape, maxBatch: 100}, DEFAULT_SERVING_EFFICIENCIES);
      expect(under).toMatchObject({batchSizePerReplica: 64, engineCapped: false});
    });

    it("a concurrency above the cap runs the cap: the requests beyond it queue", () => {
      // 8 chips as 4 TP2 replicas of Llama-3.1-70B FP8: 400 requests = 100 per replica, cap 40 (below what fits) →
      // batch 40, every replica busy (100 >= 1), so the figures are those of 160 requests (40 per replica) with no cap.
      const llama = {
        ...shape,
        model: model("llama-3.1-70b"),
        precision: "fp8" as const,
        tensorParallel: 2,
        expertParallel: 1
      };
      const roomy = predictMeasurement({...llama, concurrency: null}, DEFAULT_SERVING_EFFICIENCIES);
      expect(roomy.batchSizePerReplica).toBeGreaterThan(40);
      const queued = predictMeasurement({...llama, concurrency: 400, maxBatch: 40}, DEFAULT_SERVING_EFFICIENCIES);
      expect(queued).toMatchObject({replicas: 4, batchSizePerReplica: 40, engineCapped: true, memoryCapped: false});
      const at40 = predictMeasurement({...llama, concurrency: 160}, DEFAULT_SERVING_EFFICIENCIES);
      expect(queued.outputTokensPerSecondPerChip).toBe(at40.outputTokensPerSecondPerChip);
      expect(queued.outputTokensPerSecondPerUser).toBe(at40.outputTokensPerSecondPerUser);
    });

    it("memory, not the cap, bounds a concurrency when what fits is below the cap", () => {
      const p = predictMeasurement({...shape, concurrency: 1e6, maxBatch: 1e5}, DEFAULT_SERVING_EFFICIENCIES);
      // min(1e6, fits, 1e5) = fits: memory capped it.
      expect(p).toMatchObject({batchSizePerReplica: fits, memoryCapped: true, engineCapped: false});
    });
  });

  it("says when nothing fits instead of throwing", () => {
    const p = predictMeasurement(
      {...shape, hardware: hw("h100-sxm"), precision: "bf16", tensorParallel: 1, expertParallel: 1, chips: 1},
      DEFAULT_SERVING_EFFICIENCIES
    );
    expect(p).toMatchObject({fits: false, outputTokensPerSecondPerChip: 0, serving: null});
  });
});
