import {describe, expect, it} from "vitest";
import {requestProblem} from "../../src/inference/servingChecks.js";

describe("requestProblem: a cache-hit share out of range, as a person writes it (breaker)", () => {
  it.each([
    [1.47160458537, "1.47"],
    [1.0000000001, "1.0000000001"],
    [-0.25, "-0.25"]
  ])("%s reads %s", (cacheHitFraction, found) => {
    expect(requestProblem({inputTokens: 1000, outputTokens: 100, cacheHitFraction})).toEqual({
      setting: "cacheHitFraction",
      message: "out of range",
      expected: "a fraction in [0, 1)",
      found
    });
  });
});
