import type {ModelArchitecture} from "../catalog/model.js";
import {kvReplication} from "./parallelism.js";

type KvShape = Pick<ModelArchitecture, "layers" | "kvHeads" | "headDim" | "mlaKvDim">;

/**
 * Bytes of key/value cache one token occupies across all layers, stored once:
 *   ordinary (multi-head or grouped-query) attention: 2 × layers × kvHeads × headDim × bytes per element
 *   multi-head latent attention (DeepSeek-V2/V3):     layers × mlaKvDim × bytes per element
 * e.g. Llama 3.1 405B in BF16: 2 × 126 × 8 × 128 × 2 = 516,096 B; DeepSeek-V3: 61 × 576 × 2 = 70,272 B.
 */
export function kvBytesPerToken(model: KvShape, kvBytesPerElement: number): number {
  const elementsPerLayer = model.mlaKvDim ?? 2 * model.kvHeads * model.headDim;
  return model.layers * elementsPerLayer * kvBytesPerElement;
}

/**
 * Bytes of KV cache one token occupies across the chips of one tensor-parallel group of `tensorParallel` chips,
 * counting copies: kvBytesPerToken × kvReplication (parallelism.ts). A decode step reads, and HBM holds, this many.
 * e.g. Llama 3.1 405B in FP8 at TP16 (8 KV heads, each on 2 chips): 2 × 258,048 = 516,096 B; DeepSeek-V3 in FP8 at
 * TP8 (the 576-element latent on every chip): 8 × 35,136 = 281,088 B.
 */
export function kvBytesPerTokenStored(
  model: KvShape & Pick<ModelArchitecture, "attentionHeads">,
  kvBytesPerElement: number,
  tensorParallel: number
): number {
  return kvBytesPerToken(model, kvBytesPerElement) * kvReplication(model, tensorParallel);
}
