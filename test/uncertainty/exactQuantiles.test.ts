import {describe, expect, it} from "vitest";
import {ExactQuantiles} from "../../src/uncertainty/exactQuantiles.js";
import {QuantileSketch} from "../../src/uncertainty/quantileSketch.js";
import {percentiles} from "../../src/uncertainty/quantiles.js";
import {createRng} from "../../src/uncertainty/rng.js";
import {sampleInto} from "../../src/uncertainty/sample.js";
import {SUMMARY_PS} from "../../src/uncertainty/summary.js";

const PS = [0, 0.01, ...SUMMARY_PS, 0.5001, 0.99, 1];

/** Two passes over `values` (the second in reverse order): the sketch, then the needed buckets' values. */
function twoPass(values: Float64Array, ps: readonly number[] = PS, alpha = 5e-4) {
  const sketch = new QuantileSketch(alpha);
  for (const x of values) sketch.add(x);
  const exact = new ExactQuantiles(sketch, ps);
  for (let i = values.length - 1; i >= 0; i--) exact.add(values[i]!);
  return {quantiles: exact.quantiles(), held: exact.heldValues};
}

describe("ExactQuantiles", () => {
  it.each([
    ["lognormal (a cumulative spend)", {kind: "lognormal", mu: Math.log(3e9), sigma: 0.8} as const],
    ["normal around zero (a cash flow crossing zero)", {kind: "normal", mean: -2e8, sd: 5e8} as const],
    ["uniform, narrow", {kind: "uniform", min: 0.999, max: 1.001} as const]
  ])("gives the exact type-7 quantiles of quantiles.ts, bit for bit, holding a few values: %s", (_, dist) => {
    const values = sampleInto(dist, new Float64Array(200_000), createRng(11, "exact"));
    const {quantiles, held} = twoPass(values);
    expect(quantiles).toEqual(percentiles(values, PS));
    quantiles.forEach((q, j) => expect(Object.is(q, percentiles(values, PS)[j])).toBe(true));
    if (dist.kind !== "uniform") expect(held).toBeLessThan(values.length / 20);
  });

  it("handles zeros, repeated values, negatives and NaN as the exact quantiles do", () => {
    const rng = createRng(3, "mixed");
    const values = new Float64Array(20_000);
    for (let i = 0; i < values.length; i++) {
      const u = rng();
      values[i] = u < 0.2 ? 0 : u < 0.3 ? NaN : u < 0.5 ? -150e6 : u < 0.6 ? 42 : (u - 0.6) * 1e9 - 1e8;
    }
    expect(twoPass(values).quantiles).toEqual(percentiles(values, PS));
  });

  it("answers all-equal values without a second pass, and nothing with NaN", () => {
    const same = new Float64Array(1000).fill(-7.5);
    const {quantiles, held} = twoPass(same);
    expect(quantiles).toEqual(PS.map(() => -7.5));
    expect(held).toBe(0);
    expect(twoPass(new Float64Array([NaN, NaN])).quantiles).toEqual(PS.map(() => NaN));
  });

  it("refuses a second pass that did not see the same values", () => {
    const values = sampleInto({kind: "normal", mean: 0, sd: 1}, new Float64Array(1000), createRng(1, "x"));
    const sketch = new QuantileSketch(5e-4);
    for (const x of values) sketch.add(x);
    const exact = new ExactQuantiles(sketch, [0.5]);
    // The value of rank 499 (the median lies between ranks 499 and 500) is left out of the second pass.
    const missing = values.slice().sort()[499];
    for (const x of values) if (x !== missing) exact.add(x);
    expect(() => exact.quantiles()).toThrow(/second pass/);
  });
});
