import type {ModelArchitecture} from "../catalog/model.js";

type AttentionShape = Pick<ModelArchitecture, "layers" | "attentionHeads" | "headDim" | "mlaKvDim" | "mlaRopeDim">;

/**
 * FLOPs of attention per query head per (query, cached token) pair in one layer: QKᵀ scores over the key dimension
 * and A·V over the value dimension, 2 FLOPs per multiply-add each.
 *   ordinary attention:                 2 × headDim + 2 × headDim = 4 × headDim (512 at head dim 128)
 *   MLA prefill (keys up-projected):    2 × (headDim + rope) + 2 × headDim (DeepSeek-V3: 2·192 + 2·128 = 640)
 *   MLA absorbed decode (over latent):  2 × mlaKvDim + 2 × (mlaKvDim − rope) (DeepSeek-V3: 2·(512+64) + 2·512 = 2,176)
 * Absorbed decode multiplies the query into the 512-element latent space and attends over the cached latent plus its
 * 64 rope elements, so each cached token costs 576 + 512 multiply-adds per head rather than 128 + 128 (DeepSeek-V2
 * §2.1.2, "absorb W^UK into W^Q"; DeepSeek-V3 config: qk_nope 128, qk_rope 64, v_head 128, kv_lora_rank 512).
 */
export function attentionFlopsPerPair(model: AttentionShape, phase: "prefill" | "decode"): number {
  if (model.mlaKvDim === null || model.mlaRopeDim === null) return 4 * model.headDim;
  if (phase === "prefill") return 2 * (model.headDim + model.mlaRopeDim) + 2 * model.headDim;
  return 2 * model.mlaKvDim + 2 * (model.mlaKvDim - model.mlaRopeDim);
}

/**
 * Attention FLOPs of one decode token attending to `contextTokens` cached tokens, over all layers and heads:
 *   layers × heads × attentionFlopsPerPair(decode) × context
 * e.g. Llama 3.1 405B at 4,096 tokens: 126 × 128 × 512 × 4,096 = 33.82e9.
 */
export function decodeAttentionFlops(model: AttentionShape, contextTokens: number): number {
  return model.layers * model.attentionHeads * attentionFlopsPerPair(model, "decode") * contextTokens;
}

/**
 * Causal attention FLOPs of prefilling `newTokens` tokens after `cachedTokens` already in the cache (a prefix-cache
 * hit): query i attends to i tokens, so the pairs are Σ i for i from cached + 1 to cached + new, taken as
 * ((cached + new)² − cached²) ÷ 2 (the continuous form, P²/2 with no cache):
 *   layers × heads × attentionFlopsPerPair(prefill) × pairs
 * e.g. DeepSeek-V3, a 32,768-token prompt: 61 × 128 × 640 × 32,768² ÷ 2 = 2.6828e15.
 */
export function prefillAttentionFlops(model: AttentionShape, newTokens: number, cachedTokens: number): number {
  const total = cachedTokens + newTokens;
  const pairs = (total * total - cachedTokens * cachedTokens) / 2;
  return model.layers * model.attentionHeads * attentionFlopsPerPair(model, "prefill") * pairs;
}
