import {describe, expect, it} from "vitest";
import type {ModelArchitecture} from "../../src/catalog/model.js";
import {DEFAULT_SERVING_EFFICIENCIES} from "../../src/inference/efficiencies.js";
import {DEFAULT_HBM_RESERVE_FRACTION} from "../../src/inference/memoryFit.js";
import {replicaLayout} from "../../src/inference/parallelism.js";
import {BYTES_PER_PARAM, DEFAULT_KV_BYTES_PER_ELEMENT} from "../../src/inference/precision.js";
import {prefill} from "../../src/inference/prefill.js";
import {DEFAULT_PREFILL_STEP_TOKENS_PER_CHIP, prefillPromptsPerStep} from "../../src/inference/prefillReplica.js";
import {memoryProblem, servingInputProblem} from "../../src/inference/servingChecks.js";
import {servingPerformance, type ServingInput} from "../../src/inference/servingPerformance.js";
import {replicaHardware} from "../../src/inference/stepCost.js";
import {loadCatalogs} from "../../src/node/catalogFiles.js";

const {hardware, models} = loadCatalogs();
const byId = <T extends {id: string}>(rows: T[], id: string): T => rows.find((r) => r.id === id)!;
const efficiencies = DEFAULT_SERVING_EFFICIENCIES;

describe("prefillPromptsPerStep", () => {
  it("fills a step of tokens per chip × chips with prompts of their new tokens", () => {
    // DeepSeek's profiled prefill (deepseek-ai/profile-data README): EP32, 16K tokens per GPU, 4K prompts:
    // 16,384 × 32 ÷ 4,096 = 128 prompts.
    expect(prefillPromptsPerStep(DEFAULT_PREFILL_STEP_TOKENS_PER_CHIP, 32, 4096)).toBe(128);
    // Cached tokens are not computed: 4,384-token prompts 56.3% cached have 1,915.808 new tokens each.
    expect(prefillPromptsPerStep(16384, 32, 4384 * (1 - 0.563))).toBeCloseTo(273.664, 3);
  });
});

const h100 = byId(hardware, "h100-sxm");
const llama70b = byId(models, "llama-3.1-70b");
/** Llama 3.1 70B on H100 at TP2, 64 requests of 2,048 in and 201 out, prefill shared. */
const shared: ServingInput = {
  hardware: h100,
  model: llama70b,
  precision: "fp8",
  batchSize: 64,
  inputTokens: 2048,
  outputTokens: 201,
  cacheHitFraction: 0,
  tensorParallel: 2,
  expertParallel: 1,
  stack: "vllm",
  hbmReserveFraction: DEFAULT_HBM_RESERVE_FRACTION
};

describe("servingPerformance with prefill on replicas of its own", () => {
  const s = servingPerformance(shared, efficiencies);

  it("is the shared replica's figures when the prefill replica is the same layout prefilling the same prompts", () => {
    // A step of 65,536 new tokens per chip on 2 chips is 65,536 × 2 ÷ 2,048 = 64 prompts, the batch: a request's
    // chip-seconds are the same sum, prefill step × 2 ÷ 64 + 200 decode steps × 2 ÷ 64.
    const d = servingPerformance(
      {...shared, prefillReplica: {tensorParallel: 2, expertParallel: 1, stepTokensPerChip: 65536}},
      efficiencies
    );
    expect(d.disaggregated).toBe(true);
    expect(s.disaggregated).toBe(false);
    expect(d.prefillPrompts).toBe(64);
    expect(d.prefillTokensPerSecondPerChip).toBe(s.prefillTokensPerSecondPerChip);
    expect(d.outputTokensPerSecondPerChip).toBeCloseTo(s.outputTokensPerSecondPerChip, 9);
    expect(d.prefillChipShare).toBeCloseTo(s.prefillChipShare, 12);
    // Per replica is the decode replica's, which only decodes: 64 × 201 tokens per 200 decode steps.
    expect(d.outputTokensPerSecondPerReplica).toBeCloseTo((64 * 201) / (200 * d.decode.seconds), 9);
    expect(d.requestsPerSecondPerReplica).toBeCloseTo(64 / (200 * d.decode.seconds), 9);
    // A prompt rides in the prefill replica's full step: the batch's prefill, not an idle replica's lone prompt.
    expect(d.timeToFirstTokenSeconds).toBe(d.batchPrefill.seconds);
    expect(s.timeToFirstTokenSeconds).toBe(s.prefill.seconds);
    expect(d.decodeTokensPerSecondPerChip).toBe(s.decodeTokensPerSecondPerChip);
    // What differs: the decode replica no longer waits for prefills, so a user sees one token per decode step
    // (shared: 200 tokens over 200 steps plus the batch's prefill less the first token's).
    expect(d.outputTokensPerSecondPerUser).toBe(1 / d.decode.seconds);
    expect(s.outputTokensPerSecondPerUser!).toBeLessThan(d.outputTokensPerSecondPerUser!);
    expect(d.batchSeconds).toBe(200 * d.decode.seconds);
  });

  it("prefills on its own layout: its chips, its step, its time to first token (hand derivation)", () => {
    const apart = {tensorParallel: 8, expertParallel: 1, stepTokensPerChip: 8192};
    const d = servingPerformance({...shared, prefillReplica: apart}, efficiencies);
    const layout = replicaLayout(8, 1);
    const hw = replicaHardware(h100, "fp8", 8);
    const step = (requests: number) =>
      prefill(
        {
          model: llama70b,
          hardware: hw,
          layout,
          bytesPerParam: BYTES_PER_PARAM.fp8,
          kvBytesPerElement: DEFAULT_KV_BYTES_PER_ELEMENT.fp8,
          requests,
          inputTokens: 2048,
          cachedTokens: 0
        },
        efficiencies
      );
    // 8,192 tokens per chip × 8 chips ÷ 2,048 = 32 prompts per step.
    expect(d.prefillPrompts).toBe(32);
    expect(d.prefillLayout).toEqual(layout);
    expect(d.layout).toEqual(replicaLayout(2, 1));
    expect(d.batchPrefill.seconds).toBe(step(32).seconds);
    expect(d.prefill.seconds).toBe(step(1).seconds);
    // Time to first token: the step of 32 prompts that carries the prompt.
    expect(d.timeToFirstTokenSeconds).toBe(step(32).seconds);
    expect(d.prefillTokensPerSecondPerChip).toBeCloseTo((32 * 2048) / step(32).seconds / 8, 9);
    // Output per chip-second of a request: its share of a prefill step on 8 chips and of 200 decode steps on 2.
    const chipSeconds = (step(32).seconds * 8) / 32 + (200 * d.decode.seconds * 2) / 64;
    expect(d.outputTokensPerSecondPerChip).toBeCloseTo(201 / chipSeconds, 9);
    expect(d.prefillChipShare).toBeCloseTo((step(32).seconds * 8) / 32 / chipSeconds, 12);
    expect(d.outputTokensPerSecondPerReplica).toBeCloseTo((64 * 201) / (200 * d.decode.seconds), 9);
    expect(d.requestsPerSecondPerReplica).toBeCloseTo(64 / (200 * d.decode.seconds), 9);
    // The decode replica's figures are the shared replica's.
    expect(d.decode).toEqual(s.decode);
    expect(d.memory).toEqual(s.memory);
    // A prefill replica holds the model and its prompts' KV caches (input tokens only).
    expect(d.prefillMemory!.kvTokensPerSequence).toBe(2048);
    expect(d.prefillMemory!.fits).toBe(true);
    expect(s.prefillMemory).toBeNull();
  });
});

describe("time to first token with prefill apart", () => {
  it("spans several steps when a step holds less than one prompt per attention group", () => {
    const input: ServingInput = {
      ...shared,
      // 256 tokens per chip × 2 chips = 512 tokens a step: a quarter of one 2,048-token prompt, so four steps.
      prefillReplica: {tensorParallel: 2, expertParallel: 1, stepTokensPerChip: 256}
    };
    const d = servingPerformance(input, efficiencies);
    expect(d.prefillPrompts).toBe(0.25);
    expect(d.timeToFirstTokenSeconds).toBeCloseTo(4 * d.batchPrefill.seconds, 12);
    // A larger step carries more prompts, each waiting for the whole step (breaker: it read 338 ms at any step).
    const big = servingPerformance(
      {...input, prefillReplica: {...input.prefillReplica!, stepTokensPerChip: 16384}},
      efficiencies
    );
    expect(big.timeToFirstTokenSeconds).toBe(big.batchPrefill.seconds);
    expect(big.timeToFirstTokenSeconds).toBeGreaterThan(d.prefill.seconds);
  });
});

describe("the checks of a prefill replica", () => {
  const h800 = byId(hardware, "h800-sxm");
  const v3 = byId(models, "deepseek-v3") as ModelArchitecture;
  const input: ServingInput = {
    hardware: h800,
    model: v3,
    precision: "fp8",
    batchSize: 128,
    inputTokens: 4096,
    outputTokens: 1024,
    cacheHitFraction: 0,
    tensorParallel: 1,
    expertParallel: 144,
    stack: "other",
    hbmReserveFraction: null,
    prefillReplica: {tensorParallel: 1, expertParallel: 32, stepTokensPerChip: 16384}
  };

  it("accepts DeepSeek's own layout: decode EP144, prefill EP32", () => {
    expect(servingInputProblem(input)).toBeNull();
    expect(memoryProblem(input, servingPerformance(input, efficiencies))).toBeNull();
  });

  it("says a prefill layout that cannot tile, of prefill", () => {
    const problem = servingInputProblem({...input, prefillReplica: {...input.prefillReplica!, tensorParallel: 3}});
    expect(problem?.setting).toBe("prefillTensorParallel");
    expect(problem?.message).toMatch(/^the prefill replica: tensor parallelism 3 cannot shard deepseek-v3/);
    const tiles = servingInputProblem({
      ...input,
      prefillReplica: {tensorParallel: 8, expertParallel: 12, stepTokensPerChip: 1}
    });
    expect(tiles?.setting).toBe("prefillExpertParallel");
    expect(tiles?.message).toBe(
      "the prefill replica: expert parallelism 12 and tensor parallelism 8 do not tile one replica"
    );
  });

  it("refuses a step of no tokens", () => {
    const problem = servingInputProblem({...input, prefillReplica: {...input.prefillReplica!, stepTokensPerChip: 0}});
    expect(problem).toMatchObject({setting: "prefillStepTokens", found: "0"});
  });

  it("says a prefill replica too small for the model's weights, of its expert parallelism", () => {
    // DeepSeek-V3 in FP8 is ~671 GB of weights; 4 H800s hold 320 GB.
    const small = {...input, prefillReplica: {tensorParallel: 1, expertParallel: 4, stepTokensPerChip: 16384}};
    const problem = memoryProblem(small, servingPerformance(small, efficiencies));
    expect(problem?.setting).toBe("prefillExpertParallel");
    expect(problem?.message).toMatch(/^a prefill replica of 4 chips \(TP 1 × EP 4\) does not hold the model/);
  });

  it("says a step whose prompts' KV caches do not fit, with the largest step that does", () => {
    const huge = {...input, prefillReplica: {tensorParallel: 1, expertParallel: 32, stepTokensPerChip: 50_000_000}};
    const result = servingPerformance(huge, efficiencies);
    const problem = memoryProblem(huge, result);
    expect(problem?.setting).toBe("prefillStepTokens");
    expect(problem?.message).toMatch(
      /^a prefill step of 50,000,000 new tokens per chip \(390,625 prompts of 4,096 new of 4,096 tokens/
    );
    // The largest step that fits: the prompts that fit × 4,096 new tokens ÷ 32 chips, rounded down.
    const most = Math.floor((result.prefillMemory!.maxBatchSize * 4096) / 32);
    expect(problem?.expected).toBe(
      `at most ${most.toLocaleString("en-US")} new tokens per chip, the largest step that fits`
    );
    const fits = {...input, prefillReplica: {...huge.prefillReplica, stepTokensPerChip: most}};
    expect(memoryProblem(fits, servingPerformance(fits, efficiencies))).toBeNull();
  });

  it("says no step fits when nearly every prompt token is cached, rather than 'at most 0'", () => {
    const cached = {
      ...input,
      cacheHitFraction: 0.9999999,
      prefillReplica: {...input.prefillReplica!, stepTokensPerChip: 1}
    };
    const problem = memoryProblem(cached, servingPerformance(cached, efficiencies));
    expect(problem?.setting).toBe("prefillStepTokens");
    expect(problem?.message).toMatch(/^a prefill step of 1 new token per chip/);
    expect(problem?.expected).toMatch(/^fewer cached tokens per prompt: at 0 new tokens a prompt, even a step of one/);
  });
});
