import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {decodeStep} from "../../src/inference/decodeStep.js";
import {prefill} from "../../src/inference/prefill.js";
import {DENSE_70B, H100_IDEAL} from "./fixtures.js";

const bf16 = {model: DENSE_70B, hardware: H100_IDEAL, bytesPerParam: 2, kvBytesPerElement: 2};

describe("decodeStep", () => {
  it("computes a batch-1 step by hand", () => {
    // bytes = 70e9·2 + 1·1000·327,680 = 140e9 + 0.32768e9 = 140.32768e9 B → / 3.35e12 B/s = 41.8889 ms
    // FLOPs = 2·70e9 + 4·80·64·128·1000 = 140e9 + 2.62144e9 = 142.62144e9 → / 989e12 = 0.1442 ms
    const step = decodeStep({...bf16, batchSize: 1, contextTokens: 1000});
    expect(step.bytes).toBeCloseTo(140.32768e9, -3);
    expect(step.flops).toBeCloseTo(142.62144e9, -3);
    expect(step.seconds * 1e3).toBeCloseTo(41.8889, 3);
    expect(step.bound).toBe("memory");
  });

  it("becomes compute-bound at a batch past the ridge point", () => {
    // At batch 2048 and no context: FLOPs = 2048·140e9 = 2.867e14 → 0.290 s; bytes = 140e9 → 0.0418 s.
    const step = decodeStep({...bf16, batchSize: 2048, contextTokens: 0});
    expect(step.bound).toBe("compute");
    expect(step.seconds).toBeCloseTo((2048 * 140e9) / 989e12, 9);
  });

  it("never decodes faster than the memory-bandwidth bound (bandwidth ÷ weight bytes per token at batch 1)", () => {
    fc.assert(
      fc.property(
        fc.integer({min: 0, max: 131072}),
        fc.double({min: 0.05, max: 1, noNaN: true}),
        fc.integer({min: 1, max: 8}),
        (context, fraction, tp) => {
          const hardware = {...H100_IDEAL, tensorParallel: tp, achievableBandwidthFraction: fraction};
          const step = decodeStep({...bf16, hardware, batchSize: 1, contextTokens: context});
          const boundTokensPerS = (H100_IDEAL.hbmBandwidthBytesPerS * tp) / (DENSE_70B.params * 2);
          expect(1 / step.seconds).toBeLessThanOrEqual(boundTokensPerS * (1 + 1e-12));
        }
      )
    );
  });

  it("takes longer as context grows", () => {
    const short = decodeStep({...bf16, batchSize: 8, contextTokens: 1000});
    const long = decodeStep({...bf16, batchSize: 8, contextTokens: 8000});
    expect(long.seconds).toBeGreaterThan(short.seconds);
  });
});

describe("prefill", () => {
  it("is compute-bound for a 2,048-token prompt and counts causal attention", () => {
    // FLOPs = 2·70e9·2048 + 2·80·64·128·2048² = 286.72e12 + 5.4976e12 = 292.2176e12 → / 989e12 = 295.47 ms
    const step = prefill({...bf16, promptTokens: 2048});
    expect(step.bound).toBe("compute");
    expect(step.flops / 1e12).toBeCloseTo(292.2176, 3);
    expect(step.seconds * 1e3).toBeCloseTo(295.468, 2);
  });
});
