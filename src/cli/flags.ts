import {bareMoneySentence} from "../scenario/run/bareMoneyNote.js";
import {bareTokensSentence} from "../scenario/run/bareTokensNote.js";
import {UserError} from "../errors/userError.js";
import {didYouMean} from "../errors/suggest.js";
import {isQuantityKey, keyRange, scenarioKey, type ScenarioKeyDef} from "../scenario/file/schema.js";
import {isDecimalNumeral, readDecimal, UNDERFLOW_HINT} from "../units/decimal.js";
import {outOfRange, quantityError, wholeOffers} from "../scenario/file/readValue.js";
import {keyReading} from "../scenario/file/countWords.js";
import {DIMENSIONS, infinityOf, readQuantity, unitFactorOf, type Dimension} from "../units/quantity.js";
import {formatRange, isInRange, type NumberRange} from "../units/range.js";
import {groupThousands} from "../units/groupThousands.js";
import {pointGroupedWhole} from "../units/pointGrouped.js";
import {notAChoice} from "../errors/notAChoice.js";

// Parsers for flag values. Each rejects what is not a decimal number in range with a UserError naming the flag, the
// range and what was given; commander calls them as `(value) => parsed`.

/**
 * The number a flag's value denotes: a decimal numeral (src/units/decimal.ts; `1_000` and `1,000` allowed), never
 * hex, binary, octal, Infinity or empty text.
 *
 * Throws: UserError naming `flag`, with `expected` and the text as given.
 */
export function parseFinite(
  flag: string,
  text: string,
  expected: string,
  accepts: (value: number) => boolean = () => true
): number {
  // Digits grouped with commas, as --set and a flag of a key take them (`--samples 1,000` was "not a decimal number"
  // where `--batch 1,000` read 1000; breaker): read as a scenario value reads a bare number, its misgrouping told.
  // Digits grouped with a no-break or thin space (`1\u202f000`), or written in fullwidth forms, told as --set tells them.
  // A plain space between digits too (`16 384`).
  const grouped = /[,\u00a0\u2007\u2009\u202f\uff01-\uff5e]|\d \d/.test(text) ? readQuantity(text, "plain") : undefined;
  if (grouped?.ok && grouped.unit === "") return grouped.value;
  const value = readDecimal(text, {underscores: true});
  if (value === undefined) {
    // `1e400` is a decimal number, too large for a double: "not finite" for a flag of a bare number (--seed,
    // --samples); a flag of a scenario key or a unit returns an infinity for its range to refuse (flagQuantity).
    const numeral = isDecimalNumeral(text, {underscores: true});
    // `1e-400` underflows to 0 (readDecimal refuses it, as it refuses `1e400`).
    const tiny = numeral && Number.isFinite(Number(text.trim().replace(/_/g, "")));
    const message =
      text.trim() === "" ? "empty value" : tiny ? "number too small" : numeral ? "not finite" : "not a decimal number";
    // The text as typed: the message quotes it where it needs quotes (quoteFound); it was quoted here too, and read
    // `found "\"\u201364\""` (breaker).
    // Only an offer the flag takes (`--samples 10,5` was offered 10.5).
    const offer = grouped && !grouped.ok ? grouped.offers?.find((o) => acceptsText(o.text, accepts)) : undefined;
    // Fullwidth digits that underflow once ASCII (`１e-400`): too small, with both hints (readQuantity's).
    const small = grouped && !grouped.ok && grouped.reason === "underflow" ? grouped.hint : undefined;
    const hint = tiny ? UNDERFLOW_HINT : (offer?.hint ?? small);
    throw new UserError({
      flag,
      message: small ? "number too small" : message,
      expected,
      found: text,
      ...(hint ? {hint} : {})
    });
  }
  return value;
}

/** Whether `text` reads as a bare number that `accepts` takes. */
function acceptsText(text: string, accepts: (value: number) => boolean): boolean {
  const reading = readQuantity(text, "plain");
  return reading.ok && reading.unit === "" && accepts(reading.value);
}

/** An integer seed (negative allowed) in decimal. Throws: UserError naming `flag`. */
export function seedFlag(flag = "--seed") {
  return (text: string): number => {
    const expected = "a whole number, in decimal";
    const value = parseFinite(flag, text, expected, Number.isSafeInteger);
    if (!Number.isInteger(value)) throw new UserError({flag, message: "not an integer", expected, found: text});
    // Beyond 2^53 a double no longer holds every whole number: 9007199254740993 reads as …992, another seed.
    if (!Number.isSafeInteger(value))
      throw new UserError({
        flag,
        message: "out of range",
        // Grouped, as formatRange writes a bound ("[1, 2,000,000]"); exact, for a user to copy.
        expected: `a whole number within ±${groupThousands(Number.MAX_SAFE_INTEGER)} (2^53 − 1)`,
        found: text
      });
    return value;
  };
}

/**
 * A whole number from 1 to `max` (a sample count; default no limit), its bounds written as every flag's are
 * (formatRange: "a whole number in [1, 2,000,000]"). Throws: UserError naming `flag`.
 */
export function positiveInteger(flag: string, max = Infinity) {
  return (text: string): number => {
    const expected = `a whole number in ${formatRange({min: 1, max, maxExclusive: max === Infinity})}`;
    const grouped = pointGroupedWhole(text, (value) => value >= 1 && value <= max);
    if (grouped) throw new UserError({flag, ...grouped, expected, found: text});
    const value = parseFinite(flag, text, expected, (v) => Number.isInteger(v) && v >= 1 && v <= max);
    // "1.5" is not whole, "0" is too small: each said as it is ("out of range" for 1.5 read as a bound; breaker).
    if (!Number.isInteger(value)) throw new UserError({flag, message: "not a whole number", expected, found: text});
    if (value < 1 || value > max) throw new UserError({flag, message: "out of range", expected, found: text});
    return value;
  };
}

/**
 * One of a fixed set of words, written exactly; another is told the closest (`--precision FP8`: "did you mean fp8?",
 * as a catalog's choice cell is, CellReader.choice; the flag offered nothing). Every flag with choices reads through
 * it, in the words `--set` of a choice key has (notAChoice): "not one of the choices: expected one of bf16, fp16 or
 * fp8, found fp4 (did you mean fp8?)". `path`: the scenario key the flag sets, whose choices' names (schema
 * `choiceNames`: "TensorRT-LLM") are told their word as `--set` tells them ("TensorRT-LLM is written trtllm"; the flag
 * offered nothing for the name the pages and the help write).
 */
export function oneOf<T extends string>(flag: string, allowed: readonly T[], path?: string) {
  const names = Object.entries(path ? (scenarioKey(path)?.choiceNames ?? {}) : {});
  return (text: string): T => {
    if ((allowed as readonly string[]).includes(text)) return text as T;
    const named = names.find(([, name]) => name.toLowerCase() === text.trim().toLowerCase())?.[0];
    const hint = named !== undefined ? `${text} is written ${named} after ${flag}` : didYouMean(text, allowed);
    throw new UserError({flag, ...notAChoice(allowed), found: text, ...(hint ? {hint} : {})});
  };
}

/**
 * A flag that sets a scenario key: a number in the key's base unit (`--electricity 0.0826`, USD/kWh), or written with
 * a unit as a scenario file writes it (`--electricity "60 USD/MWh"`, `--chip-price '$30k'`), checked against the key's
 * range in the schema (the one definition of its range) and told as `--set` and a scenario file tell it, so that
 * `--pue 5` and `power.pue: 5` fail alike: "expected an electricity price in [0 USD/kWh, 10 USD/kWh] (Electricity
 * price, the range of power.electricity), found 82.6 (did you mean 82.6 USD/MWh?)" (it read "a number in [0, 10]",
 * no unit; new-user trial). A fraction also takes a percentage (`--utilization 60%`).
 *
 * Throws: UserError naming `flag`, what was expected and the text as given.
 */
export function keyFlag(flag: string, path: string) {
  const def = scenarioKey(path);
  if (!def || !isQuantityKey(def)) throw new Error(`${path} is not a numeric scenario key`);
  const range = {...keyRange(def), integer: def.integer === true};
  const what = `${def.label}, the range of ${path}`;
  if (def.type !== "fraction") {
    const dimension = def.type;
    const inRange = outOfRange(def, dimension, "").expected;
    return (text: string): number => {
      const grouped = range.integer ? pointGroupedWhole(text, ...wholeOffers(def, dimension)) : undefined;
      if (grouped) throw new UserError({flag, ...grouped, expected: `${inRange} (${what})`, found: text});
      const value = flagQuantity(flag, text, dimension, def, `${inRange} (${what})`);
      if (range.integer && Number.isFinite(value) && !Number.isInteger(value)) {
        throw new UserError({flag, message: "not a whole number", expected: `${inRange} (${what})`, found: text});
      }
      if (isInRange(value, range)) {
        // `--chip-price 31` is $31, as `--set hardware.price=31` is, and is noted as that is (bareMoneyNote.ts);
        // `training --tokens 15` is 15 tokens, as `--set training.tokens=15` is (bareTokensNote.ts).
        const bare = bareMoneySentence(path, text, value, flag) ?? bareTokensSentence(path, text, value, flag);
        if (bare !== null) process.stderr.write(`token-ledger: note: ${bare}\n`);
        return value;
      }
      const detail = outOfRange(def, dimension, text.trim());
      throw new UserError({flag, ...detail, expected: `${detail.expected} (${what})`});
    };
  }
  // A fraction may be written as a percentage, as in a scenario file (`--utilization 60%`); a whole number from 10 to
  // 100 outside the range is told the fraction it likely means (`--utilization 60`: "did you mean 0.6, or 60%?"; the
  // same mistake under --set is told "did you mean 60%?"; modeller trial).
  const expected = `a number in ${formatRange(range)} or a percentage like 60% (${what})`;
  return (text: string): number => {
    const percent = /^\s*([^%]*?)\s*%\s*$/.exec(text);
    const number = percent ? readDecimal(percent[1]!, {underscores: true}) : undefined;
    const value = percent
      ? number === undefined
        ? undefined
        : number / 100
      : fractionNumber(flag, def, text, expected);
    if (value === undefined) {
      const hint = setReading(def, text)?.error.hint;
      throw new UserError({flag, message: "not a percentage", expected, found: text, ...(hint ? {hint} : {})});
    }
    if (isInRange(value, range)) return value;
    const bare = percent ? undefined : /^\s*\d+\s*$/.test(text) ? Number(text) : undefined;
    const likely = bare !== undefined && bare >= 10 && bare <= 100 && isInRange(bare / 100, range);
    throw new UserError({
      flag,
      message: "out of range",
      expected,
      found: text,
      ...(likely ? {hint: `did you mean ${bare / 100}, or ${bare}%?`} : {})
    });
  };
}

/**
 * A flag's number in `dimension`: a decimal numeral in its base unit (parseFinite's: `1_000`), or a value with a unit
 * of it, as a scenario file writes one (readQuantity: `60 USD/MWh`, `$30k`). A number too large for a double (`1e400`,
 * `1e400 USD/kWh`) is returned as an infinity, for the caller's range to refuse; a wrong unit is told as `--set` tells
 * it (quantityError); anything else that is not a number as parseFinite tells it, with `expected`.
 *
 * Throws: UserError naming `flag`.
 */
function flagQuantity(
  flag: string,
  text: string,
  dimension: Dimension,
  def: Pick<ScenarioKeyDef, "integer">,
  expected: string
): number {
  const bare = readDecimal(text, {underscores: true});
  if (bare !== undefined) return bare;
  const reading = readQuantity(text, dimension);
  if (reading.ok) return reading.value;
  // A number too large for a double (`1e400`, `1e400 USD/kWh`) is a number: out of the caller's range, as --set says.
  if (reading.reason === "finite") return infinityOf(reading.found);
  // A wrong unit, or a number readQuantity has a hint for (`–64`, `$0,030k`), as --set tells it.
  if (reading.reason !== "number" || reading.hint !== undefined) {
    throw new UserError({flag, ...quantityError(def, reading)});
  }
  return parseFinite(flag, text, expected);
}

/**
 * A fraction key's value that readQuantity refuses, beside --set's error for it (quantityError: its hint checked
 * against the key, `–0.5` offered the ASCII minus, `0,5` the point); undefined when it reads, or for a key of no
 * quantity.
 */
function setReading(def: ScenarioKeyDef, text: string) {
  if (!isQuantityKey(def)) return undefined;
  const reading = readQuantity(text, def.type, keyReading(def));
  return reading.ok ? undefined : {reading, error: quantityError(def, reading)};
}

/**
 * A fraction flag's value written without %: a decimal numeral (`0.6`, `1_000`), else --set's error where readQuantity
 * has a hint for it (`–0.5`, `0,5`), else parseFinite's.
 *
 * Throws: UserError naming `flag`.
 */
function fractionNumber(flag: string, def: ScenarioKeyDef, text: string, expected: string): number {
  const bare = readDecimal(text, {underscores: true});
  if (bare !== undefined) return bare;
  const set = setReading(def, text);
  if (set?.reading.reason === "finite") return infinityOf(set.reading.found);
  if (set?.reading.hint !== undefined) throw new UserError({flag, ...set.error});
  return parseFinite(flag, text, expected);
}

/**
 * A flag whose value must lie in `range` (a catalog column's physical range, for a flag with no scenario key):
 * `what` names where the range comes from, e.g. "hourly_usd of data/hardware.csv". With a `dimension`, the value may
 * also be written with a unit of it, as a scenario file writes one (`--hourly-price "2.5 USD/h"`, beside
 * `--chip-price '$30k'`; new-user trial).
 *
 * Throws: UserError naming `flag`, the range and the text given.
 */
export function rangeFlag(flag: string, range: NumberRange, what: string, dimension?: Dimension) {
  // With a dimension, the range in its unit ("a cost per hour in [0.01 USD/h, 10,000 USD/h]"), as keyFlag writes it.
  const kind = range.integer ? "a whole number" : dimension === undefined ? "a number" : DIMENSIONS[dimension].noun;
  const expected = `${kind} in ${formatRange(range, dimension)} (${what})`;
  return (text: string): number => {
    const grouped = range.integer
      ? pointGroupedWhole(text, (value) => isInRange(value, range), unitFactorOf(dimension))
      : undefined;
    if (grouped) throw new UserError({flag, ...grouped, expected, found: text});
    const value =
      dimension === undefined
        ? parseFinite(flag, text, expected, (v) => isInRange(v, range) && (!range.integer || Number.isInteger(v)))
        : flagQuantity(flag, text, dimension, {integer: range.integer}, expected);
    if (!isInRange(value, range)) throw new UserError({flag, message: "out of range", expected, found: text});
    return value;
  };
}
