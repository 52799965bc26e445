import type {AssumptionReport} from "./runReport.js";
import type {ValueOrigin} from "../resolve/resolveScenario.js";
import {DISTRIBUTION_PARAMETERS} from "../file/readValue.js";
import {isDecimalNumeral} from "../../units/decimal.js";

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
 * The parameters of each distribution a note of a bare number judges, as it judges a value `3` or an interval `3 to 5`:
 * the range's ends (uniform, triangular), the 90% interval's (lognormal, normal), else the centre (a normal's mean, a
 * point's value). `silicon.power: {dist: uniform, min: 3, max: 5}` had no note where `3 to 5` had one (tester).
 */
const JUDGED_PARAMETERS: Readonly<Record<keyof typeof DISTRIBUTION_PARAMETERS, readonly string[]>> = {
  point: ["value"],
  uniform: ["min", "max"],
  triangular: ["min", "max"],
  lognormal: ["p5", "p95"],
  normal: ["p5", "p95", "mean"]
};

/** A value written as bare numbers, as a note of a likely slip in its unit reads it (bareWritten). */
export interface BareWritten {
  /** The value as written, trimmed: `3`, `3 to 5`, `{dist: uniform, min: 3, max: 5}`. */
  text: string;
  /**
   * The numbers the note judges, as written: the value, an interval's ends or a distribution's (JUDGED_PARAMETERS);
   * of a distribution whose others are written with a unit, its bare ones alone.
   */
  ends: string[];
  /** Their values, in the key's base unit. */
  values: number[];
  /**
   * The value written as meant, each bare number (a judged one, and a distribution's mode or sd) replaced by
   * `meant(number)`: `3 kW to 5 kW`; a distribution as a flow map, `{dist: uniform, min: 3 kW, max: 5 kW}`.
   */
  rewritten(meant: (end: string) => string): string;
  /**
   * The text and what the judged numbers read as, `read`: `3 to 5 is 3 W to 5 W`; of a distribution whose others are
   * written with a unit, the bare ones named, `{dist: uniform, min: 3, max: 5 kW} has min 3, which is 3 W`.
   */
  reads(read: string): string;
}

/**
 * A value written as bare numbers that match `numeral`: one number (`3`, read as `value`), a 90% interval of two
 * (`3 to 5`), or an explicit distribution whose judged parameters (JUDGED_PARAMETERS) are (`{dist: uniform, min: 3,
 * max: 5}`, or a block map's text on one line, `dist: uniform min: 3 max: 5`), or some are and the others have a unit
 * (`{dist: uniform, min: 3, max: 5 kW}`: its bare ones alone); undefined otherwise. A note for a bare number holds for
 * these too: `silicon.power: 3 to 5` had no note where `silicon.power: 3` had one (tester).
 */
export function bareWritten(written: unknown, value: unknown, numeral: RegExp): BareWritten | undefined {
  if (typeof written !== "string") return undefined;
  const text = written.trim();
  const parameters = distributionParameters(text);
  if (parameters !== undefined) {
    const kind = parameters.get("dist") as keyof typeof JUDGED_PARAMETERS;
    const judged = JUDGED_PARAMETERS[kind].filter((name) => parameters.has(name));
    const bare = judged.filter((name) => numeral.test(parameters.get(name)!));
    if (bare.length === 0) return undefined;
    // Bare ones beside others written with a unit are each judged alone, as a sweep judges its axis's ends:
    // `{dist: uniform, min: 3, max: 5 kW}` had no note where `--vary silicon.power=3:5kW:3` noted 3 (breaker).
    const partly = bare.length < judged.length;
    const withUnit = (name: string) => !isDecimalNumeral(parameters.get(name)!, {underscores: true});
    if (partly && !judged.every((name) => bare.includes(name) || withUnit(name))) return undefined;
    const ends = bare.map((name) => parameters.get(name)!);
    const reads = (read: string) =>
      partly
        ? `${text} has ${bare.map((name, i) => `${name} ${ends[i]}`).join(" and ")}, which is ${read}`
        : `${text} is ${read}`;
    const rewritten = (meant: (end: string) => string) => {
      const entries = [...parameters].map(
        ([name, end]) => `${name}: ${name !== "dist" && numeral.test(end) ? meant(end) : end}`
      );
      return `{${entries.join(", ")}}`;
    };
    return {text, ends, values: ends.map(Number), rewritten, reads};
  }
  const ends = text.split(/\s+to\s+/);
  if (ends.length > 2 || !ends.every((end) => numeral.test(end))) return undefined;
  const values = ends.length === 1 ? [value] : ends.map(Number);
  if (!values.every((v): v is number => typeof v === "number" && Number.isFinite(v))) return undefined;
  return {
    text,
    ends,
    values,
    rewritten: (meant) => ends.map(meant).join(" to "),
    reads: (read) => `${text} is ${read}`
  };
}

/**
 * An explicit distribution's parameters as written, in order: from a flow map (`{dist: uniform, min: 3, max: 5}`) or
 * a block map's text on one line (`dist: uniform min: 3 max: 5`). Undefined for any other text or a kind the schema
 * does not know; a parameter it does not know stays in the value before it (readValue.ts refuses both before a note).
 */
function distributionParameters(text: string): Map<string, string> | undefined {
  const kinds = Object.keys(DISTRIBUTION_PARAMETERS);
  const names = [...new Set(["dist", ...Object.values(DISTRIBUTION_PARAMETERS).flat(2)])];
  const body = text.replace(/^\{(.*)\}$/s, "$1").trim();
  const parts = body.split(new RegExp(`(?:^|\\s*,\\s*|\\s+)(${names.join("|")}):\\s*`));
  if (parts[0] !== "" || parts.length < 3) return undefined;
  const parameters = new Map<string, string>();
  for (let i = 1; i < parts.length; i += 2) parameters.set(parts[i]!, parts[i + 1]!.trim());
  const kind = parameters.get("dist");
  return kind !== undefined && kinds.includes(kind) ? parameters : undefined;
}
