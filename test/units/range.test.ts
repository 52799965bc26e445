import {describe, expect, it} from "vitest";
import {
  checkRange,
  checkRanges,
  describeRange,
  fieldDimension,
  formatBeyondBound,
  formatBound,
  formatRange,
  isInRange
} from "../../src/units/range.js";
import {fieldWords} from "../../src/scenario/evaluate/modelKeys.js";
import {UserError} from "../../src/errors/userError.js";

describe("describeRange", () => {
  it("writes closed, open and infinite intervals", () => {
    expect(describeRange({min: 0, max: 1})).toBe("a number in [0, 1]");
    expect(describeRange({min: 0, max: 1, maxExclusive: true})).toBe("a number in [0, 1)");
    expect(describeRange({min: 0, max: Infinity, minExclusive: true})).toBe("a number in (0, ∞)");
    expect(describeRange({min: 1, max: 240, integer: true})).toBe("an integer in [1, 240]");
  });
});

describe("formatBound", () => {
  it("writes every plain bound grouped in full, one way for flags, --set and messages", () => {
    expect(formatBound(1_000_000)).toBe("1,000,000");
    expect(formatBound(2_000_000)).toBe("2,000,000");
    expect(formatBound(0.01)).toBe("0.01");
    expect(formatBound(-1500)).toBe("-1,500");
    expect(formatBound(1e11)).toBe("100,000,000,000");
    expect(formatBound(1e12)).toBe("1e12");
    expect(formatBound(Infinity)).toBe("∞");
    expect(formatBound(-Infinity)).toBe("-∞");
  });

  it("writes a bare number in full, grouped (a flag's), and a dimension's value as a scenario file writes it", () => {
    expect(formatBound(1e6)).toBe("1,000,000");
    expect(formatRange({min: 1, max: 1e6})).toBe("[1, 1,000,000]");
    // A count as a file may write it ("16k", "1.5M"): the reference page's "[0, 100B]" beside a "100M" default.
    expect(formatBound(1e6, "count")).toBe("1M");
    expect(formatRange({min: 0, max: 1e11}, "count")).toBe("[0, 100B]");
    expect(formatRange({min: 1, max: 1e7}, "money")).toBe("[$1, $10M]");
    expect(formatRange({min: 1, max: 1e8}, "tokens")).toBe("[1 token, 100M tokens]");
    expect(formatRange({min: 0.01, max: 1}, "fraction")).toBe("[0.01, 1]");
  });

  it("writes both ends of a range one way: in exponent notation when either is from 10¹²", () => {
    expect(formatRange({min: 1e10, max: 1e18})).toBe("[1e10, 1e18]");
    expect(formatRange({min: 1e10, max: 1e11})).toBe("[10,000,000,000, 100,000,000,000]");
    expect(formatRange({min: 1, max: 1e12})).toBe("[1, 1e12]");
  });
});

describe("checkRange", () => {
  it("accepts the bounds of a closed range and rejects those of an open one", () => {
    expect(isInRange(0, {min: 0, max: 1})).toBe(true);
    expect(isInRange(1, {min: 0, max: 1})).toBe(true);
    expect(isInRange(1, {min: 0, max: 1, maxExclusive: true})).toBe(false);
    expect(isInRange(0, {min: 0, max: 1, minExclusive: true})).toBe(false);
    expect(isInRange(2.5, {min: 0, max: 9, integer: true})).toBe(false);
  });

  it("rejects NaN, infinities and non-numbers even inside infinite bounds", () => {
    const everything = {min: -Infinity, max: Infinity};
    for (const value of [NaN, Infinity, -Infinity, "3", null, undefined])
      expect(isInRange(value, everything)).toBe(false);
  });

  it("throws a UserError naming the parameter, its range and the value", () => {
    let error: unknown;
    try {
      checkRange("discountRatePerYear", 1.7, {min: 0, max: 1});
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).detail).toMatchObject({
      path: "discountRatePerYear",
      expected: "a number in [0, 1]",
      found: "1.7"
    });
    expect((error as Error).message).toBe("discountRatePerYear: out of range: expected a number in [0, 1], found 1.7");
    expect(() => checkRange("x", undefined, {min: 0, max: 1})).toThrow(
      "x: missing: expected a number in [0, 1], found nothing"
    );
  });

  it("checks a table of ranges with a path prefix", () => {
    expect(() => checkRanges({a: 1, b: 5}, {a: {min: 0, max: 2}, b: {min: 0, max: 2}}, "chip")).toThrow(
      "chip.b: out of range: expected a number in [0, 2], found 5"
    );
    expect(() => checkRanges({a: 1}, {a: {min: 0, max: 2}})).not.toThrow();
  });

  it("names the first field out of range in the table's order, and ignores fields the table does not list", () => {
    const ranges = {b: {min: 0, max: 1}, a: {min: 0, max: 1, integer: true}};
    expect(() => checkRanges({a: 0.5, b: 7, other: "not a range field"}, ranges, "x")).toThrow(
      "x.b: out of range: expected a number in [0, 1], found 7"
    );
    expect(() => checkRanges({a: 0.5, b: 1, other: "not a range field"}, ranges)).toThrow(
      "a: out of range: expected an integer in [0, 1], found 0.5"
    );
    expect(() => checkRanges({b: 0}, ranges)).toThrow("a: missing: expected an integer in [0, 1], found nothing");
    expect(() => checkRanges({a: 1, b: 0, other: "not a range field"}, ranges)).not.toThrow();
  });
});

describe("formatBeyondBound", () => {
  it("keeps three significant digits when they stay on the value's side of the bound", () => {
    expect(formatBeyondBound(0.996, 1)).toBe("0.996");
    expect(formatBeyondBound(0.5, 1)).toBe("0.5");
    expect(formatBeyondBound(0.0045678, 1)).toBe("0.00457");
  });

  it("adds digits until the rounded value is past the bound as the value is", () => {
    // toPrecision(3) of 0.99975 is "1.00" and of 0.999951 "1.00", both reading as the 1% bound itself.
    expect(formatBeyondBound(0.99975, 1)).toBe("0.9998");
    expect(formatBeyondBound(0.999951, 1)).toBe("0.99995");
    expect(formatBeyondBound(1.00002, 1)).toBe("1.00002");
    expect(formatBeyondBound(100.0004, 100)).toBe("100.0004");
  });
});

describe("a range error's numbers as a person writes them (breaker)", () => {
  const message = (value: number, range: Parameters<typeof checkRange>[2]) => {
    try {
      checkRange("x", value, range);
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error("no error");
  };

  it("writes a bound from 10¹² in exponent notation, not twenty-one digits", () => {
    expect(describeRange({min: 0, max: 1e20})).toBe("a number in [0, 1e20]");
    expect(message(3.6525e21, {min: 0, max: 1e20})).toBe(
      "x: out of range: expected a number in [0, 1e20], found 3.65e21"
    );
  });

  it("writes a found value at three significant digits, not twelve", () => {
    expect(message(1.47160458537, {min: 0, max: 1})).toBe("x: out of range: expected a number in [0, 1], found 1.47");
  });

  it("keeps the digits that tell a found value from the bound it crosses", () => {
    expect(message(1.0000000001, {min: 0, max: 1})).toBe(
      "x: out of range: expected a number in [0, 1], found 1.0000000001"
    );
    expect(message(-0.000012345, {min: 0, max: 1})).toBe(
      "x: out of range: expected a number in [0, 1], found -0.0000123"
    );
  });
});

describe("a model field's unit, read from its name", () => {
  it("gives range errors their dimension and a field's name in words its unit, from one list of suffixes", () => {
    expect(fieldDimension("servingCostUsdPerMTok")).toBe("usdPerMTok");
    expect(fieldDimension("chipHourPriceUsdPerHour")).toBe("usdPerHour");
    expect(fieldDimension("merchantChipHour.chipPriceUsd")).toBe("money");
    expect(fieldDimension("utilizationFraction")).toBeUndefined();
    expect(fieldWords("spend.servingCostUsdPerMTok")).toBe("serving cost (USD/Mtok)");
    // It read "chip hour price usd per hour": the words knew …Usd and …UsdPerMTok only.
    expect(fieldWords("chipHourPriceUsdPerHour")).toBe("chip hour price (USD/h)");
    expect(fieldWords("firstGenerationTrainingCostUsd")).toBe("first generation training cost (USD)");
    expect(fieldWords("utilizationFraction")).toBe("utilization");
    expect(fieldWords("menu.tierShares")).toBe("tier shares");
  });
});

describe("checkRange's message says what is wrong", () => {
  const range = {min: 1, max: 100_000};
  const message = (value: unknown) => {
    try {
      checkRange("chipPowerW", value, range);
    } catch (error) {
      return (error as Error).message;
    }
    return "no error";
  };

  it("a field left out is missing; text, a bigint or an object is not a number; NaN and a number beyond are out of range", () => {
    // Each read "out of range", and a bigint 700 "found 700" beside a range holding 700 (breaker).
    expect(message(undefined)).toBe("chipPowerW: missing: expected a number in [1, 100,000], found nothing");
    expect(message("700")).toBe('chipPowerW: not a number: expected a number in [1, 100,000], found "700"');
    expect(message(700n)).toBe("chipPowerW: not a number: expected a number in [1, 100,000], found 700n");
    expect(message(null)).toBe("chipPowerW: not a number: expected a number in [1, 100,000], found null");
    expect(message(NaN)).toBe("chipPowerW: out of range: expected a number in [1, 100,000], found NaN");
    expect(message(0)).toMatch(/^chipPowerW: out of range: /);
  });
});
