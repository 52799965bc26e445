import {describe, expect, it} from "vitest";
import {standardNormalCdf, standardNormalQuantile, Z_95} from "../../src/uncertainty/normal.js";

describe("standardNormalQuantile", () => {
  it.each([
    // Reference values: R qnorm() / SciPy norm.ppf, to 16 significant digits.
    [0.5, 0],
    [0.95, 1.6448536269514722],
    [0.975, 1.959963984540054],
    [0.05, -1.6448536269514722],
    [0.999, 3.090232306167813],
    [1e-10, -6.361340902404056]
  ])("Φ⁻¹(%s) = %s to 1e-14 relative", (p, z) => {
    expect(Math.abs(standardNormalQuantile(p) - z)).toBeLessThanOrEqual(1e-14 * Math.max(1, Math.abs(z)));
  });

  it("is ±Infinity at 0 and 1 and NaN outside [0, 1]", () => {
    expect(standardNormalQuantile(0)).toBe(-Infinity);
    expect(standardNormalQuantile(1)).toBe(Infinity);
    expect(standardNormalQuantile(-0.1)).toBeNaN();
    expect(standardNormalQuantile(NaN)).toBeNaN();
  });

  it("Z_95 is the 95th percentile", () => {
    expect(Math.abs(standardNormalQuantile(0.95) - Z_95)).toBeLessThan(1e-15);
  });
});

describe("standardNormalCdf", () => {
  it.each([
    [0, 0.5],
    [1.959963984540054, 0.975],
    [-1, 0.15865525393145707],
    [3, 0.9986501019683699]
  ])("Φ(%s) = %s to 1e-15", (z, p) => {
    expect(Math.abs(standardNormalCdf(z) - p)).toBeLessThan(1e-15);
  });

  it("inverts the quantile to 1e-14 over (0, 1)", () => {
    for (let p = 1e-6; p < 1; p += 0.00997)
      expect(Math.abs(standardNormalCdf(standardNormalQuantile(p)) - p)).toBeLessThan(1e-14);
  });
});
