import {expect} from "vitest";

/** The numbers 10, 9, …, 1 (descending, so that a sort is needed). */
export const ONE_TO_TEN = Float64Array.from({length: 10}, (_, i) => 10 - i);

/** Element-wise |actual − expected| <= 1e-12 · max(1, |expected|): derived values are never compared exactly. */
export function expectClose(actual: readonly number[], expected: readonly number[]): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, i) =>
    expect(Math.abs(a - expected[i]!)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected[i]!)))
  );
}
