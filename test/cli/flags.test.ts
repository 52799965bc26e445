// Every bound a user sees for a number is written by one function (formatBound in src/units/range.ts): interval
// notation, grouped, as the input takes numbers: a flag a bare number ("[1, 1,000,000]"), `--set` the file notation
// of the key's dimension ("[1, 1M]" for a count, "[$1, $10M]" for a price). Before, `--batch 0` read "[1, 1000000]"
// and `--samples 0` "from 1 to 2,000,000".
import {describe, expect, it} from "vitest";
import {keyFlag, positiveInteger} from "../../src/cli/flags.js";
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

/**
 * Dimensions whose file notation is a bare number: their bounds read the same on a flag and in `--set` (a count's
 * file notation has suffixes, "16k", "1.5M", which a flag does not take).
 */
const UNITLESS = new Set(["fraction", "plain"]);

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return userErrorList(error)[0]?.detail.expected ?? "";
  }
  throw new Error("expected a user error");
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
    // A flag takes a bare number in the key's base unit; --set takes the file notation, units included.
    expect(fromFlag).toBe(formatRange(range));
    expect(fromSet).toBe(formatRange(range, def.type));
    if (UNITLESS.has(def.type)) expect(fromFlag).toBe(fromSet);
    // Never "1000000" nor, for a number without a unit, "1M".
    expect(fromFlag).not.toMatch(/\d{4}|\d[kMBT]\b/);
    if (UNITLESS.has(def.type)) expect(fromSet).not.toMatch(/\d{4}|\d[kMBT]\b/);
  });

  it("writes a count flag's, a port's and a sample count's bounds the same way", () => {
    expect(messageOf(() => positiveInteger("--samples", 2_000_000)("0"))).toBe("a whole number in [1, 2,000,000]");
    expect(messageOf(() => positiveInteger("--port", 65535)("0"))).toBe("a whole number in [1, 65,535]");
    expect(messageOf(() => positiveInteger("--count")("0"))).toBe("a whole number in [1, ∞)");
    expect(messageOf(() => validateSampleCount(0))).toBe("an integer in [1, 2,000,000]");
    expect(interval(messageOf(() => keyFlag("--batch", "serving.batch")("0")))).toBe("[1, 1,000,000]");
    expect(
      interval(messageOf(() => applyOverrides({values: {}} as unknown as ResolvedScenario, ["serving.batch=0"])))
    ).toBe("[1, 1M]");
  });
});

describe("a fraction flag", () => {
  const utilization = keyFlag("--utilization", "serving.utilization");
  const errorOf = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      return userErrorList(error)[0]!.detail;
    }
    throw new Error("expected a user error");
  };

  it("takes a percentage as a scenario file writes it", () => {
    // 60% is 60/100 = 0.6; 7.5 % is 0.075.
    expect(utilization("60%")).toBe(0.6);
    expect(utilization("7.5 %")).toBe(0.075);
    expect(utilization("0.6")).toBe(0.6);
    expect(errorOf(() => utilization("150%"))).toMatchObject({message: "out of range", found: "150%"});
    expect(errorOf(() => utilization("abc%"))).toMatchObject({message: "not a percentage", found: '"abc%"'});
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
    expect(errorOf(() => keyFlag("--batch", "serving.batch")("60%"))).toMatchObject({message: "not a decimal number"});
  });
});
