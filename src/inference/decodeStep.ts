import {kvBytesPerToken} from "./kvCache.js";
import {
  attentionFlopsPerToken,
  rooflineStepTime,
  type ModelShape,
  type ReplicaHardware,
  type StepTime
} from "./stepCost.js";
import {paramsReadPerStep} from "./weights.js";

/**
 * One decode step: every sequence in the batch produces one token.
 *   bytes = params read (all for dense; touched experts for MoE) × bytes/param + batch × context × KV bytes/token
 *   FLOPs = 2 × active params × batch + batch × attention FLOPs at the context
 *   time  = max(bytes ÷ achievable bandwidth, FLOPs ÷ achievable compute)  over the tensor-parallel group
 * Communication between tensor-parallel chips is not modelled (it overlaps with compute on NVLink-class links).
 */
export interface DecodeStepInput {
  model: ModelShape;
  hardware: ReplicaHardware;
  /** Bytes per weight of the serving precision (2 for BF16). */
  bytesPerParam: number;
  /** Bytes per cached key/value element. */
  kvBytesPerElement: number;
  /** Sequences decoded together; integer >= 1. */
  batchSize: number;
  /** Tokens in each sequence's KV cache (prompt plus output so far), on average; >= 0. */
  contextTokens: number;
}

export function decodeStep(input: DecodeStepInput): StepTime {
  const {model, batchSize, contextTokens} = input;
  const weightBytes = paramsReadPerStep(model, batchSize) * input.bytesPerParam;
  const kvBytes = batchSize * contextTokens * kvBytesPerToken(model, input.kvBytesPerElement);
  const flops = batchSize * (2 * model.activeParams + attentionFlopsPerToken(model, contextTokens));
  return rooflineStepTime(weightBytes + kvBytes, flops, input.hardware);
}
