import {writtenValueNote, type WrittenAssumptions, type WrittenPlaceOptions} from "./writtenValueNote.js";
import {groupThousands} from "../../units/groupThousands.js";
import {isQuantityKey, scenarioKey} from "../file/schema.js";

/** Digits grouped in threes by points, as a European writes fifteen hundred (`1.500`, `2.500.000`): nothing else. */
const POINT_GROUPED = /^\d{1,3}(\.\d{3})+$/;

/**
 * A note for a count or tokens key that takes fractions (demand.users, fleet.chips, training.tokens, …) written with a
 * point and three digits after it: `demand.users: 1.500` is 1.5 users, where 1,500 with a point for the thousands
 * separator was likely meant, and the scenario ran with 1.5 users with no word. A whole-number key refuses it already
 * (pointGroupedWhole: "a point in a whole number"). The value is in the key's range and may be meant, so it is a note,
 * not an error; written otherwise (`1.5`, `1500`, `1.50`) it is taken as meant.
 *
 * Input: each key's value and how it was written (a RunReport's assumptions, or a page's resolved values). Output: a
 * sentence per such key, or null. Raises nothing.
 */
export function pointGroupedNote(assumptions: WrittenAssumptions, options?: WrittenPlaceOptions): string | null {
  return writtenValueNote(assumptions, pointGroupedSentence, undefined, options);
}

/**
 * pointGroupedNote's sentence for one key, or null: "demand.users 1.500 is 1.5 (a point is a decimal point): write
 * 1500 or 1,500 if the point grouped thousands." The thousands it offers are in the key's range: no such key stops
 * below 100 million (fleet.chips).
 */
export function pointGroupedSentence(path: string, written: unknown, value: unknown): string | null {
  const def = scenarioKey(path);
  if (!def || !isQuantityKey(def) || (def.type !== "count" && def.type !== "tokens") || def.integer) return null;
  const text = typeof written === "string" ? written.trim() : undefined;
  if (text === undefined || typeof value !== "number" || !POINT_GROUPED.test(text)) return null;
  const thousands = Number(text.replace(/\./g, ""));
  return (
    `${path} ${text} is ${value} (a point is a decimal point): write ${thousands} or ${groupThousands(thousands)} if ` +
    "the point grouped thousands."
  );
}
