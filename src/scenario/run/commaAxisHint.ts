import {readQuantity, type Dimension} from "../../units/quantity.js";
import {keyReading} from "../file/countWords.js";
import {quantityError} from "../file/readValue.js";
import {isQuantityKey, type ScenarioKeyDef} from "../file/schema.js";
import {
  commaSeparatedItems,
  decimalCommaReading,
  evenlySpaced,
  GROUPING_COMMA,
  listNumbers,
  strayCommaItems,
  type ListItem
} from "../resolve/severalValues.js";
import {setAsTyped} from "../resolve/setAsTyped.js";
import {shellWord} from "../../errors/shellWord.js";

/**
 * The hint for a `--vary` value with a comma and no colon, which is no axis (`serving.batch=16,384`, `=,64`, `=64,`,
 * `=1,2,4`): they read "malformed range: expected path=FROM:TO:STEPS" and no more (helper item). A comma before three
 * digits groups them, as in a scenario file and in an axis's ends (`1:16,384:3` is 1 to 16384), so `16,384` is said
 * to be the one value 16384, with how to write it alone and, where its parts are values of the key, the axis those
 * would be as a list; a list of values (a comma at either end, or between values that are not one number) is said
 * not to be taken: evenly spaced values are offered as the axis that gives them exactly, one value alone with --set,
 * others one run per value. A decimal comma (`0,5`) is told the point, as a scenario file's is (quantityError), and
 * how to write that value alone; for a key that need not be whole it is the likelier reading, as for --set.
 * Undefined for a value with no comma, with a colon, or of a key that takes no number.
 */
export function commaAxisHint(def: ScenarioKeyDef, path: string, written: string, flag = "--vary"): string | undefined {
  const text = written.trim();
  if (!isQuantityKey(def) || !text.includes(",") || text.includes(":")) return undefined;
  const axis = "an axis is FROM:TO:STEPS";
  const reading = readQuantity(text, def.type as Dimension, keyReading(def));
  // As groupedReading: a part after the first with a leading zero (`1,000`, `2,048`) is grouping only, not a list.
  const parts = commaSeparatedItems(def, text, flag) ?? strayCommaItems(def, text, flag);
  const grouped = new RegExp(GROUPING_COMMA.source).test(text);
  const items =
    parts && (!grouped || parts.slice(1).every((item) => !item.text.startsWith("0"))) ? distinct(parts) : null;
  if (reading.ok) {
    const plain = text.replace(GROUPING_COMMA, "$1");
    const list =
      items && items.length > 1
        ? `; if ${items.map((item) => item.text).join(" and ")} were meant, a list is not taken: ` +
          listAxis(def, path, items)
        : "";
    return `a comma between digits groups them, so ${text} is one value, ${plain}, and ${axis}: ${alone(path, plain)}${list}`;
  }
  // As --set (applyOverrides' commaListError): a key that need not be whole, written with commas between digits only
  // and no point, reads as a decimal comma first (`finance.costOfCapital=0,1` is 0.1, not the axis 0:1:2).
  const decimal = decimalCommaReading(def, text);
  const hint = quantityError(def, reading).hint;
  if (items && !(decimal && hint)) return `a list of values is not taken, and ${axis}: ${listAxis(def, path, items)}`;
  if (!hint) return `a list of values is not taken, and ${axis}`;
  // The value offered, as --vary takes it: `did you mean 0.5?` alone read "malformed range" again (breaker).
  const offer = reading.offers?.find((each) => each.hint === hint);
  const then = offer ? ` ${alone(path, offer.text).replace(/^f/, "F")}` : "";
  return `${axis}, and ${hint}${then}`;
}

/**
 * One value as --vary would take it alone, and as --set does, each quoted for the shell where it needs it: the axis
 * `silicon.unitCost=$12000:$12000:1` pasted unquoted was swept at $2000 (the shell read `$1` as empty; breaker).
 */
function alone(path: string, value: string): string {
  return `for ${value} alone, ${setAsTyped("--set", path, value)} (or ${shellWord(`${path}=${value}:${value}:1`)})`;
}

/**
 * What to write for a list of distinct values: one alone, two or evenly spaced ones as the axis that gives them exactly
 * (quoted for the shell where a unit's space needs it), else one run each.
 */
function listAxis(def: ScenarioKeyDef, path: string, items: readonly ListItem[]): string {
  const texts = items.map((item) => item.text);
  if (texts.length === 1) return alone(path, texts[0]!);
  if (texts.length === 2 || evenlySpaced(listNumbers(def, items))) {
    const axis = shellWord(`${path}=${texts[0]}:${texts.at(-1)}:${texts.length}`);
    return `the axis ${axis} gives ${texts.join(", ")}`;
  }
  const more = texts.length > 2 ? ", …" : "";
  // Items each read as the key reads them (listNumbers); one that does not read is not said to be uneven.
  const uneven = listNumbers(def, items).every(Number.isFinite) ? `, and ${texts.join(", ")} are not` : "";
  return (
    `its values are evenly spaced from FROM to TO${uneven}: for others, one run per value ` +
    `(${setAsTyped("--set", path, texts[0]!)}, then ${setAsTyped("--set", path, texts[1]!)}${more})`
  );
}

/** Each value once, as first written. */
function distinct(items: readonly ListItem[]): ListItem[] {
  return items.filter((item, i) => items.findIndex((other) => other.same === item.same) === i);
}
