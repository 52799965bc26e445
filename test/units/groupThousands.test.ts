import {describe, expect, it} from "vitest";
import {groupThousands} from "../../src/units/groupThousands.js";

describe("groupThousands", () => {
  it("writes a number exactly with its thousands grouped", () => {
    expect(groupThousands(2_000_000)).toBe("2,000,000");
    expect(groupThousands(Number.MAX_SAFE_INTEGER)).toBe("9,007,199,254,740,991");
    expect(groupThousands(999)).toBe("999");
    expect(groupThousands(-12_345)).toBe("-12,345");
    // Decimals: Intl's three by default, or as many as asked, trailing zeros dropped.
    expect(groupThousands(1234.56789)).toBe("1,234.568");
    expect(groupThousands(102_512.5, 1)).toBe("102,512.5");
    expect(groupThousands(4_608, 1)).toBe("4,608");
    expect(groupThousands(0.979796, 20)).toBe("0.979796");
  });
});
