import type {ReadQuantityOptions} from "../../units/quantity.js";
import type {ScenarioKeyDef} from "./schema.js";

/**
 * The words a count key's value may carry after its number, plural and singular, lowercase: the noun the pages write
 * beside it, its countOf (`100M users`, `1 user`), else its slider's unit where the slider shows the count itself
 * (scale 1: serving.batch's `128 sequences`, silicon.hbmStacks's `4 stacks`). `batch: 128 sequences`, as the site's
 * slider labels it, read "wrong unit: expected a whole number … found 128 sequences" (new-user trial). Empty for any
 * other key: a count of chips is not written `64 sequences`, and readQuantity refuses that as it refuses `64 chips`.
 */
export function countWordsOf(def: ScenarioKeyDef): readonly string[] {
  if (def.type !== "count") return [];
  const plural = def.countOf ?? (def.slider?.scale === 1 ? def.slider.unit : undefined);
  if (plural === undefined || !/^[a-z]+$/i.test(plural)) return [];
  const lower = plural.toLowerCase();
  return lower.endsWith("s") ? [lower, lower.slice(0, -1)] : [lower];
}

/**
 * readQuantity's options for a value of `def`, wherever one is read (a scenario file, --set, a share link, sweep
 * --vary, a page's box): a count key's value may end in its own noun (countWordsOf).
 */
export function keyReading(def: ScenarioKeyDef): ReadQuantityOptions {
  const countWords = countWordsOf(def);
  return countWords.length ? {countWords} : {};
}
