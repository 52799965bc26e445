// The order in which scenarios are listed to a reader: the site's sidebar and previous/next links, /compare's picker
// and its default selection, the site data's scenario ids.

/** The id listed first: the scenario the bundled ones extend. */
export const FIRST_SCENARIO_ID = "base";

const NATURAL = new Intl.Collator("en", {numeric: true, sensitivity: "base"});

/**
 * Compares two scenario ids for listing: `base` first (the scenario the others extend), then the rest in natural
 * order, letters without regard to case and runs of digits compared as numbers, so "asic-9-months" comes before
 * "asic-24-months" ("9" < "24") as a reader counts. Ids equal but for case fall back to code-point order, so the
 * order never depends on the input's. Returns a negative number when `a` comes first, positive when `b` does, 0 only
 * for equal ids (a comparator for Array.prototype.sort).
 */
export function compareScenarioIds(a: string, b: string): number {
  if (a === b) return 0;
  if (a === FIRST_SCENARIO_ID) return -1;
  if (b === FIRST_SCENARIO_ID) return 1;
  return NATURAL.compare(a, b) || (a < b ? -1 : 1);
}

/** `ids` in listing order (compareScenarioIds), as a new array; the input is left as it is. */
export function sortScenarioIds(ids: Iterable<string>): string[] {
  return [...ids].sort(compareScenarioIds);
}
