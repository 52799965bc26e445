import {UserError} from "../errors/userError.js";
import {isQuantityKey, keyRange, scenarioKey} from "../scenario/file/schema.js";
import {formatRange, isInRange} from "../units/range.js";

/**
 * A flag that sets a scenario key: parses a plain number and checks it against the key's range in the schema (the
 * one definition of its range), so that `--pue 5` and `power.pue: 5` fail alike. Throws a UserError naming the flag,
 * the range and what was given.
 */
export function keyFlag(flag: string, path: string) {
  const def = scenarioKey(path);
  if (!def || !isQuantityKey(def)) throw new Error(`${path} is not a numeric scenario key`);
  const range = keyRange(def);
  const expected = `${def.integer ? "a whole number" : "a number"} in ${formatRange(range)} (${def.label}, the range of ${path})`;
  return (text: string): number => {
    const value = Number(text.trim().replace(/_/g, ""));
    if (text.trim() === "" || !Number.isFinite(value)) {
      throw new UserError({flag, message: "not a finite number", expected, found: JSON.stringify(text)});
    }
    if (!isInRange(value, range) || (def.integer && !Number.isInteger(value))) {
      throw new UserError({flag, message: "out of range", expected, found: text});
    }
    return value;
  };
}

/** A key's default as a number (a programming error if the schema gives none). */
export function numericDefault(defaults: Readonly<Record<string, number | string | null>>, path: string): number {
  const value = defaults[path];
  if (typeof value !== "number") throw new Error(`${path} has no numeric default`);
  return value;
}
