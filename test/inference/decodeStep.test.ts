import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {decodeStep} from "../../src/inference/decodeStep.js";
import {replicaLayout} from "../../src/inference/parallelism.js";
import {prefill} from "../../src/inference/prefill.js";
import {DENSE_70B, H100_LIKE, IDEAL} from "./fixtures.js";

const bf16 = {
  model: DENSE_70B,
  hardware: H100_LIKE,
  layout: replicaLayout(1, 1),
  bytesPerParam: 2,
  kvBytesPerElement: 2
};
// The embedding table of DENSE_70B: 1,000 × 8,192 = 8.192e6 parameters (fixtures.ts).
const TABLE = 1000 * 8192;

describe("decodeStep", () => {
  it("computes a batch-1 step by hand", () => {
    // Weights read: 70e9 − 8.192e6 (the input embedding table, gathered) + 8,192 (one gathered row) = 69.991816e9
    // params × 2 B = 139.983632e9 B; KV: 1 × 1,000 × 327,680 B = 0.32768e9 B; total 140.311312e9 B
    //   → ÷ 3.35e12 B/s = 41.88397 ms.
    // FLOPs: 2 × (70e9 − 2 × 8.192e6) (body) + 2 × 8.192e6 (output head) + 4·80·64·128·1,000 (attention)
    //   = 139.967232e9 + 16.384e6 + 2.62144e9 = 142.605056e9 → ÷ 989e12 = 0.1442 ms.
    const step = decodeStep({...bf16, batchSize: 1, contextTokens: 1000}, IDEAL);
    expect(step.bytes).toBeCloseTo((70e9 - TABLE + 8192) * 2 + 0.32768e9, -3);
    expect(step.flops).toBeCloseTo(142.605056e9, -3);
    expect(step.seconds * 1e3).toBeCloseTo(41.88397, 4);
    expect(step.bound).toBe("memory");
    expect(step.communicationSeconds).toBe(0); // one chip
  });

  it("becomes compute-bound at a batch past the ridge point", () => {
    // At batch 2048 and no context: FLOPs = 2048 × 2 × (70e9 − 8.192e6) (every active parameter but the gathered
    // input embedding) = 2.867e14 → 0.290 s; bytes ≈ 140e9 → 0.0418 s.
    const step = decodeStep({...bf16, batchSize: 2048, contextTokens: 0}, IDEAL);
    expect(step.bound).toBe("compute");
    expect(step.seconds).toBeCloseTo((2048 * 2 * (70e9 - TABLE)) / 989e12, 9);
  });

  it("runs attention after the matrix multiplies: each group at its own roof, summed, when kernels do not overlap", () => {
    // A context of 4,000 tokens. Matrix multiplies: weights (70e9 − 8.192e6 + batch × 8,192 gathered rows, at most
    // the table) × 2 B ÷ 3.35e12 B/s; FLOPs batch × 2 × (70e9 − 8.192e6) ÷ 989e12. Attention: KV batch × 4,000 ×
    // 327,680 B ÷ 3.35e12; FLOPs batch × 4·80·64·128·4,000 ÷ 989e12.
    //   batch 256: matrix multiplies max(41.787, 36.234) ms + attention max(100.162, 2.714) ms = 141.950 ms; both
    //              groups memory-bound, so overlapping them saves nothing (141.950 ms).
    //   batch 1,024: max(41.791, 144.938) + max(400.650, 10.857) = 545.587 ms in sequence; overlapped, the whole
    //              step at its larger roof: max(442.441, 155.795) = 442.441 ms.
    const shape = {...bf16, contextTokens: 4000};
    const weightBytes = (batch: number) => (70e9 - TABLE + Math.min(batch, 1000) * 8192) * 2;
    const linearFlops = (batch: number) => batch * 2 * (70e9 - TABLE);
    const kvBytes = (batch: number) => batch * 4000 * 327680;
    const attentionFlops = (batch: number) => batch * 4 * 80 * 64 * 128 * 4000;
    for (const batch of [256, 1024]) {
      const inSequence =
        Math.max(weightBytes(batch) / 3.35e12, linearFlops(batch) / 989e12) +
        Math.max(kvBytes(batch) / 3.35e12, attentionFlops(batch) / 989e12);
      const overlapped = Math.max(
        (weightBytes(batch) + kvBytes(batch)) / 3.35e12,
        (linearFlops(batch) + attentionFlops(batch)) / 989e12
      );
      const step = (kernelOverlapFraction: number) =>
        decodeStep({...shape, batchSize: batch}, {...IDEAL, kernelOverlapFraction}).seconds;
      expect(step(0)).toBeCloseTo(inSequence, 9);
      expect(step(1)).toBeCloseTo(overlapped, 9);
      expect(step(0.5)).toBeCloseTo((inSequence + overlapped) / 2, 9);
    }
    expect(decodeStep({...shape, batchSize: 256}, {...IDEAL, kernelOverlapFraction: 0}).seconds * 1e3).toBeCloseTo(
      141.95,
      2
    );
    const big = (kernelOverlapFraction: number) =>
      decodeStep({...shape, batchSize: 1024}, {...IDEAL, kernelOverlapFraction}).seconds * 1e3;
    expect([big(0), big(1)].map((ms) => Math.round(ms * 1000) / 1000)).toEqual([545.587, 442.441]);
  });

  it("adds the fixed step overhead once", () => {
    const plain = decodeStep({...bf16, batchSize: 8, contextTokens: 1000}, IDEAL);
    const withOverhead = decodeStep(
      {...bf16, batchSize: 8, contextTokens: 1000},
      {...IDEAL, stepOverheadSeconds: 1e-3}
    );
    expect(withOverhead.seconds - plain.seconds).toBeCloseTo(1e-3, 12);
    expect(withOverhead.overheadSeconds).toBe(1e-3);
  });

  it("never decodes faster than the memory-bandwidth bound (bandwidth ÷ weight bytes read per token at batch 1)", () => {
    fc.assert(
      fc.property(
        fc.integer({min: 0, max: 131072}),
        fc.double({min: 0.05, max: 1, noNaN: true}),
        fc.constantFrom(1, 2, 4, 8),
        (context, fraction, tp) => {
          const step = decodeStep(
            {
              ...bf16,
              hardware: {...H100_LIKE, chips: tp},
              layout: replicaLayout(tp, 1),
              batchSize: 1,
              contextTokens: context
            },
            {...IDEAL, bandwidthFraction: fraction}
          );
          const boundTokensPerS = (H100_LIKE.hbmBandwidthBytesPerS * tp) / ((DENSE_70B.params - TABLE) * 2);
          expect(1 / step.seconds).toBeLessThanOrEqual(boundTokensPerS * (1 + 1e-12));
        }
      )
    );
  });

  it("takes longer as context grows", () => {
    const short = decodeStep({...bf16, batchSize: 8, contextTokens: 1000}, IDEAL);
    const long = decodeStep({...bf16, batchSize: 8, contextTokens: 8000}, IDEAL);
    expect(long.seconds).toBeGreaterThan(short.seconds);
  });
});

describe("prefill", () => {
  it("is compute-bound for a 2,048-token prompt and counts causal attention and one row of logits", () => {
    // FLOPs = 2 × (70e9 − 2 × 8.192e6) × 2,048 (body) + 2 × 8.192e6 (logits of the last token)
    //       + 4·80·64·128 × 2,048² ÷ 2 (causal attention) = 286.65291e12 + 16.384e6 + 5.49756e12 = 292.15047e12
    //   → ÷ 989e12 = 295.4000 ms
    const step = prefill({...bf16, requests: 1, inputTokens: 2048, cachedTokens: 0}, IDEAL);
    expect(step.bound).toBe("compute");
    expect(step.flops / 1e12).toBeCloseTo(292.1505, 3);
    expect(step.seconds * 1e3).toBeCloseTo(295.4, 2);
  });

  it("skips the compute of prefix-cache hits but reads their KV", () => {
    // Half of a 2,048-token prompt cached: 1,024 new tokens attend over 1,024..2,048, pairs (2,048² − 1,024²) ÷ 2.
    const step = prefill({...bf16, requests: 1, inputTokens: 2048, cachedTokens: 1024}, IDEAL);
    const attention = 4 * 80 * 64 * 128 * ((2048 ** 2 - 1024 ** 2) / 2);
    expect(step.flops).toBeCloseTo(2 * (70e9 - 2 * TABLE) * 1024 + 2 * TABLE + attention, -3);
    // The KV moved is the same (the cached half read instead of written), and both steps gather all 1,000 rows of
    // the small vocabulary, so the bytes agree.
    const full = prefill({...bf16, requests: 1, inputTokens: 2048, cachedTokens: 0}, IDEAL);
    expect(step.bytes).toBe(full.bytes);
    expect(step.flops).toBeLessThan(full.flops / 1.9);
  });
});
