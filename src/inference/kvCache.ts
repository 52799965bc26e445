import type {ModelArchitecture} from "../catalog/model.js";

/**
 * Bytes of key/value cache one token occupies across all layers:
 *   ordinary (multi-head or grouped-query) attention: 2 × layers × kvHeads × headDim × bytes per element
 *   multi-head latent attention (DeepSeek-V2/V3):     layers × mlaKvDim × bytes per element
 * e.g. Llama 3.1 405B in BF16: 2 × 126 × 8 × 128 × 2 = 516,096 B; DeepSeek-V3: 61 × 576 × 2 = 70,272 B.
 */
export function kvBytesPerToken(
  model: Pick<ModelArchitecture, "layers" | "kvHeads" | "headDim" | "mlaKvDim">,
  kvBytesPerElement: number
): number {
  const elementsPerLayer = model.mlaKvDim ?? 2 * model.kvHeads * model.headDim;
  return model.layers * elementsPerLayer * kvBytesPerElement;
}
