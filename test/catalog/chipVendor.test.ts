import {describe, expect, it} from "vitest";
import {editDistance, knownVendorNearMiss} from "../../src/catalog/chipVendor.js";

describe("editDistance", () => {
  it("counts a transposition of two adjacent letters as one edit (Levenshtein counts two)", () => {
    expect(editDistance("adm", "amd")).toBe(1);
    expect(editDistance("asw", "aws")).toBe(1);
    expect(editDistance("nivida", "nvidia")).toBe(2);
    expect(editDistance("ams", "amd")).toBe(1);
    expect(editDistance("arm", "amd")).toBe(2);
    expect(editDistance("", "aws")).toBe(3);
    expect(editDistance("google", "google")).toBe(0);
  });
});

describe("knownVendorNearMiss", () => {
  it("tells another name of a known vendor from a slip, and passes a maker of its own", () => {
    expect(knownVendorNearMiss("Annapurna Labs")).toEqual({known: "AWS", kind: "alias"});
    expect(knownVendorNearMiss("ADM")).toEqual({known: "AMD", kind: "typo"});
    expect(knownVendorNearMiss("aws")).toBeUndefined();
    expect(knownVendorNearMiss("AMS")).toBeUndefined();
    expect(knownVendorNearMiss("Intel")).toBeUndefined();
  });
});
