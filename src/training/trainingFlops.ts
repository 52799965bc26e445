import {UserError} from "../errors/userError.js";
import {checkFiniteResult, checkRange, describeFound, type NumberRange} from "../units/range.js";

/**
 * Training FLOPs of a dense or MoE transformer: the parameter term and, where the sequence length is known, the
 * attention term.
 *
 *   parameter FLOPs = 6 × N × D          (Kaplan et al. 2020, "Scaling Laws for Neural Language Models",
 *                                          arXiv 2001.08361, §2.1; N = parameters each token uses, active for MoE)
 *   attention FLOPs = 3 × L × H × T × (d_qk + d_v) × D ÷ 2 × 2 = 3 × L × H × T × (d_qk + d_v) × D   (causal)
 *
 * The attention term: a forward pass computes Q·Kᵀ (2·T·H·d_qk FLOPs per token and layer) and A·V (2·T·H·d_v);
 * the backward pass costs twice the forward, so training is 3× the forward: 6·L·H·T·(d_qk + d_v) per token for full
 * (non-causal) attention, which with d_qk = d_v = Q is PaLM's 12·L·H·Q·T (Chowdhery et al. 2022, "PaLM", arXiv
 * 2204.02311, Appendix B). A causal mask halves it (only the lower triangle is computed, as FlashAttention counts
 * it): 3·L·H·T·(d_qk + d_v) per token. For multi-head latent attention d_qk = head_dim + rope_dim (192 for
 * DeepSeek-V3) and d_v = head_dim.
 */
export interface TrainingFlopsInput {
  /** Parameters used per token (active params for MoE); > 0. */
  activeParams: number;
  /** Training tokens; > 0. */
  tokens: number;
  /** The attention shape; null when the sequence length is not known (the attention term is then left out). */
  attention: AttentionShape | null;
}

/** What the attention term needs: layers, query heads, per-head query/key and value widths, sequence length. */
export interface AttentionShape {
  /** Transformer layers; integer >= 1. */
  layers: number;
  /** Query heads per layer; integer >= 1. */
  heads: number;
  /** Width of a query/key head (head_dim, plus the rotary part for MLA); > 0. */
  qkHeadDim: number;
  /** Width of a value head; > 0. */
  vHeadDim: number;
  /** Training sequence length, tokens; > 0. */
  sequenceTokens: number;
}

export interface TrainingFlopsResult {
  /** 6 × N × D, FLOP. */
  parameterFlops: number;
  /** The causal attention term, FLOP; 0 when no attention shape is given. */
  attentionFlops: number;
  /** parameterFlops + attentionFlops, FLOP. */
  totalFlops: number;
}

/** Finite and above 0. */
const POSITIVE: NumberRange = {min: 0, max: Infinity, minExclusive: true, maxExclusive: true};
/** A whole number >= 1. */
const COUNT: NumberRange = {min: 1, max: Infinity, maxExclusive: true, integer: true};

/**
 * Parameter and causal-attention training FLOPs (formulas and sources above). Throws a UserError naming the field of
 * a parameter count, token count or attention dimension outside the ranges above (from a script, -1 parameters gave
 * negative FLOPs and a string was multiplied as a number). The ranges are unbounded above, so inputs each in range may
 * overflow together (10^200 parameters × 10^200 tokens): a total that is not finite throws a UserError naming the
 * inputs and their values (checkFiniteResult), never Infinity.
 */
export function trainingFlops(input: TrainingFlopsInput): TrainingFlopsResult {
  checkRange("activeParams", input.activeParams, POSITIVE);
  checkRange("tokens", input.tokens, POSITIVE);
  if (input.attention !== null) {
    // Left out or not an object, it read "attention.layers: … found nothing", as if only the layers were missing.
    if (typeof input.attention !== "object" || Array.isArray(input.attention)) {
      throw new UserError({
        path: "attention",
        message: "not an attention shape",
        expected: "null (no attention term) or {layers, heads, qkHeadDim, vHeadDim, sequenceTokens}",
        found: describeFound(input.attention)
      });
    }
    const {layers, heads, qkHeadDim, vHeadDim, sequenceTokens} = input.attention;
    checkRange("attention.layers", layers, COUNT);
    checkRange("attention.heads", heads, COUNT);
    checkRange("attention.qkHeadDim", qkHeadDim, POSITIVE);
    checkRange("attention.vHeadDim", vHeadDim, POSITIVE);
    checkRange("attention.sequenceTokens", sequenceTokens, POSITIVE);
  }
  const parameterFlops = 6 * input.activeParams * input.tokens;
  const a = input.attention;
  const attentionFlops =
    a === null ? 0 : 3 * a.layers * a.heads * a.sequenceTokens * (a.qkHeadDim + a.vHeadDim) * input.tokens;
  const totalFlops = parameterFlops + attentionFlops;
  if (!Number.isFinite(totalFlops)) {
    const {activeParams, tokens} = input;
    checkFiniteResult(parameterFlops, "parameter FLOPs = 6 × activeParams × tokens", {activeParams, tokens});
    const shape = a === null ? {} : prefixed(a);
    checkFiniteResult(totalFlops, "FLOPs = 6·N·D + 3·L·H·T·(d_qk + d_v)·D", {activeParams, tokens, ...shape});
  }
  return {parameterFlops, attentionFlops, totalFlops};
}

/** The attention shape's fields as an error's path names them (`attention.layers`). */
function prefixed(shape: AttentionShape): Record<string, number> {
  return Object.fromEntries(Object.entries(shape).map(([key, value]) => [`attention.${key}`, value as number]));
}
