import {bareWritten, writtenValueNote, type WrittenAssumptions, type WrittenPlaceOptions} from "./writtenValueNote.js";
import {isQuantityKey, keyRange, scenarioKey} from "../file/schema.js";
import {groupThousands} from "../../units/groupThousands.js";
import {truncate} from "../../errors/truncate.js";
import {MAX_FOUND_CHARS} from "../../errors/userError.js";

/** The smallest bare whole number a share above 100% is read from with a note: 2 (200%). */
export const BARE_PERCENT_FROM = 2;

/**
 * A note for a fraction key whose range passes 1 (finance.systemOverhead up to 50, moat.pricePremium up to 10, …)
 * written as a bare whole number from BARE_PERCENT_FROM to 100: `finance.systemOverhead: 50` is 5,000% of the chip's
 * price, where 50% was likely meant (a hardware.csv system_overhead of 50 priced tokens at 23.0 USD/Mtok against 0.874
 * with no word; breaker). A fraction key up to 1 refuses such a number already ("did you mean 50%?"). The value is in
 * the key's range and may be meant, so it is a note, not an error; written with a `%` it is taken as meant.
 *
 * Input: each key's value and how it was written (a RunReport's assumptions, or a page's resolved values). Output: a
 * sentence per such key, or null. Raises nothing.
 */
export function barePercentNote(assumptions: WrittenAssumptions, options?: WrittenPlaceOptions): string | null {
  return writtenValueNote(assumptions, barePercentSentence, undefined, options);
}

/** Where barePercentSentence's value was written, when not at the key itself. */
export interface BarePercentPlace {
  /** The name that stands for the key where another place sets it (a catalog column: "system_overhead"). */
  name?: string;
  /**
   * Whether the place takes a plain number only (a catalog cell refuses `50%`: "not a number … write 0.5"), so the
   * advice is the fraction, "write 0.5 if 50% was meant", where a scenario's is "write 50% if that was meant".
   */
  plainNumber?: boolean;
}

/**
 * barePercentNote's sentence for one key, or null: "finance.systemOverhead 50 is 5,000% (a bare number is a fraction:
 * 0.5 is 50%): write 50% if that was meant." In a place that takes a plain number only (`plainNumber`: a catalog
 * cell), "system_overhead 50 is 5,000% (…): write 0.5 if 50% was meant", advice the cell accepts (it refused the `50%`
 * the note told it; breaker).
 */
export function barePercentSentence(
  path: string,
  written: unknown,
  value: unknown,
  {name = path, plainNumber = false}: BarePercentPlace = {}
): string | null {
  const def = scenarioKey(path);
  if (!def || !isQuantityKey(def) || def.type !== "fraction" || !(keyRange(def).max > 1)) return null;
  const bare = bareWritten(written, value, /^\+?\d+$/);
  if (bare === undefined) return null;
  const {ends, values} = bare;
  if (!values.every((end) => end >= BARE_PERCENT_FROM && end <= 100)) return null;
  const percents = values.map((end) => `${groupThousands(end * 100)}%`).join(" to ");
  // Each number as its value writes it (`0050` as 50), and the value as written cut to MAX_FOUND_CHARS: a cell of 400
  // zeros before 50 was quoted whole, three times (breaker).
  const meant = bare.rewritten((end) => `${Number(end)}%`);
  const example = `${values[0]! / 100} is ${Number(ends[0])}%`;
  const fraction = bare.rewritten((end) => `${Number((Number(end) / 100).toPrecision(12))}`);
  const advice = plainNumber ? `write ${fraction} if ${meant} was meant.` : `write ${meant} if that was meant.`;
  const reads =
    bare.text.length > MAX_FOUND_CHARS
      ? `${truncate(bare.text, MAX_FOUND_CHARS)} is ${percents}`
      : bare.reads(percents);
  return `${name} ${reads} (a bare number is a fraction: ${example}): ${advice}`;
}
