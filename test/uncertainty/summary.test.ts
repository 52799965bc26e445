import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {UserError} from "../../src/errors/userError.js";
import {
  fan,
  fanOfColumns,
  histogram,
  mean,
  percentiles,
  probabilityAbove,
  quantileSorted,
  sortedCopy,
  standardDeviation,
  summarize
} from "../../src/uncertainty/summary.js";

const ONE_TO_TEN = Float64Array.from({length: 10}, (_, i) => 10 - i);

/** Element-wise |actual − expected| <= 1e-12 · max(1, |expected|): derived values are never compared exactly. */
function expectClose(actual: readonly number[], expected: readonly number[]): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, i) =>
    expect(Math.abs(a - expected[i]!)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected[i]!)))
  );
}

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

describe("summarize", () => {
  it("reports count, mean, sd, min, max and percentiles, leaving NaN out", () => {
    const values = Float64Array.from([...ONE_TO_TEN, NaN]);
    const s = summarize(values);
    expect(s).toMatchObject({count: 10, nanCount: 1, mean: 5.5, min: 1, max: 10});
    expectClose([s.p5, s.p25, s.p50, s.p75, s.p95], [1.45, 3.25, 5.5, 7.75, 9.55]);
    expect(s.sd).toBeCloseTo(Math.sqrt(55 / 6), 14); // var of 1..10 with divisor n − 1 = 9.1666…
    expect(values[0]).toBe(10);
  });

  it("gives the same summary in place, reordering the array", () => {
    const values = ONE_TO_TEN.slice();
    expect(summarize(values, {inPlace: true})).toEqual(summarize(ONE_TO_TEN));
  });

  it("handles one value and no values", () => {
    expect(summarize(Float64Array.of(3))).toMatchObject({count: 1, mean: 3, sd: 0, p5: 3, p95: 3});
    expect(summarize(new Float64Array(0)).mean).toBeNaN();
  });

  it("mean and sd skip NaN", () => {
    expect(mean(Float64Array.of(1, NaN, 3))).toBe(2);
    expect(standardDeviation(Float64Array.of(1, NaN, 3))).toBeCloseTo(Math.SQRT2, 15);
  });
});

describe("histogram", () => {
  it("bins the finite values into equal-width bins whose counts sum to the total", () => {
    const rows = histogram(ONE_TO_TEN, {bins: 3});
    expect(rows.map((r) => r.count)).toEqual([3, 3, 4]);
    expect(rows[0]).toEqual({x0: 1, x1: 4, count: 3});
    expect(rows[2]!.x1).toBe(10);
  });

  it("honours a given range and drops values outside it", () => {
    const rows = histogram(ONE_TO_TEN, {bins: 2, min: 0, max: 4});
    expect(rows).toEqual([
      {x0: 0, x1: 2, count: 1},
      {x0: 2, x1: 4, count: 3}
    ]);
  });

  it("puts equal values into one bin and rejects a bad bin count", () => {
    expect(histogram(Float64Array.of(2, 2, 2), {bins: 10})).toEqual([{x0: 2, x1: 2, count: 3}]);
    expect(() => histogram(ONE_TO_TEN, {bins: 0})).toThrow(UserError);
    expect(() => histogram(ONE_TO_TEN, {bins: 2.5})).toThrow(UserError);
  });
});

describe("probabilityAbove", () => {
  it("is the fraction strictly above the threshold", () => {
    expect(probabilityAbove(ONE_TO_TEN, 7)).toBe(0.3);
    expect(probabilityAbove(ONE_TO_TEN, 10)).toBe(0);
    expect(probabilityAbove(Float64Array.of(NaN, 1, 3), 2)).toBe(0.5);
  });
});

describe("fan", () => {
  it("gives per-step percentiles of a sample-major series", () => {
    // 10 samples × 2 steps: step 0 holds 1..10, step 1 holds 10× that.
    const values = new Float64Array(20);
    for (let s = 0; s < 10; s++) {
      values[s * 2] = s + 1;
      values[s * 2 + 1] = 10 * (s + 1);
    }
    const rows = fan({values, samples: 10, steps: 2});
    const [first] = rows;
    expect(first!.step).toBe(0);
    expectClose([first!.p5, first!.p25, first!.p50, first!.p75, first!.p95], [1.45, 3.25, 5.5, 7.75, 9.55]);
    expect(rows[1]!.p50).toBe(55);
    expect(rows[1]!.p95).toBeCloseTo(95.5, 12);
  });

  it("gives the same rows for a step-major layout as for the sample-major one, on any series", () => {
    fc.assert(
      fc.property(
        fc.integer({min: 1, max: 1200}),
        fc.integer({min: 1, max: 4}),
        fc.integer({min: 0, max: 2 ** 31 - 1}),
        (samples, steps, seed) => {
          let state = seed;
          const next = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32 - 0.3) ** 3;
          const bySample = Float64Array.from({length: samples * steps}, next);
          const byStep = new Float64Array(samples * steps);
          for (let s = 0; s < samples; s++)
            for (let t = 0; t < steps; t++) byStep[t * samples + s] = bySample[s * steps + t]!;
          const rows = fan({values: byStep, samples, steps, layout: "step-major"});
          expect(rows).toEqual(fan({values: bySample, samples, steps}));
          const filled = fanOfColumns({
            samples,
            steps,
            fillColumn: (t, column) => column.set(byStep.subarray(t * samples, (t + 1) * samples))
          });
          expect(filled).toEqual(rows);
          const column = bySample.filter((_, i) => i % steps === steps - 1);
          const [p5, p50, p95] = percentiles(column, [0.05, 0.5, 0.95]);
          expect([rows[steps - 1]!.p5, rows[steps - 1]!.p50, rows[steps - 1]!.p95]).toEqual([p5, p50, p95]);
        }
      ),
      {numRuns: 60}
    );
  });

  it("gives a step whose values repeat the step before that step's percentiles (plateaus, NaN and −0 included)", () => {
    const samples = 700;
    const base = Float64Array.from({length: samples}, (_, i) => ((i * 7919) % 1000) - 500);
    const withNaN = base.map((v, i) => (i % 50 === 0 ? NaN : v));
    const zeros = new Float64Array(samples);
    const negativeZeros = new Float64Array(samples).fill(-0);
    const columns = [base, base, base.map((v) => v * 2), withNaN, withNaN, zeros, negativeZeros, negativeZeros];
    const bySample = new Float64Array(samples * columns.length);
    columns.forEach((column, t) => column.forEach((v, s) => (bySample[s * columns.length + t] = v)));
    const rows = fanOfColumns({samples, steps: columns.length, fillColumn: (t, out) => out.set(columns[t]!)});
    expect(rows).toEqual(fan({values: bySample, samples, steps: columns.length}));
    expect(rows.map((r) => r.step)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it("rejects a shape that does not match the values", () => {
    expect(() => fan({values: new Float64Array(5), samples: 2, steps: 2})).toThrow(UserError);
    expect(() => fan({values: new Float64Array(0), samples: 0, steps: 2})).toThrow(UserError);
    expect(() => fanOfColumns({samples: 3, steps: 1.5, fillColumn: () => {}})).toThrow(UserError);
  });
});
