import fc from "fast-check";
import {describe, expect, it} from "vitest";
import type {Hardware} from "../../src/catalog/hardware.js";
import type {ModelArchitecture} from "../../src/catalog/model.js";
import {decodeStep} from "../../src/inference/decodeStep.js";
import {
  DEFAULT_SERVING_EFFICIENCIES,
  ROOFLINE_EFFICIENCIES,
  type ServingEfficiencies
} from "../../src/inference/efficiencies.js";
import {DEFAULT_HBM_RESERVE_FRACTION, memoryFit} from "../../src/inference/memoryFit.js";
import {replicaLayout, workingTensorParallelDegrees} from "../../src/inference/parallelism.js";
import {
  BYTES_PER_PARAM,
  DEFAULT_KV_BYTES_PER_ELEMENT,
  PRECISIONS,
  peakFlopsPerS,
  type Precision
} from "../../src/inference/precision.js";
import {KV_TOKENS_BASIS} from "../../src/inference/kvCacheAdmission.js";
import {prefill} from "../../src/inference/prefill.js";
import {servingPerformance, type ServingInput} from "../../src/inference/servingPerformance.js";
import {replicaHardware} from "../../src/inference/stepCost.js";
import {weightParamsReadPerStep} from "../../src/inference/weights.js";
import {loadCatalogs} from "../../src/node/catalogFiles.js";
import {ISSUE_FRACTIONS} from "./fixtures.js";

const {hardware, models} = loadCatalogs();
const byId = <T extends {id: string}>(rows: T[], id: string): T => {
  const row = rows.find((r) => r.id === id);
  if (!row) throw new Error(`no catalog row ${id}`);
  return row;
};

/** Batch-1 decode bound: every weight a token needs is read once, so tokens/s ≤ chips × bandwidth ÷ weight bytes. */
const bandwidthBoundTokensPerS = (hw: Hardware, model: ModelArchitecture, precision: Precision, chips: number) =>
  (chips * hw.hbmBandwidthBytesPerS) / (weightParamsReadPerStep(model, 1, 1) * BYTES_PER_PARAM[precision]);

describe("servingPerformance: a request of input and output tokens, served whole", () => {
  const h100 = byId(hardware, "h100-sxm");
  const llama70b = byId(models, "llama-3.1-70b");
  const input: ServingInput = {
    hardware: h100,
    model: llama70b,
    precision: "fp8",
    batchSize: 64,
    inputTokens: 2000,
    outputTokens: 201,
    cacheHitFraction: 0,
    tensorParallel: 2,
    expertParallel: 1,
    stack: "vllm",
    hbmReserveFraction: DEFAULT_HBM_RESERVE_FRACTION
  };
  const r = servingPerformance(input, DEFAULT_SERVING_EFFICIENCIES);

  it("decodes at the mean live length, input + output ÷ 2, and caps memory at it", () => {
    expect(r.kvContextTokens).toBe(2000 + 201 / 2);
    expect(r.memory.kvTokensPerSequence).toBe(2100.5);
    expect(r.kvTokensBasis).toBe(KV_TOKENS_BASIS.live);
    const atMax = servingPerformance(
      {...input, inputTokens: 2000 + 201, outputTokens: 1},
      DEFAULT_SERVING_EFFICIENCIES
    );
    expect(r.memory.maxBatchSize).toBeGreaterThan(atMax.memory.maxBatchSize); // every sequence at its maximum holds fewer
  });

  it("spends a batch prefill plus (output − 1) decode steps per batch of requests, and reports it per chip", () => {
    expect(r.batchSeconds).toBeCloseTo(r.batchPrefill.seconds + 200 * r.decode.seconds, 12);
    expect(r.outputTokensPerSecondPerReplica).toBeCloseTo((64 * 201) / r.batchSeconds, 9);
    expect(r.outputTokensPerSecondPerChip).toBeCloseTo(r.outputTokensPerSecondPerReplica / 2, 9);
    expect(r.requestsPerSecondPerReplica).toBeCloseTo(64 / r.batchSeconds, 12);
    expect(r.decodeTokensPerSecondPerChip).toBeCloseTo(64 / r.decode.seconds / 2, 9);
    expect(r.tokensPerSecondPerSequence).toBeCloseTo(1 / r.timePerOutputTokenSeconds, 12);
    expect(r.timeToFirstTokenSeconds).toBe(r.prefill.seconds);
    // Little's law: a request lives one batch time; its decode part is that less the time to first token.
    expect(r.outputTokensPerSecondPerUser).toBeCloseTo(200 / (r.batchSeconds - r.timeToFirstTokenSeconds), 9);
  });

  it("gives no speed per user for a request of one output token: no token follows the first (it gave 1 ÷ TPOT)", () => {
    const one = servingPerformance({...input, outputTokens: 1}, DEFAULT_SERVING_EFFICIENCIES);
    expect(one.outputTokensPerSecondPerUser).toBeNull();
    // The whole request is the batch's prefill: no decode step is counted in its time.
    expect(one.batchSeconds).toBe(one.batchPrefill.seconds);
    expect(
      servingPerformance({...input, outputTokens: 2}, DEFAULT_SERVING_EFFICIENCIES).outputTokensPerSecondPerUser
    ).not.toBeNull();
  });

  it("never labels decode-only throughput as whole-request throughput: prefill makes the whole-request figure lower", () => {
    expect(r.outputTokensPerSecondPerChip).toBeLessThan(r.decodeTokensPerSecondPerChip);
  });

  it("serves cached prompts faster: a prefix-cache hit share skips their prefill compute", () => {
    const cached = servingPerformance({...input, cacheHitFraction: 0.5}, DEFAULT_SERVING_EFFICIENCIES);
    expect(cached.timeToFirstTokenSeconds).toBeLessThan(r.timeToFirstTokenSeconds);
    expect(cached.outputTokensPerSecondPerChip).toBeGreaterThan(r.outputTokensPerSecondPerChip);
    expect(cached.decode.seconds).toBe(r.decode.seconds); // decode reads the same KV
  });

  it("puts Llama 3.1 8B BF16 on one H100 at 0.8 × its bandwidth bound at batch 1 with no KV and no overhead", () => {
    // Derived: 3.35e12 B/s ÷ (7.504667520e9 params read (the input embedding gathered) × 2 B) = 223.19 tokens/s.
    const llama8b = byId(models, "llama-3.1-8b");
    const bound = bandwidthBoundTokensPerS(h100, llama8b, "bf16", 1);
    expect(bound).toBeCloseTo(223.19, 2);
    const step = decodeStep(
      {
        model: llama8b,
        hardware: replicaHardware(h100, "bf16", 1),
        layout: replicaLayout(1, 1),
        bytesPerParam: 2,
        kvBytesPerElement: 2,
        batchSize: 1,
        contextTokens: 0
      },
      ISSUE_FRACTIONS
    );
    expect(1 / step.seconds).toBeCloseTo(0.8 * bound, 9);
  });
});

/** Every catalog chip × model × precision × working TP degree (EP 1, and EP = TP for MoE) whose weights fit. */
const cases = hardware.flatMap((hw) =>
  models.flatMap((model) =>
    PRECISIONS.filter((precision) => peakFlopsPerS(hw, precision) !== null).flatMap((precision) =>
      workingTensorParallelDegrees(model)
        .filter((tp) => tp <= 64)
        .flatMap((tp) => {
          const moe = model.experts > model.expertsPerToken;
          return (moe ? [1, tp] : [1]).map((ep) => ({hw, model, precision, tp, ep}));
        })
        .filter(
          ({hw, model, precision, tp, ep}) =>
            memoryFit({
              model,
              hbmCapacityBytes: hw.hbmCapacityBytes,
              layout: replicaLayout(tp, ep),
              bytesPerParam: BYTES_PER_PARAM[precision],
              kvBytesPerElement: DEFAULT_KV_BYTES_PER_ELEMENT[precision],
              kvTokensPerSequence: 1,
              reserveFraction: DEFAULT_HBM_RESERVE_FRACTION
            }).fits
        )
    )
  )
);

/** Efficiencies in range: fractions in (0, 1], fixed times >= 0. */
const efficienciesArb: fc.Arbitrary<ServingEfficiencies> = fc.record({
  bandwidthFraction: fc.double({min: 0.05, max: 1, noNaN: true}),
  computeFraction: fc.double({min: 0.05, max: 1, noNaN: true}),
  communicationFraction: fc.double({min: 0.05, max: 1, noNaN: true}),
  expertAllToAllFraction: fc.double({min: 0.05, max: 1, noNaN: true}),
  collectiveLatencySeconds: fc.double({min: 0, max: 1e-4, noNaN: true}),
  stepOverheadSeconds: fc.double({min: 0, max: 5e-3, noNaN: true}),
  kernelOverlapFraction: fc.double({min: 0, max: 1, noNaN: true})
});

describe("bounds over the whole catalog (property tests)", () => {
  it("finds enough catalog combinations to make the properties meaningful", () => {
    expect(cases.length).toBeGreaterThan(300);
    expect(cases.some((c) => c.model.id === "deepseek-v3" && c.ep > 1)).toBe(true);
  });

  it("never decodes a batch-1 token faster than chips × bandwidth ÷ weight bytes read (every combination)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...cases),
        fc.double({min: 0, max: 1, noNaN: true}),
        efficienciesArb,
        ({hw, model, precision, tp, ep}, contextShare, efficiencies) => {
          const chips = Math.max(tp, ep);
          const step = decodeStep(
            {
              model,
              hardware: replicaHardware(hw, precision, chips),
              layout: replicaLayout(tp, ep),
              bytesPerParam: BYTES_PER_PARAM[precision],
              kvBytesPerElement: DEFAULT_KV_BYTES_PER_ELEMENT[precision],
              batchSize: 1,
              contextTokens: Math.round(contextShare * model.contextTokens)
            },
            efficiencies
          );
          const bound = bandwidthBoundTokensPerS(hw, model, precision, chips);
          expect(1 / step.seconds).toBeLessThanOrEqual(bound * (1 + 1e-12));
          // The sharper form: at most the achievable fraction of that bound.
          expect(1 / step.seconds).toBeLessThanOrEqual(efficiencies.bandwidthFraction * bound * (1 + 1e-12));
        }
      ),
      {numRuns: 2000}
    );
  });

  it("never exceeds its roofline (every fraction 1, no fixed time) on any request shape, batch or efficiencies", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...cases),
        fc.record({
          batchShare: fc.double({min: 0, max: 1, noNaN: true}),
          inputTokens: fc.integer({min: 1, max: 32_768}),
          outputTokens: fc.integer({min: 1, max: 8_192}),
          cacheHitFraction: fc.double({min: 0, max: 0.99, noNaN: true})
        }),
        efficienciesArb,
        ({hw, model, precision, tp, ep}, shape, efficiencies) => {
          const base = {
            hardware: hw,
            model,
            precision,
            batchSize: 1,
            inputTokens: shape.inputTokens,
            outputTokens: shape.outputTokens,
            cacheHitFraction: shape.cacheHitFraction,
            tensorParallel: tp,
            expertParallel: ep,
            stack: "vllm" as const,
            hbmReserveFraction: DEFAULT_HBM_RESERVE_FRACTION
          };
          const maxBatch = servingPerformance(base, ROOFLINE_EFFICIENCIES).memory.maxBatchSize;
          const input = {...base, batchSize: Math.max(1, Math.round(shape.batchShare * maxBatch))};
          const roof = servingPerformance(input, ROOFLINE_EFFICIENCIES);
          const r = servingPerformance(input, efficiencies);
          const slack = 1 + 1e-9;
          expect(r.outputTokensPerSecondPerChip).toBeLessThanOrEqual(roof.outputTokensPerSecondPerChip * slack);
          expect(r.decodeTokensPerSecondPerChip).toBeLessThanOrEqual(roof.decodeTokensPerSecondPerChip * slack);
          expect(r.tokensPerSecondPerSequence).toBeLessThanOrEqual(roof.tokensPerSecondPerSequence * slack);
          expect(r.prefillTokensPerSecondPerChip).toBeLessThanOrEqual(roof.prefillTokensPerSecondPerChip * slack);
          expect(r.timeToFirstTokenSeconds * slack).toBeGreaterThanOrEqual(roof.timeToFirstTokenSeconds);
          expect(Number.isFinite(r.outputTokensPerSecondPerChip) && r.outputTokensPerSecondPerChip > 0).toBe(true);
        }
      ),
      {numRuns: 2000}
    );
  });

  it("splits every step into parts that add up: kernels (between the larger roof and both) + communication + overhead", () => {
    fc.assert(
      fc.property(fc.constantFrom(...cases), efficienciesArb, ({hw, model, precision, tp, ep}, efficiencies) => {
        const r = servingPerformance(
          {
            hardware: hw,
            model,
            precision,
            batchSize: 8,
            inputTokens: 1000,
            outputTokens: 100,
            cacheHitFraction: 0,
            tensorParallel: tp,
            expertParallel: ep,
            stack: "vllm",
            hbmReserveFraction: DEFAULT_HBM_RESERVE_FRACTION
          },
          efficiencies
        );
        for (const step of [r.decode, r.prefill, r.batchPrefill]) {
          const parts = step.busySeconds + step.communicationSeconds + step.overheadSeconds;
          expect(Math.abs(step.seconds - parts)).toBeLessThanOrEqual(1e-12 * step.seconds);
          // The kernels take at least the whole step at its larger roof (full overlap) and at most both roofs in full.
          const overlapped = Math.max(step.memorySeconds, step.computeSeconds);
          expect(step.busySeconds).toBeGreaterThanOrEqual(overlapped * (1 - 1e-12));
          expect(step.busySeconds).toBeLessThanOrEqual((step.memorySeconds + step.computeSeconds) * (1 + 1e-12));
          if (Math.max(tp, ep) === 1) expect(step.communicationSeconds).toBe(0);
        }
      }),
      {numRuns: 500}
    );
  });
});

describe("time to first token under data-parallel attention", () => {
  // DeepSeek-V3 FP8 on H100 at TP1: each rank runs its own prompt's attention and dense layers, so a lone 4,096-token
  // prompt takes the step in which every rank prefills one (prefill of attentionGroups prompts), not one prompt spread
  // over every chip of the replica. Spread, it read 0.0206 s at EP 144 and 0.052 s at EP 10 (breaker): below the
  // dense-and-attention compute of 4,096 tokens on the one H100 that holds the prompt (~0.13 s).
  const input = (expertParallel: number): ServingInput => ({
    hardware: byId(hardware, "h100-sxm"),
    model: byId(models, "deepseek-v3"),
    precision: "fp8",
    batchSize: 64,
    inputTokens: 4096,
    outputTokens: 256,
    cacheHitFraction: 0,
    tensorParallel: 1,
    expertParallel,
    stack: "sglang",
    hbmReserveFraction: null
  });
  it.each([10, 32, 144])("is one prefill step of a prompt per rank at EP %i", (ep) => {
    const result = servingPerformance(input(ep), ISSUE_FRACTIONS);
    const layout = replicaLayout(1, ep);
    const hw = replicaHardware(byId(hardware, "h100-sxm"), "fp8", layout.chips);
    const step = prefill(
      {
        model: byId(models, "deepseek-v3"),
        hardware: hw,
        layout,
        bytesPerParam: 1,
        kvBytesPerElement: 1,
        requests: layout.attentionGroups,
        inputTokens: 4096,
        cachedTokens: 0
      },
      ISSUE_FRACTIONS
    );
    expect(result.timeToFirstTokenSeconds).toBe(step.seconds);
    expect(result.timeToFirstTokenSeconds).toBeGreaterThan(0.13);
  });
  it("is one prompt alone under tensor parallelism (one attention group)", () => {
    const tp = servingPerformance({...input(1), tensorParallel: 8, expertParallel: 8}, ISSUE_FRACTIONS);
    expect(replicaLayout(8, 8).attentionGroups).toBe(1);
    expect(tp.timeToFirstTokenSeconds).toBe(tp.prefill.seconds);
  });
});
