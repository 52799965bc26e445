import {kvBytesPerToken} from "./kvCache.js";
import type {ModelShape} from "./stepCost.js";

/**
 * What fits in the HBM of one replica: weights (all parameters, split over the tensor-parallel chips) plus the KV
 * cache of every sequence in the batch, within the HBM left after a reserve for activations and the runtime.
 *   usable = HBM per chip × TP × (1 − reserve)
 *   max batch = floor((usable − params × bytes/param) ÷ (context × KV bytes/token))
 */
export interface MemoryFitInput {
  model: ModelShape;
  /** HBM of one chip, bytes. */
  hbmBytes: number;
  tensorParallel: number;
  bytesPerParam: number;
  kvBytesPerElement: number;
  /** Tokens in each sequence's KV cache; the largest a sequence reaches, for a safe cap. */
  contextTokens: number;
  /** HBM held back for activations, workspace and fragmentation, as a fraction; in [0, 1). */
  reserveFraction: number;
}

export interface MemoryFitResult {
  /** Bytes of weights across the replica. */
  weightBytes: number;
  /** Bytes of HBM usable for weights and KV cache across the replica. */
  usableBytes: number;
  /** KV cache bytes one sequence needs at the context. */
  kvBytesPerSequence: number;
  /** Largest batch that fits; 0 when the weights alone do not fit. */
  maxBatchSize: number;
  /** True when the weights fit with room for at least one sequence. */
  fits: boolean;
}

/** HBM reserved for activations and runtime workspace: an assumption (vLLM's default gpu_memory_utilization is 0.9). */
export const DEFAULT_HBM_RESERVE_FRACTION = 0.1;

export function memoryFit(input: MemoryFitInput): MemoryFitResult {
  const weightBytes = input.model.params * input.bytesPerParam;
  const usableBytes = input.hbmBytes * input.tensorParallel * (1 - input.reserveFraction);
  const kvBytesPerSequence = Math.max(1, input.contextTokens) * kvBytesPerToken(input.model, input.kvBytesPerElement);
  const free = usableBytes - weightBytes;
  const maxBatchSize = free > 0 ? Math.floor(free / kvBytesPerSequence) : 0;
  return {weightBytes, usableBytes, kvBytesPerSequence, maxBatchSize, fits: maxBatchSize >= 1};
}
