import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {percentiles, quantileSorted, sortedCopy} from "../../src/uncertainty/quantiles.js";
import {ONE_TO_TEN, expectClose} from "./helpers.js";

describe("percentiles", () => {
  it("interpolates linearly between order statistics (type 7; R quantile(1:10) / NumPy default)", () => {
    expectClose(percentiles(ONE_TO_TEN, [0.05, 0.25, 0.5, 0.75, 0.95, 0, 1]), [1.45, 3.25, 5.5, 7.75, 9.55, 1, 10]);
  });

  it("leaves its input unchanged and returns NaN for p outside [0, 1] or no values", () => {
    const copy = ONE_TO_TEN.slice();
    expect(percentiles(ONE_TO_TEN, [1.2, -0.1])).toEqual([NaN, NaN]);
    expect(ONE_TO_TEN).toEqual(copy);
    expect(percentiles(new Float64Array(0), [0.5])).toEqual([NaN]);
    expect(percentiles(Float64Array.of(NaN, NaN), [0.5])).toEqual([NaN]);
  });

  it("equals the sort-based type-7 quantile for any data, ties and sorted runs included", () => {
    const data = fc.oneof(
      fc.array(fc.double({noNaN: true, min: -1e6, max: 1e6}), {minLength: 1, maxLength: 300}),
      fc.array(fc.integer({min: 0, max: 3}), {minLength: 1, maxLength: 300}),
      fc.integer({min: 1, max: 300}).map((n) => Array.from({length: n}, (_, i) => i))
    );
    fc.assert(
      fc.property(data, fc.array(fc.double({min: 0, max: 1, noNaN: true}), {minLength: 1, maxLength: 6}), (xs, ps) => {
        const values = Float64Array.from(xs);
        const sorted = sortedCopy(values);
        const expected = ps.map((p) => quantileSorted(sorted, p));
        return percentiles(values, ps).every((q, j) => Object.is(q, expected[j]) || q === expected[j]);
      }),
      {numRuns: 300}
    );
  });

  it("equals the sort-based quantile on samples large enough to be bucketed: skewed, tied, with NaN and ±Infinity", () => {
    // 512 values or more take the bucketing path; heavy tails pile most values into one bucket, ties into one value.
    const value = fc.oneof(
      {weight: 6, arbitrary: fc.double({noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12})},
      {weight: 3, arbitrary: fc.double({min: -30, max: 30, noNaN: true}).map(Math.exp)},
      {weight: 2, arbitrary: fc.integer({min: -2, max: 2})},
      {weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, 0, -0, Number.MIN_VALUE, 1e308, -1e308)}
    );
    const bounded = (xs: number[]) => xs.map((x) => (Math.abs(x) > 1e300 ? 1 : x));
    fc.assert(
      fc.property(
        fc.array(value, {minLength: 512, maxLength: 3000}),
        fc.boolean(),
        fc.array(fc.double({min: 0, max: 1, noNaN: true}), {minLength: 1, maxLength: 6}),
        (xs, finite, ps) => {
          const values = Float64Array.from(finite ? bounded(xs) : xs);
          const copy = values.slice();
          const sorted = sortedCopy(values);
          const expected = [...ps, 0.05, 0.5, 0.95].map((p) => quantileSorted(sorted, p));
          const actual = percentiles(values, [...ps, 0.05, 0.5, 0.95]);
          expect(values).toEqual(copy);
          return actual.every((q, j) => Object.is(q, expected[j]) || q === expected[j]);
        }
      ),
      {numRuns: 200}
    );
  });

  it("stays fast on adversarial inputs (all equal, sorted, reversed: 200,000 values)", () => {
    const n = 200_000;
    const cases = [
      new Float64Array(n).fill(1),
      Float64Array.from({length: n}, (_, i) => i),
      Float64Array.from({length: n}, (_, i) => n - i),
      Float64Array.from({length: n}, (_, i) => i % 2)
    ];
    const t0 = performance.now();
    for (const values of cases) {
      const [p50] = percentiles(values, [0.5]);
      expect(p50).toBe(quantileSorted(sortedCopy(values), 0.5));
    }
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});
