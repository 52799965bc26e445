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
});
