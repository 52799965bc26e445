import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {paramsReadPerStep, splitParams, touchedExpertFraction} from "../../src/inference/weights.js";
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

  it("reads the active parameters at batch 1 and approaches all parameters at large batch", () => {
    expect(paramsReadPerStep(MOE_8X7B, 1) / 1e9).toBeCloseTo(12.9, 6);
    expect(paramsReadPerStep(MOE_8X7B, 512) / 1e9).toBeCloseTo(46.7, 6);
  });

  it("never falls as the batch grows, and stays between active and total", () => {
    fc.assert(
      fc.property(fc.integer({min: 1, max: 4096}), (batch) => {
        const read = paramsReadPerStep(MOE_8X7B, batch);
        expect(read).toBeGreaterThanOrEqual(paramsReadPerStep(MOE_8X7B, Math.max(1, batch - 1)) - 1);
        expect(read).toBeGreaterThanOrEqual(MOE_8X7B.activeParams - 1);
        expect(read).toBeLessThanOrEqual(MOE_8X7B.params + 1);
      })
    );
  });
});
