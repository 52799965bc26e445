import fc from "fast-check";
import {describe, expect, it} from "vitest";
import type {Hardware} from "../../src/catalog/hardware.js";
import type {ModelArchitecture} from "../../src/catalog/model.js";
import {decodeStep} from "../../src/inference/decodeStep.js";
import {DEFAULT_HBM_RESERVE_FRACTION, memoryFit} from "../../src/inference/memoryFit.js";
import {
  BYTES_PER_PARAM,
  DEFAULT_KV_BYTES_PER_ELEMENT,
  PRECISIONS,
  peakFlopsPerS,
  type Precision
} from "../../src/inference/precision.js";
import {
  DEFAULT_ACHIEVABLE_BANDWIDTH_FRACTION,
  DEFAULT_ACHIEVABLE_COMPUTE_FRACTION,
  replicaHardware,
  servingPerformance
} from "../../src/inference/servingPerformance.js";
import {loadCatalogs} from "../../src/node/catalogFiles.js";

const {hardware, models} = loadCatalogs();
const byId = <T extends {id: string}>(rows: T[], id: string): T => {
  const row = rows.find((r) => r.id === id);
  if (!row) throw new Error(`no catalog row ${id}`);
  return row;
};

/** Batch-1 decode bound: every weight is read once per token, so tokens/s ≤ TP × bandwidth ÷ weight bytes. */
const bandwidthBoundTokensPerS = (hw: Hardware, model: ModelArchitecture, precision: Precision, tp: number) =>
  (tp * hw.hbmBandwidthBytesPerS) / (model.params * BYTES_PER_PARAM[precision]);

describe("batch-1 decode and the memory-bandwidth bound", () => {
  const h100 = byId(hardware, "h100-sxm");
  const llama8b = byId(models, "llama-3.1-8b");

  it("puts Llama 3.1 8B BF16 on one H100 at 208.6 tok/s ideal, 0.8 × that at the default fraction", () => {
    // Derived: 3.35e12 B/s (NVIDIA H100 datasheet, data/hardware.csv) ÷ (8.03e9 params (config.json,
    // data/models.csv) × 2 B) = 208.59 tokens/s per sequence.
    const bound = bandwidthBoundTokensPerS(h100, llama8b, "bf16", 1);
    expect(bound).toBeCloseTo(208.59, 2);

    // With no KV cache to read the step is pure weight streaming, so the rate is exactly fraction × bound.
    const atFraction = (bandwidthFraction: number) =>
      decodeStep({
        model: llama8b,
        hardware: replicaHardware({
          hardware: h100,
          precision: "bf16",
          tensorParallel: 1,
          achievableBandwidthFraction: bandwidthFraction,
          achievableComputeFraction: DEFAULT_ACHIEVABLE_COMPUTE_FRACTION
        }),
        bytesPerParam: BYTES_PER_PARAM.bf16,
        kvBytesPerElement: DEFAULT_KV_BYTES_PER_ELEMENT.bf16,
        batchSize: 1,
        contextTokens: 0
      });
    expect(1 / atFraction(1).seconds).toBeCloseTo(bound, 9);
    const step = atFraction(DEFAULT_ACHIEVABLE_BANDWIDTH_FRACTION);
    expect(step.bound).toBe("memory");
    expect(1 / step.seconds).toBeCloseTo(0.8 * 208.59, 1); // 166.87 tokens/s

    // A real context adds KV reads, so the served rate sits below 0.8 × bound, never above it.
    const served = servingPerformance({
      hardware: h100,
      model: llama8b,
      precision: "bf16",
      batchSize: 1,
      contextTokens: 4096,
      tensorParallel: 1,
      achievableBandwidthFraction: DEFAULT_ACHIEVABLE_BANDWIDTH_FRACTION,
      achievableComputeFraction: DEFAULT_ACHIEVABLE_COMPUTE_FRACTION,
      hbmReserveFraction: DEFAULT_HBM_RESERVE_FRACTION
    });
    expect(served.tokensPerSecondPerSequence).toBeLessThan(0.8 * bound);
  });

  // Every catalog chip × dense model × precision × TP the chip supports and the replica's HBM holds.
  const cases = hardware.flatMap((hw) =>
    models
      .filter((model) => model.experts === 1)
      .flatMap((model) =>
        PRECISIONS.flatMap((precision) =>
          [1, 2, 4, 8]
            .filter(
              (tp) =>
                peakFlopsPerS(hw, precision) !== null &&
                memoryFit({
                  model,
                  hbmBytes: hw.hbmBytes,
                  tensorParallel: tp,
                  bytesPerParam: BYTES_PER_PARAM[precision],
                  kvBytesPerElement: DEFAULT_KV_BYTES_PER_ELEMENT[precision],
                  contextTokens: 1,
                  reserveFraction: DEFAULT_HBM_RESERVE_FRACTION
                }).fits
            )
            .map((tp) => ({hw, model, precision, tp}))
        )
      )
  );

  it("finds enough catalog combinations to make the property meaningful", () => {
    expect(cases.length).toBeGreaterThan(100);
  });

  it("never decodes a batch-1 token faster than TP × bandwidth ÷ weight bytes (every catalog combination)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...cases),
        fc.double({min: 0, max: 1, noNaN: true}),
        fc.double({min: 0.05, max: 1, noNaN: true}),
        fc.double({min: 0.05, max: 1, noNaN: true}),
        ({hw, model, precision, tp}, contextFraction, bandwidthFraction, computeFraction) => {
          const contextTokens = Math.max(1, Math.round(contextFraction * model.contextTokens));
          const r = servingPerformance({
            hardware: hw,
            model,
            precision,
            batchSize: 1,
            contextTokens,
            tensorParallel: tp,
            achievableBandwidthFraction: bandwidthFraction,
            achievableComputeFraction: computeFraction,
            hbmReserveFraction: DEFAULT_HBM_RESERVE_FRACTION
          });
          const bound = bandwidthBoundTokensPerS(hw, model, precision, tp);
          const rate = 1 / r.decode.seconds;
          expect(rate).toBeLessThanOrEqual(bound * (1 + 1e-12));
          // The sharper form: at most the achievable fraction of that bound.
          expect(rate).toBeLessThanOrEqual(bandwidthFraction * bound * (1 + 1e-12));
        }
      ),
      {numRuns: 2000}
    );
  });

  it("meets the bound exactly with no context and ideal fractions (every catalog combination)", () => {
    for (const {hw, model, precision, tp} of cases) {
      const step = decodeStep({
        model,
        hardware: replicaHardware({
          hardware: hw,
          precision,
          tensorParallel: tp,
          achievableBandwidthFraction: 1,
          achievableComputeFraction: 1
        }),
        bytesPerParam: BYTES_PER_PARAM[precision],
        kvBytesPerElement: DEFAULT_KV_BYTES_PER_ELEMENT[precision],
        batchSize: 1,
        contextTokens: 0
      });
      const bound = bandwidthBoundTokensPerS(hw, model, precision, tp);
      expect(Math.abs(1 / step.seconds - bound) / bound, `${hw.id} ${model.id} ${precision} TP${tp}`).toBeLessThan(
        1e-12
      );
    }
  });
});
