import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {workableValues} from "../../../src/scenario/evaluate/workableValue.js";

describe("workableValues", () => {
  it("offers the largest value below a threshold, at three significant digits rounded down", () => {
    // finance.systemOverhead's case: the custom chip's overhead is 50 × 130/50 = 130 at 50, so the key may be at most
    // 50 × 50 ÷ 130 = 19.2307…, offered as 19.2.
    const threshold = (50 * 50) / 130;
    expect(workableValues(50, {min: 0, max: 50}, false, (v) => v <= threshold)).toEqual({atMost: 19.2});
  });

  it("offers the smallest value above a threshold, rounded up", () => {
    expect(workableValues(0.1, {min: 0, max: 1}, false, (v) => v >= 0.31415)).toEqual({atLeast: 0.315});
  });

  it("offers both sides when the key fails only between them", () => {
    expect(workableValues(5, {min: 0, max: 10}, false, (v) => v <= 2.5 || v >= 7.25)).toEqual({
      atMost: 2.5,
      atLeast: 7.25
    });
  });

  it("offers nothing when neither end of the range passes", () => {
    expect(workableValues(5, {min: 0, max: 10}, false, () => false)).toEqual({});
  });

  it("keeps an integer key whole", () => {
    expect(workableValues(100, {min: 1, max: 1000}, true, (v) => v * 7 <= 400)).toEqual({atMost: 57});
  });

  it("never tries an excluded end itself, nor a value outside the range", () => {
    const tried: number[] = [];
    workableValues(858, {min: 0, minExclusive: true, max: 858}, false, (v) => {
      tried.push(v);
      return v <= 230.79;
    });
    expect(tried.every((v) => v > 0 && v <= 858)).toBe(true);
  });

  it("does not search towards an infinite end", () => {
    const tried: number[] = [];
    const found = workableValues(10, {min: 0, max: Infinity, maxExclusive: true}, false, (v) => {
      tried.push(v);
      return v >= 20;
    });
    expect(found).toEqual({});
    expect(tried).toEqual([0]);
  });

  it("every value offered passes, lies in the range, sits on its side of the failing value and within 1% of the threshold", () => {
    fc.assert(
      fc.property(
        fc.double({min: 1e-6, max: 1e12, noNaN: true}),
        fc.double({min: 1.01, max: 100, noNaN: true}),
        (threshold, ratio) => {
          const failing = threshold * ratio;
          const range = {min: 0, max: failing * 10};
          const passes = (v: number) => v <= threshold;
          const {atMost, atLeast} = workableValues(failing, range, false, passes);
          expect(atLeast).toBeUndefined();
          expect(atMost).toBeDefined();
          expect(passes(atMost!)).toBe(true);
          expect(atMost!).toBeLessThan(failing);
          expect(atMost!).toBeGreaterThanOrEqual(0);
          // Three significant digits rounded down lose at most 1% of the value.
          expect(atMost!).toBeGreaterThanOrEqual(threshold * 0.99 - 1e-12 * threshold);
        }
      )
    );
  });
});
