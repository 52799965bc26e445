import {isScalar, Scalar} from "yaml";
import {truncate} from "../../errors/truncate.js";
import {readValue, type CatalogIds, type ValueSite} from "../file/readValue.js";
import {isQuantityKey, type ScenarioKeyDef} from "../file/schema.js";
import {keyReading} from "../file/countWords.js";
import {readQuantity, type Dimension} from "../../units/quantity.js";
import {shellWord} from "../../errors/shellWord.js";
import {plainNumberNode} from "./plainNumberNode.js";
import {setAsTyped} from "./setAsTyped.js";

/** One value of a list a set's value holds: as written, what tells it from another (`same`), its number or NaN. */
export interface ListItem {
  text: string;
  same: unknown;
  number: number;
}

/** The items of a YAML list as ListItems: each one's text from `written` by its range, a scalar's value its own. */
export function listItems(items: readonly unknown[], written: string): ListItem[] {
  return items.map((item) => {
    const range = (item as {range?: number[] | null} | null)?.range;
    const value = isScalar(item) ? item.value : item;
    return {
      text: range ? written.slice(range[0], range[1]) : String(value),
      same: value,
      number: typeof value === "number" ? value : NaN
    };
  });
}

/**
 * `value` split at its commas (`fp8,bf16`, `64,128`) as ListItems when every part, trimmed, reads on its own as a value
 * of the key (readValue, its errors dropped); null when a part is empty or does not read.
 */
export function commaSeparatedItems(
  def: ScenarioKeyDef,
  value: string,
  flag: string,
  catalogIds?: CatalogIds
): ListItem[] | null {
  const texts = value.split(",").map((part) => part.trim());
  if (texts.length < 2 || texts.some((text) => text === "")) return null;
  return readItems(def, texts, flag, catalogIds);
}

/**
 * For a value with an empty part between its commas (`,64`, `64,`, `32,,64`), a list begun or ended by mistake: its
 * parts but the empty ones, as ListItems, when each reads as a value of the key (readValue, its errors dropped); null
 * for a value with no empty part, none else, or a part that does not read.
 */
export function strayCommaItems(
  def: ScenarioKeyDef,
  value: string,
  flag: string,
  catalogIds?: CatalogIds
): ListItem[] | null {
  const texts = value.split(",").map((part) => part.trim());
  const kept = texts.filter((text) => text !== "");
  if (kept.length === texts.length || kept.length === 0) return null;
  return readItems(def, kept, flag, catalogIds);
}

/**
 * The hint for a --set value with an empty part between its commas (strayCommaItems): one value is offered alone
 * (`,64`: "did you mean --set serving.batch=64?"); several get the hint a list gets (severalValuesHint). It read
 * "malformed value" for `,64` and "not a number" for `64,`, with no word of the comma (helper item).
 */
export function strayCommaHint(
  def: ScenarioKeyDef,
  path: string,
  value: string,
  flag: string,
  catalogIds?: CatalogIds
): string | undefined {
  const items = strayCommaItems(def, value, flag, catalogIds);
  if (!items) return undefined;
  const distinct = new Set(items.map((item) => item.same));
  if (distinct.size > 1) return severalValuesHint(def, path, items, flag);
  const lead = flag === "--set" ? "--set takes one value" : "a link sets one value per key";
  return `a comma separates the values of a list, and ${lead}: did you mean ${setAsTyped(flag, path, items[0]!.text)}?`;
}

/** Each text read on its own as a value of the key (readValue, its errors dropped): null when one does not read. */
function readItems(
  def: ScenarioKeyDef,
  texts: readonly string[],
  flag: string,
  catalogIds?: CatalogIds
): ListItem[] | null {
  const read = texts.map((text) => {
    const part = new Scalar(text);
    part.range = [0, text.length, text.length];
    const site: ValueSite = {
      errors: [],
      ...(catalogIds ? {catalogIds} : {}),
      locate: () => ({flag}),
      text: () => text,
      deref: (at) => at
    };
    return readValue(def, part, site);
  });
  if (read.some((item) => item === undefined)) return null;
  return texts.map((text, i) => ({
    text,
    same: JSON.stringify(read[i]),
    number: plainNumberNode(text)?.value ?? NaN
  }));
}

/**
 * The hint for a list of several values given where a key takes one: `--set serving.batch=[32, 64]`, what a reader
 * wanting both batches types, or `serving.batch=32,64`, or a share link's `set=serving.kvCache=fp8,bf16`. A list is not
 * a batch. It was told to drop the brackets or quote the value, neither of which reads (helper item). For --set, a
 * sweep where the values are evenly spaced numbers of a numeric key, which sweep's `--vary path=FROM:TO:STEPS` gives
 * exactly (`serving.batch=32:64:2`), else one run per value; for a share link (any other flag), one link per value. The
 * first two values are shown, each as written. One value written more than once is told to be written once.
 */
export function severalValuesHint(
  def: ScenarioKeyDef,
  path: string,
  listed: readonly ListItem[],
  flag: string
): string {
  // Each value once, as first written (`[32, 32, 64]` offered --set serving.batch=32, then 32 again).
  const items = listed.filter((item, i) => listed.findIndex((other) => other.same === item.same) === i);
  const texts = items.map((item) => item.text);
  const cli = flag === "--set";
  const lead = cli ? "--set takes one value" : "a link sets one value per key";
  // Each set as typed where it came from: `--set serving.hardware=it's` left the shell waiting for a quote (breaker).
  const set = (text: string) => setAsTyped(flag, path, text);
  if (texts.length === 1) return `${lead}: write it once (${set(texts[0]!)})`;
  const more = texts.length > 2 ? ", …" : "";
  const each = `${set(texts[0]!)}, then ${set(texts[1]!)}${more}`;
  if (!cli) return `${lead}: to try several, one link per value (${each})`;
  const runs = `one run per value (${each})`;
  const numbers = listNumbers(def, items);
  // Quoted for the shell where an end needs it (a unit's space, a `$`), as every hint's --set is (setAsTyped).
  const sweep =
    isQuantityKey(def) && evenlySpaced(numbers)
      ? `sweep --vary ${shellWord(`${path}=${texts[0]}:${texts.at(-1)}:${texts.length}`)}`
      : undefined;
  return `${lead}: to try several, ${sweep ? `${sweep}, or ${runs}` : runs}`;
}

/** True for finite numbers, at least two, that step from the first to the last by one nonzero step (within 1e-9). */
/**
 * The numbers of a quantity key's list items in its base unit, each as the key reads it: `50%, 60%, 70%` are 0.5, 0.6,
 * 0.7, evenly spaced (a plain number only was compared, so a list written in percent or with a unit was told "one run
 * per value" where sweep's 50%:70%:3 gives it; breaker). NaN for an item that does not read, or a key of no quantity.
 */
export function listNumbers(def: ScenarioKeyDef, items: readonly ListItem[]): number[] {
  return items.map((item) => {
    if (Number.isFinite(item.number) || !isQuantityKey(def)) return item.number;
    const reading = readQuantity(item.text, def.type as Dimension, keyReading(def));
    return reading.ok ? reading.value : NaN;
  });
}

export function evenlySpaced(numbers: readonly number[]): boolean {
  const first = numbers[0] ?? NaN;
  const step = ((numbers.at(-1) ?? NaN) - first) / (numbers.length - 1);
  if (numbers.length < 2 || !Number.isFinite(step) || step === 0) return false;
  return numbers.every((value, i) => Math.abs(value - (first + i * step)) <= 1e-9 * Math.max(1, Math.abs(value)));
}

/**
 * Whether a value's commas read as decimal commas before a list or thousands: a quantity key that need not be whole,
 * commas only between digits and no point (`0,5`, `0,45 to 0,75`; not `0.5,0.6` or `fp8,bf16`). One rule for --set
 * (applyOverrides' commaListError leaves such a value to quantity.ts's hint) and --vary (commaAxisHint).
 */
export function decimalCommaReading(def: ScenarioKeyDef, text: string): boolean {
  return isQuantityKey(def) && !def.integer && !text.includes(".") && commasBetweenDigits(text);
}

/** True when every comma in `text` has a digit on each side. */
export function commasBetweenDigits(text: string): boolean {
  return !/(^|\D),|,(\D|$)/.test(text);
}

/** A comma between digits with exactly three digits after it: thousands grouping (`1,000`, `64,128`). */
export const GROUPING_COMMA = /(\d),(?=\d{3}(?!\d))/g;

/**
 * For a number key's value written with grouping commas (`64,128`, `1,000 W`) that then fails a check (out of range,
 * does not fit in memory): how it was read, `64,128 was read as 64128`, and, when it could be a list of values (each
 * part between commas a value of the key on its own, none after the first with a leading zero), the hint a list gets
 * (severalValuesHint: `--set serving.batch=64,128` is likely 64 and 128, which --set does not take). A comma before
 * exactly three digits is legal grouping and stays read as one number: `1,000` is a thousand, and `64,128` may be
 * meant as 64128; only where the value fails is the reading said, next to the failure, not in a memory error far from
 * the comma with "found 64,128" and no word of the reading (helper item). Parts like `000` or `048` are grouping
 * only: no list hint for `1,000` or `2,048`. Null for a value with no grouping comma, or a key that is no number.
 */
export function groupedReading(
  def: ScenarioKeyDef | undefined,
  path: string,
  written: unknown,
  flag: string
): {note: string; hint?: string} | null {
  if (!def || !isQuantityKey(def) || typeof written !== "string") return null;
  const text = written.trim();
  if (!new RegExp(GROUPING_COMMA.source).test(text)) return null;
  // Each cut to 40 characters, as a long value's found is cut: the note sits in the message.
  const note = `${truncate(text, 40)} was read as ${truncate(text.replace(GROUPING_COMMA, "$1"), 40)}`;
  const items = commaSeparatedItems(def, text, flag);
  const list = items && items.slice(1).every((item) => !item.text.startsWith("0"));
  return list ? {note, hint: severalValuesHint(def, path, items, flag)} : {note};
}
