import {describe, expect, it} from "vitest";
import {andList, orList} from "../../src/units/wordList.js";

describe("andList and orList", () => {
  it("join as the site's prose writes lists (no serial comma)", () => {
    expect(andList([])).toBe("");
    expect(andList(["base"])).toBe("base");
    expect(andList(["base", "bear"])).toBe("base and bear");
    expect(andList(["a", "b", "c"])).toBe("a, b and c");
    expect(orList(["'a'", "'b'", "'c'"])).toBe("'a', 'b' or 'c'");
  });
});
