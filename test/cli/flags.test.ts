// Every bound a user sees for a number is written by one function (formatBound in src/units/range.ts): interval
// notation, grouped, in the notation the input takes. A flag that sets a scenario key (keyFlag) takes what `--set` and
// a scenario file take, units included, and writes its bounds as they do ("[1, 1M]" for a count, "[$1, $10M]" for a
// price, "[0 USD/kWh, 10 USD/kWh]" for electricity); a flag with no key a bare number ("[1, 2,000,000]"). Before,
// `--batch 0` read "[1, 1000000]", `--samples 0` "from 1 to 2,000,000", and `--electricity 82.6` "[0, 10]", no unit.
import {describe, expect, it} from "vitest";
import {errorOf} from "../fixtures/userErrorDetail.js";
import {keyFlag, oneOf, positiveInteger, rangeFlag} from "../../src/cli/flags.js";
import {userErrorList} from "../../src/errors/userError.js";
import {applyOverrides} from "../../src/scenario/resolve/applyOverrides.js";
import type {ResolvedScenario} from "../../src/scenario/resolve/resolveScenario.js";
import {isQuantityKey, keyRange, scenarioKey} from "../../src/scenario/file/schema.js";
import {validateSampleCount} from "../../src/uncertainty/monteCarlo.js";
import {formatRange} from "../../src/units/range.js";

/** The flags of `inference` and `training` that set a scenario key (keyFlag), with the key. */
const KEY_FLAGS = [
  ["--batch", "serving.batch"],
  ["--input-tokens", "serving.inputTokens"],
  ["--output-tokens", "serving.outputTokens"],
  ["--cache-hit", "serving.cacheHit"],
  ["--tp", "serving.tensorParallel"],
  ["--utilization", "serving.utilization"],
  ["--electricity", "power.electricity"],
  ["--pue", "power.pue"],
  ["--chip-price", "hardware.price"],
  ["--tokens", "training.tokens"],
  ["--chips", "training.chips"],
  ["--mfu", "training.mfu"],
  ["--goodput", "training.goodput"]
] as const;

function messageOf(run: () => unknown): string {
  return errorOf(run).expected ?? "";
}

/** The interval a message's `expected` gives: "[1, 1,000,000]" from "a whole number in [1, 1,000,000] (…)". */
function interval(expected: string): string {
  return /[[(][^\])]*[\])]/.exec(expected)?.[0] ?? "";
}

describe("bounds on the command line", () => {
  it.each(KEY_FLAGS)("%s and --set %s write the key's bounds from one function, grouped", (flag, path) => {
    const def = scenarioKey(path);
    if (!def || !isQuantityKey(def)) throw new Error(`${path} is not a numeric key`);
    const range = keyRange(def);
    const beyond = Number.isFinite(range.max) ? range.max * 10 : range.min - 1;
    const fromFlag = interval(messageOf(() => keyFlag(flag, path)(String(beyond))));
    const fromSet = interval(
      messageOf(() => applyOverrides({values: {}} as unknown as ResolvedScenario, [`${path}=${beyond}`]))
    );
    // The flag and --set write one interval, in the key's file notation (formatRange with its dimension).
    expect(fromFlag).toBe(formatRange(range, def.type));
    expect(fromSet).toBe(fromFlag);
    // Never ungrouped ("1000000").
    expect(fromFlag).not.toMatch(/\d{4}/);
  });

  it("writes a count flag's, a port's and a sample count's bounds the same way", () => {
    expect(messageOf(() => positiveInteger("--samples", 2_000_000)("0"))).toBe("a whole number in [1, 2,000,000]");
    expect(messageOf(() => positiveInteger("--port", 65535)("0"))).toBe("a whole number in [1, 65,535]");
    expect(messageOf(() => positiveInteger("--count")("0"))).toBe("a whole number in [1, ∞)");
    expect(messageOf(() => validateSampleCount(0))).toBe("an integer in [1, 2,000,000]");
    expect(interval(messageOf(() => keyFlag("--batch", "serving.batch")("0")))).toBe("[1, 1M]");
    expect(
      interval(messageOf(() => applyOverrides({values: {}} as unknown as ResolvedScenario, ["serving.batch=0"])))
    ).toBe("[1, 1M]");
  });
});

describe("a fraction flag", () => {
  const utilization = keyFlag("--utilization", "serving.utilization");

  it("takes a percentage as a scenario file writes it", () => {
    // 60% is 60/100 = 0.6; 7.5 % is 0.075.
    expect(utilization("60%")).toBe(0.6);
    expect(utilization("7.5 %")).toBe(0.075);
    expect(utilization("0.6")).toBe(0.6);
    expect(errorOf(() => utilization("150%"))).toMatchObject({message: "out of range", found: "150%"});
    expect(errorOf(() => utilization("abc%"))).toMatchObject({message: "not a percentage", found: "abc%"});
  });

  it("tells a whole number from 10 to 100 the fraction it likely means (modeller trial: --utilization 60)", () => {
    expect(errorOf(() => utilization("60"))).toMatchObject({
      message: "out of range",
      found: "60",
      hint: "did you mean 0.6, or 60%?"
    });
    // 5 and 1.5 are as likely other mistakes: no hint.
    expect(errorOf(() => utilization("5")).hint).toBeUndefined();
    expect(errorOf(() => utilization("1.5")).hint).toBeUndefined();
    // A count flag is not a fraction: no percentage.
    expect(errorOf(() => keyFlag("--batch", "serving.batch")("60%"))).toMatchObject({
      message: "wrong unit",
      hint: "% measures a fraction"
    });
    // A plain number (a ratio) is told the number a percentage stands for: a CV is often quoted in percent (breaker).
    expect(errorOf(() => keyFlag("--output-tokens-cv", "serving.outputTokensCv")("80%"))).toMatchObject({
      message: "wrong unit",
      hint: "% measures a fraction; as a plain number 80% is 0.8"
    });
  });
});

describe("a flag with a unit", () => {
  const electricity = keyFlag("--electricity", "power.electricity");

  it("takes a value written with a unit, as a scenario file and --set take it", () => {
    // 60 USD/MWh ÷ 1,000 kWh/MWh = 0.06 USD/kWh; $30k = 30,000 USD; a flag keeps taking 1_024 for 1,024.
    expect(electricity("0.0826")).toBe(0.0826);
    expect(electricity("60 USD/MWh")).toBe(0.06);
    expect(electricity("$0.05/kWh")).toBe(0.05);
    expect(keyFlag("--chip-price", "hardware.price")("$30k")).toBe(30_000);
    expect(keyFlag("--batch", "serving.batch")("1_024")).toBe(1024);
  });

  it("says the unit, and the unit a bare number out of range was likely written in (new-user trial: 82.6)", () => {
    // 82.6 USD/MWh is 0.0826 USD/kWh, the default (EIA US industrial 2025); no other unit puts 82.6 in [0, 10].
    expect(errorOf(() => electricity("82.6"))).toEqual({
      flag: "--electricity",
      message: "out of range",
      expected: "an electricity price in [0 USD/kWh, 10 USD/kWh] (Electricity price, the range of power.electricity)",
      found: "82.6",
      hint: "did you mean 82.6 USD/MWh?"
    });
    const fromSet = errorOf(() =>
      applyOverrides({values: {}} as unknown as ResolvedScenario, ["power.electricity=82.6"])
    );
    expect(fromSet).toMatchObject({message: "out of range", hint: "did you mean 82.6 USD/MWh?"});
    // Written with digit groups as a file (1,000) or a flag (1_000) writes them; the hint in a form the flag reads.
    expect(errorOf(() => electricity("1,000")).hint).toBe("did you mean 1,000 USD/MWh?");
    expect(errorOf(() => electricity("1_000")).hint).toBe("did you mean 1000 USD/MWh?");
    expect(electricity("1000 USD/MWh")).toBe(1);
    // With an exponent or a plus sign too; each hint pasted back reads 0.08 / 0.0826 USD/kWh.
    expect(errorOf(() => electricity("8e1")).hint).toBe("did you mean 8e1 USD/MWh?");
    expect(errorOf(() => electricity("+82.6")).hint).toBe("did you mean +82.6 USD/MWh?");
    expect(electricity("8e1 USD/MWh")).toBe(0.08);
    // 82.6 ÷ 1,000 in doubles is 0.08259999999999999 (82.6 has no exact double): 0.0826 to 15 digits.
    expect(electricity("+82.6 USD/MWh")).toBeCloseTo(0.0826, 15);
    // A plural unit is singular for one: "did you mean 1 years?" (tester); 1 year is 12 months, in [3, 120] months.
    const designCycle = (value: string) =>
      errorOf(() => applyOverrides({values: {}} as unknown as ResolvedScenario, [`silicon.designCycle=${value}`]));
    expect(designCycle("1")).toMatchObject({message: "out of range", found: "1", hint: "did you mean 1 year?"});
    // 200 is out of range in months and in years (2,400 months): no unit offered.
    expect(designCycle("200")).toMatchObject({message: "out of range", found: "200"});
    expect(designCycle("200").hint).toBeUndefined();
    // Padded, it is told as written without the spaces, as --set tells it.
    expect(errorOf(() => keyFlag("--pue", "power.pue")(" 5 ")).found).toBe("5");
    // A flag with no scenario key and a dimension (--hourly-price) takes a unit too.
    const hourly = rangeFlag("--hourly-price", {min: 0.01, max: 10_000}, "the range of hourly_usd", "usdPerHour");
    expect([hourly("2.5"), hourly("2.5 USD/h"), hourly("$2.5/h")]).toEqual([2.5, 2.5, 2.5]);
    expect(errorOf(() => hourly("2.5 USD/MWh"))).toMatchObject({message: "wrong unit", found: "2.5 USD/MWh"});
    expect(errorOf(() => hourly("0"))).toMatchObject({
      message: "out of range",
      expected: "a cost per hour in [0.01 USD/h, 10,000 USD/h] (the range of hourly_usd)",
      found: "0"
    });
    // Too large for a double, with a unit or without: "out of range", as --set says it (it read "not a decimal
    // number", then "not finite").
    expect(errorOf(() => hourly("1e400 USD/h")).message).toBe("out of range");
    expect(errorOf(() => electricity("1e400 USD/kWh")).message).toBe("out of range");
    // Underscores group digits in threes: 2_5 is a mistyped 2.5, not 25 (breaker: it ran at 25 USD/h).
    expect(errorOf(() => hourly("2_5")).message).toBe("not a decimal number");
    expect(hourly("1_000")).toBe(1000);
    // 20,000 USD/MWh is 20 USD/kWh, out of range too: no unit fits, no hint.
    expect(errorOf(() => electricity("20000")).hint).toBeUndefined();
    expect(errorOf(() => electricity("60 W"))).toMatchObject({message: "wrong unit", hint: "W measures a power"});
  });

  it("calls a number too large for a double 'out of range' of its key, as --set does (breaker)", () => {
    const fromSet = errorOf(() =>
      applyOverrides({values: {}} as unknown as ResolvedScenario, ["power.electricity=1e400"])
    );
    expect(fromSet).toMatchObject({message: "out of range"});
    for (const text of ["1e400", "9".repeat(400), "-1e400"]) {
      for (const parse of [
        electricity,
        keyFlag("--utilization", "serving.utilization"),
        keyFlag("--batch", "serving.batch")
      ])
        expect(
          errorOf(() => parse(text)),
          text
        ).toMatchObject({message: "out of range"});
    }
    // With the key's range and where it comes from, as a shorter number out of range is told.
    expect(errorOf(() => keyFlag("--batch", "serving.batch")("1e400")).message).toBe(
      errorOf(() => keyFlag("--batch", "serving.batch")("1e40")).message
    );
    // Text that is no decimal numeral stays "not a decimal number".
    expect(errorOf(() => electricity("0x10"))).toMatchObject({message: "not a decimal number"});
    expect(errorOf(() => electricity("Infinity"))).toMatchObject({message: "not a decimal number"});
  });
});

describe("oneOf", () => {
  it("offers the closest choice, as a catalog's choice cell does (--precision FP8 had no hint; breaker)", () => {
    expect(errorOf(() => oneOf("--precision", ["bf16", "fp8", "fp4"])("FP8"))).toMatchObject({
      flag: "--precision",
      // --set's words for a choice key (notAChoice; it read "not a valid choice: expected one of bf16, fp8, fp4").
      message: "not one of the choices",
      expected: "one of bf16, fp8 or fp4",
      found: "FP8",
      hint: "did you mean fp8?"
    });
    expect(errorOf(() => oneOf("--precision", ["bf16", "fp8", "fp4"])("int8")).hint).toBeUndefined();
  });
});

describe("a number flag's found value and hints", () => {
  const message = (flag: string, path: string, text: string) => {
    try {
      keyFlag(flag, path)(text);
    } catch (error) {
      return userErrorList(error)[0]?.message;
    }
    return undefined;
  };

  it('quotes the found value once and gives --set\'s minus hint (breaker: found "\\"\\u201364\\"")', () => {
    expect(message("--batch", "serving.batch", "\u201364")).toBe(
      '--batch: not a number: expected a whole number: a count like 16384, 16k, 1.5M or 2B, found "\\u201364" ' +
        "(written -64 with an ASCII hyphen-minus, it is refused too: out of range, expected a whole number in [1, 1M])"
    );
    expect(message("--utilization", "serving.utilization", "\u20130.5")).toBe(
      '--utilization: not a number: expected a fraction like 0.35 or 35%, found "\\u20130.5" (written -0.5 with an ' +
        "ASCII hyphen-minus, it is refused too: out of range, expected a fraction in [0.01, 1], or a percentage in " +
        "[1%, 100%])"
    );
    expect(message("--chip-price", "hardware.price", "\u22125")).toBe(
      "--chip-price: not a number: expected an amount of money in USD, kUSD, MUSD or BUSD, or written like $40k, " +
        '$500M, $1.2B, found "\\u22125" (written -5 with an ASCII hyphen-minus, it is refused too: out of range, ' +
        "expected an amount of money in [$1, $10M])"
    );
    expect(message("--batch", "serving.batch", "abc")).toBe(
      "--batch: not a decimal number: expected a whole number in [1, 1M] (Batch per replica, the range of " +
        "serving.batch), found abc"
    );
  });

  it("refuses a leading-zero group, read as thousands, and offers the point (breaker: $0,030k was $30,000)", () => {
    expect(message("--chip-price", "hardware.price", "$0,030k")).toBe(
      "--chip-price: not a number: expected an amount of money in USD, kUSD, MUSD or BUSD, or written like $40k, " +
        "$500M, $1.2B, found $0,030k (a decimal is written with a point, not a comma: did you mean $0.030k?)"
    );
    expect(message("--tokens", "training.tokens", "0,015T")).toBe(
      "--tokens: not a number: expected a number of tokens like 4096, 1e6, 32k tokens or 15T tokens, found 0,015T " +
        "(a decimal is written with a point, not a comma: did you mean 0.015T?)"
    );
    expect(message("--utilization", "serving.utilization", "0,5")).toBe(
      "--utilization: not a number: expected a fraction like 0.35 or 35%, found 0,5 (a decimal is written with a " +
        "point, not a comma: did you mean 0.5?)"
    );
  });
});

// A thousand grouped with a point (`1.000`) read as 1 under a whole-number key or flag, exit 0 (breaker: `--set
// serving.batch=1.000`, `--batch 1.000`, `--samples 1.000` all ran with 1).
describe("a whole number grouped with points", () => {
  const hint = "a whole number is written without a point: write 1, or 1000 (1,000) if a thousand was meant";
  const set = (assignment: string) =>
    errorOf(() => applyOverrides({values: {}} as unknown as ResolvedScenario, [assignment]));
  it("is refused by --set, a key flag and --samples, with both readings offered", () => {
    for (const detail of [
      set("serving.batch=1.000"),
      errorOf(() => keyFlag("--batch", "serving.batch")("1.000")),
      errorOf(() => positiveInteger("--samples", 2_000_000)("1.000"))
    ]) {
      expect(detail).toMatchObject({message: "a point in a whole number", found: "1.000", hint});
    }
  });
  it("offers only what the key takes", () => {
    // 16.384 is no whole number; 1.000.000 no decimal one.
    expect(set("serving.batch=16.384").hint).toBe("a whole number is written without a point: write 16384 (16,384)");
    expect(errorOf(() => positiveInteger("--samples", 2_000_000)("1.000.000")).hint).toBe(
      "a whole number is written without a point: write 1000000 (1,000,000)"
    );
    // --port 1.000: a thousand is a port, 1 too; --workers (at most 256) 1.000: only 1.
    expect(errorOf(() => positiveInteger("--workers", 256)("1.000")).hint).toBe(
      "a whole number is written without a point: write 1"
    );
    // horizon.months is at most 240 months: a thousand is not offered; a flag from 2: 1 is not.
    expect(set("horizon.months=1.000").hint).toBe("a whole number is written without a point: write 1");
    expect(errorOf(() => rangeFlag("--n", {min: 2, max: 5000, integer: true}, "a test")("1.000")).hint).toBe(
      "a whole number is written without a point: write 1000 (1,000)"
    );
  });
  it("keeps a scaled value and a decimal key's reading", () => {
    expect(keyFlag("--input-tokens", "serving.inputTokens")("16.384k")).toBe(16_384);
    expect(keyFlag("--pue", "power.pue")("1.000")).toBe(1);
  });
});

// `--set serving.hardware=H100` was offered h100, which is no id (the ids are h100-sxm, h200-sxm…; breaker).
describe("an id key's hint under --set", () => {
  const ids = {hardware: ["h100-sxm", "h200-sxm", "b200"], models: ["llama-3.1-70b"]};
  const set = (assignment: string) =>
    errorOf(() => applyOverrides({values: {}} as unknown as ResolvedScenario, [assignment], "--set", ids));
  it("offers only catalog ids", () => {
    expect(set("serving.hardware=H100").hint).toBe("did you mean 'h100-sxm', 'h200-sxm' or 'b200'?");
    expect(set("serving.hardware=H200-SXM").hint).toBe("did you mean h200-sxm?");
  });
});

// `--samples 1,000` was "not a decimal number", no hint, where `--batch 1,000` and `--set serving.batch=1,000` read
// 1000 (breaker).
describe("a bare-number flag with digits grouped by commas", () => {
  const samples = positiveInteger("--samples", 2_000_000);
  it("reads them as --set does", () => {
    expect(samples("1,000")).toBe(1000);
    expect(samples("1,000,000")).toBe(1_000_000);
  });
  it("tells a misgrouping, offering only what the flag takes", () => {
    expect(errorOf(() => samples("1,2000")).hint).toBe("digits are grouped in threes: did you mean 12,000?");
    // 10.5 is no sample count.
    expect(errorOf(() => samples("10,5"))).not.toHaveProperty("hint");
  });
});
