import type {AssumptionReport} from "./runReport.js";

/**
 * Each key's value, how it was written and where (when known): a RunReport's assumptions, or a page's resolved
 * values.
 */
export type WrittenAssumptions = Readonly<
  Record<string, (Pick<AssumptionReport, "value" | "written"> & Partial<Pick<AssumptionReport, "origin">>) | undefined>
>;

/** A note's sentence for one key written `written` and read as `value` (in the key's base unit), or null. */
export type WrittenValueSentence = (path: string, written: unknown, value: unknown) => string | null;

/** Where the notes read from how values were written name the place a value was written. */
export interface WrittenPlaceOptions {
  /**
   * Name the place of a value written in the scenario's own file too, not only in an ancestor's (compare, whose one
   * note may speak for several scenarios). Default false.
   */
  ownFile?: boolean;
}

/**
 * The note of a slip read from how values were written (bareMoneyNote, barePercentNote, barePowerNote,
 * pointGroupedNote): `sentence` of each key of `paths` (every key of `assumptions` when not given), in that order,
 * joined by spaces. A value written in an ancestor's file (origin "parent"), or in any file with `ownFile`, is named
 * with its file:line after the key and value the sentence opens with: `ch: silicon.power 3 is 3 W` named a scenario
 * whose file says nothing of 3 (tester). Output: null when no key gives a sentence. Raises nothing.
 */
export function writtenValueNote(
  assumptions: WrittenAssumptions,
  sentence: WrittenValueSentence,
  paths: readonly string[] = Object.keys(assumptions),
  {ownFile = false}: WrittenPlaceOptions = {}
): string | null {
  const sentences = paths.flatMap((path) => {
    const entry = assumptions[path];
    const said = sentence(path, entry?.written, entry?.value);
    if (said === null) return [];
    const origin = entry?.origin;
    const placed = origin?.kind === "parent" || (ownFile && origin?.kind === "file");
    const lead = `${path} ${typeof entry?.written === "string" ? entry.written.trim() : ""}`;
    if (!placed || !said.startsWith(`${lead} `)) return said;
    return `${lead} (${origin.file}:${origin.line})${said.slice(lead.length)}`;
  });
  return sentences.length ? sentences.join(" ") : null;
}

/**
 * The ends of a value written as one number (`3`) or as a 90% interval of two (`3 to 5`), as written, when each matches
 * `numeral`; undefined otherwise. A note for a bare number holds for an interval of bare numbers too:
 * `silicon.power: 3 to 5` had no note where `silicon.power: 3` had one (tester).
 */
export function bareEnds(written: unknown, numeral: RegExp): string[] | undefined {
  if (typeof written !== "string") return undefined;
  const ends = written.trim().split(/\s+to\s+/);
  return ends.length <= 2 && ends.every((end) => numeral.test(end)) ? ends : undefined;
}

/**
 * The values of `bareEnds`' ends: `value` itself for one end (a number read from it, in the key's base unit), else
 * each end's number; undefined when one is no number.
 */
export function bareEndValues(ends: readonly string[], value: unknown): number[] | undefined {
  const values = ends.length === 1 ? [value] : ends.map(Number);
  return values.every((v): v is number => typeof v === "number" && Number.isFinite(v)) ? values : undefined;
}
