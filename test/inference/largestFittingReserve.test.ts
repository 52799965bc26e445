import {describe, expect, it} from "vitest";
import {largestFittingReserve} from "../../src/inference/largestFittingReserve.js";

describe("largestFittingReserve", () => {
  it("is 1 − (weights + batch × KV) ÷ HBM, rounded down to 0.001", () => {
    // 100 GB of HBM, 40 GB of weights, 8 sequences of 2.5 GB: 60 GB needed, 0.4 may be held back.
    expect(largestFittingReserve({hbmBytes: 100e9, weightBytes: 40e9, kvBytesPerSequence: 2.5e9, batchSize: 8})).toBe(
      0.4
    );
    // 1 − 61.23 ÷ 100 = 0.3877 → 0.387 (down, so the printed value fits).
    expect(
      largestFittingReserve({hbmBytes: 100e9, weightBytes: 41.23e9, kvBytesPerSequence: 2.5e9, batchSize: 8})
    ).toBe(0.387);
  });

  it("is null when the batch does not fit with nothing held back", () => {
    expect(
      largestFittingReserve({hbmBytes: 100e9, weightBytes: 90e9, kvBytesPerSequence: 2.5e9, batchSize: 8})
    ).toBeNull();
  });
});
