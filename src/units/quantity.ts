import {
  BYTES_PER_GB,
  BYTES_PER_GIB,
  BYTES_PER_KB,
  BYTES_PER_KIB,
  BYTES_PER_MB,
  BYTES_PER_MIB,
  BYTES_PER_TB
} from "./bytes.js";
import {countNoun} from "./countNoun.js";
import {groupThousands} from "./groupThousands.js";
import {UNDERFLOW_HINT, underflows} from "./decimal.js";
import {closestMatch} from "../errors/suggest.js";
import {BYTE_ORDER_MARK_HINT, lookalikeName} from "../errors/unsafeChars.js";
import {EXA, GIGA, KILO, MEGA, MONTHS_PER_YEAR, PETA, TERA, TOKENS_PER_MILLION} from "./si.js";

/**
 * Values with units, as authors write them in scenario files and on the command line (`700 W`, `0.06 USD/kWh`,
 * `$500M`, `35%`, `15T tokens`), read into the base unit of a dimension. A bare number is already in the base unit.
 *
 * Grammar: `[sign][$]number[ ]unit`, where number is decimal with an optional exponent (`1e6`) and optional thousands
 * commas (`12,000`). Units are case-sensitive (`MW` is not `mW`); spaces around `/` and runs of spaces are ignored.
 * Magnitude suffixes are decimal and belong to the dimension: `k` = 10^3, `M` = 10^6, `B` = 10^9 (billion), `T` = 10^12
 * (trillion) for counts, tokens and money; `B` means bytes only for the bytes dimension, which keeps GB and GiB apart.
 * A capital `K` is money's alone (`$30K`); a count's `16K` is refused with both readings offered (capitalKilo).
 */
export type Dimension =
  | "power"
  | "energyPrice"
  | "money"
  | "usdPerMw"
  | "durationMonths"
  | "durationYears"
  | "fraction"
  | "ratePerYear"
  | "count"
  | "bytes"
  | "bytesPerSecond"
  | "flopsPerSecond"
  | "tokens"
  | "usdPerMTok"
  | "usdPerHour"
  | "areaMm2"
  | "defectsPerCm2"
  | "usdPerGb"
  | "plain";

export interface DimensionInfo {
  name: Dimension;
  /** Label of the base unit, the unit of a bare number and of every value the library sees (`W`, `USD/kWh`). */
  baseUnit: string;
  /** What a value of this dimension is, with its article: "a power". */
  noun: string;
  /** The accepted units in words, for error messages: "in W, kW or MW". */
  unitsText: string;
  /** Every accepted spelling of a unit, mapped to its factor to the base unit; "" is a bare number. */
  units: ReadonlyMap<string, number>;
  /** Examples of accepted values, for the reference page. */
  examples: readonly string[];
  /** Templates for formatting, largest first: `{n}` is replaced by the number (`"{n} kW"`, `"${n}M"`). */
  display: readonly (readonly [template: string, factor: number])[];
}

type UnitSpellings = readonly [spellings: readonly string[], factor: number];

function dimension(
  name: Dimension,
  info: Omit<DimensionInfo, "name" | "units">,
  units: readonly UnitSpellings[]
): DimensionInfo {
  const map = new Map<string, number>();
  for (const [spellings, factor] of units) for (const spelling of spellings) map.set(spelling, factor);
  return {name, ...info, units: map};
}

/** `k`, `M`, `B` and `T` in front of a unit: `["k tokens", "M tokens", …]` with factors. */
function magnitudes(unit: string, suffixes: readonly string[] = ["k", "M", "B", "T"]): UnitSpellings[] {
  const factors: Record<string, number> = {k: KILO, M: MEGA, B: GIGA, T: TERA};
  return suffixes.map((suffix) => [[unit ? `${suffix} ${unit}` : suffix], factors[suffix] ?? NaN] as const);
}

const YEAR_SPELLINGS = ["years", "year", "yr", "yrs", "y"];
const MONTH_SPELLINGS = ["months", "month", "mo"];
const PER_YEAR_SPELLINGS = ["/yr", "/year", "/y", "per year", "a year"];

/** Every dimension a scenario value can have, with its base unit and accepted units (the reference page's table). */
export const DIMENSIONS: Readonly<Record<Dimension, DimensionInfo>> = {
  power: dimension(
    "power",
    {
      baseUnit: "W",
      noun: "a power",
      unitsText: "in W, kW or MW",
      examples: ["700 W", "1.2 kW", "100 MW"],
      display: [
        ["{n} MW", MEGA],
        ["{n} kW", KILO],
        ["{n} W", 1]
      ]
    },
    [
      [["", "W"], 1],
      [["kW"], KILO],
      [["MW"], MEGA]
    ]
  ),
  energyPrice: dimension(
    "energyPrice",
    {
      baseUnit: "USD/kWh",
      noun: "an electricity price",
      unitsText: "in USD/kWh, USD/MWh or $/kWh",
      examples: ["0.0826 USD/kWh", "60 USD/MWh", "$0.06/kWh"],
      display: [["{n} USD/kWh", 1]]
    },
    [
      [["", "USD/kWh", "$/kWh"], 1],
      [["USD/MWh", "$/MWh"], 1 / KILO]
    ]
  ),
  money: dimension(
    "money",
    {
      baseUnit: "USD",
      noun: "an amount of money",
      unitsText: "in USD, kUSD, MUSD or BUSD, or written like $40k, $500M, $1.2B",
      examples: ["30000 USD", "25 kUSD", "150 MUSD", "$40k", "$500M", "$1.2B"],
      display: [
        ["${n}B", GIGA],
        ["${n}M", MEGA],
        ["${n}k", KILO],
        ["${n}", 1]
      ]
    },
    [
      [["", "USD", "$"], 1],
      [["kUSD", "k USD", "$k", "$K"], KILO],
      [["MUSD", "M USD", "$M", "$m"], MEGA],
      [["BUSD", "B USD", "$B", "$bn"], GIGA]
    ]
  ),
  usdPerMw: dimension(
    "usdPerMw",
    {
      baseUnit: "USD/MW",
      noun: "a cost per unit of power",
      unitsText: "in USD/MW, MUSD/MW or USD/kW, or written like $12M/MW",
      examples: ["12 MUSD/MW", "$12M/MW", "12000 USD/kW"],
      display: [
        ["${n}M/MW", MEGA],
        ["{n} USD/MW", 1]
      ]
    },
    [
      [["", "USD/MW", "$/MW"], 1],
      [["MUSD/MW", "$M/MW"], MEGA],
      [["USD/kW", "$/kW"], KILO],
      [["USD/W", "$/W"], MEGA]
    ]
  ),
  durationMonths: dimension(
    "durationMonths",
    {
      baseUnit: "months",
      noun: "a duration",
      unitsText: "in months or years",
      examples: ["18 months", "9 mo", "2 years"],
      display: [["{n} months", 1]]
    },
    [
      [["", ...MONTH_SPELLINGS], 1],
      [YEAR_SPELLINGS, MONTHS_PER_YEAR]
    ]
  ),
  durationYears: dimension(
    "durationYears",
    {
      baseUnit: "years",
      noun: "a duration",
      unitsText: "in years or months",
      examples: ["5 years", "14 yr", "18 months"],
      display: [["{n} years", 1]]
    },
    [
      [["", ...YEAR_SPELLINGS], 1],
      [MONTH_SPELLINGS, 1 / MONTHS_PER_YEAR]
    ]
  ),
  fraction: dimension(
    "fraction",
    {
      baseUnit: "fraction",
      noun: "a fraction",
      unitsText: "like 0.35 or 35%",
      examples: ["0.35", "35%"],
      display: [["{n}", 1]]
    },
    [
      [[""], 1],
      [["%"], 0.01]
    ]
  ),
  ratePerYear: dimension(
    "ratePerYear",
    {
      baseUnit: "per year",
      noun: "a rate per year",
      unitsText: "like 0.1, 0.1/yr or 10%/yr",
      examples: ["0.1", "0.1/yr", "10%/yr", "10% per year"],
      display: [["{n}%/yr", 0.01]]
    },
    [
      [["", ...PER_YEAR_SPELLINGS], 1],
      [["%", ...PER_YEAR_SPELLINGS.map((s) => (s.startsWith("/") ? `%${s}` : `% ${s}`))], 0.01]
    ]
  ),
  count: dimension(
    "count",
    {
      baseUnit: "count",
      noun: "a count",
      unitsText: "like 16384, 16k, 1.5M or 2B",
      examples: ["16384", "16k", "1.5M", "2B"],
      // Millions and billions with their suffix (a reader counts the zeros of 100000000 users; 100M reads at once);
      // below a million as written (16384 chips, not 16.384k).
      display: [
        ["{n}B", GIGA],
        ["{n}M", MEGA],
        ["{n}", 1]
      ]
    },
    [[[""], 1], ...magnitudes("", ["k", "M", "B", "T"])]
  ),
  bytes: dimension(
    "bytes",
    {
      baseUnit: "B",
      noun: "a size",
      unitsText: "in B, kB, MB, GB, TB, KiB, MiB or GiB",
      examples: ["80 GB", "96 GiB", "1.5 TB"],
      display: [
        ["{n} TB", BYTES_PER_TB],
        ["{n} GB", BYTES_PER_GB],
        ["{n} MB", BYTES_PER_MB],
        ["{n} B", 1]
      ]
    },
    [
      [["", "B", "bytes"], 1],
      [["kB"], BYTES_PER_KB],
      [["MB"], BYTES_PER_MB],
      [["GB"], BYTES_PER_GB],
      [["TB"], BYTES_PER_TB],
      [["KiB"], BYTES_PER_KIB],
      [["MiB"], BYTES_PER_MIB],
      [["GiB"], BYTES_PER_GIB]
    ]
  ),
  bytesPerSecond: dimension(
    "bytesPerSecond",
    {
      baseUnit: "B/s",
      noun: "a bandwidth",
      unitsText: "in B/s, GB/s or TB/s",
      examples: ["3.35 TB/s", "819 GB/s"],
      display: [
        ["{n} TB/s", BYTES_PER_TB],
        ["{n} GB/s", BYTES_PER_GB],
        ["{n} B/s", 1]
      ]
    },
    [
      [["", "B/s"], 1],
      [["MB/s"], BYTES_PER_MB],
      [["GB/s"], BYTES_PER_GB],
      [["TB/s"], BYTES_PER_TB],
      [["GiB/s"], BYTES_PER_GIB]
    ]
  ),
  flopsPerSecond: dimension(
    "flopsPerSecond",
    {
      baseUnit: "FLOP/s",
      noun: "a compute rate",
      unitsText: "in FLOP/s, TFLOP/s or PFLOP/s",
      examples: ["989 TFLOP/s", "4.5 PFLOP/s", "9.89e14"],
      display: [
        ["{n} PFLOP/s", PETA],
        ["{n} TFLOP/s", TERA],
        ["{n} FLOP/s", 1]
      ]
    },
    [
      [["", "FLOP/s", "FLOPS"], 1],
      [["GFLOP/s", "GFLOPS"], GIGA],
      [["TFLOP/s", "TFLOPS"], TERA],
      [["PFLOP/s", "PFLOPS"], PETA],
      [["EFLOP/s", "EFLOPS"], EXA]
    ]
  ),
  tokens: dimension(
    "tokens",
    {
      baseUnit: "tokens",
      noun: "a number of tokens",
      unitsText: "like 4096, 1e6, 32k tokens or 15T tokens",
      examples: ["4096", "1e6", "32k tokens", "15T tokens", "2.5M"],
      display: [
        ["{n}T tokens", TERA],
        ["{n}B tokens", GIGA],
        ["{n}M tokens", MEGA],
        ["{n} tokens", 1]
      ]
    },
    [[["", "tokens", "token", "tok"], 1], ...magnitudes(""), ...magnitudes("tokens"), ...magnitudes("tok")]
  ),
  usdPerMTok: dimension(
    "usdPerMTok",
    {
      baseUnit: "USD/Mtok",
      noun: "a price per million tokens",
      unitsText: "in USD/Mtok or $/Mtok",
      examples: ["2.5 USD/Mtok", "$10/Mtok"],
      display: [["{n} USD/Mtok", 1]]
    },
    [
      [["", "USD/Mtok", "USD/MTok", "$/Mtok", "$/MTok", "USD/M tokens", "$/M tokens"], 1],
      [["USD/ktok", "$/ktok"], TOKENS_PER_MILLION / KILO],
      [["USD/tok", "$/tok", "USD/token", "$/token"], TOKENS_PER_MILLION]
    ]
  ),
  usdPerHour: dimension(
    "usdPerHour",
    {
      baseUnit: "USD/h",
      noun: "a cost per hour",
      unitsText: "in USD/h or $/h",
      examples: ["0.1 USD/h", "$2.99/h"],
      display: [["{n} USD/h", 1]]
    },
    [[["", "USD/h", "USD/hr", "USD/hour", "$/h", "$/hr", "$/hour"], 1]]
  ),
  areaMm2: dimension(
    "areaMm2",
    {
      baseUnit: "mm²",
      noun: "an area",
      unitsText: "in mm² or cm²",
      examples: ["800 mm²", "8.14 cm²"],
      display: [["{n} mm²", 1]]
    },
    [
      [["", "mm²", "mm2"], 1],
      [["cm²", "cm2"], 100]
    ]
  ),
  defectsPerCm2: dimension(
    "defectsPerCm2",
    {
      baseUnit: "/cm²",
      noun: "a defect density",
      unitsText: "in defects per cm², like 0.1 /cm²",
      examples: ["0.1 /cm²", "0.09 defects/cm²"],
      display: [["{n} /cm²", 1]]
    },
    [[["", "/cm²", "/cm2", "defects/cm²", "defects/cm2", "per cm²"], 1]]
  ),
  usdPerGb: dimension(
    "usdPerGb",
    {
      baseUnit: "USD/GB",
      noun: "a price per GB",
      unitsText: "in USD/GB or $/GB",
      examples: ["15 USD/GB", "$10/GB"],
      display: [["{n} USD/GB", 1]]
    },
    [[["", "USD/GB", "$/GB"], 1]]
  ),
  plain: dimension(
    "plain",
    {
      // A quantity over another of its kind (PUE, a multiplier, a throughput relative to a chip's, profit ÷ cost):
      // not a fraction, a part of a whole in [0, 1]. The unit word of a plain key (keyUnit) and of such a metric
      // (METRIC_INFO).
      baseUnit: "ratio",
      noun: "a plain number",
      unitsText: "without a unit, like 1.5 or 3x",
      examples: ["1.5", "3x"],
      display: [["{n}", 1]]
    },
    [[["", "x", "×"], 1]]
  )
};

/** "a power in W, kW or MW": what a value of the dimension looks like, for an error's `expected`. */
/**
 * The factor to the base unit of each unit `dimension` takes (`k` → 1000 for a count); for no dimension, a bare
 * number's only: "" → 1. What a reader of a grouped whole number scales by (pointGroupedWhole).
 */
export function unitFactorOf(dimension: Dimension | undefined): (unit: string) => number | undefined {
  return dimension === undefined
    ? (unit) => (unit === "" ? 1 : undefined)
    : (unit) => DIMENSIONS[dimension].units.get(unit);
}

/**
 * The infinity a number too large for a double stands for, by its written sign (`1e400` → Infinity, `-1e400` →
 * -Infinity, readQuantity's reason "finite"): what a range check then refuses, as it would a shorter number.
 */
export function infinityOf(written: string): number {
  return written.trim().startsWith("-") ? -Infinity : Infinity;
}

export function expectedQuantity(dimension: Dimension): string {
  const info = DIMENSIONS[dimension];
  return `${info.noun} ${info.unitsText}`;
}

export type QuantityReading =
  | {
      ok: true;
      /** The value in the dimension's base unit; always finite. */
      value: number;
      /** The unit as written (normalised spacing), or "" for a bare number. */
      unit: string;
    }
  | {
      ok: false;
      /**
       * "number": no number at the start, or a malformed one (0x10, 1.2.3); "unit": a number with a unit the dimension
       * does not accept; "finite": overflow; "underflow": a nonzero number too small for a double (`1e-400`).
       */
      reason: "number" | "unit" | "finite" | "underflow";
      expected: string;
      found: string;
      hint?: string;
      /**
       * The values the hint may offer in place of what was written, likeliest first, each read as the dimension's
       * quantity. The hint offers the first; a reader that knows the key's range offers the first its key accepts
       * (readValue.ts, quantityError), since a hint must hold when pasted back.
       */
      offers?: readonly QuantityOffer[];
    };

/** A value a failed reading may offer instead (`-5%` for `−5%`), with the hint that offers it and what it changes. */
export interface QuantityOffer {
  /** The value to paste back: `-5%`, `$12,000`. */
  text: string;
  /** The hint that offers it: "write it with an ASCII hyphen-minus: -5%". */
  hint: string;
  /** What it changes, after the value, for a hint that says it is refused too: "with an ASCII hyphen-minus". */
  change: string;
}

export interface ReadQuantityOptions {
  /** Unit to apply to a bare number instead of the base unit (the `600 to 800 W` interval shorthand uses it). */
  bareUnit?: string;
  /**
   * Words, lowercase, that may follow the number and its scale letter after a space, read as no unit: a count key's
   * own noun (`128 sequences`, `100M users`, `1 user`; countWordsOf in src/scenario/file/countWords.ts). Any other
   * word is a wrong unit, as without them. Default none.
   */
  countWords?: readonly string[];
}

const NUMBER = /^([+-]?)(\$?)\s*((?:[1-9]\d{0,2}(?:,\d{3})+|\d+)(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)/;

/**
 * Text right after NUMBER's match that shows the number itself is malformed rather than followed by a unit: a point,
 * comma or underscore that continues it (`1.2.3`, `1,00`, `1_000`: digit groups are written with commas here; only
 * command-line number flags take underscores, src/cli/flags.ts), or, after a lone 0, a hex, octal or binary prefix
 * (`0x10`, `0o7`, `0b11`; decimal.ts's DECIMAL_NUMERAL has no such forms either).
 */
const MALFORMED_TAIL = /^[.,_]/;
const RADIX_PREFIX = /^[xXoObB][\da-fA-F]/;

/**
 * Reads a value with an optional unit into the dimension's base unit. Returns a reading rather than throwing, so the
 * scenario layer can attach the file, line and key path and go on collecting errors. A YAML number arrives as a
 * number and is taken to be in the base unit; anything else that is not text (null, an object) reads as not a number.
 * Throws an Error for a `dimension` outside DIMENSIONS (a programming error, not a reader's: it threw a TypeError
 * "reading 'noun'"; modeller's trial).
 */
export function readQuantity(
  input: string | number,
  dimension: Dimension,
  options: ReadQuantityOptions = {}
): QuantityReading {
  if (!Object.hasOwn(DIMENSIONS, dimension)) {
    throw new Error(
      `unknown dimension ${JSON.stringify(dimension)}: expected one of ${Object.keys(DIMENSIONS).join(", ")}`
    );
  }
  const info = DIMENSIONS[dimension];
  const expected = expectedQuantity(dimension);
  if (typeof input !== "string" && typeof input !== "number") {
    return {ok: false, reason: "number", expected, found: String(input)};
  }
  if (typeof input === "number") {
    return Number.isFinite(input)
      ? {ok: true, value: input + 0, unit: ""}
      : {ok: false, reason: "finite", expected: `a finite number: ${expected}`, found: String(input)};
  }
  // trim() takes a byte-order mark for a space: `\uFEFF64`, a YAML escape or a --set value, read as 64 (breaker).
  if (input.includes("\uFEFF")) {
    return {ok: false, reason: "number", expected, found: input, hint: BYTE_ORDER_MARK_HINT};
  }
  const text = input.trim();
  const ascii = asciiForms(text);
  if (ascii !== undefined) {
    const digits = /[\uff10-\uff19]/.test(text);
    const wide = [...new Set(text.match(FULLWIDTH))].join("");
    const plain = asciiForms(wide) ?? wide;
    const offer = digits
      ? {text: ascii, hint: `write ASCII digits: ${ascii}`, change: "with ASCII digits"}
      : {text: ascii, hint: `a fullwidth ${wide}, not ${plain}: ${ascii}`, change: `with an ASCII ${plain}`};
    const offers = offered([offer], dimension);
    if (offers.hint !== undefined || !digits) return {ok: false, reason: "number", expected, found: text, ...offers};
    // Digits that, once ASCII, are refused with a hint of their own (`１６K`, `１e-400`): both said, the ASCII digits
    // first (they read "not a number", no hint, where `１６` was told the ASCII digits; breaker).
    const inner = readQuantity(ascii, dimension, options);
    if (inner.ok || inner.hint === undefined) return {ok: false, reason: "number", expected, found: text};
    const first = `write ASCII digits (${ascii})`;
    return {
      ...inner,
      found: text,
      hint: `${first}; ${inner.hint}`,
      ...(inner.offers
        ? {
            offers: inner.offers.map((o) => ({
              ...o,
              hint: `${first}; ${o.hint}`,
              change: `with ASCII digits, ${o.change}`
            }))
          }
        : {})
    };
  }
  const spaced = spaceGroupedOffer(text, dimension);
  if (spaced) return {ok: false, reason: "number", expected, found: text, ...spaced};
  const match = NUMBER.exec(text);
  if (!match) {
    return {ok: false, reason: "number", expected, found: text === "" ? '""' : text, ...signOffer(text, dimension)};
  }
  const [whole, sign = "", dollar = "", digits = ""] = match;
  const tail = text.slice(whole.length);
  const misgrouped = misgroupedNumber(text, dimension);
  if (misgrouped) return {ok: false, reason: "number", expected, found: text, ...misgrouped};
  if (MALFORMED_TAIL.test(tail) || (digits === "0" && RADIX_PREFIX.test(tail))) {
    // `1_000`, as the number flags take it, is told the commas a scenario value groups digits with (breaker).
    const grouped = /^[+-]?\$?\d{1,3}(_\d{3})+(\.\d+)?(?=$|\s)/.test(text) ? text.replace(/_/g, ",") : undefined;
    const offer = grouped && {
      text: grouped,
      hint: `a scenario value groups digits with commas: did you mean ${grouped}?`,
      change: "with commas"
    };
    return {ok: false, reason: "number", expected, found: text, ...offered(offer ? [offer] : [], dimension)};
  }
  let unit = normaliseUnit(withoutCountWord(tail, options.countWords));
  if (dollar) unit = `$${unit}`;
  if (unit === "" && options.bareUnit !== undefined) unit = options.bareUnit;
  const factor = info.units.get(unit);
  if (factor === undefined) {
    const hint =
      asciiMinus(text) === undefined ? unitHint(unit, dimension, `${sign}$${digits}`) : signOffer(text, dimension);
    return {
      ok: false,
      reason: "unit",
      expected,
      found: text,
      ...hint,
      ...countWordHint(whole, tail, hint, info.units, options.countWords)
    };
  }
  const magnitude = Number(digits.replace(/,/g, ""));
  // Divide by an exact inverse where there is one, so that 70% is 0.7 and not 0.7000000000000001.
  const inverse = 1 / factor;
  const value = (sign === "-" ? -1 : 1) * (Number.isInteger(inverse) ? magnitude / inverse : magnitude * factor);
  if (!Number.isFinite(value))
    return {ok: false, reason: "finite", expected: `a finite number: ${expected}`, found: text};
  // `1e-400` read as 0 where `1e400` was refused (breaker); so is `1e-322 USD/MWh`, nonzero as written but 0 once
  // divided by its unit's 1000 (breaker).
  if (underflows(digits, magnitude) || (magnitude !== 0 && value === 0))
    return {ok: false, reason: "underflow", expected, found: text, hint: UNDERFLOW_HINT};
  // `-0` is 0: a negative zero is printed "−0" (`power.electricity: -0` read "−0 USD/kWh" in run's table).
  return {ok: true, value: value + 0, unit};
}

/**
 * A hint naming a count key's own noun for a value ending in another word after a space, when nothing else is hinted:
 * `128 seqs` and `16384 users` for serving.batch read only "wrong unit: expected a whole number: a count like 16384…",
 * where `128 sequences` is read (breaker). `number` is the value's number as written, `tail` what follows it: a scale
 * letter `units` knows may come first (`100M seqs`). `{}` for a key without count words or another tail (`100 Musers`
 * is not offered `100 users`, nor `$5 seqs` `$5 sequences`).
 */
function countWordHint(
  number: string,
  tail: string,
  hint: {hint?: string},
  units: ReadonlyMap<string, number>,
  words: readonly string[] = []
): {hint?: string} {
  const word = /^([A-Za-z]?)\s+([A-Za-z]+)$/.exec(tail);
  if (hint.hint !== undefined || words.length === 0 || !word || !units.has(word[1]!) || number.includes("$")) return {};
  // `100 Musers`: a scale letter glued to the noun is not dropped from the offer (100 users is a millionth of it).
  const glued = word[2]!.slice(1).toLowerCase();
  if (words.includes(glued) && units.has(word[2]![0]!)) return {};
  const value = `${number.trim()}${word[1]}`;
  return {hint: `a count of ${words[0]}: write ${value} ${words[0]}, or ${value} alone`};
}

/** `tail` without a last word, after a space, that is one of `words` in any case (`M users` → `M`); else `tail`. */
function withoutCountWord(tail: string, words: readonly string[] = []): string {
  const word = /^(.*?)\s+([A-Za-z]+)$/.exec(tail);
  return word && words.includes(word[2]!.toLowerCase()) ? word[1]! : tail;
}

/**
 * Reads a value with an optional unit, or throws a plain Error naming what was expected. For trusted inputs (tests,
 * constants); user input goes through `readQuantity`, whose failures the scenario layer turns into UserErrors.
 */
export function parseQuantity(input: string | number, dimension: Dimension): number {
  const reading = readQuantity(input, dimension);
  if (!reading.ok) throw new Error(`expected ${reading.expected}, found ${reading.found}`);
  return reading.value;
}

/**
 * Formats a base-unit value in the dimension's most readable display unit (`12000000` money → `$12M`,
 * `0.1` rate → `10%/yr`, `1` token → `1 token`). The text reads back with `readQuantity` to the same value within
 * 1e-12 relative. `number` writes the scaled number (default formatNumber, file notation); a reader's format (grouped, rounded, with
 * U+2212 for minus) gives prose that does not read back exactly.
 */
export function formatQuantity(
  value: number,
  dimension: Dimension,
  number: (scaled: number) => string = formatNumber
): string {
  const {display} = DIMENSIONS[dimension];
  const magnitude = Math.abs(value);
  const chosen = display.find(([, factor]) => magnitude >= factor) ?? display[display.length - 1];
  const [template, factor] = chosen ?? ["{n}", 1];
  const text = number(value / factor);
  // A leading minus (ASCII or U+2212) goes before the dollar sign ("-$5M"), which is where readQuantity looks for it.
  if (/^[-−]/.test(text) && template.startsWith("$")) return `${text[0]}${template.replace("{n}", text.slice(1))}`;
  // A unit that is a plural noun is singular for one ("1 token", "1 month"; a range read "[1 tokens, 100M tokens]").
  const noun = /^\{n\} ([a-z]+)s$/.exec(template)?.[1];
  return noun === undefined ? template.replace("{n}", text) : countNoun(text, noun);
}

/**
 * An interval of base-unit values in the display unit the larger end would take, the unit written once
 * (`3, 12` months → `3–12 months`, `150e6, 500e6` money → `$150–500M` with a money range). `range` writes the two
 * scaled numbers (a reader's range format, e.g. formatDisplayNumber.range).
 */
export function formatQuantityRange(
  low: number,
  high: number,
  dimension: Dimension,
  range: (low: number, high: number) => string
): string {
  const {display} = DIMENSIONS[dimension];
  const magnitude = Math.max(Math.abs(low), Math.abs(high));
  const [template, factor] = display.find(([, f]) => magnitude >= f) ?? display[display.length - 1] ?? ["{n}", 1];
  return template.replace("{n}", range(low / factor, high / factor));
}

/** A number with up to 12 significant digits and no binary noise (0.30000000000000004 → 0.3). */
export function formatNumber(value: number): string {
  return String(Number(value.toPrecision(12)));
}

/** A number's digits up to its point or exponent, where they hold a comma: `$1,2000 USD` → `$`, `1,2000`, ` USD`. */
const COMMA_DIGITS = /^([+-]?\$?\s*)(\d[\d,]*,[\d,]*\d)(?![\d,])(.*)$/;

/**
 * The error's offers for a number whose thousands separators are misplaced (`$1,2000`, `1234,567`) or that is written
 * with a decimal comma (`0,5`, `$12,5k`, `0,0826`), or undefined when its commas group digits in threes (or it has
 * none). A number is grouped only when its first group has no leading zero: `0,500k` and `$012,000` read as 500k and
 * $12,000 (a silent wrong value; breaker). One comma after a leading-zero group, or before one, two or four and more
 * digits (`1,5`, `$12,00`, `0,0826`) is a decimal comma: the point is offered (`0.0826`; it was offered `00,826`, then
 * nothing for `0,5`; breaker), and for four and more digits the digits regrouped after it (`$1,2000`: `$1.2000`, then
 * `$12,000`). Digits grouped in threes but for the last two or one (`$1,200,00`) likely end with a decimal comma:
 * `$1,200.00` is offered first, then the digits regrouped. Otherwise the value with the separators fixed and every
 * digit kept (`$12,000` for `$1,2000`). Each offer reads as the dimension's quantity; the key's range is its reader's
 * to check (readValue.ts, quantityError). Two commas together (`32,,64`) are offered nothing: no one value reads from it.
 */
function misgroupedNumber(text: string, dimension: Dimension): {hint?: string; offers?: QuantityOffer[]} | undefined {
  const match = COMMA_DIGITS.exec(text);
  if (!match) return undefined;
  const [, head = "", digits = "", rest = ""] = match;
  if (/^[1-9]\d{0,2}(,\d{3})+$/.test(digits)) return undefined;
  // Two commas together separate no digits: a list typed with a slip (`32,,64`), not one number, offered nothing here
  // (--set says it takes one value: applyOverrides.ts). Regrouped it read "did you mean 3,264?" (breaker).
  if (digits.includes(",,")) return {};
  const offers: QuantityOffer[] = [];
  const single = /^(\d+),(\d+)$/.exec(digits);
  const decimalComma = single && (/^0/.test(single[1] ?? "") || (single[2] ?? "").length !== 3);
  if (decimalComma || /^\d{1,3}(,\d{3})+,\d{1,2}$/.test(digits)) {
    const decimal = `${head}${digits.replace(/^0+(?=\d)/, "").replace(/,(\d+)$/, ".$1")}${rest}`;
    offers.push({
      text: decimal,
      hint: `a decimal is written with a point, not a comma: did you mean ${decimal}?`,
      change: "with a decimal point"
    });
  }
  // A leading zero is no group's (`$012,000`, `$00,012`): the comma is a decimal one, never regrouped.
  if (!single || (!/^0/.test(single[1] ?? "") && (single[2] ?? "").length >= 3)) {
    const regrouped = `${head}${digits
      .replace(/,/g, "")
      .replace(/^0+(?=\d)/, "")
      .replace(/\B(?=(\d{3})+$)/g, ",")}${rest}`;
    offers.push({
      text: regrouped,
      hint: `digits are grouped in threes: did you mean ${regrouped}?`,
      change: "with digits grouped in threes"
    });
  }
  return offered(offers, dimension);
}

/** The offers that read as the dimension's quantity, the first one's hint as the reading's; none: no hint. */
function offered(offers: readonly QuantityOffer[], dimension: Dimension): {hint?: string; offers?: QuantityOffer[]} {
  const valid = offers.filter((offer) => readQuantity(offer.text, dimension).ok);
  return valid[0] ? {hint: valid[0].hint, offers: valid} : {};
}

/** Fullwidth forms of ASCII characters (U+FF01–U+FF5E), as an East Asian input method types digits: `１２３`. */
const FULLWIDTH = /[\uff01-\uff5e]/g;

/**
 * `text` with each fullwidth form as its ASCII character (`１２３` → `123`, `１２．５％` → `12.5%`, `60％` → `60%`),
 * where it has one; undefined otherwise. It read "not a number" with no word of the digits (breaker), and `60％`
 * "wrong unit", no hint (breaker).
 */
export function asciiForms(text: string): string | undefined {
  if (!/[\uff01-\uff5e]/.test(text)) return undefined;
  return text.replace(FULLWIDTH, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0));
}

/**
 * Digits grouped in threes with a space a word processor or a locale's format puts there: a no-break space (U+00A0),
 * a thin space (U+2009), a narrow no-break space (U+202F, French) or a figure space (U+2007), or a plain space as a
 * user types one (`16 384` read "wrong unit", no hint; breaker), then an optional unit: sign and dollar, digits, rest.
 */
const SPACE_GROUPED = /^([+-]?\$?)(\d{1,3}(?:[ \u00a0\u2007\u2009\u202f]\d{3})+)(?![\d,])(.*)$/;

/**
 * The offer for a number whose digits are grouped with such a space (`1\u00a0000`, `$30\u202f000`): the digits
 * without it, and with commas, "a no-break space groups these digits: write 1000 (1,000)"; undefined for another
 * text, or when the number without its spaces does not read as the dimension's quantity. It read "wrong unit"
 * (breaker).
 */
function spaceGroupedOffer(text: string, dimension: Dimension): {hint?: string; offers?: QuantityOffer[]} | undefined {
  const match = SPACE_GROUPED.exec(text);
  if (!match) return undefined;
  const [, head = "", digits = "", rest = ""] = match;
  const space = /[^\d]/.exec(digits)?.[0] ?? " ";
  const plain = `${head}${digits.replace(/\D/g, "")}${rest}`;
  const commas = `${head}${digits.replace(/\D/g, ",")}${rest}`;
  const name = lookalikeName(space) ?? "a space";
  const offer = {
    text: plain,
    hint: `${name} groups these digits: write ${plain} (${commas})`,
    change: `without ${name}`
  };
  const result = offered([offer], dimension);
  return result.hint === undefined ? undefined : result;
}

/**
 * Dashes typed for a minus sign: the minus sign U+2212, as the assumptions tables and a reader's format write it
 * (`−5%`, `−$5M`), and the hyphen (U+2010), non-breaking hyphen (U+2011), figure dash (U+2012) and en dash (U+2013),
 * which a word processor or a keyboard's autocorrect puts for one (breaker: `–5%` had no hint where `−5%` had one).
 */
const MINUS_LIKE = "\u2010-\u2013\u2212";

/**
 * `text` with each minus sign given as the ASCII hyphen-minus the file's notation reads; undefined when it has none.
 * U+2212 is a minus wherever it stands; the dashes of MINUS_LIKE only as a sign, before a number or its dollar (an en
 * dash between two values is the tables' range, hyphenRange's and TABLE_RANGE's to tell).
 */
export function asciiMinus(text: string): string | undefined {
  const sign = new RegExp(`^([$]?\\s*)[${MINUS_LIKE}](?=\\s*[$\\d.])`);
  const signed = text.replace(sign, "$1\u2212");
  if (!signed.includes("\u2212")) return undefined;
  // No space after the sign: `- 5%` is a YAML list item, and --set reads it as one too (`− 5%` was offered `- 5%`,
  // which failed pasted back; breaker). Money's sign goes before its dollar (`$−5M` is -$5M), where readQuantity
  // looks for it.
  return signed
    .replace(/\u2212\s+/g, "\u2212")
    .replace(/^\$\s*\u2212/, "-$")
    .replace(/\u2212/g, "-");
}

/**
 * The offer for a value whose minus sign the file's notation does not read, when the value with a readable one reads
 * as the dimension's quantity, so that it can be pasted back: a sign of MINUS_LIKE given as an ASCII one (`−5%` read
 * "not a number" with no word of it; breaker), or money's ASCII minus after its dollar put before it (`$-5M`: -$5M,
 * where readQuantity reads it; it had no hint where `$–5`, with an en dash, was offered -$5; breaker).
 */
function signOffer(text: string, dimension: Dimension): {hint?: string; offers?: QuantityOffer[]} {
  const ascii = asciiMinus(text);
  if (ascii !== undefined) {
    return offered(
      [{text: ascii, hint: `write it with an ASCII hyphen-minus: ${ascii}`, change: "with an ASCII hyphen-minus"}],
      dimension
    );
  }
  if (!/^\$\s*-\s*[\d.]/.test(text)) return {};
  const moved = text.replace(/^\$\s*-\s*/, "-$");
  return offered(
    [{text: moved, hint: `a sign goes before the dollar: ${moved}`, change: "with the sign before the dollar"}],
    dimension
  );
}

/**
 * The offers for a count or a number of tokens written with a capital K (`16K`, `32K tokens`), which only money reads
 * as a thousand (`$30K`): a count's K may be binary (Llama 3's "16K H100s" are 16,384, an "8K context" 8,192), so it is
 * refused, as the reference says (`k` = 10³, case-sensitive), and both readings are offered: `16k` (16,000), then
 * `16384`. `16K` was told "did you mean k?" where `$30K` was read (breaker). Undefined for any other unit.
 */
function capitalKilo(
  unit: string,
  dimension: Dimension,
  number: string
): {hint?: string; offers?: QuantityOffer[]} | undefined {
  const match = /^K(\s.*)?$/.exec(unit);
  const rest = match?.[1] ?? "";
  if (!match || !DIMENSIONS[dimension].units.has(`k${rest}`)) return undefined;
  const n = Number(number.replace(/,/g, ""));
  const decimal = `${number}k${rest}`;
  const binary = n * 1024;
  const because = "K is a thousand only in money ($30K): a count's K may be 1,024";
  const offers: QuantityOffer[] = [
    {
      text: decimal,
      hint: `${because}; write ${decimal} (${groupThousands(n * KILO)})${
        Number.isSafeInteger(binary) ? `, or ${binary}${rest} if ${number} × 1,024 was meant` : ""
      }`,
      change: "with a lower-case k"
    }
  ];
  if (Number.isSafeInteger(binary)) {
    offers.push({
      text: `${binary}${rest}`,
      hint: `${because}; write ${binary}${rest} if ${number} × 1,024 was meant`,
      change: "as 1,024s"
    });
  }
  return offered(offers, dimension);
}

function normaliseUnit(unit: string): string {
  return unit
    .trim()
    .replace(/\s*\/\s*/g, "/")
    .replace(/\s+/g, " ");
}

/** A hint for `unit`, unknown in `dimension`; `money` is the number as money would write it ("$30k" for "30k"). */
function unitHint(unit: string, dimension: Dimension, money: string): {hint?: string; offers?: QuantityOffer[]} {
  const info = DIMENSIONS[dimension];
  // Money written without its currency ("30k" for $30k, "10M/MW"): the count's letter is money's with a dollar.
  if (info.units.has(`$${unit}`)) return {hint: `did you mean ${money}${unit}?`};
  const capitalK = capitalKilo(unit, dimension, money.replace("$", ""));
  if (capitalK) return capitalK;
  const lower = unit.toLowerCase();
  for (const spelling of info.units.keys()) {
    if (spelling.toLowerCase() === lower) return {hint: `units are case-sensitive: did you mean ${spelling}?`};
  }
  if (unit === "") return {};
  // Money's dimensions (those with a "$" spelling) are where a hint that drops or changes a scale letter gives a
  // valid amount 10³–10¹² times off ("150M$" was offered "$150", "2T USD" "2 k USD"; breaker, two rounds).
  const isMoney = [...info.units.keys()].some((spelling) => spelling.includes("$"));
  // After the dollar, if any ("$2T": unit "$T").
  const scale = isMoney ? /^\$?(bn|[kKmMbBtT])(?![a-z])/.exec(unit)?.[1] : undefined;
  // The currency after the scale ("150M$", "30K$", "5bn$", "12M$/MW", "5M$$"): the dollar moved before the number,
  // when that is a unit of the key; else no hint (k$/h: no scaled price per hour).
  const scaleThenDollar = isMoney ? /^(bn|[kKmMbBT])\s*\$+\s*(.*)$/.exec(unit) : null;
  if (scaleThenDollar) {
    const spelling = `$${scaleThenDollar[1]}${scaleThenDollar[2]}`;
    return info.units.has(spelling) ? {hint: `did you mean ${money}${spelling.slice(1)}?`} : {};
  }
  // A scale or a currency in words, as an author writes prose ("100 million", "18 cents/kWh"; author trial).
  if (/^(thousand|million|billion|trillion)s?\b/i.test(unit)) {
    if (dimension === "money") return {hint: "write the scale as a letter: $30k or 30 kUSD, not 30 thousand USD"};
    if (dimension === "count" || dimension === "tokens") {
      return {hint: "write the scale as k, M, B or T after the number: 100M, not 100 million"};
    }
  }
  // The user's own number in dollars, with the rest of the unit ("8.26 ¢/kWh is 0.0826 USD/kWh"; the hint said "18
  // cents is 0.18 USD" whatever was written: breaker).
  // "c" and "ct" are cents too ("8c/kWh", "8 ct/kWh"): the typo hint offered "$8/kWh", 100 times the price (breaker).
  // Only where the key is money, and in a unit of the key ("8c/kwh": USD/kWh; a batch of "5c" was told 0.05 USD, and
  // an electricity price of "8c" 0.08 USD, which it refuses; second-round breaker).
  const cents = isMoney ? /^(cents?|¢|cts?|c)((?:\/|\s).*)?$/i.exec(unit) : null;
  if (cents) {
    const amount = Number(money.replace(/[$,]/g, ""));
    const rest = (cents[2] ?? "").trim();
    const usdUnit = [...info.units.keys()].find((spelling) => spelling.toLowerCase() === `usd${rest}`.toLowerCase());
    if (!Number.isFinite(amount) || usdUnit === undefined) return {};
    return {
      hint: `write cents as dollars: ${money.replace("$", "")} ${cents[1]}${rest} is ${formatNumber(amount / 100)} ${usdUnit}`
    };
  }
  // `75%%`: one percent sign (the typo hint offered `75 %`, which reads as `75%`, as if the space were the mistake).
  const percents = /^%{2,}(.*)$/.exec(unit);
  if (percents && info.units.has(`%${percents[1]}`)) {
    return {hint: `write one %: ${money.replace("$", "")}%${percents[1]}`};
  }
  // A percentage where a plain number (a ratio) is taken: the number it stands for, since ratios such as a spread of
  // answer lengths are often quoted in percent ("80%" for a CV of 0.8; breaker).
  if (dimension === "plain" && unit === "%") {
    const amount = Number(money.replace(/[$,]/g, ""));
    if (Number.isFinite(amount))
      return {
        hint: `% measures a fraction; as a plain number ${money.replace("$", "")}% is ${formatNumber(amount / 100)}`
      };
  }
  for (const other of Object.values(DIMENSIONS)) {
    if (other.name !== dimension && other.units.has(unit)) return {hint: `${unit} measures ${other.noun}`};
  }
  // An energy is no typo of a power ("30 kWh" is not "30 kW" misspelt): said as another dimension's unit is.
  if (/^[kMGT]?Wh$/.test(unit)) return {hint: `${unit} measures an energy`};
  // A scale letter written against a unit (`4 ktok`, `4ktok`): the spelling with its space, the scale kept (it was
  // offered `4 tok`, 1000 times too few; breaker).
  const number = money.replace("$", "");
  const joined = /^([kMBT])(\S+)$/.exec(unit);
  if (joined && info.units.has(`${joined[1]} ${joined[2]}`))
    return {hint: `did you mean ${number}${joined[1]} ${joined[2]}?`};
  // A binary prefix (`4 Ki`), which no count or number of tokens takes: its value said (it was offered `4 k`, 4000).
  const binary = /^([KMGT])i(?:\s|$)/.exec(unit);
  if (binary) {
    const value = Number(number.replace(/,/g, "")) * 1024 ** ("KMGT".indexOf(binary[1]!) + 1);
    const exact = Number.isSafeInteger(value) ? `: ${number} ${binary[1]}i is ${value}` : "";
    return {hint: `a binary prefix is not taken here${exact}`};
  }
  // A misspelt unit of this dimension ("18 monts"; new-user trial): the closest spelling, with the user's number.
  const typo = closestMatch(
    unit,
    [...info.units.keys()].filter((spelling) => spelling !== "")
  );
  // Never a spelling without the scale written, or with another ("T USD" is no typo of "k USD").
  const keepsScale = (spelling: string) =>
    scale === undefined || spelling.replace(/^\$/, "").toLowerCase().startsWith(scale.toLowerCase());
  if (typo !== undefined && keepsScale(typo)) {
    return {
      hint: `did you mean ${typo.startsWith("$") ? `${typo[0]}${number}${typo.slice(1)}` : `${number} ${typo}`}?`
    };
  }
  return {};
}
