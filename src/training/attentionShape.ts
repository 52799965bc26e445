import type {ModelArchitecture} from "../catalog/model.js";
import type {AttentionShape} from "./trainingFlops.js";

/**
 * The attention shape trainingFlops needs, from a catalog model: query heads, head widths (query/key width adds the
 * rotary part for multi-head latent attention: 128 + 64 = 192 for DeepSeek-V3; value width is head_dim) and the
 * training sequence length. Null when the sequence length is unknown.
 */
export function attentionShape(
  model: Pick<ModelArchitecture, "layers" | "attentionHeads" | "headDim" | "mlaRopeDim">,
  sequenceTokens: number | null
): AttentionShape | null {
  if (sequenceTokens === null) return null;
  return {
    layers: model.layers,
    heads: model.attentionHeads,
    qkHeadDim: model.headDim + (model.mlaRopeDim ?? 0),
    vHeadDim: model.headDim,
    sequenceTokens
  };
}
