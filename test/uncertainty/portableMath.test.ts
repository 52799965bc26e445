import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {portableExp, portableLog} from "../../src/uncertainty/portableMath.js";

/** Distance in units in the last place between two doubles of the same sign. */
function ulps(a: number, b: number): number {
  const view = new DataView(new ArrayBuffer(16));
  view.setFloat64(0, a);
  view.setFloat64(8, b);
  return Number(view.getBigInt64(0) - view.getBigInt64(8));
}

describe("portableExp and portableLog", () => {
  it("agree with Math.exp and Math.log to within one ulp", () => {
    fc.assert(
      fc.property(fc.double({min: -740, max: 709, noNaN: true}), (x) => {
        expect(Math.abs(ulps(portableExp(x), Math.exp(x)))).toBeLessThanOrEqual(1);
      }),
      {numRuns: 5000}
    );
    fc.assert(
      fc.property(fc.double({min: 5e-324, max: 1e308, noNaN: true}), (x) => {
        expect(Math.abs(ulps(portableLog(x), Math.log(x)))).toBeLessThanOrEqual(1);
      }),
      {numRuns: 5000}
    );
  });

  it("handles the special values as Math does", () => {
    for (const x of [0, -0, Infinity, -Infinity, NaN, 710, -746, 1e-300, 5e-324]) {
      expect(portableExp(x)).toBe(Math.exp(x));
    }
    for (const x of [0, -0, 1, -1, Infinity, -Infinity, NaN, 5e-324, 2.2250738585072014e-308]) {
      expect(portableLog(x)).toBe(Math.log(x));
    }
  });

  it("pins a few values bit for bit (fdlibm), so an engine change cannot move them", () => {
    // fdlibm's e^1 is one ulp above the correctly rounded 2.718281828459045.
    expect(portableExp(1)).toBe(2.7182818284590455);
    expect(portableExp(-0.5)).toBe(0.6065306597126334);
    expect(portableLog(10)).toBe(2.302585092994046);
    expect(portableLog(0.3)).toBe(-1.2039728043259361);
  });
});
