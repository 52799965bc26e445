import {distributionQuantile} from "../../uncertainty/closedForm.js";
import type {Distribution} from "../../uncertainty/distribution.js";
import {groupThousands} from "../../units/groupThousands.js";
import {formatQuantity, type Dimension} from "../../units/quantity.js";
import {isQuantityKey, scenarioKey} from "./schema.js";

/**
 * An assumption's value for a table, in scenario-file notation (it reads back as written): a quantity in its display
 * unit to six significant digits, thousands grouped as a scenario file may group them (`0.979796`, `$150M`,
 * `102,000 tokens`), a distribution as its kind and 90% interval (`lognormal, 90% in 0.45 to 0.75`), "—" for an unset
 * optional key.
 */
export function displayValue(path: string, value: number | string | Distribution | null): string {
  if (value === null) return "—";
  if (typeof value === "string") return value;
  const def = scenarioKey(path);
  // Grouped from a thousand ("102,000 tokens"; a failing sweep point read "serving.inputTokens=102000 tokens" beside
  // the message's "102,512 tokens"); E notation, which a file also reads, is kept for what String writes with it.
  const number = (x: number) => (/e/.test(String(x)) ? String(x) : groupThousands(x, 20));
  const times = def?.multiple ? "×" : "";
  const format = (x: number) => {
    const rounded = Number(x.toPrecision(6));
    return (
      (def && isQuantityKey(def) ? formatQuantity(rounded, def.type as Dimension, number) : number(rounded)) + times
    );
  };
  if (typeof value === "number") return format(value);
  if (value.kind === "point") return format(value.value);
  if (value.kind === "uniform") return `uniform, ${format(value.min)} to ${format(value.max)}`;
  if (value.kind === "triangular") {
    return `triangular, ${format(value.min)} to ${format(value.max)}, mode ${format(value.mode)}`;
  }
  const p5 = distributionQuantile(value, 0.05);
  const p95 = distributionQuantile(value, 0.95);
  return `${value.kind}, 90% in ${format(p5)} to ${format(p95)}`;
}
