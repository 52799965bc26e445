import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {
  DIMENSIONS,
  expectedQuantity,
  formatQuantity,
  parseQuantity,
  readQuantity,
  type Dimension
} from "../../src/units/quantity.js";
import {readDecimal} from "../../src/units/decimal.js";

/** What readQuantity says of `text`: "read" when it reads it, else its hint (undefined for none). */
function hint(text: string, dimension: Parameters<typeof readQuantity>[1]): string | undefined {
  const reading = readQuantity(text, dimension);
  return reading.ok ? "read" : reading.hint;
}

describe("readQuantity", () => {
  // `batch: "\uFEFF64"` (a YAML escape, or a --set value) read as 64: trim() takes the mark for a space (breaker).
  it("refuses a byte-order mark anywhere in the text, saying it found one", () => {
    for (const text of ["\uFEFF64", "64\uFEFF", "6\uFEFF4"]) {
      expect(readQuantity(text, "count")).toMatchObject({
        ok: false,
        reason: "number",
        found: text,
        hint: "a byte-order mark (U+FEFF), invisible in most editors, is in the value: remove it"
      });
    }
  });

  it.each<[Dimension, string | number, number]>([
    ["power", "700 W", 700],
    ["power", "1.2 kW", 1200],
    ["power", "100 MW", 100e6],
    ["power", 700, 700],
    ["power", "700", 700],
    ["energyPrice", "0.0826 USD/kWh", 0.0826],
    ["energyPrice", "60 USD/MWh", 0.06],
    ["energyPrice", "$0.06/kWh", 0.06],
    ["energyPrice", "0.06 $/kWh", 0.06],
    ["energyPrice", "0.06 USD / kWh", 0.06],
    ["money", "$500M", 500e6],
    ["money", "$1.2B", 1.2e9],
    ["money", "$40k", 40e3],
    ["money", "12,000 USD", 12000],
    ["money", "150 MUSD", 150e6],
    ["money", "25 kUSD", 25e3],
    ["money", "2 BUSD", 2e9],
    ["money", "-$5M", -5e6],
    ["usdPerMw", "$12M/MW", 12e6],
    ["usdPerMw", "12000 USD/kW", 12e6],
    ["durationMonths", "18 months", 18],
    ["durationMonths", "9 mo", 9],
    ["durationMonths", "2 years", 24],
    ["durationMonths", "1.5 yr", 18],
    ["durationYears", "5 years", 5],
    ["durationYears", "18 months", 1.5],
    ["fraction", "0.35", 0.35],
    ["fraction", "35%", 0.35],
    ["fraction", "70%", 0.7],
    ["ratePerYear", "10%/yr", 0.1],
    ["ratePerYear", "10% per year", 0.1],
    ["ratePerYear", "0.1", 0.1],
    ["ratePerYear", "-5%", -0.05],
    ["count", "16k", 16000],
    ["count", "1.5M", 1.5e6],
    ["count", "2B", 2e9],
    ["bytes", "80 GB", 80e9],
    ["bytes", "96 GiB", 96 * 1024 ** 3],
    ["bytes", "1.5 TB", 1.5e12],
    ["bytes", "2B", 2],
    ["bytesPerSecond", "3.35 TB/s", 3.35e12],
    ["bytesPerSecond", "819 GB/s", 819e9],
    ["flopsPerSecond", "989 TFLOP/s", 989e12],
    ["flopsPerSecond", "4.5 PFLOP/s", 4.5e15],
    ["flopsPerSecond", "9.89e14", 9.89e14],
    ["tokens", "15T tokens", 15e12],
    ["tokens", "15 T tokens", 15e12],
    ["tokens", "1e6", 1e6],
    ["tokens", "32k tokens", 32e3],
    ["tokens", "4096 tokens", 4096],
    ["usdPerMTok", "2.5 USD/Mtok", 2.5],
    ["usdPerMTok", "$10/Mtok", 10],
    ["usdPerMTok", "0.002 USD/ktok", 2],
    ["usdPerHour", "$2.99/h", 2.99],
    ["usdPerHour", "0.1 USD/h", 0.1],
    ["plain", "3x", 3],
    ["plain", "1.2", 1.2],
    ["plain", ".5", 0.5],
    ["plain", "+2e-3", 0.002]
  ])("reads %s %j as %d in the base unit", (dimension, input, expected) => {
    const reading = readQuantity(input, dimension);
    expect(reading.ok).toBe(true);
    if (reading.ok) expect(reading.value).toBeCloseTo(expected, 12 - Math.ceil(Math.log10(Math.abs(expected) + 1)));
  });

  it("rejects a unit of another dimension, naming what it measures", () => {
    expect(readQuantity("30 kWh", "power")).toEqual({
      ok: false,
      reason: "unit",
      expected: "a power in W, kW or MW",
      found: "30 kWh",
      hint: "kWh measures an energy"
    });
    expect(readQuantity("0.06 USD/kWh", "power")).toMatchObject({
      ok: false,
      hint: "USD/kWh measures an electricity price"
    });
  });

  it("is case-sensitive, with a hint for a unit in the wrong case", () => {
    expect(readQuantity("700 kw", "power")).toMatchObject({
      ok: false,
      found: "700 kw",
      hint: "units are case-sensitive: did you mean kW?"
    });
    expect(readQuantity("5 mW", "power").ok).toBe(false);
  });

  it("refuses a count's capital K, which money alone reads (`$30K`), offering 16k and 16384 (it offered 'k')", () => {
    // The reference: `k` = 10³, case-sensitive; Llama 3's "16K H100s" are 16,384 (test/fixtures/published.ts).
    expect(readQuantity("$30K", "money")).toMatchObject({ok: true, value: 30000});
    for (const dimension of ["count", "tokens"] as const) {
      expect(readQuantity("16K", dimension)).toMatchObject({
        ok: false,
        reason: "unit",
        hint: "K is a thousand only in money ($30K): a count's K may be 1,024; write 16k (16,000), or 16384 if 16 × 1,024 was meant",
        offers: [{text: "16k"}, {text: "16384"}]
      });
    }
    expect(readQuantity("32K tokens", "tokens")).toMatchObject({
      ok: false,
      offers: [{text: "32k tokens"}, {text: "32768 tokens"}]
    });
    expect(readQuantity("16k", "count")).toMatchObject({ok: true, value: 16000});
  });

  it("tells a misspelt unit its closest spelling, with the number as written (new-user trial: no hint)", () => {
    expect(hint("18 monts", "durationMonths")).toBe("did you mean 18 months?");
    expect(hint("100 tokns", "tokens")).toBe("did you mean 100 tokens?");
    // A dollar spelling keeps the dollar in front of the number.
    expect(hint("$2/hou", "usdPerHour")).toBe("did you mean $2/hour?");
    // Nothing close: no guess ("Wats" is two edits from "W", more than 40% of its four letters).
    expect(hint("700 Wats", "power")).toBeUndefined();
  });

  it("tells a scale or cents written in words how to write them (author trial: no hint)", () => {
    expect(hint("100 million", "count")).toBe(
      "write the scale as k, M, B or T after the number: 100M, not 100 million"
    );
    expect(hint("2 Billion tokens", "tokens")).toBe(
      "write the scale as k, M, B or T after the number: 100M, not 100 million"
    );
    expect(hint("30 thousand USD", "money")).toBe("write the scale as a letter: $30k or 30 kUSD, not 30 thousand USD");
    // The user's own number, ÷ 100, with the rest of the unit (it said "18 cents is 0.18 USD" for 8.26 ¢/kWh; breaker).
    expect(hint("18 cents/kWh", "energyPrice")).toBe("write cents as dollars: 18 cents/kWh is 0.18 USD/kWh");
    expect(hint("8.26 ¢/kWh", "energyPrice")).toBe("write cents as dollars: 8.26 ¢/kWh is 0.0826 USD/kWh");
    expect(hint("1,250 cents/MWh", "energyPrice")).toBe("write cents as dollars: 1,250 cents/MWh is 12.5 USD/MWh");
    // "c" and "ct" are cents: the typo hint offered "$8/kWh", 100 times the price (breaker).
    expect(hint("8c/kWh", "energyPrice")).toBe("write cents as dollars: 8 c/kWh is 0.08 USD/kWh");
    expect(hint("8 ct/kWh", "energyPrice")).toBe("write cents as dollars: 8 ct/kWh is 0.08 USD/kWh");
    // In the key's own spelling, and only where the unit is the key's (second-round breaker: "0.08 USD/kwh", and
    // "0.08 USD" for an electricity price, which refuses it).
    expect(hint("8c/kwh", "energyPrice")).toBe("write cents as dollars: 8 c/kwh is 0.08 USD/kWh");
    expect(hint("5 cts/kWh", "energyPrice")).toBe("write cents as dollars: 5 cts/kWh is 0.05 USD/kWh");
    expect(hint("8c", "energyPrice")).toBeUndefined();
    // Not money: no cents ("5c" for a batch was told 0.05 USD).
    expect(hint("5c", "count") ?? "").not.toMatch(/cents/);
    // A power has no scale words: no hint that would not read.
    expect(hint("5 million W", "power")).toBeUndefined();
  });

  it("keeps the scale when the currency is written after it (150M$ was offered $150; breaker)", () => {
    expect(hint("150M$", "money")).toBe("did you mean $150M?");
    expect(hint("30k $", "money")).toBe("did you mean $30k?");
    expect(hint("12M$/MW", "usdPerMw")).toBe("did you mean $12M/MW?");
    expect(hint("12 M$/MW", "usdPerMw")).toBe("did you mean $12M/MW?");
    // A number with its currency after it and no scale is read as written.
    expect(hint("12000$", "money")).toBe("read");
    // Every scale money spells, and a doubled dollar (second-round breaker: each was offered "$5").
    expect(hint("30K$", "money")).toBe("did you mean $30K?");
    expect(hint("5m$", "money")).toBe("did you mean $5m?");
    expect(hint("5bn$", "money")).toBe("did you mean $5bn?");
    expect(hint("5M$$", "money")).toBe("did you mean $5M?");
    // A scale money has no unit for, or a price per hour with a scale: no hint, rather than one without the scale.
    for (const [text, dimension] of [
      ["2T$", "money"],
      ["$2T", "money"],
      ["$2t", "money"],
      ["2T USD", "money"],
      ["1.5b$", "money"],
      ["5k$/h", "usdPerHour"],
      ["12k$/kW", "usdPerMw"]
    ] as const) {
      expect(hint(text, dimension), text).toBeUndefined();
    }
  });

  it("tells money written without its currency how to write it (--chip-price 30k read 'k measures a count')", () => {
    expect(hint("30k", "money")).toBe("did you mean $30k?");
    expect(hint("-1.5M", "money")).toBe("did you mean -$1.5M?");
    expect(hint("10M/MW", "usdPerMw")).toBe("did you mean $10M/MW?");
    // Each suggestion reads as the amount meant.
    expect(readQuantity("$30k", "money")).toMatchObject({ok: true, value: 30_000});
    expect(readQuantity("-$1.5M", "money")).toMatchObject({ok: true, value: -1_500_000});
    expect(readQuantity("$10M/MW", "usdPerMw")).toMatchObject({ok: true, value: 10_000_000});
    // A count keeps its letter: 30k is a count.
    expect(hint("30k", "count")).toBe("read");
  });

  it("rejects text that is not a number, non-finite numbers and overflow", () => {
    expect(readQuantity("lots", "count")).toMatchObject({ok: false, reason: "number", found: "lots"});
    expect(readQuantity("", "count")).toMatchObject({ok: false, found: '""'});
    expect(readQuantity(Number.NaN, "count")).toMatchObject({ok: false, reason: "finite"});
    expect(readQuantity(Infinity, "count")).toMatchObject({ok: false, reason: "finite"});
    expect(readQuantity("1e308 MW", "power")).toMatchObject({ok: false, reason: "finite"});
    expect(readQuantity("1,00 USD", "money").ok).toBe(false);
  });

  it("calls a malformed number not a number, not a wrong unit (the trial's --vary x=0x10 said 'wrong unit')", () => {
    // decimal.ts's one syntax for a number has no hex, octal or binary form; 1.2.3 and 1,00 are no numbers either.
    for (const [text, dimension] of [
      ["0x10", "fraction"],
      ["0X1F", "count"],
      ["0o17", "count"],
      ["0b11", "plain"],
      ["1.2.3", "plain"],
      ["1,00 USD", "money"],
      ["$0x10", "money"],
      ["1_000", "count"], // underscores are for command-line number flags only (the breaker's "wrong unit")
      ["1__000", "count"], // and any underscore after the digits: these read "wrong unit" (second-round breaker)
      ["1000_", "count"]
    ] as const) {
      expect(readQuantity(text, dimension), text).toMatchObject({ok: false, reason: "number", found: text});
    }
    // A unit right after the number still reads as a unit: 2x is a multiple, 0x alone a multiple of 0, 30kW a power.
    expect(readQuantity("2x", "plain")).toMatchObject({ok: true, value: 2});
    expect(readQuantity("0x", "plain")).toMatchObject({ok: true, value: 0});
    expect(readQuantity("30kW", "power")).toMatchObject({ok: true, value: 30000});
    expect(readQuantity("0 kWh", "power")).toMatchObject({ok: false, reason: "unit"});
  });

  // `--set serving.batch=1_000` said "not a number" with no word on why, though the number flags take 1_000 (breaker).
  it("tells digit groups written with underscores the commas a scenario value takes", () => {
    expect(readQuantity("1_000", "count")).toMatchObject({
      ok: false,
      hint: "a scenario value groups digits with commas: did you mean 1,000?"
    });
    expect(readQuantity("$31_120", "money")).toMatchObject({
      hint: "a scenario value groups digits with commas: did you mean $31,120?"
    });
    expect(readQuantity("1_000 W", "power")).toMatchObject({
      hint: "a scenario value groups digits with commas: did you mean 1,000 W?"
    });
    // Not digit groups of three, or followed by more than a unit: no guess (1_0000 was offered 1,0000; breaker).
    for (const text of ["2_5", "1_0000", "1_000_0000", "12_345_6789", "1_000__000", "1_000x"]) {
      expect(readQuantity(text, "count"), text).not.toHaveProperty("hint");
    }
  });

  it("reads -0 as 0, so that no value prints as −0 (breaker: --set power.electricity=-0 read '−0 USD/kWh')", () => {
    for (const input of ["-0", "-0 USD/MWh", "-0.0", -0] as const) {
      const reading = readQuantity(input, "energyPrice");
      expect(reading.ok && Object.is(reading.value, 0), String(input)).toBe(true);
    }
    expect(Object.is(readDecimal("-0"), 0)).toBe(true);
    expect(Object.is(readDecimal("-0e5", {underscores: true}), 0)).toBe(true);
  });

  it("applies a bare-number unit when asked (the `600 to 800 W` shorthand)", () => {
    expect(readQuantity("600", "power", {bareUnit: "kW"})).toEqual({ok: true, value: 600e3, unit: "kW"});
  });
});

describe("parseQuantity", () => {
  it("returns the base-unit value or throws naming what was expected", () => {
    expect(parseQuantity("1.2 kW", "power")).toBe(1200);
    expect(() => parseQuantity("30 kWh", "power")).toThrow("expected a power in W, kW or MW, found 30 kWh");
  });
});

describe("formatQuantity", () => {
  it("picks a readable unit", () => {
    expect(formatQuantity(12e6, "money")).toBe("$12M");
    expect(formatQuantity(12000, "money")).toBe("$12k");
    expect(formatQuantity(-5e6, "money")).toBe("-$5M");
    expect(formatQuantity(0.1, "ratePerYear")).toBe("10%/yr");
    expect(formatQuantity(1200, "power")).toBe("1.2 kW");
    expect(formatQuantity(15e12, "tokens")).toBe("15T tokens");
    expect(formatQuantity(0, "power")).toBe("0 W");
    // Counts: millions and billions with a suffix, below a million as written (issue 13: "100000000 users").
    expect(formatQuantity(100e6, "count")).toBe("100M");
    expect(formatQuantity(5e9, "count")).toBe("5B");
    expect(formatQuantity(16384, "count")).toBe("16384");
    expect(formatQuantity(1234567, "count")).toBe("1.234567M");
  });

  it.each(Object.keys(DIMENSIONS) as Dimension[])("reads back what it writes for %s", (dimension) => {
    fc.assert(
      fc.property(fc.double({min: -1e15, max: 1e15, noNaN: true}), (value) => {
        const reading = readQuantity(formatQuantity(value, dimension), dimension);
        expect(reading.ok).toBe(true);
        if (reading.ok) expect(Math.abs(reading.value - value)).toBeLessThanOrEqual(Math.abs(value) * 1e-11 + 1e-300);
      }),
      {numRuns: 200}
    );
  });
});

describe("DIMENSIONS", () => {
  it.each(Object.values(DIMENSIONS))("$name accepts its examples and a bare number", (info) => {
    for (const example of info.examples) expect(readQuantity(example, info.name).ok).toBe(true);
    expect(info.units.get("")).toBe(1);
    expect(expectedQuantity(info.name)).toBe(`${info.noun} ${info.unitsText}`);
  });
});

describe("readQuantity with misplaced thousands separators", () => {
  it.each<[Dimension, string, string]>([
    ["count", "1234,567", "1,234,567"],
    ["power", "1,2000.5 W", "12,000.5 W"]
  ])("calls %s %s not a number and offers %s, its digits kept", (dimension, written, regrouped) => {
    expect(readQuantity(written, dimension)).toMatchObject({
      ok: false,
      reason: "number",
      found: written,
      hint: `digits are grouped in threes: did you mean ${regrouped}?`
    });
    expect(readQuantity(regrouped, dimension).ok).toBe(true);
  });

  it.each(["32,,64", "1,,000", "$1,,2"])(
    "offers no number for %s, whose commas hold nothing between them",
    (written) => {
      // Breaker: `--set serving.batch=32,,64` was offered "did you mean 3,264?", regrouping a list typed with a slip; no
      // one number reads from it (--set's own hint then says it takes one value: applyOverrides.test.ts).
      const reading = readQuantity(written, written.startsWith("$") ? "money" : "count");
      expect(reading).toMatchObject({ok: false, reason: "number", found: written});
      expect(reading).not.toHaveProperty("hint");
      expect(reading).not.toHaveProperty("offers");
    }
  );

  it("offers a decimal point for a last comma before two digits after groups of three, then the digits regrouped", () => {
    // Breaker: `$1,200,00` was offered $120,000, a hundred times the likelier $1,200.00.
    expect(readQuantity("$1,200,00", "money")).toMatchObject({
      ok: false,
      reason: "number",
      found: "$1,200,00",
      hint: "a decimal is written with a point, not a comma: did you mean $1,200.00?",
      offers: [
        {text: "$1,200.00", change: "with a decimal point"},
        {text: "$120,000", change: "with digits grouped in threes"}
      ]
    });
    expect(readQuantity("12,000,5 W", "power")).toMatchObject({
      hint: "a decimal is written with a point, not a comma: did you mean 12,000.5 W?"
    });
  });

  it.each<[Dimension, string, string]>([
    // Breaker: no hint for a comma before one or two digits, `00,826` for `0,0826`.
    ["fraction", "0,5", "0.5"],
    ["plain", "1,2", "1.2"],
    ["money", "$12,5k", "$12.5k"],
    ["money", "$1,5M", "$1.5M"],
    ["count", "1,5M", "1.5M"],
    ["money", "$12,00", "$12.00"],
    ["money", "$1,23", "$1.23"],
    ["tokens", "15,6T tokens", "15.6T tokens"],
    ["energyPrice", "0,0826", "0.0826"],
    ["money", "1,00 USD", "1.00 USD"]
  ])("calls %s %s a decimal comma and offers %s", (dimension, written, decimal) => {
    expect(readQuantity(written, dimension)).toMatchObject({
      ok: false,
      reason: "number",
      found: written,
      hint: `a decimal is written with a point, not a comma: did you mean ${decimal}?`
    });
  });

  it.each<[Dimension, string, string]>([
    // Breaker: read as thousands, exit 0 (`0,500k` was 500000 tokens, `$0,020k` $20,000, `$00,012` $12).
    ["tokens", "0,500k", "0.500k"],
    ["money", "$0,020k", "$0.020k"],
    ["count", "0,100", "0.100"],
    ["money", "$00,012", "$0.012"],
    ["money", "$012,000", "$12.000"],
    ["tokens", "0,015T", "0.015T"]
  ])("refuses %s %s, its first group with a leading zero, and offers the point: %s", (dimension, written, decimal) => {
    const reading = readQuantity(written, dimension);
    expect(reading).toMatchObject({
      ok: false,
      reason: "number",
      found: written,
      hint: `a decimal is written with a point, not a comma: did you mean ${decimal}?`
    });
    expect(reading.ok ? [] : reading.offers?.map((offer) => offer.text)).toEqual([decimal]);
  });

  it("offers a comma before four digits as a decimal one, then the digits regrouped (`$1,2000`)", () => {
    for (const [written, decimal, regrouped] of [
      ["$1,2000", "$1.2000", "$12,000"],
      ["-$1,2000", "-$1.2000", "-$12,000"]
    ] as const) {
      const reading = readQuantity(written, "money");
      expect(reading.ok ? [] : reading.offers?.map((offer) => offer.text)).toEqual([decimal, regrouped]);
    }
  });
});

describe("readQuantity with the tables' minus sign", () => {
  it.each<[Dimension, string, string]>([
    ["ratePerYear", "−5%", "-5%"],
    ["money", "−$5M", "-$5M"],
    ["money", "$−5M", "-$5M"],
    ["fraction", "1e−3", "1e-3"],
    // A space after the sign is dropped: `- 5%` is a YAML list item (it was offered, and failed pasted back; breaker).
    ["ratePerYear", "− 5%", "-5%"],
    ["money", "$− 5M", "-$5M"],
    // An en dash, a hyphen (U+2010), a non-breaking hyphen or a figure dash typed for the sign (breaker: no hint).
    ["ratePerYear", "\u20135%", "-5%"],
    ["ratePerYear", "\u20105%", "-5%"],
    ["ratePerYear", "\u20115%", "-5%"],
    ["money", "\u2012$5M", "-$5M"],
    ["money", "$\u2013 5M", "-$5M"]
  ])("tells %s %s to write %s, which reads", (dimension, written, ascii) => {
    expect(readQuantity(written, dimension)).toMatchObject({
      ok: false,
      found: written,
      hint: `write it with an ASCII hyphen-minus: ${ascii}`
    });
    expect(readQuantity(ascii, dimension).ok).toBe(true);
  });

  it("tells money with an ASCII minus after its dollar to put the sign first (breaker: `$-5` had no hint)", () => {
    for (const [written, moved] of [
      ["$-5", "-$5"],
      ["$-5M", "-$5M"],
      ["$- 5k", "-$5k"]
    ]) {
      expect(readQuantity(written!, "money")).toMatchObject({
        ok: false,
        found: written,
        hint: `a sign goes before the dollar: ${moved}`
      });
      expect(readQuantity(moved!, "money").ok).toBe(true);
    }
    // Not money: nothing to offer (a rate has no dollar).
    expect(readQuantity("$-5", "ratePerYear")).not.toHaveProperty("hint");
  });

  it("offers nothing where the text with an ASCII minus does not read either", () => {
    expect(readQuantity("−abc", "money")).not.toHaveProperty("hint");
    // An en dash between two values is a range, not a sign (the tables' `45%–75%`: tableRangeError's to tell).
    expect(readQuantity("45%\u201375%", "fraction")).not.toHaveProperty("hint");
  });
});

describe("readQuantity given what a script may pass", () => {
  it("throws an Error naming an unknown dimension and the known ones (it threw a TypeError reading 'noun')", () => {
    expect(() => readQuantity("60 W", "powr" as never)).toThrow(/^unknown dimension "powr": expected one of .*power/);
  });
  it("reads null or an object as not a number (null threw a TypeError reading 'trim')", () => {
    expect(readQuantity(null as never, "power")).toMatchObject({ok: false, reason: "number", found: "null"});
  });
});

// `4 ktok` was offered `4 tok`, 1000 times too few, and `4 Ki` `4 k`, 4000 for 4096 (breaker).
describe("readQuantity's hint for a scale", () => {
  it("keeps a scale letter written against the unit", () => {
    expect(readQuantity("4 ktok", "tokens")).toMatchObject({ok: false, hint: "did you mean 4k tok?"});
    expect(readQuantity("4ktokens", "tokens")).toMatchObject({ok: false, hint: "did you mean 4k tokens?"});
    expect(readQuantity("4k tok", "tokens")).toMatchObject({ok: true, value: 4000});
  });
  it("says a binary prefix is not taken, with its value", () => {
    expect(readQuantity("4 Ki", "tokens")).toMatchObject({
      ok: false,
      hint: "a binary prefix is not taken here: 4 Ki is 4096"
    });
  });
});
