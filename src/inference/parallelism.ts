import type {ModelArchitecture} from "../catalog/model.js";

type HeadShape = Pick<ModelArchitecture, "attentionHeads" | "kvHeads" | "mlaKvDim">;

/**
 * How one model replica is laid out over its chips.
 *   tensor parallelism t: each attention layer (and every non-expert weight) is split over t chips by heads;
 *   expert parallelism e: the routed experts of an MoE are spread over e chips, whole experts per chip;
 *   chips N = max(t, e); attention groups g = N ÷ t, each holding a full copy of the non-expert weights and serving
 *   its own share of the sequences (data-parallel attention, as DeepSeek's decode runs MLA DP144 with experts EP144).
 * TP8 EP1 is the classic tensor-parallel replica; TP1 EP8 is data-parallel attention with expert parallelism. A layout
 * with expertParallel > tensorParallel serving whole requests (prefill beside decode) is outside the calibrated band
 * (calibration/scope.ts): the model runs its attention groups in lockstep at the mean batch, without the imbalance
 * unified scheduling gives them, and is about 1.7 to 2.6 times too fast on such runs' decode steps, for reasons that
 * imbalance does not explain; the measurements of such runs are not fitted, and a user's such layout carries a note
 * (calibratedBandNote.ts).
 */
export interface ReplicaLayout {
  /** Chips one attention layer is split over; integer >= 1. */
  tensorParallel: number;
  /** Chips the routed experts are spread over (1: experts split by tensor parallelism like dense layers). */
  expertParallel: number;
  /** Chips in the replica: max(tensorParallel, expertParallel). */
  chips: number;
  /** Copies of the non-expert weights (data-parallel attention groups): chips ÷ tensorParallel. */
  attentionGroups: number;
}

/** The layout of `tensorParallel` × `expertParallel` (the smaller must divide the larger; see parallelismProblem). */
export function replicaLayout(tensorParallel: number, expertParallel: number): ReplicaLayout {
  const chips = Math.max(tensorParallel, expertParallel);
  return {tensorParallel, expertParallel, chips, attentionGroups: chips / tensorParallel};
}

/**
 * Whether tensor parallelism `t` can shard the attention of `model`: every chip must hold whole query heads
 * (t divides attentionHeads) and whole KV heads — either a share of them (t divides kvHeads) or one replicated head
 * (kvHeads divides t, each KV head copied onto t ÷ kvHeads chips). A latent (MLA) cache is copied whole onto every
 * chip, so only the query heads constrain it.
 */
export function tensorParallelWorks(model: HeadShape, t: number): boolean {
  if (!Number.isInteger(t) || t < 1 || model.attentionHeads % t !== 0) return false;
  if (model.mlaKvDim !== null) return true;
  return model.kvHeads % t === 0 || t % model.kvHeads === 0;
}

/** Every tensor-parallel degree from 1 to attentionHeads that can shard the model's attention, ascending. */
export function workingTensorParallelDegrees(model: HeadShape): number[] {
  const degrees: number[] = [];
  for (let t = 1; t <= model.attentionHeads; t++) if (tensorParallelWorks(model, t)) degrees.push(t);
  return degrees;
}

/**
 * Times each KV element of a token is stored across one tensor-parallel group of `t` chips, relative to the model's
 * own cache (kvBytesPerToken): 1 when t ≤ kvHeads (each head on one chip), t ÷ kvHeads when t > kvHeads (each chip
 * holds one whole head, so heads are copied), and t for a latent (MLA) cache, which every chip holds whole.
 * e.g. Llama 3.1 405B (8 KV heads) at TP16: 2; DeepSeek-V3 (MLA) at TP8: 8.
 */
export function kvReplication(model: HeadShape, t: number): number {
  if (model.mlaKvDim !== null) return t;
  return Math.max(1, t / model.kvHeads);
}
