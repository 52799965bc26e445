import {UserError} from "../errors/userError.js";
import {isQuantityKey, keyRange, scenarioKey} from "../scenario/file/schema.js";
import {formatRange, isInRange} from "../units/range.js";

/**
 * Parsers for numeric flags. Each rejects what is not a finite number in range with a UserError naming the flag,
 * the range and what was given; commander calls them as `(value) => parsed`.
 */
function parseFinite(flag: string, text: string, expected: string): number {
  const value = Number(text.trim().replace(/_/g, ""));
  if (text.trim() === "" || !Number.isFinite(value)) {
    throw new UserError({flag, message: "not a finite number", expected, found: JSON.stringify(text)});
  }
  return value;
}

export function positiveNumber(flag: string) {
  return (text: string): number => {
    const expected = "a number > 0";
    const value = parseFinite(flag, text, expected);
    if (value <= 0) throw new UserError({flag, message: "out of range", expected, found: text});
    return value;
  };
}

export function nonNegativeNumber(flag: string) {
  return (text: string): number => {
    const expected = "a number >= 0";
    const value = parseFinite(flag, text, expected);
    if (value < 0) throw new UserError({flag, message: "out of range", expected, found: text});
    return value;
  };
}

export function positiveInteger(flag: string) {
  return (text: string): number => {
    const expected = "a whole number >= 1";
    const value = parseFinite(flag, text, expected);
    if (!Number.isInteger(value) || value < 1)
      throw new UserError({flag, message: "out of range", expected, found: text});
    return value;
  };
}

/** A fraction in (0, 1]: utilisation, MFU. */
export function unitFraction(flag: string) {
  return (text: string): number => {
    const expected = "a fraction in (0, 1]";
    const value = parseFinite(flag, text, expected);
    if (value <= 0 || value > 1) throw new UserError({flag, message: "out of range", expected, found: text});
    return value;
  };
}

/** A share in [0, 1): a prefix-cache hit share (1 would leave nothing to prefill). */
export function fractionBelowOne(flag: string) {
  return (text: string): number => {
    const expected = "a fraction in [0, 1)";
    const value = parseFinite(flag, text, expected);
    if (value < 0 || value >= 1) throw new UserError({flag, message: "out of range", expected, found: text});
    return value;
  };
}

/** A number >= min (PUE >= 1). */
export function atLeast(flag: string, min: number) {
  return (text: string): number => {
    const expected = `a number >= ${min}`;
    const value = parseFinite(flag, text, expected);
    if (value < min) throw new UserError({flag, message: "out of range", expected, found: text});
    return value;
  };
}

/** One of a fixed set of words. */
export function oneOf<T extends string>(flag: string, allowed: readonly T[]) {
  return (text: string): T => {
    if ((allowed as readonly string[]).includes(text)) return text as T;
    throw new UserError({flag, message: "not a valid choice", expected: `one of ${allowed.join(", ")}`, found: text});
  };
}

/**
 * A flag that sets a scenario key: a plain number checked against the key's range in the schema (the one definition
 * of its range), so that `--pue 5` and `power.pue: 5` fail alike.
 */
export function keyFlag(flag: string, path: string) {
  const def = scenarioKey(path);
  if (!def || !isQuantityKey(def)) throw new Error(`${path} is not a numeric scenario key`);
  const range = keyRange(def);
  const expected = `${def.integer ? "a whole number" : "a number"} in ${formatRange(range)} (${def.label}, the range of ${path})`;
  return (text: string): number => {
    const value = parseFinite(flag, text, expected);
    if (!isInRange(value, range) || (def.integer && !Number.isInteger(value))) {
      throw new UserError({flag, message: "out of range", expected, found: text});
    }
    return value;
  };
}
