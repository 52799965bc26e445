import {kvBytesPerTokenStored} from "./kvCache.js";
import type {ReplicaLayout} from "./parallelism.js";
import type {ModelShape} from "./stepCost.js";
import {weightParamsStored} from "./weights.js";

/**
 * What fits in the HBM of one replica: the weights it stores (weights.ts: non-expert weights per attention group,
 * experts once) plus the KV cache of every sequence in the batch, within the HBM left after a reserve for
 * activations and the runtime.
 *   usable = HBM the runtime reports per chip × chips × (1 − reserve)
 *   max batch = floor((usable − weights) ÷ (KV tokens per sequence × KV bytes per token as stored))
 * A paged KV cache (vLLM, SGLang, TensorRT-LLM) holds each sequence's live tokens, not its maximum length: callers
 * pass the mean live length of a request, input + output ÷ 2 (servingPerformance.ts), and the result says which
 * length it counted.
 */
export interface MemoryFitInput {
  model: ModelShape;
  /** HBM of one chip as the runtime reports it, bytes (Hardware.hbmCapacityBytes). */
  hbmCapacityBytes: number;
  layout: ReplicaLayout;
  bytesPerParam: number;
  kvBytesPerElement: number;
  /** KV tokens each sequence holds on average; >= 1 counted (a sequence holds at least one token). */
  kvTokensPerSequence: number;
  /** HBM held back for activations, workspace and fragmentation, as a fraction; in [0, 1). */
  reserveFraction: number;
}

export interface MemoryFitResult {
  /** Bytes of weights across the replica. */
  weightBytes: number;
  /** Bytes of HBM usable for weights and KV cache across the replica. */
  usableBytes: number;
  /** KV tokens counted per sequence (the mean live length the caller passed). */
  kvTokensPerSequence: number;
  /** KV cache bytes one sequence holds at that length, copies included. */
  kvBytesPerSequence: number;
  /** Largest batch that fits; 0 when the weights alone do not fit. */
  maxBatchSize: number;
  /** True when the weights fit with room for at least one sequence. */
  fits: boolean;
}

/** HBM reserved for activations and runtime workspace: an assumption (vLLM's default gpu_memory_utilization is 0.9). */
export const DEFAULT_HBM_RESERVE_FRACTION = 0.1;

/**
 * Bytes of weights one replica stores across its chips (weights.ts: non-expert weights per attention group, experts
 * once) at `bytesPerParam` bytes a parameter.
 */
export function replicaWeightBytes(model: ModelShape, layout: ReplicaLayout, bytesPerParam: number): number {
  return weightParamsStored(model, layout.attentionGroups) * bytesPerParam;
}

export function memoryFit(input: MemoryFitInput): MemoryFitResult {
  const {layout} = input;
  const weightBytes = replicaWeightBytes(input.model, layout, input.bytesPerParam);
  const usableBytes = input.hbmCapacityBytes * layout.chips * (1 - input.reserveFraction);
  const kvTokensPerSequence = Math.max(1, input.kvTokensPerSequence);
  const kvBytesPerSequence =
    kvTokensPerSequence * kvBytesPerTokenStored(input.model, input.kvBytesPerElement, layout.tensorParallel);
  const free = usableBytes - weightBytes;
  const maxBatchSize = free > 0 ? Math.floor(free / kvBytesPerSequence) : 0;
  return {weightBytes, usableBytes, kvTokensPerSequence, kvBytesPerSequence, maxBatchSize, fits: maxBatchSize >= 1};
}
