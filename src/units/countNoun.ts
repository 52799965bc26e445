/**
 * A count and its noun, singular for exactly one: countNoun(1, "chip") → "1 chip"; countNoun(8, "chip") → "8 chips";
 * countNoun("1,814", "chip") → "1,814 chips". A count already formatted is given as its text, and is singular only
 * when that text is "1" (so 1.0004 formatted as "1" reads "1 chip", and 0.5 reads "0.5 chips", as English has it).
 *
 * @param count The count, or its formatted text.
 * @param singular The noun for one ("chip", "custom chip").
 * @param plural The noun for any other count (default: the singular and "s").
 */
export function countNoun(count: number | string, singular: string, plural = `${singular}s`): string {
  const text = String(count);
  return `${text} ${text === "1" ? singular : plural}`;
}
