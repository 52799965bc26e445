import {isAlias, isMap, isScalar, isSeq, type Scalar, type YAMLMap} from "yaml";
import {UserError, type UserErrorLocation} from "../../errors/userError.js";
import {truncate} from "../../errors/truncate.js";
import type {Distribution} from "../../uncertainty/distribution.js";
import {lognormalFromInterval, normalFromInterval, validateDistribution} from "../../uncertainty/interval.js";
import {
  asciiMinus,
  DIMENSIONS,
  expectedQuantity,
  formatQuantity,
  infinityOf,
  readQuantity,
  unitFactorOf,
  type Dimension,
  type QuantityReading
} from "../../units/quantity.js";
import {formatBound, formatRange, isInRange, plainNumber, rangeBrackets, type NumberRange} from "../../units/range.js";
import {readDecimal, underflows} from "../../units/decimal.js";
import {pointGroupedWhole} from "../../units/pointGrouped.js";
import {keyReading} from "./countWords.js";
import {CATALOG_ID_PATTERN, isQuantityKey, keyRange, type ScenarioKeyDef} from "./schema.js";
import {catalogIdSpelling, didYouMean, didYouMeanHint, otherCatalogHint, swappedPair} from "../../errors/suggest.js";
import {orList} from "../../units/wordList.js";
import {notAChoice} from "../../errors/notAChoice.js";

/**
 * A scenario value in its key's base unit: a number (a single known value), a string (catalog id or choice), or a
 * distribution. Point distributions are stored as plain numbers, so a Distribution here is never `{kind: "point"}`.
 */
export type ScenarioValue = number | string | Distribution;

/** Where values are read from: a YAML front matter (file, line, column) or a command-line flag. */
export interface ValueSite {
  /** Location of a YAML node, for an error. */
  locate(node: unknown): UserErrorLocation;
  /** The node's text as the user wrote it. */
  text(node: unknown): string;
  /** The node an alias points to (or the node itself). */
  deref(node: unknown): unknown;
  /** Where the anchor (`&a`) of an aliased node is written, when the reader knows; else where the node starts. */
  anchorAt?(node: unknown): UserErrorLocation;
  /** Errors found so far; reading appends to it instead of throwing. */
  errors: UserError[];
  /**
   * The ids of each catalog, where the reader has them (`--set`): an id key's hint then offers only one of them
   * (`serving.hardware=H100` was offered h100, no id; breaker). Without them, an id's lowercase form is offered. A
   * function gives them when first asked (a scenario file read before the catalogs), or undefined when it cannot.
   */
  catalogIds?: CatalogIds | (() => CatalogIds | undefined);
}

/** The ids of the hardware and model catalogs, as an id key's `catalog` names them. */
export type CatalogIds = Readonly<Partial<Record<"hardware" | "models", readonly string[]>>>;

/** Distribution kinds an author may write in `{dist: …}`, and the parameter sets each accepts. */
export const DISTRIBUTION_PARAMETERS = {
  point: [["value"]],
  uniform: [["min", "max"]],
  normal: [
    ["p5", "p95"],
    ["mean", "sd"]
  ],
  lognormal: [["p5", "p95"]],
  triangular: [["min", "mode", "max"]]
} as const satisfies Record<Distribution["kind"], readonly (readonly string[])[]>;

type AuthorKind = keyof typeof DISTRIBUTION_PARAMETERS;
const AUTHOR_KINDS = Object.keys(DISTRIBUTION_PARAMETERS) as AuthorKind[];

/** `low to high`: a 90% interval. */
const INTERVAL = /^(.*?\S)\s+to\s+(\S.*)$/;

/**
 * `low–high`, optionally followed by `(90% interval)`: a range as formatAssumption writes it in the assumptions tables
 * ("45–75% (90% interval)", "0.8–1.2×", "$150–500M", "−$5M – $3M"). Not accepted as input: a file takes one notation
 * for a 90% interval, `to`, the one share links and `--set` take, and the table's form drops what the scale word of a
 * money range applies to. A hyphen for the dash (`45%-75%`) is the same mistake: see hyphenRange.
 */
const TABLE_RANGE = /^(.*?\S)\s*[\u2013\u2014]\s*(\S.*?)(?:\s*\(90% interval\))?$/;

/**
 * `low-high` with an ASCII hyphen for the table's dash (`45%-75%`, `$150-500M`, `36-60 months`): the two ends, when
 * a hyphen stands between two values that read as the key's quantity (tableRangeEnds); else undefined. A hyphen may
 * also be a minus sign or an exponent's (`-5`, `1e-3`), so it is a range only where both sides read whole, and only
 * for a text that did not read as one value.
 */
function hyphenRange(text: string, dimension: Dimension): [string, string] | undefined {
  const range = text.trim().replace(/\s*\(90% interval\)$/, "");
  for (let at = range.indexOf("-", 1); at > 0; at = range.indexOf("-", at + 1)) {
    const lowText = range.slice(0, at).trim();
    const highText = range.slice(at + 1).trim();
    if (/[\d.][eE]$/.test(lowText) || lowText === "" || highText === "") continue; // `1e-3`: an exponent's sign
    if (tableRangeEnds(dimension, lowText, highText)) return [lowText, highText];
  }
  return undefined;
}

/**
 * The two ends of a table's range `low–high` in the file's notation, when they read as the key's quantity: `45%`,
 * `75%`; `0.8`, `1.2×`; `$150M`, `$500M` (a money range writes its scale word once, on the high end). The tables write
 * a negative end with a minus sign, U+2212, which the file's notation does not read: it is given an ASCII one, as a
 * dash typed for one is (asciiMinus: `‑10%–40%` with a non-breaking hyphen had no value offered; breaker).
 */
function tableRangeEnds(dimension: Dimension, lowText: string, highText: string): [string, string] | undefined {
  const ascii = (text: string) => asciiMinus(text.trim()) ?? text.trim();
  const [lowAscii, highAscii] = [ascii(lowText), ascii(highText)];
  const money = /^-?\$[\d.,]+[kMBT]?$/.test(lowAscii);
  const scale = /^-?\$?[\d.,]+([kMBT])$/.exec(highAscii)?.[1];
  let low = money && scale && !/[kMBT]$/.test(lowAscii) ? `${lowAscii}${scale}` : lowAscii;
  const high = money && /^-?[\d.,]+[kMBT]?$/.test(highAscii) ? highAscii.replace(/^(-?)/, "$1$$") : highAscii;
  // A percent range's sign, written once after the high end (`45–75%`), is given to the low end too, as a money
  // range's scale word is: the hint for `45–75%` read `45 to 75%`, beside `45% to 75%` for the `45%–75%` the tables
  // wrote before and the README's promise of the latter (breaker).
  if (/^-?[\d.,]+(?:e[-+]?\d+)?%/i.test(high) && /^-?[\d.,]+(?:e[-+]?\d+)?$/i.test(low)) low = `${low}%`;
  const highReading = readQuantity(high, dimension);
  if (!highReading.ok || !readQuantity(low, dimension, {bareUnit: highReading.unit}).ok) return undefined;
  return [low, high];
}

/**
 * The error for a range written as the tables write it, with a hint that is valid when pasted back: the range in the
 * file's notation, its low end first; where even that is refused (out of the key's range), why, and no value to paste.
 */
function tableRangeError(def: ScenarioKeyDef & {type: Dimension}, lowText: string, highText: string, found: string) {
  const hint = (): string => {
    if (!def.distribution) return `${def.path} cannot be uncertain: write one value`;
    const ends = tableRangeEnds(def.type, lowText, highText);
    if (!ends) return "write its two ends joined by `to`, each with its unit";
    let [low, high] = ends;
    let refusal = intervalRefusal(def, low, high);
    const swapped = refusal?.message === "inverted bounds" && refusal.hint === "swap the bounds";
    if (swapped) {
      [low, high] = [high, low];
      refusal = intervalRefusal(def, low, high);
    }
    const suggestion = `\`${low} to ${high}\``;
    const first = swapped ? ", the low end first" : "";
    if (!refusal) return `write it ${suggestion}${first}`;
    const why = `${refusal.message}${refusal.expected ? `, expected ${refusal.expected}` : ""}`;
    const more = refusal.hint ? `; ${refusal.hint}` : "";
    return `written ${suggestion}${first && `${first},`} it is refused too: ${why}${more}`;
  };
  return {
    message: "a range written as the tables write it",
    expected: def.distribution
      ? "a 90% interval `low to high`, two ends joined by `to`, or a single value"
      : `a single value: ${expectedFor(def)}`,
    found,
    hint: hint()
  };
}

/** Why `low to high` would be refused as the key's 90% interval, or undefined when it reads. */
function intervalRefusal(def: ScenarioKeyDef & {type: Dimension}, low: string, high: string) {
  let refusal: Parameters<Fail>[1] | undefined;
  readInterval(def, def.type, low, high, `${low} to ${high}`, undefined, (_at, detail) => {
    refusal ??= detail;
    return undefined;
  });
  return refusal;
}

/**
 * A list of two plain values (`[0.4, 0.6]`) for a key that may be uncertain, written as the 90% interval it most
 * likely means (`0.4 to 0.6`), or undefined: the list was told only "found a list", and `--set` was told to drop the
 * brackets or quote the value, neither of which reads (breaker).
 */
export function listAsInterval(def: ScenarioKeyDef, node: unknown): string | undefined {
  if (!def.distribution || !isSeq(node) || node.items.length !== 2) return undefined;
  const ends = node.items.map((item) =>
    isScalar(item) && (typeof item.value === "number" || typeof item.value === "string")
      ? (item.source ?? String(item.value)).trim()
      : undefined
  );
  return ends.every((end) => end) ? `${ends[0]} to ${ends[1]}` : undefined;
}

/** Reads the value of one key, or returns undefined after appending the errors to `site.errors`. */
export function readValue(def: ScenarioKeyDef, node: unknown, site: ValueSite): ScenarioValue | undefined {
  if (isAlias(node)) return readAliased(def, node, site);
  const value = site.deref(node);
  const fail = (at: unknown, detail: Omit<ConstructorParameters<typeof UserError>[0], "path">): undefined => {
    site.errors.push(new UserError({...site.locate(at), path: def.path, ...detail}));
    return undefined;
  };
  if (!isQuantityKey(def)) return readText(def, node, value, site, fail);
  if (isMap(value)) {
    if (!def.distribution) return fail(node, notUncertain(def, mapText(value as YAMLMap, site)));
    return readDistribution(def, def.type, value as YAMLMap, site, fail);
  }
  if (!isScalar(value) || (typeof value.value !== "number" && typeof value.value !== "string")) {
    const interval = listAsInterval(def, value);
    return fail(node, {
      message: "wrong type",
      expected: expectedFor(def),
      found: describeFound(value, site.text(node)),
      ...(interval ? {hint: `a 90% interval is written with "to": ${def.path.split(".").pop()}: ${interval}`} : {})
    });
  }
  const scalar = value as Scalar<number | string>;
  const interval = typeof scalar.value === "string" ? INTERVAL.exec(scalar.value.trim()) : null;
  if (interval) {
    if (!def.distribution) return fail(node, notUncertain(def, site.text(node)));
    const [low, high] = [interval[1] ?? "", interval[2] ?? ""];
    return readInterval(def, def.type, low, high, site.text(node), node, intervalMinusHint(def, low, high, fail));
  }
  // `45–75% (90% interval)`, `0.8–1.2×`: a range as the assumptions tables and the sliders write it, copied back. It
  // read as a wrong unit with no word of the `to` a file takes (reader's audit): named, with the value rewritten.
  // Its low end holds a digit: in `$–5` the dash is a sign typed as an en dash, readQuantity's to tell (breaker).
  const tableRange = typeof scalar.value === "string" ? TABLE_RANGE.exec(scalar.value.trim()) : null;
  if (tableRange && /\d/.test(tableRange[1] ?? ""))
    return fail(node, tableRangeError(def, tableRange[1] ?? "", tableRange[2] ?? "", site.text(node)));
  // `0.7 to` or `to 0.9`: an interval missing an end, which read as a wrong unit (breaker).
  // `45%–` or `45%-`: the same, the dash of the tables' range (a hint offered `45 %`, the same value; breaker).
  if (typeof scalar.value === "string" && /^to(\s|$)|\sto$|\d\S*?\s*[-\u2010-\u2014]$/.test(scalar.value.trim())) {
    return fail(node, {
      message: "an interval missing an end",
      expected: def.distribution ? "a 90% interval `low to high`, or a single value" : expectedFor(def),
      found: site.text(node)
    });
  }
  // `serving.batch: 1.000`, a thousand grouped with a point, is refused: a decimal reading took it as 1 (breaker).
  const text = typeof scalar.value === "string" ? scalar.value : site.text(node);
  const grouped = def.integer ? pointGroupedWhole(text, ...wholeOffers(def, def.type)) : undefined;
  if (grouped) return fail(node, {...grouped, expected: expectedFor(def), found: site.text(node)});
  const reading = readQuantity(asWritten(scalar, site), def.type, keyReading(def));
  // `45%-75%`, `36-60 months`: the table's range with a hyphen, which read as a wrong unit, and `36 months` was
  // offered for the second, dropping the high end (breaker).
  const hyphen = !reading.ok && typeof scalar.value === "string" ? hyphenRange(scalar.value, def.type) : undefined;
  if (hyphen) return fail(node, tableRangeError(def, hyphen[0], hyphen[1], site.text(node)));
  // A number YAML read as ±Infinity (a thousand digits) is reported as written, not as "Infinity".
  if (!reading.ok) {
    return fail(node, quantityError(def, {...reading, found: foundText(scalar, site, reading.found)}));
  }
  return checkPoint(def, def.type, reading.value, node, site.text(node), fail);
}

/**
 * `fail` for an interval with the tables' minus sign (`−$5M to $3M`), whose end readQuantity was told `-$5M`: the
 * hint is the whole interval with ASCII minus signs when that reads as the key's, else why it is refused too.
 */
function intervalMinusHint(def: ScenarioKeyDef & {type: Dimension}, low: string, high: string, fail: Fail): Fail {
  const [lowAscii, highAscii] = [asciiMinus(low.trim()), asciiMinus(high.trim())];
  if (lowAscii === undefined && highAscii === undefined) return fail;
  const ascii = `${lowAscii ?? low.trim()} to ${highAscii ?? high.trim()}`;
  const refusal = intervalRefusal(def, lowAscii ?? low, highAscii ?? high);
  const hint = !refusal
    ? `write it with an ASCII hyphen-minus: ${ascii}`
    : `written ${ascii} with an ASCII hyphen-minus, it is refused too: ${refusal.message}${refusal.expected ? `, expected ${refusal.expected}` : ""}`;
  return (at, detail) => fail(at, {...detail, hint});
}

/**
 * Why the key refuses `text`, a value that reads as its quantity (not a whole number, out of its range), or undefined
 * when it takes it.
 */
function pointRefusal(def: ScenarioKeyDef & {type: Dimension}, text: string) {
  const reading = readQuantity(text, def.type, keyReading(def));
  if (!reading.ok) return {message: "not a number", expected: expectedFor(def)};
  if (def.integer && !Number.isInteger(reading.value))
    return {message: "not a whole number", expected: expectedFor(def)};
  return isInRange(reading.value, keyRange(def)) ? undefined : outOfRange(def, def.type, text);
}

/**
 * The hint of a reading readQuantity refused, checked against the key, since a hint must hold when pasted back: the
 * first value it offers that the key takes (`$1,200,00`: `$1,200.00`, else `$120,000`), with that offer's words;
 * where the key takes none, why the first is refused too (`serving.costDeclinePerYear: −5%` was offered -5%, out of
 * its range [0%/yr, 100%/yr]; `hardware.price: $1,2000k` was offered $12,000k, out of its range; breaker). A hint
 * that offers no value is the reading's own.
 */
function checkedHint(
  def: ScenarioKeyDef & {type: Dimension},
  reading: Extract<QuantityReading, {ok: false}>
): string | undefined {
  const offers = reading.offers ?? [];
  const [first] = offers;
  if (!first) return reading.hint;
  const taken = offers.find((offer) => !pointRefusal(def, offer.text));
  if (taken) return taken.hint;
  const refusal = pointRefusal(def, first.text)!;
  return `written ${first.text} ${first.change}, it is refused too: ${refusal.message}, expected ${refusal.expected}`;
}

/**
 * A key set by an alias (`power.pue: *a`) reads as the value the alias stands for. An error about that whole value is
 * placed at the alias, where the key is set, and shows the value the alias stands for: it said `found *a`, which the
 * reader had to look up (breaker). An error inside an anchored map (a distribution's parameter) is placed at the alias
 * too, the key's line: it stood at the anchor's parameter, so that the key set through the alias seemed fine and the
 * anchor's key in error twice (tester). Both say where the anchor is (throughAlias): a scalar's said only `0.5 (*a)`
 * where a map's named its anchor's line (breaker).
 */
function readAliased(def: ScenarioKeyDef, alias: unknown, site: ValueSite): ScenarioValue | undefined {
  const target = site.deref(alias);
  const at = site.locate(alias);
  const errors: UserError[] = [];
  const locate = (node: unknown) => (node === target ? at : site.locate(node));
  const value = readValue(def, target, {...site, errors, locate});
  const name = site.text(alias).trim();
  const atAlias = (error: UserError) =>
    (["file", "line", "column", "flag"] as const).every((part) => error.detail[part] === at[part]);
  const anchor = site.anchorAt?.(target) ?? site.locate(target);
  for (const error of errors) {
    const {found} = error.detail;
    const whole = atAlias(error) && found ? new UserError({...error.detail, found: wholeValue(found, target)}) : error;
    site.errors.push(throughAlias(whole, at, name, anchor));
  }
  return value;
}

/**
 * `error`, found inside the value an alias stands for, placed at the alias (`at`, where the key is set) with a hint
 * naming the alias and the line of its anchor: `through alias *d, whose anchor &d is on line 6`.
 */
export function throughAlias(error: UserError, at: UserErrorLocation, alias: string, anchor: UserErrorLocation) {
  const through = aliasHint(alias, anchor);
  const {hint} = error.detail;
  return new UserError({...error.detail, ...at, hint: hint ? `${hint}; ${through}` : through});
}

/** The hint for a value an alias stands for: `through alias *d, whose anchor &d is on line 6`. */
function aliasHint(alias: string, anchor: UserErrorLocation): string {
  return `through alias ${alias}, whose anchor &${alias.replace(/^\*/, "")} is on line ${anchor.line}`;
}

/**
 * What an error shows it found at `node` (an id, a title, a group, sources): `show` of the text as written, or for an
 * alias, of the text of the value it stands for (a map's in braces, wholeValue) with a hint naming the alias and its
 * anchor's line, as a key's value names them (throughAlias). `id: *a` said `found *a`, then `found 'bad id!' (*a)`,
 * without the anchor's line a key's value gave (breaker). The caller adds `hint` after a hint of its own.
 */
export function foundAt(
  node: unknown,
  site: Pick<ValueSite, "text" | "deref" | "locate" | "anchorAt">,
  show: (text: string) => string = (text) => text
): {found: string; hint?: string} {
  if (!isAlias(node)) return {found: show(site.text(node))};
  const target = site.deref(node);
  const anchor = site.anchorAt?.(target) ?? site.locate(target);
  return {found: wholeValue(show(site.text(target)), target), hint: aliasHint(site.text(node).trim(), anchor)};
}

/** A found value as the whole value an alias stands for: a map's parameters in braces, `{p5: 0.9, p95: 0.1}`. */
function wholeValue(found: string, target: unknown): string {
  return isMap(target) && !/^(\{|a map )/.test(found) ? `{${found}}` : found;
}

/**
 * A key's value as the reader sees it, for its assumption's `written` (`run --json`, the pages' assumptions tables):
 * a text as YAML reads it, without the file's quotes and escapes (`"$1.2B"` is `$1.2B`), the value an alias stands for
 * (`*a` is the anchored `0.5`), a number or a distribution's map as the author wrote it (`1e6` stays `1e6`), on one
 * line without spaces at its ends (oneLine).
 */
export function writtenValue(node: unknown, site: ValueSite): string {
  const value = site.deref(node);
  const text = isScalar(value) && typeof value.value === "string" ? value.value : site.text(value);
  return oneLine(text);
}

/**
 * A value's text with its ends trimmed and each line break or tab, with the spaces beside it, one space: what a
 * reader of the key reads (readQuantity trims and normalises a value's spacing), never a control character. A quoted
 * `"$12,000\r"` or a block scalar `|` read as $12,000 and was kept as written `$12,000\r` (breaker); a block map's
 * lines are one line, as a flow map writes them.
 */
function oneLine(text: string): string {
  return text.trim().replace(/\s*[\t\n\v\f\r\u0085\u2028\u2029]\s*/g, " ");
}

/**
 * A map's text for a message, on one line as a flow map writes it: a block map `pue: 1.3` over lines is `{pue: 1.3,
 * inlet: 3}`, its comments left out; a flow map as written, on one line. A block map read `found "pue: 1.3\n    inlet:
 * 3\n"`, and through an alias `"{pue: 1.3\n}"` (breaker).
 */
export function mapText(map: YAMLMap, site: Pick<ValueSite, "text">): string {
  if (map.flow) return oneLine(site.text(map));
  const item = (node: unknown) => (isMap(node) ? mapText(node as YAMLMap, site) : oneLine(site.text(node)));
  return `{${map.items.map((pair) => `${item(pair.key)}: ${item(pair.value)}`.trim()).join(", ")}}`;
}

/**
 * A scalar's value for readQuantity: a number YAML read from a hex or octal literal (`0x10` → 16, `0o7` → 7, YAML 1.2's
 * core schema) is given as written, so that it is "not a number" like `--set serving.batch=0x10`: a quantity is
 * written in decimal, and 16 read silently from 0x10 would be a value the author may not have meant.
 */
function asWritten(scalar: Scalar<number | string>, site: ValueSite): number | string {
  // A number YAML read as 0 from nonzero digits (`1e-400`) as written, for readQuantity to refuse (underflows); and
  // YAML's own `.nan` and `.inf`, which are "not a number" as `--set …=NaN` is (`.nan` read "out of range"; breaker).
  const text = site.text(scalar);
  return typeof scalar.value === "number" &&
    (scalar.format === "HEX" ||
      scalar.format === "OCT" ||
      underflows(text, scalar.value) ||
      /^[-+]?\.(nan|inf)$/i.test(text.trim()))
    ? text
    : scalar.value;
}

/**
 * A scalar readQuantity refused, as an error shows it: a number as the author wrote it (not "Infinity" for `1e400`);
 * a plain text written over lines as written, its line breaks then escaped by the message (`found "1\n2"`), where YAML
 * folds them to spaces (`--set $'serving.utilization=1\n2'` read "found 1 2"; breaker); else readQuantity's `found`.
 */
function foundText(scalar: Scalar<number | string>, site: ValueSite, found: string): string {
  const written = site.text(scalar);
  if (typeof scalar.value === "number") return written || found;
  // Only a plain scalar: a block scalar (`|`) keeps its line breaks in its value, which the message escapes.
  return scalar.type === "PLAIN" && /[\r\n]/.test(written) ? written.trim() : found;
}

type Fail = (at: unknown, detail: Omit<ConstructorParameters<typeof UserError>[0], "path">) => undefined;

function readText(def: ScenarioKeyDef, node: unknown, value: unknown, site: ValueSite, fail: Fail): string | undefined {
  const found = site.text(node);
  // A distribution (`{dist: …}`) for a choice or an id is told it cannot be one, as a number key that cannot be
  // uncertain is: it read "not one of the choices: … found a map {dist: point, value: fp8}" (breaker).
  if (isMap(value) && (value as YAMLMap).has("dist"))
    return fail(node, notUncertain(def, mapText(value as YAMLMap, site)));
  const text = isScalar(value) && (typeof value.value === "string" || typeof value.value === "number") ? found : null;
  // So is an interval between two of its values (`bf16 to fp8`, `h100-sxm to b200`): it read "not one of the choices".
  const ends = isScalar(value) && typeof value.value === "string" ? INTERVAL.exec(value.value.trim()) : null;
  const isValue = (end: string) =>
    def.type === "choice" ? (def.choices ?? []).includes(end) : CATALOG_ID_PATTERN.test(end);
  if (ends && isValue(ends[1]!) && isValue(ends[2]!)) return fail(node, notUncertain(def, found));
  if (def.type === "choice") {
    const choices = def.choices ?? [];
    const choice = isScalar(value) && typeof value.value === "string" ? value.value : undefined;
    if (choice !== undefined && choices.includes(choice)) return choice;
    // A choice written by the name a reader knows it by ("TensorRT-LLM", as the pages write it) is told its value.
    // A process node written in nanometres ("5nm", "5 nm", "N5") is told its id, n5: "5nm" was offered n7 (new user).
    // Quotes are the file's, not the value's ("5nm" quoted had no hint); a node without a wafer price (2nm, n2) gets no
    // guess rather than its nearest id by spelling (n28 for n2; second-round breaker).
    const unquoted = text === null ? null : text.replace(/^(["'])(.*)\1$/, "$2");
    const nanometres =
      unquoted !== null && choices.some((choice) => /^n\d+$/.test(choice))
        ? /^n?(\d+)(\.0+)?(nm)?$/.exec(unquoted.toLowerCase().replace(/\s+/g, ""))
        : null;
    // TSMC prices its 16 and 12 nm processes as one family (waferPrices.ts: "16/12 nm"), which the table calls n16.
    const nodeId = nanometres ? `n${nanometres[1] === "12" ? "16" : nanometres[1]}` : undefined;
    const processNode = nodeId !== undefined && choices.includes(nodeId) ? nodeId : undefined;
    const named =
      unquoted !== null
        ? (Object.entries(def.choiceNames ?? {}).find(
            ([, name]) => name.toLowerCase() === unquoted.toLowerCase()
          )?.[0] ?? processNode)
        : undefined;
    const hint =
      named !== undefined
        ? `${unquoted} is written ${named} in a scenario${named === "n16" && /12/.test(unquoted ?? "") ? " (16/12 nm, one wafer price)" : ""}`
        : unquoted !== null && nanometres === null
          ? didYouMean(unquoted, choices)
          : undefined;
    return fail(node, {
      ...notAChoice(choices),
      found: describeFound(value, found),
      ...(hint ? {hint} : {})
    });
  }
  const id = isScalar(value) && typeof value.value === "string" ? value.value : text;
  if (id !== null && CATALOG_ID_PATTERN.test(id)) return id;
  // An id in capitals ("H200-SXM") is told its lowercase form, which the catalog lookup then checks (author trial),
  // and one with a look-alike dash (h100\u2011sxm, pasted from a document) its ASCII form (breaker); one with spaces,
  // underscores or fullwidth letters (`h100 sxm`, `ｈ１００`) its hyphenated, NFKC form (catalogIdSpelling).
  const lower = id === null ? undefined : catalogIdSpelling(id);
  const catalogIds = typeof site.catalogIds === "function" ? site.catalogIds() : site.catalogIds;
  const ids = def.catalog === undefined ? undefined : catalogIds?.[def.catalog];
  // The other catalog's id in capitals (`serving.hardware: LLAMA-3.1-70B`): the keys swapped, as bindScenario says
  // of one in lowercase (it was offered 'a100-sxm-40gb').
  const other = def.catalog === "hardware" ? "models" : "hardware";
  const otherIds = def.catalog === undefined ? undefined : catalogIds?.[other];
  const swapped =
    lower === undefined || otherIds === undefined || ids?.includes(lower)
      ? undefined
      : otherCatalogHint(
          lower,
          otherIds.map((id) => ({id})),
          other === "models" ? "model" : "hardware",
          swappedPair(def.path)
        );
  // Text with no id's shape (`h100 sxm`) is offered the catalog's closest ids, as an unknown id is: it had none. Text
  // with no letter or digit (`-`) is like no id, and its "closest" were arbitrary ('b200', 'gb200' or 'tpu-v3'; trial).
  const hint =
    lower === undefined
      ? undefined
      : !CATALOG_ID_PATTERN.test(lower)
        ? ids && /[\p{L}\p{N}]/u.test(lower)
          ? didYouMeanHint(lower, ids)
          : undefined
        : (swapped ??
          (ids === undefined || ids.includes(lower) ? `did you mean ${lower}?` : didYouMeanHint(lower, ids)));
  return fail(node, {
    message: "not a catalog id",
    expected: "a catalog id in lowercase kebab-case, like h100-sxm or llama-3.1-70b",
    found: describeFound(value, found),
    ...(hint ? {hint} : {})
  });
}

/**
 * A bare number written with a unit as the scenario file would write it: money's sign first ("$20k", not "20$k"), a
 * scale letter against the number ("500k tokens", not "500 k tokens"), a word after a space ("50 USD/kWh"), a plural
 * noun singular for one ("1 year", not "1 years", where a dimension reads both alike).
 */
export function withUnit(number: string, unit: string): string {
  if (unit.startsWith("$")) return `$${number}${unit.slice(1)}`;
  if (/^[kMBT](\s|$)/.test(unit) || !/^[A-Za-z]/.test(unit)) return `${number}${unit}`;
  return `${number} ${/^\+?1$/.test(number) ? singularUnit(unit) : unit}`;
}

/** "year" for "years" where a dimension reads the two alike (durations, tokens); else the unit as it is. */
function singularUnit(unit: string): string {
  const singular = unit.replace(/s$/, "");
  const same = Object.values(DIMENSIONS).some(({units}) => units.has(unit) && units.get(singular) === units.get(unit));
  return /^[a-z]+s$/.test(unit) && same ? singular : unit;
}

function readInterval(
  def: ScenarioKeyDef,
  dimension: Dimension,
  lowText: string,
  highText: string,
  written: string,
  node: unknown,
  fail: Fail
): ScenarioValue | undefined {
  // `0.5 to 0.6 to 0.7` is no interval: its "high end" `0.6 to 0.7` read as a wrong unit (breaker).
  if (INTERVAL.test(highText.trim())) {
    return fail(node, {
      message: "not an interval",
      expected: "a 90% interval `low to high`, two ends joined by one `to`",
      found: written
    });
  }
  const high = readQuantity(highText, dimension, keyReading(def));
  if (!high.ok) return fail(node, intervalOffer(def, lowText, highText, written) ?? quantityError(def, high));
  // A bare low end takes the high end's unit: `600 to 800 W` is 600 W to 800 W.
  const low = readQuantity(lowText, dimension, {...keyReading(def), bareUnit: high.unit});
  if (!low.ok) return fail(node, intervalOffer(def, lowText, highText, written) ?? quantityError(def, low));
  // Said where it decides an error: `100 to 50B` read as 100B to 50B, "inverted", and `0.4 to 60%` as 0.4% to 60%
  // (breaker: neither message said how the low end was read).
  const alone = readQuantity(lowText, dimension, keyReading(def));
  const borrowed =
    high.unit !== "" && alone.ok && alone.unit === "" && alone.value !== low.value
      ? `the bare low end ${lowText.trim()} was read as ${withUnit(lowText.trim(), high.unit)}, the high end's unit; write a unit on each end`
      : undefined;
  if (!(low.value < high.value)) {
    return fail(node, {
      // Equal ends are no interval, not an inverted one (`600 to 600` read "inverted bounds"; breaker).
      message: low.value === high.value ? "equal bounds" : "inverted bounds",
      expected: "a 90% interval `low to high` with low < high",
      found: written,
      hint: borrowed ?? (low.value === high.value ? "write a single value for a known quantity" : "swap the bounds")
    });
  }
  const range = keyRange(def);
  for (const end of [low.value, high.value]) {
    if (!isInRange(end, range)) {
      const error = outOfRange(def, dimension, written);
      return fail(node, borrowed && end === low.value ? {...error, hint: borrowed} : error);
    }
  }
  const dist =
    range.min >= 0 && low.value > 0
      ? lognormalFromInterval({p5: low.value, p95: high.value})
      : normalFromInterval({p5: low.value, p95: high.value});
  return canonical(dist, node, fail);
}

/**
 * The error for an interval whose ends readQuantity offers another value for (`0,45 to 0,75`: a decimal comma), with
 * the whole interval offered, each end as offered (`0.45 to 0.75`), or why that is refused too: it named the high end
 * only (breaker). Undefined when an end that fails has no offer.
 */
function intervalOffer(def: ScenarioKeyDef, lowText: string, highText: string, written: string) {
  if (!isQuantityKey(def)) return undefined;
  const ends = [lowText.trim(), highText.trim()].map((text) => {
    const reading = readQuantity(text, def.type, keyReading(def));
    return reading.ok
      ? {text}
      : reading.offers?.[0]
        ? {text: reading.offers[0].text, offer: reading.offers[0]}
        : undefined;
  });
  const [low, high] = ends;
  const offer = low?.offer ?? high?.offer;
  if (!low || !high || !offer) return undefined;
  const pasted = `${low.text} to ${high.text}`;
  const refusal = intervalRefusal(def, low.text, high.text);
  const at = offer.hint.lastIndexOf(offer.text);
  const hint = !refusal
    ? `${offer.hint.slice(0, at)}\`${pasted}\`${offer.hint.slice(at + offer.text.length)}`
    : `written \`${pasted}\` ${offer.change}, it is refused too: ${refusal.message}${refusal.expected ? `, expected ${refusal.expected}` : ""}`;
  const reading = readQuantity(low.offer ? lowText : highText, def.type, keyReading(def));
  return {...quantityError(def, reading as Extract<QuantityReading, {ok: false}>), found: written, hint};
}

function readDistribution(
  def: ScenarioKeyDef,
  dimension: Dimension,
  map: YAMLMap,
  site: ValueSite,
  fail: Fail
): ScenarioValue | undefined {
  const written = mapText(map, site);
  const entries = new Map<string, {key: unknown; value: unknown}>();
  let ok = true;
  for (const pair of map.items) {
    const key = site.deref(pair.key);
    if (!isScalar(key) || typeof key.value !== "string") {
      fail(pair.key ?? map, {
        message: "distribution parameter must be a name",
        expected: "dist, min, max, mode, p5, p95, mean, sd or value",
        found: describeFound(key, site.text(pair.key))
      });
      ok = false;
      continue;
    }
    entries.set(key.value, {key: pair.key, value: pair.value});
  }
  const distEntry = entries.get("dist");
  const distNode = distEntry ? site.deref(distEntry.value) : undefined;
  const kind = isScalar(distNode) && typeof distNode.value === "string" ? distNode.value : undefined;
  if (!distEntry || kind === undefined || !(AUTHOR_KINDS as string[]).includes(kind)) {
    const found = distEntry ? site.text(distEntry.value) : written;
    const hint = kind !== undefined ? didYouMean(kind, AUTHOR_KINDS) : undefined;
    return fail(distEntry?.value ?? map, {
      message: distEntry ? "unknown distribution" : "missing dist",
      expected: `{dist: ${AUTHOR_KINDS.join(" | ")}, …}`,
      found,
      ...(hint ? {hint} : {})
    });
  }
  const authorKind = kind as AuthorKind;
  const sets: readonly (readonly string[])[] = DISTRIBUTION_PARAMETERS[authorKind];
  const allowed = [...new Set(sets.flat())];
  const given = [...entries.keys()].filter((name) => name !== "dist");
  // A misspelt parameter is most likely one of those still missing (`p9` → p95 when p5 is there).
  const candidates = [...allowed.filter((name) => !entries.has(name)), ...allowed.filter((name) => entries.has(name))];
  for (const name of given) {
    if (!allowed.includes(name)) {
      const hint = didYouMean(name, candidates);
      fail(entries.get(name)?.key, {
        message: `unknown ${authorKind} parameter`,
        expected: orList(allowed.map((p) => `${p}`)),
        found: name,
        ...(hint ? {hint} : {})
      });
      ok = false;
    }
  }
  if (!ok) return undefined;
  const set = sets.find((candidate) => given.some((name) => candidate.includes(name))) ?? sets[0] ?? [];
  const mixed = given.filter((name) => allowed.includes(name) && !set.includes(name));
  const missing = set.filter((name) => !entries.has(name));
  if (mixed.length || missing.length) {
    return fail(map, {
      message: mixed.length ? "mixed parameter sets" : "missing parameter",
      expected: `${sets.map((s) => `{dist: ${authorKind}, ${s.join(", ")}}`).join(" or ")}`,
      found: written
    });
  }

  const values: Record<string, number> = {};
  const raws: Record<string, string> = {};
  const range = keyRange(def);
  for (const name of set) {
    const entry = entries.get(name);
    const node = site.deref(entry?.value);
    raws[name] = site.text(entry?.value);
    if (!isScalar(node) || (typeof node.value !== "number" && typeof node.value !== "string")) {
      fail(entry?.value ?? map, {
        message: `wrong type for ${name}`,
        expected: expectedQuantity(dimension),
        found: describeFound(node, site.text(entry?.value))
      });
      ok = false;
      continue;
    }
    const scalar = node as Scalar<number | string>;
    const reading = readQuantity(asWritten(scalar, site), dimension, keyReading(def));
    if (!reading.ok) {
      // As written, as a value's own: `sd: 1e400` read "found Infinity", where `demand.users: 1e400` gave 1e400 (breaker).
      fail(entry?.value, quantityError(def, {...reading, found: foundText(scalar, site, reading.found)}));
      ok = false;
      continue;
    }
    values[name] = reading.value;
    // Every parameter but the spread is a value the key can take, so it must lie in the key's range.
    if (name !== "sd" && !isInRange(reading.value, range)) {
      fail(entry?.value, outOfRange(def, dimension, raws[name] ?? ""));
      ok = false;
    }
  }
  if (!ok) return undefined;

  const v = (name: string) => values[name] ?? NaN;
  const shown = (...names: string[]) => names.map((name) => `${name}: ${raws[name] ?? ""}`).join(", ");
  const inverted = (lowName: string, highName: string, expected: string) =>
    fail(map, {
      message: v(lowName) === v(highName) ? "equal bounds" : "inverted bounds",
      expected,
      found: shown(lowName, highName),
      hint: v(lowName) === v(highName) ? "write a single value for a known quantity" : "swap the bounds"
    });
  switch (authorKind) {
    case "point":
      return v("value");
    case "uniform":
      if (!(v("min") < v("max"))) return inverted("min", "max", "min < max");
      return canonical({kind: "uniform", min: v("min"), max: v("max")}, map, fail);
    case "triangular":
      if (!(v("min") < v("max"))) return inverted("min", "max", "min <= mode <= max, with min < max");
      if (!(v("min") <= v("mode") && v("mode") <= v("max"))) {
        return fail(map, {
          message: "mode outside [min, max]",
          expected: "min <= mode <= max",
          found: shown("min", "mode", "max")
        });
      }
      return canonical({kind: "triangular", min: v("min"), mode: v("mode"), max: v("max")}, map, fail);
    case "normal":
      if (set.includes("sd")) {
        if (!(v("sd") > 0)) {
          return fail(entries.get("sd")?.value, {
            message: "sd must be positive",
            expected: "sd > 0",
            found: raws.sd ?? ""
          });
        }
        // A spread wider than every value the key can take says nothing a draw clamped to the range could keep:
        // nearly every draw would land on an end (issue 18: sd 1e300 on a share link).
        const width = range.max - range.min;
        if (Number.isFinite(width) && v("sd") > width) {
          return fail(entries.get("sd")?.value, {
            message: "sd wider than the key's range",
            // Grouped as the range beside it is: "at most 1100%/yr, the width of the range [-100%/yr, 1,000%/yr]".
            expected:
              `sd at most ${formatBound(width, dimension)}, ` +
              `the width of the range ${formatRange(range, dimension)}`,
            found: raws.sd ?? ""
          });
        }
        return canonical({kind: "normal", mean: v("mean"), sd: v("sd")}, map, fail);
      }
      if (!(v("p5") < v("p95"))) return inverted("p5", "p95", "p5 < p95");
      return canonical(normalFromInterval({p5: v("p5"), p95: v("p95")}), map, fail);
    case "lognormal":
      if (!(v("p5") < v("p95"))) return inverted("p5", "p95", "p5 < p95");
      if (!(v("p5") > 0)) {
        return fail(entries.get("p5")?.value, {
          message: "a lognormal needs positive values",
          expected: "p5 > 0",
          found: raws.p5 ?? ""
        });
      }
      return canonical(lognormalFromInterval({p5: v("p5"), p95: v("p95")}), map, fail);
  }
}

/** Checks the constructed parameters are finite (an interval of ±1e308 overflows) and turns a failure into an error. */
function canonical(dist: Distribution, node: unknown, fail: Fail): Distribution | undefined {
  try {
    return validateDistribution(dist);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    const {message, expected, found, hint} = error.detail;
    return fail(node, {message, ...(expected ? {expected} : {}), ...(found ? {found} : {}), ...(hint ? {hint} : {})});
  }
}

function checkPoint(
  def: ScenarioKeyDef,
  dimension: Dimension,
  value: number,
  node: unknown,
  written: string,
  fail: Fail
): number | undefined {
  if (def.integer && !Number.isInteger(value)) {
    return fail(node, {message: "not a whole number", expected: expectedFor(def), found: written});
  }
  if (!isInRange(value, keyRange(def))) return fail(node, outOfRange(def, dimension, written));
  return value;
}

/**
 * pointGroupedWhole's arguments for a whole-number key: what its range takes, and the factor of each unit of its
 * dimension (a key of tokens takes `1.000 tokens`, told as `1.000` is).
 */
export function wholeOffers(
  def: ScenarioKeyDef,
  dimension: Dimension
): [(value: number) => boolean, (unit: string) => number | undefined] {
  return [(value) => isInRange(value, keyRange(def)), unitFactorOf(dimension)];
}

/** What a value of the key looks like: "a power in W, kW or MW", "a whole count like 16384 or 16k". */
export function expectedFor(def: ScenarioKeyDef): string {
  if (def.type === "choice") return notAChoice(def.choices ?? []).expected;
  if (def.type === "id") return "a catalog id in lowercase kebab-case, like h100-sxm";
  const text = expectedQuantity(def.type);
  return def.integer ? `a whole number: ${text}` : text;
}

/**
 * The error detail for a value of `def` out of its range, as a scenario file, `--set` and a flag that sets the key
 * (src/cli/flags.ts, keyFlag) report it: "out of range", expected "an electricity price in [0 USD/kWh, 10 USD/kWh]",
 * found as written. A bare number that one other unit of the key's dimension would put in range is told that unit
 * (`power.electricity: 82.6`: "did you mean 82.6 USD/MWh?", the default's 0.0826 USD/kWh written per MWh); a fraction
 * written as a percentage without its sign, the percentage.
 */
export function outOfRange(def: ScenarioKeyDef, dimension: Dimension, written: string) {
  const range = keyRange(def);
  const meant = likelyMeant(dimension, written, range);
  const hint = meant === undefined ? undefined : `did you mean ${meant}?`;
  // A share is also written as a percentage ("7%"), as the pages' sliders show it: the range in both forms, so that a
  // reader of a page's notice who meant 7% sees how to write it (reader: "a fraction in [0.01, 1]" beside "57.9 %").
  const percentRange = dimension === "fraction" ? `, or a percentage in ${formatPercentRange(range)}` : "";
  return {
    message: "out of range",
    expected: `${def.integer ? "a whole number" : DIMENSIONS[dimension].noun} in ${formatRange(range, dimension)}${percentRange}`,
    found: written,
    ...(hint ? {hint} : {})
  };
}

/**
 * What a bare number, or an interval of two (`50 to 70`), out of `range` likely meant, for outOfRange's hint: a
 * fraction written as a percentage without its sign ("utilization: 50") its percentage, when that is in range (author
 * trial), and another number its likely unit (`82.6 USD/MWh`, `5%` for a rate per year; written with the unit as a
 * scenario file writes it, `5%`, not `5 %`). Only a whole number from 10 to 100 reads as a percentage: 1.5 or 2 is as
 * likely another mistake. An interval is told its ends each in the one unit that puts both in range (`50% to 70%`,
 * `5% to 15%`), each end out of range as written, or for a fraction the high end from 10 to 100: it got no hint where
 * a single value had one (tester). Undefined when nothing fits.
 */
function likelyMeant(dimension: Dimension, written: string, range: NumberRange): string | undefined {
  const ends = written.trim().split(/\s+to\s+/);
  if (ends.length > 2) return undefined;
  if (dimension === "fraction") {
    const bare = ends.map((end) => (/^\d+$/.test(end) ? Number(end) : NaN));
    const high = Math.max(...bare);
    const percent = high >= 10 && high <= 100 && bare.every((end) => isInRange(end / 100, range));
    return percent ? ends.map((end) => `${end}%`).join(" to ") : undefined;
  }
  // Each end out of range as written (`0.5 to 15` may mean 0.5/yr to 15%/yr), as sweep's axis is (sweepScenario.ts).
  if (ends.some((end) => isInRange(Number(end.replace(/[_,]/g, "")), range))) return undefined;
  const units = ends.map((end) => likelyUnit(dimension, end, range));
  const unit = units[0];
  if (unit === undefined || units.some((other) => other !== unit)) return undefined;
  // A flag's 1_000: a value with a unit has none.
  return ends.map((end) => withUnit(end.replace(/_/g, ""), unit)).join(" to ");
}

/** `[1%, 100%]` for the fraction range [0.01, 1]: each end × 100 with a percent sign, bracketed as formatRange does. */
export function formatPercentRange(range: NumberRange): string {
  const [left, right] = rangeBrackets(range);
  const end = (value: number) =>
    Number.isFinite(value) ? `${plainNumber(Number((value * 100).toPrecision(12)))}%` : "∞";
  return `${left}${end(range.min)}, ${end(range.max)}${right}`;
}

/**
 * The unit a bare number out of `range` was likely written in: the one unit of the dimension (other than the base
 * unit) that puts it in range, or undefined when none or several do (`$30` as a chip price could be $30k or $30M).
 */
export function likelyUnit(dimension: Dimension, written: string, range: NumberRange): string | undefined {
  // A bare number as a scenario file (`1,000`) or a flag (`1_000`) writes it, with a plus sign or an exponent
  // (`+82.6`, `8e1`: no hint, where 80 had one; breaker); not a negative one, nor one with a unit.
  const trimmed = written.trim();
  if (!/^\+?[\d.,_]+([eE][+-]?\d+)?$/.test(trimmed)) return undefined;
  const reading = readQuantity(trimmed, dimension);
  const value = readDecimal(trimmed, {underscores: true}) ?? (reading.ok && reading.unit === "" ? reading.value : NaN);
  if (!Number.isFinite(value)) return undefined;
  const fits = new Map<number, string>();
  for (const [unit, factor] of DIMENSIONS[dimension].units) {
    if (factor !== 1 && !fits.has(factor) && isInRange(value * factor, range)) fits.set(factor, unit);
  }
  return fits.size === 1 ? [...fits.values()][0] : undefined;
}

/**
 * The error detail for a value of `def` that readQuantity rejected: "wrong unit", "not a number", or for a number too
 * large for a double "out of range" of a key bounded on its side (else "not finite"), with what the key expects and
 * what was written, and a hint that offers only a value the key takes (checkedHint). A
 * scenario file, `--set` and `sweep --vary` all report through it, so the same mistake reads the same wherever it is
 * made.
 */
export function quantityError(
  def: ScenarioKeyDef | Pick<ScenarioKeyDef, "integer">,
  reading: Extract<QuantityReading, {ok: false}>
) {
  // A well-formed number too large for a double (`$1,000,000,…` over 1,200 characters, `1e400`) is a number: out of
  // the range of a key bounded on its side, as a shorter one is (it read "not finite: expected … a finite number").
  if (reading.reason === "finite" && "path" in def && isQuantityKey(def)) {
    const range = keyRange(def);
    if (Number.isFinite(infinityOf(reading.found) < 0 ? range.min : range.max))
      return outOfRange(def, def.type, reading.found);
  }
  const message =
    reading.reason === "unit"
      ? "wrong unit"
      : reading.reason === "finite"
        ? "not finite"
        : reading.reason === "underflow"
          ? "number too small"
          : "not a number";
  // A flag with no key (rangeFlag) has no range to check an offer against: the reading's own hint.
  const hint = "path" in def && isQuantityKey(def) ? checkedHint(def, reading) : reading.hint;
  return {
    message,
    expected: def.integer ? `a whole number: ${reading.expected}` : reading.expected,
    found: reading.found,
    ...(hint ? {hint} : {})
  };
}

function notUncertain(def: ScenarioKeyDef, written: string) {
  return {
    message: "cannot be a distribution",
    expected: `a single value: ${expectedFor(def)}`,
    found: written
  };
}

/** How to show a value that is not a scalar of the right type: a YAML null is "nothing", not an empty string. */
function describeFound(node: unknown, written: string): string {
  if (isScalar(node) && node.value === null) return "nothing";
  if (isSeq(node)) return `a list ${truncate(written)}`;
  if (isMap(node)) return `a map ${truncate(written)}`;
  return truncate(written) || "nothing";
}
