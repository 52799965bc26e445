import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {
  bodyParamsPerToken,
  embeddingTableParams,
  splitParams,
  touchedExpertFraction,
  weightParamsReadPerStep,
  weightParamsStored
} from "../../src/inference/weights.js";
import {DENSE_70B, MOE_8X7B} from "./fixtures.js";

describe("splitParams", () => {
  it("splits Mixtral 8x7B into shared and routed parameters by hand", () => {
    // routed = (46.7 − 12.9) / (1 − 2/8) = 33.8 / 0.75 = 45.0667B; shared = 46.7 − 45.0667 = 1.6333B
    const {sharedParams, routedParams} = splitParams(MOE_8X7B);
    expect(routedParams / 1e9).toBeCloseTo(45.0667, 3);
    expect(sharedParams / 1e9).toBeCloseTo(1.6333, 3);
    // and gives back the active count: shared + routed × 2/8 = 12.9B
    expect((sharedParams + routedParams / 4) / 1e9).toBeCloseTo(12.9, 6);
  });

  it("puts every parameter of a dense model in the shared part", () => {
    expect(splitParams(DENSE_70B)).toEqual({sharedParams: 70e9, routedParams: 0});
  });
});

describe("touchedExpertFraction", () => {
  it("is k/E for one token and 1 − (1 − k/E)^B for B tokens", () => {
    expect(touchedExpertFraction(MOE_8X7B, 1)).toBeCloseTo(0.25, 12);
    // B = 2: 1 − 0.75² = 0.4375
    expect(touchedExpertFraction(MOE_8X7B, 2)).toBeCloseTo(0.4375, 12);
  });

  it("reads the active parameters at batch 1 and approaches all parameters at large batch (less the gathered table)", () => {
    // The 1,000 × 4,096 = 4.096e6-parameter input embedding is gathered: one row (4,096) read at batch 1, all 1,000
    // rows from batch 1,000 on.
    const table = 1000 * 4096;
    expect(weightParamsReadPerStep(MOE_8X7B, 1, 1)).toBeCloseTo(12.9e9 - table + 4096, -1);
    expect(weightParamsReadPerStep(MOE_8X7B, 1024, 1) / 1e9).toBeCloseTo(46.7, 6);
  });

  it("never falls as the batch grows, and stays between active and total", () => {
    fc.assert(
      fc.property(fc.integer({min: 1, max: 4096}), (batch) => {
        const read = weightParamsReadPerStep(MOE_8X7B, batch, 1);
        expect(read).toBeGreaterThanOrEqual(weightParamsReadPerStep(MOE_8X7B, Math.max(1, batch - 1), 1) - 1);
        expect(read).toBeGreaterThanOrEqual(MOE_8X7B.activeParams - embeddingTableParams(MOE_8X7B) - 1);
        expect(read).toBeLessThanOrEqual(MOE_8X7B.params + 1);
      })
    );
  });
});

describe("the input embedding is a gather", () => {
  // Llama 3.1 8B (config.json): 8.03e9 parameters, vocabulary 128,256, hidden 4,096, untied embeddings.
  const llama8b = {
    params: 8.03e9,
    activeParams: 8.03e9,
    experts: 1,
    expertsPerToken: 1,
    vocabSize: 128_256,
    hiddenSize: 4096,
    tiedEmbeddings: false
  };

  it("reads the gathered rows, not the table, and the output head whole", () => {
    // 8.03e9 − 128,256 × 4,096 (= 525,336,576) + 4,096 = 7,504,667,520 at batch 1; + 63 × 4,096 more at batch 64.
    expect(embeddingTableParams(llama8b)).toBe(525_336_576);
    expect(weightParamsReadPerStep(llama8b, 1, 1)).toBe(7_504_667_520);
    expect(weightParamsReadPerStep(llama8b, 64, 1) - weightParamsReadPerStep(llama8b, 1, 1)).toBe(63 * 4096);
  });

  it("multiplies through every active parameter but the two tables (one when tied)", () => {
    // untied: 8.03e9 − 2 × 525,336,576 = 6,979,326,848; tied: only one table to take off.
    expect(bodyParamsPerToken(llama8b)).toBe(6_979_326_848);
    expect(bodyParamsPerToken({...llama8b, tiedEmbeddings: true})).toBe(8.03e9 - 525_336_576);
  });

  it("reads a tied table whole (it is the output head) and gathers nothing extra", () => {
    expect(weightParamsReadPerStep({...llama8b, tiedEmbeddings: true}, 1, 1)).toBe(8.03e9);
  });

  it("stores the non-expert weights once per attention group and the experts once", () => {
    // Mixtral-like: shared 1.6333e9 (splitParams above), routed 45.0667e9; 4 attention groups: 4 × 1.6333 + 45.0667.
    expect(weightParamsStored(MOE_8X7B, 4) / 1e9).toBeCloseTo(4 * 1.63333 + 45.06667, 3);
    expect(weightParamsStored(DENSE_70B, 1)).toBe(70e9);
  });
});
