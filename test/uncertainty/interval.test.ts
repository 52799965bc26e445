import {describe, expect, it} from "vitest";
import {UserError} from "../../src/errors/userError.js";
import {distributionQuantile} from "../../src/uncertainty/closedForm.js";
import type {Distribution} from "../../src/uncertainty/distribution.js";
import {
  lognormalFromInterval,
  normalFromInterval,
  uniformFromRange,
  validateDistribution
} from "../../src/uncertainty/interval.js";
import {createRng} from "../../src/uncertainty/rng.js";
import {sample} from "../../src/uncertainty/sample.js";

function relativeError(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
}

function userError(fn: () => unknown): UserError {
  try {
    fn();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error("expected a UserError");
}

describe("lognormalFromInterval", () => {
  it("puts p5 and p95 at the author's bounds (chip price 20,000–40,000 USD)", () => {
    const dist = lognormalFromInterval({p5: 20_000, p95: 40_000});
    expect(dist.kind).toBe("lognormal");
    expect(relativeError(distributionQuantile(dist, 0.05), 20_000)).toBeLessThan(1e-14);
    expect(relativeError(distributionQuantile(dist, 0.95), 40_000)).toBeLessThan(1e-14);
    expect(relativeError(distributionQuantile(dist, 0.5), Math.sqrt(20_000 * 40_000))).toBeLessThan(1e-14);
  });

  it("uses mu = (ln p5 + ln p95)/2 and sigma = (ln p95 − ln p5)/(2 · 1.6448536269514722)", () => {
    expect(lognormalFromInterval({p5: 1, p95: Math.E ** 2})).toEqual({
      kind: "lognormal",
      mu: 1,
      sigma: 2 / (2 * 1.6448536269514722)
    });
  });

  it("rejects p5 <= 0, naming where the value came from", () => {
    const error = userError(() =>
      lognormalFromInterval({p5: 0, p95: 1}, {file: "a.md", line: 3, path: "power.priceUsdPerKwh"})
    );
    expect(error.detail).toMatchObject({file: "a.md", line: 3, path: "power.priceUsdPerKwh", expected: "p5 > 0"});
    expect(error.message).toBe(
      "a.md:3: power.priceUsdPerKwh: a lognormal needs positive values: expected p5 > 0, found p5 = 0"
    );
  });
});

describe("normalFromInterval and uniformFromRange", () => {
  it("normal: p5 and p95 at the bounds, mean halfway", () => {
    const dist = normalFromInterval({p5: 1.1, p95: 1.4});
    expect(dist).toMatchObject({kind: "normal", mean: 1.25});
    expect(distributionQuantile(dist, 0.05)).toBeCloseTo(1.1, 14);
    expect(distributionQuantile(dist, 0.95)).toBeCloseTo(1.4, 14);
  });

  it("uniform: min and max", () => {
    expect(uniformFromRange({min: 0.4, max: 0.8})).toEqual({kind: "uniform", min: 0.4, max: 0.8});
  });
});

describe("an author's 90% interval", () => {
  // Fraction of N samples inside [p5, p95]: 0.9 within K binomial standard errors √(0.9 · 0.1 / N).
  const N = 100_000;
  const K = 5;
  it.each([
    ["lognormal 20k–40k", lognormalFromInterval({p5: 20_000, p95: 40_000}), 20_000, 40_000],
    ["lognormal 0.04–0.12", lognormalFromInterval({p5: 0.04, p95: 0.12}), 0.04, 0.12],
    ["normal 0.95–1.25", normalFromInterval({p5: 0.95, p95: 1.25}), 0.95, 1.25],
    ["normal −3–7", normalFromInterval({p5: -3, p95: 7}), -3, 7]
  ] as const)("%s holds 90% ± 5 SE of samples", (_name, dist, p5, p95) => {
    const values = sample(dist, N, createRng(314));
    let inside = 0;
    for (const v of values) if (v >= p5 && v <= p95) inside++;
    expect(Math.abs(inside / N - 0.9)).toBeLessThan(K * Math.sqrt((0.9 * 0.1) / N));
  });
});

describe("validateDistribution", () => {
  it("returns a valid distribution unchanged", () => {
    const dist: Distribution = {kind: "triangular", min: 1, mode: 1, max: 2};
    expect(validateDistribution(dist)).toBe(dist);
  });

  it.each([
    ["inverted uniform", {kind: "uniform", min: 2, max: 1}, "min < max"],
    ["empty uniform", {kind: "uniform", min: 1, max: 1}, "min < max"],
    ["zero sd", {kind: "normal", mean: 1, sd: 0}, "sd > 0"],
    ["negative sd", {kind: "normal", mean: 1, sd: -1}, "sd > 0"],
    ["zero sigma", {kind: "lognormal", mu: 0, sigma: 0}, "sigma > 0"],
    ["NaN mean", {kind: "normal", mean: NaN, sd: 1}, "a finite number"],
    ["infinite point", {kind: "point", value: Infinity}, "a finite number"],
    ["infinite mu", {kind: "lognormal", mu: Infinity, sigma: 1}, "a finite number"],
    ["string max", {kind: "uniform", min: 0, max: "1" as unknown as number}, "a finite number"],
    ["mode below min", {kind: "triangular", min: 1, mode: 0, max: 2}, "min <= mode <= max"],
    ["inverted triangular", {kind: "triangular", min: 2, mode: 2, max: 2}, "min < max"],
    [
      "unknown kind",
      {kind: "beta", alpha: 1, beta: 1} as unknown as Distribution,
      "point, uniform, normal, lognormal or triangular"
    ]
  ] as [string, Distribution, string][])("rejects %s", (_name, dist, expected) => {
    const error = userError(() => validateDistribution(dist, {path: "inputs.x"}));
    expect(error.detail.path).toBe("inputs.x");
    expect(error.detail.expected).toBe(expected);
  });

  it.each([
    ["inverted", {p5: 2, p95: 1}, "swap the bounds"],
    ["empty", {p5: 1, p95: 1}, "use a point value for a known quantity"]
  ])("rejects an %s interval with a hint", (_name, interval, hint) => {
    expect(userError(() => normalFromInterval(interval)).detail).toMatchObject({expected: "p5 < p95", hint});
    expect(userError(() => lognormalFromInterval(interval)).detail).toMatchObject({expected: "p5 < p95", hint});
  });

  it("rejects non-finite interval bounds", () => {
    expect(userError(() => normalFromInterval({p5: NaN, p95: 1})).detail).toMatchObject({found: "NaN"});
    expect(userError(() => lognormalFromInterval({p5: 1, p95: Infinity})).detail).toMatchObject({found: "Infinity"});
  });
});
