import {describe, expect, it} from "vitest";
import {UserError} from "../../src/errors/userError.js";
import {distributionCdf, distributionMean, distributionSd} from "../../src/uncertainty/closedForm.js";
import type {Distribution} from "../../src/uncertainty/distribution.js";
import {createRng} from "../../src/uncertainty/rng.js";
import {sample, sampleInto} from "../../src/uncertainty/sample.js";
import {mean, standardDeviation} from "../../src/uncertainty/summary.js";
import {percentiles} from "../../src/uncertainty/quantiles.js";
import {standardNormal} from "../../src/uncertainty/ziggurat.js";

/** Samples per distribution: enough that 5 standard errors are tight, few enough to stay fast. */
const N = 200_000;
/** Every tolerance below is K standard errors of the statistic at N samples (a fixed seed makes it deterministic). */
const K = 5;

const CASES: [string, Distribution][] = [
  ["standard normal", {kind: "normal", mean: 0, sd: 1}],
  ["normal(1.25, 0.09)", {kind: "normal", mean: 1.25, sd: 0.09}],
  ["lognormal(ln 28000, 0.21)", {kind: "lognormal", mu: Math.log(28_000), sigma: 0.21}],
  ["lognormal(0, 1) (heavy tail)", {kind: "lognormal", mu: 0, sigma: 1}],
  ["uniform(0.4, 0.8)", {kind: "uniform", min: 0.4, max: 0.8}],
  ["triangular(1, 2, 5)", {kind: "triangular", min: 1, mode: 2, max: 5}],
  ["triangular(0, 0, 1) (mode at min)", {kind: "triangular", min: 0, mode: 0, max: 1}],
  ["triangular(0, 1, 1) (mode at max)", {kind: "triangular", min: 0, mode: 1, max: 1}]
];

describe.each(CASES)("sample %s", (_name, dist) => {
  const values = sample(dist, N, createRng(12345));
  const mu = distributionMean(dist);
  const sd = distributionSd(dist);

  it(`has the closed-form mean within ${K} standard errors (SE = sd/√n)`, () => {
    expect(Math.abs(mean(values) - mu)).toBeLessThan((K * sd) / Math.sqrt(N));
  });

  it(`has the closed-form sd within ${K} standard errors (SE ≈ √((m4 − s⁴) / (4 s² n)), m4 from the sample)`, () => {
    const s = standardDeviation(values);
    let m4 = 0;
    for (const v of values) m4 += (v - mu) ** 4;
    m4 /= N;
    const se = Math.sqrt((m4 - sd ** 4) / (4 * sd * sd * N));
    expect(Math.abs(s - sd)).toBeLessThan(K * se);
  });

  it(`puts p5, p25, p50, p75, p95 at the right probability: |F(sample quantile) − p| < ${K}·√(p(1−p)/n)`, () => {
    const ps = [0.05, 0.25, 0.5, 0.75, 0.95];
    percentiles(values, ps).forEach((q, j) => {
      const p = ps[j]!;
      expect(Math.abs(distributionCdf(dist, q) - p)).toBeLessThan(K * Math.sqrt((p * (1 - p)) / N));
    });
  });

  it("passes a Kolmogorov–Smirnov test against the closed-form CDF (D < 1.95/√n, α ≈ 0.001)", () => {
    const sorted = values.slice().sort();
    let d = 0;
    for (let i = 0; i < N; i++) {
      const f = distributionCdf(dist, sorted[i]!);
      d = Math.max(d, f - i / N, (i + 1) / N - f);
    }
    expect(d).toBeLessThan(1.95 / Math.sqrt(N));
  });

  it("is deterministic for a seed and differs across seeds", () => {
    expect(sample(dist, 1000, createRng(12345))).toEqual(values.subarray(0, 1000));
    expect(sample(dist, 1000, createRng(54321))).not.toEqual(values.subarray(0, 1000));
  });
});

describe("the ziggurat normal sampler", () => {
  it("draws the tail beyond R = 3.4426 (Marsaglia–Tsang base layer) at the right rate", () => {
    // P(|Z| > R) = 2(1 − Φ(R)) = 5.7628e-4; tolerance K standard errors of a binomial proportion.
    const n = 1_000_000;
    const z = sample({kind: "normal", mean: 0, sd: 1}, n, createRng(99));
    let beyond = 0;
    let beyond4 = 0;
    for (const v of z) {
      if (Math.abs(v) > 3.442619855899) beyond++;
      if (Math.abs(v) > 4) beyond4++;
    }
    const p = 2 * (1 - distributionCdf({kind: "normal", mean: 0, sd: 1}, 3.442619855899));
    const p4 = 6.334248366623973e-5; // 2(1 − Φ(4)), SciPy 2 · norm.sf(4)
    expect(Math.abs(beyond / n - p)).toBeLessThan(K * Math.sqrt((p * (1 - p)) / n));
    expect(Math.abs(beyond4 / n - p4)).toBeLessThan(K * Math.sqrt((p4 * (1 - p4)) / n));
  });

  it("gives pinned first deviates for seed 42 (for a browser comparison)", () => {
    expect(Array.from(sample({kind: "normal", mean: 0, sd: 1}, 8, createRng(42)))).toEqual([
      -0.6398301941672411, 0.9960864732316052, 0.050162160773516665, 0.2103559711579255, -0.1380762447447871,
      -1.4185835142202996, 2.275182066180799, 0.31835566170116253
    ]);
  });

  it("standardNormal() draws the same stream as sample()", () => {
    const rng = createRng(7);
    const one = Array.from({length: 100}, () => standardNormal(rng));
    expect(one).toEqual(Array.from(sample({kind: "normal", mean: 0, sd: 1}, 100, createRng(7))));
  });
});

describe("sampleInto", () => {
  it("fills a point without consuming the RNG", () => {
    let calls = 0;
    const rng = () => {
      calls++;
      return 0.5;
    };
    expect(Array.from(sampleInto({kind: "point", value: 3}, new Float64Array(4), rng))).toEqual([3, 3, 3, 3]);
    expect(calls).toBe(0);
  });

  it("maps u = 0 to the lower end of uniform and triangular", () => {
    const zero = () => 0;
    expect(sampleInto({kind: "uniform", min: 2, max: 3}, new Float64Array(1), zero)[0]).toBe(2);
    expect(sampleInto({kind: "triangular", min: 1, mode: 2, max: 5}, new Float64Array(1), zero)[0]).toBe(1);
  });

  it("returns an empty array for n = 0 and rejects invalid parameters", () => {
    expect(sample({kind: "normal", mean: 0, sd: 1}, 0, createRng(1)).length).toBe(0);
    expect(() => sample({kind: "normal", mean: 0, sd: 0}, 10, createRng(1))).toThrow(UserError);
    expect(() => sample({kind: "uniform", min: 1, max: 0}, 10, createRng(1))).toThrow(UserError);
  });
});
