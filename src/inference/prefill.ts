import {kvBytesPerToken} from "./kvCache.js";
import {rooflineStepTime, type ModelShape, type ReplicaHardware, type StepTime} from "./stepCost.js";
import {paramsReadPerStep} from "./weights.js";

/**
 * Prefill of one prompt of `promptTokens` tokens in a single forward pass (compute-bound for any real prompt):
 *   FLOPs = 2 × active params × P + causal attention 2 × layers × heads × headDim × P²
 *           (query i attends to i tokens: Σ 4·layers·heads·headDim·i ≈ 2·layers·heads·headDim·P²)
 *   bytes = params read for P tokens × bytes/param + P × KV bytes/token written
 * Its time is the time to first token (queueing and the network are not included).
 */
export interface PrefillInput {
  model: ModelShape;
  hardware: ReplicaHardware;
  bytesPerParam: number;
  kvBytesPerElement: number;
  /** Prompt length, tokens; integer >= 1. */
  promptTokens: number;
}

export function prefill(input: PrefillInput): StepTime {
  const {model, promptTokens: p} = input;
  const flops = 2 * model.activeParams * p + 2 * model.layers * model.attentionHeads * model.headDim * p * p;
  const bytes = paramsReadPerStep(model, p) * input.bytesPerParam + p * kvBytesPerToken(model, input.kvBytesPerElement);
  return rooflineStepTime(bytes, flops, input.hardware);
}
