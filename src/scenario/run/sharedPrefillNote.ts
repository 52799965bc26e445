import type {AssumptionReport} from "./runReport.js";
import {andList} from "../../units/wordList.js";

/** The keys that lay out a prefill replica of its own, which only serving.prefill disaggregated reads. */
export const PREFILL_REPLICA_KEYS = [
  "serving.prefillTensorParallel",
  "serving.prefillExpertParallel",
  "serving.prefillTokensPerChip"
] as const;

/**
 * A note for a scenario that lays out a prefill replica (PREFILL_REPLICA_KEYS written in a file or by --set) while
 * serving.prefill is shared, so that nothing reads them: the prompts are prefilled on the decode replica's layout. Not
 * an error: a scenario may extend one that disaggregates and set serving.prefill back to shared, inheriting the keys.
 *
 * Input: each key's value and how it was written (a RunReport's assumptions, or a page's resolved values). Output: one
 * sentence, or null. Raises nothing.
 */
export function sharedPrefillNote(
  assumptions: Readonly<Record<string, Pick<AssumptionReport, "value" | "written"> | undefined>>
): string | null {
  if (assumptions["serving.prefill"]?.value !== "shared") return null;
  const set = PREFILL_REPLICA_KEYS.filter((path) => assumptions[path]?.written != null);
  if (set.length === 0) return null;
  return (
    `${andList(set.map((path) => `${path} ${assumptions[path]!.written!.trim()}`))} ${set.length > 1 ? "lay" : "lays"} ` +
    "out a prefill replica of its own, but serving.prefill is shared: the decode replica prefills its own prompts, and " +
    `${set.length > 1 ? "these keys change" : "the key changes"} nothing; set serving.prefill to disaggregated to use ` +
    `${set.length > 1 ? "them" : "it"}.`
  );
}
