import type {AssumptionReport} from "./runReport.js";

/** Each key's value and how it was written: a RunReport's assumptions, or a page's resolved values. */
export type WrittenAssumptions = Readonly<Record<string, Pick<AssumptionReport, "value" | "written"> | undefined>>;

/** A note's sentence for one key written `written` and read as `value` (in the key's base unit), or null. */
export type WrittenValueSentence = (path: string, written: unknown, value: unknown) => string | null;

/**
 * The note of a slip read from how values were written (bareMoneyNote, barePercentNote, barePowerNote,
 * pointGroupedNote): `sentence` of each key of `paths` (every key of `assumptions` when not given), in that order,
 * joined by spaces. Output: null when no key gives a sentence. Raises nothing.
 */
export function writtenValueNote(
  assumptions: WrittenAssumptions,
  sentence: WrittenValueSentence,
  paths: readonly string[] = Object.keys(assumptions)
): string | null {
  const sentences = paths.flatMap((path) => {
    const entry = assumptions[path];
    return sentence(path, entry?.written, entry?.value) ?? [];
  });
  return sentences.length ? sentences.join(" ") : null;
}
