import {describe, expect, it} from "vitest";
import {UserError} from "../../src/errors/userError.js";
import {histogram} from "../../src/uncertainty/histogram.js";
import {ONE_TO_TEN} from "./helpers.js";

describe("histogram", () => {
  it("bins the finite values into equal-width bins whose counts sum to the total", () => {
    const rows = histogram(ONE_TO_TEN, {bins: 3});
    expect(rows.map((r) => r.count)).toEqual([3, 3, 4]);
    expect(rows[0]).toEqual({x0: 1, x1: 4, count: 3});
    expect(rows[2]!.x1).toBe(10);
  });

  it("honours a given range and drops values outside it", () => {
    const rows = histogram(ONE_TO_TEN, {bins: 2, min: 0, max: 4});
    expect(rows).toEqual([
      {x0: 0, x1: 2, count: 1},
      {x0: 2, x1: 4, count: 3}
    ]);
  });

  it("puts equal values into one bin and rejects a bad bin count", () => {
    expect(histogram(Float64Array.of(2, 2, 2), {bins: 10})).toEqual([{x0: 2, x1: 2, count: 3}]);
    expect(() => histogram(ONE_TO_TEN, {bins: 0})).toThrow(UserError);
    expect(() => histogram(ONE_TO_TEN, {bins: 2.5})).toThrow(UserError);
  });
});
