import type {ModelArchitecture} from "../catalog/model.js";

type MoeShape = Pick<ModelArchitecture, "params" | "activeParams" | "experts" | "expertsPerToken">;

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
  return 1 - Math.pow(1 - routedFraction, tokens);
}

/** Parameters read from memory in one forward step over `tokens` tokens (all of them for a dense model). */
export function paramsReadPerStep(model: MoeShape, tokens: number): number {
  const {sharedParams, routedParams} = splitParams(model);
  return sharedParams + routedParams * touchedExpertFraction(model, tokens);
}
