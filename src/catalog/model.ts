/** One model architecture from data/models.csv, in base units (parameter counts, not billions). */
export interface ModelArchitecture {
  /** Catalog id, lowercase kebab-case (`llama-3.1-70b`). */
  id: string;
  name: string;
  /** Total parameters. */
  params: number;
  /** Parameters used per token (equal to params for a dense model). */
  activeParams: number;
  layers: number;
  hiddenSize: number;
  attentionHeads: number;
  /** Key/value heads (grouped-query attention); equals attentionHeads for multi-head attention. */
  kvHeads: number;
  headDim: number;
  /**
   * For multi-head latent attention (DeepSeek-V2/V3): KV elements cached per token per layer (kv_lora_rank +
   * qk_rope_head_dim = 576 for DeepSeek-V3). Null for ordinary attention, whose cache is 2 × kvHeads × headDim.
   */
  mlaKvDim: number | null;
  /**
   * For multi-head latent attention: the decoupled rotary part of each query/key head and of the cached latent
   * (qk_rope_head_dim = 64 for DeepSeek-V3), so that prefill scores QKᵀ over headDim + mlaRopeDim = 192 dims and
   * absorbed decode over mlaKvDim = 576. Null for ordinary attention.
   */
  mlaRopeDim: number | null;
  /** Routed experts per MoE layer; 1 for a dense model. */
  experts: number;
  /** Routed experts each token uses; 1 for a dense model. */
  expertsPerToken: number;
  vocabSize: number;
  /**
   * True when the output head reuses the input embedding matrix (tie_word_embeddings), so params count one
   * vocabSize × hiddenSize table; false when they are separate tables.
   */
  tiedEmbeddings: boolean;
  /** Maximum context length, tokens. */
  contextTokens: number;
  /** Published pre-training tokens, if any. */
  trainingTokens: number | null;
  sourceTitle: string;
  sourceUrl: string;
  notes: string;
}
