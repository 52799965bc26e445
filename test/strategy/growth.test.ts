import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {compoundGrowthFactor, compoundGrowthSeries, discountFactor, discountSeries} from "../../src/strategy/growth.js";

describe("compoundGrowthSeries and discountSeries", () => {
  it("hold exactly the factors of compoundGrowthFactor and discountFactor, month by month", () => {
    fc.assert(
      fc.property(fc.double({min: -1, max: 10, noNaN: true}), fc.integer({min: 0, max: 240}), (rate, months) => {
        const growth = compoundGrowthSeries(rate, months);
        expect(growth).toHaveLength(months);
        growth.forEach((factor, t) => expect(Object.is(factor, compoundGrowthFactor(rate, t))).toBe(true));
        const discount = discountSeries(rate, months);
        expect(discount).toHaveLength(months + 1);
        discount.forEach((factor, m) => expect(Object.is(factor, discountFactor(rate, m))).toBe(true));
      }),
      {numRuns: 300}
    );
  });

  it("computes a series once and shares it, keeping rates and lengths apart", () => {
    const first = compoundGrowthSeries(0.37, 60);
    expect(compoundGrowthSeries(0.37, 60)).toBe(first);
    expect(compoundGrowthSeries(0.37, 61)).not.toBe(first);
    expect(compoundGrowthSeries(0.38, 60)).not.toBe(first);
    expect(discountSeries(0.37, 60)).not.toBe(first);
    expect(compoundGrowthSeries(0.37, 61)[59]).toBe(first[59]);
  });

  it("gives 0 and -0 one series, and an empty one for no months", () => {
    expect(compoundGrowthSeries(-0, 12)).toBe(compoundGrowthSeries(0, 12));
    expect(Array.from(compoundGrowthSeries(0, 12))).toEqual(new Array(12).fill(1));
    expect(compoundGrowthSeries(0.2, 0)).toHaveLength(0);
    expect(compoundGrowthSeries(0.2, -3)).toHaveLength(0);
    expect(Array.from(discountSeries(0.2, 0))).toEqual([1]);
  });

  it("stays exact, and leaves series already handed out untouched, once its bounded store is cleared", () => {
    const kept = compoundGrowthSeries(0.4242, 24);
    const copy = Array.from(kept);
    // Far more distinct series than the store holds (256), so it is cleared several times.
    for (let i = 0; i < 1000; i++) {
      const rate = i / 997;
      const growth = compoundGrowthSeries(rate, 13);
      const discount = discountSeries(rate, 13);
      expect(Object.is(growth[12], compoundGrowthFactor(rate, 12))).toBe(true);
      expect(Object.is(discount[13], discountFactor(rate, 13))).toBe(true);
    }
    expect(Array.from(kept)).toEqual(copy);
    const again = compoundGrowthSeries(0.4242, 24);
    again.forEach((factor, t) => expect(Object.is(factor, compoundGrowthFactor(0.4242, t))).toBe(true));
  });
});
