import {describe, expect, it} from "vitest";
import {
  distributionCdf,
  distributionMean,
  distributionQuantile,
  distributionSd,
  triangularInverseCdf
} from "../../src/uncertainty/closedForm.js";
import type {Distribution} from "../../src/uncertainty/distribution.js";

describe("closed forms", () => {
  it.each([
    // Expected values from SciPy 1.x (triang c = 0.25, loc 1, scale 4; lognorm s = 0.5, scale = e).
    [{kind: "triangular", min: 1, mode: 2, max: 5}, 2.666666666666667, 0.8498365855987975],
    [{kind: "lognormal", mu: 1, sigma: 0.5}, 3.080216848918031, 1.6415718456238662],
    [{kind: "uniform", min: 0, max: 12}, 6, Math.sqrt(12)],
    [{kind: "normal", mean: -2, sd: 3}, -2, 3],
    [{kind: "point", value: 7}, 7, 0]
  ] as [Distribution, number, number][])("%o has mean %s and sd %s", (dist, mean, sd) => {
    expect(distributionMean(dist)).toBeCloseTo(mean, 12);
    expect(distributionSd(dist)).toBeCloseTo(sd, 12);
  });

  it("triangular quantiles match SciPy", () => {
    const dist: Distribution = {kind: "triangular", min: 1, mode: 2, max: 5};
    expect(distributionQuantile(dist, 0.05)).toBeCloseTo(1.4472136, 7);
    expect(distributionQuantile(dist, 0.5)).toBeCloseTo(2.55051026, 7);
    expect(distributionQuantile(dist, 0.95)).toBeCloseTo(4.22540333, 7);
    expect(triangularInverseCdf(1, 2, 5, 0.25)).toBeCloseTo(2, 14);
  });

  it.each([
    {kind: "triangular", min: 1, mode: 2, max: 5},
    {kind: "triangular", min: 0, mode: 0, max: 1},
    {kind: "lognormal", mu: 1, sigma: 0.5},
    {kind: "uniform", min: -1, max: 3},
    {kind: "normal", mean: 10, sd: 2}
  ] as Distribution[])("CDF inverts the quantile for %o", (dist) => {
    for (let p = 0.01; p < 1; p += 0.049)
      expect(distributionCdf(dist, distributionQuantile(dist, p))).toBeCloseTo(p, 12);
  });

  it("quantile is NaN outside [0, 1]", () => {
    expect(distributionQuantile({kind: "normal", mean: 0, sd: 1}, 1.5)).toBeNaN();
  });
});
