import type {AssumptionReport} from "./runReport.js";
import type {ValueOrigin} from "../resolve/resolveScenario.js";

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
   * The place of a value set by an override (origin "override"), or null to name none. Default: its flag and the
   * setting as typed (`--set silicon.power=3`, `--vary silicon.nre=100:200:3`); a page names its link's settings.
   */
  overridePlace?: (origin: Extract<ValueOrigin, {kind: "override"}>) => string | null;
}

/** An override's place as the command line typed it: `--set silicon.power=3`. */
function typedPlace(origin: Extract<ValueOrigin, {kind: "override"}>): string {
  return `${origin.flag} ${origin.written}`;
}

/**
 * The note of a slip read from how values were written (bareMoneyNote, barePercentNote, barePowerNote,
 * pointGroupedNote): `sentence` of each key of `paths` (every key of `assumptions` when not given), in that order,
 * joined by spaces. The place a value was written is named after the key and value the sentence opens with: a file's
 * value (the scenario's own or an ancestor's) by its file:line, an override's by `overridePlace`. `ch: silicon.power 3
 * is 3 W` named a scenario whose file says nothing of 3, and `run base --set silicon.power=3` blamed base for a value
 * of --set (testers). A default's value has no place. Output: null when no key gives a sentence. Raises nothing.
 */
export function writtenValueNote(
  assumptions: WrittenAssumptions,
  sentence: WrittenValueSentence,
  paths: readonly string[] = Object.keys(assumptions),
  {overridePlace = typedPlace}: WrittenPlaceOptions = {}
): string | null {
  const sentences = paths.flatMap((path) => {
    const entry = assumptions[path];
    const said = sentence(path, entry?.written, entry?.value);
    if (said === null) return [];
    const origin = entry?.origin;
    const place =
      origin?.kind === "parent" || origin?.kind === "file"
        ? `${origin.file}:${origin.line}`
        : origin?.kind === "override"
          ? overridePlace(origin)
          : null;
    const lead = `${path} ${typeof entry?.written === "string" ? entry.written.trim() : ""}`;
    if (place === null || !said.startsWith(`${lead} `)) return said;
    return `${lead} (${place})${said.slice(lead.length)}`;
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
