// Every number the site and the command line show goes through here: the story pages' inline numbers and KPI badges,
// the scenario pages' metrics and assumptions, every chart's axis and tooltip, and `token-ledger run`'s and `compare`'s
// tables. So a figure reads the same on every page and in the terminal.
//
// The rounding, grouping, scale words and signs are Intl.NumberFormat's (en-US), not ours: three significant digits,
// trailing zeros kept (3.50, not 3.5; a whole number whole), a count or an amount of money never fewer than its
// integer digits (1,235 chips, $31,120: `roundingPriority: "morePrecision"`), a computed quantity with a unit or a rate
// at three figures from a thousand too (1,230 ms, 46,100 MWh, 235,000 tokens/s/MW); "$2.76B" and
// "4.25M" by compact notation; signs by `signDisplay`. On top sit only the project's own unit words ("USD/Mtok",
// "month 8") and one typographic choice: the minus sign is U+2212 (−), as on Plot's axes (d3-format's default).
import {distributionQuantile} from "../../uncertainty/closedForm.js";
import type {Distribution} from "../../uncertainty/distribution.js";
import {countNoun} from "../../units/countNoun.js";
import {DIMENSIONS, formatQuantity, formatQuantityRange, type Dimension} from "../../units/quantity.js";
import type {ScenarioMetricName} from "../evaluate/evaluateScenario.js";
import {METRIC_INFO, NO_DEMAND} from "../evaluate/metricInfo.js";
import {isQuantityKey, scenarioKey} from "../file/schema.js";
import {groupThousands} from "../../units/groupThousands.js";
import {displayValue} from "../file/displayValue.js";
import {andList} from "../../units/wordList.js";

// The formatters' entry (token-ledger/format) keeps the assumption format it always had; it lives with the schema.
export {displayValue};

const LOCALE = "en-US";
const MINUS = "\u2212";
/**
 * Three significant digits, trailing zeros kept (3.50, 1.30, $3.30M, $17.0B), or every integer digit when there are
 * more: 0.0826, 12.3, 1,235. ICU's default drops trailing zeros, so one cost read "3.50" as "3.5 USD/Mtok" beside
 * "1.30 USD/h" (breaker). A scale word or an exponent keeps them too ("$17.0B" beside "$8.16B", not "$17B": the
 * zeros are of the scaled number, not of the value); only a plain whole number is written whole (0, 1, 64 chips).
 */
const THREE_DIGITS = {minimumSignificantDigits: 3, maximumSignificantDigits: 3} as const;
const SIGNIFICANT = {
  ...THREE_DIGITS,
  trailingZeroDisplay: "stripIfInteger",
  maximumFractionDigits: 0,
  roundingPriority: "morePrecision"
} as const;

const NUMBER = new Intl.NumberFormat(LOCALE, SIGNIFICANT);
const SCIENTIFIC = new Intl.NumberFormat(LOCALE, {notation: "scientific", ...THREE_DIGITS});
const COMPACT = new Intl.NumberFormat(LOCALE, {notation: "compact", ...THREE_DIGITS});
/** A count's number written at another count's scale word (sharedScale): 0.892 of "0.892–1.47M". */
const COUNT_SCALED = new Intl.NumberFormat(LOCALE, THREE_DIGITS);
/** Money and counts read with a scale word from a million (formatUsd, formatCount). */
const COMPACT_FROM = 1e6;
const USD = new Intl.NumberFormat(LOCALE, {
  style: "currency",
  currency: "USD",
  minimumFractionDigits: 0,
  ...SIGNIFICANT
});
const USD_COMPACT = new Intl.NumberFormat(LOCALE, {
  style: "currency",
  currency: "USD",
  notation: "compact",
  ...THREE_DIGITS
});
/**
 * From a thousand trillion, money and counts are written in scientific notation ("$2.82E71"): a scale word stops at T,
 * and ICU wrote every further digit ("$279,000,000,…,000T" for a 20-year run at 1,000% growth a year; breaker).
 */
const SCIENTIFIC_FROM = 1e15;
const USD_SCIENTIFIC = new Intl.NumberFormat(LOCALE, {
  style: "currency",
  currency: "USD",
  notation: "scientific",
  ...THREE_DIGITS
});
/**
 * Below this, money and plain numbers are written in scientific notation too ("$3.13E−9", as formatDisplayNumber
 * writes 3.13E−9): money wrote every zero ("$0.00000000313", a cost per token with `--set` prices near 0; breaker).
 */
const SCIENTIFIC_BELOW = 1e-4;
/**
 * The money format of a magnitude: plain, with a scale word from a million, scientific from a thousand trillion and
 * below SCIENTIFIC_BELOW.
 */
function usdFormat(magnitude: number, compact: Intl.NumberFormat = USD_COMPACT): Intl.NumberFormat {
  if (magnitude >= SCIENTIFIC_FROM || (magnitude !== 0 && magnitude < SCIENTIFIC_BELOW)) return USD_SCIENTIFIC;
  return magnitude >= COMPACT_FROM ? compact : USD;
}
/**
 * Money at usdFormat's formats, with `compact` for amounts with a scale word and `scaled` for the number of an amount
 * written at another's scale word. A range with a zero end writes it "$0" whatever the other end's scale (zeroEndRange;
 * "$0–29.5M": ICU wrote "$0.00–29.5M", beside "$0–182,673" in the same table), the sign once as every range has it. A
 * range whose larger end takes a scale word writes both ends, and its median (`within`), at that scale (sharedScale).
 */
function moneyFormat(compact: Intl.NumberFormat, scaled: Intl.NumberFormat): UnitFormat {
  const formatOf = (magnitude: number) => usdFormat(magnitude, compact);
  const value = (value: number) => intl(formatOf(Math.abs(value)), value);
  return unitFormat(
    value,
    (low, high) => {
      // A zero end as every range writes it (zeroEndRange), "$0"; the sign once where no minus sign is beside the
      // dash, as intlRange writes a range (unitOnce): the zero's "$" stands for both ends ("$0–29.5M").
      const once = low === 0 && high > 0;
      const zeroEnd = zeroEndRange(low, high, once ? (end) => value(end).replace("$", "") : value, "$0");
      if (zeroEnd !== null) return zeroEnd;
      const scale = scaleToShare(formatOf, compact, [low, high]);
      if (scale) return scaledRange(scaled, scale, low, high);
      return splitsFormats(formatOf, low, high)
        ? `${value(low)}–${value(high)}`
        : intlRange(formatOf(Math.max(Math.abs(low), Math.abs(high))), low, high);
    },
    (median, low, high) => {
      const scale = low === 0 && high > 0 ? null : scaleToShare(formatOf, compact, [median, low, high]);
      // The median at the shared scale, unless it takes that one alone (then as it reads alone).
      return scale && sharedScale(formatOf, compact, [median])?.word !== scale.word
        ? atScale(scaled, scale, median)
        : value(median);
    }
  );
}

/** Compact notation's scale words and the amount each stands for. */
const SCALE_WORDS: Readonly<Record<string, number>> = {K: 1e3, M: 1e6, B: 1e9, T: 1e12};

/** A scale word and the amount it stands for: {word: "M", size: 1e6}. */
interface Scale {
  word: string;
  size: number;
}

/**
 * The one scale an interval and its median are written at: the scale word `compact` gives the largest of `values`,
 * when `formatOf` writes that one with a scale word and none of the others is under a thousand; else null (each value
 * in its own format). So "$1.16M [$0.892–1.47M]": the interval read "$891,865–$1.47M" beside "$1.16M", and
 * "$900M–$1.20B", two scales in one interval (new-user trial). An end under a thousand would read "$0.00000500M".
 */
function sharedScale(
  formatOf: (magnitude: number) => Intl.NumberFormat,
  compact: Intl.NumberFormat,
  values: readonly number[]
): Scale | null {
  const magnitudes = values.map(Math.abs);
  const largest = Math.max(...magnitudes);
  if (!Number.isFinite(largest) || formatOf(largest) !== compact || Math.min(...magnitudes) < 1e3) return null;
  const word = compact.formatToParts(largest).find((part) => part.type === "compact")?.value;
  const size = word === undefined ? undefined : SCALE_WORDS[word];
  return word !== undefined && size !== undefined ? {word, size} : null;
}

/** `value` at `scale`, its number written by `scaled`: "$0.892M", "−$0.892M", "0.892M". */
function atScale(scaled: Intl.NumberFormat, scale: Scale, value: number): string {
  return `${intl(scaled, value / scale.size)}${scale.word}`;
}

/**
 * A range at one scale, the scale word once ("$0.892–1.47M", as ICU writes "$1.19–1.96M"); each end whole when one is
 * negative ("−$0.900B – $1.20B"), as intlRange writes them.
 */
function scaledRange(scaled: Intl.NumberFormat, scale: Scale, low: number, high: number): string {
  if (low < 0) return `${atScale(scaled, scale, low)} – ${atScale(scaled, scale, high)}`;
  const highNumber = join(scaled.formatToParts(high / scale.size).filter((part) => part.type !== "currency"));
  return `${intl(scaled, low / scale.size)}–${highNumber}${scale.word}`;
}

/**
 * The scale every one of `values` is written at (sharedScale) when they do not all take it alone: "$891,865" and
 * "$1.47M" share M; "$1.19M" and "$1.96M" already read at one scale (null), and keep ICU's own range.
 */
function scaleToShare(
  formatOf: (magnitude: number) => Intl.NumberFormat,
  compact: Intl.NumberFormat,
  values: readonly number[]
): Scale | null {
  const scale = sharedScale(formatOf, compact, values);
  return scale && values.some((value) => sharedScale(formatOf, compact, [value])?.word !== scale.word) ? scale : null;
}

/**
 * Whether a range's two ends are written in different notations by `formatOf` (plain beside a scale word, or beside
 * scientific): then each end is written whole, as it reads alone ("$5–$1.93M", "2.40E−6–0.00451"), unless both can
 * share the larger end's scale word (sharedScale: "$0.0638–1.93M"). One format for both, the larger end's, wrote
 * "0.00000240–0.00451" (breaker).
 */
function splitsFormats(formatOf: (magnitude: number) => Intl.NumberFormat, low: number, high: number): boolean {
  return low !== 0 && high !== 0 && formatOf(Math.abs(low)) !== formatOf(Math.abs(high));
}
/**
 * A range with one end zero, written one way by every range format (formatDisplayNumber's, a price's, a time's, a
 * count's, a rate's, money's, a percentage's): the zero is a bare 0, with no digits or notation of its own, and the
 * other end as `write` writes it alone. The other end's format given to both wrote "0.00E0–1.00E−4 USD/Mtok",
 * "−5.0% – 0.0%" and "−$5.00M – $0.00" (breaker, tester), a zero with digits it has not, beside "0–29%" and "$0–29.5M".
 * The dash is spaced where a minus sign is beside it, as intlRange spaces it. `zero`: the zero with its unit where the
 * format writes the unit at each end ("0%" beside a minus sign or E notation, "$0"). Null unless exactly one end is 0.
 */
function zeroEndRange(low: number, high: number, write: (value: number) => string, zero = "0"): string | null {
  if ((low === 0) === (high === 0)) return null;
  const dash = low < 0 || high < 0 ? " – " : "–";
  return low === 0 ? `${zero}${dash}${write(high)}` : `${write(low)}${dash}${zero}`;
}

/** The count format of a magnitude: a scale word from a million, scientific from a thousand trillion. */
function countFormat(magnitude: number): Intl.NumberFormat {
  return magnitude >= SCIENTIFIC_FROM ? SCIENTIFIC : magnitude >= COMPACT_FROM ? COMPACT : NUMBER;
}
/** Percentages: whole from 10% ("37%", "90%"), two significant digits below ("5.3%", "0.42%"). */
const PERCENT = new Intl.NumberFormat(LOCALE, {style: "percent", maximumFractionDigits: 0});
const PERCENT_SMALL = new Intl.NumberFormat(LOCALE, {style: "percent", maximumSignificantDigits: 2});
const CHANGE = new Intl.NumberFormat(LOCALE, {style: "percent", signDisplay: "exceptZero", maximumFractionDigits: 0});
const CHANGE_SMALL = new Intl.NumberFormat(LOCALE, {
  style: "percent",
  signDisplay: "exceptZero",
  maximumSignificantDigits: 2
});

/**
 * Just short of the whole (99.5% to 99.99…%): cut rather than rounded, so that only the whole itself reads "100%" (a
 * cost falling 99.9% a year read "−100%/yr", everything gone; breaker), at three significant digits or as many more as
 * reach the first digit that is not a 9, so that it never reads rounder than it is (a cache hit of 0.9999 read "99.9%
 * cached"): 0.999 → "99.9%", 0.9999 → "99.99%", 0.99996 → "99.996%". `options`: the style and sign of the format.
 */
function nearWholeFormat(options: Intl.NumberFormatOptions): (magnitude: number) => Intl.NumberFormat {
  const byDigits: Intl.NumberFormat[] = [];
  return (magnitude) => {
    // The fraction's 9s after the point, read at formatNumber's 12 digits (0.9999 is 0.99989999… in binary).
    const nines = /^0\.(9*)/.exec(magnitude.toPrecision(12))?.[1]?.length ?? 11;
    const digits = Math.min(12, Math.max(3, nines + 1));
    return (byDigits[digits] ??= new Intl.NumberFormat(LOCALE, {
      ...options,
      maximumSignificantDigits: digits,
      roundingMode: "trunc"
    }));
  };
}
const PERCENT_NEAR_WHOLE = nearWholeFormat({style: "percent"});
const CHANGE_NEAR_WHOLE = nearWholeFormat({style: "percent", signDisplay: "exceptZero"});

/**
 * Below this fraction (0.0001%), a percentage is written in scientific notation, as formatDisplayNumber writes a tiny
 * number below 1e-4: "4.3E−13%" (it wrote every zero, "0.00000000000043%"; breaker).
 */
const PERCENT_SCIENTIFIC_BELOW = 1e-6;
const PERCENT_SCIENTIFIC = new Intl.NumberFormat(LOCALE, {
  style: "percent",
  notation: "scientific",
  maximumSignificantDigits: 2
});

/**
 * The percent format of a fraction of this magnitude: whole from 10% (0.0995 rounds to 10% and is whole too), two
 * significant digits below, `nearWhole` from 99.5% up to, not including, 100%, and `scientific` below
 * PERCENT_SCIENTIFIC_BELOW (not for 0).
 */
function percentFormat(
  magnitude: number,
  whole: Intl.NumberFormat,
  small: Intl.NumberFormat,
  nearWhole: (magnitude: number) => Intl.NumberFormat,
  scientific: Intl.NumberFormat
): Intl.NumberFormat {
  if (magnitude >= 0.995 && magnitude < 1) return nearWhole(magnitude);
  if (magnitude !== 0 && magnitude < PERCENT_SCIENTIFIC_BELOW) return scientific;
  return magnitude >= 0.0995 ? whole : small;
}

/** Parts of a formatted number or range, with the minus sign as U+2212. */
function join(parts: readonly {type: string; value: string}[]): string {
  return parts
    .map((part) => (part.type === "minusSign" || part.type === "exponentMinusSign" ? MINUS : part.value))
    .join("");
}

/** `format.format(value)` with the minus sign as U+2212. */
function intl(format: Intl.NumberFormat, value: number): string {
  return join(format.formatToParts(value));
}

/**
 * `format.formatRange(low, high)` ("0.759–1.25", "$1.47–4.14B", "20–29%"), with the minus sign as U+2212, each end
 * whole when both are negative ("−$507M – −$154M"). Range
 * formatting costs about half a millisecond a call, and a page redraws its tables at every slider step with mostly
 * the same ranges, so the last RANGE_CACHE_SIZE results are kept.
 */
function intlRange(format: Intl.NumberFormat, low: number, high: number): string {
  let byFormat = rangeCache.get(format);
  if (byFormat === undefined) rangeCache.set(format, (byFormat = new Map()));
  const key = `${low} ${high}`;
  let text = byFormat.get(key);
  if (text === undefined) {
    if (byFormat.size >= RANGE_CACHE_SIZE) byFormat.clear();
    // Both ends negative: ICU writes the shared "−$" and "M" once ("−$507–154M"), which reads as −507 to +154; each
    // end is written whole instead ("−$507M – −$154M").
    // Spaces around the dash only where a minus sign is beside it: ICU spaced the ranges it could not collapse
    // ("$1,308 – $2,157/MWh", "28% – 39%") beside those it could ("$256–422M"); a run printed both (trial).
    text =
      low < 0 && high < 0
        ? `${intl(format, low)} – ${intl(format, high)}`
        : low < 0
          ? join(format.formatRangeToParts(low, high))
          : join(unitOnce(format.formatRangeToParts(low, high))).replace(" – ", "–");
    byFormat.set(key, text);
  }
  return text;
}

/**
 * A range's parts with its unit written once, as every other range writes it ("1.55–2.56 USD/Mtok"): the currency sign
 * before the first end, "$1,340–2,200", as "$251–413M" and the README's "$5,700–7,300" write it; the percent sign after
 * the last, "29–41%". ICU repeats each where it cannot collapse the range ("$1,340 – $2,200", "29% – 41%"), which read
 * "$1,700/MWh [$1,340–$2,200/MWh]" beside "$326M [$251–413M]", and "35% [29%–41%]" beside "[1.55–2.56 USD/Mtok]", in
 * one run table (trials). Only for a range whose ends are both non-negative: a minus sign keeps each end whole
 * ("−$334M – $99.8M", "−5% – 12%").
 */
function unitOnce(parts: readonly Intl.NumberRangeFormatPart[]): Intl.NumberRangeFormatPart[] {
  return parts.filter(
    (part) =>
      !(part.type === "currency" && part.source === "endRange") &&
      !(part.type === "percentSign" && part.source === "startRange")
  );
}

const RANGE_CACHE_SIZE = 1000;
const rangeCache = new Map<Intl.NumberFormat, Map<string, string>>();

/**
 * How the site writes one kind of quantity: called with a value ("0.987 USD/Mtok"), or `.range(low, high)` for an
 * interval, the scale word and unit written once ("0.759–1.25 USD/Mtok", "$1.47–4.14B"), or `.within(value, low,
 * high)` for a median written beside its interval, at the interval's scale ("$0.950M" beside "$0.700–1.20M").
 */
export interface UnitFormat {
  (value: number): string;
  range(low: number, high: number): string;
  within(value: number, low: number, high: number): string;
}

/**
 * A format from its two writers. Each refuses a value that is not a number (a report page passing
 * `ev.metrics.costPerMillionTokenUsd`, a misspelt name, printed "undefined USD/Mtok" and built; author trial), with a
 * TypeError that names what it was given: the page shows it in the cell, and `pdf` refuses the page.
 */
function unitFormat(
  value: (value: number) => string,
  range: (low: number, high: number) => string,
  within: (value: number, low: number, high: number) => string = value
): UnitFormat {
  return Object.assign((v: number) => value(requireNumber(v)), {
    range: (low: number, high: number) => range(requireNumber(low), requireNumber(high)),
    within: (v: number, low: number, high: number) => within(requireNumber(v), requireNumber(low), requireNumber(high))
  });
}

/**
 * `value` when it is a number (NaN and ±Infinity included: the formats write them).
 *
 * @throws TypeError naming what was found instead (undefined, null, a string, an object).
 */
export function requireNumber(value: unknown): number {
  if (typeof value === "number") return value;
  const found = typeof value === "string" ? JSON.stringify(value) : value === null ? "null" : typeof value;
  throw new TypeError(
    `expected a number to format, found ${found}` +
      (value === undefined
        ? " (a misspelt metric or key name, such as ev.metrics.costPerMillionTokenUsd, reads as undefined)"
        : "")
  );
}

/** The plain-number format of a magnitude: scientific when tiny or huge, else three significant digits. */
function numberFormat(magnitude: number): Intl.NumberFormat {
  return (magnitude !== 0 && magnitude < SCIENTIFIC_BELOW) || magnitude >= SCIENTIFIC_FROM ? SCIENTIFIC : NUMBER;
}

/** A plain number: three significant digits, grouped thousands (1,235; 0.0826; 12.3; 1.5E−7; −3.46). */
const displayNumber = (value: number) =>
  Number.isFinite(value) ? intl(numberFormat(Math.abs(value)), value) : String(value);
export const formatDisplayNumber = unitFormat(displayNumber, displayRange);

/**
 * formatDisplayNumber's range: a zero end as every range writes it (zeroEndRange: "0–5.10E−6", where the other end's
 * format for both wrote "0.00E0–1.00E−4 USD/Mtok" for `market.price: 0 to 0.0001`; breaker), ends of two notations
 * each as it reads alone (splitsFormats), else the larger end's format for both.
 */
function displayRange(low: number, high: number): string {
  const zeroEnd = zeroEndRange(low, high, displayNumber);
  if (zeroEnd !== null) return zeroEnd;
  if (splitsFormats(numberFormat, low, high)) return `${displayNumber(low)}–${displayNumber(high)}`;
  return intlRange(numberFormat(Math.max(Math.abs(low), Math.abs(high))), low, high);
}

/**
 * formatDisplayNumber with `plain` in place of its plain format (scale words and exponents stay formatDisplayNumber's),
 * a zero end as every range writes it (zeroEndRange: "0–2.00", not `plain`'s "0.00–2.00").
 */
function withPlainFormat(plain: Intl.NumberFormat): UnitFormat {
  const value = (value: number) =>
    Number.isFinite(value) && numberFormat(Math.abs(value)) === NUMBER
      ? intl(plain, value)
      : formatDisplayNumber(value);
  return unitFormat(value, (low, high) => {
    const zeroEnd = zeroEndRange(low, high, value);
    if (zeroEnd !== null) return zeroEnd;
    return numberFormat(Math.max(Math.abs(low), Math.abs(high))) === NUMBER &&
      numberFormat(Math.min(Math.abs(low), Math.abs(high))) === NUMBER
      ? intlRange(plain, low, high)
      : formatDisplayNumber.range(low, high);
  });
}

/**
 * A number a scenario states (an assumption's "plain" value or quantity): three significant digits without trailing
 * zeros, as an author writes it (power.pue 1.2, not the computed figures' 1.20).
 */
const formatStatedNumber = withPlainFormat(
  new Intl.NumberFormat(LOCALE, {...SIGNIFICANT, minimumSignificantDigits: 1})
);

/** A number and a unit word after it: "20.5 ms", range "19.5–21.5 ms". */
function withUnit(number: UnitFormat, unit: string): UnitFormat {
  return unitFormat(
    (value) => `${number(value)} ${unit}`,
    (low, high) => `${number.range(low, high)} ${unit}`,
    (value, low, high) => `${number.within(value, low, high)} ${unit}`
  );
}

/**
 * A computed quantity's number beside its unit (a price, a time, a run's length, an energy, a ratio), one rule wherever
 * one is shown (`run`'s and `compare`'s tables, `inference`, `training`, the notes, the pages): three significant
 * digits with trailing zeros kept even when it is whole ("2.00", beside "1.30": deepseek-one-day's $2 rental read "2
 * USD/h" beside openai-2024's "1.30 USD/h"; openai-2024's time per output token read "53 ms" beside base's "37.7 ms"),
 * and three significant figures from a thousand too, as a rate's (atThreeFigures): "3,010 ms", "1,250 days", "46,100
 * MWh". Every integer digit read "3,005 ms", "1,254 days" and "46,064 MWh" beside "235,000 tokens/s/MW" and "$56.2M":
 * four and more digits a model estimate has not (trials). As formatDisplayNumber in E notation. A count keeps every
 * digit (formatDisplayNumber, formatCount: 64 chips, 1,814 chips, month 8).
 */
export const formatPriceNumber = withPlainFormat(new Intl.NumberFormat(LOCALE, THREE_DIGITS));

/** "0.987 USD/Mtok", "2.00 USD/Mtok". */
export const formatUsdPerMTok = withUnit(formatPriceNumber, "USD/Mtok");

/**
 * "1.60 USD/h", "0.456 USD/h", "2.00 USD/h": three significant digits, as a price per token is written (it had two
 * decimals, which gave "0.46 USD/h" beside "0.456 USD/Mtok").
 */
export const formatUsdPerHour = withUnit(formatPriceNumber, "USD/h");

/** Money: "$31,120", "$0.5"; from a million with a scale word, "$160M", "$2.76B", "$1.2T"; negative "−$5M". */
export const formatUsd = moneyFormat(
  USD_COMPACT,
  new Intl.NumberFormat(LOCALE, {style: "currency", currency: "USD", ...THREE_DIGITS})
);

/**
 * Money for a column of amounts read together (a total and its parts): formatUsd, except that when the largest amount
 * takes a scale word, every amount from a thousand does too ("$1.22M" over "$613K" and "$82.8K"; its parts read
 * "$613,495" and "$82,789" beside the total's "$1.22M": new-user trial). `amounts`: the column, USD (non-finite ones
 * ignored). Returns the formatter for each amount of the column.
 */
export function usdColumnFormat(amounts: readonly number[]): (value: number) => string {
  const largest = Math.max(0, ...amounts.filter(Number.isFinite).map(Math.abs));
  if (largest < COMPACT_FROM || largest >= SCIENTIFIC_FROM) return formatUsd;
  return (value) => {
    const magnitude = Math.abs(value);
    return Number.isFinite(value) && magnitude >= 1e3 && magnitude < COMPACT_FROM
      ? intl(USD_COMPACT, value)
      : formatUsd(value);
  };
}

/** Money with a scale word and no trailing zeros, for an amount a scenario states: "$3B", "$150–500M", "$12,000". */
const USD_COMPACT_STATED = new Intl.NumberFormat(LOCALE, {
  style: "currency",
  currency: "USD",
  notation: "compact",
  maximumSignificantDigits: 3
});
/** An amount of money a scenario or a source states, as its author writes it ("$3B", not the computed figures' "$3.00B"). */
export const formatStatedUsd = moneyFormat(
  USD_COMPACT_STATED,
  new Intl.NumberFormat(LOCALE, {style: "currency", currency: "USD", maximumSignificantDigits: 3})
);

/**
 * A modelled rate, a quantity per second or per unit of power (tokens/s, tokens/s/MW, USD/MWh), written by `format` at
 * three significant figures whatever its size: "235,000 tokens/s/MW [186,000–306,000]", "$1,700/MWh". A count of
 * things (chips, users) and an amount of money keep every integer digit below a million (formatCount, formatUsd); a
 * rate the model estimates within ±30% does not: "235,462 tokens/s/MW" beside "$1.16M" claimed six digits it has not
 * (strategy reader's review). One rule for every rate, here, so `run`, `inference`, the pages and the README agree.
 */
function atThreeFigures(format: UnitFormat): UnitFormat {
  // toPrecision rounds as Intl's three significant digits do; the format then writes the rounded value its own way.
  const round = (value: number) => (Number.isFinite(value) ? Number(value.toPrecision(3)) : value);
  return unitFormat(
    (value) => format(round(value)),
    (low, high) => format.range(round(low), round(high)),
    (value, low, high) => format.within(round(value), round(low), round(high))
  );
}

/** "$1,700/MWh" (a rate: three significant figures, not formatUsd's "$1,695"), range "$1,340–2,200/MWh". */
const usdAtThreeFigures = atThreeFigures(formatUsd);
export const formatUsdPerMwh = unitFormat(
  (value) => `${usdAtThreeFigures(value)}/MWh`,
  (low, high) => `${usdAtThreeFigures.range(low, high)}/MWh`,
  (value, low, high) => `${usdAtThreeFigures.within(value, low, high)}/MWh`
);

/**
 * A percent interval, its ends in the formats `formatOf` gives their magnitudes: an end in E notation, each end as it
 * reads alone, with its percent sign ("5.1E−7%–0.0052%", not "0.00000051%–0.0052%"; "1.4E−7%–5.1E−6%" and "0%–1E−7%",
 * where one format for both read "1.4E−7–5.1E−6%", the first end a fraction's E notation, and "0E0–1E−7%"; breaker);
 * a zero end as every range writes it (zeroEndRange: "0–5.0%", "−5.0% – 0%", "0%–1E−7%"); else the larger end's
 * format for both ("5–29%", the percent sign once: intlRange). An end just short of the whole
 * (99.5% up to 100%) is written at its own many digits only beside another such end ("99.51–99.996%"); beside any other
 * it reads at the whole percent, as the interval's other end does: a wide interval of a share read
 * "[28.13116%–99.99996%]" in run's table, now "28–100%" (trial).
 */
function percentRange(formatOf: (magnitude: number) => Intl.NumberFormat): (low: number, high: number) => string {
  const nearWhole = (magnitude: number) => magnitude >= 0.995 && magnitude < 1;
  const endFormat = (magnitude: number, other: number) =>
    nearWhole(magnitude) && !nearWhole(other) ? PERCENT : formatOf(magnitude);
  return (low, high) => {
    const [lowSize, highSize] = [Math.abs(low), Math.abs(high)];
    const scientific = formatOf(lowSize) === PERCENT_SCIENTIFIC || formatOf(highSize) === PERCENT_SCIENTIFIC;
    // A zero end as every range writes it (zeroEndRange): "0–5.0%", "−5.0% – 0%" (the −5% end's digits wrote the zero
    // "0.0%"; tester), its percent sign once after the high end as intlRange writes it, unless a minus sign or E
    // notation keeps each end whole ("0%–1E−7%").
    const zeroEnd = zeroEndRange(
      low,
      high,
      (end) => intl(endFormat(Math.abs(end), 0), end),
      low === 0 && high > 0 && !scientific ? "0" : "0%"
    );
    if (zeroEnd !== null) return zeroEnd;
    if (scientific) {
      // Spaced where a minus sign is beside the dash, as intlRange spaces it ("−1E−7% – 1E−7%").
      const dash = low < 0 ? " – " : "–";
      return `${intl(endFormat(lowSize, highSize), low)}${dash}${intl(endFormat(highSize, lowSize), high)}`;
    }
    return intlRange(endFormat(Math.max(lowSize, highSize), Math.min(lowSize, highSize)), low, high);
  };
}

/** A fraction as a percentage, one rounding site-wide: 0.4401 → "44%", 0.901 → "90%"; 0.0531 → "5.3%". */
const percentOf = (magnitude: number) =>
  percentFormat(magnitude, PERCENT, PERCENT_SMALL, PERCENT_NEAR_WHOLE, PERCENT_SCIENTIFIC);
const percent = (fraction: number) => intl(percentOf(Math.abs(fraction)), fraction);
export const formatPercent = unitFormat(percent, percentRange(percentOf));

/**
 * A computed fraction as a metric column writes it: formatPercent, except that below 10% the two significant digits
 * keep a trailing zero, so that one column rounds one way ("4.0%" beside "5.3%"; the flywheel's saving read "4%"
 * beside "5.3%" on /compare). Stated values (assumptions, prose) keep formatPercent's "5%".
 */
const PERCENT_SMALL_COMPUTED = new Intl.NumberFormat(LOCALE, {
  style: "percent",
  minimumSignificantDigits: 2,
  maximumSignificantDigits: 2
});
const computedPercentOf = (magnitude: number) =>
  magnitude === 0
    ? PERCENT
    : percentFormat(magnitude, PERCENT, PERCENT_SMALL_COMPUTED, PERCENT_NEAR_WHOLE, PERCENT_SCIENTIFIC);
const computedPercent = (fraction: number) => intl(computedPercentOf(Math.abs(fraction)), fraction);
export const formatComputedPercent = unitFormat(computedPercent, percentRange(computedPercentOf));

/**
 * A ratio with its sign "×", the digits of a price (three significant, a whole one too): "1.00×" beside "0.978×"
 * (the custom chip's throughput read "1 ×" beside "0.978 ×" on /compare).
 */
export const formatTimes = unitFormat(
  (value) => `${formatPriceNumber(value)}×`,
  (low, high) => `${formatPriceNumber.range(low, high)}×`
);

/**
 * A share of Monte Carlo draws as a percentage (formatPercent), never rounded to "100%" or "0%" when some draws are on
 * the other side: 0.995 → "99.5%" (formatPercent wrote "100%" beside "month 12 in the others"; fresh-user trial),
 * 0.9996 → "over 99.9%", 0.0004 → "under 0.1%".
 */
export function formatShareOfDraws(share: number): string {
  // formatPercent cuts a share just short of the whole (99.5% up to 100%) rather than rounding it, so only 1 reads "100%".
  if (share > 0.999 && share < 1) return "over 99.9%";
  const text = formatPercent(share);
  if (share > 0 && text === "0%") return share < 0.001 ? "under 0.1%" : `${Math.ceil(share * 1000) / 10}%`;
  return text;
}

/**
 * What the share `share` of a Monte Carlo's draws without the metric means, as every table, card and `run` line writes
 * it: a month (a payback, a crossover) "never in 40% of draws" (within the horizon: short, for `compare`'s columns); a
 * metric whose absence has a reason (METRIC_INFO `absent`, "none (no demand)") that reason, "no demand in 40% of draws";
 * else "none in 40% of draws". A margin of a day without tokens read "never in 40% of draws", a month's words (breaker).
 */
export function missingDrawsText(name: ScenarioMetricName, share: number): string {
  const info = METRIC_INFO[name];
  const reason = /^none \((.+)\)$/.exec(info.absent ?? "")?.[1];
  const what = info.unit === "month" ? "never" : (reason ?? "none");
  return `${what} in ${formatShareOfDraws(share)} of draws`;
}

/**
 * A month number, always whole (a mean of months, 7.65, reads as month 8): "month 8", range "month 6–9"; null → "not
 * within the horizon".
 */
export const formatMonth: UnitFormat & ((month: number | null) => string) = Object.assign(
  (month: number | null) =>
    month === null ? "not within the horizon" : `month ${formatDisplayNumber(Math.round(month))}`,
  {
    range: (low: number, high: number) =>
      Math.round(low) === Math.round(high)
        ? `month ${formatDisplayNumber(Math.round(low))}`
        : `month ${formatDisplayNumber.range(Math.round(low), Math.round(high))}`,
    within: (month: number) => formatMonth(month)
  }
);

/** A number of months: at most one decimal, whole when it rounds whole (5.91 → "5.9", 6.02 → "6", 18 → "18"). */
const MONTHS_NUMBER = withPlainFormat(new Intl.NumberFormat(LOCALE, {maximumFractionDigits: 1}));

/**
 * A duration in months, one way site-wide: at most one decimal ("5.9 months", "18 months", "1 month"), range
 * "3–12 months". A sample median of a catch-up time read "5.91 months" beside the slider's "6 months" and a
 * chapter's whole months (reader's audit). A month number (a crossover, a payback) is formatMonth's "month 8".
 */
export const formatMonths = unitFormat(
  (months) => formatQuantity(months, "durationMonths", MONTHS_NUMBER),
  (low, high) => formatQuantityRange(low, high, "durationMonths", MONTHS_NUMBER.range)
);

/**
 * A count (chips, users), one rule everywhere a reader sees one, the rule money has (formatUsd): every
 * integer digit, grouped, below a million (5,017; 27,093; 425,421), so that the same chip count never reads "5,017"
 * in one place and "27.1K" in another; from a million, three significant digits and a scale word (3.3e6 → "3.30M",
 * 1.2e9 → "1.20B"). A range takes the scale of its larger end ("3,012–16,934"; "1.20–3.40M"). A rate the model
 * estimates (tokens/s, tokens/s/MW) is not a count: formatRate writes it at three significant figures.
 */
export const formatCount = unitFormat(
  (value) =>
    Math.abs(value) >= COMPACT_FROM && Number.isFinite(value)
      ? intl(countFormat(Math.abs(value)), value)
      : formatDisplayNumber(value),
  (low, high) => {
    // A zero end as every range writes it (zeroEndRange): "0–2.00M", where ICU's compact range wrote "0.00–2.00M".
    const zeroEnd = zeroEndRange(low, high, formatCount);
    if (zeroEnd !== null) return zeroEnd;
    // An end too small for plain digits is written on its own (E notation): a range of 4.83e-7 to 6.98M chips read
    // "0.000000483–6.98M", and a p5 of 1e-300 three hundred zeros (breaker).
    if (Math.min(Math.abs(low), Math.abs(high)) !== 0 && Math.min(Math.abs(low), Math.abs(high)) < SCIENTIFIC_BELOW)
      return `${formatCount(low)}–${formatCount(high)}`;
    // Both ends at the larger one's scale, the word once, as money's ranges write it ("0.892–1.47M" beside
    // "$1.58–2.61B"; it read "892K–1.47M", and ICU "36.1M–59.5M"; breaker).
    const scale = scaleToShare(countFormat, COMPACT, [low, high]);
    if (scale) return scaledRange(COUNT_SCALED, scale, low, high);
    return Math.max(Math.abs(low), Math.abs(high)) >= COMPACT_FROM
      ? intlRange(countFormat(Math.max(Math.abs(low), Math.abs(high))), low, high).replace(
          /^([\d.,]+)([KMBT])–([\d.,]+)\2$/,
          "$1–$3$2"
        )
      : formatDisplayNumber.range(low, high);
  },
  (value, low, high) => {
    const scale = scaleToShare(countFormat, COMPACT, [value, low, high]);
    return scale && sharedScale(countFormat, COMPACT, [value])?.word !== scale.word
      ? atScale(COUNT_SCALED, scale, value)
      : formatCount(value);
  }
);

/**
 * Counts for a column read together (chip-hours of training runs): formatCount, except that when the largest count
 * takes a scale word, every count from a thousand does too ("1.08M" over "775K"; the training runs' table read
 * "774,688" under "1.16M": new-user trial). `counts`: the column (non-finite ones ignored). Returns the formatter for
 * each count of the column, as usdColumnFormat does for money.
 */
export function countColumnFormat(counts: readonly number[]): (value: number) => string {
  const largest = Math.max(0, ...counts.filter(Number.isFinite).map(Math.abs));
  if (largest < COMPACT_FROM || largest >= SCIENTIFIC_FROM) return formatCount;
  return (value) => {
    const magnitude = Math.abs(value);
    return Number.isFinite(value) && magnitude >= 1e3 && magnitude < COMPACT_FROM
      ? intl(COMPACT, value)
      : formatCount(value);
  };
}

/** "5,017 chips", "1 chip", "1.2M chips"; range "3,012–16,934 chips": formatCount and the noun, singular for one. */
export const formatChips = unitFormat(
  (value) => countNoun(formatCount(value), "chip"),
  (low, high) => `${formatCount.range(low, high)} chips`,
  (value, low, high) => countNoun(formatCount.within(value, low, high), "chip")
);

/**
 * Whether formatCount writes `value` as a plain number (neither zero, nor with a scale word, nor in E notation), where
 * formatDisplayNumber writes a whole value whole, as a count is.
 */
function plainNonZero(value: number): boolean {
  const magnitude = Math.abs(value);
  return value !== 0 && Number.isFinite(value) && magnitude < COMPACT_FROM && numberFormat(magnitude) === NUMBER;
}

/**
 * formatCount, with a plain number's trailing zeros kept when it is whole (formatPriceNumber: "40.0", not a count's
 * "40"): the number of a computed quantity that is not a count of things. An exact zero is "0"; a scale word or an
 * exponent keeps its zeros already ("1.20M").
 */
const computedCountValue = (value: number) => (plainNonZero(value) ? formatPriceNumber(value) : formatCount(value));
const computedCount = unitFormat(
  computedCountValue,
  (low, high) => {
    // A zero end as every range writes it (zeroEndRange): "0–40.0", "−40.0 – 0" (formatCount's range read "−40 – 0").
    const zeroEnd = zeroEndRange(low, high, computedCountValue);
    if (zeroEnd !== null) return zeroEnd;
    return plainNonZero(low) && plainNonZero(high) ? formatPriceNumber.range(low, high) : formatCount.range(low, high);
  },
  (value, low, high) => {
    // At the interval's scale when it shares one ("0.950M" beside "0.700–1.20M"), else as the value reads alone.
    const within = formatCount.within(value, low, high);
    return within === formatCount(value) && plainNonZero(value) ? formatPriceNumber(value) : within;
  }
);

/**
 * The number of a rate (tokens/s, tokens/s/MW): formatCount at three significant figures (atThreeFigures), a whole one
 * too: "235,000", "93.8", "40.0" (it read "40" beside "93.8"), "1.20M"; range "186,000–306,000".
 */
export const formatRate = atThreeFigures(computedCount);

/** "235,000 tokens/s/MW", range "186,000–306,000 tokens/s/MW"; from a million "1.20M tokens/s/MW" (formatRate). */
export const formatTokensPerSecondPerMw = withUnit(formatRate, "tokens/s/MW");

/** "93.8 tokens/s", "2,850 tokens/s" (formatRate). */
export const formatTokensPerSecond = withUnit(formatRate, "tokens/s");

/** Relative change of `value` against `base`: "+3.1%", "−12%", "±0%" under 0.05%; "" when the base is 0 or missing. */
export function formatChange(value: number, base: number | null | undefined): string {
  if (base === null || base === undefined || base === 0 || !Number.isFinite(base)) return "";
  const change = value / base - 1;
  if (Math.abs(change) < 0.0005) return "±0%";
  // A change under 0.05% reads "±0%" above, so a change is never small enough for scientific notation.
  return intl(percentFormat(Math.abs(change), CHANGE, CHANGE_SMALL, CHANGE_NEAR_WHOLE, CHANGE_SMALL), change);
}

/** Change of a month number against `base`: "3 months earlier", "1 month later", "±0%" when equal; "" without a base. */
export function formatMonthsChange(value: number, base: number | null | undefined): string {
  if (base === null || base === undefined || !Number.isFinite(base)) return "";
  const months = Math.round(value - base);
  if (months === 0) return "±0%";
  const n = Math.abs(months);
  return `${n} month${n === 1 ? "" : "s"} ${months < 0 ? "earlier" : "later"}`;
}

/**
 * Change of a share (a fraction) against `base`, in percentage points: "+3.3 points", "−12 points", "±0%" under 0.05
 * points; "" without a base. A relative change of a share ("36% (+10%)" for 33% → 36%) reads as points and misleads.
 */
export function formatPointsChange(value: number, base: number | null | undefined): string {
  if (base === null || base === undefined || !Number.isFinite(base)) return "";
  const points = (value - base) * 100;
  if (Math.abs(points) < 0.05) return "±0%";
  const n = Number(Math.abs(points).toPrecision(Math.abs(points) < 10 ? 2 : 3));
  return `${points < 0 ? "\u2212" : "+"}${groupThousands(n)} point${n === 1 ? "" : "s"}`;
}

/**
 * A 90% interval (or any range) in one formatter: its `.range` when it has one ("0.759–1.25 USD/Mtok"), else both
 * ends joined by an en dash.
 */
export function formatInterval(
  low: number,
  high: number,
  format: ((value: number) => string) & {range?: (low: number, high: number) => string}
): string {
  return format.range ? format.range(low, high) : `${format(low)}–${format(high)}`;
}

/**
 * How a metric shown in per cent or as a multiple (METRIC_INFO `displayUnit`) is written, whatever its unit: a fraction
 * or a ratio such as a profit ÷ cost of 5.45, which the pages write as 545%.
 */
const BY_DISPLAY_UNIT: Readonly<Record<string, UnitFormat>> = {
  "%": formatComputedPercent,
  "×": formatTimes
};

/** How each other metric unit (METRIC_INFO `unit`, base units) is written; any other unit is a number and the unit. */
const BY_UNIT: Readonly<Record<string, UnitFormat>> = {
  "USD/Mtok": formatUsdPerMTok,
  "USD/h": formatUsdPerHour,
  "USD/MWh": formatUsdPerMwh,
  USD: formatUsd,
  month: formatMonth,
  "tokens/s/MW": formatTokensPerSecondPerMw,
  "tokens/s": formatTokensPerSecond,
  chips: formatChips
};

/** The formatter of a metric, for its value in base units: the same one the story pages use for that quantity. */
export function metricFormat(name: ScenarioMetricName): UnitFormat {
  const info = METRIC_INFO[name];
  const known = BY_DISPLAY_UNIT[info.displayUnit] ?? BY_UNIT[info.unit];
  if (known) return known;
  // A computed time (ms, days) at three significant digits, a whole one too: "53.0 ms" beside "37.7 ms", "1,230 ms".
  const display = withUnit(formatPriceNumber, info.displayUnit);
  return unitFormat(
    (value) => display(value * info.scale),
    (low, high) => display.range(low * info.scale, high * info.scale),
    (value, low, high) => display.within(value * info.scale, low * info.scale, high * info.scale)
  );
}

/**
 * What a metric that does not occur reads in `run`'s table and on the pages' cards and tables (metricValueText):
 * a month (a payback, a crossover) "none within the horizon"; a margin without revenue METRIC_INFO's `absent`;
 * else "—". Given the report's `metrics`, a metric of the day's tokens (METRIC_INFO `ofDemand`) in a day without tokens
 * reads NO_DEMAND, "none (no demand)" (a margin read "none (no revenue at these prices)" when there was nothing to
 * price; breaker).
 */
export function absentMetricText(name: ScenarioMetricName, metrics?: ReportMetrics): string {
  const info = METRIC_INFO[name];
  if (info.ofDemand && metrics !== undefined && dayHasNoTokens(metrics)) return NO_DEMAND;
  return info.absent ?? (info.unit === "month" ? "none within the horizon" : "—");
}

/** A report's metrics: numbers, or Monte Carlo summaries (RunReport["metrics"]). */
type ReportMetrics = Readonly<Partial<Record<ScenarioMetricName, Parameters<typeof reportMedian>[0]>>>;

/**
 * Whether the report's day has no tokens to serve: fleetUtilizationNeeded (the day's tokens ÷ the fleet's capacity,
 * src/scenario/evaluate/priceListInput.ts `fleetDay`) is null exactly then, in the one evaluation or the median draw.
 */
export function dayHasNoTokens(metrics: ReportMetrics): boolean {
  return "fleetUtilizationNeeded" in metrics && reportMedian(metrics.fleetUtilizationNeeded) === null;
}

/**
 * A metric value given in its display unit (MetricRow: value × METRIC_INFO scale; a base-unit value from `run --json`
 * or runScenarioRequest is multiplied by METRIC_INFO[name].scale first: 0.44 for a 44% share reads "0.44%"), written
 * as the story pages write the quantity: "0.987 USD/Mtok", "$2.72B", "44%", "month 8", "20.5 ms"; when it does not
 * occur, what that means (METRIC_INFO's `absent`: "none (no revenue at these prices)"), else "—" (a card or table
 * writes a month that never comes in words: absentMetricText). Throws an Error for a name outside METRIC_INFO.
 */
export function formatMetric(name: ScenarioMetricName, displayValue: number | null): string {
  const info = metricInfoOf(name);
  if (displayValue === null) return info.absent ?? "—";
  return metricFormat(name)(displayValue / info.scale);
}

/**
 * METRIC_INFO's entry for `name`; throws an Error naming it when it has none (a misspelt name threw a TypeError
 * reading 'displayUnit', "__proto__" found Object's members; modeller's trial, breaker).
 */
function metricInfoOf(name: ScenarioMetricName): (typeof METRIC_INFO)[ScenarioMetricName] {
  if (typeof name !== "string" || !Object.hasOwn(METRIC_INFO, name)) {
    throw new Error(`unknown metric ${JSON.stringify(String(name))}: expected a name of METRIC_INFO`);
  }
  return METRIC_INFO[name];
}

/** A metric's 90% interval from its display-unit ends: "0.759–1.25 USD/Mtok", "$1.47–4.14B", "month 6–9". */
export function formatMetricInterval(name: ScenarioMetricName, displayLow: number, displayHigh: number): string {
  const {scale} = metricInfoOf(name);
  return metricFormat(name).range(displayLow / scale, displayHigh / scale);
}

/**
 * A metric's median from its display-unit value, written beside its 90% interval (display-unit ends) at the interval's
 * scale: "$0.950M" beside "$0.700–1.20M" (formatMetric wrote "$950,000"); else as formatMetric writes it.
 */
export function formatMetricWithin(
  name: ScenarioMetricName,
  displayValue: number,
  displayLow: number,
  displayHigh: number
): string {
  const {scale} = metricInfoOf(name);
  return metricFormat(name).within(displayValue / scale, displayLow / scale, displayHigh / scale);
}

/**
 * The central value of a report metric, the one every page and the CLI show: the number itself, or the Monte Carlo
 * median (p50, over the draws in which the metric occurs) of an uncertain metric; null when it does not occur, for a
 * missing metric, and when half or more of the draws never reach it (a payback or crossover beyond the horizon in
 * most draws): the median draw has no such month, so no month is the headline (deepseek-one-day showed "month 12"
 * with 98% of draws never crossing; fresh-user trial, session 9).
 */
export function reportMedian(
  metric:
    | number
    | null
    | undefined
    | {mean: number | null; p5: number | null; p50: number | null; p95: number | null; nullShare?: number}
): number | null {
  if (metric === null || metric === undefined || typeof metric === "number") return metric ?? null;
  if (metric.nullShare !== undefined && metric.nullShare >= 0.5) return null;
  return metric.p50;
}

/**
 * What `run`'s and `compare`'s headers say of one draw, where "median of 1 draw [5th–95th percentile]" promised an
 * interval: every percentile of one draw is that draw, so no value has an interval beside it (tester). One phrase, so
 * the two commands say it alike.
 */
export const ONE_DRAW_NO_INTERVAL = "one draw gives no interval (--samples 2 or more for the 5th–95th percentile)";

/**
 * How `run`'s header names what an uncertain metric's value is and the seed: "median of 1,000 draws [5th–95th
 * percentile], seed 1"; for one draw, "1 draw, seed 1: " and ONE_DRAW_NO_INTERVAL.
 */
export function drawsLabel(samples: number, seed: number): string {
  return samples === 1
    ? `1 draw, seed ${seed}: ${ONE_DRAW_NO_INTERVAL}`
    : `${medianLabel(samples)} [5th–95th percentile], seed ${seed}`;
}

/** "median of 1,000 draws": how an uncertain metric's central value is named wherever it is shown. */
export function medianLabel(samples: number): string {
  return `median of ${countNoun(formatDisplayNumber(samples), "draw")}`;
}

/**
 * An assumption's value for prose (a narrative's live value) and for every assumptions table (the pages' and `run`'s):
 * a share as a percentage ("60%"), a yearly rate as a percentage a year ("30%/yr", as the files and the sliders write
 * it), money as money ("$274M"), a count with a scale word ("100M"), a price per token or per hour as the metrics
 * write it, other quantities in their display unit ("18 months", "15.6T tokens"), ids as written, a distribution as
 * its 90% interval ("45–75% (90% interval)"); "—" when unset.
 */
export function formatAssumption(path: string, value: number | string | Distribution | null): string {
  if (value === null) return "—";
  if (typeof value === "string") return value;
  const format = assumptionFormat(path);
  if (typeof value === "number") return format(value);
  if (value.kind === "point") return format(value.value);
  // A distribution reads as its 90% interval, the unit written once: "45–75% (90% interval)", "3–12 months (…)".
  const [low, high] = [distributionQuantile(value, 0.05), distributionQuantile(value, 0.95)];
  // An end the file wrote as zero comes back from the normal's mean and sd a rounding error off it: "0 to 0.5" read
  // "−1.1E−14% – 50% (90% interval)" (breaker). A normal's end within a trillionth of the interval's width of zero is
  // zero (a lognormal's ends are never zero, and a uniform's or triangular's come back exact).
  const zeroWithin = value.kind === "normal" ? (high - low) * 1e-12 : 0;
  const end = (quantile: number) => (Math.abs(quantile) <= zeroWithin ? 0 : quantile);
  return `${format.range(end(low), end(high))} (90% interval)`;
}

/** "30%/yr", "45–75%/yr": a rate per year (a fraction a year) as the files and the sliders write it. */
export const formatPercentPerYear = unitFormat(
  (rate) => `${formatPercent(rate)}/yr`,
  (low, high) => `${formatPercent.range(low, high)}/yr`
);

/**
 * The unit formatAssumption writes a key's values in, for a table's Unit column: "%" for a share, "%/yr" for a rate
 * per year, else the key's base unit ("months", "USD"; "" for ids, choices and ratios). `run --json` keeps the base
 * units its numbers are in (keyUnit: "fraction", "per year"), which read beside "45%" and "20%" as two kinds of
 * unit for one.
 */
export function assumptionUnit(path: string): string {
  const def = scenarioKey(path);
  if (!def || !isQuantityKey(def)) return "";
  if (def.type === "fraction") return "%";
  if (def.type === "ratePerYear") return "%/yr";
  // A ratio is written as a bare number (1.2) or with "×" by its format, never beside the word "ratio".
  if (def.type === "plain") return "";
  // A count of something is in what it counts ("users"), as the tables write its values ("100M users").
  if (def.countOf !== undefined) return def.countOf;
  return DIMENSIONS[def.type as Dimension].baseUnit;
}

/** How formatAssumption writes the values of the key at `path`, by its type. */
function assumptionFormat(path: string): UnitFormat {
  const def = scenarioKey(path);
  switch (def?.type) {
    case "fraction":
      return formatPercent;
    case "ratePerYear":
      // Says what it is per: the tables have no words around a value, and a bare "20%" cost decline read as a share
      // beside "per year" for the growth of users (/training-vs-inference, /scenarios/base).
      return formatPercentPerYear;
    case "money":
      return formatStatedUsd;
    case "count":
      return formatCount;
    case "durationMonths":
      return formatMonths;
    case "usdPerMTok":
      // As the metric it is read against ("2.00 USD/Mtok" beside a cost of "2.02 USD/Mtok"), as a chip-hour's price is:
      // deepseek-one-day's assumptions read "pricing.inputCacheHit 0.14 USD/Mtok" above "fleet.chipHourPrice 2.00 USD/h".
      return formatUsdPerMTok;
    case "usdPerHour":
      // As the metric it becomes ("cost of a chip-hour 1.30 USD/h"), so a rented price reads alike in both tables.
      return formatUsdPerHour;
    case "plain":
      // A multiple carries its × ("5×", "0.8–1.2× (90% interval)"), as its slider writes it; PUE and the like do not.
      return def.multiple
        ? unitFormat(
            (value) => `${formatStatedNumber(value)}×`,
            (low, high) => `${formatStatedNumber.range(low, high)}×`
          )
        : formatStatedNumber;
  }
  if (!def || !isQuantityKey(def))
    return unitFormat(
      (value) => displayValue(path, value),
      (low, high) => `${displayValue(path, low)}–${displayValue(path, high)}`
    );
  // In its display unit, its number grouped and rounded as the metrics are ("4,737 tokens", not "4737 tokens").
  const dimension = def.type as Dimension;
  return unitFormat(
    (value) => formatQuantity(value, dimension, formatStatedNumber),
    (low, high) =>
      low < 0
        ? `${formatQuantity(low, dimension, formatStatedNumber)} – ${formatQuantity(high, dimension, formatStatedNumber)}`
        : formatQuantityRange(low, high, dimension, formatStatedNumber.range)
  );
}

/** The metrics priced at the scenario's price list (pricing.*). */
export const PRICE_LIST_METRICS: ReadonlySet<ScenarioMetricName> = new Set<ScenarioMetricName>([
  "priceListRevenuePerDayUsd",
  "priceListGrossMargin",
  "costProfitMargin"
]);

/**
 * What the price-list metrics are priced at when a scenario sets none of the prices: the schema's defaults, GPT-4o's
 * API list prices (src/scenario/file/schema.ts pricing.*), which a reader would otherwise take for the scenario's own
 * (openai-2024's "gross margin at list prices −1.3%" read as OpenAI's margin; breaker).
 */
export const DEFAULT_PRICES_NOTE = "at the default price list, GPT-4o's API prices: this scenario sets no prices";

/**
 * DEFAULT_PRICES_NOTE said of the scenarios it holds for, where several are side by side (`compare`, /compare):
 * "… GPT-4o's API prices: base and asic-9-months set no prices" (three columns read "this scenario sets no prices";
 * trial). `names`: the scenarios' ids or titles, in their columns' order.
 */
export function defaultPricesNoteOf(names: readonly string[]): string {
  const who = names.length === 1 ? `${names[0]} sets no prices` : `${andList(names)} set no prices`;
  return DEFAULT_PRICES_NOTE.replace("this scenario sets no prices", who);
}

/**
 * True when pricing.output, pricing.inputCacheMiss and pricing.inputCacheHit are all the schema's defaults. Input: a
 * scenario's values by key path, each with its origin (ResolvedScenario.values, or a run report's assumptions).
 */
export function setsNoPrices(values: Readonly<Record<string, {origin: {kind: string}} | undefined>>): boolean {
  return ["pricing.output", "pricing.inputCacheMiss", "pricing.inputCacheHit"].every(
    (path) => values[path]?.origin.kind === "default"
  );
}

/** A key's value, or its median when it is a distribution; null when unset or not a number. */
function centralValue(value: unknown): number | null {
  if (typeof value === "number") return value;
  if (value && typeof value === "object" && "kind" in value) {
    const dist = value as Distribution;
    return dist.kind === "point" ? dist.value : distributionQuantile(dist, 0.5);
  }
  return null;
}

/**
 * Why the inference tax's share of token cost is the vendor's share of token cost, written where the two appear (`run`,
 * the scenario pages' metrics table): with the custom chip bought at cost (silicon.partnerMargin 0, the default) the
 * tax is the vendor's whole margin (src/strategy/inferenceTax.ts: tax = vendor margin − partner margin per Mtok), so
 * the two are one quantity by construction (base read 38% and 38% with nothing to say why; new-user trial). Null when
 * a partner's margin is set, or uncertain (its draws then differ). `values`: a resolved scenario's values or a report's
 * assumptions.
 */
export function taxIsVendorShareNote(values: Readonly<Record<string, {value?: unknown} | undefined>>): string | null {
  const margin = values["silicon.partnerMargin"]?.value;
  const atCost =
    margin === 0 ||
    (typeof margin === "object" && margin !== null && "kind" in margin && margin.kind === "point" && "value" in margin
      ? margin.value === 0
      : false);
  if (!atCost) return null;
  return (
    "the inference tax is the vendor's share of token cost by construction here: the custom chip is bought at cost " +
    "(silicon.partnerMargin 0), so the tax recovered is the vendor's whole margin"
  );
}

/**
 * The vendor's gross profit as a share of token cost and of data-centre capex, as percentages: one decimal each where
 * two different shares round alike (38.4% and 37.7%, not 38% and 38%, which read as one figure twice).
 */
export function vendorSharePercents(ofTokenCost: number, ofCapex: number): [string, string] {
  if (formatPercent(ofTokenCost) !== formatPercent(ofCapex) || ofTokenCost === ofCapex) {
    return [formatPercent(ofTokenCost), formatPercent(ofCapex)];
  }
  const oneDecimal = (share: number) => `${(share * 100).toFixed(1)}%`;
  return [oneDecimal(ofTokenCost), oneDecimal(ofCapex)];
}

/**
 * Why the vendor's share of data-centre capex reads as its share of token cost: another denominator (the up-front
 * capital, src/tco/vendorShare.ts) whose share rounds alike (base read 38% three times, the tax, the share of token cost
 * and of capex, with only /inference-tax saying 38.4% and 37.7%; tester). Null when the two print differently (or are
 * equal, or missing).
 */
export function capexShareNote(
  ofTokenCost: number | null | undefined,
  ofCapex: number | null | undefined
): string | null {
  if (ofTokenCost === null || ofTokenCost === undefined || ofCapex === null || ofCapex === undefined) return null;
  const [cost, capex] = vendorSharePercents(ofTokenCost, ofCapex);
  if (cost === formatPercent(ofTokenCost) && capex === formatPercent(ofCapex)) return null;
  return (
    `the vendor's share of data-centre capex is another figure that rounds alike: the same gross profit over the ` +
    `up-front data-centre capital (chip, server, network and facility), not over each token's annualised cost; ` +
    `${capex} of capex against ${cost} of token cost here`
  );
}

/** The metrics a vendorShareFootnote marks, and its text (no final full stop). */
export interface VendorShareFootnote {
  metrics: readonly ScenarioMetricName[];
  text: string;
}

/**
 * The one footnote of the inference tax and the vendor's two shares where they are shown together (`run`, `compare`,
 * a scenario page's metrics table, /compare): the tax is the share of token cost by construction
 * (taxIsVendorShareNote), and the share of capex is another figure that rounds alike (capexShareNote), at the
 * metrics' medians. `values`: a resolved scenario's values or a report's assumptions; `metrics`: a report's metrics.
 * Null when neither.
 */
export function vendorShareFootnote(
  values: Readonly<Record<string, {value?: unknown} | undefined>>,
  metrics: Readonly<Partial<Record<ScenarioMetricName, Parameters<typeof reportMedian>[0]>>>
): VendorShareFootnote | null {
  const tax = taxIsVendorShareNote(values);
  const capex = capexShareNote(
    reportMedian(metrics.vendorShareOfTokenCost),
    reportMedian(metrics.vendorShareOfDataCentreCapex)
  );
  if (!tax && !capex) return null;
  const marked: ScenarioMetricName[] = [];
  if (tax) marked.push("inferenceTaxShare");
  marked.push("vendorShareOfTokenCost");
  if (capex) marked.push("vendorShareOfDataCentreCapex");
  const sentences = [tax ? `The same figure twice: ${tax}` : "", capex ? capex[0]!.toUpperCase() + capex.slice(1) : ""];
  return {metrics: marked, text: sentences.filter(Boolean).join(". ")};
}

/**
 * Why the flywheel's saving is zero, written where the 0% appears (the scenario pages' metrics table, `run`): the design
 * cycle (silicon.designCycle) is already at or below the shortest one better models can reach (flywheel.minDesignCycle),
 * so models have nothing to shorten (asic-9-months read "0%" beside "146%" extra users with the reason only on
 * /flywheel). Null when the cycle is longer. `values`: a resolved scenario's values or a report's assumptions.
 */
export function flywheelFloorNote(values: Readonly<Record<string, {value?: unknown} | undefined>>): string | null {
  const cycle = centralValue(values["silicon.designCycle"]?.value);
  const floor = centralValue(values["flywheel.minDesignCycle"]?.value);
  if (cycle === null || floor === null || cycle > floor) return null;
  // Months as every page writes them (formatMonths: "5.9 months"); formatStatedNumber wrote a median cycle "5.91".
  return (
    `nothing gained: a design cycle of ${formatMonths(cycle)} is already at the shortest better models can reach ` +
    `(${formatMonths(floor)}), so they have nothing to shorten`
  );
}
