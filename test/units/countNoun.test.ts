import {describe, expect, it} from "vitest";
import {countNoun} from "../../src/units/countNoun.js";

describe("countNoun", () => {
  it("is singular for exactly one, plural otherwise (the trial's '(1 chips per replica)')", () => {
    expect(countNoun(1, "chip")).toBe("1 chip");
    expect(countNoun(8, "chip")).toBe("8 chips");
    expect(countNoun(0, "chip")).toBe("0 chips");
    expect(countNoun(0.5, "chip")).toBe("0.5 chips");
  });

  it("reads a formatted count by its text, and takes an irregular plural", () => {
    expect(countNoun("1,814", "chip")).toBe("1,814 chips");
    expect(countNoun("1", "custom chip")).toBe("1 custom chip");
    expect(countNoun(2, "replica", "replicas")).toBe("2 replicas");
    expect(countNoun(1, "die", "dies")).toBe("1 die");
    expect(countNoun(3, "die", "dies")).toBe("3 dies");
  });
});
