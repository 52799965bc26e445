import {describe, expect, it} from "vitest";
import {mean, probabilityAbove, standardDeviation, summarize} from "../../src/uncertainty/summary.js";
import {percentiles} from "../../src/uncertainty/quantiles.js";
import {ONE_TO_TEN, expectClose} from "./helpers.js";

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

describe("probabilityAbove", () => {
  it("is the fraction strictly above the threshold", () => {
    expect(probabilityAbove(ONE_TO_TEN, 7)).toBe(0.3);
    expect(probabilityAbove(ONE_TO_TEN, 10)).toBe(0);
    expect(probabilityAbove(Float64Array.of(NaN, 1, 3), 2)).toBe(0.5);
  });
});
