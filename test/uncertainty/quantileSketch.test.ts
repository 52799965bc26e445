import {describe, expect, it} from "vitest";
import {QuantileSketch} from "../../src/uncertainty/quantileSketch.js";
import {percentiles, sortedCopy} from "../../src/uncertainty/quantiles.js";
import {createRng} from "../../src/uncertainty/rng.js";
import {sampleInto} from "../../src/uncertainty/sample.js";
import {SUMMARY_PS} from "../../src/uncertainty/summary.js";

const PS = [0, 0.01, ...SUMMARY_PS, 0.5001, 0.99, 1];

/** The sketch's quantiles beside the exact type-7 ones, and the bound α × max(|x_⌊h⌋|, |x_⌈h⌉|) for each. */
function compare(values: Float64Array, alpha: number) {
  const sketch = new QuantileSketch(alpha);
  for (const x of values) sketch.add(x);
  const exact = percentiles(values, PS);
  const sorted = sortedCopy(values).filter((x) => !Number.isNaN(x));
  const n = sorted.length;
  return PS.map((p, j) => {
    const h = (n - 1) * p;
    const bound = alpha * Math.max(Math.abs(sorted[Math.floor(h)]!), Math.abs(sorted[Math.ceil(h)]!));
    return {p, estimate: sketch.quantiles([p])[0]!, exact: exact[j]!, bound};
  });
}

describe("QuantileSketch", () => {
  it.each([
    ["lognormal (a cumulative spend)", {kind: "lognormal", mu: Math.log(3e9), sigma: 0.8} as const],
    ["normal around zero (a cash flow crossing zero)", {kind: "normal", mean: -2e8, sd: 5e8} as const],
    ["uniform, narrow", {kind: "uniform", min: 0.999, max: 1.001} as const]
  ])("stays within α × max(|x_⌊h⌋|, |x_⌈h⌉|) of the exact type-7 quantile: %s", (_, dist) => {
    const values = sampleInto(dist, new Float64Array(50_000), createRng(7, "sketch"));
    for (const alpha of [1e-2, 5e-4]) {
      for (const {p, estimate, exact, bound} of compare(values, alpha)) {
        // A few ulps of the logarithm at a bucket's edge: 1e-12 relative.
        expect(Math.abs(estimate - exact), `p = ${p}, α = ${alpha}`).toBeLessThanOrEqual(bound * (1 + 1e-12) + 1e-300);
      }
    }
  });

  it("keeps zeros exactly, leaves NaN out, and is empty-safe", () => {
    const sketch = new QuantileSketch(0.01);
    expect(sketch.quantiles([0.5])).toEqual([NaN]);
    for (const x of [0, 0, 0, NaN, -5, 5]) sketch.add(x);
    expect(sketch.count).toBe(5);
    expect(sketch.quantiles([0.5])).toEqual([0]);
    const [low, high] = sketch.quantiles([0, 1]);
    expect(Math.abs(low! + 5)).toBeLessThanOrEqual(0.05);
    expect(Math.abs(high! - 5)).toBeLessThanOrEqual(0.05);
  });

  it("gives the same bits whatever the order the values came in", () => {
    const values = sampleInto({kind: "normal", mean: 1, sd: 3}, new Float64Array(10_000), createRng(3, "order"));
    const forward = new QuantileSketch(5e-4);
    const backward = new QuantileSketch(5e-4);
    for (let i = 0; i < values.length; i++) forward.add(values[i]!);
    for (let i = values.length - 1; i >= 0; i--) backward.add(values[i]!);
    expect(backward.quantiles(PS)).toEqual(forward.quantiles(PS));
  });

  it("rejects an accuracy outside (0, 0.5) and an infinite value", () => {
    expect(() => new QuantileSketch(0)).toThrow(/relativeAccuracy: out of range/);
    expect(() => new QuantileSketch(0.01).add(Infinity)).toThrow(/not finite/);
  });
});
