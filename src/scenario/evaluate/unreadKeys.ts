import type {UserError} from "../../errors/userError.js";
import {scenarioValueError} from "../file/scenarioErrors.js";
import type {ResolvedScenario} from "../resolve/resolveScenario.js";
import {keyWithValue, setRank, unreadCustomChipKeys, writtenRank} from "./customChipSpec.js";

/** The keys that lay out a prefill replica of its own, which only serving.prefill disaggregated reads. */
export const PREFILL_REPLICA_KEYS = [
  "serving.prefillTensorParallel",
  "serving.prefillExpertParallel",
  "serving.prefillTokensPerChip"
] as const;

/** Why a prefill replica's key is not read while prefill shares the decode replica's chips. */
export const SHARED_PREFILL_UNREAD =
  "serving.prefill is shared: the decode replica prefills its own prompts (set serving.prefill to disaggregated to " +
  "prefill on replicas laid out by this key)";

/**
 * The errors of a prefill replica's keys (PREFILL_REPLICA_KEYS) set at least as directly as serving.prefill while it is
 * shared: `--set serving.prefillExpertParallel=2` on base, a file that sets both, a sweep varying one; they would change
 * nothing (a sweep wrote identical rows), as `inference --prefill-ep` without `--prefill disaggregated` is an error.
 * Set less directly (inherited from a parent that disaggregates, the child setting serving.prefill shared or taking
 * it back with null), they are not read and say so (unreadKeys), not an error: the parent's file is not the child's
 * to change.
 */
export function sharedPrefillErrors(resolved: ResolvedScenario): UserError[] {
  const placement = resolved.values["serving.prefill"];
  if (placement?.value !== "shared") return [];
  // A `serving.prefill: null` in a child of a file that disaggregates is the child's choice of shared, as `shared`
  // written there is: the parent's layout keys are not read, not an error at the parent's lines (breaker).
  const placementRank = writtenRank(resolved, "serving.prefill");
  return PREFILL_REPLICA_KEYS.filter((path) => {
    const rank = setRank(resolved, path);
    return rank > 0 && rank >= placementRank;
  }).map((path) =>
    scenarioValueError(resolved, path, {
      message: "lays out a prefill replica of its own, but serving.prefill is shared: the decode replica prefills",
      expected: `serving.prefill: disaggregated with ${path}, or no ${path}`,
      found: `${keyWithValue(resolved, path)} with serving.prefill ${placement.origin.kind === "default" ? "shared (the default)" : "shared"}`
    })
  );
}

/**
 * The keys a scenario sets that its evaluation does not read, each with the reason: the custom chip's keys another
 * description set more directly overrides (unreadCustomChipKeys), and a prefill replica's layout (PREFILL_REPLICA_KEYS)
 * while serving.prefill is shared, which a scenario extending one that disaggregates may inherit (it was read by
 * nothing, with no word; the keys are not an error, as the parent's file is not the child's to change). `run` lists
 * them apart from the assumptions it uses, a page marks them "not used", and the Monte Carlo does not draw them. With
 * `defaults`, keys at their defaults that are not read as well (a comparison's cells).
 */
export function unreadKeys(
  resolved: ResolvedScenario,
  {defaults = false}: {defaults?: boolean} = {}
): Record<string, string> {
  const unread = unreadCustomChipKeys(resolved, {defaults});
  if (resolved.values["serving.prefill"]?.value === "shared") {
    for (const path of PREFILL_REPLICA_KEYS) {
      if (defaults || setRank(resolved, path) > 0) unread[path] = SHARED_PREFILL_UNREAD;
    }
  }
  return unread;
}
