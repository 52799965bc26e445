import {bareWritten, writtenValueNote, type WrittenAssumptions, type WrittenPlaceOptions} from "./writtenValueNote.js";
import {FAR_BELOW_FRACTION} from "../../catalog/leastBundledFigures.js";
import {RETICLE_LIMIT_MM2} from "../../silicon/diesPerWafer.js";

/**
 * The smallest published die of a datacenter inference accelerator, mm²: Google's first TPU, "≤331 mm²" on 28 nm
 * (Jouppi et al., "In-Datacenter Performance Analysis of a Tensor Processing Unit", ISCA 2017, Table 2; beside the
 * Haswell CPU's 662 mm² and the K80 GPU's 561 mm² in the same table). The bundled dies are larger: the H100's 814 mm²
 * (h100UnitCost.ts), the B200's about 800 mm² each (b200UnitCost.ts).
 */
export const SMALLEST_PUBLISHED_ACCELERATOR_DIE_MM2 = 331;

/**
 * The die area under which a note is given: a tenth of the smallest published accelerator die (FAR_BELOW_FRACTION,
 * as a chip's power far below any bundled chip's is noted), 33.1 mm². A tenth leaves room for a smaller chip meant (an
 * edge part), while a slip of unit falls far below it: a bare number is in mm², so `8.14` meant as 8.14 cm² is a
 * hundredth of the die, and `0.001` is a die a thousandth of a square millimetre, smaller than one SRAM macro.
 */
export const DIE_AREA_NOTE_BELOW_MM2 = SMALLEST_PUBLISHED_ACCELERATOR_DIE_MM2 * FAR_BELOW_FRACTION;

/** The die-area keys, in mm². */
export const DIE_AREA_KEYS: readonly string[] = ["silicon.dieArea"];

/**
 * A note for a custom chip's die area written as a bare number under DIE_AREA_NOTE_BELOW_MM2: `--set
 * silicon.dieArea=0.001` priced a die a thousandth of a square millimetre with no word (breaker), and `8.14` is 8.14
 * mm² where the file notation's example, 8.14 cm², may be meant. The value is in the key's range (0, 858 mm²] and may be
 * meant, so it is a note, not an error; written with a unit (`0.5 mm²`, `8.14 cm²`) it is taken as meant.
 *
 * Input: each key's value and how it was written (a RunReport's assumptions, or a page's resolved values). Output: a
 * sentence per such key, or null. Raises nothing.
 */
export function bareDieAreaNote(assumptions: WrittenAssumptions, options?: WrittenPlaceOptions): string | null {
  return writtenValueNote(assumptions, bareDieAreaSentence, DIE_AREA_KEYS, options);
}

/**
 * bareDieAreaNote's sentence for one key written `written` and read as `value` mm², or null: "silicon.dieArea 8.14 is
 * 8.14 mm² (a bare number is in mm²), under a tenth of the smallest published accelerator die (Google's first TPU, at
 * most 331 mm²): write 8.14 cm² if that was meant." The cm² is offered only when it puts every end within the reticle's
 * 858 mm² and at or above the note's floor; otherwise the sentence ends "check the value".
 */
export function bareDieAreaSentence(path: string, written: unknown, value: unknown): string | null {
  const bare = bareWritten(written, value, /^\+?\d+(\.\d+)?$/);
  if (!DIE_AREA_KEYS.includes(path) || bare === undefined) return null;
  if (!bare.values.every((end) => end > 0 && end < DIE_AREA_NOTE_BELOW_MM2)) return null;
  const reason =
    `under a tenth of the smallest published accelerator die (Google's first TPU, at most ` +
    `${SMALLEST_PUBLISHED_ACCELERATOR_DIE_MM2} mm²)`;
  const read = bare.ends.map((end) => `${end} mm²`).join(" to ");
  const inCm2 = bare.values.every((end) => end * 100 >= DIE_AREA_NOTE_BELOW_MM2 && end * 100 <= RETICLE_LIMIT_MM2);
  const advice = inCm2 ? `write ${bare.rewritten((end) => `${end} cm²`)} if that was meant` : "check the value";
  return `${path} ${bare.reads(read)} (a bare number is in mm²), ${reason}: ${advice}.`;
}
