import {bareWritten, writtenValueNote, type WrittenAssumptions, type WrittenPlaceOptions} from "./writtenValueNote.js";
import {
  farBelowBundled,
  farBelowReason,
  LEAST_BUNDLED_FIGURES,
  type LeastBundledColumn
} from "../../catalog/leastBundledFigures.js";

/**
 * Power keys that are one chip's power, with the data/hardware.csv column whose bundled rows anchor them (a custom
 * chip's board power is what `power_w` gives a catalog chip). The schema's other power keys, if any, are not a chip's.
 */
export const CHIP_POWER_KEYS: Readonly<Record<string, LeastBundledColumn>> = {
  "silicon.power": "power_w"
};

/**
 * A note for a chip's power (CHIP_POWER_KEYS) written as a bare number far below any bundled chip's
 * (leastBundledFigures.ts: under 14 W): `--set silicon.power=3` is 3 W, where 3 kW was likely meant, and asic-24-months
 * priced its custom chip's tokens at 0.877 USD/Mtok and the program's NPV at $2.15B with no word (at 3 kW: 2.19 and
 * −$220M). The value is in the key's range and may be meant (an edge chip), so it is a note, not an error; written
 * with a unit (`3 W`, `3 kW`) it is taken as meant.
 *
 * Input: each key's value and how it was written (a RunReport's assumptions, or a page's resolved values). Output: a
 * sentence per such key, or null. Raises nothing.
 */
export function barePowerNote(assumptions: WrittenAssumptions, options?: WrittenPlaceOptions): string | null {
  return writtenValueNote(assumptions, barePowerSentence, Object.keys(CHIP_POWER_KEYS), options);
}

/**
 * barePowerNote's sentence for one key (CHIP_POWER_KEYS) written `written` and read as `value` W, or null:
 * "silicon.power 3 is 3 W (a bare number is in watts), under a tenth of any bundled chip's (the least, tpu-v5e's, is
 * 140 W): write 3 kW if that was meant." An interval of bare numbers each that far below (`3 to 5`, a distribution or
 * a sweep's axis) is noted alike: "silicon.power 3 to 5 is 3 W to 5 W (…): write 3 kW to 5 kW if that was meant."
 */
export function barePowerSentence(path: string, written: unknown, value: unknown): string | null {
  const column = CHIP_POWER_KEYS[path];
  const bare = bareWritten(written, value, /^\+?\d+(\.\d+)?$/);
  if (column === undefined || bare === undefined) return null;
  if (!bare.values.every((end) => farBelowBundled(column, end))) return null;
  const {unit, larger} = LEAST_BUNDLED_FIGURES[column];
  const reason = farBelowReason(column);
  const read = bare.ends.map((end) => `${end} ${unit}`).join(" to ");
  const meant = bare.rewritten((end) => `${end} ${larger}`);
  return `${path} ${bare.reads(read)} (a bare number is in watts), ${reason}: write ${meant} if that was meant.`;
}
