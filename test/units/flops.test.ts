import {describe, expect, it} from "vitest";
import {formatFlops} from "../../src/units/flops.js";

describe("formatFlops", () => {
  it("writes every count from a million in exponent notation, three digits, with its unit", () => {
    // String() wrote 2.54e19 as 25400000000000000000 and 2.54e27 as 2.54e+27 (breaker).
    expect(formatFlops(2.54e19)).toBe("2.54e19 FLOP");
    expect(formatFlops(2.54e27)).toBe("2.54e27 FLOP");
    expect(formatFlops(3.798756e25)).toBe("3.8e25 FLOP");
    expect(formatFlops(1e6)).toBe("1e6 FLOP");
  });

  it("writes a count under a million plainly", () => {
    expect(formatFlops(512)).toBe("512 FLOP");
  });
});
