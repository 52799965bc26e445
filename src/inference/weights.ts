import type {ModelArchitecture} from "../catalog/model.js";
import {portablePow} from "../uncertainty/portableMath.js";

type MoeShape = Pick<ModelArchitecture, "params" | "activeParams" | "experts" | "expertsPerToken">;
type EmbeddingShape = Pick<ModelArchitecture, "vocabSize" | "hiddenSize" | "tiedEmbeddings">;
type WeightShape = MoeShape & EmbeddingShape;

/**
 * Splits a model's parameters into those every token uses (attention, embeddings, dense layers, shared experts) and
 * the routed experts. From params = shared + routed and active = shared + routed × k/E:
 *   routed = (params − active) ÷ (1 − k/E),  shared = params − routed.
 * A dense model (E = k) has routed = 0.
 */
export function splitParams(model: MoeShape): {sharedParams: number; routedParams: number} {
  const routedFraction = model.expertsPerToken / model.experts;
  if (routedFraction >= 1) return {sharedParams: model.params, routedParams: 0};
  const routedParams = (model.params - model.activeParams) / (1 - routedFraction);
  return {sharedParams: model.params - routedParams, routedParams};
}

/**
 * Expected fraction of routed experts that at least one of `tokens` tokens touches in a layer, if each token picks
 * k of E experts uniformly: 1 − (1 − k/E)^tokens. One token touches k/E; a large batch touches nearly all.
 */
export function touchedExpertFraction(model: MoeShape, tokens: number): number {
  const routedFraction = model.expertsPerToken / model.experts;
  if (routedFraction >= 1) return 1;
  return 1 - portablePow(1 - routedFraction, tokens);
}

/** Parameters of one vocabSize × hiddenSize table: the input embedding, and (untied) again the output head. */
export function embeddingTableParams(model: EmbeddingShape): number {
  return model.vocabSize * model.hiddenSize;
}

/**
 * Parameters a token multiplies through, apart from the output head: the active parameters less the input embedding
 * (a gather: a token looks up its row, no multiply) and less the output head (counted apart because only the tokens
 * that need logits run it). Tied embeddings count one table for both, so only it comes off.
 *   untied: active − 2 × vocab × hidden;   tied: active − vocab × hidden
 * e.g. Llama 3.1 8B: 8.03e9 − 2 × 128,256 × 4,096 = 6.979e9.
 */
export function bodyParamsPerToken(model: Pick<ModelArchitecture, "activeParams"> & EmbeddingShape): number {
  const table = embeddingTableParams(model);
  return model.activeParams - (model.tiedEmbeddings ? table : 2 * table);
}

/**
 * Parameters a forward step over `tokens` tokens reads from HBM, across a replica with `attentionGroups` copies of the
 * non-expert weights (parallelism.ts):
 *   groups × (shared − untied input embedding) + gathered embedding rows + routed × touched fraction(tokens)
 * The input embedding is a gather: a step reads only the rows of its tokens, min(tokens, vocab) × hidden, not the
 * table (a tied table is read whole anyway, as the output head). The output head is a full matrix multiply and is
 * read whole. Routed experts are read once per replica (expert parallelism keeps one copy), as far as the step's
 * tokens touch them. e.g. Llama 3.1 8B at batch 1: 8.03e9 − 525,336,576 + 4,096 = 7.504667e9.
 */
export function weightParamsReadPerStep(model: WeightShape, tokens: number, attentionGroups: number): number {
  const {sharedParams, routedParams} = splitParams(model);
  const table = embeddingTableParams(model);
  const gathered = model.tiedEmbeddings ? 0 : Math.min(tokens, model.vocabSize) * model.hiddenSize;
  const sharedRead = sharedParams - (model.tiedEmbeddings ? 0 : table);
  return attentionGroups * sharedRead + gathered + routedParams * touchedExpertFraction(model, tokens);
}

/** Parameters a replica stores: every non-expert weight once per attention group, every routed expert once. */
export function weightParamsStored(model: MoeShape, attentionGroups: number): number {
  const {sharedParams, routedParams} = splitParams(model);
  return attentionGroups * sharedParams + routedParams;
}
