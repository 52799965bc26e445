import {describe, expect, it} from "vitest";
import {lastResult} from "../../src/strategy/lastResult.js";

describe("lastResult", () => {
  it("computes once for repeated arguments and keeps the last `keep` distinct calls", () => {
    const calls: number[][] = [];
    const twice = lastResult((a: number, b: number) => {
      calls.push([a, b]);
      return {sum: a + b};
    }, 2);
    const first = twice(1, 2);
    expect(twice(1, 2)).toBe(first);
    twice(3, 4);
    // Alternating between two argument lists, as the silicon program's cycle and cycle + 1 do, computes nothing more.
    expect(twice(1, 2)).toBe(first);
    twice(3, 4);
    expect(calls).toEqual([
      [1, 2],
      [3, 4]
    ]);
    // A third list evicts the least recently used one ([1, 2], used before [3, 4] last).
    twice(5, 6);
    twice(3, 4);
    expect(calls).toHaveLength(3);
    expect(twice(1, 2)).not.toBe(first);
    expect(calls).toHaveLength(4);
  });

  it("compares arguments with Object.is (NaN is itself; 0 and -0 differ)", () => {
    let computed = 0;
    const one = lastResult((x: number) => ++computed + x * 0);
    one(NaN);
    one(NaN);
    expect(computed).toBe(1);
    one(0);
    one(-0);
    expect(computed).toBe(3);
  });

  it("refuses to keep fewer than one result", () => {
    expect(() => lastResult((x: number) => x, 0)).toThrow(RangeError);
  });
});
