import {UserError} from "../errors/userError.js";
import {DIMENSIONS, formatNumber, formatQuantity, type Dimension} from "./quantity.js";
import {groupThousands} from "./groupThousands.js";

/**
 * The interval a value must lie in, and whether it must be a whole number: the one range type of the library (model
 * input ranges, scenario key ranges, slider ends). Bounds may be infinite; the value itself must always be a finite
 * number.
 */
export interface NumberRange {
  /** Lower bound, in the parameter's own unit; -Infinity for none. */
  min: number;
  /** Upper bound, in the parameter's own unit; Infinity for none. */
  max: number;
  /** True when `min` itself is not allowed: the interval is open on the left, `(min, …`. */
  minExclusive?: boolean;
  /** True when `max` itself is not allowed: the interval is open on the right, `…, max)`. */
  maxExclusive?: boolean;
  /** True when the value must be a whole number (months, years, counts). */
  integer?: boolean;
}

/** The keys of T whose values are numbers. */
export type NumericKeys<T> = {[K in keyof T]-?: T[K] extends number ? K : never}[keyof T];

/** One range for every numeric field of T: a table the compiler checks for completeness. */
export type RangeTable<T> = {readonly [K in NumericKeys<T>]: NumberRange};

/** From here a plain bound is written in exponent notation ("1e18"); below it, every digit, grouped. */
const EXPONENT_FROM = 1e12;

/**
 * A range's end as every message, flag and page writes it: the one home of that, through formatRange and
 * describeRange. "∞" and "-∞"; with a dimension, as a scenario file may write it, in its display unit and grouped
 * ("$10M", "100M tokens", "1M" for a count, "10,000 USD/h"); without one (a flag, which takes a bare number) grouped
 * in full ("1,000,000": the flag that sets serving.batch read "[1, 1000000]"), from 10^12 in exponent notation
 * ("1e18"). `exponent` writes a plain bound as plainNumber does, from 10^9 in exponent
 * notation: formatRange asks for it when the other end is that large, so that one range is written one way
 * ("[1e10, 1e18]", not "[10,000,000,000, 1e18]").
 */
export function formatBound(value: number, dimension?: Dimension, exponent = false): string {
  if (value === Infinity) return "∞";
  if (value === -Infinity) return "-∞";
  if (dimension !== undefined) return formatQuantity(value, dimension, groupedBound);
  return exponent || Math.abs(value) >= EXPONENT_FROM ? plainNumber(value) : groupedBound(value);
}

function groupedBound(value: number): string {
  return groupThousands(Number(value.toPrecision(12)), 20);
}

/** "a number in [0, 1)", "an integer in [1, 240]": the `expected` text of a range error. */
export function describeRange(range: NumberRange): string {
  const kind = range.integer ? "an integer" : "a number";
  return `${kind} in ${formatRange(range)}`;
}

/** True when `value` is a finite number inside `range`. */
export function isInRange(value: unknown, range: NumberRange): value is number {
  if (typeof value !== "number" || !Number.isFinite(value)) return false;
  if (range.integer && !Number.isInteger(value)) return false;
  if (range.minExclusive ? value <= range.min : value < range.min) return false;
  if (range.maxExclusive ? value >= range.max : value > range.max) return false;
  return true;
}

/**
 * A value found outside `range` as a message writes it: three significant digits, or as many more as keep it on its
 * own side of the bound it crosses (formatBeyondBound: 0.999999999 against an excluded 1 is not "1"); it read
 * "found 1.47160458537" (breaker). Without a range, any value a script may pass: a number as it is, undefined as
 * "nothing", anything else as JSON (a string quoted: "100" read as found 100, which looked right).
 */
export function describeFound(value: unknown, range?: NumberRange): string {
  if (typeof value === "number") {
    if (!Number.isFinite(value) || range === undefined) return String(value);
    const below = range.minExclusive ? value <= range.min : value < range.min;
    const bound = below ? range.min : range.max;
    return Number.isFinite(bound) ? formatBeyondBound(value, bound) : plainNumber(Number(value.toPrecision(3)));
  }
  if (value === undefined) return "nothing";
  if (typeof value === "bigint") return `${value}n`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** A units-in-names suffix of a model field's name: the dimension it gives and the unit words write it in. */
export interface FieldUnitSuffix {
  suffix: string;
  /** undefined for a share (…Fraction), written as a plain number as its range is. */
  dimension: Dimension | undefined;
  /** The unit as words put it after the field's name ("first generation training cost (USD)"); undefined for none. */
  unit: string | undefined;
}

/** The project's units-in-names suffixes of model fields, a longer suffix before one it ends with. */
const FIELD_UNIT_SUFFIXES: readonly FieldUnitSuffix[] = [
  {suffix: "UsdPerMTok", dimension: "usdPerMTok", unit: "USD/Mtok"},
  {suffix: "UsdPerHour", dimension: "usdPerHour", unit: "USD/h"},
  {suffix: "Usd", dimension: "money", unit: "USD"},
  {suffix: "Fraction", dimension: undefined, unit: undefined}
];

/**
 * The units-in-names suffix a model field's name (or path) ends with, or undefined: the one home of reading a unit
 * from a name, for range errors (fieldDimension) and a field's name in words (modelKeys.ts, fieldWords).
 */
export function fieldUnitSuffix(name: string): FieldUnitSuffix | undefined {
  return FIELD_UNIT_SUFFIXES.find(({suffix}) => name.endsWith(suffix));
}

/**
 * The dimension a model field's name gives it (fieldUnitSuffix): …UsdPerMTok a price per million tokens, …UsdPerHour
 * a cost per hour, …Usd money; undefined for any other name (a fraction, a count or a rate is written as a plain
 * number, as its range is).
 */
export function fieldDimension(path: string): Dimension | undefined {
  return fieldUnitSuffix(path)?.dimension;
}

/**
 * Throws a UserError naming `path`, the range and the value given unless `value` lies in `range`, e.g.
 * `discountRatePerYear: out of range: expected a number in [0, 1], found 1.7`. A field whose name gives its unit
 * (fieldDimension) is written in it: `servingCostUsdPerMTok: out of range: expected a price per million tokens in
 * [0 USD/Mtok, 10,000 USD/Mtok], found 11,100 USD/Mtok` (it read "[0, 10000], found 11100"; breaker).
 */
export function checkRange(path: string, value: unknown, range: NumberRange): void {
  if (isInRange(value, range)) return;
  const dimension = fieldDimension(path);
  const found = describeFound(value, range);
  const inUnit = dimension !== undefined && typeof value === "number" && Number.isFinite(value) && !range.integer;
  throw new UserError({
    path,
    // What is wrong, said as it is: a field left out is missing, text or a bigint is not a number (each read "out of
    // range", and a bigint 700 "found 700" beside a range holding 700; breaker). NaN stays out of every range.
    message: value === undefined ? "missing" : typeof value !== "number" ? "not a number" : "out of range",
    expected: inUnit ? `${DIMENSIONS[dimension].noun} in ${formatRange(range, dimension)}` : describeRange(range),
    found: inUnit
      ? formatQuantity(Number(found), dimension, (scaled) => groupThousands(Number(scaled.toPrecision(12)), 20))
      : found
  });
}

/**
 * Whether `value` is a plain object (an object literal, or one of no prototype): what a script passes as a point, a
 * resolved scenario or a sweep's metrics, and not a Map, an array, a Date, a Promise or a class instance.
 */
export function isPlainObject(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * Throws a UserError at `path` ("missing", `expected`, found as String(value)) unless `value` is an object: the
 * models' nested inputs (a chip's chipHour, evaluateServing's ownership and efficiencies) left out by a script.
 */
export function checkObject(path: string, value: unknown, expected: string): void {
  if (typeof value !== "object" || value === null) {
    throw new UserError({path, message: "missing", expected, found: String(value)});
  }
}

/**
 * checkObject, and then that `value[field]` is a text: a catalog row's field a script's function reads. An object of
 * another shape (`{}`, a Map, an array) read "Cannot read properties of undefined (reading 'toLowerCase')" in
 * defaultStackFor, and took the pooled efficiencies in calibratedEfficiencies, as for a family of no fit (breaker).
 *
 * @throws UserError at `path` for no object; at `path.field` ("not a text", `expected`, what the field holds).
 */
export function checkRowText(path: string, value: unknown, field: string, expected: string): void {
  checkObject(path, value, expected);
  const text = (value as Record<string, unknown>)[field];
  if (typeof text === "string") return;
  throw new UserError({path: `${path}.${field}`, message: "not a text", expected, found: describeFound(text)});
}

/**
 * checkRange for a field that may also be null (`rentedUsdPerChipHour`: null to own the chips): a value neither null
 * nor in range is told that null is allowed too (an omitted field read "expected a number in [0.01, 10,000], found
 * nothing", as if a rented price were required; breaker). `nullMeans` says what null stands for.
 */
export function checkNullableRange(path: string, value: unknown, range: NumberRange, nullMeans: string): void {
  if (value === null) return;
  try {
    checkRange(path, value, range);
  } catch (error) {
    const detail = (error as UserError).detail;
    throw new UserError({...detail, expected: `null (${nullMeans}) or ${detail.expected}`});
  }
}

/** A range table's entry as checkRanges reads it: every field present, so that each entry has one shape. */
interface RangeCheck {
  key: string;
  min: number;
  max: number;
  minExclusive: boolean;
  maxExclusive: boolean;
  integer: boolean;
  range: NumberRange;
}

/** Each range table's entries, made once per table (a table is a module constant). */
const RANGE_CHECKS = new WeakMap<object, readonly RangeCheck[]>();

function rangeChecks(table: Readonly<Record<string, NumberRange>>): readonly RangeCheck[] {
  let checks = RANGE_CHECKS.get(table);
  if (checks === undefined) {
    checks = Object.keys(table).map((key) => {
      const range = table[key]!;
      return {
        key,
        min: range.min,
        max: range.max,
        minExclusive: range.minExclusive === true,
        maxExclusive: range.maxExclusive === true,
        integer: range.integer === true,
        range
      };
    });
    RANGE_CHECKS.set(table, checks);
  }
  return checks;
}

/**
 * Checks every field named in `ranges` of `input`, in the table's order; `prefix` (e.g. "merchantChipHour") is
 * put before each field name in the error's path. The test is isInRange's, on the table's entries made once
 * (rangeChecks): the models run once per sweep point and Monte Carlo draw, and reading ranges of many shapes made
 * these checks a sixth of a sweep of every metric (bench/sweep.bench.ts; a CPU profile of 200,000 points).
 */
export function checkRanges<T extends object>(input: T, ranges: RangeTable<T>, prefix?: string): void {
  const values = input as Record<string, unknown>;
  const checks = rangeChecks(ranges as Readonly<Record<string, NumberRange>>);
  for (let i = 0; i < checks.length; i++) {
    const check = checks[i]!;
    const value = values[check.key];
    if (
      typeof value === "number" &&
      Number.isFinite(value) &&
      !(check.integer && !Number.isInteger(value)) &&
      !(check.minExclusive ? value <= check.min : value < check.min) &&
      !(check.maxExclusive ? value >= check.max : value > check.max)
    ) {
      continue;
    }
    // The path is built only for a value out of range.
    checkRange(prefix ? `${prefix}.${check.key}` : check.key, value, check.range);
  }
}

/**
 * Throws a UserError unless `result` is finite: inputs each inside its range may still together overflow a product or
 * quotient to Infinity (an MFU of 5e-324 gave a run of Infinity days), which a model reports rather than return.
 * `what` names the result and its formula ("chip-hours = flops ÷ (peakFlopsPerS × mfu × 3600) ÷ goodputFraction");
 * `inputs` are the fields it is computed from, named in the error's path and, with their values to three significant
 * digits, in its message (`found` is the result: a message's found is cut at MAX_FOUND_CHARS).
 */
export function checkFiniteResult(result: number, what: string, inputs: Readonly<Record<string, number>>): void {
  if (Number.isFinite(result)) return;
  const names = Object.keys(inputs);
  const values = names.map((name) => `${name} ${describeFound(inputs[name], ANY_NUMBER)}`).join(", ");
  throw new UserError({
    path: names.join(", "),
    message: `inputs too extreme together (${values})`,
    expected: `inputs whose ${what} is a finite number`,
    found: String(result)
  });
}

/** Every finite number. */
export const ANY_NUMBER: NumberRange = {min: -Infinity, max: Infinity, minExclusive: true, maxExclusive: true};

const INTERVAL = /^\s*([[(])\s*([^,]+?)\s*,\s*([^,]+?)\s*([\])])\s*$/;

/**
 * Reads interval notation in base units: `[0, 1]`, `(0, 1]`, `[1, ∞)`, `(-∞, ∞)`. Used on the schema table when the
 * module loads; a malformed range is a programming error, so it throws a plain Error.
 */
export function parseRange(text: string): NumberRange {
  const match = INTERVAL.exec(text);
  const min = match ? bound(match[2] ?? "") : NaN;
  const max = match ? bound(match[3] ?? "") : NaN;
  if (!match || Number.isNaN(min) || Number.isNaN(max) || !(min <= max)) {
    throw new Error(`malformed range ${JSON.stringify(text)}: expected interval notation like "(0, 1]"`);
  }
  return {min, max, minExclusive: match[1] === "(", maxExclusive: match[4] === ")"};
}

function bound(text: string): number {
  if (text === "∞" || text === "+∞") return Infinity;
  if (text === "-∞" || text === "−∞") return -Infinity;
  return text.trim() === "" ? NaN : Number(text);
}

/**
 * A number as a user would type it on the command line: 1000000 as is, from 10⁹ in exponent notation ("1e18"). For
 * a value found beyond a bound (formatBeyondBound); a bound itself is formatBound's.
 */
export function plainNumber(value: number): string {
  return Math.abs(value) >= 1e9 ? exponentNotation(value) : String(value);
}

/** `value` in exponent notation without JavaScript's "+": 1e18, 2.31e-7, 2.54e19. */
export function exponentNotation(value: number): string {
  return value.toExponential().replace("e+", "e");
}

/**
 * `(0, 1]`, `[1, 1,000,000]`, or with a dimension `(0 W, ∞)`: each end as formatBound writes it (`[$0, $10,000B]`,
 * `[0.01 USD/h, 10,000 USD/h]`); both plain ends in exponent notation when either is from 10^12 (`[1e10, 1e18]`).
 */
export function formatRange(range: NumberRange, dimension?: Dimension): string {
  const [left, right] = rangeBrackets(range);
  const exponent = [range.min, range.max].some((end) => Number.isFinite(end) && Math.abs(end) >= EXPONENT_FROM);
  return `${left}${formatBound(range.min, dimension, exponent)}, ${formatBound(range.max, dimension, exponent)}${right}`;
}

/** The brackets a range is written in: "(" or ")" at an exclusive or infinite end, "[" or "]" at an included one. */
export function rangeBrackets(range: NumberRange): [string, string] {
  return [
    range.minExclusive || range.min === -Infinity ? "(" : "[",
    range.maxExclusive || range.max === Infinity ? ")" : "]"
  ];
}

/** True when the range admits only values >= 0 (a lognormal fits a 90% interval of such a key). */
export function isNonNegative(range: NumberRange): boolean {
  return range.min >= 0;
}

/**
 * `value` at the fewest significant digits, from `minDigits` up to formatNumber's 12, that keep it on its own side of
 * `bound`, for a message that reports a value beyond a bound: a die yield of 0.99975% against a 1% floor reads
 * "0.99975", where three digits ("1.00") would look like the bound itself. Several bounds: on its own side of each
 * (a value that is not whole, against the whole numbers either side of it: 168374.333 → "168374.3", not "168400").
 * Trailing zeros are dropped (0.5, not 0.500); from 10⁹ it is in exponent notation, as plainNumber writes a bound
 * ("1.5e25").
 */
export function formatBeyondBound(value: number, bound: number | readonly number[], minDigits = 3): string {
  const bounds = typeof bound === "number" ? [bound] : bound;
  for (let digits = minDigits; digits < 12; digits++) {
    const rounded = Number(value.toPrecision(digits));
    if (bounds.every((b) => Math.sign(rounded - b) === Math.sign(value - b))) return plainNumber(rounded);
  }
  return plainNumber(Number(formatNumber(value)));
}
