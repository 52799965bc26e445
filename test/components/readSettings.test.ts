import {describe, expect, it} from "vitest";
import {readMonteCarloSettings} from "../../docs/components/readSettings.js";

describe("readMonteCarloSettings", () => {
  it("reads whole numbers, trimmed", () => {
    expect(readMonteCarloSettings(" 1000 ", "42")).toEqual({samples: 1000, seed: 42});
    expect(readMonteCarloSettings("10000", "-3")).toEqual({samples: 10000, seed: -3});
  });

  it.each([
    ["0", "1", /samples: invalid sample count: expected an integer in \[1, 2,000,000\], found 0/],
    ["2.5", "1", /found 2\.5/],
    ["1e9", "1", /found 1000000000/],
    ["abc", "1", /found NaN/],
    ["", "1", /samples: no sample count/],
    ["200000", "1", /at most 100,000 on this page/],
    ["100", "1.5", /seed: invalid seed.*found 1\.5/],
    ["100", "", /seed: no seed/]
  ])("rejects samples %j, seed %j with a message naming the field", (samples, seed, message) => {
    expect(() => readMonteCarloSettings(samples, seed)).toThrow(message);
  });
});
